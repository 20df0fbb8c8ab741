// Tests of the pipeline rules: where a new stage goes (before the closing
// stages), creating a role with its own pipeline, and rejecting with a note.

package tracking_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/tracking"
)

func TestNewStageIndexIsBeforeTheClosingRunAtTheEnd(t *testing.T) {
	for _, tc := range []struct {
		stages []string
		want   int
	}{
		{[]string{"Applied", "Screen", "Interview", "Offer", "Hired"}, 3},
		{[]string{"Applied", "Screen", "Interview"}, 3},
		{[]string{"Applied", "Offer accepted"}, 1},
		{[]string{"applied", "OFFERED", "hired!"}, 1},
		{[]string{"Applied", "Hire"}, 1},
		// Only the run at the end closes: an earlier Offer is an ordinary stage.
		{[]string{"Applied", "Offer", "Reference check", "Hired"}, 3},
		// "Hiring manager" and "Offsite" are interviews, not decisions.
		{[]string{"Applied", "Hiring manager"}, 2},
		{[]string{"Applied", "Offsite"}, 2},
		{[]string{"Offer", "Hired"}, 0},
		{[]string{}, 0},
	} {
		if got := tracking.NewStageIndex(tc.stages); got != tc.want {
			t.Errorf("NewStageIndex(%q) = %d, want %d", tc.stages, got, tc.want)
		}
	}
}

func TestAddStageGoesBeforeOfferAndHired(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Barbara Liskov"}, r.ID)
	offer := stage(t, r, "Offer")
	if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, 0, offer.ID, "", e.actor); err != nil {
		t.Fatal(err)
	}
	got, err := e.svc.AddStage(e.ctx, r.ID, "Take-home")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Applied", "Screen", "Interview", "Take-home", "Offer", "Hired", "Rejected"}
	if !slices.Equal(stageNames(got), want) {
		t.Fatalf("after adding Take-home: %v, want %v", stageNames(got), want)
	}
	// The board shows the same order, and Barbara is still in Offer.
	b, err := e.svc.Board(e.ctx, r.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	cols := []string{}
	for _, col := range b.Columns {
		cols = append(cols, col.Stage.Name)
	}
	if !slices.Equal(cols, want) {
		t.Errorf("board columns %v, want %v", cols, want)
	}
	if _, col, _ := e.card(t, r.ID, c.ID); col != "Offer" {
		t.Errorf("Barbara is in %q after adding a stage, want Offer", col)
	}
	// A second one goes after the first, still before Offer.
	got, err = e.svc.AddStage(e.ctx, r.ID, "Team lunch")
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"Applied", "Screen", "Interview", "Take-home", "Team lunch", "Offer", "Hired", "Rejected"}
	if !slices.Equal(stageNames(got), want) {
		t.Errorf("after adding Team lunch: %v, want %v", stageNames(got), want)
	}

	// A pipeline that ends in an interview stage takes new stages last.
	plain, err := e.svc.CreateRoleWithStages(e.ctx, model.RoleInput{Title: "Contractor"}, []string{"Applied", "Call"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err = e.svc.AddStage(e.ctx, plain.ID, "Paperwork"); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Applied", "Call", "Paperwork", "Rejected"}; !slices.Equal(stageNames(got), want) {
		t.Errorf("after adding Paperwork: %v, want %v", stageNames(got), want)
	}
}

func TestCreateRoleWithItsOwnPipeline(t *testing.T) {
	e := newEnv(t)
	r, err := e.svc.CreateRoleWithStages(e.ctx, model.RoleInput{Title: "ML Engineer"},
		[]string{" Sourced ", "Take-home", "Panel", "Offer"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Sourced", "Take-home", "Panel", "Offer", "Rejected"}; !slices.Equal(stageNames(r), want) {
		t.Errorf("stages %v, want %v", stageNames(r), want)
	}
	c := e.candidate(t, model.CandidateInput{Name: "Yann Example"}, r.ID)
	if app := e.app(t, c.ID, r.ID); app.StageName != "Sourced" {
		t.Errorf("a new candidate starts in %q, want Sourced", app.StageName)
	}
	if got := tracking.DefaultStages(); !slices.Equal(got, []string{"Applied", "Screen", "Interview", "Offer", "Hired"}) {
		t.Errorf("DefaultStages() = %v", got)
	}

	tooMany := []string{}
	for i := range model.MaxStages {
		tooMany = append(tooMany, "Stage "+strconv.Itoa(i+1))
	}
	for _, tc := range []struct {
		name   string
		title  string
		stages []string
		fields []string
	}{
		{"no stages", "Data Engineer", []string{}, []string{"stages"}},
		{"a blank stage", "Data Engineer", []string{"Applied", "  ", "Offer"}, []string{"stages[1]"}},
		{"the same stage twice", "Data Engineer", []string{"Applied", "Screen", "SCREEN"}, []string{"stages[2]"}},
		{"a stage called Rejected", "Data Engineer", []string{"rejected", "Offer"}, []string{"stages[0]"}},
		{"a stage name too long", "Data Engineer", []string{"Applied", strings.Repeat("x", model.MaxStageName+1)}, []string{"stages[1]"}},
		{"more stages than a pipeline holds", "Data Engineer", tooMany, []string{"stages"}},
		{"a bad title and a bad stage", " ", []string{"Applied", ""}, []string{"title", "stages[1]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, err := e.svc.Roles(e.ctx)
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.svc.CreateRoleWithStages(e.ctx, model.RoleInput{Title: tc.title}, tc.stages)
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v, want a validation error", err)
			}
			got := []string{}
			for _, f := range ve.Fields {
				got = append(got, f.Field)
			}
			if !slices.Equal(got, tc.fields) {
				t.Errorf("fields %v (%v), want %v", got, err, tc.fields)
			}
			if after, _ := e.svc.Roles(e.ctx); len(after) != len(before) {
				t.Errorf("%d roles after a refusal, want %d", len(after), len(before))
			}
		})
	}
	// The limit itself is accepted: MaxStages counts Rejected.
	if _, err := e.svc.CreateRoleWithStages(e.ctx, model.RoleInput{Title: "Long"}, tooMany[:model.MaxStages-1]); err != nil {
		t.Errorf("%d stages refused: %v", model.MaxStages-1, err)
	}
}

func TestRejectKeepsTheNoteInTheHistory(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Edsger Example"}, r.ID)
	app := e.app(t, c.ID, r.ID)

	for _, tc := range []struct {
		name, reason, note string
		fields             []string
	}{
		{"no reason", "", "fine", []string{"reason"}},
		{"a reason off the list", "Bad vibes", "", []string{"reason"}},
		{"a note too long, and no reason", "", strings.Repeat("n", tracking.MaxRejectNote+1), []string{"reason", "note"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.svc.Reject(e.ctx, app.ID, 0, tc.reason, tc.note, e.actor)
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v, want a validation error", err)
			}
			got := []string{}
			for _, f := range ve.Fields {
				got = append(got, f.Field)
			}
			if !slices.Equal(got, tc.fields) {
				t.Errorf("fields %v, want %v", got, tc.fields)
			}
			if now := e.app(t, c.ID, r.ID); now.StageName != "Applied" {
				t.Errorf("moved to %q by a refusal", now.StageName)
			}
		})
	}
	if _, err := e.svc.Reject(e.ctx, 999999, 0, "Position filled", "", e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown application: %v, want not found", err)
	}

	got, err := e.svc.Reject(e.ctx, app.ID, 0, "Position filled", "  Strong on systems;\r\nask again for the platform team.  ", e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.StageName != "Rejected" || got.RejectionReason != "Position filled" {
		t.Errorf("after Reject: stage %q reason %q", got.StageName, got.RejectionReason)
	}
	h := e.detail(t, c.ID).History[0]
	if h.ToStage != "Rejected" || h.Reason != "Position filled" || h.ActorName != "Riley Chen" ||
		h.Note != "Strong on systems;\nask again for the platform team." {
		t.Errorf("history = %+v", h)
	}
	// A move without a note keeps none.
	if _, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Screen").ID, "", e.actor); err != nil {
		t.Fatal(err)
	}
	if h := e.detail(t, c.ID).History[0]; h.ToStage != "Screen" || h.Note != "" {
		t.Errorf("history after a plain move = %+v", h)
	}
}
