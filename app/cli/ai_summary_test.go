// Tests `ai summary` and `ai followups` against the fake OpenAI server on
// the demo workspace: the text as it streams, the closing line, --json,
// a cut stream, and bad input as one line.

package cli_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/assist/openaitest"
	"hirebench/app/cli"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

var demoSummary = []string{"Strengths:\n", "Clear about retries [N1].\n", "Concerns:\n", "None.\n",
	"Disagreements to discuss:\n", "The candidate seemed tired."}

// demoCandidate is the email of the candidate a submitted demo card scores.
func demoCandidate(t *testing.T, dir string, card int64) string {
	t.Helper()
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sc, err := s.GetScorecard(context.Background(), card)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.GetCandidate(context.Background(), sc.CandidateID)
	if err != nil {
		t.Fatal(err)
	}
	return c.Email
}

func TestAISummary(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	email := demoCandidate(t, dir, a.card)
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: demoSummary, PromptTokens: 2000, CompletionTokens: 30})
	defer cli.SetGetenv(func(string) string { return openaitest.Key })()
	args := []string{"ai", "summary", "--candidate", email, "--role", a.role, "--base-url", srv.URL()}

	out := mustRun(t, dir, args...)
	if !strings.HasPrefix(out, strings.Join(demoSummary, "")+"\n") || !strings.Contains(out, "unsupported: The candidate seemed tired.\n") ||
		!strings.Contains(out, "gpt-4.1, 2000+30 tokens") || !strings.HasSuffix(out, "1 unsupported sentences (of 2)\n") {
		t.Errorf("ai summary = %q", out)
	}
	if reqs := srv.Completions(); len(reqs) != 1 || reqs[0].Invalid != "" || strings.Contains(string(reqs[0].Body), email) {
		t.Errorf("requests %+v", reqs)
	}

	var got struct {
		Text        string
		Incomplete  bool
		Notes       []struct{ ID, Interviewer string }
		Scorecards  int
		Unsupported int
		Cached      bool
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, append(args, "--json")...)), &got); err != nil {
		t.Fatal(err)
	}
	if got.Text != strings.Join(demoSummary, "") || got.Unsupported != 1 || !got.Cached || got.Scorecards == 0 ||
		len(got.Notes) == 0 || got.Notes[0].ID != "N1" || got.Notes[0].Interviewer != "Interviewer A" {
		t.Errorf("ai summary --json = %+v", got)
	}
}

// A stream cut mid-way: the text shown stays on stdout, the one-line error
// says it is incomplete, and the exit code is an error's.
func TestAISummaryCutMidway(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: demoSummary, CutAfter: 2, Cut: true})
	defer cli.SetGetenv(func(string) string { return openaitest.Key })()
	r := run(t, dir, "ai", "summary", "--candidate", demoCandidate(t, dir, a.card), "--role", a.role, "--base-url", srv.URL())
	if r.code != cli.ExitError || r.stdout != demoSummary[0]+demoSummary[1]+"\n" || strings.Count(r.stderr, "\n") != 1 ||
		!strings.Contains(r.stderr, "stopped in the middle") || !strings.Contains(r.stderr, "incomplete") {
		t.Errorf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

// demoDraft starts a draft in a demo round nobody has interviewed in yet,
// with notes on its first question, and returns the card and question.
func demoDraft(t *testing.T, dir string) (int64, string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	iv := interviews.New(s)
	cands, err := s.ListProfiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recruiter := model.Profile{}
	for _, p := range cands {
		if p.IsRecruiter {
			recruiter = p
		}
	}
	roles, err := s.ListRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range roles {
		stages, err := s.CandidateStages(ctx, role.ID)
		if err != nil {
			t.Fatal(err)
		}
		for cand := range stages {
			rounds, err := iv.CandidateRounds(ctx, cand, recruiter)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rounds {
				if len(r.Cards) > 0 || len(r.Interviewers) == 0 {
					continue
				}
				v, err := iv.StartInterview(ctx, r.ApplicationID, r.Round.ID, r.Interviewers[0])
				if err != nil {
					t.Fatal(err)
				}
				q := v.Rubric.Competencies[0].Questions[0].ID
				notes := "Walked through a retry loop with jitter."
				if _, err := iv.SaveDraft(ctx, v.Card.ID, []scoring.Patch{{QuestionID: q, AnswerNotes: &notes}}, r.Interviewers[0]); err != nil {
					t.Fatal(err)
				}
				return v.Card.ID, q
			}
		}
	}
	t.Fatal("the demo has no round left to interview in")
	return 0, ""
}

func TestAIFollowUps(t *testing.T) {
	dir := demoWorkspace(t)
	card, q := demoDraft(t, dir)
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"- How did you pick the backoff cap?\n", "- Would you call this a level 3?\n"}, PromptTokens: 400, CompletionTokens: 20})
	defer cli.SetGetenv(func(string) string { return openaitest.Key })()
	args := []string{"ai", "followups", "--scorecard", strconv.FormatInt(card, 10), "--question", q, "--base-url", srv.URL()}
	out := mustRun(t, dir, args...)
	if !strings.HasPrefix(out, "- How did you pick the backoff cap?\n- Would you call this a level 3?\n") ||
		!strings.Contains(out, "1 follow-up questions kept, 1 lines dropped") {
		t.Errorf("ai followups = %q", out)
	}
	var got struct {
		Questions []string
		Dropped   int
		Cached    bool
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, append(args, "--json")...)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Questions) != 1 || got.Questions[0] != "How did you pick the backoff cap?" || got.Dropped != 1 || !got.Cached {
		t.Errorf("ai followups --json = %+v", got)
	}
}

func TestAISummaryAndFollowUpsFailures(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	srv := openaitest.New(t)
	defer cli.SetGetenv(func(string) string { return openaitest.Key })()
	for _, tc := range [][]string{
		{"ai", "summary", "--role", a.role},
		{"ai", "summary", "--candidate", "x@example.com", "--role", a.role, "--base-url", "ftp://x"},
		{"ai", "followups", "--question", a.question},
		{"ai", "followups", "--scorecard", "seven", "--question", a.question},
	} {
		wantFailure(t, run(t, dir, tc...), cli.ExitUsage)
	}
	base := []string{"--base-url", srv.URL()}
	wantFailure(t, run(t, dir, append([]string{"ai", "summary", "--candidate", "nobody@example.com", "--role", a.role}, base...)...), cli.ExitError, "not found")
	// A submitted card is no interview in progress.
	wantFailure(t, run(t, dir, append([]string{"ai", "followups", "--scorecard", strconv.FormatInt(a.card, 10), "--question", a.question}, base...)...),
		cli.ExitError, "interview in progress")
	if n := len(srv.Completions()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

// --preview prints exactly what would be sent and its estimate, and sends
// nothing: no key needed, no request, nothing in the ledger.
func TestAISummaryAndFollowUpsPreview(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	email := demoCandidate(t, dir, a.card)
	srv := openaitest.New(t)
	defer cli.SetGetenv(func(string) string { return "" })()
	out := mustRun(t, dir, "ai", "summary", "--candidate", email, "--role", a.role, "--base-url", srv.URL(), "--preview")
	if !strings.HasPrefix(out, "--- system ---\n") || !strings.Contains(out, "--- user ---\nScorecard notes (") ||
		!strings.Contains(out, "[N1] Interviewer A, ") || strings.Contains(out, email) ||
		!regexp.MustCompile(`\nnot sent: \S+ to 127\.0\.0\.1:\d+ \(summary-v1\), about \d+ tokens in and 400 out, \$0\.\d{4}\n$`).MatchString(out) {
		t.Errorf("ai summary --preview = %q", out)
	}
	var p struct {
		Feature  string
		Notes    int
		Messages []struct{ Role, Content string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "ai", "summary", "--candidate", email, "--role", a.role, "--preview", "--json")), &p); err != nil ||
		p.Feature != "summary" || p.Notes == 0 || len(p.Messages) != 2 {
		t.Errorf("ai summary --preview --json = %+v, %v", p, err)
	}
	card, q := demoDraft(t, dir)
	out = mustRun(t, dir, "ai", "followups", "--scorecard", strconv.FormatInt(card, 10), "--question", q, "--preview")
	if !strings.Contains(out, "Question being asked: ") || !strings.Contains(out, "(followup-v1), about ") || !strings.Contains(out, " and 90 out, $") {
		t.Errorf("ai followups --preview = %q", out)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent by a preview", n)
	}
	if u := mustRun(t, dir, "ai", "usage", "--json"); strings.Contains(u, "summary") || strings.Contains(u, "followup") {
		t.Errorf("a preview is in the ledger: %s", u)
	}
}
