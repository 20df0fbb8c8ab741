// The structured, blind resume screen (docs/SCREEN.md): saving with the
// rules of scoring.CheckScreen as a revision, the blind view a screener
// works in ("Candidate 17", identity redacted until their decision is
// saved), the optional second screener kept apart from the first, and the
// two screeners' agreement per role.

package interviews

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Identity is who a screened candidate is: only in a blind screen's
// payload once the screener's decision is saved.
type Identity struct {
	CandidateID int64    `json:"candidateId"`
	Name        string   `json:"name"`
	Email       string   `json:"email"`
	Phone       string   `json:"phone"`
	Location    string   `json:"location"`
	Source      string   `json:"source"`
	Links       []string `json:"links"`
}

// BlindScreen is all a screener sees: Go decides what it holds, so the
// window has nothing to hide.
type BlindScreen struct {
	ApplicationID int64  `json:"applicationId"`
	Label         string `json:"label"` // "Candidate 17"
	RoleID        int64  `json:"roleId"`
	RoleTitle     string `json:"roleTitle"`
	// Screen is the viewer's own screen (the second screener's if Second).
	Screen scoring.Screen `json:"screen"`
	// ResumeText is redacted of identity until Revealed; Redacted counts
	// what was taken out, by kind.
	ResumeText string         `json:"resumeText"`
	Redacted   map[string]int `json:"redacted"`
	Revealed   bool           `json:"revealed"`
	Candidate  *Identity      `json:"candidate"`
	// Other is the other screener's screen, once the viewer's is decided.
	Other *scoring.Screen `json:"other"`
	// Revisions are the saves the viewer may see, oldest first.
	Revisions []scoring.ScreenRevision `json:"revisions"`
}

// BlindLabel is how a blind screen names the person: the application's
// number, stable for as long as the application exists.
func BlindLabel(applicationID int64) string { return fmt.Sprintf("Candidate %d", applicationID) }

// screenOf is one slot's current screen, or a blank one against the
// checklist that slot uses (the second screener uses the first's version,
// so their marks compare flag for flag).
func (s *Service) screenOf(ctx context.Context, applicationID int64, second bool) (scoring.Screen, error) {
	if !second {
		return s.Screen(ctx, applicationID)
	}
	sc, err := s.store.GetSecondScreen(ctx, applicationID)
	if !errors.Is(err, model.ErrNotFound) {
		return sc, err
	}
	first, err := s.Screen(ctx, applicationID)
	if err != nil {
		return first, err
	}
	return scoring.Screen{ApplicationID: applicationID, RubricVersionID: first.RubricVersionID, Checklist: first.Checklist,
		Marks: map[string]scoring.FlagMark{}, Second: true}, nil
}

// checkSlot keeps the two screens by two people: the second screener may
// not be the first's author, nor the other way round.
func (s *Service) checkSlot(ctx context.Context, applicationID int64, second bool, actor model.Profile) error {
	other, err := s.screenOf(ctx, applicationID, !second)
	if err != nil {
		return err
	}
	if other.AuthorID != 0 && other.AuthorID == actor.ID {
		if second {
			return fmt.Errorf("application %d: you saved its first screen; a second screen must be someone else's: %w", applicationID, model.ErrConflict)
		}
		return fmt.Errorf("application %d: you are its second screener; the first screen must be someone else's: %w", applicationID, model.ErrConflict)
	}
	return nil
}

// SaveScreen checks a screen (quotes from the resume or its redacted copy,
// the reasons the decision needs) and keeps it as a new revision.
func (s *Service) SaveScreen(ctx context.Context, in scoring.ScreenInput, actor model.Profile) (scoring.Screen, error) {
	cur, err := s.screenOf(ctx, in.ApplicationID, in.Second)
	if err != nil {
		return cur, err
	}
	if err := s.checkSlot(ctx, in.ApplicationID, in.Second, actor); err != nil {
		return cur, err
	}
	c, resume, err := s.resumeOf(ctx, in.ApplicationID)
	if err != nil {
		return cur, err
	}
	for _, id := range slices.Sorted(maps.Keys(in.Marks)) {
		if p := ai.Placeholder(in.Marks[id].Evidence); p != "" {
			return cur, model.Invalid("marks."+id, "quote the resume's own words: %s stands for something hidden while screening blind", p)
		}
	}
	blind := ai.Redact(resume, ai.IdentityOf(c)).Text
	marks, err := scoring.CheckScreen(cur.Checklist, &in, resume, blind)
	if err != nil {
		return cur, err
	}
	save := storage.ScreenSave{ApplicationID: in.ApplicationID, VersionID: cur.RubricVersionID, Second: in.Second, Marks: marks,
		Decision: in.Decision, Suggested: scoring.Suggest(cur.Checklist, marks), RejectReason: in.RejectReason, OverrideReason: in.OverrideReason}
	if err := s.store.SaveScreen(ctx, save, actor); err != nil {
		return cur, err
	}
	return s.screenOf(ctx, in.ApplicationID, in.Second)
}

func (s *Service) resumeOf(ctx context.Context, applicationID int64) (model.Candidate, string, error) {
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return model.Candidate{}, "", err
	}
	c, err := s.store.GetCandidate(ctx, app.CandidateID)
	if err != nil {
		return c, "", err
	}
	resume, err := s.store.ResumeText(ctx, app.CandidateID)
	return c, resume, err
}

// BlindScreen is the viewer's screen of an application as they work on it
// blind: identity only once their decision is saved, the other screener's
// screen and revisions only then too. A slot someone else has started is
// theirs: opening it blind would show their marks (and, once decided, who
// the person is) to someone who has not screened.
func (s *Service) BlindScreen(ctx context.Context, applicationID int64, second bool, viewer model.Profile) (BlindScreen, error) {
	if viewer.ID == 0 {
		return BlindScreen{}, fmt.Errorf("choose who you are before screening: %w", model.ErrConflict)
	}
	own, err := s.screenOf(ctx, applicationID, second)
	if err != nil {
		return BlindScreen{}, err
	}
	if own.AuthorID != 0 && own.AuthorID != viewer.ID {
		which := "first"
		if second {
			which = "second"
		}
		return BlindScreen{}, fmt.Errorf("application %d: its %s screen is %s's; a blind screen is the screener's own: %w",
			applicationID, which, own.AuthorName, model.ErrConflict)
	}
	if err := s.checkSlot(ctx, applicationID, second, viewer); err != nil {
		return BlindScreen{}, err
	}
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return BlindScreen{}, err
	}
	c, resume, err := s.resumeOf(ctx, applicationID)
	if err != nil {
		return BlindScreen{}, err
	}
	out := BlindScreen{ApplicationID: applicationID, Label: BlindLabel(applicationID), RoleID: app.RoleID, RoleTitle: app.RoleTitle, Screen: own,
		Revealed: own.Decision != scoring.Undecided}
	if out.Revealed {
		out.ResumeText = resume
		out.Candidate = &Identity{CandidateID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone, Location: c.Location, Source: c.Source,
			Links: nonEmpty(c.LinkedIn, c.GitHub, c.Portfolio)}
		other, err := s.screenOf(ctx, applicationID, !second)
		if err != nil {
			return out, err
		}
		if other.UpdatedAt != "" {
			out.Other = &other
		}
	} else {
		r := ai.Redact(resume, ai.IdentityOf(c))
		out.ResumeText, out.Redacted = r.Text, r.Kinds
	}
	out.Revisions, err = s.visibleRevisions(ctx, applicationID, second, out.Revealed)
	return out, err
}

// ScreenRevisions lists the saves of an application's screens the viewer
// may see: the other screener's only once the viewer's own is decided (the
// viewer's slot is the second if they authored it, else the first).
func (s *Service) ScreenRevisions(ctx context.Context, applicationID int64, viewer model.Profile) ([]scoring.ScreenRevision, error) {
	if _, err := s.store.GetApplication(ctx, applicationID); err != nil {
		return nil, err
	}
	second, err := s.screenOf(ctx, applicationID, true)
	if err != nil {
		return nil, err
	}
	mine := second.AuthorID != 0 && second.AuthorID == viewer.ID
	own := second
	if !mine {
		if own, err = s.screenOf(ctx, applicationID, false); err != nil {
			return nil, err
		}
	}
	return s.visibleRevisions(ctx, applicationID, mine, own.Decision != scoring.Undecided)
}

func (s *Service) visibleRevisions(ctx context.Context, applicationID int64, second, decided bool) ([]scoring.ScreenRevision, error) {
	all, err := s.store.ScreenRevisions(ctx, applicationID)
	if err != nil || decided {
		return all, err
	}
	out := []scoring.ScreenRevision{}
	for _, r := range all {
		if r.Second == second {
			out = append(out, r)
		}
	}
	return out, nil
}

func nonEmpty(ss ...string) []string {
	out := []string{}
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SuggestScreen is the decision marks would suggest on an application's
// screen (the window shows it while the screener marks).
func (s *Service) SuggestScreen(ctx context.Context, applicationID int64, second bool, marks map[string]scoring.FlagMark) (scoring.Decision, error) {
	cur, err := s.screenOf(ctx, applicationID, second)
	if err != nil {
		return "", err
	}
	return scoring.Suggest(cur.Checklist, marks), nil
}

// ScreenQueue is where a screener stands in a role's blind screening: the
// next application to screen after the one they left, and how many remain.
type ScreenQueue struct {
	ApplicationID int64 `json:"applicationId"` // 0: none left
	Left          int   `json:"left"`
}

// NextBlindScreen is the viewer's next resume to screen blind in a role
// (the first one after `after`, else from the start): screening from this
// queue never shows who a candidate is before the decision.
func (s *Service) NextBlindScreen(ctx context.Context, roleID, after int64, second bool, viewer model.Profile) (ScreenQueue, error) {
	if viewer.ID == 0 {
		return ScreenQueue{}, fmt.Errorf("choose who you are before screening: %w", model.ErrConflict)
	}
	if _, err := s.store.GetRole(ctx, roleID); err != nil {
		return ScreenQueue{}, err
	}
	ids, err := s.store.ToScreen(ctx, roleID, second, viewer.ID)
	if err != nil || len(ids) == 0 {
		return ScreenQueue{Left: len(ids)}, err
	}
	next := ids[0]
	if i := slices.IndexFunc(ids, func(id int64) bool { return id > after }); i >= 0 {
		next = ids[i]
	}
	return ScreenQueue{ApplicationID: next, Left: len(ids)}, nil
}
