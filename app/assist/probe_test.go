package assist_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/app/tracking"
)

const turing = "Alan Turing\nBroke Enigma traffic with an electromechanical bombe.\nDesigned the ACE stored-program computer."

// responder answers each request from its body: before a request goes out,
// the fake server is scripted with the reply for it (one call at a time).
type responder struct {
	srv     *openaitest.Server
	respond func(user string) openaitest.Reply
}

func (r responder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil && strings.HasSuffix(req.URL.Path, "/chat/completions") {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		_ = json.Unmarshal(b, &body)
		user := ""
		if len(body.Messages) > 1 {
			user = body.Messages[1].Content
		}
		r.srv.Script(r.respond(user))
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	return http.DefaultTransport.RoundTrip(req)
}

// probeFixture: the fixture's role with Grace Hopper, then Alan Turing, a
// human-only candidate and one without a resume.
func probeFixture(t *testing.T) (*fixture, int64) {
	t.Helper()
	f := newFixture(t)
	app, err := f.store.GetApplication(f.ctx, f.app)
	if err != nil {
		t.Fatal(err)
	}
	svc := tracking.New(f.store)
	actor, err := svc.CreateProfile(f.ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []model.CandidateInput{
		{Name: "Alan Turing", Email: "alan@example.com", ResumeText: turing},
		{Name: "Hedy Lamarr", Email: "hedy@example.com", ResumeText: "Frequency hopping."},
		{Name: "Ken Thompson", Email: "ken@example.com"},
	} {
		c, err := svc.CreateCandidate(f.ctx, in, []int64{app.RoleID}, actor)
		if err != nil {
			t.Fatal(err)
		}
		if in.Name == "Hedy Lamarr" {
			if err := f.store.SetHumanOnly(f.ctx, c.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f, app.RoleID
}

// probeService talks to the fake server through respond.
func (f *fixture) probeService(s assist.Settings, respond func(user string) openaitest.Reply) *assist.Service {
	hc := &http.Client{Transport: responder{f.srv, respond}}
	return assist.New(f.store, f.iv, assist.NewOpenAI(f.srv.URL(), openaitest.Key, hc), s)
}

// statuses is reply content with the first flag given and every other absent.
func (f *fixture) statuses(t *testing.T, first string) string {
	t.Helper()
	out := struct {
		Flags []flagOut `json:"flags"`
	}{}
	for i, id := range f.ids {
		fl := flagOut{ID: id, Status: "absent", Reason: "Nothing about it."}
		if i == 0 {
			fl.Status = first
		}
		out.Flags = append(out.Flags, fl)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

var twoGroups = []ai.ProbeName{
	{Name: "Kenya Mack", Group: "A"}, {Name: "Aaron Yu", Group: "A"},
	{Name: "Owen Schmitt", Group: "B"}, {Name: "Karina Trejo", Group: "B"},
}

// The probe end to end, with figures worked out by hand. Two resumes are
// sampled (the human-only candidate and the one without a resume are
// skipped), each sent once per name: 8 calls. Every answer has the first
// (green) flag present and the other 7 absent, except Grace's resume under
// "Owen Schmitt", where it is unclear.
//
// Grace's resume: the first flag ranges 1 − 0.5 = 0.5, the others 0; change
// 0.5 / 8 = 0.0625 <= 0.1, stable; Alan's: 0. Stable share 2/2 = 1.
// Green "present": 6 green flags × 2 names × 2 resumes = 24 per group;
// group A 4/24 = 0.1667, group B 3/24 = 0.125; impact ratio of B
// 0.125 / 0.1667 = 0.75 < 0.90: the probe fails.
func TestProbeMeasuresTheNameSwap(t *testing.T) {
	f, role := probeFixture(t)
	var users []string
	svc := f.probeService(assist.DefaultSettings(), func(user string) openaitest.Reply {
		users = append(users, user)
		status := "present"
		if strings.Contains(user, "COBOL") && strings.Contains(user, "Owen Schmitt") {
			status = "unclear"
		}
		return openaitest.Reply{Content: f.statuses(t, status), PromptTokens: 1000, CompletionTokens: 100, Fingerprint: "fp_probe"}
	})
	rep, err := svc.Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sampled != 2 || rep.Skipped != 2 || rep.Names != 4 || rep.Calls != 8 || len(f.srv.Completions()) != 8 {
		t.Fatalf("sampled %d skipped %d names %d calls %d requests %d", rep.Sampled, rep.Skipped, rep.Names, rep.Calls, len(f.srv.Completions()))
	}
	// One candidate per call, the name swapped in where redaction took theirs out.
	for i, u := range users {
		name := twoGroups[i%4].Name
		if !strings.Contains(u, "<resume>\n"+name) || strings.Contains(u, "[CANDIDATE]") || strings.Contains(u, "Grace") ||
			strings.Contains(u, "Alan") || (strings.Contains(u, "COBOL") == strings.Contains(u, "Enigma")) {
			t.Errorf("request %d does not carry exactly one resume under %q:\n%s", i, name, u)
		}
	}
	nearly(t, "resume 0 change", rep.Resumes[0].Change, 0.0625)
	if rep.StableShare != 1 || !rep.StablePass {
		t.Errorf("stable share %v", rep.StableShare)
	}
	a, b := rep.Groups[0], rep.Groups[1]
	if a.Present != 4 || a.Seen != 24 || b.Present != 3 || b.Seen != 24 {
		t.Errorf("groups = %+v", rep.Groups)
	}
	nearly(t, "impact B", b.ImpactRatio, 0.75)
	if b.Pass || rep.ImpactPass || rep.Pass {
		t.Errorf("an impact ratio of 0.75 must fail: %+v", rep.Groups)
	}
	// 8 × (1000 × $0.15/M + 100 × $0.60/M) = 8 × $0.00021.
	if math.Abs(rep.CostUSD-0.00168) > 1e-12 || rep.TokensIn != 8000 || rep.EstimateUSD <= 0 {
		t.Errorf("cost %v tokens %d estimate %v", rep.CostUSD, rep.TokensIn, rep.EstimateUSD)
	}
	if rep.Model != "gpt-4o-mini" || rep.PromptVersion != ai.ScreenPromptVersion || rep.NameSet != "custom" ||
		len(rep.Fingerprints) != 1 || rep.Fingerprints[0] != "fp_probe" {
		t.Errorf("model %q prompt %q set %q fingerprints %v", rep.Model, rep.PromptVersion, rep.NameSet, rep.Fingerprints)
	}

	// The ledger has the calls; each sampled candidate's audit notes the
	// probe by ids (TestProbeNotesEachSampledCandidate), and the cache has
	// nothing: a variant is not a suggestion about them.
	if u := f.ledger(t); len(u) != 1 || u[0].Feature != assist.FeatureProbe || u[0].Calls != 8 {
		t.Errorf("ledger = %+v", u)
	}
	if a, err := f.store.AIAudit(f.ctx, f.cand); err != nil || len(a) != 1 || strings.Contains(a[0].Request, "COBOL") {
		t.Errorf("audit = %+v, %v: want the probe noted by ids", a, err)
	}
	if n := rawCount(t, f, `SELECT count(*) FROM ai_cache`); n != 0 {
		t.Errorf("%d cached answers, want none", n)
	}
	// The result is kept under its prompt version and model.
	saved, err := assist.Probes(f.ctx, f.store)
	if err != nil || len(saved) != 1 || saved[0].Model != "gpt-4o-mini" || saved[0].PromptVersion != ai.ScreenPromptVersion ||
		saved[0].Groups[1].Present != 3 || saved[0].At == "" {
		t.Errorf("saved = %+v, %v", saved, err)
	}

	// Probing again sends every variant again (fresh calls) and replaces the result.
	if _, err := svc.Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups, Resumes: 1}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.srv.Completions()); n != 12 {
		t.Errorf("%d requests, want 8 + 4", n)
	}
	if saved, _ := assist.Probes(f.ctx, f.store); len(saved) != 1 || saved[0].Sampled != 1 {
		t.Errorf("saved = %+v", saved)
	}
}

// A variant whose reply breaks the schema twice leaves its resume out of
// the figures (counted); the rest is measured.
func TestProbeExcludesAResumeWithAnInvalidReply(t *testing.T) {
	f, role := probeFixture(t)
	svc := f.probeService(assist.DefaultSettings(), func(user string) openaitest.Reply {
		if strings.Contains(user, "Enigma") && strings.Contains(user, "Aaron Yu") {
			return openaitest.Reply{Content: `{"flags": "none"}`}
		}
		return openaitest.Reply{Content: f.statuses(t, "present")}
	})
	rep, err := svc.Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Excluded != 1 || len(rep.Resumes) != 1 || rep.Resumes[0].Resume != 0 || rep.Calls != 9 || !rep.Pass {
		t.Errorf("excluded %d resumes %+v calls %d pass %v", rep.Excluded, rep.Resumes, rep.Calls, rep.Pass)
	}
}

// Nothing is sent past the budget, for the whole probe; a failure stops it
// and nothing is saved.
func TestProbeStopsBeforeTheBudgetAndOnFailure(t *testing.T) {
	f, role := probeFixture(t)
	s := assist.DefaultSettings()
	s.BudgetUSD = 0.0001
	_, err := f.service(s).Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups})
	var be *assist.BudgetError
	if !errors.As(err, &be) || len(f.srv.Completions()) != 0 {
		t.Fatalf("err %v after %d requests", err, len(f.srv.Completions()))
	}

	f.srv.Script(openaitest.Reply{Content: f.statuses(t, "present")}, openaitest.Fail(400, "invalid_value", "invalid_request_error"))
	if _, err := f.service(assist.DefaultSettings()).Probe(f.ctx, role, assist.ProbeOptions{Names: twoGroups}); err == nil ||
		len(f.srv.Completions()) != 2 {
		t.Errorf("err %v after %d requests, want a stop at the failing call", err, len(f.srv.Completions()))
	}
	if saved, err := assist.Probes(f.ctx, f.store); err != nil || len(saved) != 0 {
		t.Errorf("saved = %+v, %v", saved, err)
	}
	if _, err := f.service(assist.DefaultSettings()).Probe(f.ctx, role, assist.ProbeOptions{Resumes: 101}); err == nil {
		t.Error("101 resumes: want a refusal")
	}
}

// Calls in parallel measure the same as one at a time.
func TestProbeInParallel(t *testing.T) {
	f, role := probeFixture(t)
	f.srv.Script(openaitest.Reply{Content: f.statuses(t, "present"), PromptTokens: 10, CompletionTokens: 10})
	rep, err := f.service(assist.DefaultSettings()).Probe(f.ctx, role, assist.ProbeOptions{Parallel: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Names != 32 || rep.Calls != 64 || len(f.srv.Completions()) != 64 || !rep.Pass || len(rep.Groups) != 8 ||
		rep.NameSet != ai.ProbeNameSet {
		t.Errorf("names %d calls %d pass %v groups %d set %q", rep.Names, rep.Calls, rep.Pass, len(rep.Groups), rep.NameSet)
	}
	for _, g := range rep.Groups {
		if g.Present != 4*2 || g.Seen != 6*4*2 || g.ImpactRatio != 1 {
			t.Errorf("group %+v", g)
		}
	}
}

func nearly(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.00005 {
		t.Errorf("%s = %.6f, want %.4f", what, got, want)
	}
}
