// AI-vs-interviewer agreement as the window shows it beside the calibration
// and in the AI quality view: per rubric and model, pooled and per
// competency, the same ICC(2,1) and Krippendorff's alpha as the
// interviewers' calibration, with n and a plain sentence; below the
// calibration's minimums, how many more answers or candidates are needed.
// The figures are Agreement's (rater_agreement.go).

package assist

import (
	"context"
	"fmt"
	"slices"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/stats"
	"hirebench/storage"
)

// The statistics shown: one interviewer's score (ICC(2,1), raters as a
// random sample, as the literature's .74 for panel interviews) and alpha
// on ordered levels.
const (
	agreementICC   = "icc_2_1"
	agreementAlpha = "alpha_ordinal"
)

// AgreementFigures is one group: a rubric's questions pooled (one scale),
// or one competency.
type AgreementFigures struct {
	Name  string `json:"name"`
	Scale string `json:"scale"`
	// N answers were rated by both the model and their interviewer, over
	// Candidates candidates.
	N          int  `json:"n"`
	Candidates int  `json:"candidates"`
	Enough     bool `json:"enough"`
	// MoreAnswers and MoreCandidates are what is still needed before the
	// figures are shown (0 when Enough).
	MoreAnswers    int      `json:"moreAnswers"`
	MoreCandidates int      `json:"moreCandidates"`
	ICC            *float64 `json:"icc"`
	Alpha          *float64 `json:"alpha"`
	// The interviewers with each other on the same questions, as the
	// calibration counts them (nil below its minimums).
	HumansN     int      `json:"humansN"`
	HumansICC   *float64 `json:"humansIcc"`
	HumansAlpha *float64 `json:"humansAlpha"`
	// Says is the figures in words, or how many more are needed.
	Says string `json:"says"`
}

// AgreementLine is one model's agreement on one rubric.
type AgreementLine struct {
	RubricID       int64              `json:"rubricId"`
	Rubric         string             `json:"rubric"`
	Model          string             `json:"model"`
	PromptVersions []string           `json:"promptVersions"`
	Pooled         []AgreementFigures `json:"pooled"`
	Competencies   []AgreementFigures `json:"competencies"`
}

// AgreementView is every model's agreement on every rubric in scope.
type AgreementView struct {
	RoleID     int64           `json:"roleId"`
	Lines      []AgreementLine `json:"lines"`
	ICCLabel   string          `json:"iccLabel"`
	AlphaLabel string          `json:"alphaLabel"`
	// Note says why there is nothing to show ("" when there is).
	Note string `json:"note"`
}

// NoOpinionsYet is the view's note before any second opinion was kept.
const NoOpinionsYet = "No AI second opinions yet: they appear beside submitted scores once someone asks for one."

// RoleAgreement is the AI's agreement with the interviewers of a role, per
// rubric its cards use and per model, for the debrief's calibration. It
// rests on every submitted card of the role, so like the calibration it
// waits until the viewer may see them all (the blind rule).
func (d *Desk) RoleAgreement(ctx context.Context, who model.Profile, roleID int64) (AgreementView, error) {
	if !who.IsRecruiter {
		deb, err := d.screens.RoleDebrief(ctx, roleID, who)
		if err != nil {
			return AgreementView{}, err
		}
		if deb.Hidden > 0 {
			return AgreementView{}, ErrAgreementHidden
		}
	} else if _, err := d.store.GetRole(ctx, roleID); err != nil {
		return AgreementView{}, err
	}
	s, err := d.service(ctx)
	if err != nil {
		return AgreementView{}, err
	}
	return s.AgreementView(ctx, roleID)
}

// ErrAgreementHidden: some of the role's cards are still hidden from the viewer.
var ErrAgreementHidden = fmt.Errorf("the AI's agreement with the interviewers is shown once you may see every scorecard of this role: %w", model.ErrConflict)

// AgreementView is every rubric's lines, of one role (roleID > 0) or of
// the workspace (0).
func (s *Service) AgreementView(ctx context.Context, roleID int64) (AgreementView, error) {
	out := AgreementView{RoleID: roleID, Lines: []AgreementLine{}, ICCLabel: stats.Label(agreementICC, 0),
		AlphaLabel: stats.Label(agreementAlpha, 0)}
	rows, err := s.store.AIRatings(ctx, storage.AIRatingFilter{RoleID: roleID})
	if err != nil {
		return out, err
	}
	var rubrics []int64
	names := map[int64]int64{} // rubric → a version to name it by (the latest rated)
	for _, r := range rows {
		if !slices.Contains(rubrics, r.RubricID) {
			rubrics = append(rubrics, r.RubricID)
		}
		names[r.RubricID] = r.RubricVersionID
	}
	if len(rubrics) == 0 {
		out.Note = NoOpinionsYet
		return out, nil
	}
	for _, id := range rubrics {
		ag, err := s.Agreement(ctx, AgreementScope{RoleID: roleID, RubricID: id})
		if err != nil {
			return out, err
		}
		v, err := s.store.RubricVersion(ctx, names[id])
		if err != nil {
			return out, err
		}
		for _, m := range ag.Models {
			line := AgreementLine{RubricID: id, Rubric: v.Content.Name, Model: m.Model, PromptVersions: m.PromptVersions,
				Pooled: []AgreementFigures{}, Competencies: []AgreementFigures{}}
			for _, g := range m.Pooled {
				line.Pooled = append(line.Pooled, figuresOf(m.Model, g))
			}
			for _, g := range m.Competencies {
				line.Competencies = append(line.Competencies, figuresOf(m.Model, g))
			}
			out.Lines = append(out.Lines, line)
		}
	}
	return out, nil
}

// figuresOf puts one group of Agreement into figures and words.
func figuresOf(modelName string, g AgreementGroup) AgreementFigures {
	f := AgreementFigures{Name: g.Name, Scale: g.Scale, N: g.AI.PairedItems, Candidates: g.AI.Candidates, Enough: !g.AI.TooFew,
		HumansN: g.Humans.PairedItems}
	if g.Humans.Report != nil {
		f.HumansICC, f.HumansAlpha = g.Humans.Report.ICC21, g.Humans.Report.AlphaOrdinal
	}
	if !f.Enough {
		f.MoreAnswers = max(0, interviews.MinCalibrationPaired-f.N)
		f.MoreCandidates = max(0, interviews.MinCalibrationCandidates-f.Candidates)
		f.Says = fmt.Sprintf("Too few to say yet: %s rated by both the AI and the interviewer, of %s; %s needed.",
			model.Count(f.N, "answer", "answers"), model.Count(f.Candidates, "candidate", "candidates"), needed(f.MoreAnswers, f.MoreCandidates))
		return f
	}
	rep := g.AI.Report
	f.ICC, f.Alpha = rep.ICC21, rep.AlphaOrdinal
	f.Says = fmt.Sprintf("On %s of %s, %s agrees with the interviewers at %s %s and %s %s; %s",
		model.Count(f.N, "answer", "answers"), model.Count(f.Candidates, "candidate", "candidates"), modelName,
		stats.Label(agreementICC, 0), figure(f.ICC), stats.Label(agreementAlpha, 0), figure(f.Alpha), humansSay(g.Humans))
	if why := rep.Explanations[agreementICC]; why != "" {
		f.Says += " " + why
	}
	return f
}

// needed says how many more answers and candidates are needed.
func needed(answers, candidates int) string {
	switch {
	case answers > 0 && candidates > 0:
		return fmt.Sprintf("%d more %s and %d more %s are", answers, model.Plural(answers, "answer", "answers"),
			candidates, model.Plural(candidates, "candidate", "candidates"))
	case candidates > 0:
		return fmt.Sprintf("%d more %s %s", candidates, model.Plural(candidates, "candidate", "candidates"), model.Plural(candidates, "is", "are"))
	}
	return fmt.Sprintf("%d more %s %s", answers, model.Plural(answers, "answer", "answers"), model.Plural(answers, "is", "are"))
}

// humansSay is the interviewers' own agreement on the same questions, to set beside.
func humansSay(g interviews.CalibrationGroup) string {
	if g.Report == nil || g.Report.ICC21 == nil {
		return "the interviewers' agreement with each other on these questions is too few to say."
	}
	return fmt.Sprintf("the interviewers agree with each other at %s on the same questions (%s).",
		figure(g.Report.ICC21), model.Count(g.PairedItems, "answer", "answers"))
}

func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", *v)
}
