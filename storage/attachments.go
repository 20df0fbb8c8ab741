// Stores candidates' attached files with their extracted text, and the file
// lookups a bundle transfer needs.

package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
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
	return s.addAttachment(ctx, candidateID, name, mime, data, text, false, model.Profile{})
}

// AddResumeAttachment is AddAttachment for a resume file: when the candidate
// has no resume text, in the same transaction, the file's text becomes it
// (a.ResumeFilled, a change to the record by actor) and is not kept a
// second time with the file, so it is searched, screened and sent once.
// Resume text already there is kept.
func (s *Store) AddResumeAttachment(ctx context.Context, candidateID int64, name, mime string, data []byte, text string, actor model.Profile) (model.Attachment, error) {
	return s.addAttachment(ctx, candidateID, name, mime, data, text, text != "", actor)
}

const sqlFillResumeText = `UPDATE candidates SET resume_text = ?, updated_at = ?, ` + sqlCountChange + ` WHERE id = ? AND resume_text = ''`

func (s *Store) addAttachment(ctx context.Context, candidateID int64, name, mime string, data []byte, text string, fill bool, actor model.Profile) (model.Attachment, error) {
	var a model.Attachment
	err := s.write(ctx, func(tx queryer) error {
		if _, err := getCandidate(ctx, tx, candidateID); err != nil {
			return err
		}
		now := s.now()
		filled, kept := false, text // text itself stays as given: the server may run this again (writeTx)
		if fill {
			res, err := tx.ExecContext(ctx, sqlFillResumeText, text, now, actor.Name, now, candidateID)
			if err != nil {
				return fmt.Errorf("storage: fill resume text: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if filled = n == 1; filled {
				kept = ""
			}
		}
		id, err := insertAttachment(ctx, tx, candidateID, name, mime, data, kept, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlTouchCandidate, now, candidateID); err != nil {
			return err
		}
		a, _, err = getAttachment(ctx, tx, id)
		a.ResumeFilled = filled
		return err
	})
	return a, err
}

func insertAttachment(ctx context.Context, tx queryer, candidateID int64, name, mime string, data []byte, text, at string) (int64, error) {
	id, err := insertID(ctx, tx, sqlInsertAttachment, candidateID, name, mime, len(data), data, text, at)
	if err != nil {
		return 0, fmt.Errorf("storage: save attachment: %w", err)
	}
	return id, nil
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
	return getAttachment(ctx, s.rd, id)
}

// DeleteAttachment removes a file (its text leaves the search index too).
func (s *Store) DeleteAttachment(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx queryer) error {
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

var sqlResumeText = spell(func(d dialect) string {
	return `SELECT c.resume_text || ` + d.char("10") + ` || coalesce((SELECT ` + d.groupConcat("extracted_text", "10") + `
		FROM attachments WHERE candidate_id = c.id AND extracted_text <> ''), '') FROM candidates c WHERE c.id = ?`
})

// ResumeText is everything a candidate's resume says: the pasted text and
// the text extracted from attached files, one after another.
func (s *Store) ResumeText(ctx context.Context, candidateID int64) (string, error) {
	var text string
	err := s.rd.QueryRowContext(ctx, sqlResumeText.in(s.rd), candidateID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("candidate", candidateID)
	}
	return text, err
}

const (
	sqlAttachmentFiles = `SELECT id, candidate_id, file_name, mime_type, extracted_text, created_at, data FROM attachments
		WHERE candidate_id = ? ORDER BY created_at, id`
	sqlAttachmentsSized = `SELECT data FROM attachments WHERE candidate_id = ? AND size = ?`
)

// AttachmentFile is a stored file described by its bytes: Size is their
// length and SHA256 their hash; Text is what was extracted from them.
type AttachmentFile struct {
	model.Attachment
	Text   string
	SHA256 string
}

func fileSHA256(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// AttachmentFiles lists a candidate's files, oldest first. Their bytes are
// read to be hashed, not kept: AttachmentData returns them.
func (t *Tx) AttachmentFiles(candidateID int64) ([]AttachmentFile, error) {
	out := []AttachmentFile{}
	err := each(t.ctx, t.tx, sqlAttachmentFiles, []any{candidateID}, func(sc scanner) error {
		var f AttachmentFile
		var data []byte
		if err := sc.Scan(&f.ID, &f.CandidateID, &f.FileName, &f.MimeType, &f.Text, &f.CreatedAt, &data); err != nil {
			return err
		}
		f.Size, f.SHA256, f.HasText = int64(len(data)), fileSHA256(data), f.Text != ""
		out = append(out, f)
		return nil
	})
	return out, err
}

// AttachmentData returns a file's bytes.
func (t *Tx) AttachmentData(id int64) ([]byte, error) {
	_, data, err := getAttachment(t.ctx, t.tx, id)
	return data, err
}

// HasAttachment says whether a candidate already holds a file with these
// bytes (by size, then SHA-256).
func (t *Tx) HasAttachment(candidateID, size int64, sum string) (bool, error) {
	found := false
	err := each(t.ctx, t.tx, sqlAttachmentsSized, []any{candidateID, size}, func(sc scanner) error {
		var data []byte
		if err := sc.Scan(&data); err != nil {
			return err
		}
		found = found || fileSHA256(data) == sum
		return nil
	})
	return found, err
}

// InsertAttachment adds a file to a candidate as given, creation time included.
func (t *Tx) InsertAttachment(candidateID int64, name, mime string, data []byte, text, createdAt string) error {
	_, err := insertAttachment(t.ctx, t.tx, candidateID, name, mime, data, text, createdAt)
	return err
}
