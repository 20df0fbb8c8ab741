// Pipeline rules: the stages a new role starts with, checking the stages a
// role is created with, where a new stage goes (before the closing stages),
// and rejecting with a reason and a note.

package tracking

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/storage"
)

// DefaultStages is the pipeline a new role starts with, before Rejected
// (which every pipeline ends with and is never listed here).
func DefaultStages() []string { return slices.Clone(storage.DefaultPipeline) }

// closingWords start the names of stages where a decision has been made
// ("Offer", "Offer accepted", "Hired", "Hire").
var closingWords = []string{"offer", "hire"}

// Closing says whether an active stage named name is a closing stage when
// it sits in the run at the end of a pipeline: its first word starts with
// "offer" or "hire" (Offer, Offered, Offer accepted, Hired), any case.
// "Hiring manager" does not close anything.
func Closing(name string) bool {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(name)), " ")
	first = strings.TrimRightFunc(first, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range closingWords {
		if strings.HasPrefix(first, w) {
			return true
		}
	}
	return false
}

// NewStageIndex is where a stage added to a pipeline goes, as an index into
// its active stages in order: before the closing stages. The closing stages
// are Rejected (always last, never among active) and the run of active
// stages at the end whose names are Closing, so a stage added to
// Applied → Screen → Interview → Offer → Hired lands after Interview, and
// one added to a pipeline that ends in another stage lands last. A closing
// name earlier in the pipeline (an Offer before a Reference check) is an
// ordinary stage: only the run at the end closes.
func NewStageIndex(active []string) int {
	i := len(active)
	for i > 0 && Closing(active[i-1]) {
		i--
	}
	return i
}

// checkStages tidies and checks the active stages a new role is created
// with, naming each bad one by its index (stages[2]).
func checkStages(names []string) ([]string, error) {
	v := &model.ValidationError{}
	out := make([]string, 0, len(names))
	seen := map[string]int{}
	for i, n := range names {
		field := fmt.Sprintf("stages[%d]", i)
		name, err := model.StageName(n)
		var bad *model.ValidationError
		if errors.As(err, &bad) {
			for _, f := range bad.Fields {
				v.Add(field, "%s", f.Message)
			}
			continue
		}
		key := strings.ToLower(name)
		switch j, dup := seen[key]; {
		case key == strings.ToLower(storage.RejectedStageName):
			v.Add(field, "every pipeline already ends with %s; name this stage differently", storage.RejectedStageName)
		case dup:
			v.Add(field, "%q is stage %d already; give each stage its own name", name, j+1)
		default:
			seen[key] = i
		}
		out = append(out, name)
	}
	switch {
	case len(names) == 0:
		v.Add("stages", "a pipeline needs at least one stage besides %s", storage.RejectedStageName)
	case len(names) >= model.MaxStages:
		v.Add("stages", "a pipeline holds at most %d stages, %s included", model.MaxStages, storage.RejectedStageName)
	}
	return out, v.Err()
}

// MaxRejectNote is the longest note a rejection keeps, in characters.
const MaxRejectNote = 2000

// checkReason tidies a rejection reason and checks it is on the list.
func (s *Service) checkReason(ctx context.Context, reason string) (string, error) {
	reason = model.OneLine(reason)
	reasons, err := s.store.RejectionReasons(ctx)
	if err != nil {
		return "", err
	}
	if reason == "" {
		return "", model.Invalid("reason", "choose a reason for rejecting")
	}
	if !slices.ContainsFunc(reasons, func(r string) bool { return strings.EqualFold(r, reason) }) {
		return "", model.Invalid("reason", "%q is not in the list of rejection reasons", reason)
	}
	return reason, nil
}

// Reject moves an application to its role's Rejected stage with a reason
// from the list and an optional free-text note, both kept in the
// candidate's history. fromStageID is the stage the rejecter saw it in (0:
// wherever it is): when someone moved it since (hired it, say), the
// rejection is refused with a *model.ChangedError.
func (s *Service) Reject(ctx context.Context, applicationID, fromStageID int64, reason, note string, actor model.Profile) (model.Application, error) {
	v := &model.ValidationError{}
	reason, err := s.checkReason(ctx, reason)
	var bad *model.ValidationError
	if errors.As(err, &bad) {
		v.Fields = append(v.Fields, bad.Fields...)
	} else if err != nil {
		return model.Application{}, err
	}
	note = model.MultiLine(note)
	if n := utf8.RuneCountInString(note); n > MaxRejectNote {
		v.Add("note", "the note is %d characters long; the limit is %d", n, MaxRejectNote)
	}
	if err := v.Err(); err != nil {
		return model.Application{}, err
	}
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return model.Application{}, err
	}
	role, err := s.store.GetRole(ctx, app.RoleID)
	if err != nil {
		return model.Application{}, err
	}
	i := slices.IndexFunc(role.Stages, func(st model.Stage) bool { return st.Kind == model.StageRejected })
	if i < 0 {
		return model.Application{}, fmt.Errorf("role %d has no Rejected stage: %w", role.ID, model.ErrConflict)
	}
	return s.store.MoveApplicationNoted(ctx, applicationID, fromStageID, role.Stages[i].ID, reason, note, actor)
}
