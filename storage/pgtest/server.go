//go:build unix

package pgtest

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is one running PostgreSQL in its own temp folder.
type server struct {
	bin, dir string
	port     int
	cred     *syscall.Credential // the postgres user's, when we run as root
	admin    *sql.DB
	// The watchdog stops the server and removes the folder when its stdin
	// closes: at Stop, or when this process ends in any way (a panic, a
	// test timeout, a kill), since the kernel closes our end then.
	watchdog *exec.Cmd
	hold     *os.File
}

// StartedIn is how long the shared server took to start (initdb included),
// for the figures a test may log.
var StartedIn time.Duration

// start starts a server from the programs in bin. A durable one flushes
// each commit to disk, as a real server does (make bench's figures); the
// tests' server does not, which makes it several times faster to fill.
func start(bin string, durable bool) (*server, error) {
	t0 := time.Now()
	s := &server{bin: bin}
	if os.Geteuid() == 0 {
		// The server refuses to run as root: its programs run as postgres,
		// in a folder that user owns.
		cred, err := postgresUser()
		if err != nil {
			return nil, err
		}
		s.cred = cred
	}
	dir, err := os.MkdirTemp("", "hirebench-pg-")
	if err != nil {
		return nil, err
	}
	s.dir = dir
	if s.cred != nil {
		if err := os.Chown(dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if err := s.startWatchdog(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if out, err := s.run("initdb", "-D", s.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		s.stop()
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	// A free port can be taken between our look and the server's bind: try
	// another one then.
	for attempt := 0; ; attempt++ {
		if s.port, err = freePort(); err != nil {
			s.stop()
			return nil, err
		}
		// No TCP at all: the socket sits in this 0700 folder, so with "trust"
		// only its owner (and root) can connect, not any local user.
		opts := fmt.Sprintf("-p %d -k '%s' -c listen_addresses=''", s.port, dir)
		if !durable {
			opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
		}
		out, err := s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(dir, "postgres.log"), "-w", "-t", "60", "-o", opts, "start")
		if err == nil {
			break
		}
		logText, _ := os.ReadFile(filepath.Join(dir, "postgres.log"))
		if attempt < 2 && bytes.Contains(logText, []byte("could not bind")) {
			continue
		}
		s.stop()
		return nil, fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, tail(logText))
	}
	s.admin, err = sql.Open("pgx", s.url("postgres"))
	if err == nil {
		err = ping(s.admin)
	}
	if err != nil {
		s.stop()
		return nil, err
	}
	StartedIn = time.Since(t0)
	return s, nil
}

func (s *server) data() string { return filepath.Join(s.dir, "data") }

func (s *server) url(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, url.QueryEscape(s.dir), s.port)
}

// run runs one of the server's programs (as postgres when we are root).
func (s *server) run(prog string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(s.bin, prog), args...)
	cmd.Dir = s.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	return cmd.CombinedOutput()
}

func (s *server) startWatchdog() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	script := `read -r _; "$0" -D "$1" -m immediate stop >/dev/null 2>&1; rm -rf "$2"`
	cmd := exec.Command("/bin/sh", "-c", script, filepath.Join(s.bin, "pg_ctl"), s.data(), s.dir)
	cmd.Stdin = r
	cmd.Dir = s.dir
	// Its own session, so a Ctrl-C to go test does not end it before it
	// has stopped the server.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Setsid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		return err
	}
	s.watchdog, s.hold = cmd, w
	return nil
}

// stop has the watchdog stop the server and remove the folder, and waits
// for it.
func (s *server) stop() {
	if s.admin != nil {
		s.admin.Close()
	}
	if s.hold == nil {
		return
	}
	s.hold.Close()
	s.hold = nil
	done := make(chan error, 1)
	go func() { done <- s.watchdog.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
	}
}

func postgresUser() (*syscall.Credential, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, errors.New("running as root needs a postgres system user to run the server as (the Debian package postgresql creates it)")
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("postgres user has a non-numeric uid/gid %s/%s", u.Uid, u.Gid)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}
