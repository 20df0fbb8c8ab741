// A rubric as the workspace stores it: the list summary and one stored version.

package rubric

// Summary is a rubric as listed: its latest version and whether it is used.
type Summary struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Builtin       bool   `json:"builtin"`
	ArchivedAt    string `json:"archivedAt"`
	LatestVersion int    `json:"latestVersion"`
	Competencies  int    `json:"competencies"`
	Questions     int    `json:"questions"`
	// InUse counts scorecards scored with any version of this rubric.
	InUse     int    `json:"inUse"`
	UpdatedAt string `json:"updatedAt"`
}

// Version is one stored version of a rubric, exactly as scored against.
type Version struct {
	ID         int64  `json:"id"`
	RubricID   int64  `json:"rubricId"`
	Version    int    `json:"version"`
	Builtin    bool   `json:"builtin"`
	ArchivedAt string `json:"archivedAt"`
	SHA256     string `json:"sha256"`
	CreatedAt  string `json:"createdAt"`
	Content    Rubric `json:"content"`
}
