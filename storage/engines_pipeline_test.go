// The pipeline on both engines: roles and their stages, candidates with tags,
// applications moving across the board with their history, notes, profiles
// and settings, read back as the user sees them.

package storage

import (
	"context"
	"errors"
	"slices"
	"testing"

	"hirebench/app/model"
)

func stageNames(r model.Role) []string {
	var out []string
	for _, st := range r.Stages {
		out = append(out, st.Name)
	}
	return out
}

func TestRolesAndStagesOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		mustRole(t, s, "Backend engineer")
		held, err := s.CreateRole(ctx, model.RoleInput{Title: "Designer", Status: model.RoleOnHold}, DefaultPipeline)
		if err != nil {
			t.Fatal(err)
		}
		ai := mustRole(t, s, "ai Engineer")
		roles, err := s.ListRoles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, r := range roles {
			titles = append(titles, r.Title)
		}
		// Open roles first, by title ignoring case, then the ones on hold.
		if want := []string{"ai Engineer", "Backend engineer", "Designer"}; !slices.Equal(titles, want) {
			t.Errorf("ListRoles = %v, want %v", titles, want)
		}
		if ids, _ := s.FindRolesByTitle(ctx, "DESIGNER"); len(ids) != 1 || ids[0] != held.ID {
			t.Errorf("FindRolesByTitle(DESIGNER) = %v, want [%d]", ids, held.ID)
		}
		if want := []string{"Applied", "Screen", "Interview", "Offer", "Hired", "Rejected"}; !slices.Equal(stageNames(ai), want) {
			t.Errorf("a new role's stages = %v, want %v", stageNames(ai), want)
		}

		clk.Advance(60e9)
		r, err := s.AddStage(ctx, ai.ID, "Take-home", func(active []model.Stage) int { return 2 })
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Applied", "Screen", "Take-home", "Interview", "Offer", "Hired", "Rejected"}; !slices.Equal(stageNames(r), want) {
			t.Errorf("after AddStage: %v, want %v", stageNames(r), want)
		}
		if _, err := s.AddStage(ctx, ai.ID, "take-HOME", func([]model.Stage) int { return 0 }); err == nil {
			t.Error("a second stage named take-HOME was added; names are unique ignoring case")
		}
		if r, err = s.RenameStage(ctx, r.Stages[2].ID, "Homework"); err != nil || r.Stages[2].Name != "Homework" {
			t.Fatalf("RenameStage = %v, %v", stageNames(r), err)
		}
		if r.UpdatedAt == ai.UpdatedAt {
			t.Error("changing the stages left the role's updated time as it was")
		}

		if err := s.SetRejectionReasons(ctx, []string{"Too junior", "Withdrew"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.RejectionReasons(ctx); !slices.Equal(got, []string{"Too junior", "Withdrew"}) {
			t.Errorf("RejectionReasons = %v", got)
		}
	})
}

func TestCandidatesMoveAcrossTheBoardOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		role := mustRole(t, s, "AI Engineer")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com",
			Tags: []string{"math", "engines"}}}, role.ID)
		clk.Advance(60e9)
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}}, role.ID)

		if got, err := s.GetCandidate(ctx, ada.ID); err != nil || !slices.Equal(got.Tags, []string{"math", "engines"}) {
			t.Errorf("GetCandidate tags = %v, %v; want [math engines] in the order given", got.Tags, err)
		}
		if _, err := s.GetCandidate(ctx, grace.ID+100); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("GetCandidate of nobody: %v, want ErrNotFound", err)
		}

		clk.Advance(60e9)
		app := onlyApplication(t, s, ada.ID)
		interview := stageNamed(t, role, "Interview")
		if _, err := s.MoveApplication(ctx, app.ID, interview.ID, "", tester); err != nil {
			t.Fatal(err)
		}
		rejected := stageNamed(t, role, "Rejected")
		gapp := onlyApplication(t, s, grace.ID)
		if _, err := s.MoveApplication(ctx, gapp.ID, rejected.ID, "Withdrew", tester); err != nil {
			t.Fatal(err)
		}

		b, err := s.Board(ctx, role.ID, func(model.Stage) int { return 10 })
		if err != nil {
			t.Fatal(err)
		}
		cards := map[string][]string{}
		for _, col := range b.Columns {
			for _, c := range col.Cards {
				cards[col.Stage.Name] = append(cards[col.Stage.Name], c.Name)
				if c.Name == "Ada Lovelace" && !slices.Equal(c.Tags, []string{"math", "engines"}) {
					t.Errorf("Ada's card shows tags %v, want [math engines]", c.Tags)
				}
				if c.Name == "Grace Hopper" && c.RejectionReason != "Withdrew" {
					t.Errorf("Grace's card shows reason %q, want Withdrew", c.RejectionReason)
				}
			}
			if col.Stage.Name == "Interview" && col.Stage.Count != 1 {
				t.Errorf("the Interview column counts %d, want 1", col.Stage.Count)
			}
		}
		if len(cards) != 2 || !slices.Equal(cards["Interview"], []string{"Ada Lovelace"}) || !slices.Equal(cards["Rejected"], []string{"Grace Hopper"}) {
			t.Errorf("board = %v; want Ada in Interview and Grace in Rejected", cards)
		}

		if _, err := s.AddNote(ctx, ada.ID, "Strong on the analytical engine.", tester); err != nil {
			t.Fatal(err)
		}
		d, err := s.CandidateDetail(ctx, ada.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Notes) != 1 || d.Notes[0].Body != "Strong on the analytical engine." || d.Notes[0].AuthorName != "Test Runner" {
			t.Errorf("notes = %+v", d.Notes)
		}
		if len(d.History) != 2 || d.History[0].ToStage != "Interview" || d.History[0].FromStage != "Applied" || d.History[1].ToStage != "Applied" {
			t.Errorf("history = %+v; want the move to Interview, newest first, after the application", d.History)
		}
		if d.Applications[0].StageName != "Interview" || d.Applications[0].EnteredStageAt != "2025-03-01T09:02:00.000Z" {
			t.Errorf("application = %+v; want in Interview since the move", d.Applications[0])
		}

		archived, err := s.SetArchived(ctx, grace.ID, true, tester)
		if err != nil || archived.ArchivedAt == "" {
			t.Fatalf("SetArchived = %+v, %v", archived, err)
		}
		if n, _ := s.CountCandidates(ctx); n != 2 {
			t.Errorf("CountCandidates = %d, want 2 (archived ones count)", n)
		}
	})
}

func TestProfilesAndSettingsOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		for _, p := range []struct {
			name      string
			recruiter bool
		}{{"sam Okafor", false}, {"Riley Chen", true}} {
			if _, err := s.CreateProfile(ctx, p.name, p.recruiter); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.CreateProfile(ctx, "SAM OKAFOR", false); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a second profile named SAM OKAFOR: %v, want ErrConflict", err)
		}
		list, err := s.ListProfiles(ctx)
		if err != nil || len(list) != 2 || list[0].Name != "Riley Chen" || !list[0].IsRecruiter || list[1].Name != "sam Okafor" || list[1].IsRecruiter {
			t.Errorf("ListProfiles = %+v, %v; want Riley (recruiter) then sam, ignoring case", list, err)
		}
		if err := s.PutSetting(ctx, "theme", "dark"); err != nil {
			t.Fatal(err)
		}
		if err := s.PutSetting(ctx, "theme", "light"); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Setting(ctx, "theme"); err != nil || v != "light" {
			t.Errorf("Setting(theme) = %q, %v; want the last one put", v, err)
		}
	})
}

func TestCandidateListAndFacetsOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		role := mustRole(t, s, "AI Engineer")
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Source: "referral", Tags: []string{"math"}}}, role.ID)
		clk.Advance(60e9)
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper", Source: "LinkedIn", Tags: []string{"navy", "math"}}})
		clk.Advance(60e9)
		old := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Old Timer", Source: "fair", Tags: []string{"retro"}}})
		if _, err := s.SetArchived(ctx, old.ID, true, tester); err != nil {
			t.Fatal(err)
		}

		names := func(f model.CandidateFilter) []string {
			t.Helper()
			page, err := s.ListCandidates(ctx, f)
			if err != nil {
				t.Fatalf("ListCandidates(%+v): %v", f, err)
			}
			var out []string
			for _, r := range page.Rows {
				out = append(out, r.Name)
			}
			return out
		}
		if got := names(model.CandidateFilter{}); len(got) != 2 || !slices.Contains(got, "Ada Lovelace") || !slices.Contains(got, "Grace Hopper") {
			t.Errorf("the list = %v; want Ada and Grace, not the archived one", got)
		}
		if got := names(model.CandidateFilter{RoleID: role.ID}); !slices.Equal(got, []string{"Ada Lovelace"}) {
			t.Errorf("filtered by role = %v", got)
		}
		if got := names(model.CandidateFilter{Tag: "MATH "}); len(got) != 2 {
			t.Errorf("filtered by tag math = %v; want both", got)
		}
		if got := names(model.CandidateFilter{Source: "linkedin"}); !slices.Equal(got, []string{"Grace Hopper"}) {
			t.Errorf("filtered by source linkedin = %v; want Grace (sources match ignoring case)", got)
		}
		f, err := s.Facets(ctx)
		if err != nil || !slices.Equal(f.Tags, []string{"math", "navy"}) || !slices.Equal(f.Sources, []string{"LinkedIn", "referral"}) {
			t.Errorf("Facets = %+v, %v; want the live candidates' tags and sources", f, err)
		}
	})
}

func TestAttachmentsOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		pdf := []byte("%PDF-1.4\x00\xff binary bytes")
		cv, err := s.AddResumeAttachment(ctx, ada.ID, "cv.pdf", "application/pdf", pdf, "Notes on the analytical engine.", tester)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAttachment(ctx, ada.ID, "letter.txt", "text/plain", []byte("Dear team"), "Dear team"); err != nil {
			t.Fatal(err)
		}
		a, data, err := s.Attachment(ctx, cv.ID)
		if err != nil || string(data) != string(pdf) || a.FileName != "cv.pdf" || a.Size != int64(len(pdf)) {
			t.Errorf("Attachment = %+v, %q, %v; want the bytes as stored", a, data, err)
		}
		// The resume file's text became her resume text; the letter's follows it.
		if text, err := s.ResumeText(ctx, ada.ID); err != nil || text != "Notes on the analytical engine.\nDear team" {
			t.Errorf("ResumeText = %q, %v", text, err)
		}
		if err := s.DeleteAttachment(ctx, cv.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Attachment(ctx, cv.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a deleted attachment: %v, want ErrNotFound", err)
		}
	})
}
