// Stores rubrics and their versions (an edit to a used rubric becomes a new one):
// creating, saving, archiving, deleting, and the built-in rubric.

package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// What uses a rubric counts every card, readable or not (everyCard).
var (
	sqlListRubrics = spell(func(d dialect) string {
		return `SELECT r.id, r.name, r.builtin, r.archived_at, r.updated_at, v.version, v.content,
		(SELECT count(*) FROM ` + d.everyCard() + ` sc JOIN rubric_versions rv ON rv.id = sc.rubric_version_id WHERE rv.rubric_id = r.id)
		FROM rubrics r JOIN rubric_versions v ON v.rubric_id = r.id
		AND v.version = (SELECT max(version) FROM rubric_versions WHERE rubric_id = r.id)
		ORDER BY r.archived_at != '', r.builtin DESC, r.name COLLATE NOCASE, r.id`
	})
	// A second screen counts once per application; the first screen's
	// revisions are already counted by its resume_screens row.
	sqlVersionInUse = spell(func(d dialect) string {
		return `SELECT (SELECT count(*) FROM ` + d.everyCard() + ` WHERE rubric_version_id = ?)
		+ (SELECT count(*) FROM resume_screens WHERE rubric_version_id = ?)
		+ (SELECT count(DISTINCT application_id) FROM screen_revisions WHERE rubric_version_id = ? AND slot = 2)`
	})
	sqlRubricInUse = spell(func(d dialect) string {
		return `SELECT (SELECT count(*) FROM ` + d.everyCard() + ` sc JOIN rubric_versions v ON v.id = sc.rubric_version_id WHERE v.rubric_id = ?)
		+ (SELECT count(*) FROM resume_screens rs JOIN rubric_versions v ON v.id = rs.rubric_version_id WHERE v.rubric_id = ?)
		+ (SELECT count(DISTINCT sr.application_id) FROM screen_revisions sr JOIN rubric_versions v ON v.id = sr.rubric_version_id
			WHERE v.rubric_id = ? AND sr.slot = 2)
		+ (SELECT count(*) FROM interview_rounds WHERE rubric_id = ?)`
	})
)

const (
	sqlVersionColumns = `v.id, v.rubric_id, v.version, r.builtin, r.archived_at, v.sha256, v.created_at, v.content`
	sqlLatestVersion  = `SELECT ` + sqlVersionColumns + ` FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id
		WHERE v.rubric_id = ? ORDER BY v.version DESC LIMIT 1`
	sqlGetVersion    = `SELECT ` + sqlVersionColumns + ` FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE v.id = ?`
	sqlInsertRubric  = `INSERT INTO rubrics (name, builtin, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`
	sqlRenameRubric  = `UPDATE rubrics SET name = ?, updated_at = ? WHERE id = ?`
	sqlInsertVersion = `INSERT INTO rubric_versions (rubric_id, version, content, sha256, author_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`
	sqlBuiltinRubric = `SELECT id FROM rubrics WHERE builtin = 1`
)

// EncodeRubric is the stored form of a version and what its SHA-256 covers.
func EncodeRubric(r rubric.Rubric) (content, sum string, err error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", "", fmt.Errorf("storage: encode rubric: %w", err)
	}
	h := sha256.Sum256(b)
	return string(b), hex.EncodeToString(h[:]), nil
}

func scanVersion(row scanner) (rubric.Version, error) {
	var v rubric.Version
	var content string
	if err := row.Scan(&v.ID, &v.RubricID, &v.Version, &v.Builtin, &v.ArchivedAt, &v.SHA256, &v.CreatedAt, &content); err != nil {
		return v, err
	}
	if err := json.Unmarshal([]byte(content), &v.Content); err != nil {
		return v, fmt.Errorf("storage: rubric version %d is unreadable: %w", v.ID, err)
	}
	return v, nil
}

// ListRubrics returns every rubric with counts from its latest version.
func (s *Store) ListRubrics(ctx context.Context) ([]rubric.Summary, error) {
	out := []rubric.Summary{}
	err := s.read(ctx, func(tx queryer) error {
		return each(ctx, tx, sqlListRubrics.in(tx), nil, func(sc scanner) error {
			var r rubric.Summary
			var content string
			if err := sc.Scan(&r.ID, &r.Name, &r.Builtin, &r.ArchivedAt, &r.UpdatedAt, &r.LatestVersion, &content, &r.InUse); err != nil {
				return err
			}
			var c rubric.Rubric
			if err := json.Unmarshal([]byte(content), &c); err != nil {
				return err
			}
			r.Competencies = len(c.Competencies)
			for _, comp := range c.Competencies {
				r.Questions += len(comp.Questions)
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// LatestRubric returns a rubric's newest version.
func (s *Store) LatestRubric(ctx context.Context, rubricID int64) (rubric.Version, error) {
	var v rubric.Version
	err := s.read(ctx, func(tx queryer) error {
		var err error
		v, err = latestVersion(ctx, tx, rubricID)
		return err
	})
	return v, err
}

func latestVersion(ctx context.Context, q queryer, rubricID int64) (rubric.Version, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, sqlLatestVersion, rubricID))
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound("rubric", rubricID)
	}
	return v, err
}

// RubricVersion returns one exact version, as a scorecard was scored with.
func (s *Store) RubricVersion(ctx context.Context, versionID int64) (rubric.Version, error) {
	v, err := scanVersion(s.rd.QueryRowContext(ctx, sqlGetVersion, versionID))
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound("rubric version", versionID)
	}
	return v, err
}

// CreateRubric stores a validated rubric as version 1.
func (s *Store) CreateRubric(ctx context.Context, r rubric.Rubric, builtin bool, actor model.Profile) (rubric.Version, error) {
	return s.createRubric(ctx, r, builtin, actor, false)
}

// CreateRubricFromDraft publishes the actor's new rubric: it stores it as
// version 1 and deletes their draft of a new rubric in the same transaction.
func (s *Store) CreateRubricFromDraft(ctx context.Context, r rubric.Rubric, actor model.Profile) (rubric.Version, error) {
	return s.createRubric(ctx, r, false, actor, true)
}

func (s *Store) createRubric(ctx context.Context, r rubric.Rubric, builtin bool, actor model.Profile, published bool) (rubric.Version, error) {
	var v rubric.Version
	err := s.write(ctx, func(tx queryer) error {
		now := s.now()
		id, err := insertID(ctx, tx, sqlInsertRubric, r.Name, builtin, "", now, now)
		if err != nil {
			return fmt.Errorf("storage: create rubric: %w", err)
		}
		if err := insertVersion(ctx, tx, id, 1, r, actor, now); err != nil {
			return err
		}
		if published {
			if err := deleteDraft(ctx, tx, 0, actor.ID); err != nil {
				return err
			}
		}
		v, err = latestVersion(ctx, tx, id)
		return err
	})
	return v, err
}

func insertVersion(ctx context.Context, tx queryer, rubricID int64, version int, r rubric.Rubric, actor model.Profile, now string) error {
	content, sum, err := EncodeRubric(r)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, sqlInsertVersion, rubricID, version, content, sum, actorID(actor), now); err != nil {
		return fmt.Errorf("storage: save rubric version: %w", err)
	}
	return nil
}

// SaveRubric stores an edit. A version nothing was scored with yet is
// replaced in place; once a scorecard or screen uses it, the edit becomes a
// new version so every old scorecard keeps the exact text it was scored
// against. The built-in template is read-only unless builtinUpgrade is set
// (a newer app shipping a newer template). Saving publishes: the actor's
// draft of the rubric goes in the same transaction.
func (s *Store) SaveRubric(ctx context.Context, rubricID int64, r rubric.Rubric, actor model.Profile, builtinUpgrade bool) (rubric.Version, error) {
	var v rubric.Version
	err := s.write(ctx, func(tx queryer) error {
		cur, err := latestVersion(ctx, tx, rubricID)
		if err != nil {
			return err
		}
		if cur.Builtin && !builtinUpgrade {
			return fmt.Errorf("the built-in rubric is read-only; duplicate it to edit: %w", model.ErrConflict)
		}
		if cur.ArchivedAt != "" {
			return fmt.Errorf("rubric %q is archived; restore it to edit: %w", cur.Content.Name, model.ErrConflict)
		}
		content, sum, err := EncodeRubric(r)
		if err != nil {
			return err
		}
		if err := deleteDraft(ctx, tx, rubricID, actor.ID); err != nil {
			return err
		}
		if sum == cur.SHA256 {
			v = cur
			return nil
		}
		var used int
		if err := tx.QueryRowContext(ctx, sqlVersionInUse.in(tx), cur.ID, cur.ID, cur.ID).Scan(&used); err != nil {
			return fmt.Errorf("storage: rubric in use: %w", err)
		}
		now := s.now()
		if used == 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE rubric_versions SET content = ?, sha256 = ?, author_id = ?, created_at = ? WHERE id = ?`,
				content, sum, actorID(actor), now, cur.ID); err != nil {
				return fmt.Errorf("storage: update rubric: %w", err)
			}
		} else if err := insertVersion(ctx, tx, rubricID, cur.Version+1, r, actor, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlRenameRubric, r.Name, now, rubricID); err != nil {
			return fmt.Errorf("storage: update rubric: %w", err)
		}
		v, err = latestVersion(ctx, tx, rubricID)
		return err
	})
	return v, err
}

// SetRubricArchived archives or restores a rubric. Archived rubrics stay
// readable for the scorecards that used them but cannot be picked for rounds.
func (s *Store) SetRubricArchived(ctx context.Context, rubricID int64, archived bool) error {
	return s.write(ctx, func(tx queryer) error {
		cur, err := latestVersion(ctx, tx, rubricID)
		if err != nil {
			return err
		}
		if cur.Builtin {
			return fmt.Errorf("the built-in rubric cannot be archived: %w", model.ErrConflict)
		}
		at := ""
		if archived {
			at = s.now()
		}
		_, err = tx.ExecContext(ctx, `UPDATE rubrics SET archived_at = ? WHERE id = ?`, at, rubricID)
		return err
	})
}

// DeleteRubric removes a rubric nothing refers to; one in use is refused
// with a message pointing to archive instead.
func (s *Store) DeleteRubric(ctx context.Context, rubricID int64) error {
	return s.write(ctx, func(tx queryer) error {
		cur, err := latestVersion(ctx, tx, rubricID)
		if err != nil {
			return err
		}
		if cur.Builtin {
			return fmt.Errorf("the built-in rubric cannot be deleted: %w", model.ErrConflict)
		}
		var used int
		if err := tx.QueryRowContext(ctx, sqlRubricInUse.in(tx), rubricID, rubricID, rubricID, rubricID).Scan(&used); err != nil {
			return fmt.Errorf("storage: rubric in use: %w", err)
		}
		if used > 0 {
			return fmt.Errorf("rubric %q is used by interview rounds or scorecards; archive it instead: %w", cur.Content.Name, model.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM rubric_versions WHERE rubric_id = ?`, rubricID); err != nil {
			return fmt.Errorf("storage: delete rubric: %w", err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM rubrics WHERE id = ?`, rubricID)
		return err
	})
}

// BuiltinRubricID returns the built-in template's id, or ErrNotFound before it is installed.
func (s *Store) BuiltinRubricID(ctx context.Context) (int64, error) {
	var id int64
	err := s.rd.QueryRowContext(ctx, sqlBuiltinRubric).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("built-in rubric: %w", model.ErrNotFound)
	}
	return id, err
}

const (
	sqlRubricRow       = `SELECT id, name, builtin, archived_at, created_at, updated_at FROM rubrics`
	sqlRubricIDs       = `SELECT id FROM rubrics ORDER BY id`
	sqlRubricsWithHash = sqlRubricRow + ` WHERE id IN (SELECT rubric_id FROM rubric_versions WHERE sha256 = ?) ORDER BY id`
	sqlRubricsNamed    = sqlRubricRow + ` WHERE name = ? COLLATE NOCASE ORDER BY id`
	sqlRubricVersions  = `SELECT id, rubric_id, version, sha256, created_at, content FROM rubric_versions
		WHERE rubric_id = ? ORDER BY version`
	sqlVersionAsStored = `SELECT rubric_id, content, sha256, author_id FROM rubric_versions WHERE id = ?`
)

// StoredRubric is a rubric's own row; what it says lives in its versions.
type StoredRubric struct {
	ID         int64
	Name       string
	Builtin    bool
	ArchivedAt string
	CreatedAt  string
	UpdatedAt  string
}

// StoredVersion is a rubric version as stored: Content is the exact JSON
// its SHA256 covers, never re-encoded.
type StoredVersion struct {
	ID        int64
	RubricID  int64
	Version   int
	SHA256    string
	CreatedAt string
	Content   string
}

func (t *Tx) rubrics(query string, args ...any) ([]StoredRubric, error) {
	out := []StoredRubric{}
	err := each(t.ctx, t.tx, query, args, func(sc scanner) error {
		var r StoredRubric
		err := sc.Scan(&r.ID, &r.Name, &r.Builtin, &r.ArchivedAt, &r.CreatedAt, &r.UpdatedAt)
		out = append(out, r)
		return err
	})
	return out, err
}

// RubricIDs lists every rubric, oldest first.
func (t *Tx) RubricIDs() ([]int64, error) { return t.ids(sqlRubricIDs) }

// Rubric returns a rubric's own row.
func (t *Tx) Rubric(id int64) (StoredRubric, error) {
	list, err := t.rubrics(sqlRubricRow+` WHERE id = ?`, id)
	if err != nil {
		return StoredRubric{}, err
	}
	if len(list) == 0 {
		return StoredRubric{}, notFound("rubric", id)
	}
	return list[0], nil
}

// BuiltinRubricID returns the built-in rubric's id, or ErrNotFound.
func (t *Tx) BuiltinRubricID() (int64, error) { return t.oneID("built-in rubric", sqlBuiltinRubric) }

// RubricsWithVersion lists the rubrics holding a version with this hash, oldest first.
func (t *Tx) RubricsWithVersion(sum string) ([]StoredRubric, error) {
	return t.rubrics(sqlRubricsWithHash, sum)
}

// RubricsNamed lists the rubrics with this name (case-insensitive), oldest first.
func (t *Tx) RubricsNamed(name string) ([]StoredRubric, error) {
	return t.rubrics(sqlRubricsNamed, name)
}

// RubricVersions lists a rubric's versions, oldest first.
func (t *Tx) RubricVersions(rubricID int64) ([]StoredVersion, error) {
	out := []StoredVersion{}
	err := each(t.ctx, t.tx, sqlRubricVersions, []any{rubricID}, func(sc scanner) error {
		var v StoredVersion
		err := sc.Scan(&v.ID, &v.RubricID, &v.Version, &v.SHA256, &v.CreatedAt, &v.Content)
		out = append(out, v)
		return err
	})
	return out, err
}

// RubricVersion returns one exact version (a drill's), or ErrNotFound.
func (t *Tx) RubricVersion(versionID int64) (rubric.Version, error) {
	v, err := scanVersion(t.q.QueryRowContext(t.ctx, sqlGetVersion, versionID))
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound("rubric version", versionID)
	}
	return v, err
}

// LatestRubric returns a rubric's newest version.
func (t *Tx) LatestRubric(rubricID int64) (rubric.Version, error) {
	return latestVersion(t.ctx, t.tx, rubricID)
}

// InsertRubric adds a rubric row as given (its versions come separately).
func (t *Tx) InsertRubric(r StoredRubric) (int64, error) {
	return t.insert("add rubric", sqlInsertRubric, r.Name, r.Builtin, r.ArchivedAt, r.CreatedAt, r.UpdatedAt)
}

// InsertVersion adds a version with its content and hash as given and no
// local author (it was written elsewhere).
func (t *Tx) InsertVersion(v StoredVersion) error {
	err := t.exec("add rubric version", sqlInsertVersion, v.RubricID, v.Version, v.Content, v.SHA256, nil, v.CreatedAt)
	return err
}

// CopyVersion appends an existing version again as number version of its
// rubric (same content, hash and author, created now), making it the latest.
func (t *Tx) CopyVersion(versionID int64, version int) error {
	var rubricID int64
	var content, sum string
	var author sql.NullInt64
	err := t.tx.QueryRowContext(t.ctx, sqlVersionAsStored, versionID).Scan(&rubricID, &content, &sum, &author)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("rubric version", versionID)
	}
	if err != nil {
		return fmt.Errorf("storage: copy rubric version: %w", err)
	}
	err = t.exec("copy rubric version", sqlInsertVersion, rubricID, version, content, sum, author, t.now)
	return err
}

// RenameRubric sets a rubric's name (its latest version's).
func (t *Tx) RenameRubric(id int64, name string) error {
	if _, err := t.tx.ExecContext(t.ctx, sqlRenameRubric, name, t.now, id); err != nil {
		return fmt.Errorf("storage: rename rubric: %w", err)
	}
	return nil
}
