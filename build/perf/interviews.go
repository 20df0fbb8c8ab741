// The structured-interview figures: one candidate's debrief, the Debrief
// screen, a role's calibration and the runner's autosave.

package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage/benchkit"
)

// roleCards is a role's submitted cards by candidate with the rubric each
// was scored against, read through storage as the interviews service reads
// them for a debrief (interviews.loadRole, which is not exported): only
// submitted cards count, each with its exact version's competencies.
type roleCards struct {
	order    []int64
	cards    map[int64][]scoring.Scorecard
	versions map[int64]rubric.Rubric
}

func (b *bench) readCards(ctx context.Context, list []scoring.Scorecard, roleID int64) (roleCards, error) {
	rc := roleCards{cards: map[int64][]scoring.Scorecard{}, versions: map[int64]rubric.Rubric{}}
	for _, c := range list {
		if c.Status != scoring.Submitted || c.RoleID != roleID {
			continue
		}
		if _, ok := rc.versions[c.RubricVersionID]; !ok {
			v, err := b.st.RubricVersion(ctx, c.RubricVersionID)
			if err != nil {
				return rc, err
			}
			rc.versions[c.RubricVersionID] = v.Content
		}
		if _, ok := rc.cards[c.CandidateID]; !ok {
			rc.order = append(rc.order, c.CandidateID)
		}
		rc.cards[c.CandidateID] = append(rc.cards[c.CandidateID], c)
	}
	return rc, nil
}

func (rc roleCards) rubricOf(c scoring.Scorecard) (rubric.Rubric, bool) {
	r, ok := rc.versions[c.RubricVersionID]
	return r.Subset(c.Competencies), ok
}

// bareAnswers reads the answers of the submitted cards a query selects.
func (b *bench) bareAnswers(ctx context.Context, where string, args ...any) (int, error) {
	rows, err := b.query(ctx, `SELECT s.answers FROM scorecards s JOIN applications a ON a.id = s.application_id
		WHERE s.status = 'submitted' AND `+where, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var answers string
		if err := rows.Scan(&answers); err != nil {
			return 0, err
		}
		n += len(answers)
	}
	return n, rows.Err()
}

// debriefSamples is how many candidates the per-candidate debrief times.
const debriefSamples = 150

// debriefFigure times one candidate's debrief, p95 over candidates spread
// over the roles, against plain SQL fetching that candidate's answers.
func (b *bench) debriefFigure(ctx context.Context) (benchkit.Figure, error) {
	type pick struct{ candidate, role int64 }
	var picks []pick
	for _, r := range b.roles {
		ids, err := b.query(ctx, `SELECT DISTINCT a.candidate_id FROM scorecards s JOIN applications a ON a.id = s.application_id
			WHERE a.role_id = ? AND s.status = 'submitted' ORDER BY a.candidate_id`, r.ID)
		if err != nil {
			return benchkit.Figure{}, err
		}
		var all []int64
		for ids.Next() {
			var id int64
			if err := ids.Scan(&id); err != nil {
				ids.Close()
				return benchkit.Figure{}, err
			}
			all = append(all, id)
		}
		ids.Close()
		per := debriefSamples / len(b.roles)
		for i := range min(per, len(all)) {
			picks = append(picks, pick{all[i*len(all)/per], r.ID})
		}
	}
	if len(picks) == 0 {
		return benchkit.Figure{}, errors.New("the workspace has no submitted scorecards")
	}
	var p pair
	err := sample(len(picks), 30, time.Minute, func(i int) error {
		k := picks[i]
		return p.time(i, func() error {
			list, err := b.st.CandidateScorecards(ctx, k.candidate)
			if err != nil {
				return err
			}
			rc, err := b.readCards(ctx, list, k.role)
			if err != nil {
				return err
			}
			plan, err := b.iv.Plan(ctx, k.role)
			if err != nil {
				return err
			}
			d := scoring.BuildDebrief(rc.cards[k.candidate], rc.rubricOf, plan.Questions, plan.CoverageThreshold)
			if len(d.Rows) == 0 {
				return fmt.Errorf("candidate %d: an empty debrief", k.candidate)
			}
			return nil
		}, func() error {
			_, err := b.bareAnswers(ctx, "a.candidate_id = ? AND a.role_id = ?", k.candidate, k.role)
			return err
		})
	})
	return p.figure(95), err
}

// debriefScreenFigure times what the Debrief screen loads (every candidate
// of the role, ranked, with calibration), median over the roles opened in
// turn, against plain SQL fetching the role's submitted answers. The
// recruiter's first opening of a role also records, candidate by candidate,
// that they saw others' cards (one write each); that one-off cost is
// printed, not timed into the figure, so reruns on a reused workspace agree.
func (b *bench) debriefScreenFigure(ctx context.Context, out io.Writer) (benchkit.Figure, error) {
	recruiter, err := b.recruiter(ctx)
	if err != nil {
		return benchkit.Figure{}, err
	}
	for _, r := range b.roles {
		start := time.Now()
		if _, err := b.iv.RoleDebrief(ctx, r.ID, recruiter); err != nil {
			return benchkit.Figure{}, err
		}
		fmt.Fprintf(out, "bench: debrief screen of role %d opened in %s (warm-up, not timed: the first opening after seeding also records exposures)\n",
			r.ID, time.Since(start).Round(time.Millisecond))
	}
	var p pair
	err = sample(3*len(b.roles), len(b.roles), time.Minute, func(i int) error {
		r := b.roles[i%len(b.roles)]
		return p.time(i, func() error {
			_, err := b.iv.RoleDebrief(ctx, r.ID, recruiter)
			return err
		}, func() error {
			_, err := b.bareAnswers(ctx, "a.role_id = ?", r.ID)
			return err
		})
	})
	return p.figure(50), err
}

// calibrationFigure times a role's calibration statistics, median over the
// roles taken in turn, against plain SQL fetching the role's ratings.
func (b *bench) calibrationFigure(ctx context.Context) (benchkit.Figure, error) {
	mins := scoring.CalibrationMinimums{Candidates: interviews.MinCalibrationCandidates, PairedItems: interviews.MinCalibrationPaired}
	var p pair
	err := sample(3*len(b.roles), len(b.roles), time.Minute, func(i int) error {
		r := b.roles[i%len(b.roles)]
		return p.time(i, func() error {
			list, err := b.st.RoleScorecards(ctx, r.ID)
			if err != nil {
				return err
			}
			rc, err := b.readCards(ctx, list, r.ID)
			if err != nil {
				return err
			}
			pooled, _ := scoring.Calibrate(rc.order, rc.cards, rc.rubricOf, mins)
			if len(pooled) == 0 {
				return fmt.Errorf("role %d: no calibration group", r.ID)
			}
			return nil
		}, func() error {
			_, err := b.bareAnswers(ctx, "a.role_id = ?", r.ID)
			return err
		})
	})
	return p.figure(50), err
}

func (b *bench) recruiter(ctx context.Context) (model.Profile, error) {
	all, err := b.svc.Profiles(ctx)
	if err != nil {
		return model.Profile{}, err
	}
	for _, p := range all {
		if p.IsRecruiter {
			return p, nil
		}
	}
	return model.Profile{}, errors.New("the workspace has no recruiter")
}

// autosaveSamples is how many saves each side of the autosave figure times.
const autosaveSamples = 400

// autosaveFigure times SaveDraft of one patch on a full draft against a
// bare UPDATE of the same row in a transaction through w (on SQLite an
// immediate one, both with synchronous=FULL in the same WAL). The draft is
// an interviewer's card for a candidate not yet interviewed (resumed on the
// next run, as the runner resumes it).
func (b *bench) autosaveFigure(ctx context.Context, w *sql.DB) (benchkit.Figure, error) {
	view, viewer, err := b.draft(ctx)
	if err != nil {
		return benchkit.Figure{}, err
	}
	var questions []string
	for _, c := range view.Rubric.Competencies {
		for _, q := range c.Questions {
			questions = append(questions, q.ID)
		}
	}
	if len(questions) == 0 {
		return benchkit.Figure{}, errors.New("the draft's rubric has no questions")
	}
	patch := func(i int) scoring.Patch {
		score, cursor, elapsed := 2+i%2, questions[i%len(questions)], int64(1000*i)
		return scoring.Patch{QuestionID: cursor, Score: &score, Cursor: &cursor, ElapsedMs: &elapsed}
	}
	var card scoring.Scorecard
	for i := range questions { // a draft with every question scored
		if card, err = b.iv.SaveDraft(ctx, view.Card.ID, []scoring.Patch{patch(i)}, viewer); err != nil {
			return benchkit.Figure{}, err
		}
	}
	answers, err := json.Marshal(card.Answers)
	if err != nil {
		return benchkit.Figure{}, err
	}
	w.SetMaxOpenConns(1)
	update := placeholders(`UPDATE scorecards SET answers = ?, cursor = ?, elapsed_ms = ?, updated_at = ? WHERE id = ?`, b.pg)
	var p pair
	err = sample(autosaveSamples, 100, time.Minute, func(i int) error {
		return p.time(i, func() error {
			_, err := b.iv.SaveDraft(ctx, view.Card.ID, []scoring.Patch{patch(i)}, viewer)
			return err
		}, func() error {
			tx, err := w.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, update,
				string(answers), questions[i%len(questions)], 1000*i, time.Now().UTC().Format(model.TimeLayout), view.Card.ID)
			if err != nil {
				tx.Rollback()
				return err
			}
			return tx.Commit()
		})
	})
	return p.figure(99), err
}

// draft starts (or resumes) a card in a role's first round, by one of its
// interviewers, for a candidate still in the role's first stage.
func (b *bench) draft(ctx context.Context) (interviews.ScorecardView, model.Profile, error) {
	role := b.roles[0]
	rounds, err := b.iv.Rounds(ctx, role.ID)
	if err != nil {
		return interviews.ScorecardView{}, model.Profile{}, err
	}
	if len(rounds) == 0 || len(rounds[0].Interviewers) == 0 {
		return interviews.ScorecardView{}, model.Profile{}, fmt.Errorf("role %d has no round with interviewers", role.ID)
	}
	page, err := b.svc.List(ctx, model.CandidateFilter{RoleID: role.ID, StageID: role.Stages[0].ID, Sort: "created", Limit: 1})
	if err != nil {
		return interviews.ScorecardView{}, model.Profile{}, err
	}
	if len(page.Rows) == 0 {
		return interviews.ScorecardView{}, model.Profile{}, fmt.Errorf("role %d has no candidate in its first stage", role.ID)
	}
	var appID int64
	for _, a := range page.Rows[0].Applications {
		if a.RoleID == role.ID {
			appID = a.ApplicationID
		}
	}
	viewer := rounds[0].Interviewers[0]
	view, err := b.iv.StartInterview(ctx, appID, rounds[0].ID, viewer)
	return view, viewer, err
}
