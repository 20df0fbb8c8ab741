package scoring

import (
	"slices"
	"testing"

	"hirebench/app/model"
)

// Whom a profile interviews: the plan's interviewers of each round of the
// candidate's roles, unless the recruiter reassigned that round for that
// application. Worked by hand: Sam is on both rounds of role 1 and was given
// role 2's round for application 20; Priya is on role 1's second round only,
// and lost role 2's round to Sam.
func TestAssignedToFollowsThePlanAndReassignments(t *testing.T) {
	sam, priya := model.Profile{ID: 1, Name: "Sam"}, model.Profile{ID: 2, Name: "Priya"}
	apps := []model.Application{{ID: 10, RoleID: 1}, {ID: 20, RoleID: 2}}
	rounds := map[int64][]Round{
		1: {{ID: 100, Interviewers: []model.Profile{sam}}, {ID: 101, Interviewers: []model.Profile{sam, priya}}},
		2: {{ID: 200, Interviewers: []model.Profile{priya}}},
	}
	reassigned := map[RoundKey][]model.Profile{{ApplicationID: 20, RoundID: 200}: {sam}}
	for who, want := range map[model.Profile][]RoundKey{
		sam:     {{10, 100}, {10, 101}, {20, 200}},
		priya:   {{10, 101}},
		{ID: 3}: nil,
	} {
		if got := AssignedTo(who.ID, apps, rounds, reassigned); !slices.Equal(got, want) {
			t.Errorf("AssignedTo(%s) = %v, want %v", who.Name, got, want)
		}
	}
}
