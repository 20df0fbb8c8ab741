// The records a bundle carries besides scorecards: roles (pipeline, plan),
// rubrics (every version), candidates (applications, files).

package bundle

import (
	"encoding/json"

	"hirebench/app/model"
)

// Role is a role with its pipeline and interview plan.
type Role struct {
	Title string `json:"title"`
	// UIDs are the role's identities, its own first (v3): scorecards are
	// bound to them. Likewise on rounds and candidates.
	UIDs      []string `json:"uids,omitempty"`
	Team      string   `json:"team"`
	Location  string   `json:"location"`
	Status    string   `json:"status"`
	CreatedAt string   `json:"createdAt"`
	UpdatedAt string   `json:"updatedAt"`
	Stages    []Stage  `json:"stages"`
	Rounds    []Round  `json:"rounds"`
	// The plan's weights, their history, and the plan as fixed at the
	// role's first submission; workspace bundles only (v2).
	Weights       []Weight        `json:"weights,omitempty"`
	WeightChanges []WeightChange  `json:"weightChanges,omitempty"`
	PlanFixedAt   string          `json:"planFixedAt,omitempty"`
	PlanSnapshot  json.RawMessage `json:"planSnapshot,omitempty"`
}

// Stage is one pipeline column, in order; Kind is "active" or "rejected".
type Stage struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Round is one step of a role's interview plan.
type Round struct {
	Name         string   `json:"name"`
	UIDs         []string `json:"uids,omitempty"`
	RubricRef    string   `json:"rubricRef"`
	Competencies []string `json:"competencies"`
	DurationMin  int      `json:"durationMin"`
	Interviewers []string `json:"interviewers"`
}

// Rubric is a rubric with its versions, oldest first.
type Rubric struct {
	Ref      string          `json:"ref"`
	Name     string          `json:"name"`
	Builtin  bool            `json:"builtin"`
	Archived bool            `json:"archived"`
	Versions []RubricVersion `json:"versions"`
}

// RubricVersion is one exact version. SHA256 is the hash of Content in its
// compact form, which is how the workspace stores it.
type RubricVersion struct {
	Version   int             `json:"version"`
	SHA256    string          `json:"sha256"`
	CreatedAt string          `json:"createdAt"`
	Content   json.RawMessage `json:"content"`
}

// Candidate is a person with their applications and files.
type Candidate struct {
	Ref  string   `json:"ref"`
	UIDs []string `json:"uids,omitempty"`
	model.CandidateInput
	CreatedAt  string `json:"createdAt"`
	UpdatedAt  string `json:"updatedAt"`
	ArchivedAt string `json:"archivedAt"`
	// HumanOnly: the person asked that no AI be used for them (or a
	// recruiter decided so). An import switches it on and never off, so
	// they stay out of AI on every laptop.
	HumanOnly    bool          `json:"humanOnly,omitempty"`
	Applications []Application `json:"applications"`
	Attachments  []Attachment  `json:"attachments"`
}

// Label names a candidate in messages: their email, else their name.
func (c Candidate) Label() string {
	if c.Email != "" {
		return c.Email
	}
	return c.Name
}

// Application is the candidate in one role's pipeline.
type Application struct {
	RoleTitle       string `json:"roleTitle"`
	StageName       string `json:"stageName"`
	RejectionReason string `json:"rejectionReason"`
	CreatedAt       string `json:"createdAt"`
	EnteredStageAt  string `json:"enteredStageAt"`
	// Assignments are the recruiter's per-candidate round assignments (v2).
	Assignments []Assignment `json:"assignments,omitempty"`
}

// Attachment describes a file stored as attachments/<SHA256>.
type Attachment struct {
	FileName  string `json:"fileName"`
	MimeType  string `json:"mimeType"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Text      string `json:"text"`
	CreatedAt string `json:"createdAt"`
}
