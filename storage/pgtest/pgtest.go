// Package pgtest gives tests a throwaway PostgreSQL: one server per test
// binary (initdb in a temp folder, a free port on 127.0.0.1, socket and log
// in its folder) and a fresh database per call, so tests stay isolated. Only
// tests import it, and make bench (StartServer, a server of its own).
//
// Finding the server: HIREBENCH_PG_BIN (a folder holding initdb), else the
// newest /usr/lib/postgresql/*/bin, else initdb on PATH. HIREBENCH_PG=required
// (set by make test) turns a missing PostgreSQL into a failure; otherwise
// the tests that need it skip when it is missing, and HIREBENCH_PG=off skips
// them always.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

var (
	once     sync.Once
	srv      *server
	startErr error
	dbSeq    atomic.Int64
)

// URL creates a fresh, empty database on the shared server and returns its
// connection URL. It skips the test when PostgreSQL is not installed (fails
// it under HIREBENCH_PG=required).
func URL(t testing.TB) string {
	t.Helper()
	s := shared(t)
	name := fmt.Sprintf("t_%d", dbSeq.Add(1))
	if _, err := s.admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	return s.url(name)
}

// Open is URL opened through database/sql (driver "pgx"), closed when the
// test ends.
func Open(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", URL(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Main runs a package's tests and then stops the shared server at once, for
// a TestMain: os.Exit(pgtest.Main(m)). Without it the server still stops
// when the test binary exits, however it exits (see watchdog).
func Main(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// Stop stops the shared server, if one was started, and removes its folder.
func Stop() {
	if srv != nil {
		srv.stop()
	}
}

func shared(t testing.TB) *server {
	t.Helper()
	bin, found := binDir()
	switch mode := os.Getenv("HIREBENCH_PG"); {
	case mode != "" && mode != "off" && mode != "required":
		t.Fatalf("pgtest: HIREBENCH_PG=%q: use required, off, or leave it unset", mode)
	case mode == "off":
		t.Skip("pgtest: HIREBENCH_PG=off: the PostgreSQL tests are skipped")
	case !found && mode == "required":
		t.Fatal("pgtest: HIREBENCH_PG=required but PostgreSQL was not found (no initdb in HIREBENCH_PG_BIN, /usr/lib/postgresql/*/bin or PATH): run build/scripts/deps.sh test")
	case !found:
		t.Skip("pgtest: PostgreSQL not found, the PostgreSQL tests are skipped: install it with build/scripts/deps.sh test (Debian package postgresql); make test sets HIREBENCH_PG=required so they must run")
	}
	once.Do(func() { srv, startErr = start(bin, false) })
	if startErr != nil {
		t.Fatalf("pgtest: start PostgreSQL from %s: %v", bin, startErr)
	}
	return srv
}

// binDir finds the folder holding PostgreSQL's server programs.
func binDir() (string, bool) {
	if d := os.Getenv("HIREBENCH_PG_BIN"); d != "" {
		_, err := os.Stat(filepath.Join(d, "initdb"))
		return d, err == nil
	}
	if ms, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(ms) > 0 {
		sort.Slice(ms, func(i, j int) bool { return version(ms[i]) > version(ms[j]) })
		return filepath.Dir(ms[0]), true
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), true
	}
	return "", false
}

// version is the major version in /usr/lib/postgresql/<v>/bin/initdb.
func version(initdb string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return v
}

// ping waits until the server takes connections (pg_ctl -w has already
// waited; this covers a slow first connection).
func ping(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}
