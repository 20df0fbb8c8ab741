package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hirebench/app/model"
)

const (
	sqlInsertAttachment = `INSERT INTO attachments (candidate_id, file_name, mime_type, size, data, extracted_text, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
	sqlGetAttachment = `SELECT id, candidate_id, file_name, mime_type, size, extracted_text <> '', created_at, data
		FROM attachments WHERE id = ?`
	sqlDeleteAttachment = `DELETE FROM attachments WHERE id = ?`
)

// AddAttachment stores a file in the workspace with the text extracted from
// it (which the search index picks up).
func (s *Store) AddAttachment(ctx context.Context, candidateID int64, name, mime string, data []byte, text string) (model.Attachment, error) {
	var a model.Attachment
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := getCandidate(ctx, tx, candidateID); err != nil {
			return err
		}
		now := s.now()
		res, err := tx.ExecContext(ctx, sqlInsertAttachment, candidateID, name, mime, len(data), data, text, now)
		if err != nil {
			return fmt.Errorf("storage: save attachment: %w", err)
		}
		if _, err := tx.ExecContext(ctx, sqlTouchCandidate, now, candidateID); err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		a, _, err = getAttachment(ctx, tx, id)
		return err
	})
	return a, err
}

func getAttachment(ctx context.Context, q queryer, id int64) (model.Attachment, []byte, error) {
	var a model.Attachment
	var data []byte
	err := q.QueryRowContext(ctx, sqlGetAttachment, id).Scan(&a.ID, &a.CandidateID, &a.FileName, &a.MimeType,
		&a.Size, &a.HasText, &a.CreatedAt, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil, notFound("attachment", id)
	}
	if err != nil {
		return a, nil, fmt.Errorf("storage: get attachment: %w", err)
	}
	return a, data, nil
}

// Attachment returns a file's metadata and bytes.
func (s *Store) Attachment(ctx context.Context, id int64) (model.Attachment, []byte, error) {
	return getAttachment(ctx, s.r, id)
}

// DeleteAttachment removes a file (its text leaves the search index too).
func (s *Store) DeleteAttachment(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		a, _, err := getAttachment(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlDeleteAttachment, id); err != nil {
			return fmt.Errorf("storage: delete attachment: %w", err)
		}
		_, err = tx.ExecContext(ctx, sqlTouchCandidate, s.now(), a.CandidateID)
		return err
	})
}

// ResumeText is everything a candidate's resume says: the pasted text and
// the text extracted from attached files, one after another.
func (s *Store) ResumeText(ctx context.Context, candidateID int64) (string, error) {
	var text string
	err := s.r.QueryRowContext(ctx, `SELECT c.resume_text || char(10) || coalesce((SELECT group_concat(extracted_text, char(10))
		FROM attachments WHERE candidate_id = c.id AND extracted_text <> ''), '') FROM candidates c WHERE c.id = ?`, candidateID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("candidate", candidateID)
	}
	return text, err
}
