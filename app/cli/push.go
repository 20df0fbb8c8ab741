// Moving a workspace between a laptop and a shared server (team mode,
// issue 15): `push` copies the local workspace into an empty shared one,
// `pull` the shared one into a new local workspace. Both open two
// workspaces, so cli.Run sends them here before it opens its one store.

package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"hirebench/storage"
)

// copyCommand runs push or pull (name) for cli.Run and returns the exit code.
func copyCommand(ctx context.Context, o Options, name string, args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	err := PushCommand
	if name == "pull" {
		err = PullCommand
	}
	var ue usageError
	switch e := err(ctx, o, args, stdout); {
	case errors.As(e, &ue):
		return fail(ExitUsage, "%s: %v", name, e)
	case errors.Is(e, storage.ErrNotEmpty):
		return fail(ExitError, "%s: %s", name, notEmpty[name])
	case e != nil:
		return fail(ExitError, "%s: %s", name, Describe(e))
	}
	return ExitOK
}

// notEmpty says what to do when the workspace copied into has data.
var notEmpty = map[string]string{
	"push": "the shared workspace already holds data; push copies into an empty one only (a bundle merges work into one that has data)",
	"pull": "the data folder already holds a workspace with data; pull into a new --data-dir",
}

// copyResult is what push and pull print with --json.
type copyResult struct {
	storage.CopyReport
	Into string `json:"into"` // the local file pulled into; "" for a push
}

// PushCommand copies the local workspace in o.DataDir into the empty
// shared workspace o.DB names, as its owner: all or nothing, every
// submitted scorecard verified on arrival (storage.CopyWorkspace).
func PushCommand(ctx context.Context, o Options, args []string, stdout io.Writer) error {
	asJSON, err := copyFlags("push", o, args)
	if err != nil {
		return err
	}
	path := DatabasePath(o.DataDir)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("there is no local workspace in %s to push (give its folder with --data-dir)", o.DataDir)
	}
	from, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := OpenStore(ctx, o)
	if err != nil {
		return err
	}
	defer to.Close()
	rep, err := storage.CopyWorkspace(ctx, from, to)
	if err != nil {
		return err
	}
	return printCopy(stdout, asJSON, copyResult{CopyReport: rep}, "pushed the local workspace to the shared PostgreSQL workspace")
}

// PullCommand copies the shared workspace o.DB names into a new local
// workspace in o.DataDir, as the login sees it. A data folder whose
// workspace has data is refused; a new one is written beside its final
// name and moved into place when complete, so a failed pull leaves nothing.
func PullCommand(ctx context.Context, o Options, args []string, stdout io.Writer) (err error) {
	asJSON, err := copyFlags("pull", o, args)
	if err != nil {
		return err
	}
	path := DatabasePath(o.DataDir)
	from, err := OpenStore(ctx, o)
	if err != nil {
		return err
	}
	defer from.Close()
	if _, err := os.Stat(path); err == nil {
		// A workspace the app created and nobody filled (the copy refuses
		// one with data), written in one transaction.
		to, err := storage.Open(path)
		if err != nil {
			return err
		}
		defer to.Close()
		rep, err := storage.CopyWorkspace(ctx, from, to)
		if err != nil {
			return err
		}
		return printCopy(stdout, asJSON, copyResult{rep, path}, "pulled the shared PostgreSQL workspace into "+path)
	}
	_, statErr := os.Stat(o.DataDir)
	newDir := errors.Is(statErr, fs.ErrNotExist)
	suffix := make([]byte, 6)
	rand.Read(suffix)
	tmp := path + ".pull-" + hex.EncodeToString(suffix)
	defer func() {
		if err != nil {
			for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"} {
				os.Remove(f)
			}
			if newDir {
				os.Remove(o.DataDir) // only if still empty
			}
		}
	}()
	to, err := storage.Open(tmp)
	if err != nil {
		return err
	}
	rep, err := storage.CopyWorkspace(ctx, from, to)
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if _, serr := os.Stat(tmp + "-wal"); serr == nil {
		return errors.New("the pulled workspace was not closed cleanly; nothing was written")
	}
	if err = moveIntoPlace(tmp, path); err != nil {
		return err
	}
	return printCopy(stdout, asJSON, copyResult{rep, path}, "pulled the shared PostgreSQL workspace into "+path)
}

// moveIntoPlace gives the pulled file its final name. A hard link fails if
// another hirebench created the workspace meanwhile, where a rename would
// replace it; a file system without links gets the rename after a check.
func moveIntoPlace(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if _, serr := os.Lstat(path); serr == nil || errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("a workspace appeared in %s during the pull; nothing was written", filepath.Dir(path))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("move the pulled workspace into place: %w", err)
	}
	return nil
}

// copyFlags reads push's or pull's flags; both need --db.
func copyFlags(name string, o Options, args []string) (asJSON bool, err error) {
	fs := newFlags(name)
	j := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return false, err
	}
	if err := o.checkDB(); err != nil {
		return false, usageError{err}
	}
	if !o.Shared() {
		return false, usageError{errors.New("give the shared workspace with --db postgres://… (or HIREBENCH_DB); the local one is --data-dir")}
	}
	return *j, nil
}

// printCopy prints one line of counts, or the report as JSON.
func printCopy(out io.Writer, asJSON bool, r copyResult, what string) error {
	if asJSON {
		return writeJSON(out, r)
	}
	c := r.Counts
	_, err := fmt.Fprintf(out, "%s: %d roles, %d candidates, %d scorecards (%d submitted, each verified), %d profiles; %d rows in %d tables\n",
		what, c["roles"], c["candidates"], c["scorecards"], r.Verified, c["profiles"], r.Rows, r.Tables)
	return err
}
