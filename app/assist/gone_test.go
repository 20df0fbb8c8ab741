// An AI call that finishes after its candidate was anonymised keeps nothing
// about them; the second rater sends no colleague's name; the name-swap
// probe notes each sampled candidate in their audit, by ids.

package assist_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/storage"
)

// hookClient runs during each call, after the answer came back, as a
// recruiter might act in the window while a call is out.
type hookClient struct {
	assist.Client
	during func()
}

func (c hookClient) Complete(ctx context.Context, call assist.Call) (assist.Reply, error) {
	r, err := c.Client.Complete(ctx, call)
	c.during()
	return r, err
}

func (f *fixture) anonymise(t *testing.T, candidateID int64, actor model.Profile) {
	t.Helper()
	if _, err := f.store.EraseCandidates(f.ctx, []int64{candidateID}, storage.Erasure{Action: storage.ActionAnonymise,
		Why: "request", Actor: actor}); err != nil {
		t.Error(err)
	}
}

// The second rater's answer arriving after the candidate was anonymised is
// neither kept as a rating nor in their audit; the call stays in the
// ledger, about nobody, and the error names ids only.
func TestSuggestLevelAfterAnonymisingKeepsNothing(t *testing.T) {
	p := newPanel(t)
	notes := notesFor("Grace", 0)
	card := p.card(t, p.app, p.sam, false, answer{level: 4, notes: notes}, answer{level: 2, notes: notesFor("Grace", 1)})
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 3, 3, measured), PromptTokens: 800, CompletionTokens: 90})
	client := hookClient{assist.NewOpenAI(p.srv.URL(), openaitest.Key, nil), func() { p.anonymise(t, p.cand, p.riley) }}
	res, err := assist.New(p.store, p.iv, client, oneRun()).SuggestLevel(p.ctx, card, p.comp.Questions[0].ID, p.riley, assist.RateOptions{})
	if !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("err %v, want not found", err)
	}
	if strings.Contains(err.Error(), "Grace") || strings.Contains(err.Error(), "Hopper") || res.Level != 0 || len(res.Fragments) != 0 || res.Reason != "" {
		t.Errorf("the refusal carries something about them: %+v, %v", res, err)
	}
	if r, err := p.store.AIRatingsOfCard(p.ctx, card); err != nil || len(r) != 0 {
		t.Errorf("ratings %+v, %v; want none", r, err)
	}
	if a, err := p.store.AIAudit(p.ctx, p.cand); err != nil || len(a) != 0 {
		t.Errorf("audit %+v, %v; want none", a, err)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Calls != 1 || u[0].TokensIn != 800 {
		t.Errorf("ledger %+v, want the call counted", u)
	}
}

// The same for the resume screen: the answer is not cached or audited with
// the anonymised record, and no flag comes back.
func TestSuggestScreenAfterAnonymisingKeepsNothing(t *testing.T) {
	p := newPanel(t)
	p.srv.Script(openaitest.Reply{Content: p.reply(t, shipped), PromptTokens: 100, CompletionTokens: 10})
	client := hookClient{assist.NewOpenAI(p.srv.URL(), openaitest.Key, nil), func() { p.anonymise(t, p.cand, p.riley) }}
	res, err := assist.New(p.store, p.iv, client, oneRun()).SuggestScreen(p.ctx, p.app, assist.ScreenOptions{})
	if !errors.Is(err, model.ErrNotFound) || len(res.Flags) != 0 {
		t.Fatalf("got %+v, %v; want not found and no flags", res.Flags, err)
	}
	if a, err := p.store.AIAudit(p.ctx, p.cand); err != nil || len(a) != 0 {
		t.Errorf("audit %+v, %v; want none", a, err)
	}
	if n := rawCount(t, p.fixture, `SELECT count(*) FROM ai_cache`); n != 0 {
		t.Errorf("%d cached answers, want none", n)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Calls != 1 || u[0].TokensIn != 100 {
		t.Errorf("ledger %+v, want the call counted", u)
	}
}

// The second rater redacts people's names from the notes as the summary
// does: the card's author is "the interviewer", every other profile a
// colleague; fragments are still verified against the notes as written.
func TestSuggestLevelRedactsColleaguesNames(t *testing.T) {
	p := newPanel(t)
	notes := "Grace " + measured + ". Priya Nair asked the follow-up; Sam thought Riley Chen's rubric too strict."
	card := p.card(t, p.app, p.sam, false, answer{level: 3, notes: notes}, answer{level: 2, notes: notesFor("Grace", 1)})
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 3, 3, measured), PromptTokens: 800, CompletionTokens: 90})
	res, err := p.service(oneRun()).SuggestLevel(p.ctx, card, p.comp.Questions[0].ID, p.sam, assist.RateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reqs := p.srv.Completions()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	var sent struct{ Messages []struct{ Content string } }
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	user := sent.Messages[1].Content
	for _, name := range []string{"Grace", "Priya", "Nair", "Sam", "Riley", "Chen"} {
		if strings.Contains(user, name) {
			t.Errorf("the request carries %q:\n%s", name, user)
		}
	}
	want := "[CANDIDATE] " + measured + ". [COLLEAGUE] asked the follow-up; the interviewer thought [COLLEAGUE]'s rubric too strict."
	if !strings.Contains(user, want) {
		t.Errorf("notes sent as\n%s\nwant %q", user, want)
	}
	if res.Redacted[ai.KindInterviewer] != 3 || len(res.Fragments) != 1 || res.Fragments[0].Text != measured {
		t.Errorf("redacted %v, fragments %+v", res.Redacted, res.Fragments)
	}
}

// Each candidate the probe sampled has one row in their AI audit, naming
// the probe by ids (role, application, model, prompt version, the ledger
// rows of their variants), with nothing of their resume or the names.
func TestProbeNotesEachSampledCandidate(t *testing.T) {
	f, role := probeFixture(t)
	svc := f.probeService(assist.DefaultSettings(), func(string) openaitest.Reply {
		return openaitest.Reply{Content: f.statuses(t, "present"), PromptTokens: 1000, CompletionTokens: 100}
	})
	if _, err := svc.Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups}); err != nil {
		t.Fatal(err)
	}
	ids, err := f.store.CandidateStages(f.ctx, role)
	if err != nil {
		t.Fatal(err)
	}
	noted := 0
	for id := range ids {
		c, err := f.store.GetCandidate(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		audit, err := f.store.AIAudit(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		sampled := c.Name == "Grace Hopper" || c.Name == "Alan Turing"
		if !sampled {
			if len(audit) != 0 {
				t.Errorf("%s was not sampled but has %d audit rows", c.Name, len(audit))
			}
			continue
		}
		if len(audit) != 1 || audit[0].Feature != assist.FeatureProbe || audit[0].Response != "" {
			t.Fatalf("%s: audit %+v, want one probe row", c.Name, audit)
		}
		noted++
		var got struct {
			Probe         string  `json:"probe"`
			RoleID        int64   `json:"roleId"`
			ApplicationID int64   `json:"applicationId"`
			PromptVersion string  `json:"promptVersion"`
			Calls         []int64 `json:"calls"`
		}
		if err := json.Unmarshal([]byte(audit[0].Request), &got); err != nil {
			t.Fatalf("%s: %v in %s", c.Name, err, audit[0].Request)
		}
		if got.Probe != assist.FeatureProbe || got.RoleID != role || got.ApplicationID == 0 || got.PromptVersion != ai.ScreenPromptVersion ||
			len(got.Calls) != len(twoGroups) || got.Calls[0] != audit[0].CallID {
			t.Errorf("%s: %+v", c.Name, got)
		}
		for _, personal := range []string{"Grace", "Alan", "Turing", "Hopper", "COBOL", "Enigma", "Kenya", "Owen"} {
			if strings.Contains(audit[0].Request, personal) {
				t.Errorf("%s: the audit row carries %q: %s", c.Name, personal, audit[0].Request)
			}
		}
	}
	if noted != 2 {
		t.Errorf("%d candidates noted, want the 2 sampled", noted)
	}
}

// rawCount reads a count straight from the workspace file.
func rawCount(t *testing.T, f *fixture, query string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(f.dir, "workspace.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
