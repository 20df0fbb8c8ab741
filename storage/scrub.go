// Clearing the free space older builds left behind. The writer zeroes what
// it frees (secure_delete, store.go), but a workspace written before that
// still holds old versions of cells (a resume autosaved while typed, a name
// corrected), freed search segments and dropped tables (migration 0007's old
// search index) in its free pages and freeblocks, and an erasure cannot pick
// a person's bytes out of them. So the first erasure rewrites the whole file
// once (VACUUM) and records it in the workspace, and later ones need not.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// settingScrubbed is when the workspace's free space was last cleared; it
// lives in the workspace, so a restored older copy is cleared again.
const settingScrubbed = "privacy.scrubbed_at"

// ErrNotScrubbed: the erasure is saved, but the one rewrite that clears
// free space older builds left failed; the next erasure tries again.
var ErrNotScrubbed = errors.New("the erasure is saved, but the workspace could not be rewritten to clear space older versions of hirebench left behind, which may still hold old text (is the disk full?); it is tried again at the next erasure")

// scrubOnce rewrites the database with VACUUM unless that was done before,
// outside any transaction (VACUUM cannot run in one), after the erasure
// committed so the rewrite copies nothing of the people erased. The WAL
// holds the rewritten pages until the caller truncates it.
func (s *Store) scrubOnce(ctx context.Context, conn *sql.Conn) error {
	var at string
	err := conn.QueryRowContext(ctx, sqlGetSetting, settingScrubbed).Scan(&at)
	switch {
	case err == nil && at != "":
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%w: %w", ErrNotScrubbed, err)
	}
	if _, err := conn.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("%w: %w", ErrNotScrubbed, err)
	}
	tx, err := beginWrite(ctx, conn)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotScrubbed, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, sqlPutSetting, settingScrubbed, s.now()); err != nil {
		return fmt.Errorf("%w: %w", ErrNotScrubbed, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%w: %w", ErrNotScrubbed, err)
	}
	return nil
}
