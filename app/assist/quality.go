// The AI quality view (the recruiter's): per feature and model, what the
// calls cost and how they went (the ledger) and what the checks found in
// the answers (ai_checks: quotes verified or dropped, items the runs
// disagreed on, repairs); the latest name-swap probe of each prompt
// version and model; and the AI's agreement with the interviewers. Every
// figure and share is computed here; the window and `ai quality` show them.

package assist

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/model"
)

// QualityRow is one feature and model.
type QualityRow struct {
	Feature string `json:"feature"`
	Label   string `json:"label"`
	Model   string `json:"model"`
	// From the ledger: every call, answers from the cache, failures (a
	// budget stop included), tokens billed and cost.
	Calls        int     `json:"calls"`
	Cached       int     `json:"cached"`
	CacheHitRate float64 `json:"cacheHitRate"`
	Failed       int     `json:"failed"`
	FailureRate  float64 `json:"failureRate"`
	TokensIn     int     `json:"tokensIn"`
	TokensOut    int     `json:"tokensOut"`
	CostUSD      float64 `json:"costUsd"`
	// From the checks of the answers the model gave (not the cache's).
	Checked  int `json:"checked"` // suggestions checked
	Quotes   int `json:"quotes"`  // quotes or note fragments given
	Verified int `json:"verified"`
	Dropped  int `json:"dropped"`
	// VerifiedShare is Verified of Quotes (1 when none were given).
	VerifiedShare float64 `json:"verifiedShare"`
	// Items suggested over the checked suggestions, Uncertain of them the
	// runs disagreed on, and that share.
	Items         int     `json:"items"`
	Uncertain     int     `json:"uncertain"`
	UncertainRate float64 `json:"uncertainRate"`
	// Repairs: replies that broke the schema and were asked again once.
	Repairs int `json:"repairs"`
}

// QualityProbe is the latest name-swap probe of one prompt version and model.
type QualityProbe struct {
	PromptVersion string `json:"promptVersion"`
	Model         string `json:"model"`
	At            string `json:"at"`
	Resumes       int    `json:"resumes"`
	Names         int    `json:"names"`
	// Outcome changes: resumes whose outcome moved with the name at all,
	// the largest move (levels, averaged over the flags) and the share of
	// resumes within the tolerance.
	ResumesMoved int     `json:"resumesMoved"`
	MaxChange    float64 `json:"maxChange"`
	StableShare  float64 `json:"stableShare"`
	StablePass   bool    `json:"stablePass"`
	// FlagsMoved are the flags that moved on any resume.
	FlagsMoved []ai.FlagChange `json:"flagsMoved"`
	// Groups with their impact ratios; Lowest is the lowest.
	Groups      []ai.GroupRate `json:"groups"`
	LowestGroup string         `json:"lowestGroup"`
	LowestRatio float64        `json:"lowestRatio"`
	ImpactPass  bool           `json:"impactPass"`
	Goals       ProbeGoals     `json:"goals"`
	Pass        bool           `json:"pass"`
	// Current: made with today's screening model and prompt.
	Current bool   `json:"current"`
	Says    string `json:"says"`
}

// QualityView is the AI quality view.
type QualityView struct {
	Features []QualityRow   `json:"features"`
	Probes   []QualityProbe `json:"probes"`
	// ProbeNote says when today's screening model and prompt have no probe.
	ProbeNote string        `json:"probeNote"`
	Agreement AgreementView `json:"agreement"`
}

// MayReview: the quality figures cover every role and every interviewer's
// agreement with the AI, so they are the recruiter's.
func MayReview(who model.Profile) error {
	if who.IsRecruiter {
		return nil
	}
	return fmt.Errorf("only the recruiter sees the AI quality figures: %w", model.ErrConflict)
}

// Quality is the AI quality view, for the recruiter.
func (d *Desk) Quality(ctx context.Context, who model.Profile) (QualityView, error) {
	if err := MayReview(who); err != nil {
		return QualityView{}, err
	}
	s, err := d.service(ctx)
	if err != nil {
		return QualityView{}, err
	}
	return s.Quality(ctx)
}

// Quality computes the AI quality view over every call and check recorded.
func (s *Service) Quality(ctx context.Context) (QualityView, error) {
	out := QualityView{Features: []QualityRow{}, Probes: []QualityProbe{}}
	usage, err := s.store.AIUsageTotals(ctx, "")
	if err != nil {
		return out, err
	}
	checks, err := s.store.AIChecks(ctx, "")
	if err != nil {
		return out, err
	}
	rows := map[[2]string]*QualityRow{}
	row := func(feature, model string) *QualityRow {
		k := [2]string{feature, model}
		if rows[k] == nil {
			rows[k] = &QualityRow{Feature: feature, Label: ai.FeatureLabel(feature), Model: model}
		}
		return rows[k]
	}
	for _, u := range usage {
		r := row(u.Feature, u.Model)
		r.Calls, r.Cached, r.Failed, r.TokensIn, r.TokensOut, r.CostUSD = u.Calls, u.Cached, u.Failed, u.TokensIn, u.TokensOut, u.CostUSD
	}
	for _, c := range checks {
		r := row(c.Feature, c.Model)
		r.Checked, r.Quotes, r.Dropped, r.Items, r.Uncertain, r.Repairs = c.Suggestions, c.Quotes, c.Dropped, c.Items, c.Uncertain, c.Repairs
	}
	for _, r := range rows {
		r.Verified = r.Quotes - r.Dropped
		r.CacheHitRate, r.FailureRate = share(r.Cached, r.Calls, 0), share(r.Failed, r.Calls, 0)
		r.VerifiedShare, r.UncertainRate = share(r.Verified, r.Quotes, 1), share(r.Uncertain, r.Items, 0)
		out.Features = append(out.Features, *r)
	}
	slices.SortFunc(out.Features, func(a, b QualityRow) int {
		if d := featureOrder(a.Feature) - featureOrder(b.Feature); d != 0 {
			return d
		}
		return strings.Compare(a.Model, b.Model)
	})

	probes, err := Probes(ctx, s.store)
	if err != nil {
		return out, err
	}
	screening := s.settings.Models[ai.FeatureScreen]
	for _, p := range probes {
		out.Probes = append(out.Probes, probeLine(p, p.PromptVersion == ai.ScreenPromptVersion && p.Model == screening))
	}
	if !slices.ContainsFunc(out.Probes, func(p QualityProbe) bool { return p.Current }) {
		out.ProbeNote = fmt.Sprintf("The screening model %s with prompt %s has not been probed yet: run hirebench ai probe --role ROLE.",
			screening, ai.ScreenPromptVersion)
	}
	out.Agreement, err = s.AgreementView(ctx, 0)
	return out, err
}

// probeLine is one probe report as the view shows it.
func probeLine(p ProbeReport, current bool) QualityProbe {
	q := QualityProbe{PromptVersion: p.PromptVersion, Model: p.Model, At: p.At, Resumes: len(p.Resumes), Names: p.Names,
		StableShare: p.StableShare, StablePass: p.StablePass, FlagsMoved: []ai.FlagChange{}, Groups: p.Groups,
		LowestRatio: 1, ImpactPass: p.ImpactPass, Goals: p.Goals, Pass: p.Pass, Current: current}
	if q.Groups == nil {
		q.Groups = []ai.GroupRate{}
	}
	for _, r := range p.Resumes {
		if r.FlagsChanged > 0 {
			q.ResumesMoved++
		}
		q.MaxChange = max(q.MaxChange, r.Change)
	}
	for _, f := range p.Flags {
		if f.ResumesChanged > 0 {
			q.FlagsMoved = append(q.FlagsMoved, f)
		}
	}
	for _, g := range q.Groups {
		if q.LowestGroup == "" || g.ImpactRatio < q.LowestRatio {
			q.LowestGroup, q.LowestRatio = g.Group, g.ImpactRatio
		}
	}
	verdict := "passed"
	if !q.Pass {
		verdict = "failed"
	}
	q.Says = fmt.Sprintf("The probe %s: the outcome moved with the name on %d of %s (%.0f%% within %.1f levels; goal %.0f%%); the lowest impact ratio is %.2f (%s; goal %.2f).",
		verdict, q.ResumesMoved, model.Count(q.Resumes, "resume", "resumes"), 100*q.StableShare, q.Goals.Tolerance,
		100*q.Goals.StableShare, q.LowestRatio, cmp(q.LowestGroup, "every group"), q.Goals.ImpactRatio)
	return q
}

// featureOrder lists the tasks first, in their order, then the probe, then the rest.
func featureOrder(feature string) int {
	for i, t := range Tasks {
		if t.Feature == feature {
			return i
		}
	}
	if feature == FeatureProbe {
		return len(Tasks)
	}
	return len(Tasks) + 1
}

// share is part of whole, or none when whole is 0.
func share(part, whole int, none float64) float64 {
	if whole == 0 {
		return none
	}
	return float64(part) / float64(whole)
}
