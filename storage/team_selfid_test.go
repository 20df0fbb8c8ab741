// Team mode: self-identification is readable only as counts. Nobody reads
// a person's answers row by row, recruiters included; a recruiter records
// them through hb_self_id_put and reads the role's counts and mean scores
// by group through the server's functions (migration 0024).

package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"hirebench/app/model"
)

func TestTeamSelfIDIsReadableOnlyAsCounts(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t) // the owner recorded Ada's Gender: Woman
	rita, sam := tm.storeAs(t, tm.rita), tm.storeAs(t, tm.sam)
	role := onlyApplication(t, tm.owner, tm.ada.ID).RoleID

	// The recruiter records through the app; her SQL client reads no row,
	// and changes none.
	if err := rita.SetSelfID(ctx, tm.ada.ID, map[string]string{"Age": "25-34"}); err != nil {
		t.Fatalf("the recruiter records an answer: %v", err)
	}
	db := tm.as(t, tm.rita)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM self_id`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the recruiter's SQL client counts %d answers (%v); want none listed", n, err)
	}
	stillBlind(t, db, "the recruiter", `UPDATE self_id SET value = 'x'`)
	stillBlind(t, db, "the recruiter", `DELETE FROM self_id`)
	if _, err := rita.SelfID(ctx, tm.ada.ID); !errors.Is(err, model.ErrConflict) {
		t.Errorf("the recruiter's app reads Ada's answers back: %v; want refused", err)
	}
	if err := rawQueryRow(tm.owner, `SELECT count(*) FROM self_id WHERE candidate_id = ?`, tm.ada.ID).Scan(&n); err != nil || n != 2 {
		t.Errorf("the owner reads %d of Ada's answers (%v); want both", n, err)
	}

	// The counts: Ada is everyone, a woman aged 25-34. Waiting at the first
	// stage she is in no transition, so counted by answer only once she
	// moves on.
	r, err := tm.owner.GetRole(ctx, role)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.owner.MoveApplication(ctx, tm.app, stageNamed(t, r, "Screen").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	classes, err := rita.SelfIDCounts(ctx, role, []string{"Gender", "Age"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range classes {
		if c.Part == PartPeople && !c.Responded {
			t.Errorf("Ada counted as not answering: %+v", c)
		}
		got[c.Part+":"+c.Category+"="+c.Answer] += c.N
	}
	if len(got) != 6 || got["people:="] != 1 || got["answered:Gender="] != 1 || got["answered:Age="] != 1 || got["stage:="] != 1 ||
		got["stage:Gender=Woman"] != 1 || got["stage:Age=25-34"] != 1 {
		t.Errorf("the recruiter's counts = %v", got)
	}
	sums, err := rita.SelfIDMeans(ctx, role, []string{"Gender"}, []SelfIDScore{{tm.ada.ID, 0, 75}})
	if err != nil || len(sums) != 1 || sums[0] != (SelfIDSum{0, "Gender", "Woman", 1, 75, 0}) {
		t.Errorf("the recruiter's sums = %+v, %v", sums, err)
	}

	// The server checks the scores it is sent: one per candidate of the
	// role and measure, from 0 to 100.
	other := mustRole(t, tm.owner, "Elsewhere")
	bob := mustCandidate(t, tm.owner, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bob Elsewhere"}}, other.ID)
	for name, scores := range map[string][]SelfIDScore{
		"above 100":         {{tm.ada.ID, 0, 100.5}},
		"below 0":           {{tm.ada.ID, 0, -1}},
		"twice":             {{tm.ada.ID, 0, 50}, {tm.ada.ID, 0, 60}},
		"not of the role":   {{bob.ID, 0, 50}},
		"no such candidate": {{999999, 0, 50}},
	} {
		_, err := rita.SelfIDMeans(ctx, role, []string{"Gender"}, scores)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "22023" {
			t.Errorf("scores %s: %v; want refused as invalid", name, err)
		}
	}
	for _, sent := range []string{`[[%d, 0.5, 50]]`, `[[%d, 0, 50], [%d, 0.0, 60]]`} {
		ids := []any{tm.ada.ID, tm.ada.ID}[:strings.Count(sent, "%d")]
		_, err := db.Exec(`SELECT * FROM hb_self_id_means($1, '["Gender"]', $2)`, role, fmt.Sprintf(sent, ids...))
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "22023" {
			t.Errorf("scores %s: %v; want refused as invalid", sent, err)
		}
	}

	// An interviewer gets none of it, through the app or SQL.
	if _, err := sam.SelfIDCounts(ctx, role, []string{"Gender"}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam's counts: %v; want refused", err)
	}
	if _, err := sam.SelfIDMeans(ctx, role, []string{"Gender"}, []SelfIDScore{{tm.ada.ID, 0, 75}}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam's sums: %v; want refused", err)
	}
	if err := sam.SetSelfID(ctx, tm.ada.ID, map[string]string{"Gender": "Man"}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam records an answer: %v; want refused", err)
	}
	sdb := tm.as(t, tm.sam)
	stillBlind(t, sdb, "Sam", `SELECT hb_self_id_put($1, 'Gender', '', '2026-12-02T10:00:00.000Z')`, tm.ada.ID)
	stillBlind(t, sdb, "Sam", `SELECT * FROM hb_self_id_counts($1, '["Gender"]')`, role)
	if err := rawQueryRow(tm.owner, `SELECT value FROM self_id WHERE candidate_id = ? AND category = 'Gender'`, tm.ada.ID).Scan(new(string)); err != nil {
		t.Errorf("after Sam's tries Ada's gender answer: %v; want still there", err)
	}

	// Clearing goes through the server too.
	if err := rita.SetSelfID(ctx, tm.ada.ID, map[string]string{"Age": ""}); err != nil {
		t.Fatal(err)
	}
	if err := rawQueryRow(tm.owner, `SELECT count(*) FROM self_id WHERE candidate_id = ?`, tm.ada.ID).Scan(&n); err != nil || n != 1 {
		t.Errorf("after clearing Age the owner reads %d answers (%v); want 1", n, err)
	}

	// The server checks what it keeps: an answer's time is a time.
	if _, err := db.Exec(`SELECT hb_self_id_put($1, 'Gender', 'Woman', 'yesterday')`, tm.ada.ID); err == nil {
		t.Error("the server kept an answer whose time is no time")
	}
	// A score a hair above 100 (a weighted mean of top marks) is the app's
	// to keep on the scale: the server refuses it.
	if _, err := rita.SelfIDMeans(ctx, role, []string{"Gender"}, []SelfIDScore{{tm.ada.ID, 0, 100.00000000000001}}); err == nil {
		t.Error("the server took a score above 100")
	}

	// The owner's login reads a person's answers (a subject access export
	// needs them), a person's login never.
	if got, err := tm.owner.SelfID(ctx, tm.ada.ID); err != nil || got["Gender"] != "Woman" {
		t.Errorf("the owner reads Ada's answers as %v, %v", got, err)
	}

	// A subject access export by the recruiter says where the answers are.
	tables, err := rita.SubjectData(ctx, tm.ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Table == "self_id" && (len(tb.Rows) != 0 || !strings.Contains(tb.Withheld, "database owner")) {
			t.Errorf("the subject export's self_id = %+v", tb)
		}
	}
}
