// Stores a candidate's notes: appending one, timestamped and signed by its author.

package storage

import (
	"context"
	"database/sql"
	"fmt"

	"hirebench/app/model"
)

const (
	sqlInsertNote = `INSERT INTO notes (candidate_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?)`
	sqlGetNote    = `SELECT id, candidate_id, coalesce(author_id, 0), author_name, body, created_at FROM notes WHERE id = ?`
)

// AddNote appends a timestamped note by actor to a candidate.
func (s *Store) AddNote(ctx context.Context, candidateID int64, body string, actor model.Profile) (model.Note, error) {
	var n model.Note
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := getCandidate(ctx, tx, candidateID); err != nil {
			return err
		}
		now := s.now()
		res, err := tx.ExecContext(ctx, sqlInsertNote, candidateID, actorID(actor), actor.Name, body, now)
		if err != nil {
			return fmt.Errorf("storage: add note: %w", err)
		}
		if _, err := tx.ExecContext(ctx, sqlTouchCandidate, now, candidateID); err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return tx.QueryRowContext(ctx, sqlGetNote, id).Scan(&n.ID, &n.CandidateID, &n.AuthorID, &n.AuthorName, &n.Body, &n.CreatedAt)
	})
	return n, err
}
