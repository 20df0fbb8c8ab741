package pgtest

import (
	"errors"
	"fmt"
	"regexp"
)

// ErrNotInstalled is StartServer's error when PostgreSQL's programs are not
// found (see the package comment for where it looks).
var ErrNotInstalled = errors.New("PostgreSQL not found (no initdb in HIREBENCH_PG_BIN, /usr/lib/postgresql/*/bin or PATH): install it with build/scripts/deps.sh test (Debian package postgresql)")

// Server is a throwaway PostgreSQL for a program that is not a test (make
// bench): the tests' server, started on its own and durable (every commit
// flushed to disk, as on a real server). It stops at Stop, or when the
// program ends in any way, and leaves no folder behind.
type Server struct{ s *server }

// StartServer starts a Server; ErrNotInstalled when PostgreSQL is not
// installed.
func StartServer() (*Server, error) {
	bin, found := binDir()
	if !found {
		return nil, ErrNotInstalled
	}
	s, err := start(bin, true)
	if err != nil {
		return nil, fmt.Errorf("pgtest: start PostgreSQL from %s: %w", bin, err)
	}
	return &Server{s: s}, nil
}

var databaseName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// CreateDatabase creates an empty database named name (lower-case letters,
// digits and underscores) and returns its connection URL, which holds no
// password (the server trusts its owner's socket).
func (s *Server) CreateDatabase(name string) (string, error) {
	if !databaseName.MatchString(name) {
		return "", fmt.Errorf("pgtest: %q is not a database name of lower-case letters, digits and underscores", name)
	}
	if _, err := s.s.admin.Exec(`CREATE DATABASE ` + name); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	return s.s.url(name), nil
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() { s.s.stop() }
