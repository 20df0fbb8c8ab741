// Tests who may export which bundle, and that only the recruiter imports scorecards
// or, on the recruiter's laptop, a setup bundle.

package transfer_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"
)

func TestWhoMayExportWhichBundle(t *testing.T) {
	ctx := context.Background()
	s := openNew(t, filepath.Join(t.TempDir(), "workspace.db"))
	tr := tracking.New(s)
	riley, _ := tr.CreateProfile(ctx, "Riley Chen", true, false, model.Profile{})
	sam, _ := tr.CreateProfile(ctx, "Sam Okafor", false, false, model.Profile{})
	svc := transfer.New(s)
	cases := []struct {
		name string
		who  scoring.Exporter
		opts bundle.ExportOptions
		ok   bool
	}{
		{"interviewer, whole workspace", scoring.ExporterOf(sam), bundle.ExportOptions{}, false},
		{"interviewer, someone else's scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{AuthorID: riley.ID}, false},
		{"interviewer, own scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{AuthorID: sam.ID}, true},
		{"interviewer, no scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{NoScorecards: true}, true},
		{"recruiter, whole workspace", scoring.ExporterOf(riley), bundle.ExportOptions{}, true},
		{"recruiter, Sam's scorecards", scoring.ExporterOf(riley), bundle.ExportOptions{AuthorID: sam.ID}, true},
		{"command line, whole workspace", scoring.Exporter{Owner: true}, bundle.ExportOptions{}, true},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		_, err := svc.ExportBundle(ctx, &buf, c.opts, c.who)
		if (err == nil) != c.ok {
			t.Errorf("%s: %v, want allowed=%v", c.name, err, c.ok)
		}
		if err != nil && (!errors.Is(err, model.ErrConflict) || buf.Len() != 0) {
			t.Errorf("%s: refused with %v after writing %d bytes", c.name, err, buf.Len())
		}
	}
}

// Scorecards enter a workspace through the recruiter: an imported card
// counts as a round its author finished, which opens others' cards to them.
func TestOnlyTheRecruiterImportsScorecards(t *testing.T) {
	ctx := context.Background()
	open := func() (*storage.Store, *tracking.Service) {
		s := openNew(t, filepath.Join(t.TempDir(), "workspace.db"))
		return s, tracking.New(s)
	}
	// Laptop A: Sam submits a card for Ada.
	a, trA := open()
	iv := interviews.New(a)
	builtin, _ := iv.EnsureBuiltin(ctx)
	riley, _ := trA.CreateProfile(ctx, "Riley Chen", true, false, model.Profile{})
	sam, _ := trA.CreateProfile(ctx, "Sam Okafor", false, false, model.Profile{})
	role, _ := trA.CreateRole(ctx, model.RoleInput{Title: "AI Engineer"})
	cand, _ := trA.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, []int64{role.ID}, riley)
	det, _ := trA.Detail(ctx, cand.ID)
	round, err := iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, InterviewerIDs: []int64{sam.ID}}, riley)
	if err != nil {
		t.Fatal(err)
	}
	v, err := iv.StartInterview(ctx, det.Applications[0].ID, round.ID, sam)
	if err != nil {
		t.Fatal(err)
	}
	three, rec := 3, "yes"
	for _, q := range v.Rubric.Competencies[0].Questions {
		if _, err := iv.SaveDraft(ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &three}}, sam); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := iv.Submit(ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, sam); err != nil {
		t.Fatal(err)
	}
	var withCards, setup bytes.Buffer
	if _, err := transfer.New(a).ExportBundle(ctx, &withCards, bundle.ExportOptions{AuthorID: sam.ID}, scoring.ExporterOf(sam)); err != nil {
		t.Fatal(err)
	}
	if _, err := transfer.New(a).ExportBundle(ctx, &setup, bundle.ExportOptions{NoScorecards: true}, scoring.ExporterOf(riley)); err != nil {
		t.Fatal(err)
	}
	// Laptop B: Jonas may set his laptop up, but not bring in Sam's card.
	b, trB := open()
	jonas, _ := trB.CreateProfile(ctx, "Jonas Weber", false, false, model.Profile{})
	svc := transfer.New(b)
	imp := func(buf bytes.Buffer, who model.Profile) error {
		_, err := svc.ImportBundle(ctx, bytes.NewReader(buf.Bytes()), int64(buf.Len()), who, scoring.ExporterOf(who), bundle.ImportOptions{})
		return err
	}
	if err := imp(withCards, jonas); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "only the recruiter imports scorecards") {
		t.Fatalf("an interviewer imported scorecards: %v", err)
	}
	if n, _ := b.CountCandidates(ctx); n != 0 {
		t.Fatalf("a refused import wrote %d candidates", n)
	}
	if err := imp(setup, jonas); err != nil {
		t.Errorf("an interviewer could not import a setup bundle: %v", err)
	}
	bRiley, _ := trB.CreateProfile(ctx, "Riley Chen", true, false, model.Profile{})
	// With a recruiter on the laptop, a bundle's rounds and assignments are
	// hers to bring in: an edited setup bundle could assign Jonas anywhere.
	if err := imp(setup, jonas); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "the recruiter imports it") {
		t.Errorf("an interviewer imported a setup bundle on the recruiter's laptop: %v", err)
	}
	if err := imp(withCards, bRiley); err != nil {
		t.Errorf("the recruiter could not import Sam's scorecards: %v", err)
	}
}
