//go:build !unix

package pgtest

import (
	"database/sql"
	"errors"
	"time"
)

// StartedIn is how long the shared server took to start.
var StartedIn time.Duration

// The throwaway server runs on Unix only (initdb as another user, a
// watchdog reading a pipe); elsewhere the PostgreSQL tests fail to start.
type server struct{ admin *sql.DB }

func start(string, bool) (*server, error) {
	return nil, errors.New("pgtest runs PostgreSQL on Unix only")
}

func (s *server) url(string) string { return "" }
func (s *server) stop()             {}
