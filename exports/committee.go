// Package exports writes what the hiring committee receives: an Excel
// workbook whose composites, coverage and ranking are live formulas over
// the plan's weights (planned, and a what-if copy the committee may edit),
// and CSV files. It formats; it computes nothing the app does not also show.
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
	// CoverageThreshold (0–1): the share of the plan a candidate's answers
	// must carry to be ranked.
	CoverageThreshold float64
	// WeightsNote is shown on Summary when weights changed after scoring
	// began ("" otherwise).
	WeightsNote string
	// Competencies and Questions are the plan with its planned weights;
	// Weights writes them twice, planned (fixed) and what-if (editable).
	Competencies []CompetencyWeight
	Questions    []QuestionWeight
	Candidates   []CandidateSummary
	// Answers is one row per candidate × plan question.
	Answers       []AnswerRow
	Scorecards    []ScoreRow
	WeightChanges []WeightChange
	Calibration   []CalibrationGroup
	// AIUsage is the AI calls about the role's candidates per feature and
	// model; none when AI was not used for them (then no AI usage sheet).
	AIUsage []AIUsageRow
	// Fairness is the role's fairness report in aggregates (a Fairness
	// sheet); nil when there is none to write.
	Fairness *Fairness
	// Validity is how interview scores predicted outcomes after the hire
	// (a Validity sheet); nil when no outcome is recorded.
	Validity *Validity
}

// CompetencyWeight is one competency of the plan.
type CompetencyWeight struct {
	ID     string
	Name   string
	Weight float64 // as planned (> 0)
}

// QuestionWeight is one question of the plan.
type QuestionWeight struct {
	Key          string // "competency/question", as in scoring.WeightKey
	CompetencyID string
	Competency   string
	QuestionID   string
	Question     string
	Weight       float64 // within its competency, as planned (> 0)
	Effective    float64 // the app's effective weight (0–1), which the formula must reproduce
}

// CandidateSummary is one Summary row; values are the app's own numbers
// at the planned weights, which the workbook's formulas must reproduce.
type CandidateSummary struct {
	CandidateID int64
	Name        string
	Stage       string
	Rank        int      // among complete candidates; 0 = not ranked
	Composite   *float64 // 0–100, nil without scores
	Coverage    float64  // 0–1
	Complete    bool
	// Uncertainty (standard error over interviewers) and its words.
	Uncertainty      *float64
	UncertaintyLabel string
	Interviewers     int
	// CompetencyMeans maps competency id to its weighted mean on 0–100.
	CompetencyMeans map[string]float64
	// Recommendations counts strong_no, no, yes, strong_yes.
	Recommendations map[string]int
	Disagreements   int
	Scorecards      int
	// ScoredAfterSeeing counts cards submitted or amended after their
	// author had seen other interviewers' cards (each card once).
	ScoredAfterSeeing int
}

// AnswerRow is one candidate × plan question: how many interviewers
// scored it and their mean (0–100, nil when nobody did).
type AnswerRow struct {
	CandidateID  int64
	Candidate    string
	Key          string
	Competency   string
	Question     string
	Interviewers int
	Mean         *float64
}

// ScoreRow is one Scorecards row: candidate × round × interviewer × question.
type ScoreRow struct {
	CandidateID          int64
	Candidate            string
	Round                string
	InterviewerID        int64
	Interviewer          string
	Key                  string // weight key
	Competency           string
	Question             string
	Score                *int // nil when skipped
	ScaleMin             int
	ScaleMax             int
	Label                string
	Norm                 *float64 // score on 0–100, nil when skipped
	Skipped              bool
	SkipReason           string
	Notes                string
	Recommendation       string
	SubmittedAt          string
	Hash                 string
	Amended              bool
	AmendedAfterSeeing   bool
	SubmittedAfterSeeing bool
}

// WeightChange is one row of the weight history.
type WeightChange struct {
	ChangedAt string
	Actor     string
	// What is "competency: Name", "question: Prompt", or for a PlanChange
	// the sentence saying which questions the plan gained or lost.
	What         string
	PlanChange   bool // Old and New are empty
	Old, New     float64
	AfterScoring bool
	Reason       string
}

// CalibrationGroup is one reliability report (pooled or per competency).
type CalibrationGroup struct {
	Name        string // "All questions" or a competency
	Scale       string
	Candidates  int
	Items       int
	PairedItems int
	Raters      int
	TooFew      string // why it is not reported ("" when it is)
	Report      *stats.Report
}
