// Package exports writes what the hiring committee receives: an Excel
// workbook whose composites are live formulas over editable weights, and
// CSV files. It formats; it computes nothing the app does not also show.
package exports

import (
	"time"

	"hirebench/app/stats"
)

// Committee is everything one role's committee workbook holds. The service
// (app/interviews) fills it from submitted scorecards only.
type Committee struct {
	RoleID     int64
	RoleTitle  string
	AppVersion string
	ExportedAt time.Time
	Candidates []CandidateSummary
	// Competencies lists the competency columns of Summary, in rubric order.
	Competencies []CompetencyColumn
	Weights      []Weight
	Scorecards   []ScoreRow
	Stats        stats.Report
}

// CompetencyColumn is one per-competency mean column of Summary.
type CompetencyColumn struct {
	ID   string
	Name string
}

// CandidateSummary is one Summary row; values are the app's own numbers.
type CandidateSummary struct {
	CandidateID int64
	Name        string
	Stage       string
	// Composite is 0–100 (nil without scores): the app's value, which the
	// workbook's live formula must reproduce.
	Composite *float64
	// CompetencyMeans maps competency id to its mean on 0–100.
	CompetencyMeans map[string]float64
	// Recommendations counts strong_no, no, yes, strong_yes.
	Recommendations map[string]int
	Disagreements   int
	Scorecards      int
	Spread          float64
}

// Weight is one editable row of the Weights sheet.
type Weight struct {
	Key          string // "competency/question", as in scoring.WeightKey
	CompetencyID string
	Competency   string
	QuestionID   string
	Question     string
	Default      float64 // the rubric's weight (competency × question)
}

// ScoreRow is one Scorecards row: candidate × round × interviewer × question.
type ScoreRow struct {
	CandidateID    int64
	Candidate      string
	Round          string
	Interviewer    string
	Key            string // weight key
	Competency     string
	Question       string
	Score          *int // nil when skipped
	ScaleMin       int
	ScaleMax       int
	Label          string
	Norm           *float64 // score on 0–100, nil when skipped
	Skipped        bool
	SkipReason     string
	Notes          string
	Recommendation string
	SubmittedAt    string
	Hash           string
	Amended        bool
}
