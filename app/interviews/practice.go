// Calibration drills (docs/DRILLS.md): an interviewer scores a rubric
// version's sample answers and sees how their levels compare with the
// rubric's. Practice lives in its own tables (storage/practice.go) and is
// never read by scorecards, the composite, calibration, exports or bundles;
// the debrief only says whether each interviewer completed practice on the
// version they scored with. A drill covers every sample of the rubric; it
// may be finished early for a result, but only a drill with every sample
// scored completes practice.

package interviews

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"hirebench/app/drill"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// PracticeDrill is a drill to run: the samples in the order to show them,
// without their reference levels, and the levels given so far.
type PracticeDrill struct {
	AttemptID  int64          `json:"attemptId"` // 0: samples listed, no drill begun
	RubricID   int64          `json:"rubricId"`
	VersionID  int64          `json:"versionId"`
	Version    int            `json:"version"`
	RubricName string         `json:"rubricName"`
	Scale      rubric.Scale   `json:"scale"`
	Samples    []drill.Sample `json:"samples"`
	Given      map[string]int `json:"given"`
}

// PracticeResult is a drill's result with the rubric it was on.
type PracticeResult struct {
	AttemptID  int64  `json:"attemptId"`
	RubricID   int64  `json:"rubricId"`
	RubricName string `json:"rubricName"`
	Version    int    `json:"version"`
	// Result is nested, not embedded: Wails' model generator drops the
	// types of an embedded struct's fields (drill.Misread).
	Result drill.Result `json:"result"`
}

// PracticeMark says whether an interviewer on a candidate's panel completed
// practice on the rubric version they scored the candidate with.
type PracticeMark struct {
	InterviewerID int64  `json:"interviewerId"`
	Name          string `json:"name"`
	RubricName    string `json:"rubricName"`
	Version       int    `json:"version"`
	Practised     bool   `json:"practised"`
}

// PracticeStatus is, for a rubric's latest version, who completed practice.
type PracticeStatus struct {
	RubricID   int64               `json:"rubricId"`
	RubricName string              `json:"rubricName"`
	Version    int                 `json:"version"`
	Samples    int                 `json:"samples"`
	Profiles   []PracticeOfProfile `json:"profiles"`
}

// PracticeOfProfile is one profile's practice on a rubric.
type PracticeOfProfile struct {
	ProfileID int64  `json:"profileId"`
	Name      string `json:"name"`
	Practised bool   `json:"practised"` // on the latest version
	// LastVersion is the latest version they completed (0: none).
	LastVersion int    `json:"lastVersion"`
	CompletedAt string `json:"completedAt"`
}

func practiser(actor model.Profile) error {
	if actor.ID == 0 {
		return fmt.Errorf("practice is kept per profile; sign in to practise: %w", model.ErrConflict)
	}
	return nil
}

// practiceRubric is a rubric's latest version, refused when it has no
// samples to practise on.
func (s *Service) practiceRubric(ctx context.Context, rubricID int64) (rubric.Version, error) {
	v, err := s.store.LatestRubric(ctx, rubricID)
	if err != nil {
		return v, err
	}
	if len(drill.Samples(v.Content)) == 0 {
		return v, fmt.Errorf("rubric %q has no sample answers to practise on; add samples to its questions: %w", v.Content.Name, model.ErrConflict)
	}
	return v, nil
}

func drillOf(v rubric.Version, attemptID int64, seed uint64) PracticeDrill {
	return PracticeDrill{AttemptID: attemptID, RubricID: v.RubricID, VersionID: v.ID, Version: v.Version, RubricName: v.Content.Name,
		Scale: v.Content.Scale, Samples: drill.Shuffled(v.Content, seed), Given: map[string]int{}}
}

// PracticeSamples lists a rubric's samples for a drill run elsewhere (the
// command line), in a fixed shuffled order, references hidden.
func (s *Service) PracticeSamples(ctx context.Context, rubricID int64) (PracticeDrill, error) {
	v, err := s.practiceRubric(ctx, rubricID)
	if err != nil {
		return PracticeDrill{}, err
	}
	return drillOf(v, 0, uint64(v.ID)), nil
}

// StartPractice begins actor's drill on a rubric's latest version.
func (s *Service) StartPractice(ctx context.Context, rubricID int64, actor model.Profile) (PracticeDrill, error) {
	if err := practiser(actor); err != nil {
		return PracticeDrill{}, err
	}
	v, err := s.practiceRubric(ctx, rubricID)
	if err != nil {
		return PracticeDrill{}, err
	}
	var id int64
	err = s.store.Write(ctx, func(tx *storage.Tx) error {
		id, err = tx.InsertPracticeAttempt(actor.ID, v.ID, v.SHA256)
		return err
	})
	if err != nil {
		return PracticeDrill{}, err
	}
	return drillOf(v, id, uint64(id)), nil
}

// attemptOf returns actor's drill and the version it is on. Another
// profile's drill is not found: practice is private to who practises.
func attemptOf(tx *storage.Tx, attemptID int64, actor model.Profile) (storage.PracticeAttempt, rubric.Version, error) {
	a, err := tx.PracticeAttempt(attemptID)
	if err == nil && a.ProfileID != actor.ID {
		err = fmt.Errorf("practice attempt %d: %w", attemptID, model.ErrNotFound)
	}
	if err != nil {
		return a, rubric.Version{}, err
	}
	v, err := tx.RubricVersion(a.RubricVersionID)
	if err != nil {
		return a, v, err
	}
	if v.SHA256 != a.RubricSHA256 {
		return a, v, fmt.Errorf("rubric %q was changed since this drill began; start the drill again: %w", v.Content.Name, model.ErrConflict)
	}
	return a, v, nil
}

func givenOf(a storage.PracticeAttempt) map[string]int {
	out := map[string]int{}
	for _, l := range a.Levels {
		out[drill.SampleID(l.QuestionID, l.Index)] = l.Level
	}
	return out
}

// RecordPractice keeps the level actor gave one sample of their drill.
func (s *Service) RecordPractice(ctx context.Context, attemptID int64, sampleID string, level int, actor model.Profile) error {
	if err := practiser(actor); err != nil {
		return err
	}
	return s.store.Write(ctx, func(tx *storage.Tx) error {
		a, v, err := attemptOf(tx, attemptID, actor)
		if err != nil {
			return err
		}
		if a.FinishedAt != "" {
			// Its result showed the rubric's levels: changing a level now would copy them.
			return fmt.Errorf("this drill is finished; start another to practise again: %w", model.ErrConflict)
		}
		if err := drill.Check(v.Content, map[string]int{sampleID: level}); err != nil {
			return err
		}
		return tx.PutPracticeLevel(attemptID, levelOf(v.Content, sampleID, level))
	})
}

func levelOf(r rubric.Rubric, sampleID string, level int) storage.PracticeLevel {
	for _, smp := range drill.Samples(r) {
		if smp.ID == sampleID {
			return storage.PracticeLevel{QuestionID: smp.QuestionID, Index: smp.Index, Level: level}
		}
	}
	return storage.PracticeLevel{} // drill.Check refused it first
}

// FinishPractice returns the result of actor's drill over the samples they
// scored, completing practice when they scored every one.
func (s *Service) FinishPractice(ctx context.Context, attemptID int64, actor model.Profile) (PracticeResult, error) {
	if err := practiser(actor); err != nil {
		return PracticeResult{}, err
	}
	var out PracticeResult
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		a, v, err := attemptOf(tx, attemptID, actor)
		if err != nil {
			return err
		}
		out = PracticeResult{AttemptID: a.ID, RubricID: v.RubricID, RubricName: v.Content.Name, Version: v.Version,
			Result: drill.Score(v.Content, givenOf(a))}
		if err := tx.FinishPracticeAttempt(a.ID); err != nil {
			return err
		}
		if out.Result.Complete {
			return tx.CompletePracticeAttempt(a.ID)
		}
		return nil
	})
	return out, err
}

// ScorePractice runs a whole drill at once (the command line): the levels
// by sample id are checked first, then kept as one attempt in one
// transaction, complete when every sample has a level.
func (s *Service) ScorePractice(ctx context.Context, rubricID int64, levels map[string]int, actor model.Profile) (PracticeResult, error) {
	if err := practiser(actor); err != nil {
		return PracticeResult{}, err
	}
	v, err := s.practiceRubric(ctx, rubricID)
	if err != nil {
		return PracticeResult{}, err
	}
	if len(levels) == 0 {
		return PracticeResult{}, model.Invalid("levels", "no levels given; give one per sample (hirebench practice samples lists them)")
	}
	if err := drill.Check(v.Content, levels); err != nil {
		return PracticeResult{}, err
	}
	out := PracticeResult{RubricID: v.RubricID, RubricName: v.Content.Name, Version: v.Version, Result: drill.Score(v.Content, levels)}
	err = s.store.Write(ctx, func(tx *storage.Tx) error {
		if out.AttemptID, err = tx.InsertPracticeAttempt(actor.ID, v.ID, v.SHA256); err != nil {
			return err
		}
		for _, id := range slices.Sorted(maps.Keys(levels)) {
			if err := tx.PutPracticeLevel(out.AttemptID, levelOf(v.Content, id, levels[id])); err != nil {
				return err
			}
		}
		if err := tx.FinishPracticeAttempt(out.AttemptID); err != nil {
			return err
		}
		if out.Result.Complete {
			return tx.CompletePracticeAttempt(out.AttemptID)
		}
		return nil
	})
	return out, err
}

// PracticeStatus says, for every profile, whether they completed practice
// on the rubric's latest version (and the last version they did complete).
func (s *Service) PracticeStatus(ctx context.Context, rubricID int64) (PracticeStatus, error) {
	v, err := s.store.LatestRubric(ctx, rubricID)
	if err != nil {
		return PracticeStatus{}, err
	}
	done, err := s.store.PracticeCompletions(ctx, rubricID)
	if err != nil {
		return PracticeStatus{}, err
	}
	profiles, err := s.store.ListProfiles(ctx)
	if err != nil {
		return PracticeStatus{}, err
	}
	out := PracticeStatus{RubricID: rubricID, RubricName: v.Content.Name, Version: v.Version,
		Samples: len(drill.Samples(v.Content)), Profiles: []PracticeOfProfile{}}
	for _, p := range profiles {
		row := PracticeOfProfile{ProfileID: p.ID, Name: p.Name}
		for _, c := range done {
			if c.ProfileID == p.ID && c.Version >= row.LastVersion {
				row.LastVersion, row.CompletedAt = c.Version, c.CompletedAt
				row.Practised = row.Practised || c.RubricVersionID == v.ID
			}
		}
		out.Profiles = append(out.Profiles, row)
	}
	return out, nil
}

// markPractice fills each candidate's PracticeMarks: one per interviewer
// and rubric version among their submitted cards, in the order the
// debrief lists its interviewers.
func (s *Service) markPractice(ctx context.Context, d roleData, list []CandidateDebrief) error {
	if len(list) == 0 {
		return nil
	}
	done, err := s.store.PracticeCompletions(ctx, 0)
	if err != nil {
		return err
	}
	type key struct{ profile, version int64 }
	practised := map[key]bool{}
	for _, c := range done {
		practised[key{c.ProfileID, c.RubricVersionID}] = true
	}
	for i := range list {
		deb := &list[i]
		deb.Practice = []PracticeMark{}
		seen := map[key]bool{}
		for _, iv := range deb.Debrief.Interviewers {
			for _, c := range d.cards[deb.Debrief.CandidateID] {
				k := key{c.AuthorID, c.RubricVersionID}
				if c.AuthorID != iv.ID || seen[k] {
					continue
				}
				seen[k] = true
				deb.Practice = append(deb.Practice, PracticeMark{InterviewerID: iv.ID, Name: iv.Name,
					RubricName: d.versions[c.RubricVersionID].Name, Version: c.RubricVersion, Practised: practised[k]})
			}
		}
	}
	return nil
}

// RunnerPractice says whether a scorecard's author completed the drill on
// the rubric version the card uses, and how many samples that version has
// (none: nothing to practise, the runner says nothing).
type RunnerPractice struct {
	RubricID  int64 `json:"rubricId"`
	Samples   int   `json:"samples"`
	Practised bool  `json:"practised"`
}

func (s *Service) runnerPractice(ctx context.Context, c scoring.Scorecard, r rubric.Rubric) (RunnerPractice, error) {
	out := RunnerPractice{RubricID: c.RubricID, Samples: len(drill.Samples(r))}
	if out.Samples == 0 {
		return out, nil
	}
	done, err := s.store.PracticeCompletions(ctx, c.RubricID)
	if err != nil {
		return RunnerPractice{}, err
	}
	out.Practised = slices.ContainsFunc(done, func(d storage.PracticeCompletion) bool {
		return d.ProfileID == c.AuthorID && d.RubricVersionID == c.RubricVersionID
	})
	return out, nil
}
