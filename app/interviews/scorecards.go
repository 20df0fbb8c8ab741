// Scorecards in the service: starting an interview, drafts, submitting, amending,
// seeing cards under the blind rule, and resume screens.

package interviews

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// ScorecardView is a scorecard with the exact rubric it is scored with, as
// the runner and the scorecard view need both.
type ScorecardView struct {
	Card   scoring.Scorecard `json:"card"`
	Rubric rubric.Rubric     `json:"rubric"`
	// Practice is the card author's calibration drill on the rubric in use,
	// which the runner offers before the first score (docs/DRILLS.md).
	Practice RunnerPractice `json:"practice"`
}

// StartInterview opens (or resumes) the viewer's own scorecard for a round.
// Only an interviewer assigned to the candidate's round starts a new card;
// a card already started stays its author's to finish.
func (s *Service) StartInterview(ctx context.Context, applicationID, roundID int64, viewer model.Profile) (ScorecardView, error) {
	if viewer.ID == 0 {
		return ScorecardView{}, fmt.Errorf("choose who you are before interviewing: %w", model.ErrConflict)
	}
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return ScorecardView{}, err
	}
	round, err := s.store.GetRound(ctx, roundID)
	if err != nil {
		return ScorecardView{}, err
	}
	p, err := s.loadPanel(ctx, app.CandidateID)
	if err != nil {
		return ScorecardView{}, err
	}
	started := slices.ContainsFunc(p.cards, func(c scoring.Scorecard) bool {
		return c.AuthorID == viewer.ID && c.ApplicationID == applicationID && c.RoundID == roundID
	})
	if !started && round.RoleID == app.RoleID {
		if err := p.mayStart(viewer, applicationID, round); err != nil {
			return ScorecardView{}, err
		}
	}
	c, err := s.store.StartScorecard(ctx, applicationID, roundID, viewer)
	if err != nil {
		return ScorecardView{}, err
	}
	return s.view(ctx, c)
}

func (s *Service) view(ctx context.Context, c scoring.Scorecard) (ScorecardView, error) {
	r, err := s.store.ScorecardRubric(ctx, c)
	if err != nil {
		return ScorecardView{}, err
	}
	p, err := s.runnerPractice(ctx, c, r)
	return ScorecardView{Card: c, Rubric: r, Practice: p}, err
}

// Scorecard returns a card if the blind rule lets the viewer see it.
func (s *Service) Scorecard(ctx context.Context, id int64, viewer model.Profile) (ScorecardView, error) {
	c, err := s.store.GetScorecard(ctx, id)
	if err != nil {
		return ScorecardView{}, err
	}
	ok, err := s.canSee(ctx, viewer, c)
	if err != nil {
		return ScorecardView{}, err
	}
	if !ok {
		if c.Status == scoring.Draft {
			return ScorecardView{}, fmt.Errorf("%s's scorecard is still a draft; nobody else sees drafts: %w", c.AuthorName, model.ErrConflict)
		}
		return ScorecardView{}, fmt.Errorf("%s's scorecard stays hidden until you have submitted every round you interview %s in: %w", c.AuthorName, c.CandidateName, model.ErrConflict)
	}
	if err := s.exposed(ctx, viewer, c.CandidateID, []scoring.Scorecard{c}); err != nil {
		return ScorecardView{}, err
	}
	return s.view(ctx, c)
}

func (s *Service) canSee(ctx context.Context, viewer model.Profile, c scoring.Scorecard) (bool, error) {
	if c.AuthorID == viewer.ID || viewer.IsRecruiter || c.Status != scoring.Submitted {
		return scoring.CanSee(scoring.Viewer{ProfileID: viewer.ID, IsRecruiter: viewer.IsRecruiter}, c.AuthorID, c.Status), nil
	}
	p, err := s.loadPanel(ctx, c.CandidateID)
	if err != nil {
		return false, err
	}
	return scoring.CanSee(p.viewer(viewer), c.AuthorID, c.Status), nil
}

// SaveDraft applies autosave patches, in order and all or none, to the
// viewer's own draft.
func (s *Service) SaveDraft(ctx context.Context, id int64, patches []scoring.Patch, viewer model.Profile) (scoring.Scorecard, error) {
	return s.store.UpdateScorecard(ctx, id, viewer.ID, func(r rubric.Rubric, c *scoring.Scorecard) error {
		for _, p := range patches {
			if err := scoring.ApplyPatch(r, c, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// Submit applies a last patch (may be empty) and submits: every required
// question scored or skipped with a reason, plus a recommendation. The card
// is then immutable and hashed; the role's first submission also fixes the
// plan's weights (storage.freezePlan).
func (s *Service) Submit(ctx context.Context, id int64, last scoring.Patch, viewer model.Profile) (scoring.Scorecard, error) {
	_, seen, err := s.cardSeen(ctx, id, viewer)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	return s.store.UpdateScorecard(ctx, id, viewer.ID, func(r rubric.Rubric, c *scoring.Scorecard) error {
		c.SeenOthers = seen
		if err := scoring.ApplyPatch(r, c, last); err != nil {
			return err
		}
		if err := scoring.CheckComplete(r, c.Answers, c.Recommendation); err != nil {
			return err
		}
		c.Status = scoring.Submitted
		return nil
	})
}

// cardSeen returns a card and whether other interviewers' cards for its
// candidate are, or ever were, open to the viewer: recorded with a
// submission or an amendment, so the committee reads it as possibly anchored.
func (s *Service) cardSeen(ctx context.Context, id int64, viewer model.Profile) (scoring.Scorecard, bool, error) {
	cur, err := s.store.GetScorecard(ctx, id)
	if err != nil {
		return cur, false, err
	}
	p, err := s.loadPanel(ctx, cur.CandidateID)
	if err != nil {
		return cur, false, err
	}
	seen, err := s.sawOthers(ctx, p, viewer, cur.CandidateID)
	return cur, seen, err
}

// Amendment changes a submitted card's content with a stated reason.
type Amendment struct {
	Answers        map[string]scoring.Answer `json:"answers"`
	Recommendation string                    `json:"recommendation"`
	Notes          string                    `json:"notes"`
	Reason         string                    `json:"reason"`
}

// Amend records an amendment as a new revision; the original stays as it was.
func (s *Service) Amend(ctx context.Context, id int64, a Amendment, viewer model.Profile) (scoring.Scorecard, error) {
	a.Reason = model.MultiLine(a.Reason)
	if a.Reason == "" {
		return scoring.Scorecard{}, model.Invalid("reason", "say why the submitted scorecard is being amended")
	}
	if utf8.RuneCountInString(a.Reason) > scoring.MaxAmendReason {
		return scoring.Scorecard{}, model.Invalid("reason", "is longer than %d characters", scoring.MaxAmendReason)
	}
	_, seen, err := s.cardSeen(ctx, id, viewer)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	return s.store.AmendScorecard(ctx, id, viewer, func(r rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error {
		rev.SeenOthers = seen
		// Start from the content in force, then apply the changes through
		// the same rules as a draft, so an amendment can't break the scale.
		answers, rec, notes := c.Current()
		draft := scoring.Scorecard{Answers: answers, Recommendation: rec, Notes: notes}
		for qid, ans := range a.Answers {
			p := scoring.Patch{QuestionID: qid, Score: ans.Score, ClearScore: ans.Score == nil, Skipped: &ans.Skipped,
				SkipReason: &ans.SkipReason, AnswerNotes: &ans.Notes}
			if err := scoring.ApplyPatch(r, &draft, p); err != nil {
				return err
			}
		}
		if a.Recommendation != "" || a.Notes != "" {
			p := scoring.Patch{}
			if a.Recommendation != "" {
				p.Recommendation = &a.Recommendation
			}
			if a.Notes != "" {
				p.Notes = &a.Notes
			}
			if err := scoring.ApplyPatch(r, &draft, p); err != nil {
				return err
			}
		}
		if err := scoring.CheckComplete(r, draft.Answers, draft.Recommendation); err != nil {
			return err
		}
		rev.Answers, rev.Recommendation, rev.Notes, rev.Reason = draft.Answers, draft.Recommendation, draft.Notes, a.Reason
		return nil
	})
}

// CandidateRounds lists, per application of the candidate, every round of
// the role's plan with who interviews in it, its state and the cards the
// viewer may see.
func (s *Service) CandidateRounds(ctx context.Context, candidateID int64, viewer model.Profile) ([]scoring.CandidateRound, error) {
	if _, err := s.store.GetCandidate(ctx, candidateID); err != nil {
		return nil, err
	}
	p, err := s.loadPanel(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	schedules, err := s.store.Schedules(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	v := p.viewer(viewer)
	out := []scoring.CandidateRound{}
	for _, app := range p.apps {
		for _, r := range p.rounds[app.RoleID] {
			who, reassigned := p.assignees(app.ID, r)
			cr := scoring.CandidateRound{Round: r, ApplicationID: app.ID, ScheduledAt: schedules[[2]int64{app.ID, r.ID}], Cards: []scoring.Scorecard{},
				Interviewers: nonNilProfiles(who), Reassigned: reassigned}
			var mine []scoring.Scorecard
			for _, c := range p.cards {
				if c.ApplicationID != app.ID || c.RoundID != r.ID {
					continue
				}
				mine = append(mine, c)
				if c.AuthorID == viewer.ID {
					cr.MyCardID = c.ID
				}
				if scoring.CanSee(v, c.AuthorID, c.Status) {
					cr.Cards = append(cr.Cards, c)
				} else {
					cr.Hidden++
					cr.Cards = append(cr.Cards, scoring.Redact(c))
				}
			}
			if cr.MyCardID == 0 {
				startErr := p.mayStart(viewer, app.ID, r)
				cr.CanStart = startErr == nil
				if startErr != nil {
					cr.StartNote = model.RefusalSentence(startErr)
				}
			}
			cr.State = scoring.State(who, cr.ScheduledAt, mine)
			if err := s.exposed(ctx, viewer, candidateID, visibleCards(cr.Cards, v)); err != nil {
				return nil, err
			}
			out = append(out, cr)
		}
	}
	return out, nil
}

// visibleCards are the cards a viewer is shown in full (not redacted).
func visibleCards(cards []scoring.Scorecard, v scoring.Viewer) []scoring.Scorecard {
	var out []scoring.Scorecard
	for _, c := range cards {
		if scoring.CanSee(v, c.AuthorID, c.Status) {
			out = append(out, c)
		}
	}
	return out
}

func nonNilProfiles(p []model.Profile) []model.Profile {
	if p == nil {
		return []model.Profile{}
	}
	return p
}

// VerifyScorecard recomputes a submitted card's hashes.
func (s *Service) VerifyScorecard(ctx context.Context, id int64) error {
	c, err := s.store.GetScorecard(ctx, id)
	if err != nil {
		return err
	}
	return scoring.Verify(c)
}

// ---- resume screens

// Screen returns an application's resume screen, or a blank one against
// the checklist it would use.
func (s *Service) Screen(ctx context.Context, applicationID int64) (scoring.Screen, error) {
	sc, err := s.store.GetScreen(ctx, applicationID)
	if !errors.Is(err, model.ErrNotFound) {
		return sc, err
	}
	v, err := s.screenChecklist(ctx, applicationID)
	if err != nil {
		return scoring.Screen{}, err
	}
	return scoring.Screen{ApplicationID: applicationID, RubricVersionID: v.ID, Checklist: v.Content.Screen, Marks: map[string]scoring.FlagMark{}}, nil
}

// screenChecklist picks the checklist a role screens with: the first rubric
// of its plan that has one, else the built-in rubric's.
func (s *Service) screenChecklist(ctx context.Context, applicationID int64) (rubric.Version, error) {
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return rubric.Version{}, err
	}
	rounds, err := s.store.ListRounds(ctx, app.RoleID)
	if err != nil {
		return rubric.Version{}, err
	}
	for _, r := range rounds {
		v, err := s.store.LatestRubric(ctx, r.RubricID)
		if err != nil {
			return v, err
		}
		if len(v.Content.Screen) > 0 {
			return v, nil
		}
	}
	id, err := s.store.BuiltinRubricID(ctx)
	if err != nil {
		return rubric.Version{}, err
	}
	return s.store.LatestRubric(ctx, id)
}

// Missing lists what stops the viewer's draft from being submitted, with
// the runner's patches not yet saved applied to a copy: exactly Submit's
// check (scoring.CheckComplete), by field ("answers.<question>",
// "recommendation"). Nothing is stored.
func (s *Service) Missing(ctx context.Context, id int64, pending []scoring.Patch, viewer model.Profile) ([]model.FieldError, error) {
	c, err := s.store.GetScorecard(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.AuthorID != viewer.ID {
		return nil, fmt.Errorf("scorecard %d belongs to %s: %w", id, c.AuthorName, model.ErrConflict)
	}
	r, err := s.store.ScorecardRubric(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, p := range pending {
		if err := scoring.ApplyPatch(r, &c, p); err != nil {
			return problems(err), nil
		}
	}
	answers, rec, _ := c.Current()
	return problems(scoring.CheckComplete(r, answers, rec)), nil
}
