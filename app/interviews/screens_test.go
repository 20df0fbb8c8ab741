package interviews_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

const graceResume = "Grace Hopper · grace@navy.example · +1 555 010 2030 · linkedin.com/in/gracehopper\n" +
	"She shipped a compiler used by 20k sailors and cut its running cost by 40%."

func (e *env) grace(t *testing.T) model.Application {
	t.Helper()
	c, err := e.track.CreateCandidate(e.ctx, model.CandidateInput{Name: "Grace Hopper", Email: "grace@navy.example",
		Phone: "+1 555 010 2030", LinkedIn: "https://linkedin.com/in/gracehopper", Source: "Referral", ResumeText: graceResume}, []int64{e.role.ID}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.track.Detail(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Applications[0]
}

func payload(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// While undecided the screen's payload says nothing of who she is; once the
// decision is saved it does.
func TestBlindScreenHidesIdentityUntilDecided(t *testing.T) {
	e := newEnv(t)
	app := e.grace(t)
	b, err := e.iv.BlindScreen(e.ctx, app.ID, false, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	p := payload(t, b)
	for _, who := range []string{"Grace", "Hopper", "grace@navy.example", "555 010 2030", "gracehopper", "Referral", "She "} {
		if strings.Contains(p, who) {
			t.Errorf("the blind payload holds %q: %s", who, p)
		}
	}
	if b.Label != "Candidate "+itoa(app.ID) || b.Revealed || b.Candidate != nil || !strings.Contains(b.ResumeText, "shipped a compiler") {
		t.Errorf("blind screen = %+v", b)
	}
	flag := b.Screen.Checklist[0].ID
	// The screener quotes the redacted text they read.
	_, err = e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: app.ID, Decision: scoring.Advance, OverrideReason: "one flag, but a rare one",
		Marks: map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "They shipped a compiler used by 20k sailors"}}}, e.riley)
	if err != nil {
		t.Fatalf("a quote from the redacted text: %v", err)
	}
	// A quote of what redaction put in: not the resume's words.
	_, err = e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: app.ID, Decision: scoring.Advance, OverrideReason: "one flag, but a rare one",
		Marks: map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "[CANDIDATE] shipped a compiler"}}}, e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "marks."+flag || !strings.Contains(ve.Error(), "[CANDIDATE] stands for something hidden") {
		t.Errorf("quoting a placeholder: %v; want the mark refused", err)
	}
	b, err = e.iv.BlindScreen(e.ctx, app.ID, false, e.riley)
	if err != nil || !b.Revealed || b.Candidate == nil || b.Candidate.Name != "Grace Hopper" || b.Candidate.Source != "Referral" ||
		!strings.Contains(b.ResumeText, "She shipped") {
		t.Errorf("after the decision: %+v, %v; want her identity and resume", b, err)
	}
}

func TestScreenSavesAreKeptAsRevisions(t *testing.T) {
	e := newEnv(t)
	blank, _ := e.iv.Screen(e.ctx, e.app.ID)
	flag := blank.Checklist[0].ID
	quote := map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "Cut token spend by 40%"}}
	if _, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Marks: quote}, e.riley); err != nil {
		t.Fatal(err)
	}
	_, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Marks: quote, Decision: scoring.Reject}, e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "rejectReason" {
		t.Fatalf("a reject without a reason: %v", err)
	}
	saved, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Marks: quote, Decision: scoring.Reject,
		RejectReason: "one green flag of six"}, e.riley)
	if err != nil || saved.Suggested != scoring.Reject || saved.RejectReason != "one green flag of six" {
		t.Fatalf("saved = %+v, %v", saved, err)
	}
	revs, err := e.iv.ScreenRevisions(e.ctx, e.app.ID, e.riley)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions = %+v, %v; want the two saves", revs, err)
	}
	if revs[0].Decision != "" || revs[1].Decision != scoring.Reject || revs[1].RejectReason != "one green flag of six" ||
		revs[1].AuthorName != "Riley Chen" || revs[1].At <= revs[0].At {
		t.Errorf("revisions = %+v", revs)
	}
}

// The second screener does not see the first screen, nor its revisions,
// until their own decision is saved; the first screener cannot be second.
func TestSecondScreenerIsBlindToTheFirst(t *testing.T) {
	e := newEnv(t)
	blank, _ := e.iv.Screen(e.ctx, e.app.ID)
	flag := blank.Checklist[0].ID
	quote := map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "Cut token spend by 40%"}}
	if _, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Marks: quote, Decision: scoring.Reject,
		RejectReason: "FIRSTSCREENREASON"}, e.riley); err != nil {
		t.Fatal(err)
	}
	_, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Second: true, Marks: quote}, e.riley)
	if !errors.Is(err, model.ErrConflict) {
		t.Errorf("the first screener as second: %v, want a conflict", err)
	}
	// Riley's decided first screen is not Sam's to open blind: it would show him her marks and who it is.
	if _, err := e.iv.BlindScreen(e.ctx, e.app.ID, false, e.sam); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam opening Riley's first screen blind: %v, want a conflict", err)
	}
	if _, err := e.iv.BlindScreen(e.ctx, e.app.ID, true, e.riley); !errors.Is(err, model.ErrConflict) {
		t.Errorf("the first screener opening the second screen: %v, want a conflict", err)
	}
	b, err := e.iv.BlindScreen(e.ctx, e.app.ID, true, e.sam)
	if err != nil || b.Other != nil || len(b.Screen.Marks) != 0 || b.Screen.RubricVersionID != blank.RubricVersionID {
		t.Fatalf("second screener's blank screen = %+v, %v", b, err)
	}
	if strings.Contains(payload(t, b), "FIRSTSCREENREASON") {
		t.Errorf("the second screener's payload shows the first screen")
	}
	if _, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Second: true, Marks: quote}, e.sam); err != nil {
		t.Fatal(err)
	}
	if revs, _ := e.iv.ScreenRevisions(e.ctx, e.app.ID, e.sam); len(revs) != 1 || !revs[0].Second {
		t.Errorf("undecided second screener's revisions = %+v, want only their own", revs)
	}
	_, err = e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Second: true, Marks: quote, Decision: scoring.Advance,
		OverrideReason: "the caching work is rare"}, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.BlindScreen(e.ctx, e.app.ID, true, e.priya); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Priya opening Sam's second screen blind: %v, want a conflict", err)
	}
	b, err = e.iv.BlindScreen(e.ctx, e.app.ID, true, e.sam)
	if err != nil || b.Other == nil || b.Other.RejectReason != "FIRSTSCREENREASON" || len(b.Revisions) != 3 {
		t.Errorf("after deciding, the second screener sees the first screen: %+v, %v", b, err)
	}
	first, _ := e.iv.Screen(e.ctx, e.app.ID)
	if first.Decision != scoring.Reject || first.Second {
		t.Errorf("the second screen changed the application's screen: %+v", first)
	}
}

// Worked by hand: six resumes screened by both. Decisions: A/A, A/A, R/R,
// R/A, A/R, R/R: p_o = 4/6; each advances 3 of 6, p_e = 0.5, so
// κ = (2/3 − 1/2)/(1/2) = 1/3. One flag each, marked present by both on
// all six but the last (present, then absent).
func TestScreenAgreementWorkedExample(t *testing.T) {
	dec := [][2]scoring.Decision{{"advance", "advance"}, {"advance", "advance"}, {"reject", "reject"},
		{"reject", "advance"}, {"advance", "reject"}, {"reject", "reject"}}
	var pairs [][2]scoring.ScreenRevision
	for i, d := range dec {
		second := scoring.Present
		if i == 5 {
			second = scoring.Absent
		}
		pairs = append(pairs, [2]scoring.ScreenRevision{
			{Decision: d[0], Marks: map[string]scoring.FlagMark{"f": {Mark: scoring.Present}}},
			{Decision: d[1], Marks: map[string]scoring.FlagMark{"f": {Mark: second}}}})
	}
	a := interviews.Agreement(7, pairs)
	if a.Pairs != 6 || a.Decided != 6 || a.Agreed != 4 || a.Kappa == nil || math.Abs(*a.Kappa-1.0/3) > 1e-12 {
		t.Errorf("kappa: %+v", a)
	}
	// Nominal alpha: n = 12 values; o(P,A) = o(A,P) = 1 from the one
	// disagreeing unit; n_P = 11, n_A = 1. α = 1 − (n−1)·Σo·δ / Σ n_c n_k δ
	// = 1 − 11·2 / (2·11·1) = 0.
	if a.Marks != 6 || a.Alpha == nil || math.Abs(*a.Alpha) > 1e-12 {
		t.Errorf("alpha: %+v (marks %d)", a.Alpha, a.Marks)
	}
	few := interviews.Agreement(7, pairs[:4])
	if few.Kappa != nil || few.Alpha != nil || !strings.Contains(few.KappaNote, "too few") {
		t.Errorf("four pairs: %+v, want too few to judge", few)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestSuggestScreenFollowsTheMarks(t *testing.T) {
	e := newEnv(t)
	blank, _ := e.iv.Screen(e.ctx, e.app.ID)
	marks := map[string]scoring.FlagMark{}
	for _, f := range blank.Checklist {
		if f.Kind == "green" && len(marks) < 3 {
			marks[f.ID] = scoring.FlagMark{Mark: scoring.Present}
		}
	}
	if d, err := e.iv.SuggestScreen(e.ctx, e.app.ID, false, marks); err != nil || d != scoring.Advance {
		t.Errorf("three of six green flags: %q, %v; want advance", d, err)
	}
	if d, err := e.iv.SuggestScreen(e.ctx, e.app.ID, true, nil); err != nil || d != scoring.Reject {
		t.Errorf("nothing marked: %q, %v; want reject", d, err)
	}
}

// A checklist version only a second screen uses is in use: editing the
// rubric makes a new version instead of changing the marks' flags under them.
func TestASecondScreenKeepsItsChecklistVersion(t *testing.T) {
	e := newEnv(t)
	team, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "Team rubric", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	role, err := e.track.CreateRole(e.ctx, model.RoleInput{Title: "Search Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	comp := team.Content.Competencies[0]
	if _, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: role.ID, Name: "Screen call", RubricID: team.RubricID,
		Competencies: []string{comp.ID}, DurationMin: 30, InterviewerIDs: []int64{e.sam.ID}}, e.riley); err != nil {
		t.Fatal(err)
	}
	c, err := e.track.CreateCandidate(e.ctx, model.CandidateInput{Name: "Lin Park", Email: "lin@example.com", ResumeText: "Built semantic search."},
		[]int64{role.ID}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.track.Detail(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	second, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: d.Applications[0].ID, Second: true,
		Marks: map[string]scoring.FlagMark{}}, e.sam)
	if err != nil || second.RubricVersionID != team.ID {
		t.Fatalf("second screen = %+v, %v; want it on the team rubric's version %d", second, err, team.ID)
	}
	edited := team.Content
	edited.Description = "Edited after a second screen used version 1."
	v, err := e.iv.SaveRubric(e.ctx, team.RubricID, edited, e.riley)
	if err != nil || v.Version != 2 || v.ID == team.ID {
		t.Errorf("editing the rubric: version %d (id %d), %v; want a new version 2, version 1 kept for the second screen", v.Version, v.ID, err)
	}
}

// Deciding reveals the other screen; a change made after that must not
// count as agreement.
func TestScreenAgreementPairsTheFirstDecisions(t *testing.T) {
	e := newEnv(t)
	blank, _ := e.iv.Screen(e.ctx, e.app.ID)
	flag := blank.Checklist[0].ID
	quote := map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "Cut token spend by 40%"}}
	save := func(who model.Profile, second bool, d scoring.Decision) {
		t.Helper()
		in := scoring.ScreenInput{ApplicationID: e.app.ID, Second: second, Marks: quote, Decision: d}
		if d == scoring.Reject {
			in.RejectReason = "not enough shown"
		}
		if s := scoring.Suggest(blank.Checklist, quote); d != s {
			in.OverrideReason = "judgement"
		}
		if _, err := e.iv.SaveScreen(e.ctx, in, who); err != nil {
			t.Fatal(err)
		}
	}
	save(e.riley, false, scoring.Reject)
	save(e.sam, true, scoring.Advance)
	save(e.sam, true, scoring.Reject) // after seeing Riley's reject
	pairs, err := e.store.ScreenPairs(e.ctx, e.role.ID)
	if err != nil || len(pairs) != 1 {
		t.Fatalf("pairs = %+v, %v; want one", pairs, err)
	}
	if pairs[0][0].Decision != scoring.Reject || pairs[0][1].Decision != scoring.Advance {
		t.Errorf("paired decisions %s / %s; want reject / advance, the second screener's first decision", pairs[0][0].Decision, pairs[0][1].Decision)
	}
}

// The blind queue: a screener's next resume in a role, never one someone
// else has started or decided, and for the second screen only resumes
// someone else has decided.
func TestTheBlindQueueGivesEachScreenerTheirNextResume(t *testing.T) {
	e := newEnv(t)
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	cy := e.candidate(t, "Cy Young", "cy@example.com")
	next := func(who model.Profile, after int64, second bool) queued {
		t.Helper()
		q, err := e.iv.NextBlindScreen(e.ctx, e.role.ID, after, second, who)
		if err != nil {
			t.Fatal(err)
		}
		return queued{q.ApplicationID, q.Left}
	}
	if got := next(e.riley, 0, false); got != (queued{e.app.ID, 3}) {
		t.Fatalf("Riley's first = %+v; want Ada of 3", got)
	}
	if got := next(e.riley, e.app.ID, false); got != (queued{bo.ID, 3}) {
		t.Errorf("after Ada = %+v; want Bo", got)
	}
	blank, _ := e.iv.Screen(e.ctx, e.app.ID)
	quote := map[string]scoring.FlagMark{blank.Checklist[0].ID: {Mark: scoring.Present, Evidence: "Cut token spend by 40%"}}
	if _, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Marks: quote, Decision: scoring.Reject, RejectReason: "thin"}, e.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: bo.ID, Marks: quote}, e.riley); err != nil {
		t.Fatal(err)
	}
	// Ada is decided; Bo is Riley's to finish, not Sam's.
	if got := next(e.riley, 0, false); got != (queued{bo.ID, 2}) {
		t.Errorf("Riley after deciding Ada = %+v; want Bo of 2", got)
	}
	if got := next(e.sam, 0, false); got != (queued{cy.ID, 1}) {
		t.Errorf("Sam's first screens = %+v; want only Cy", got)
	}
	// Second screens: Ada (decided by Riley) for Sam; nothing for Riley, her first screener.
	if got := next(e.sam, 0, true); got != (queued{e.app.ID, 1}) {
		t.Errorf("Sam's second screens = %+v; want Ada", got)
	}
	if got := next(e.riley, 0, true); got != (queued{0, 0}) {
		t.Errorf("Riley's second screens = %+v; want none", got)
	}
	if _, err := e.track.SetArchived(e.ctx, cy.CandidateID, true, e.riley); err != nil {
		t.Fatal(err)
	}
	if got := next(e.sam, 0, false); got != (queued{0, 0}) {
		t.Errorf("Sam's first screens with Cy archived = %+v; want none", got)
	}
}

type queued struct {
	App  int64
	Left int
}
