// Where a file may be saved: a new name or an ordinary file, never one of the
// workspace's own files, however the path is spelled.

package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrWorkspaceFile: the path is one of the workspace's own files (its
// database, the files SQLite keeps beside it, its snapshots); writing there
// would lose the workspace.
var ErrWorkspaceFile = errors.New("one of the workspace's own files")

// SnapshotsFolder is the folder beside the database where the workspace
// keeps its automatic backups.
const SnapshotsFolder = "snapshots"

// WorkspaceFiles lists what no save may replace for the workspace whose
// database is db: the database, the journal files SQLite keeps beside it
// and the snapshots folder with everything in it.
func WorkspaceFiles(db string) []string {
	return []string{db, db + "-wal", db + "-shm", db + "-journal", filepath.Join(filepath.Dir(db), SnapshotsFolder)}
}

// CheckSaveTarget tells whether a file may be saved at path: a new name or
// an existing ordinary file (ErrFolder, ErrNotRegular otherwise) that is
// not one of protected nor inside one of them (ErrWorkspaceFile). Symlinks
// are followed on the path and its folders, and an existing file is
// compared by identity too, so no other spelling of a protected file gets
// through. Other errors are the disk's.
func CheckSaveTarget(path string, protected []string) error {
	st, err := os.Stat(path)
	switch {
	case err == nil:
		if err := regular(st); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	target, ok := resolve(path)
	if !ok {
		return nil // its folder is not there: the write fails without touching anything
	}
	for _, p := range protected {
		rp, ok := resolve(p)
		if !ok {
			continue
		}
		pst, perr := os.Stat(rp)
		for a := target; ; a = filepath.Dir(a) {
			if a == rp {
				return ErrWorkspaceFile
			}
			if perr == nil {
				if ast, err := os.Stat(a); err == nil && os.SameFile(ast, pst) {
					return ErrWorkspaceFile
				}
			}
			if filepath.Dir(a) == a {
				break
			}
		}
	}
	return nil
}

// resolve is the absolute path, without symlinks, that path names: the file
// itself when it exists, else its name in its resolved folder; false when
// not even the folder exists. The path is not cleaned first: "link/.."
// means the folder above the link's target, as the system reads it.
func resolve(path string) (string, bool) {
	if !filepath.IsAbs(path) {
		wd, err := os.Getwd()
		if err != nil {
			return "", false
		}
		path = wd + string(filepath.Separator) + path
	}
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r, true
	}
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	dir, base := path[:i+1], path[i+1:]
	if base == "" || base == "." || base == ".." {
		return "", false
	}
	r, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", false
	}
	return filepath.Join(r, base), true
}
