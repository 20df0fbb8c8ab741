//go:build unix

package pgtest

import (
	"bufio"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDatabasesAreSeparate(t *testing.T) {
	a, b := Open(t), Open(t)
	if _, err := a.Exec(`CREATE TABLE only_in_a (x bigint)`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.QueryRow(`SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatal("a table created in one test's database shows in another's")
	}
	t.Logf("server started in %v", StartedIn.Round(time.Millisecond))
}

// A test binary that dies (here: a panic, which skips every deferred
// cleanup) leaves no server running and no folder behind.
func TestServerStopsWhenTheTestBinaryDies(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") == "1" {
		Open(t)
		os.Stdout.WriteString("dir=" + srv.dir + "\n")
		panic("the test binary dies here")
	}
	if _, ok := binDir(); !ok || os.Getenv("HIREBENCH_PG") == "off" {
		t.Skip("PostgreSQL not found, or HIREBENCH_PG=off")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestServerStopsWhenTheTestBinaryDies$")
	cmd.Env = append(os.Environ(), "PGTEST_CHILD=1")
	out, _ := cmd.Output()
	var dir string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "dir="); ok {
			dir = d
		}
	}
	if dir == "" {
		t.Fatalf("the child did not start a server:\n%s", out)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, statErr := os.Stat(dir)
		procs := processesMentioning(dir)
		if os.IsNotExist(statErr) && len(procs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the test binary died: folder still there: %v; processes still running: %v", statErr == nil, procs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// processesMentioning lists the pids whose command line holds s (pgrep -f).
func processesMentioning(s string) []string {
	var pids []string
	ms, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, m := range ms {
		b, err := os.ReadFile(m)
		if err == nil && strings.Contains(string(b), s) {
			pids = append(pids, filepath.Base(filepath.Dir(m)))
		}
	}
	return pids
}

// make bench's server: a database of its own that takes writes, and no
// folder left once stopped.
func TestStartServerForAProgram(t *testing.T) {
	if _, ok := binDir(); !ok || os.Getenv("HIREBENCH_PG") == "off" {
		t.Skip("PostgreSQL not found, or HIREBENCH_PG=off")
	}
	s, err := StartServer()
	if err != nil {
		t.Fatal(err)
	}
	dir := s.s.dir
	if _, err := s.CreateDatabase("bench; DROP DATABASE postgres"); err == nil {
		t.Error("a database name with SQL in it was accepted")
	}
	url, err := s.CreateDatabase("bench")
	if err != nil {
		s.Stop()
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", url)
	if err == nil {
		_, err = db.Exec(`CREATE TABLE t (x bigint); INSERT INTO t VALUES (1)`)
		db.Close()
	}
	s.Stop()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the server's folder is still there after Stop: %v", err)
	}
}
