// Package interviews is the structured-interview service: rubrics and their
// versions, each role's interview plan, scorecards with the blind rule, and
// resume screens. It validates every input before one storage transaction
// writes it.
package interviews

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

type Service struct {
	store *storage.Store
}

func New(store *storage.Store) *Service { return &Service{store: store} }

// EnsureBuiltin installs the built-in rubric on first open and upgrades it
// when a newer app ships a newer text. Old scorecards keep their version.
// It reads first: the usual open finds the text unchanged and takes no write
// lock, so the window never waits behind another program's import.
func (s *Service) EnsureBuiltin(ctx context.Context) (rubric.Version, error) {
	want := rubric.Builtin()
	id, err := s.store.BuiltinRubricID(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return s.store.CreateRubric(ctx, want, true, model.Profile{Name: "hirebench"})
	}
	if err != nil {
		return rubric.Version{}, err
	}
	cur, err := s.store.LatestRubric(ctx, id)
	if err != nil {
		return rubric.Version{}, err
	}
	if _, sum, err := storage.EncodeRubric(want); err == nil && sum == cur.SHA256 {
		return cur, nil
	}
	return s.store.SaveRubric(ctx, id, want, model.Profile{Name: "hirebench"}, true)
}

// Rubrics lists every rubric, built-in first, archived last.
func (s *Service) Rubrics(ctx context.Context) ([]rubric.Summary, error) {
	return s.store.ListRubrics(ctx)
}

// Rubric returns a rubric's latest version.
func (s *Service) Rubric(ctx context.Context, id int64) (rubric.Version, error) {
	return s.store.LatestRubric(ctx, id)
}

// RubricVersion returns one exact stored version.
func (s *Service) RubricVersion(ctx context.Context, versionID int64) (rubric.Version, error) {
	return s.store.RubricVersion(ctx, versionID)
}

func checkRubric(r *rubric.Rubric) error {
	if r.Format == "" {
		r.Format = rubric.FormatV1
	}
	rubric.Normalize(r)
	return rubric.Validate(*r)
}

// CreateRubric validates and stores a new custom rubric.
func (s *Service) CreateRubric(ctx context.Context, r rubric.Rubric, actor model.Profile) (rubric.Version, error) {
	if err := checkRubric(&r); err != nil {
		return rubric.Version{}, err
	}
	return s.store.CreateRubric(ctx, r, false, actor)
}

// SaveRubric publishes an edit; a version already scored with is kept and
// the edit becomes the next version. The actor's draft of the rubric goes
// in the same transaction (drafts.go).
func (s *Service) SaveRubric(ctx context.Context, id int64, r rubric.Rubric, actor model.Profile) (rubric.Version, error) {
	if err := checkRubric(&r); err != nil {
		return rubric.Version{}, err
	}
	return s.store.SaveRubric(ctx, id, r, actor, false)
}

// DuplicateRubric copies a rubric's latest version into a new editable one.
func (s *Service) DuplicateRubric(ctx context.Context, id int64, name string, actor model.Profile) (rubric.Version, error) {
	v, err := s.store.LatestRubric(ctx, id)
	if err != nil {
		return v, err
	}
	r := v.Content
	name = model.OneLine(name)
	if name == "" {
		name = strings.TrimSuffix(r.Name, " (built-in)") + " (copy)"
	}
	r.Name = name
	return s.CreateRubric(ctx, r, actor)
}

// ArchiveRubric archives or restores a custom rubric.
func (s *Service) ArchiveRubric(ctx context.Context, id int64, archived bool) error {
	return s.store.SetRubricArchived(ctx, id, archived)
}

// DeleteRubric deletes a rubric nothing uses; one in use must be archived.
func (s *Service) DeleteRubric(ctx context.Context, id int64) error {
	return s.store.DeleteRubric(ctx, id)
}

// ImportRubric decodes and validates a rubric file, then stores it as a new
// rubric. A bad file saves nothing and names every problem by path.
func (s *Service) ImportRubric(ctx context.Context, data []byte, filename string, actor model.Profile) (rubric.Version, error) {
	r, err := rubric.Decode(data, filename)
	if err != nil {
		return rubric.Version{}, err
	}
	return s.CreateRubric(ctx, r, actor)
}

// ExportRubric encodes a rubric's latest version as "json" or "yaml".
func (s *Service) ExportRubric(ctx context.Context, id int64, format string) ([]byte, error) {
	v, err := s.store.LatestRubric(ctx, id)
	if err != nil {
		return nil, err
	}
	return rubric.Encode(v.Content, format)
}

// ---- interview plans

const maxRoundName = 200

// Rounds returns a role's interview plan.
func (s *Service) Rounds(ctx context.Context, roleID int64) ([]scoring.Round, error) {
	if _, err := s.store.RoleTitle(ctx, roleID); err != nil {
		return nil, err
	}
	return s.store.ListRounds(ctx, roleID)
}

// planEditor checks that the actor may change how candidates are
// interviewed and weighed: rounds, who interviews whom, weights and the
// coverage needed to rank are the recruiter's to decide (an interviewer who
// could assign themselves could reach others' cards through the blind rule).
func planEditor(actor model.Profile) error {
	if !actor.IsRecruiter {
		return fmt.Errorf("only the recruiter changes the interview plan: %w", model.ErrConflict)
	}
	return nil
}

// SaveRound validates and stores a round of a role's plan.
func (s *Service) SaveRound(ctx context.Context, in scoring.RoundInput, actor model.Profile) (scoring.Round, error) {
	if err := planEditor(actor); err != nil {
		return scoring.Round{}, err
	}
	v := &model.ValidationError{}
	in.Name = model.OneLine(in.Name)
	if in.Name == "" {
		v.Add("name", "give the round a name, e.g. Phone screen")
	} else if !model.Visible(in.Name) {
		v.Add("name", "round name has no visible characters")
	} else if utf8.RuneCountInString(in.Name) > maxRoundName {
		v.Add("name", "is longer than %d characters", maxRoundName)
	}
	if in.DurationMin == 0 {
		in.DurationMin = 45
	}
	if in.DurationMin < 5 || in.DurationMin > 480 {
		v.Add("durationMin", "must be between 5 and 480 minutes")
	}
	var rv rubric.Version
	if in.RubricID == 0 {
		v.Add("rubricId", "choose a rubric")
	} else {
		var err error
		rv, err = s.store.LatestRubric(ctx, in.RubricID)
		switch {
		case errors.Is(err, model.ErrNotFound):
			v.Add("rubricId", "no rubric %d", in.RubricID)
		case err != nil:
			return scoring.Round{}, err
		case rv.ArchivedAt != "":
			v.Add("rubricId", "rubric %q is archived; restore it or choose another", rv.Content.Name)
		}
	}
	if rv.ID != 0 {
		known := map[string]bool{}
		for _, c := range rv.Content.Competencies {
			known[c.ID] = true
		}
		seen := map[string]bool{}
		comps := []string{}
		for _, id := range in.Competencies {
			if !known[id] {
				v.Add("competencies", "%q is not a competency of %s", id, rv.Content.Name)
			} else if !seen[id] {
				seen[id] = true
				comps = append(comps, id)
			}
		}
		in.Competencies = comps
	}
	if err := v.Err(); err != nil {
		return scoring.Round{}, err
	}
	return s.store.SaveRound(ctx, in)
}

// MoveRound reorders a round within its role's plan.
func (s *Service) MoveRound(ctx context.Context, id int64, position int, actor model.Profile) ([]scoring.Round, error) {
	if err := planEditor(actor); err != nil {
		return nil, err
	}
	if err := s.store.MoveRound(ctx, id, position); err != nil {
		return nil, err
	}
	r, err := s.store.GetRound(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.store.ListRounds(ctx, r.RoleID)
}

// DeleteRound removes a round no scorecard was started in.
func (s *Service) DeleteRound(ctx context.Context, id int64, actor model.Profile) error {
	if err := planEditor(actor); err != nil {
		return err
	}
	return s.store.DeleteRound(ctx, id)
}

// ScheduleRound sets (RFC 3339) or clears ("") when a candidate's round happens.
func (s *Service) ScheduleRound(ctx context.Context, applicationID, roundID int64, at string) error {
	if at != "" {
		t, err := model.ParseTime(at)
		if err != nil {
			return model.Invalid("scheduledAt", "is not a date and time")
		}
		at = t
	}
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return err
	}
	round, err := s.store.GetRound(ctx, roundID)
	if err != nil {
		return err
	}
	if round.RoleID != app.RoleID {
		return fmt.Errorf("round %q is not part of this application's role: %w", round.Name, model.ErrConflict)
	}
	return s.store.ScheduleRound(ctx, applicationID, roundID, at)
}

// CheckRubric lists what is wrong with a rubric being edited, by path
// (e.g. "competencies[0].questions[1].anchors"), exactly as saving would
// refuse it; an empty list means it would save. Nothing is stored.
func (s *Service) CheckRubric(r rubric.Rubric) []model.FieldError {
	return problems(checkRubric(&r))
}

// problems turns a validation error into its list (empty when none).
func problems(err error) []model.FieldError {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return []model.FieldError{}
}
