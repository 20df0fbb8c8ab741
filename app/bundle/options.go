// What an export or import is asked to do and what it reports back: the
// options, the export summary and the import report.

package bundle

// ExportOptions choose what a bundle carries.
type ExportOptions struct {
	// AuthorID, when set, limits the bundle to that profile's submitted
	// scorecards and what they refer to (role, candidate and application,
	// round, rubric version), without attachments: what an interviewer
	// sends back to the recruiter.
	AuthorID int64 `json:"authorId"`
	// NoScorecards leaves every scorecard out of a workspace bundle, e.g.
	// to set up an interviewer's laptop without the others' scores.
	NoScorecards bool `json:"noScorecards"`
	// NoAttachments leaves candidates' files out of a workspace bundle.
	NoAttachments bool `json:"noAttachments"`
	// AppVersion is recorded in the manifest.
	AppVersion string `json:"appVersion"`
}

// Summary is what an export wrote.
type Summary struct {
	Format    string `json:"format"`
	CreatedAt string `json:"createdAt"`
	Scope     string `json:"scope"`
	Author    string `json:"author,omitempty"`
	Counts    Counts `json:"counts"`
	// Bytes is the size of the archive written.
	Bytes int64 `json:"bytes"`
	// Skipped lists scorecards left out because they no longer match their
	// hash (the workspace file was changed outside hirebench).
	Skipped []string `json:"skipped"`
}

// ImportOptions change how an import treats a damaged bundle.
type ImportOptions struct {
	// SkipTampered imports everything else when some scorecards do not
	// match their hash; those are listed in ImportReport.Refused. Without
	// it, one such card refuses the whole bundle and nothing is written.
	SkipTampered bool `json:"skipTampered"`
}

// ImportReport says what an import did. Importing the same bundle again
// creates nothing: every record then counts as unchanged.
type ImportReport struct {
	Format     string `json:"format"`
	Scope      string `json:"scope"`
	Author     string `json:"author,omitempty"`
	CreatedAt  string `json:"createdAt"`
	AppVersion string `json:"appVersion"`
	// Created counts records added to this workspace; Unchanged those
	// already here (kept as they are, even when they differ: see Conflicts).
	Created   Counts `json:"created"`
	Unchanged Counts `json:"unchanged"`
	// Conflicts lists records where this workspace and the bundle disagree;
	// the local version is always kept.
	Conflicts []string `json:"conflicts"`
	// Refused lists scorecards left out because they failed verification
	// (only with ImportOptions.SkipTampered).
	Refused []string `json:"refused"`
	// Notes are other things worth knowing (a stage the pipeline had no room for, …).
	Notes []string `json:"notes"`
}

// NewReport starts the report of importing a bundle with this manifest.
func NewReport(m Manifest) ImportReport {
	return ImportReport{Format: m.Format, Scope: m.Scope, Author: m.Author, CreatedAt: m.CreatedAt, AppVersion: m.AppVersion,
		Conflicts: []string{}, Refused: []string{}, Notes: []string{}}
}
