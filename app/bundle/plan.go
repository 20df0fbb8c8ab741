// A role's interview plan as a bundle carries it: weights, weight history and
// per-candidate round assignments (format v2).

package bundle

// Weight is one weight set on a plan; QuestionID "" is the competency's.
type Weight struct {
	CompetencyID string  `json:"competencyId"`
	QuestionID   string  `json:"questionId"`
	Weight       float64 `json:"weight"`
}

// WeightChange is one entry of a plan's weight history.
type WeightChange struct {
	CompetencyID string  `json:"competencyId"`
	QuestionID   string  `json:"questionId"`
	Label        string  `json:"label"`
	Old          float64 `json:"old"`
	New          float64 `json:"new"`
	Reason       string  `json:"reason"`
	AfterScoring bool    `json:"afterScoring"`
	ActorName    string  `json:"actorName"`
	ChangedAt    string  `json:"changedAt"`
}

// Assignment is who interviews a candidate in one round, when the
// recruiter reassigned it (v2).
type Assignment struct {
	Round        string   `json:"round"`
	Interviewers []string `json:"interviewers"`
}
