// Interviews on both engines: a scored card read back for the debrief, who
// has seen others' cards, schedules, and who is due under the retention
// policy.

package storage

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

func TestDebriefExposuresAndSchedulesOnBothEngines(t *testing.T) {
	forEachOpener(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		s, card := scoredWorkspaceOn(t, open)
		cards, err := s.RoleScorecards(ctx, card.RoleID)
		if err != nil || len(cards) != 1 || cards[0].UID != card.UID || len(cards[0].Revisions) != 1 ||
			cards[0].Revisions[0].Recommendation != "strong_yes" || cards[0].Revisions[0].Reason != "Second look." {
			t.Fatalf("RoleScorecards = %+v, %v; want Sam's card with its amendment", cards, err)
		}

		priya, err := s.CreateProfile(ctx, "Priya Nair", false)
		if err != nil {
			t.Fatal(err)
		}
		if seen, _ := s.Exposed(ctx, priya.ID, card.CandidateID); seen {
			t.Fatal("Priya has seen Ada's cards before anyone showed them")
		}
		for range 2 { // the second time keeps the first
			if err := s.RecordExposures(ctx, priya.ID, []int64{card.CandidateID}); err != nil {
				t.Fatal(err)
			}
		}
		if seen, err := s.Exposed(ctx, priya.ID, card.CandidateID); err != nil || !seen {
			t.Errorf("Exposed after RecordExposures = %v, %v", seen, err)
		}

		const at = "2025-03-04T10:00:00.000Z"
		for _, when := range []string{"2025-03-03T10:00:00.000Z", at} { // a reschedule replaces the time
			if err := s.ScheduleRound(ctx, card.ApplicationID, card.RoundID, when); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := s.Schedules(ctx, card.CandidateID); err != nil || len(got) != 1 || got[[2]int64{card.ApplicationID, card.RoundID}] != at {
			t.Errorf("Schedules = %v, %v; want the round at %s", got, err, at)
		}
	})
}

func TestDueForRetentionOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		role := mustRole(t, s, "AI Engineer")
		rejected := stageNamed(t, role, "Rejected")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, role.ID)
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}}, role.ID) // stays in Applied
		if _, err := s.MoveApplication(ctx, onlyApplication(t, s, ada.ID).ID, rejected.ID, "Withdrew", tester); err != nil {
			t.Fatal(err)
		}
		clk.Advance(48 * 3600e9)
		// A note is activity: Ada's last is now two days later.
		if _, err := s.AddNote(ctx, ada.ID, "Asked to be kept in mind.", tester); err != nil {
			t.Fatal(err)
		}
		due, err := s.DueForRetention(ctx, "2025-03-02T00:00:00.000Z")
		if err != nil || len(due) != 0 {
			t.Errorf("due before her note = %+v, %v; want nobody (Grace is still in the pipeline)", due, err)
		}
		due, err = s.DueForRetention(ctx, "2025-03-04T00:00:00.000Z")
		if err != nil || len(due) != 1 || due[0].ID != ada.ID || due[0].LastActivity != "2025-03-03T09:00:00.000Z" ||
			!slices.Equal(due[0].Applications, []string{"AI Engineer: Withdrew"}) {
			t.Errorf("DueForRetention = %+v, %v; want Ada, last active at her note, rejected from AI Engineer", due, err)
		}
	})
}

// The fairness report's counts and sums are the same on both engines (on
// PostgreSQL the server's functions, migration 0024).
func TestSelfIDCountsOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
		if err != nil {
			t.Fatal(err)
		}
		role := mustRole(t, s, "AI Engineer")
		applied, screen, rejected := stageNamed(t, role, "Applied").ID, stageNamed(t, role, "Screen").ID, stageNamed(t, role, "Rejected").ID
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, role.ID)
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}}, role.ID)
		lin := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Lin Wei"}}, role.ID)
		kim := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Kim Park"}}, role.ID)
		hana := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Hana Ito"}}, role.ID)
		hired := stageNamed(t, role, "Hired").ID
		other := mustRole(t, s, "Data Engineer")
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Elsewhere"}}, other.ID)
		move := func(c model.Candidate, to int64) {
			t.Helper()
			if _, err := s.MoveApplication(ctx, onlyApplication(t, s, c.ID).ID, to, "", tester); err != nil {
				t.Fatal(err)
			}
		}
		move(ada, screen)
		move(grace, screen) // and back: her history still reached Screen
		move(grace, applied)
		move(lin, rejected)
		move(hana, hired) // the last stage, and out
		move(hana, rejected)
		// Screen's name changes case: the history's "Screen" is the same stage.
		if _, err := s.RenameStage(ctx, screen, "SCREEN"); err != nil {
			t.Fatal(err)
		}
		flag := v.Content.Screen[0].ID
		if err := s.SaveScreen(ctx, ScreenSave{ApplicationID: onlyApplication(t, s, ada.ID).ID, VersionID: v.ID, Decision: scoring.Advance,
			Marks: map[string]scoring.FlagMark{flag: {Mark: "present", Evidence: "Ada Lovelace"}}}, tester); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSelfID(ctx, ada.ID, map[string]string{"gender": "woman", "age": "25-34"}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSelfID(ctx, ada.ID, map[string]string{"age": ""}); err != nil { // cleared
			t.Fatal(err)
		}
		if err := s.SetSelfID(ctx, grace.ID, map[string]string{"removed category": "x"}); err != nil {
			t.Fatal(err)
		}
		for c, gender := range map[int64]string{kim.ID: "man", hana.ID: "woman"} {
			if err := s.SetSelfID(ctx, c, map[string]string{"gender": gender}); err != nil {
				t.Fatal(err)
			}
		}
		classes, err := s.SelfIDCounts(ctx, role.ID, []string{"gender", "age"})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, c := range classes {
			got[fmt.Sprintf("%s|%s|%s|%d|%v|%s|%v", c.Part, c.Category, c.Answer, c.Furthest, c.Rejected, c.Decision, c.Responded)] += c.N
		}
		k := func(part, category, answer string, furthest int64, rejected bool, decision string, responded bool) string {
			return fmt.Sprintf("%s|%s|%s|%d|%v|%s|%v", part, category, answer, furthest, rejected, decision, responded)
		}
		want := map[string]int{
			// Ada, Kim and Hana answered a category asked; Grace only one
			// that is not, Lin nothing.
			k(PartPeople, "", "", 0, false, "", true):  3,
			k(PartPeople, "", "", 0, false, "", false): 2,
			// Someone answered gender; nobody age (Ada's was cleared).
			k(PartAnswered, "gender", "", 0, false, "", false): 1,
			// Only Ada's screen is decided.
			k(PartScreen, "", "", 0, false, "advance", false):            1,
			k(PartScreen, "gender", "woman", 0, false, "advance", false): 1,
			k(PartScreen, "age", "", 0, false, "advance", false):         1, // her age answer was cleared
			// Everyone: Ada and Grace reached Screen; Lin, rejected, and Kim,
			// waiting, Applied; Hana, rejected, Hired.
			k(PartStage, "", "", screen, false, "", false):  2,
			k(PartStage, "", "", applied, true, "", false):  1,
			k(PartStage, "", "", applied, false, "", false): 1,
			k(PartStage, "", "", hired, true, "", false):    1,
			// By answer, what the report's transitions show: Kim, waiting
			// at the first stage, is in none; Hana at the last is counted
			// with whoever else got there, rejected or not.
			k(PartStage, "gender", "woman", screen, false, "", false): 1,
			k(PartStage, "gender", "", screen, false, "", false):      1,
			k(PartStage, "gender", "", applied, true, "", false):      1,
			k(PartStage, "gender", "woman", hired, false, "", false):  1,
			k(PartStage, "age", "", screen, false, "", false):         2,
			k(PartStage, "age", "", applied, true, "", false):         1,
			k(PartStage, "age", "", hired, false, "", false):          1,
		}
		if !maps.Equal(got, want) {
			t.Errorf("SelfIDCounts =\n%v\nwant\n%v", got, want)
		}
		// Lin and Grace answered nothing asked: {60, 70} has mean 65 and
		// M2 = 5² + 5² = 50; Ada alone is 80 on the composite, 50 on the
		// question.
		sums, err := s.SelfIDMeans(ctx, role.ID, []string{"gender"}, []SelfIDScore{
			{ada.ID, 0, 80}, {grace.ID, 0, 60}, {lin.ID, 0, 70}, {ada.ID, 1, 50}})
		if err != nil {
			t.Fatal(err)
		}
		wantSums := []SelfIDSum{{0, "gender", "", 2, 65, 50}, {0, "gender", "woman", 1, 80, 0}, {1, "gender", "woman", 1, 50, 0}}
		if !slices.Equal(sums, wantSums) {
			t.Errorf("SelfIDMeans = %+v, want %+v", sums, wantSums)
		}
	})
}

func TestInterviewPlanOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		sam, _ := s.CreateProfile(ctx, "Sam Okafor", false)
		priya, _ := s.CreateProfile(ctx, "priya Nair", false)
		v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
		if err != nil {
			t.Fatal(err)
		}
		role := mustRole(t, s, "AI Engineer")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, role.ID)
		var ids []int64
		for _, name := range []string{"Deep dive", "Systems", "Values"} {
			r, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: name, RubricID: v.RubricID, DurationMin: 45,
				InterviewerIDs: []int64{sam.ID, priya.ID}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		if err := s.MoveRound(ctx, ids[2], 1); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteRound(ctx, ids[1]); err != nil {
			t.Fatal(err)
		}
		rounds, err := s.ListRounds(ctx, role.ID)
		if err != nil || len(rounds) != 2 || rounds[0].Name != "Values" || rounds[1].Name != "Deep dive" {
			t.Fatalf("ListRounds = %+v, %v; want Values moved first and Systems gone", rounds, err)
		}
		if in := rounds[0].Interviewers; len(in) != 2 || in[0].Name != "priya Nair" || in[1].Name != "Sam Okafor" {
			t.Errorf("interviewers = %+v; want both, by name ignoring case", in)
		}
		app := onlyApplication(t, s, ada.ID)
		for range 2 { // assigning again changes nothing
			if err := s.AssignRound(ctx, app.ID, ids[0], []int64{priya.ID}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.RoleAssignments(ctx, role.ID)
		if who := got[scoring.RoundKey{ApplicationID: app.ID, RoundID: ids[0]}]; err != nil || len(got) != 1 || len(who) != 1 || who[0].ID != priya.ID {
			t.Errorf("RoleAssignments = %+v, %v; want Priya alone on Ada's deep dive", got, err)
		}
	})
}

func TestResumeScreensOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
		if err != nil {
			t.Fatal(err)
		}
		role := mustRole(t, s, "AI Engineer")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, role.ID)
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}}, role.ID)
		app := onlyApplication(t, s, ada.ID)
		flag := v.Content.Screen[0].ID
		marks := map[string]scoring.FlagMark{flag: {Mark: "present", Evidence: "Built the analytical engine notes."}}
		if err := s.SaveScreen(ctx, ScreenSave{ApplicationID: app.ID, VersionID: v.ID, Marks: marks}, tester); err != nil {
			t.Fatal(err)
		}
		clk.Advance(60e9)
		if err := s.SaveScreen(ctx, ScreenSave{ApplicationID: app.ID, VersionID: v.ID, Marks: marks, Decision: scoring.Advance}, tester); err != nil {
			t.Fatal(err)
		}
		sc, err := s.GetScreen(ctx, app.ID)
		if err != nil || sc.Decision != scoring.Advance || sc.Marks[flag].Evidence != "Built the analytical engine notes." || sc.UpdatedAt != "2025-03-01T09:01:00.000Z" {
			t.Errorf("GetScreen = %+v, %v; want the decided screen as saved last", sc, err)
		}
		if revs, err := s.ScreenRevisions(ctx, app.ID); err != nil || len(revs) != 2 {
			t.Errorf("ScreenRevisions = %d, %v; want both saves kept", len(revs), err)
		}
		todo, err := s.ToScreen(ctx, role.ID, false, 0)
		if err != nil || !slices.Equal(todo, []int64{onlyApplication(t, s, grace.ID).ID}) {
			t.Errorf("ToScreen = %v, %v; want Grace's application only", todo, err)
		}
	})
}
