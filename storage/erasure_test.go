// Tests erasure and anonymisation: nothing of the person stays in any file of
// the data folder, every row about them goes (or is cleared) and nobody
// else's, submitted cards stay immutable outside an erasure, anonymised cards
// still verify, and the same erasure applied to a copy.

package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage/storagetest"
)

// quorra is the person erased; her words appear nowhere else.
var quorra = struct {
	name, email, resume, note, cardNote, evidence string
	tokens                                        []string
}{
	name:     "Quorra Vantablack",
	email:    "quorra.vantablack@zyxmail.test",
	resume:   "Built the Xylophantic compiler at Brindlewick Labs; speaks Frobnitzian.",
	note:     "Quorra mentioned her Brindlewick notice period.",
	cardNote: "Quorra explained Xylophantic parsing very clearly.",
	evidence: "Brindlewick Labs lead, per Vantablack's resume",
	tokens:   []string{"quorra", "vantablack", "zyxmail", "xylophantic", "brindlewick", "frobnitzian", "zorblattish"},
}

// personal is a workspace where Quorra applied, has notes, an attachment, a
// resume screen, a submitted, amended card with notes (and a draft from
// someone else) and an AI call about her, kept (its exchange) and cached;
// Ada and 200 others are there too, with a card and an AI call of Ada's.
type personalWS struct {
	s                   *Store
	quorra, ada         model.Candidate
	card, adaCard       scoring.Scorecard
	quorraApp, adaApp   int64
	quorraCall, adaCall int64
}

// The cache keys of the AI answers about Quorra and Ada.
const quorraKey, adaKey = "9f2c7e01d4b6", "3a8d5c19e270"

// aiLedger is personalWorkspace's ledger as AIUsage reports it, typed in
// from the two calls it records.
const aiLedger = "[{2025-03-01 screen gpt-4o-mini 2 0 0 2100 500 0.625}]"

var (
	personalTemplate = &template{Template: storagetest.Template{Name: "personal"}}
	personalBuilt    personalWS // its ids and cards; s is the template's own store
)

// personalWorkspace is a copy of the workspace seedPersonal built once.
func personalWorkspace(t *testing.T) personalWS {
	t.Helper()
	s, _ := personalTemplate.open(t, func(t *testing.T, s *Store, clk *testClock) {
		personalBuilt = seedPersonal(t, s, clk)
	})
	p := personalBuilt // tests only read its cards, shared by every copy
	p.s = s
	return p
}

func seedPersonal(t *testing.T, s *Store, clk *testClock) personalWS {
	t.Helper()
	ctx := context.Background()
	p := personalWS{s: s}
	sam, err := s.CreateProfile(ctx, "Sam Okafor", false)
	if err != nil {
		t.Fatal(err)
	}
	lin, err := s.CreateProfile(ctx, "Lin Park", false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
	if err != nil {
		t.Fatal(err)
	}
	role := mustRole(t, s, "AI Engineer")
	round, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: v.RubricID,
		Competencies: []string{v.Content.Competencies[0].ID}, DurationMin: 60, InterviewerIDs: []int64{sam.ID, lin.ID}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Other Person %d", i),
			Email: fmt.Sprintf("other%d@example.com", i), ResumeText: "Python, Go and SQL; shipped search at scale."}}, role.ID)
	}
	p.ada = mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com",
		ResumeText: "Analytical engine notes."}}, role.ID)
	p.quorra = mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: quorra.name, Email: quorra.email,
		Phone: "+44 20 7946 0000", Source: "Referral from Brindlewick", ResumeText: quorra.resume, Tags: []string{"frobnitzian"}}}, role.ID)
	clk.Advance(time.Hour)
	if _, err := s.AddNote(ctx, p.quorra.ID, quorra.note, tester); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAttachment(ctx, p.quorra.ID, "vantablack-cv.txt", "text/plain",
		[]byte("Curriculum vitae of "+quorra.name+"\n"+quorra.resume), quorra.resume); err != nil {
		t.Fatal(err)
	}
	p.quorraApp, p.adaApp = onlyApplication(t, s, p.quorra.ID).ID, onlyApplication(t, s, p.ada.ID).ID
	call := AICall{Feature: "screen", Model: "gpt-4o-mini", PromptVersion: "screen-v1", TokensIn: 1200, TokensOut: 300,
		CostUSD: 0.5, LatencyMS: 850, Outcome: "ok", Attempts: 1, Fingerprint: "fp_44709d6fcb"}
	if p.quorraCall, err = s.RecordAI(ctx, AIRecord{Call: call, CandidateID: p.quorra.ID, CacheKey: quorraKey,
		Request:  "Screen the resume of " + quorra.name + " <" + quorra.email + ">: " + quorra.resume,
		Response: `{"flags":[{"quote":"Brindlewick Labs","reason":"Vantablack led the compiler"}]}`}); err != nil {
		t.Fatal(err)
	}
	call.TokensIn, call.TokensOut, call.CostUSD = 900, 200, 0.125
	if p.adaCall, err = s.RecordAI(ctx, AIRecord{Call: call, CandidateID: p.ada.ID, CacheKey: adaKey,
		Request: "Screen the resume of Ada Lovelace: Analytical engine notes.", Response: `{"flags":[]}`}); err != nil {
		t.Fatal(err)
	}
	// Her self-identification, in words no one else's record holds.
	if err := s.SetSelfID(ctx, p.quorra.ID, map[string]string{"Heritage": "Zorblattish"}); err != nil {
		t.Fatal(err)
	}
	flag := v.Content.Screen[0].ID
	if err := s.SaveScreen(ctx, ScreenSave{ApplicationID: p.quorraApp, VersionID: v.ID,
		Marks: map[string]scoring.FlagMark{flag: {Mark: "present", Evidence: quorra.evidence}}, Decision: "advance"}, tester); err != nil {
		t.Fatal(err)
	}
	q := v.Content.Competencies[0].Questions[0].ID
	submit := func(app int64, who model.Profile, notes string) scoring.Scorecard {
		t.Helper()
		d, err := s.StartScorecard(ctx, app, round.ID, who)
		if err != nil {
			t.Fatal(err)
		}
		three := 3
		c, err := s.UpdateScorecard(ctx, d.ID, who.ID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
			c.Answers = map[string]scoring.Answer{q: {Score: &three, Notes: notes}, "skipped": {Skipped: true, SkipReason: notes}}
			c.Recommendation, c.Notes, c.Status = "yes", notes, scoring.Submitted
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	p.card = submit(p.quorraApp, sam, quorra.cardNote)
	p.adaCard = submit(p.adaApp, sam, "Ada was precise.")
	four := 4
	p.card, err = s.AmendScorecard(ctx, p.card.ID, sam, func(_ rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error {
		rev.Answers = map[string]scoring.Answer{q: {Score: &four, Notes: "On reflection Quorra was stronger."}}
		rev.Recommendation, rev.Notes, rev.Reason = "strong_yes", quorra.cardNote, "Vantablack's follow-up email."
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartScorecard(ctx, p.quorraApp, round.ID, lin); err != nil { // Lin's draft
		t.Fatal(err)
	}
	if _, err := s.MoveApplication(ctx, p.quorraApp, stageNamed(t, role, "Rejected").ID, "Position filled", tester); err != nil {
		t.Fatal(err)
	}
	return p
}

// leaks lists every token found, case-insensitively, in any file under dir
// (as a whole word or as the tail a search index might keep of it).
func leaks(t *testing.T, dir string, tokens []string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b = bytes.ToLower(b)
		for _, tok := range tokens {
			for _, s := range []string{tok, tok[len(tok)-6:]} {
				if bytes.Contains(b, []byte(s)) {
					found = append(found, fmt.Sprintf("%q in %s", s, filepath.Base(path)))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

var byRequest = Erasure{Action: ActionErase, Why: "request", Actor: model.Profile{ID: 1, Name: "Riley Chen", IsRecruiter: true}}

func TestEraseLeavesNothingOfThePersonInTheDataFolder(t *testing.T) {
	for _, action := range []EraseAction{ActionErase, ActionAnonymise} {
		t.Run(string(action), func(t *testing.T) {
			p := personalWorkspace(t)
			dir := filepath.Dir(p.s.Path())
			// The scan sees her while she is there (the WAL holds her pages).
			if got := leaks(t, dir, quorra.tokens); len(got) < len(quorra.tokens) {
				t.Fatalf("before erasing, the scan finds only %v: it could not catch a leak", got)
			}
			e := byRequest
			e.Action = action
			if _, err := p.s.EraseCandidates(context.Background(), []int64{p.quorra.ID}, e); err != nil {
				t.Fatal(err)
			}
			if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
				t.Errorf("after %s, while open: %v", action, got)
			}
			if err := p.s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
				t.Errorf("after %s, closed: %v", action, got)
			}
		})
	}
}

func TestEraseRemovesEveryRowAboutThePersonAndNoOneElses(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	before, _ := p.s.CountCandidates(ctx)
	got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest)
	if err != nil {
		t.Fatal(err)
	}
	// Counted by hand from personalWorkspace: Sam's card and its amendment,
	// Lin's draft, the screen, the arrival and the rejection, one tag, her
	// uid, the AI exchange about her and its cached answer.
	want := map[string]int{"scorecard_revisions": 1, "scorecards": 2, "screen_revisions": 1, "resume_screens": 1, "stage_events": 2,
		"applications": 1, "notes": 1, "attachments": 1, "candidate_tags": 1, "candidate_uids": 1, "candidates": 1,
		"ai_audit": 1, "ai_cache": 1, "self_id": 1}
	if len(got) != 1 || fmt.Sprint(got[0].Counts) != fmt.Sprint(want) {
		t.Errorf("counts = %+v, want %v", got, want)
	}
	aiKeptButHers(t, p)
	if _, err := p.s.GetCandidate(ctx, p.quorra.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Quorra is still there: %v", err)
	}
	if after, _ := p.s.CountCandidates(ctx); after != before-1 {
		t.Errorf("%d candidates -> %d", before, after)
	}
	if hits := search(t, p.s, "Brindlewick", true); len(hits) != 0 {
		t.Errorf("search still finds her: %v", hits)
	}
	if hits := search(t, p.s, "Analytical", false); len(hits) != 1 || hits[0] != p.ada.ID {
		t.Errorf("Ada's resume search = %v", hits)
	}
	cards, err := p.s.CandidateScorecards(ctx, p.ada.ID)
	if err != nil || len(cards) != 1 || cards[0].Notes != "Ada was precise." || scoring.Verify(cards[0]) != nil {
		t.Errorf("Ada's card = %+v, %v", cards, err)
	}
	// The exception closed with the erasure: Ada's card is immutable again.
	if _, err := p.s.w.Exec(`UPDATE scorecards SET notes = 'x' WHERE id = ?`, p.adaCard.ID); err == nil {
		t.Error("a submitted card could be changed after an erasure")
	}
	if _, err := p.s.w.Exec(`DELETE FROM scorecards WHERE id = ?`, p.adaCard.ID); err == nil {
		t.Error("a submitted card could be deleted after an erasure")
	}
	var marks int
	if err := p.s.w.QueryRow(`SELECT count(*) FROM privacy_erasing`).Scan(&marks); err != nil || marks != 0 {
		t.Errorf("privacy_erasing holds %d rows after the erasure (%v)", marks, err)
	}
}

func TestAnUnknownCandidateErasesNobody(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	_, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID, 999999}, byRequest)
	if !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("err = %v, want not found", err)
	}
	if c, err := p.s.GetCandidate(ctx, p.quorra.ID); err != nil || c.Name != quorra.name {
		t.Errorf("Quorra after a refused erasure: %+v, %v", c, err)
	}
	if log, _ := p.s.AuditLog(ctx, 10); len(log) != 0 {
		t.Errorf("audit log after a refused erasure: %+v", log)
	}
}

func TestAnonymiseKeepsTheScoresAndTheCardsStillVerify(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	if err := p.s.SetHumanOnly(ctx, p.quorra.ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, Erasure{Action: ActionAnonymise, Why: "retention", Actor: byRequest.Actor})
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.s.GetCandidate(ctx, p.quorra.ID)
	wantName := fmt.Sprintf("Anonymised candidate %d", p.quorra.ID)
	if err != nil || c.Name != wantName || c.Email != "" || c.Phone != "" || c.Source != "" || c.ResumeText != "" ||
		len(c.Tags) != 0 || c.ArchivedAt == "" {
		t.Errorf("anonymised candidate = %+v, %v", c, err)
	}
	det, _ := p.s.CandidateDetail(ctx, p.quorra.ID)
	if len(det.Notes) != 0 || len(det.Attachments) != 0 || len(det.Applications) != 1 || det.Applications[0].RejectionReason != "Position filled" {
		t.Errorf("detail = %d notes, %d attachments, applications %+v", len(det.Notes), len(det.Attachments), det.Applications)
	}
	cards, err := p.s.CandidateScorecards(ctx, p.quorra.ID)
	if err != nil || len(cards) != 1 {
		t.Fatalf("cards = %+v, %v (Lin's draft goes, Sam's card stays)", cards, err)
	}
	card := cards[0]
	if err := scoring.Verify(card); err != nil {
		t.Errorf("the anonymised card does not verify: %v", err)
	}
	answers, rec, notes := card.Current()
	q := card.Revisions[0]
	if rec != "strong_yes" || notes != "" || len(answers) != 1 || q.Reason != "(anonymised)" || card.Notes != "" {
		t.Errorf("current = %v %q %q, amendment reason %q, notes %q", answers, rec, notes, q.Reason, card.Notes)
	}
	for id, a := range answers {
		if a.Score == nil || *a.Score != 4 || a.Notes != "" {
			t.Errorf("answer %s = %+v, want score 4 without notes", id, a)
		}
	}
	if orig := card.Answers["skipped"]; !orig.Skipped || orig.SkipReason != "(anonymised)" || !orig.Answered() {
		t.Errorf("the skip = %+v: still a skip with a reason, not the words", orig)
	}
	sc, err := p.s.GetScreen(ctx, p.quorraApp)
	for _, m := range sc.Marks {
		if m.Evidence != "" || m.Mark != "present" {
			t.Errorf("screen mark = %+v (%v)", m, err)
		}
	}
	if hits := search(t, p.s, "Quorra", true); len(hits) != 0 {
		t.Errorf("search finds the anonymised candidate by her name: %v", hits)
	}
	want := map[string]int{"scorecards": 2, "scorecard_revisions": 1, "screen_revisions": 1, "resume_screens": 1, "notes": 1, "attachments": 1,
		"candidate_tags": 1, "candidate_uids": 1, "candidates": 1, "ai_audit": 1, "ai_cache": 1, "self_id": 1}
	if fmt.Sprint(got[0].Counts) != fmt.Sprint(want) {
		t.Errorf("counts = %v, want %v", got[0].Counts, want)
	}
	aiKeptButHers(t, p)
	// Whether AI may look at her is a choice about how she is assessed, not
	// who she is: it stays.
	if on, err := p.s.HumanOnly(ctx, p.quorra.ID); err != nil || !on {
		t.Errorf("human-only after anonymising = %v, %v; want still on", on, err)
	}
	// Anonymised is not due again.
	if due, _ := p.s.DueForRetention(ctx, "9999"); len(due) != 0 {
		t.Errorf("due after anonymising: %+v", due)
	}
}

// aiKeptButHers checks, after Quorra is erased or anonymised, that the
// exchange about her and its cached answer are gone, while the ledger keeps
// both calls with their figures and Ada keeps hers.
func aiKeptButHers(t *testing.T, p personalWS) {
	t.Helper()
	ctx := context.Background()
	if audit, err := p.s.AIAudit(ctx, p.quorra.ID); len(audit) != 0 {
		t.Errorf("her AI exchanges = %+v, %v", audit, err)
	}
	if _, err := p.s.AICached(ctx, quorraKey); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("her cached AI answer: %v", err)
	}
	if usage, err := p.s.AIUsage(ctx, ""); err != nil || fmt.Sprint(usage) != aiLedger {
		t.Errorf("the ledger = %v, %v; want %s", usage, err, aiLedger)
	}
	if audit, err := p.s.AIAudit(ctx, p.ada.ID); err != nil || len(audit) != 1 || audit[0].CallID != p.adaCall {
		t.Errorf("Ada's AI exchanges = %+v, %v", audit, err)
	}
	if e, err := p.s.AICached(ctx, adaKey); err != nil || e.Response != `{"flags":[]}` {
		t.Errorf("Ada's cached answer = %+v, %v", e, err)
	}
}

func TestTheAuditLogSaysWhoAndWhenButNothingOfThePerson(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	log, err := p.s.AuditLog(ctx, 10)
	if err != nil || len(log) != 1 {
		t.Fatalf("log = %+v, %v", log, err)
	}
	a := log[0]
	if a.Action != ActionErase || a.Why != "request" || a.CandidateID != p.quorra.ID || a.ActorName != "Riley Chen" ||
		a.ActorID != 1 || a.At != "2025-03-01T10:00:00.000Z" || a.Counts["notes"] != 1 {
		t.Errorf("entry = %+v", a)
	}
	if err := p.s.RecordSnapshots(ctx, []int64{a.ID}, 3, 1); err != nil {
		t.Fatal(err)
	}
	if log, _ := p.s.AuditLog(ctx, 10); log[0].SnapshotsRewritten != 3 || log[0].SnapshotsDropped != 1 {
		t.Errorf("snapshots = %+v", log[0])
	}
	// Append-only: what was recorded cannot be rewritten or removed.
	if _, err := p.s.w.Exec(`UPDATE privacy_audit SET actor_name = 'x'`); err == nil {
		t.Error("an audit row was rewritten")
	}
	if _, err := p.s.w.Exec(`DELETE FROM privacy_audit`); err == nil {
		t.Error("an audit row was deleted")
	}
}

func TestEraseFromACopy(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	dir := t.TempDir()
	with, without := filepath.Join(dir, "with.db"), filepath.Join(dir, "without.db")
	copyTo(t, p.s, with)
	got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest)
	if err != nil {
		t.Fatal(err)
	}
	copyTo(t, p.s, without)
	if leaks(t, dir, quorra.tokens) == nil {
		t.Fatal("the copy made before the erasure should hold her")
	}
	untouched, _ := os.ReadFile(without)
	for _, path := range []string{with, without} {
		changed, err := p.s.EraseFromCopy(ctx, path, []Person{got[0].Person}, byRequest)
		if err != nil || changed != (path == with) {
			t.Errorf("%s: changed %v, %v", filepath.Base(path), changed, err)
		}
	}
	if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
		t.Errorf("the copies still hold her: %v", got)
	}
	if b, _ := os.ReadFile(without); !bytes.Equal(b, untouched) {
		t.Error("a copy without her was rewritten")
	}
	if left, _ := os.ReadDir(dir); len(left) != 2 {
		t.Errorf("the copies left files beside them: %v", left)
	}
	copy, err := Open(with)
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	if n, _ := copy.CountCandidates(ctx); n != 201 {
		t.Errorf("the copy holds %d candidates, want the 201 others", n)
	}
	if log, _ := copy.AuditLog(ctx, 10); len(log) != 1 || log[0].CandidateID != p.quorra.ID {
		t.Errorf("the copy's audit log = %+v", log)
	}
}

// copyTo writes a copy of the workspace to path, as a snapshot is made.
func copyTo(t *testing.T, s *Store, path string) {
	t.Helper()
	if _, err := s.w.Exec(`VACUUM INTO ?`, path); err != nil {
		t.Fatal(err)
	}
}

func TestSubjectDataHoldsEveryRowAboutThePerson(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	tables, err := p.s.SubjectData(ctx, p.quorra.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	var text strings.Builder
	for _, tb := range tables {
		rows[tb.Table] = len(tb.Rows)
		for _, r := range tb.Rows {
			for _, v := range r {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				fmt.Fprint(&text, v, " ")
			}
		}
	}
	want := map[string]int{"candidates": 1, "card_exposures": 0, "candidate_uids": 1, "candidate_tags": 1, "attachments": 1, "notes": 1, "applications": 1,
		"stage_events": 2, "round_assignments": 0, "round_schedule": 0, "screen_revisions": 1, "resume_screens": 1, "scorecards": 2, "scorecard_revisions": 1,
		"ai_audit": 1, "ai_cache": 1, "ai_ratings": 0, "self_id": 1, "outcomes": 0}
	if fmt.Sprint(rows) != fmt.Sprint(want) || tables[0].Table != "candidates" {
		t.Errorf("rows = %v, want %v, the candidate first", rows, want)
	}
	for _, s := range []string{quorra.email, quorra.note, quorra.cardNote, quorra.evidence, "Curriculum vitae of",
		"Screen the resume of " + quorra.name, "Vantablack led the compiler", "Zorblattish"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("the subject data lacks %q", s)
		}
	}
	if _, err := p.s.SubjectData(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown candidate: %v", err)
	}
}

func TestDueForRetention(t *testing.T) {
	ctx := context.Background()
	s, clk := mustOpen(t)
	role := mustRole(t, s, "AI Engineer")
	other := mustRole(t, s, "Data Engineer")
	rejected := stageNamed(t, role, "Rejected").ID
	add := func(name string, roles ...int64) model.Candidate {
		return mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: name}}, roles...)
	}
	reject := func(c model.Candidate, reason string) {
		if _, err := s.MoveApplication(ctx, onlyApplication(t, s, c.ID).ID, rejected, reason, tester); err != nil {
			t.Fatal(err)
		}
	}
	old := add("Old Rejection", role.ID)
	reject(old, "Candidate withdrew")
	noted := add("Old Rejection Noted Later", role.ID)
	reject(noted, "Skills below the bar")
	active := add("Rejected Here Active There", role.ID, other.ID)
	if _, err := s.MoveApplication(ctx, onlyAppIn(t, s, active.ID, role.ID), rejected, "Position filled", tester); err != nil {
		t.Fatal(err)
	}
	add("Never Applied")
	add("Still In Process", role.ID)
	cutoff := clk.Advance(24 * time.Hour).UTC().Format(model.TimeLayout)
	if _, err := s.AddNote(ctx, noted.ID, "Asked to be considered again.", tester); err != nil {
		t.Fatal(err)
	}
	recent := add("Recent Rejection", role.ID)
	reject(recent, "Position filled")

	due, err := s.DueForRetention(ctx, cutoff)
	if err != nil || len(due) != 1 || due[0].ID != old.ID || due[0].Name != "Old Rejection" ||
		fmt.Sprint(due[0].Applications) != "[AI Engineer: Candidate withdrew]" || due[0].LastActivity != "2025-03-01T09:00:00.000Z" {
		t.Errorf("due = %+v, %v; want only Old Rejection", due, err)
	}
}

func onlyAppIn(t *testing.T, s *Store, candidateID, roleID int64) int64 {
	t.Helper()
	apps, err := s.CandidateApplications(context.Background(), candidateID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps {
		if a.RoleID == roleID {
			return a.ID
		}
	}
	t.Fatalf("candidate %d has no application to role %d", candidateID, roleID)
	return 0
}
