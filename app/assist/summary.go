// The debrief summary: one candidate's submitted scorecards for a role,
// summarised in three parts (strengths, concerns, disagreements to
// discuss), streamed piece by piece, every sentence checked for the notes
// it cites. Only cards the viewer may see (the blind rule), and only once
// they may see them all, so nobody is anchored by it before they score.

package assist

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// outputPerSummary is a summary's expected size (three parts, at most 250
// words), for the estimate before sending.
const outputPerSummary = 400

// SummaryNote is a note the summary may cite: as sent (redacted, under its
// id) and which card and question it comes from.
type SummaryNote struct {
	ai.SummaryNote
	ScorecardID int64  `json:"scorecardId"`
	QuestionID  string `json:"questionId"` // "" for the card's overall notes and recommendation
}

// SummaryResult is a debrief summary with each sentence's citations.
type SummaryResult struct {
	ApplicationID int64 `json:"applicationId"`
	// Text is the summary as it streamed. Incomplete: the answer stopped
	// (cut, cancelled, failed) after pieces were shown; Text is what was
	// shown, and the error says why.
	Text       string        `json:"text"`
	Incomplete bool          `json:"incomplete"`
	Notes      []SummaryNote `json:"notes"`
	Scorecards int           `json:"scorecards"`
	// Interviewers says who each label stands for (for the window: the
	// model is sent the labels only).
	Interviewers []SummaryInterviewer `json:"interviewers"`
	// Sentences, Supported and Unsupported: ai.CheckCitations of Text
	// (fields of their own, not ai.Citations embedded: the window's
	// generated types leave an embedded struct's element types out).
	Sentences   []ai.CitedSentence `json:"sentences"`
	Supported   int                `json:"supported"`
	Unsupported int                `json:"unsupported"`
	CallSummary
}

// SummaryInterviewer is who a label in the summary stands for, so the
// window can say who "Interviewer A" is (the model never sees the name).
type SummaryInterviewer struct {
	Label string `json:"label"`
	Name  string `json:"name"`
}

// summaryPlan is a summary's call before it is made: what SuggestSummary
// sends and the preview shows, built once by summaryJob.
type summaryPlan struct {
	job
	out SummaryResult // ApplicationID, Notes, Scorecards, Interviewers, Redacted
	ids []string      // the note ids a sentence may cite
}

// summaryJob reads what a summary of an application would send for the
// viewer, refusing first what may not be sent (human only, the blind rule,
// nothing submitted).
func (s *Service) summaryJob(ctx context.Context, applicationID int64, viewer model.Profile) (summaryPlan, error) {
	p := summaryPlan{out: SummaryResult{ApplicationID: applicationID, Notes: []SummaryNote{}, Interviewers: []SummaryInterviewer{},
		Sentences:   []ai.CitedSentence{},
		CallSummary: CallSummary{PromptVersion: ai.SummaryPromptVersion, Redacted: map[string]int{}}}}
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return p, err
	}
	if off, err := s.store.HumanOnly(ctx, app.CandidateID); err != nil || off {
		return p, errors.Join(err, humanOnly(off))
	}
	views, err := s.summaryCards(ctx, app, viewer)
	if err != nil {
		return p, err
	}
	c, err := s.store.GetCandidate(ctx, app.CandidateID)
	if err != nil {
		return p, err
	}
	// Interviewers are named by letter, in the order of their first card.
	var named []person
	label := map[int64]string{}
	for _, v := range views {
		if _, ok := label[v.Card.AuthorID]; !ok {
			label[v.Card.AuthorID] = ai.InterviewerLabel(len(label))
			named = append(named, person{v.Card.AuthorID, v.Card.AuthorName, label[v.Card.AuthorID]})
			p.out.Interviewers = append(p.out.Interviewers, SummaryInterviewer{Label: label[v.Card.AuthorID], Name: v.Card.AuthorName})
		}
	}
	aliases, err := s.aliases(ctx, named)
	if err != nil {
		return p, err
	}
	redact := func(text string) string { return redactNotes(text, c, aliases, p.out.Redacted) }
	var sent []ai.SummaryNote
	for _, v := range views {
		for _, n := range cardNotes(v, label[v.Card.AuthorID], redact) {
			n.ID = ai.NoteID(len(p.out.Notes) + 1)
			p.ids, sent, p.out.Notes = append(p.ids, n.ID), append(sent, n.SummaryNote), append(p.out.Notes, n)
		}
	}
	p.out.Scorecards = len(views)
	p.job = job{req: ai.SummaryRequest(sent), model: cmp(s.settings.Models[ai.FeatureSummary], s.settings.Models[ai.FeatureScreen]),
		candidateID: c.ID, outTokens: outputPerSummary}
	return p, nil
}

// SuggestSummary streams a summary of an application's submitted
// scorecards to onDelta (nil: not streamed to anyone) and returns it with
// its citations checked. The viewer must be able to see every submitted
// card (the blind rule: the recruiter, or an interviewer who has submitted
// every round they interview the candidate in).
func (s *Service) SuggestSummary(ctx context.Context, applicationID int64, viewer model.Profile, onDelta func(string)) (SummaryResult, error) {
	p, err := s.summaryJob(ctx, applicationID, viewer)
	out := p.out
	if err != nil {
		return out, err
	}
	var text string
	var shown strings.Builder
	j := p.job
	j.parse = func(content string) error { text = content; return nil }
	j.onDelta = func(piece string) {
		shown.WriteString(piece)
		if onDelta != nil {
			onDelta(piece)
		}
	}
	if _, err := s.run(ctx, j, &out.CallSummary); err != nil {
		out.Text, out.Incomplete = shown.String(), shown.Len() > 0
		return out, err
	}
	c := ai.CheckCitations(text, p.ids)
	out.Text, out.Sentences, out.Supported, out.Unsupported = text, c.Sentences, c.Supported, c.Unsupported
	return out, nil
}

// summaryCards are the application's submitted cards, oldest first, as the
// interviews service shows them to the viewer (the blind rule). A card
// hidden from the viewer refuses the summary: it would speak for cards
// they may not read yet, or leave out ones others can.
func (s *Service) summaryCards(ctx context.Context, app model.Application, viewer model.Profile) ([]interviews.ScorecardView, error) {
	cards, err := s.store.CandidateScorecards(ctx, app.CandidateID)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(cards, func(a, b scoring.Scorecard) int { return int(a.ID - b.ID) })
	var views []interviews.ScorecardView
	hidden := 0
	for _, card := range cards {
		if card.ApplicationID != app.ID || card.Status != scoring.Submitted {
			continue
		}
		v, err := s.screens.Scorecard(ctx, card.ID, viewer)
		if errors.Is(err, model.ErrConflict) {
			hidden++
			continue
		}
		if err != nil {
			return nil, err
		}
		views = append(views, v)
	}
	if hidden > 0 {
		return nil, fmt.Errorf("the AI summary covers every submitted scorecard, and %d of them stay hidden from you until you have submitted every round you interview this candidate in: %w",
			hidden, model.ErrConflict)
	}
	if len(views) == 0 {
		return nil, model.Invalid("scorecards", "application %d has no submitted scorecard to summarise yet", app.ID)
	}
	return views, nil
}

// cardNotes are a card's notes as the summary cites them, in rubric order:
// every answered or skipped question, then the overall notes and
// recommendation. Ids are the caller's to give.
func cardNotes(v interviews.ScorecardView, interviewer string, redact func(string) string) []SummaryNote {
	answers, rec, notes := v.Card.Current()
	var out []SummaryNote
	scale := v.Rubric.Scale
	for _, comp := range v.Rubric.Competencies {
		for _, q := range comp.Questions {
			a, ok := answers[q.ID]
			if !ok || (a.Score == nil && !a.Skipped && strings.TrimSpace(a.Notes) == "") {
				continue
			}
			score := "not scored"
			switch {
			case a.Skipped:
				score = "skipped"
				if r := strings.TrimSpace(a.SkipReason); r != "" {
					score += " (" + redact(r) + ")"
				}
			case a.Score != nil:
				score = fmt.Sprintf("%d (%s) on %d–%d", *a.Score, scale.Label(*a.Score), scale.Min, scale.Max)
			}
			out = append(out, SummaryNote{ScorecardID: v.Card.ID, QuestionID: q.ID, SummaryNote: ai.SummaryNote{
				Interviewer: interviewer, Round: v.Card.RoundName, Topic: comp.Name + " — " + q.Prompt, Score: score, Text: redact(a.Notes)}})
		}
	}
	if strings.TrimSpace(notes) != "" || rec != "" {
		score := "no recommendation"
		if l := rubric.RecommendationLabel(rubric.Recommendation(rec)); l != "" {
			score = "recommendation: " + l
		}
		out = append(out, SummaryNote{ScorecardID: v.Card.ID, SummaryNote: ai.SummaryNote{
			Interviewer: interviewer, Round: v.Card.RoundName, Topic: "Overall", Score: score, Text: redact(notes)}})
	}
	return out
}
