// Counts the statements SQLite compiles on one workspace's connections, so a
// test can show that a screen's queries do not grow with the rows it loads
// (one query per card is the usual way a screen gets slow at 100k).

package benchkit

import (
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// Statements counts what SQLite's authorizer is asked while statements are
// compiled on connections to one file. The authorizer runs once per
// compilation, never per row, so a count that grows with the rows loaded
// means a statement compiled per row. Only connections opened after
// WatchStatements are watched.
type Statements struct {
	mu      sync.Mutex
	inserts map[string]int
	reads   map[string]int // by "table" and "table.column"
	begins  int
}

var watched = struct {
	sync.Mutex
	m map[string]*Statements
}{m: map[string]*Statements{}}

// The hook is the driver's, for every connection the process opens; it is
// registered before any, since the driver's list of hooks is not locked,
// and it does nothing for a file nobody watches.
func init() {
	sqlite.RegisterConnectionHook(func(conn sqlite.ExecQuerierContext, dsn string) error {
		watched.Lock()
		st := watched.m[dsnPath(dsn)]
		watched.Unlock()
		if st == nil {
			return nil
		}
		if r, ok := conn.(sqlite.AuthorizerRegisterer); ok {
			return r.RegisterAuthorizer(st.authorize)
		}
		return nil
	})
}

// WatchStatements counts the statements compiled on connections opened
// from now on to the database file at path.
func WatchStatements(path string) *Statements {
	st := &Statements{}
	st.Reset()
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	watched.Lock()
	watched.m[abs] = st
	watched.Unlock()
	return st
}

// dsnPath is the file a "file:" DSN names, absolute.
func dsnPath(dsn string) string {
	p, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return p
}

func (st *Statements) authorize(action sqlite.AuthorizerActionCode, arg1, arg2, _, _ string) sqlite.AuthorizerReturnCode {
	st.mu.Lock()
	defer st.mu.Unlock()
	switch action {
	case sqlite.AuthInsert:
		st.inserts[arg1]++
	case sqlite.AuthRead:
		st.reads[arg1]++
		st.reads[arg1+"."+arg2]++
	case sqlite.AuthTransaction:
		if arg1 == "BEGIN" {
			st.begins++
		}
	}
	return sqlite.AuthorizerOK
}

// Reset starts counting again from zero.
func (st *Statements) Reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.inserts, st.reads, st.begins = map[string]int{}, map[string]int{}, 0
}

// Inserts is how many INSERT statements into table were compiled.
func (st *Statements) Inserts(table string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.inserts[table]
}

// Reads counts references to a table ("scorecard_revisions") or to one of
// its columns ("applications.stage_id") in the statements compiled: a
// constant number per statement, so it grows with the statements.
func (st *Statements) Reads(tableOrColumn string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.reads[tableOrColumn]
}

// Begins is how many transactions were begun (read or write).
func (st *Statements) Begins() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.begins
}
