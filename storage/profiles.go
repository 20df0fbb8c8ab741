// Stores local profiles and their passphrase hashes, and the workspace's key-value
// settings.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
)

const (
	sqlProfileColumns = `id, name, is_recruiter, created_at, passphrase_hash != ''`
	// sqlProfileColumnsP is sqlProfileColumns for a join where profiles is "p".
	sqlProfileColumnsP = `p.id, p.name, p.is_recruiter, p.created_at, p.passphrase_hash != ''`
	sqlListProfiles    = `SELECT ` + sqlProfileColumns + ` FROM profiles ORDER BY name COLLATE NOCASE`
	sqlGetProfile      = `SELECT ` + sqlProfileColumns + ` FROM profiles WHERE id = ?`
	sqlInsertProfile   = `INSERT INTO profiles (name, is_recruiter, created_at) VALUES (?, ?, ?)`
	sqlProfileByName   = `SELECT id FROM profiles WHERE name = ? COLLATE NOCASE`
)

func scanProfile(row interface{ Scan(...any) error }) (model.Profile, error) {
	var p model.Profile
	err := row.Scan(&p.ID, &p.Name, &p.IsRecruiter, &p.CreatedAt, &p.Protected)
	return p, err
}

// ListProfiles returns every local profile by name.
func (s *Store) ListProfiles(ctx context.Context) ([]model.Profile, error) {
	rows, err := s.rd.QueryContext(ctx, sqlListProfiles)
	if err != nil {
		return nil, fmt.Errorf("storage: list profiles: %w", err)
	}
	defer rows.Close()
	out := []model.Profile{}
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, fmt.Errorf("storage: scan profile: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// GetProfile returns one profile or ErrNotFound.
func (s *Store) GetProfile(ctx context.Context, id int64) (model.Profile, error) {
	return getProfile(ctx, s.rd, id)
}

func getProfile(ctx context.Context, q queryer, id int64) (model.Profile, error) {
	p, err := scanProfile(q.QueryRowContext(ctx, sqlGetProfile, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("profile", id)
	}
	if err != nil {
		return p, fmt.Errorf("storage: get profile: %w", err)
	}
	return p, nil
}

// CreateProfile adds a profile; a name already taken (case-insensitive) is a conflict.
func (s *Store) CreateProfile(ctx context.Context, name string, recruiter bool) (model.Profile, error) {
	var p model.Profile
	err := s.write(ctx, func(tx queryer) error {
		id, err := insertID(ctx, tx, sqlInsertProfile, name, recruiter, s.now())
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("profile %q already exists: %w", name, model.ErrConflict)
			}
			return fmt.Errorf("storage: create profile: %w", err)
		}
		p, err = getProfile(ctx, tx, id)
		return err
	})
	return p, err
}

// Profile returns one profile or ErrNotFound.
func (t *Tx) Profile(id int64) (model.Profile, error) { return getProfile(t.ctx, t.tx, id) }

// ProfileNamed returns the id of the profile with this name
// (case-insensitive, as names are unique), or ErrNotFound.
func (t *Tx) ProfileNamed(name string) (int64, error) {
	return t.oneID("profile", sqlProfileByName, name)
}

// InsertProfile adds an interviewer's profile (not the recruiter's).
func (t *Tx) InsertProfile(name string) (int64, error) {
	return t.insert("add profile", sqlInsertProfile, name, false, t.now)
}

// PassphraseHash returns a profile's stored passphrase hash ("" when none).
func (s *Store) PassphraseHash(ctx context.Context, id int64) (string, error) {
	var h string
	err := s.rd.QueryRowContext(ctx, `SELECT passphrase_hash FROM profiles WHERE id = ?`, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("profile", id)
	}
	if err != nil {
		return "", fmt.Errorf("storage: read passphrase: %w", err)
	}
	return h, nil
}

// SetPassphraseHash stores (or, with "", removes) a profile's passphrase hash.
func (s *Store) SetPassphraseHash(ctx context.Context, id int64, hash string) error {
	return s.write(ctx, func(tx queryer) error {
		res, err := tx.ExecContext(ctx, `UPDATE profiles SET passphrase_hash = ? WHERE id = ?`, hash, id)
		if err != nil {
			return fmt.Errorf("storage: set passphrase: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("profile", id)
		}
		return nil
	})
}

const (
	sqlGetSetting = `SELECT value FROM settings WHERE key = ?`
	sqlPutSetting = `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`
)

// Setting returns a workspace setting, or "" when unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.rd.QueryRowContext(ctx, sqlGetSetting, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("storage: read setting: %w", err)
	}
	return v, nil
}

// PutSetting stores a workspace setting.
func (s *Store) PutSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx queryer) error {
		if _, err := tx.ExecContext(ctx, sqlPutSetting, key, value); err != nil {
			return fmt.Errorf("storage: write setting: %w", err)
		}
		return nil
	})
}

func isUniqueViolation(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "UNIQUE constraint failed") || isPgUnique(err))
}
