// Recording and reading self-identification: the recruiter alone (the
// command line as the data folder's owner); interviewers never see a
// person's answers, only the report's aggregates.

package selfid

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Service records and reads self-identification in one workspace.
type Service struct{ store *storage.Store }

// New returns the service over a workspace.
func New(store *storage.Store) *Service { return &Service{store: store} }

// May is the one rule: only the recruiter (or the command line) records or
// reads a person's answers, and edits the categories.
func May(who scoring.Exporter) error {
	if who.IsRecruiter || who.Owner {
		return nil
	}
	return fmt.Errorf("only the recruiter records or reads self-identification: %w", model.ErrConflict)
}

// Answer is one category's answer for a person ("" when none).
type Answer struct {
	Category string   `json:"category"`
	Answer   string   `json:"answer"`
	Offered  []string `json:"offered"`
}

// Categories returns the workspace's categories (the defaults until edited).
// They hold no personal data: anyone may read them.
func (s *Service) Categories(ctx context.Context) ([]Category, error) {
	raw, err := s.store.Setting(ctx, SettingKey)
	if err != nil || raw == "" {
		return Defaults(), err
	}
	var cats []Category
	if err := json.Unmarshal([]byte(raw), &cats); err != nil {
		return nil, fmt.Errorf("selfid: the setting %s is not valid: %w", SettingKey, err)
	}
	return cats, nil
}

// SetCategories replaces the categories. Answers already given in a
// category removed stay stored (erased with their person) but are no longer
// read or reported.
func (s *Service) SetCategories(ctx context.Context, who scoring.Exporter, cats []Category) ([]Category, error) {
	if err := May(who); err != nil {
		return nil, err
	}
	cats = Normalize(cats)
	if err := CheckCategories(cats); err != nil {
		return nil, err
	}
	b, err := json.Marshal(cats)
	if err != nil {
		return nil, err
	}
	return cats, s.store.PutSetting(ctx, SettingKey, string(b))
}

// Of returns a person's answers, one per category in order. On a shared
// workspace a person's login never reads them back (storage.SelfIDReadable):
// refused.
func (s *Service) Of(ctx context.Context, who scoring.Exporter, candidateID int64) ([]Answer, error) {
	if err := May(who); err != nil {
		return nil, err
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	got, err := s.store.SelfID(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	out := make([]Answer, len(cats))
	for i, c := range cats {
		out[i] = Answer{Category: c.Name, Answer: got[c.Name], Offered: c.Offered()}
	}
	return out, nil
}

// Form is a person's form as the window shows it: their answers, or on a
// shared workspace the categories alone (write-only).
func (s *Service) Form(ctx context.Context, who scoring.Exporter, candidateID int64) (Form, error) {
	if err := May(who); err != nil {
		return Form{}, err
	}
	if ok, err := s.store.SelfIDReadable(ctx); err != nil {
		return Form{}, err
	} else if !ok {
		cats, err := s.Categories(ctx)
		if err != nil {
			return Form{}, err
		}
		// An unknown candidate is refused here as it is locally.
		if _, err := s.store.GetCandidate(ctx, candidateID); err != nil {
			return Form{}, err
		}
		return writeOnlyForm(cats), nil
	}
	got, err := s.Of(ctx, who, candidateID)
	return FormOf(got), err
}

// Record sets a person's answers (category → answer; "" clears one) after
// checking every one, all or nothing, and returns them all; on a shared
// workspace, where nothing is read back, only those just recorded.
func (s *Service) Record(ctx context.Context, who scoring.Exporter, candidateID int64, answers map[string]string) ([]Answer, error) {
	if err := May(who); err != nil {
		return nil, err
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	clean, err := CheckAnswers(cats, answers)
	if err != nil {
		return nil, err
	}
	if err := s.store.SetSelfID(ctx, candidateID, clean); err != nil {
		return nil, err
	}
	if ok, err := s.store.SelfIDReadable(ctx); err != nil || ok {
		if err != nil {
			return nil, err
		}
		return s.Of(ctx, who, candidateID)
	}
	var out []Answer
	for _, c := range cats {
		if a, ok := clean[c.Name]; ok {
			out = append(out, Answer{Category: c.Name, Answer: a, Offered: c.Offered()})
		}
	}
	return out, nil
}

// RecordForm records as Record does and returns the form as Form would.
func (s *Service) RecordForm(ctx context.Context, who scoring.Exporter, candidateID int64, answers map[string]string) (Form, error) {
	got, err := s.Record(ctx, who, candidateID, answers)
	if err != nil {
		return Form{}, err
	}
	if ok, err := s.store.SelfIDReadable(ctx); err != nil || ok {
		return FormOf(got), err
	}
	return s.Form(ctx, who, candidateID)
}

// CheckAnswers matches each answer to its category and offered answer
// (ignoring case, returning the category's own spelling); unknown
// categories or answers are listed, naming what is offered.
func CheckAnswers(cats []Category, answers map[string]string) (map[string]string, error) {
	var v model.ValidationError
	out := map[string]string{}
	if len(answers) == 0 {
		addf(&v, "answers", "give at least one CATEGORY=ANSWER")
	}
	keys := make([]string, 0, len(answers))
	for k := range answers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		c, ok := find(cats, model.OneLine(k))
		if !ok {
			addf(&v, "category", fmt.Sprintf("no category %q (the categories: %s)", model.OneLine(k), names(cats)))
			continue
		}
		a := model.OneLine(answers[k])
		if a == "" {
			out[c.Name] = ""
			continue
		}
		i := slices.IndexFunc(c.Offered(), func(o string) bool { return equalFold(o, a) })
		if i < 0 {
			addf(&v, c.Name, fmt.Sprintf("%q is not an answer of %q (offered: %s)", a, c.Name, quoteAll(c.Offered())))
			continue
		}
		out[c.Name] = c.Offered()[i]
	}
	if len(v.Fields) > 0 {
		return nil, &v
	}
	return out, nil
}
