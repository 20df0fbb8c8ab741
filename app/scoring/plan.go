// Interview rounds of a role's plan, who is assigned to each, and a round's state
// for a candidate derived from its cards and schedule.

package scoring

import (
	"slices"

	"hirebench/app/model"
)

// Round is one step of a role's interview plan.
type Round struct {
	ID           int64           `json:"id"`
	RoleID       int64           `json:"roleId"`
	Name         string          `json:"name"`
	Position     int             `json:"position"`
	RubricID     int64           `json:"rubricId"`
	RubricName   string          `json:"rubricName"`
	Competencies []string        `json:"competencies"`
	DurationMin  int             `json:"durationMin"`
	Interviewers []model.Profile `json:"interviewers"`
}

// RoundInput creates or edits a round (ID 0 creates).
type RoundInput struct {
	ID             int64    `json:"id"`
	RoleID         int64    `json:"roleId"`
	Name           string   `json:"name"`
	RubricID       int64    `json:"rubricId"`
	Competencies   []string `json:"competencies"`
	DurationMin    int      `json:"durationMin"`
	InterviewerIDs []int64  `json:"interviewerIds"`
}

// RoundState is a round's progress for one candidate.
type RoundState string

const (
	NotScheduled RoundState = "not_scheduled"
	Scheduled    RoundState = "scheduled"
	InProgress   RoundState = "in_progress"
	Done         RoundState = "submitted"
)

// CandidateRound is a round as seen on a candidate's detail.
type CandidateRound struct {
	Round         Round      `json:"round"`
	ApplicationID int64      `json:"applicationId"`
	State         RoundState `json:"state"`
	ScheduledAt   string     `json:"scheduledAt"`
	// Cards are the round's scorecards as the viewer may see them: others'
	// hidden ones are redacted to author and state.
	Cards []Scorecard `json:"cards"`
	// Interviewers are who interviews this candidate in this round: the
	// recruiter's reassignment when Reassigned, else the plan's.
	Interviewers []model.Profile `json:"interviewers"`
	Reassigned   bool            `json:"reassigned"`
	// CanStart: the viewer is one of Interviewers and has no card yet;
	// StartNote says why not when they have no card ("" otherwise).
	CanStart  bool   `json:"canStart"`
	StartNote string `json:"startNote"`
	// MyCardID is the viewer's own card in this round, 0 if not started.
	MyCardID int64 `json:"myCardId"`
	Hidden   int   `json:"hidden"`
}

// Assignees is who interviews a candidate in a round: the recruiter's
// reassignment for that candidate when there is one, else the plan's
// interviewers for the round.
func Assignees(r Round, reassigned []model.Profile) []model.Profile {
	if len(reassigned) > 0 {
		return reassigned
	}
	return r.Interviewers
}

// AssignedTo lists the rounds of a candidate's applications a profile
// interviews in: for each application, its role's rounds (rounds, by role
// id) whose Assignees, the recruiter's reassignment (reassigned, by
// application and round) else the plan, include the profile.
func AssignedTo(profileID int64, apps []model.Application, rounds map[int64][]Round, reassigned map[RoundKey][]model.Profile) []RoundKey {
	var out []RoundKey
	for _, a := range apps {
		for _, r := range rounds[a.RoleID] {
			k := RoundKey{ApplicationID: a.ID, RoundID: r.ID}
			if slices.ContainsFunc(Assignees(r, reassigned[k]), func(x model.Profile) bool { return x.ID == profileID }) {
				out = append(out, k)
			}
		}
	}
	return out
}

// State derives a round's progress from its cards and schedule: submitted
// once every interviewer assigned to the candidate's round has submitted.
func State(assigned []model.Profile, scheduledAt string, cards []Scorecard) RoundState {
	submitted, drafts := map[int64]bool{}, 0
	for _, c := range cards {
		if c.Status == Submitted {
			submitted[c.AuthorID] = true
		} else {
			drafts++
		}
	}
	all := len(submitted) > 0
	for _, p := range assigned {
		if !submitted[p.ID] {
			all = false
		}
	}
	switch {
	case all && drafts == 0:
		return Done
	case drafts > 0 || len(submitted) > 0:
		return InProgress
	case scheduledAt != "":
		return Scheduled
	}
	return NotScheduled
}
