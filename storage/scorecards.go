// Stores scorecards: starting, updating drafts, amending with revisions, and
// recording when other interviewers' cards were shown to a profile.

package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// Whether a card has amendments comes after what every card has (so a
// list fetches amendments only for those that do), then the binding columns
// and whether they name the card's records (sqlPlaced).
var (
	sqlScorecardColumns = `sc.id, sc.uid, sc.application_id, a.candidate_id, c.name, a.role_id, ro.title, sc.round_id, ir.name,
		ir.duration_min, sc.author_id, sc.author_name, v.rubric_id, sc.rubric_version_id, v.version, v.sha256, sc.competencies,
		sc.status, sc.answers, sc.recommendation, sc.notes, sc.cursor, sc.elapsed_ms, sc.started_at, sc.updated_at,
		sc.submitted_at, sc.sha256, sc.seen_others, EXISTS (SELECT 1 FROM scorecard_revisions r WHERE r.scorecard_id = sc.id),
		sc.hash_version, sc.candidate_uid, sc.role_uid, sc.round_uid, ` + sqlPlaced("sc")
	sqlScorecardFrom = ` FROM scorecards sc
		JOIN applications a ON a.id = sc.application_id
		JOIN candidates c ON c.id = a.candidate_id
		JOIN roles ro ON ro.id = a.role_id
		JOIN interview_rounds ir ON ir.id = sc.round_id
		JOIN rubric_versions v ON v.id = sc.rubric_version_id`
	// What the app shows of cards reads, on a shared workspace, every card
	// with what the asker may not read of it left out (the view
	// scorecards_seen, migration 0022), as a laptop's app reads every card
	// and its service leaves that out (scoring.Redact).
	sqlShownCards = ` FROM scorecards sc`
)

var (
	sqlGetScorecard        = shownCards(`SELECT ` + sqlScorecardColumns + sqlScorecardFrom + ` WHERE sc.id = ?`)
	sqlCandidateScorecards = shownCards(`SELECT ` + sqlScorecardColumns + sqlScorecardFrom + ` WHERE a.candidate_id = ? ORDER BY ir.position, sc.started_at, sc.id`)
	sqlRoleScorecards      = shownCards(`SELECT ` + sqlScorecardColumns + sqlScorecardFrom + ` WHERE a.role_id = ? ORDER BY c.name COLLATE NOCASE, ir.position, sc.id`)
	sqlInsertScorecard     = `INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id,
		competencies, status, answers, recommendation, notes, elapsed_ms, started_at, updated_at, submitted_at, sha256, seen_others,
		hash_version, candidate_uid, role_uid, round_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertRevision = `INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, notes,
		reason, author_id, author_name, created_at, sha256, seen_others, hash_version, candidate_uid, role_uid, round_uid)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// The amendments of the cards whose ids are in a JSON array.
var sqlRevisions = spell(func(d dialect) string {
	return `SELECT r.scorecard_id, r.revision, r.answers, r.recommendation, r.notes, r.reason, r.author_id, r.author_name,
		r.created_at, r.sha256, r.seen_others, r.hash_version, r.candidate_uid, r.role_uid, r.round_uid, ` + sqlPlaced("r") + `
		FROM scorecard_revisions r JOIN scorecards sc ON sc.id = r.scorecard_id JOIN applications a ON a.id = sc.application_id
		WHERE r.scorecard_id IN (SELECT value FROM ` + d.jsonIDs("?") + ` AS j) ORDER BY r.scorecard_id, r.revision`
})

// scanScorecard reads one card and whether it has amendments.
func scanScorecard(sc scanner) (scoring.Scorecard, bool, error) {
	var c scoring.Scorecard
	var comps, answers string
	var amended bool
	err := sc.Scan(&c.ID, &c.UID, &c.ApplicationID, &c.CandidateID, &c.CandidateName, &c.RoleID, &c.RoleTitle, &c.RoundID, &c.RoundName,
		&c.DurationMin, &c.AuthorID, &c.AuthorName, &c.RubricID, &c.RubricVersionID, &c.RubricVersion, &c.RubricSHA256, &comps,
		&c.Status, &answers, &c.Recommendation, &c.Notes, &c.Cursor, &c.ElapsedMs, &c.StartedAt, &c.UpdatedAt,
		&c.SubmittedAt, &c.SHA256, &c.SeenOthers, &amended, &c.HashVersion, &c.Binding.CandidateUID, &c.Binding.RoleUID, &c.Binding.RoundUID,
		&c.Placed)
	if err != nil {
		return c, false, err
	}
	c.Competencies, c.Answers, c.Revisions = []string{}, map[string]scoring.Answer{}, []scoring.Revision{}
	if err := json.Unmarshal([]byte(comps), &c.Competencies); err != nil {
		return c, false, err
	}
	return c, amended, json.Unmarshal([]byte(answers), &c.Answers)
}

// scorecards runs a query over sqlScorecardColumns and brings the cards'
// amendments with one more query, whatever the number of cards: a query
// per card cost seconds on a role of 70,000 cards.
func scorecards(ctx context.Context, q queryer, query string, args ...any) ([]scoring.Scorecard, error) {
	out := []scoring.Scorecard{}
	at := map[int64]int{} // the amended cards' index in out, by id
	err := each(ctx, q, query, args, func(sc scanner) error {
		c, amended, err := scanScorecard(sc)
		if amended {
			at[c.ID] = len(out)
		}
		out = append(out, c)
		return err
	})
	if err != nil || len(at) == 0 {
		return out, err
	}
	ids := make([]int64, 0, len(at))
	for id := range at {
		ids = append(ids, id)
	}
	list, _ := json.Marshal(ids)
	err = each(ctx, q, sqlRevisions.in(q), []any{string(list)}, func(sc scanner) error {
		var id int64
		var r scoring.Revision
		var answers string
		if err := sc.Scan(&id, &r.Revision, &answers, &r.Recommendation, &r.Notes, &r.Reason, &r.AuthorID, &r.AuthorName, &r.CreatedAt,
			&r.SHA256, &r.SeenOthers, &r.HashVersion, &r.Binding.CandidateUID, &r.Binding.RoleUID, &r.Binding.RoundUID, &r.Placed); err != nil {
			return err
		}
		r.Answers = map[string]scoring.Answer{}
		if err := json.Unmarshal([]byte(answers), &r.Answers); err != nil {
			return err
		}
		c := &out[at[id]]
		c.Revisions = append(c.Revisions, r)
		return nil
	})
	return out, err
}

func getScorecard(ctx context.Context, q queryer, id int64) (scoring.Scorecard, error) {
	list, err := scorecards(ctx, q, sqlGetScorecard.in(q), id)
	if err != nil {
		return scoring.Scorecard{}, fmt.Errorf("storage: get scorecard: %w", err)
	}
	if len(list) == 0 {
		return scoring.Scorecard{}, notFound("scorecard", id)
	}
	return list[0], nil
}

// GetScorecard returns a scorecard with its amendments; visibility is the service's job.
func (s *Store) GetScorecard(ctx context.Context, id int64) (scoring.Scorecard, error) {
	var c scoring.Scorecard
	err := s.read(ctx, func(tx queryer) error {
		var err error
		c, err = getScorecard(ctx, tx, id)
		return err
	})
	return c, err
}

func (s *Store) listScorecards(ctx context.Context, query spelled, id int64) ([]scoring.Scorecard, error) {
	return readValue(ctx, s, func(tx queryer) ([]scoring.Scorecard, error) {
		return scorecards(ctx, tx, query.in(tx), id)
	})
}

// shownCards spells a statement reading cards from sqlScorecardFrom for
// each engine: PostgreSQL reads them through scorecards_seen.
func shownCards(q string) spelled {
	pg := strings.Replace(q, sqlShownCards+"\n", " FROM scorecards_seen sc\n", 1)
	if pg == q {
		panic("storage: a statement of shown cards does not read " + sqlShownCards)
	}
	return spelled{q, pg}
}

// CandidateScorecards lists every scorecard of a candidate, all roles and rounds.
func (s *Store) CandidateScorecards(ctx context.Context, candidateID int64) ([]scoring.Scorecard, error) {
	return s.listScorecards(ctx, sqlCandidateScorecards, candidateID)
}

// RoleScorecards lists every scorecard of a role's candidates.
func (s *Store) RoleScorecards(ctx context.Context, roleID int64) ([]scoring.Scorecard, error) {
	return s.listScorecards(ctx, sqlRoleScorecards, roleID)
}

// NewUID returns 128 random bits as hex.
func NewUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b[:])
}

// StartScorecard returns the author's card for this application and round,
// creating a draft pinned to the rubric's latest version if there is none.
func (s *Store) StartScorecard(ctx context.Context, applicationID, roundID int64, author model.Profile) (scoring.Scorecard, error) {
	var c scoring.Scorecard
	err := s.write(ctx, func(tx queryer) error {
		var id int64
		err := tx.QueryRowContext(ctx, sqlFindScorecard.in(tx), applicationID, roundID, author.ID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			round, err := roundOfApplication(ctx, tx, applicationID, roundID)
			if err != nil {
				return err
			}
			v, err := latestVersion(ctx, tx, round.RubricID)
			if err != nil {
				return err
			}
			now := s.now()
			id, err = insertScorecard(ctx, tx, scoring.Scorecard{UID: NewUID(), ApplicationID: applicationID, RoundID: roundID,
				AuthorID: author.ID, AuthorName: author.Name, RubricVersionID: v.ID, Competencies: round.Competencies,
				Status: scoring.Draft, StartedAt: now, UpdatedAt: now})
			if err != nil {
				return err
			}
		} else if err != nil {
			return fmt.Errorf("storage: find scorecard: %w", err)
		}
		c, err = getScorecard(ctx, tx, id)
		return err
	})
	return c, err
}

// insertScorecard adds a card as given: a new draft, or a submitted card
// from elsewhere with the hash, times and binding it was signed with.
func insertScorecard(ctx context.Context, tx queryer, c scoring.Scorecard) (int64, error) {
	comps, _ := json.Marshal(nonNilStrings(c.Competencies))
	answers, err := json.Marshal(nonNilAnswers(c.Answers))
	if err != nil {
		return 0, err
	}
	id, err := insertID(ctx, tx, sqlInsertScorecard, c.UID, c.ApplicationID, c.RoundID, c.AuthorID, c.AuthorName, c.RubricVersionID,
		string(comps), c.Status, string(answers), c.Recommendation, c.Notes, c.ElapsedMs, c.StartedAt, c.UpdatedAt, c.SubmittedAt,
		c.SHA256, c.SeenOthers, max(c.HashVersion, scoring.HashV1), c.Binding.CandidateUID, c.Binding.RoleUID, c.Binding.RoundUID)
	if err != nil {
		return 0, fmt.Errorf("storage: add scorecard: %w", err)
	}
	return id, nil
}

func nonNilAnswers(a map[string]scoring.Answer) map[string]scoring.Answer {
	if a == nil {
		return map[string]scoring.Answer{}
	}
	return a
}

// ScorecardRubric returns the exact rubric a card is scored with, limited
// to the competencies its round covered when it was started.
func scorecardRubric(ctx context.Context, q queryer, c scoring.Scorecard) (rubric.Rubric, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, sqlGetVersion, c.RubricVersionID))
	if err != nil {
		return rubric.Rubric{}, fmt.Errorf("storage: scorecard rubric: %w", err)
	}
	return v.Content.Subset(c.Competencies), nil
}

// ScorecardRubric is the rubric (subset) a scorecard is scored against.
func (s *Store) ScorecardRubric(ctx context.Context, c scoring.Scorecard) (rubric.Rubric, error) {
	return scorecardRubric(ctx, s.rd, c)
}

// UpdateScorecard changes a draft inside one write transaction: fn sees the
// current draft and the rubric it is scored with. A card submitted in the
// meantime is refused, so a late autosave can never alter a submitted card.
// When fn submits the card, the same transaction fixes the role's plan
// (freezePlan) if this is the role's first submission.
func (s *Store) UpdateScorecard(ctx context.Context, id int64, authorID int64, fn func(r rubric.Rubric, c *scoring.Scorecard) error) (scoring.Scorecard, error) {
	var c scoring.Scorecard
	err := s.write(ctx, func(tx queryer) error {
		var err error
		if c, err = getScorecard(ctx, tx, id); err != nil {
			return err
		}
		if c.AuthorID != authorID {
			return fmt.Errorf("scorecard %d belongs to %s; only its author can change it: %w", id, c.AuthorName, model.ErrConflict)
		}
		if c.Status == scoring.Submitted {
			return fmt.Errorf("this scorecard was submitted at %s and can no longer change; add an amendment instead: %w", c.SubmittedAt, model.ErrConflict)
		}
		r, err := scorecardRubric(ctx, tx, c)
		if err != nil {
			return err
		}
		if err := fn(r, &c); err != nil {
			return err
		}
		answers, err := json.Marshal(c.Answers)
		if err != nil {
			return err
		}
		c.UpdatedAt = s.now()
		if c.Status == scoring.Submitted {
			// Sealed with the current hash version, bound to whom and what it scores.
			c.SubmittedAt, c.HashVersion, c.Placed = c.UpdatedAt, scoring.HashVersion, true
			if c.Binding, err = bindingOf(ctx, tx, c); err != nil {
				return err
			}
			c.SHA256 = scoring.Hash(c)
			if err := freezePlan(ctx, tx, c.RoleID, c.UpdatedAt); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE scorecards SET answers = ?, recommendation = ?, notes = ?, cursor = ?, elapsed_ms = ?,
			status = ?, updated_at = ?, submitted_at = ?, sha256 = ?, seen_others = ?, hash_version = ?, candidate_uid = ?, role_uid = ?,
			round_uid = ? WHERE id = ?`,
			string(answers), c.Recommendation, c.Notes, c.Cursor, c.ElapsedMs, c.Status, c.UpdatedAt, c.SubmittedAt, c.SHA256, c.SeenOthers,
			c.HashVersion, c.Binding.CandidateUID, c.Binding.RoleUID, c.Binding.RoundUID, id)
		if err != nil {
			return fmt.Errorf("storage: save scorecard: %w", err)
		}
		return nil
	})
	return c, err
}

// AmendScorecard appends a revision to a submitted card. fn fills the
// revision from the current content and validates it.
func (s *Store) AmendScorecard(ctx context.Context, id int64, author model.Profile, fn func(r rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error) (scoring.Scorecard, error) {
	var c scoring.Scorecard
	err := s.write(ctx, func(tx queryer) error {
		var err error
		if c, err = getScorecard(ctx, tx, id); err != nil {
			return err
		}
		if c.Status != scoring.Submitted {
			return fmt.Errorf("only a submitted scorecard is amended; edit the draft instead: %w", model.ErrConflict)
		}
		if c.AuthorID != author.ID {
			return fmt.Errorf("only %s can amend their scorecard: %w", c.AuthorName, model.ErrConflict)
		}
		r, err := scorecardRubric(ctx, tx, c)
		if err != nil {
			return err
		}
		rev := scoring.Revision{Revision: len(c.Revisions) + 1, AuthorID: author.ID, AuthorName: author.Name, CreatedAt: s.now(),
			HashVersion: scoring.HashVersion, Placed: true}
		if rev.Binding, err = bindingOf(ctx, tx, c); err != nil {
			return err
		}
		if err := fn(r, c, &rev); err != nil {
			return err
		}
		prev := c.SHA256
		if n := len(c.Revisions); n > 0 {
			prev = c.Revisions[n-1].SHA256
		}
		rev.SHA256 = scoring.RevisionHash(c, rev, prev)
		answers, err := json.Marshal(rev.Answers)
		if err != nil {
			return err
		}
		if err := insertRevision(ctx, tx, id, rev, string(answers)); err != nil {
			return fmt.Errorf("storage: amend scorecard: %w", err)
		}
		c.Revisions = append(c.Revisions, rev)
		return nil
	})
	return c, err
}

// insertRevision appends one amendment row (also for bundle imports).
func insertRevision(ctx context.Context, tx queryer, scorecardID int64, r scoring.Revision, answers string) error {
	_, err := tx.ExecContext(ctx, sqlInsertRevision, scorecardID, r.Revision, answers, r.Recommendation, r.Notes, r.Reason, r.AuthorID,
		r.AuthorName, r.CreatedAt, r.SHA256, r.SeenOthers, max(r.HashVersion, scoring.HashV1), r.Binding.CandidateUID, r.Binding.RoleUID,
		r.Binding.RoundUID)
	return err
}

// Finding a card counts every card, also a colleague's draft the asker may
// not read (everyCard): a recruiter's bundle import then meets it as the
// draft it is ("local draft kept"), not as a new card that breaks its key.
var (
	sqlScorecardByUID = spell(func(d dialect) string { return `SELECT id FROM ` + d.everyCard() + ` WHERE uid = ?` })
	sqlFindScorecard  = spell(func(d dialect) string {
		return `SELECT id FROM ` + d.everyCard() + ` WHERE application_id = ? AND round_id = ? AND author_id = ?`
	})
)

// The order of an export: by role, candidate and round.
var sqlSubmittedScorecards = `SELECT ` + sqlScorecardColumns + sqlScorecardFrom + ` WHERE sc.status = 'submitted'
	AND (? = 0 OR sc.author_id = ?)
	ORDER BY ro.title COLLATE NOCASE, ro.id, c.name COLLATE NOCASE, c.id, ir.position, sc.id`

// SubmittedScorecards lists every submitted card with its amendments, or
// with authorID only that author's, by role, candidate and round.
func (t *Tx) SubmittedScorecards(authorID int64) ([]scoring.Scorecard, error) {
	out, err := scorecards(t.ctx, t.tx, sqlSubmittedScorecards, authorID, authorID)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Scorecard returns a card with its amendments.
func (t *Tx) Scorecard(id int64) (scoring.Scorecard, error) { return getScorecard(t.ctx, t.tx, id) }

// ScorecardByUID returns the card with this uid, or ErrNotFound.
func (t *Tx) ScorecardByUID(uid string) (scoring.Scorecard, error) {
	id, err := t.oneID("scorecard "+uid, sqlScorecardByUID.in(t.q), uid)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	return t.Scorecard(id)
}

// ScorecardOf returns an author's card for one candidate's round (there is
// at most one), or ErrNotFound.
func (t *Tx) ScorecardOf(applicationID, roundID, authorID int64) (scoring.Scorecard, error) {
	id, err := t.oneID("scorecard", sqlFindScorecard.in(t.q), applicationID, roundID, authorID)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	return t.Scorecard(id)
}

// InsertScorecard adds a card as given; a submitted one keeps the hash,
// times and seen-others mark it was signed with.
func (t *Tx) InsertScorecard(c scoring.Scorecard) (int64, error) {
	return insertScorecard(t.ctx, t.tx, c)
}

// InsertRevision appends an amendment as given, hash included.
func (t *Tx) InsertRevision(scorecardID int64, r scoring.Revision) error {
	answers, err := json.Marshal(nonNilAnswers(r.Answers))
	if err != nil {
		return err
	}
	if err := insertRevision(t.ctx, t.tx, scorecardID, r, string(answers)); err != nil {
		return fmt.Errorf("storage: add amendment: %w", err)
	}
	return nil
}

const sqlExposed = `SELECT EXISTS (SELECT 1 FROM card_exposures WHERE profile_id = ? AND candidate_id = ?)`

var (
	// Of the candidates in a JSON array, those not yet shown to a profile.
	sqlNotExposed = spell(func(d dialect) string {
		return `SELECT j.value FROM ` + d.jsonIDs("?") + ` j
		WHERE NOT EXISTS (SELECT 1 FROM card_exposures e WHERE e.profile_id = ? AND e.candidate_id = j.value)`
	})
	// WHERE true: SQLite would read ON CONFLICT as a join's ON.
	sqlInsertExposures = spell(func(d dialect) string {
		return `INSERT INTO card_exposures (profile_id, candidate_id, first_at)
		SELECT ?, j.value, ? FROM ` + d.jsonIDs("?") + ` j WHERE true ON CONFLICT DO NOTHING`
	})
)

// RecordExposures notes that other interviewers' submitted cards for these
// candidates were shown to a profile; the first time is kept. A role's
// debrief shows thousands at once: those not yet recorded are written in
// one statement and one transaction, and none when all were.
func (s *Store) RecordExposures(ctx context.Context, profileID int64, candidateIDs []int64) error {
	if profileID == 0 || len(candidateIDs) == 0 {
		return nil
	}
	ids, err := json.Marshal(candidateIDs)
	if err != nil {
		return err
	}
	fresh, err := column[int64](ctx, s.rd, sqlNotExposed.in(s.rd), string(ids), profileID)
	if err != nil || len(fresh) == 0 {
		return err
	}
	if ids, err = json.Marshal(fresh); err != nil {
		return err
	}
	return s.write(ctx, func(tx queryer) error {
		if _, err := tx.ExecContext(ctx, sqlInsertExposures.in(tx), profileID, s.now(), string(ids)); err != nil {
			return fmt.Errorf("storage: record exposure of profile %d: %w", profileID, err)
		}
		return nil
	})
}

// Exposed says whether other interviewers' cards for a candidate were ever
// shown to a profile.
func (s *Store) Exposed(ctx context.Context, profileID, candidateID int64) (bool, error) {
	var seen bool
	err := s.rd.QueryRowContext(ctx, sqlExposed,
		profileID, candidateID).Scan(&seen)
	if err != nil {
		return false, fmt.Errorf("storage: exposure: %w", err)
	}
	return seen, nil
}

// Schedules returns when each of a candidate's rounds is scheduled, keyed by application and round.
func (s *Store) Schedules(ctx context.Context, candidateID int64) (map[[2]int64]string, error) {
	out := map[[2]int64]string{}
	err := each(ctx, s.rd, `SELECT rs.application_id, rs.round_id, rs.scheduled_at FROM round_schedule rs
		JOIN applications a ON a.id = rs.application_id WHERE a.candidate_id = ?`, []any{candidateID}, func(sc scanner) error {
		var app, round int64
		var at string
		if err := sc.Scan(&app, &round, &at); err != nil {
			return err
		}
		out[[2]int64{app, round}] = at
		return nil
	})
	return out, err
}
