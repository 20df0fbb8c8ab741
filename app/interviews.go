// The window's binding for structured interviews: rubrics and their files,
// interview plans, scorecards, screens and the debrief.

package app

import (
	"context"
	"strings"
	"unicode"

	"hirebench/app/filename"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// Interviews is bound to the window: rubrics, interview plans, the
// interview runner's scorecards and resume screens.
type Interviews struct {
	svc *interviews.Service
	ws  *Workspace
	rt  Shell
	// rubricFiles are the rubric files chosen to import.
	rubricFiles *chooser
}

func NewInterviews(svc *interviews.Service, ws *Workspace, rt Shell) *Interviews {
	chosen := &chooser{rt: rt,
		title: "Import a rubric", pattern: "*.json;*.JSON;*.yaml;*.YAML;*.yml;*.YML", patternName: "Rubric (JSON or YAML)",
		what: "rubric files", limit: rubric.MaxFileSize}
	ws.onProfileSwitch(chosen.forgetAll)
	return &Interviews{svc: svc, ws: ws, rt: rt, rubricFiles: chosen}
}

func (i *Interviews) Rubrics() ([]rubric.Summary, error) {
	return result(i.svc.Rubrics(context.Background()))
}

func (i *Interviews) Rubric(id int64) (rubric.Version, error) {
	return result(i.svc.Rubric(context.Background(), id))
}

func (i *Interviews) RubricVersion(versionID int64) (rubric.Version, error) {
	return result(i.svc.RubricVersion(context.Background(), versionID))
}

// CreateRubric publishes the new rubric drafted in the editor (its draft goes).
func (i *Interviews) CreateRubric(r rubric.Rubric) (rubric.Version, error) {
	return withActor(i.ws, func(a model.Profile) (rubric.Version, error) {
		return i.svc.PublishNewRubric(context.Background(), r, a)
	})
}

// RubricDraft returns the current profile's draft of a rubric (0: of a new
// one), or null when there is none.
func (i *Interviews) RubricDraft(rubricID int64) (*interviews.RubricDraft, error) {
	return withActor(i.ws, func(a model.Profile) (*interviews.RubricDraft, error) {
		return i.svc.RubricDraft(context.Background(), rubricID, a)
	})
}

// RubricDrafts lists the current profile's rubric drafts, newest first.
func (i *Interviews) RubricDrafts() ([]interviews.RubricDraft, error) {
	return withActor(i.ws, func(a model.Profile) ([]interviews.RubricDraft, error) {
		return i.svc.RubricDrafts(context.Background(), a.ID)
	})
}

// SaveRubricDraft autosaves the editor's rubric as the current profile's
// draft; null when it says what the latest version says (no draft kept).
func (i *Interviews) SaveRubricDraft(rubricID int64, r rubric.Rubric) (*interviews.RubricDraft, error) {
	return withActor(i.ws, func(a model.Profile) (*interviews.RubricDraft, error) {
		return i.svc.SaveRubricDraft(context.Background(), rubricID, r, a)
	})
}

// DiscardRubricDraft drops the current profile's draft of a rubric (0: of a new one).
func (i *Interviews) DiscardRubricDraft(rubricID int64) error {
	_, err := withActor(i.ws, func(a model.Profile) (struct{}, error) {
		return struct{}{}, i.svc.DiscardRubricDraft(context.Background(), rubricID, a)
	})
	return err
}

// SaveRubric publishes an edit (the profile's draft goes); if the version
// was already used, it becomes a new version.
func (i *Interviews) SaveRubric(id int64, r rubric.Rubric) (rubric.Version, error) {
	return withActor(i.ws, func(a model.Profile) (rubric.Version, error) {
		return i.svc.SaveRubric(context.Background(), id, r, a)
	})
}

// DuplicateRubric makes an editable copy ("" name: "<name> (copy)").
func (i *Interviews) DuplicateRubric(id int64, name string) (rubric.Version, error) {
	return withActor(i.ws, func(a model.Profile) (rubric.Version, error) {
		return i.svc.DuplicateRubric(context.Background(), id, name, a)
	})
}

// CheckRubric lists a rubric's problems by path, as saving would refuse it (nothing is saved).
func (i *Interviews) CheckRubric(r rubric.Rubric) []model.FieldError {
	return i.svc.CheckRubric(r)
}

func (i *Interviews) ArchiveRubric(id int64, archived bool) error {
	return signedInDo(i.ws, func() error { return i.svc.ArchiveRubric(context.Background(), id, archived) })
}

func (i *Interviews) DeleteRubric(id int64) error {
	return signedInDo(i.ws, func() error { return i.svc.DeleteRubric(context.Background(), id) })
}

// ChooseRubricFile shows the open dialog for a JSON or YAML rubric file and
// checks its size without reading it; nil when the user cancelled.
func (i *Interviews) ChooseRubricFile() (*ImportFile, error) {
	return result(i.rubricFiles.choose())
}

// ImportRubricFile reads the chosen rubric file, validates it and adds it;
// errors name each path. The token stays valid after a refusal, so the
// user can fix the file and import it again.
func (i *Interviews) ImportRubricFile(token string) (rubric.Version, error) {
	return withActor(i.ws, func(a model.Profile) (rubric.Version, error) {
		name, data, err := i.rubricFiles.read(token)
		if err != nil {
			return rubric.Version{}, err
		}
		v, err := i.svc.ImportRubric(context.Background(), data, name, a)
		if err == nil {
			i.rubricFiles.forget(token)
		}
		return v, err
	})
}

// ExportRubric asks where to save the rubric file and writes it there
// whole or not at all; false if the user cancelled.
func (i *Interviews) ExportRubric(id int64, format string) (bool, error) {
	data, err := i.svc.ExportRubric(context.Background(), id, format)
	if err != nil {
		return false, userError(err)
	}
	v, err := i.svc.Rubric(context.Background(), id)
	if err != nil {
		return false, userError(err)
	}
	return result(saveAs(i.ws, i.rt, "Export rubric", fileName(v.Content.Name, "rubric", "."+format), data))
}

func (i *Interviews) Rounds(roleID int64) ([]scoring.Round, error) {
	return result(i.svc.Rounds(context.Background(), roleID))
}

func (i *Interviews) SaveRound(in scoring.RoundInput) (scoring.Round, error) {
	return withActor(i.ws, func(a model.Profile) (scoring.Round, error) {
		return i.svc.SaveRound(context.Background(), in, a)
	})
}

func (i *Interviews) MoveRound(id int64, position int) ([]scoring.Round, error) {
	return withActor(i.ws, func(a model.Profile) ([]scoring.Round, error) {
		return i.svc.MoveRound(context.Background(), id, position, a)
	})
}

func (i *Interviews) DeleteRound(id int64) error {
	_, err := withActor(i.ws, func(a model.Profile) (struct{}, error) {
		return struct{}{}, i.svc.DeleteRound(context.Background(), id, a)
	})
	return err
}

// AssignRound sets who interviews one candidate in one round (empty: the plan's interviewers).
func (i *Interviews) AssignRound(applicationID, roundID int64, profileIDs []int64) error {
	_, err := withActor(i.ws, func(a model.Profile) (struct{}, error) {
		return struct{}{}, i.svc.AssignRound(context.Background(), applicationID, roundID, profileIDs, a)
	})
	return err
}

// Rights says what the current profile may do with plans and exports.
func (i *Interviews) Rights() (interviews.Rights, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.Rights, error) { return interviews.RightsOf(a), nil })
}

// RunnerPrefs returns the current profile's interview runner preferences.
func (i *Interviews) RunnerPrefs() (interviews.RunnerPrefs, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.RunnerPrefs, error) {
		return i.svc.RunnerPrefs(context.Background(), a)
	})
}

// SetRunnerPrefs saves the current profile's interview runner preferences.
func (i *Interviews) SetRunnerPrefs(p interviews.RunnerPrefs) (interviews.RunnerPrefs, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.RunnerPrefs, error) {
		return i.svc.SetRunnerPrefs(context.Background(), a, p)
	})
}

// Recommendations lists the overall calls, worst to best, with the words
// shown for each (rubric.RecommendationLabel): what the window offers and shows.
func (i *Interviews) Recommendations() []rubric.RecommendationOption {
	return rubric.RecommendationOptions()
}

// Plan returns a role's plan: its questions with their weights, and the weight history.
func (i *Interviews) Plan(roleID int64) (interviews.Plan, error) {
	return result(i.svc.Plan(context.Background(), roleID))
}

// SetWeights changes weights on a role's plan; after scoring began a reason is needed.
func (i *Interviews) SetWeights(roleID int64, edits []scoring.WeightEdit, reason string) (interviews.Plan, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.Plan, error) {
		return i.svc.SetWeights(context.Background(), roleID, edits, reason, a)
	})
}

// SetCoverageThreshold sets the share of the plan (0–1) a candidate needs to be ranked.
func (i *Interviews) SetCoverageThreshold(v float64) error {
	_, err := withActor(i.ws, func(a model.Profile) (struct{}, error) {
		return struct{}{}, i.svc.SetCoverageThreshold(context.Background(), v, a)
	})
	return err
}

func (i *Interviews) ScheduleRound(applicationID, roundID int64, at string) error {
	return signedInDo(i.ws, func() error { return i.svc.ScheduleRound(context.Background(), applicationID, roundID, at) })
}

// CandidateRounds lists a candidate's rounds with the cards the current profile may see.
func (i *Interviews) CandidateRounds(candidateID int64) ([]scoring.CandidateRound, error) {
	return withActor(i.ws, func(a model.Profile) ([]scoring.CandidateRound, error) {
		return i.svc.CandidateRounds(context.Background(), candidateID, a)
	})
}

// StartInterview opens or resumes the current profile's scorecard.
func (i *Interviews) StartInterview(applicationID, roundID int64) (interviews.ScorecardView, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.ScorecardView, error) {
		return i.svc.StartInterview(context.Background(), applicationID, roundID, a)
	})
}

// Scorecard returns a card the blind rule lets the current profile see.
func (i *Interviews) Scorecard(id int64) (interviews.ScorecardView, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.ScorecardView, error) {
		return i.svc.Scorecard(context.Background(), id, a)
	})
}

// SaveDraft is the runner's autosave: pending patches, applied all or none.
func (i *Interviews) SaveDraft(id int64, patches []scoring.Patch) (scoring.Scorecard, error) {
	return withActor(i.ws, func(a model.Profile) (scoring.Scorecard, error) {
		return i.svc.SaveDraft(context.Background(), id, patches, a)
	})
}

// Missing lists what stops the current profile's draft from being submitted,
// with the runner's unsaved patches applied to a copy (nothing is saved).
func (i *Interviews) Missing(id int64, pending []scoring.Patch) ([]model.FieldError, error) {
	return withActor(i.ws, func(a model.Profile) ([]model.FieldError, error) {
		return i.svc.Missing(context.Background(), id, pending, a)
	})
}

func (i *Interviews) Submit(id int64, last scoring.Patch) (scoring.Scorecard, error) {
	return withActor(i.ws, func(a model.Profile) (scoring.Scorecard, error) {
		return i.svc.Submit(context.Background(), id, last, a)
	})
}

func (i *Interviews) Amend(id int64, a interviews.Amendment) (scoring.Scorecard, error) {
	return withActor(i.ws, func(p model.Profile) (scoring.Scorecard, error) {
		return i.svc.Amend(context.Background(), id, a, p)
	})
}

func (i *Interviews) Screen(applicationID int64) (scoring.Screen, error) {
	return result(i.svc.Screen(context.Background(), applicationID))
}

func (i *Interviews) SaveScreen(in scoring.ScreenInput) (scoring.Screen, error) {
	return withActor(i.ws, func(a model.Profile) (scoring.Screen, error) {
		return i.svc.SaveScreen(context.Background(), in, a)
	})
}

// fileName is the name a save dialog proposes for a title: its words in
// lower case joined by hyphens (fallback when it has none), then suffix, made
// safe on every system by filename.Safe (a role called "Con" proposes
// con_.xlsx, which Windows would otherwise take for the console).
func fileName(title, fallback, suffix string) string {
	var b []rune
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = append(b, r)
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
	}
	s := strings.Trim(string(b), "-")
	if s == "" {
		s = fallback
	}
	return filename.Safe(s+suffix, fallback+suffix)
}

// RoleDebrief ranks a role's candidates by composite with the calibration
// statistics, limited to what the current profile may see.
func (i *Interviews) RoleDebrief(roleID int64) (interviews.RoleDebrief, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.RoleDebrief, error) {
		return i.svc.RoleDebrief(context.Background(), roleID, a)
	})
}
