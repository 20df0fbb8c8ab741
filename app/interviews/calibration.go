// Computes a role's calibration: whether its interviewers agree, pooled and per
// competency, on like-for-like ratings of the same scale.

package interviews

import (
	"hirebench/app/scoring"
	"hirebench/app/stats"
)

// Calibration asks whether a role's interviewers agree, on like-for-like
// ratings: each rated item is one candidate × one question, scored on the
// rubric's own scale (raw levels, not 0–100), and each rater is a profile
// (by id, so two people with one name stay two raters). Items on different
// scales are never mixed: every group holds one scale.
type Calibration struct {
	// BottomLine is the one sentence the calibration opens with, decided
	// from the pooled groups' alpha (scoring.CalibrationBottomLine).
	BottomLine scoring.BottomLine `json:"bottomLine"`
	// Pooled has one group per scale over all questions (usually one).
	Pooled []CalibrationGroup `json:"pooled"`
	// Competencies has one group per competency and scale.
	Competencies []CalibrationGroup `json:"competencies"`
	// The stated minimum below which a group says "too few to say".
	MinCandidates  int `json:"minCandidates"`
	MinPairedItems int `json:"minPairedItems"`
	// Labels names every statistic field for a column over several
	// groups, whose k differ ("ICC(2,k)"): stats.Labels. Each report's
	// own Statistics name its statistics with its k.
	Labels map[string]string `json:"labels"`
}

// CalibrationGroup is the reliability of one set of like-for-like ratings.
type CalibrationGroup struct {
	ID    string `json:"id"`   // competency id; "" when pooled
	Name  string `json:"name"` // competency name, or "All questions"
	Scale string `json:"scale"`
	// Candidates, Items (candidate × question), Raters and Ratings count
	// what the group holds; PairedItems are items two or more raters scored,
	// the only ones that say anything about agreement.
	Candidates  int `json:"candidates"`
	Items       int `json:"items"`
	PairedItems int `json:"pairedItems"`
	Raters      int `json:"raters"`
	Ratings     int `json:"ratings"`
	// TooFew: below the stated minimum; Report is then nil and Reason says why.
	TooFew bool          `json:"tooFew"`
	Reason string        `json:"reason"`
	Report *stats.Report `json:"report"`
}

// Minimums for a calibration group to be reported.
const (
	MinCalibrationCandidates = 3
	MinCalibrationPaired     = 10
)

// calibrate builds the calibration of the listed candidates' cards.
func calibrate(d roleData, candidates []int64) Calibration {
	pooled, comps := ratingGroups(d, candidates)
	return Calibration{BottomLine: scoring.CalibrationBottomLine(pooled, comps, minimums),
		Pooled: calibrationGroups(pooled), Competencies: calibrationGroups(comps),
		MinCandidates: MinCalibrationCandidates, MinPairedItems: MinCalibrationPaired, Labels: stats.Labels()}
}

// ratingGroups applies the calibration rule (scoring.Calibrate) to the
// listed candidates' cards, at the service's minimums.
func ratingGroups(d roleData, candidates []int64) (pooled, competencies []scoring.RatingGroup) {
	return scoring.Calibrate(candidates, d.cards, d.rubricOf, minimums)
}

var minimums = scoring.CalibrationMinimums{Candidates: MinCalibrationCandidates, PairedItems: MinCalibrationPaired}

func calibrationGroups(groups []scoring.RatingGroup) []CalibrationGroup {
	out := make([]CalibrationGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, CalibrationGroup{ID: g.CompetencyID, Name: g.Name, Scale: g.Scale, Candidates: g.Candidates,
			Items: g.Items, PairedItems: g.PairedItems, Raters: g.Raters, Ratings: g.Ratings,
			TooFew: g.Reason != "", Reason: g.Reason, Report: g.Report})
	}
	return out
}
