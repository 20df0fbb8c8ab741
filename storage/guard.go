// What Open checks before SQLite may write anything: that the data folder and the
// file are this user's to write and nobody else's, and that an existing file is a
// hirebench workspace this build can open. The checks only read, so a refused
// file is left exactly as it was: bytes, mode and siblings.

package storage

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// applicationID marks a workspace in its file header ("HIRB"), so it is told
// apart from other programs' SQLite databases before any table is read.
const applicationID = 0x48495242

// RefusedError means Open left the file alone; Reason says why in words
// that name no folder.
type RefusedError struct{ Reason string }

func (e *RefusedError) Error() string { return e.Reason }

func refuse(format string, args ...any) error {
	return &RefusedError{Reason: fmt.Sprintf(format, args...)}
}

// othersMayWrite and othersMayRead are the group and world permission bits.
const (
	othersMayWrite os.FileMode = 0o022
	othersMayRead  os.FileMode = 0o077
)

// preparation is what Open may change once every check has passed: only
// tightening modes of what this user owns, and creating a missing file.
type preparation struct {
	dir     string
	tighten map[string]os.FileMode
	create  string
}

func (p *preparation) apply() error {
	for path, mode := range p.tighten {
		if err := os.Chmod(path, mode); err != nil {
			return fmt.Errorf("storage: tighten permissions of %s: %w", filepath.Base(path), err)
		}
	}
	if p.create == "" {
		return nil
	}
	// Created 0600 before SQLite sees it, so its -wal and -shm, which take
	// the file's mode, are this user's only from the start.
	f, err := os.OpenFile(p.create, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: create %s: %w", filepath.Base(p.create), err)
	}
	return f.Close()
}

// prepare checks the data folder and the file at path without changing
// either (a missing folder is created) and says what Open may change.
func prepare(path string) (*preparation, error) {
	dir, name := filepath.Dir(path), filepath.Base(path)
	p := &preparation{dir: dir, tighten: map[string]os.FileMode{}}
	di, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("storage: cannot create the data folder: %w", err)
		}
		p.create = path
		return p, nil
	}
	if err != nil {
		return nil, fmt.Errorf("storage: the data folder cannot be read: %w", err)
	}
	if !di.IsDir() {
		return nil, refuse("the data folder is not a folder: choose another data folder")
	}
	if err := checkFolder(di, dir); err != nil {
		return nil, err
	}
	if di.Mode().Perm()&othersMayWrite != 0 {
		p.tighten[dir] = 0o700
	}

	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		p.create = path
		return p, nil
	}
	if err != nil {
		return nil, fmt.Errorf("storage: %s cannot be read: %w", name, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, refuse("%s is not a file (it is a folder or a device): move it away or choose another data folder", name)
	}
	if err := checkFile(fi, path); err != nil {
		return nil, err
	}
	if fi.Size() > 0 {
		if err := inspect(path); err != nil {
			return nil, err
		}
	}
	// Candidate data is readable by this user only: the file and the
	// journal files SQLite keeps beside it.
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() && ownedByMe(fi) && fi.Mode().Perm()&othersMayRead != 0 {
			p.tighten[f] = fi.Mode().Perm() &^ othersMayRead
		}
	}
	return p, nil
}

// checkFolder refuses a folder other users may write to, unless it is
// this user's to tighten, and a folder hirebench may not write to.
func checkFolder(di os.FileInfo, dir string) error {
	perm := di.Mode().Perm()
	if perm&othersMayWrite != 0 {
		if di.Mode()&os.ModeSticky != 0 {
			return refuse("other users can write to the data folder (it is shared, like /tmp), so candidate data there is not safe: choose a folder of your own")
		}
		if !ownedByMe(di) {
			return refuse("other users can write to the data folder and it belongs to another user, so candidate data there is not safe: choose a folder of your own")
		}
	}
	if perm&0o222 == 0 || (ownedByMe(di) && perm&0o200 == 0) || !mayWrite(dir) {
		return refuse("the data folder is read-only: hirebench keeps its journal beside the workspace, so it needs to write there; make the folder writable or choose another; nothing was changed")
	}
	return nil
}

// checkFile refuses a file marked read-only (honoured even for root) and
// someone else's file that other users may write to.
func checkFile(fi os.FileInfo, path string) error {
	name, perm := filepath.Base(path), fi.Mode().Perm()
	if perm&0o222 == 0 || (ownedByMe(fi) && perm&0o200 == 0) || !mayWrite(path) {
		return refuse("%s is read-only: hirebench needs to save to it; make it writable (chmod u+w) or work on a copy; nothing was changed", name)
	}
	if perm&othersMayWrite != 0 && !ownedByMe(fi) {
		return refuse("other users can write to %s and it belongs to another user, so it is not safe to use: work on a copy of your own; nothing was changed", name)
	}
	return nil
}

// inspect reads an existing file's header and schema over a read-only
// connection with no journal pragma. With no -wal beside it the file is
// opened immutable: SQLite then takes no lock and creates no -shm.
func inspect(path string) error {
	name := filepath.Base(path)
	notOurs := func(what string) error {
		return refuse("%s is not a hirebench workspace (%s): move it away or choose another data folder; the file was not changed", name, what)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("storage: %s cannot be read: %w", name, err)
	}
	hdr := make([]byte, 100)
	_, err = io.ReadFull(f, hdr)
	f.Close()
	if err != nil || !bytes.HasPrefix(hdr, []byte("SQLite format 3\x00")) {
		return notOurs("nor any SQLite database")
	}
	id := binary.BigEndian.Uint32(hdr[68:72])
	if id != 0 && id != applicationID {
		return notOurs("it is another program's database")
	}

	q := "?mode=ro&_pragma=busy_timeout(5000)"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		q += "&immutable=1"
	}
	db, err := sql.Open("sqlite", fileURI(path)+q)
	if err != nil {
		return fmt.Errorf("storage: %s cannot be read: %w", name, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var objects int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name <> 'schema_version'`).Scan(&objects); err != nil {
		return refuse("%s cannot be read (it may be damaged or not a database): %v; the file was not changed", name, err)
	}
	var hasVersions int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).Scan(&hasVersions); err != nil {
		return refuse("%s cannot be read (it may be damaged): %v; the file was not changed", name, err)
	}
	if hasVersions == 0 {
		if objects == 0 {
			return nil // an empty database: a new workspace
		}
		return notOurs("it is another program's database")
	}
	var first sql.NullString
	var newest int
	err = db.QueryRow(`SELECT (SELECT name FROM schema_version WHERE version = 1), coalesce(max(version), 0) FROM schema_version`).Scan(&first, &newest)
	if err != nil {
		return notOurs("it is another program's database")
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	// Workspaces written before the application id carry our first
	// migration's name instead.
	legacy := first.Valid && first.String == ms[0].name || !first.Valid && newest == 0 && objects == 0
	if id != applicationID && !legacy {
		return notOurs("it is another program's database")
	}
	if newest > len(ms) {
		return &ErrNewerSchema{Found: newest, Known: len(ms)}
	}
	return nil
}
