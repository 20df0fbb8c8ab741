// Anonymising a candidate inside an erasure's transaction (erasure.go):
// what says who they were goes or is cleared, their applications, stage
// history and submitted scores stay, under an anonymous name and a new uid,
// and their cards are sealed again so they still verify.

package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// anonymisedText replaces free text that a record needs to keep (a skip's
// reason, an amendment's reason) once the person is anonymised.
const anonymisedText = "(anonymised)"

const (
	sqlAnonymiseCandidate = `UPDATE candidates SET name = ?, email = '', phone = '', location = '', linkedin = '', github = '',
		portfolio = '', source = '', resume_text = '', archived_at = CASE WHEN archived_at = '' THEN ? ELSE archived_at END,
		anonymised_at = ?, updated_at = ?, ` + sqlCountChange + ` WHERE id = ?`
	sqlDeleteDrafts = `DELETE FROM scorecards WHERE status = 'draft' AND ` + byApplication
	sqlSubmittedOf  = `SELECT sc.id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
		WHERE a.candidate_id = ? AND sc.status = 'submitted' ORDER BY sc.id`
	sqlAnonymiseCard     = `UPDATE scorecards SET answers = ?, notes = '', sha256 = ?, candidate_uid = ? WHERE id = ?`
	sqlAnonymiseRevision = `UPDATE scorecard_revisions SET answers = ?, notes = '', reason = ?, sha256 = ?, candidate_uid = ?
		WHERE scorecard_id = ? AND revision = ?`
	sqlScreensOf      = `SELECT application_id, marks FROM resume_screens WHERE ` + byApplication
	sqlAnonymiseMarks = `UPDATE resume_screens SET marks = ? WHERE application_id = ?`
	sqlAnonymisedAt   = `SELECT anonymised_at FROM candidates WHERE id = ?`
	// A rejection's note is free text about the person; the reason stays.
	sqlAnonymiseEventNotes = `UPDATE stage_events SET note = '' WHERE note <> '' AND ` + byApplication
)

// anonymise removes what says who candidate id was and keeps the rest, a
// change to the record by actor.
func (t *Tx) anonymise(id int64, counts map[string]int, actor model.Profile) error {
	if err := t.count(counts, "scorecards", sqlDeleteDrafts, id); err != nil {
		return err
	}
	for _, p := range candidateData {
		if p.gone {
			if err := t.count(counts, p.table, p.deleteSQL(), id); err != nil {
				return err
			}
		}
	}
	name := AnonymousName + " " + strconv.FormatInt(id, 10)
	if err := t.count(counts, "candidates", sqlAnonymiseCandidate, name, t.now, t.now, t.now, actor.Name, t.now, id); err != nil {
		return err
	}
	// A new uid no bundle made before knows: the uids went with the rest
	// of candidateData, and the cards are bound to this one below.
	uid, err := ownUID(t.ctx, t.q, CandidateUIDs, id)
	if err != nil {
		return err
	}
	if err := t.anonymiseScreens(id, counts); err != nil {
		return err
	}
	if err := t.count(counts, "stage_events", sqlAnonymiseEventNotes, id); err != nil {
		return err
	}
	// After the candidate's row: a card's hash is recomputed over what it
	// says now, whoever it names.
	cards, err := t.ids(sqlSubmittedOf, id)
	if err != nil {
		return err
	}
	for _, cardID := range cards {
		if err := t.anonymiseCard(cardID, uid, counts); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseScreens clears the evidence typed into the candidate's resume
// screens; the marks and decisions stay.
func (t *Tx) anonymiseScreens(id int64, counts map[string]int) error {
	marks := map[int64]string{}
	err := each(t.ctx, t.q, sqlScreensOf, []any{id}, func(sc scanner) error {
		var app int64
		var m string
		err := sc.Scan(&app, &m)
		marks[app] = m
		return err
	})
	if err != nil {
		return err
	}
	for app, m := range marks {
		flags := map[string]scoring.FlagMark{}
		if err := json.Unmarshal([]byte(m), &flags); err != nil {
			return fmt.Errorf("resume screen of application %d: %w", app, err)
		}
		for k, f := range flags {
			f.Evidence = ""
			flags[k] = f
		}
		b, err := json.Marshal(flags)
		if err != nil {
			return err
		}
		if err := t.count(counts, "resume_screens", sqlAnonymiseMarks, string(b), app); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseCard clears a submitted card's free text (notes, skip and
// amendment reasons), binds it to the candidate's new uid (cards sealed
// before bindings have none and keep none) and seals it again: its hash
// and its amendments' chained hashes are recomputed over what it says now,
// so it still verifies. The audit row records that this happened.
func (t *Tx) anonymiseCard(id int64, uid string, counts map[string]int) error {
	c, err := getScorecard(t.ctx, t.q, id)
	if err != nil {
		return err
	}
	c.Notes, c.Answers = "", anonymousAnswers(c.Answers)
	c.Binding.CandidateUID = rebound(c.Binding.CandidateUID, uid)
	c.SHA256 = scoring.Hash(c)
	answers, err := json.Marshal(nonNilAnswers(c.Answers))
	if err != nil {
		return err
	}
	if err := t.count(counts, "scorecards", sqlAnonymiseCard, string(answers), c.SHA256, c.Binding.CandidateUID, id); err != nil {
		return err
	}
	prev := c.SHA256
	for _, r := range c.Revisions {
		r.Notes, r.Reason, r.Answers = "", anonymisedText, anonymousAnswers(r.Answers)
		r.Binding.CandidateUID = rebound(r.Binding.CandidateUID, uid)
		r.SHA256 = scoring.RevisionHash(c, r, prev)
		prev = r.SHA256
		answers, err := json.Marshal(nonNilAnswers(r.Answers))
		if err != nil {
			return err
		}
		if err := t.count(counts, "scorecard_revisions", sqlAnonymiseRevision, string(answers), r.Reason, r.SHA256, r.Binding.CandidateUID,
			id, r.Revision); err != nil {
			return err
		}
	}
	return nil
}

// rebound is a binding's candidate uid once the candidate has the new
// uid: none stays none (a card sealed before bindings).
func rebound(was, uid string) string {
	if was == "" {
		return ""
	}
	return uid
}

// AnonymisedAt says when candidate id was anonymised ("" if not): a bundle
// import adds nothing to such a record.
func (t *Tx) AnonymisedAt(id int64) (string, error) {
	var at string
	if err := t.q.QueryRowContext(t.ctx, sqlAnonymisedAt, id).Scan(&at); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", notFound("candidate", id)
		}
		return "", fmt.Errorf("storage: read candidate %d: %w", id, err)
	}
	return at, nil
}

// anonymousAnswers keeps the scores and skips, without notes; a skip keeps
// a reason (it counts as answered only with one), but not the words.
func anonymousAnswers(in map[string]scoring.Answer) map[string]scoring.Answer {
	out := make(map[string]scoring.Answer, len(in))
	for k, a := range in {
		a.Notes = ""
		if a.SkipReason != "" {
			a.SkipReason = anonymisedText
		}
		out[k] = a
	}
	return out
}
