// The AI second rater's suggestions: a model's level for one question of
// one scorecard, kept beside the interviewer's level at the time, with the
// fragments of the notes it rested on (personal data: erased with the
// candidate, candidateData). Whether a suggestion may be asked for, and
// what agreement they show, is the assist service's to decide.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// AIFragment is a passage of the interviewer's notes: the notes' own words
// at Start:End (byte offsets).
type AIFragment struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// AIRating is one suggested level. CandidateID, RoleID, RubricID and
// AuthorID (the interviewer who wrote the card) are read from the card.
type AIRating struct {
	ID              int64        `json:"id"`
	ScorecardID     int64        `json:"scorecardId"`
	QuestionID      string       `json:"questionId"`
	RubricVersionID int64        `json:"rubricVersionId"`
	CallID          int64        `json:"callId"` // the ledger row; 0 when none
	Model           string       `json:"model"`
	PromptVersion   string       `json:"promptVersion"`
	SuggestedLevel  int          `json:"suggestedLevel"`
	HumanLevel      int          `json:"humanLevel"`
	Fragments       []AIFragment `json:"fragments"`
	Dropped         int          `json:"dropped"`
	At              string       `json:"at"`
	CandidateID     int64        `json:"candidateId"`
	RoleID          int64        `json:"roleId"`
	RubricID        int64        `json:"rubricId"`
	AuthorID        int64        `json:"authorId"`
	// CandidateUID, when adding, is the candidate's AIMark when the call
	// began: if they were erased, anonymised or replaced since, the
	// suggestion (fragments of notes about them) is not kept.
	CandidateUID string `json:"-"`
}

// AIRatingFilter picks suggestions: zero or "" fields match everything.
type AIRatingFilter struct {
	RoleID, RubricID int64
	Model            string
}

const (
	sqlInsertAIRating = `INSERT INTO ai_ratings (scorecard_id, question_id, rubric_version_id, call_id, model, prompt_version,
		suggested_level, human_level, fragments, dropped, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlScorecardCandidate = `SELECT a.candidate_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id WHERE sc.id = ?`
	sqlAIRatingsSelect    = `SELECT r.id, r.scorecard_id, r.question_id, r.rubric_version_id, coalesce(r.call_id, 0), r.model,
		r.prompt_version, r.suggested_level, r.human_level, r.fragments, r.dropped, r.at,
		a.candidate_id, a.role_id, rv.rubric_id, sc.author_id
		FROM ai_ratings r JOIN scorecards sc ON sc.id = r.scorecard_id JOIN applications a ON a.id = sc.application_id
		JOIN rubric_versions rv ON rv.id = r.rubric_version_id`
	sqlAIRatingsOfCard = sqlAIRatingsSelect + ` WHERE r.scorecard_id = ? ORDER BY r.at, r.id`
	sqlAIRatingsWhere  = sqlAIRatingsSelect + ` WHERE (?1 = 0 OR a.role_id = ?1) AND (?2 = 0 OR rv.rubric_id = ?2)
		AND (?3 = '' OR r.model = ?3) ORDER BY r.at, r.id`
)

// AddAIRating keeps a suggestion (At "" stamps the store's now) and returns
// it as stored. A card that is not there (erased meanwhile) is not found;
// a candidate anonymised, or no longer the one marked, since the call
// began is ErrAIGone; either way nothing is written.
func (s *Store) AddAIRating(ctx context.Context, r AIRating) (AIRating, error) {
	at := s.now()
	if r.At != "" {
		var err error
		if at, err = model.ParseTime(r.At); err != nil {
			return AIRating{}, model.Invalid("at", "the time of an AI rating must be RFC 3339, not %q", r.At)
		}
	}
	if r.Fragments == nil {
		r.Fragments = []AIFragment{}
	}
	frags, err := json.Marshal(r.Fragments)
	if err != nil {
		return AIRating{}, err
	}
	var callID any // NULL: no ledger row
	if r.CallID > 0 {
		callID = r.CallID
	}
	var id int64
	err = s.write(ctx, func(tx queryer) error {
		var candidateID int64
		err := tx.QueryRowContext(ctx, sqlScorecardCandidate, r.ScorecardID).Scan(&candidateID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("scorecard", r.ScorecardID)
		}
		if err != nil {
			return fmt.Errorf("storage: find scorecard %d: %w", r.ScorecardID, err)
		}
		if err := sameAIMark(ctx, tx, candidateID, r.CandidateUID); err != nil {
			return err
		}
		id, err = insertID(ctx, tx, sqlInsertAIRating, r.ScorecardID, r.QuestionID, r.RubricVersionID, callID, r.Model,
			r.PromptVersion, r.SuggestedLevel, r.HumanLevel, string(frags), r.Dropped, at)
		if err != nil {
			return fmt.Errorf("storage: keep the AI rating of scorecard %d: %w", r.ScorecardID, err)
		}
		return nil
	})
	if err != nil {
		return AIRating{}, err
	}
	list, err := s.aiRatings(ctx, sqlAIRatingsOfCard, r.ScorecardID)
	for _, got := range list {
		if got.ID == id {
			return got, nil
		}
	}
	if err == nil {
		err = notFound("AI rating", id) // erased between the write and the read
	}
	return AIRating{}, err
}

// AIRatingsOfCard lists a scorecard's suggestions, oldest first.
func (s *Store) AIRatingsOfCard(ctx context.Context, scorecardID int64) ([]AIRating, error) {
	return s.aiRatings(ctx, sqlAIRatingsOfCard, scorecardID)
}

// AIRatings lists the suggestions f picks, oldest first.
func (s *Store) AIRatings(ctx context.Context, f AIRatingFilter) ([]AIRating, error) {
	return s.aiRatings(ctx, sqlAIRatingsWhere, f.RoleID, f.RubricID, f.Model)
}

func (s *Store) aiRatings(ctx context.Context, query string, args ...any) ([]AIRating, error) {
	out := []AIRating{}
	err := each(ctx, s.rd, query, args, func(sc scanner) error {
		var r AIRating
		var frags string
		if err := sc.Scan(&r.ID, &r.ScorecardID, &r.QuestionID, &r.RubricVersionID, &r.CallID, &r.Model, &r.PromptVersion,
			&r.SuggestedLevel, &r.HumanLevel, &frags, &r.Dropped, &r.At, &r.CandidateID, &r.RoleID, &r.RubricID, &r.AuthorID); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(frags), &r.Fragments); err != nil {
			return errors.New("the fragments of an AI rating cannot be read")
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read AI ratings: %w", err)
	}
	return out, nil
}
