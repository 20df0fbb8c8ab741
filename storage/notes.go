// Stores a candidate's notes: appending one, timestamped and signed by its author.

package storage

import (
	"context"
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
	err := s.write(ctx, func(tx queryer) error {
		if _, err := getCandidate(ctx, tx, candidateID); err != nil {
			return err
		}
		now := s.now()
		id, err := insertNote(ctx, tx, candidateID, body, actor, now)
		if err != nil {
			return err
		}
		if err := touchCandidate(ctx, tx, candidateID, now); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, sqlGetNote, id).Scan(&n.ID, &n.CandidateID, &n.AuthorID, &n.AuthorName, &n.Body, &n.CreatedAt)
	})
	return n, err
}

// insertNote appends a note by actor to a candidate, written at now.
func insertNote(ctx context.Context, q queryer, candidateID int64, body string, actor model.Profile, now string) (int64, error) {
	id, err := insertID(ctx, q, sqlInsertNote, candidateID, actorID(actor), actor.Name, body, now)
	if err != nil {
		return 0, fmt.Errorf("storage: add note: %w", err)
	}
	return id, nil
}

// AddNote appends a note by actor to a candidate, written now. The
// candidate is not stamped updated (TouchCandidate).
func (t *Tx) AddNote(candidateID int64, body string, actor model.Profile) (int64, error) {
	return insertNote(t.ctx, t.q, candidateID, body, actor, t.now)
}
