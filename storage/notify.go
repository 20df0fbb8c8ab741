// Live updates in a shared workspace (team mode, issue 15): PostgreSQL's
// triggers (migration 0022) NOTIFY hirebench_changes with the ids a
// committed write touched, and Listen hands them to the window, which
// reloads the board, debrief or drawer they concern.

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pgConfig is how OpenPostgres reached the server, kept so Listen can open
// a connection of its own (Store.pg).
type pgConfig = pgx.ConnConfig

// What a Change is about.
const (
	ChangeCandidate   = "candidate"   // a candidate's own fields (no role)
	ChangeApplication = "application" // a card added, moved, rejected or removed
	ChangeScorecard   = "scorecard"   // a card started, saved, submitted or amended
	// ChangeReconnected follows a lost connection: whatever changed
	// meanwhile went unheard, so everything shown should be reloaded.
	ChangeReconnected = "reconnected"
)

// Change is what another app changed in the shared workspace. Ids only:
// any login of the database may listen, so a name never travels here.
type Change struct {
	What      string // one of the Change… constants
	Role      int64  // 0 when the change belongs to no role (a candidate's fields)
	Candidate int64
}

const (
	changesChannel = "hirebench_changes"
	// listenAppName names the connection in pg_stat_activity, so an
	// administrator sees what it is.
	listenAppName = "hirebench live updates"
	// listenDial bounds connecting and LISTEN: a server that does not
	// answer is tried again later rather than waited for.
	listenDial = 10 * time.Second
	listenPing = 5 * time.Second
)

// listenIdle is how long the connection may stay silent before Listen asks
// the server whether it is still there: after a laptop slept or changed
// networks its socket can wait forever for a server that is gone.
var listenIdle = 30 * time.Second

// The wait before connecting again after a drop, doubling after each
// failed attempt up to listenRetryMost.
const (
	listenRetryFirst = time.Second
	listenRetryMost  = 30 * time.Second
)

// Listen calls fn with each change other apps commit to a shared workspace
// on PostgreSQL, until ctx ends; then it returns nil. Changes this store
// writes itself are not repeated back. It listens on a connection of its
// own; when that drops it connects again (after 1 s, doubling to 30 s while
// the server cannot be reached) and then calls fn once with
// Change{What: ChangeReconnected}, since what was sent meanwhile is lost.
// fn runs on Listen's goroutine, one change at a time, so it should be
// quick. A payload that is not one of the triggers' (anyone may NOTIFY the
// channel) is ignored.
//
// On SQLite it returns nil at once: a workspace on one laptop has nobody
// else to hear. Nothing it logs or returns repeats the URL or the login.
func (s *Store) Listen(ctx context.Context, fn func(Change)) error {
	if s.d != postgresSQL {
		return nil
	}
	if s.pg == nil {
		return errors.New("storage: live updates need a workspace opened by OpenPostgres")
	}
	delay, lost := listenRetryFirst, false
	for {
		conn, self, err := s.listenConn(ctx)
		if err == nil {
			if lost {
				slog.Info("live updates: connected again")
				fn(Change{What: ChangeReconnected})
			}
			delay, lost = listenRetryFirst, false
			err = hear(ctx, conn, self, fn)
			closeListener(conn)
		}
		if ctx.Err() != nil {
			return nil
		}
		if !lost {
			slog.Warn("live updates: connection lost; trying again", "why", listenWhy(err))
			lost = true
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		delay = min(delay*2, listenRetryMost)
	}
}

// listenConn connects, LISTENs, and finds the process id of this store's
// writer, whose own notifications Listen skips (0 when it cannot tell:
// then they are heard too, which costs a reload and nothing else).
func (s *Store) listenConn(ctx context.Context) (*pgx.Conn, uint32, error) {
	cfg := s.pg.Copy()
	cfg.RuntimeParams["application_name"] = listenAppName
	dctx, cancel := context.WithTimeout(ctx, listenDial)
	defer cancel()
	conn, err := pgx.ConnectConfig(dctx, cfg)
	if err != nil {
		return nil, 0, err
	}
	if _, err := conn.Exec(dctx, "LISTEN "+changesChannel); err != nil {
		closeListener(conn)
		return nil, 0, err
	}
	// The writer is one connection kept open (OpenPostgres), so its process
	// stays the same until it breaks. A long write holds it: give up soon.
	wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var self uint32
	if err := s.w.QueryRowContext(wctx, `SELECT pg_backend_pid()`).Scan(&self); err != nil {
		self = 0
	}
	return conn, self, nil
}

// hear passes the connection's notifications to fn until ctx ends or the
// connection fails, asking the server after each quiet spell whether it
// is still there.
func hear(ctx context.Context, conn *pgx.Conn, self uint32, fn func(Change)) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, listenIdle)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			if c, ok := decodeChange(n.Payload); ok && (self == 0 || n.PID != self) {
				fn(c)
			}
		case ctx.Err() != nil:
			return ctx.Err()
		case pgconn.Timeout(err) && !conn.IsClosed():
			pctx, cancel := context.WithTimeout(ctx, listenPing)
			err = conn.Ping(pctx)
			cancel()
			if err != nil {
				return err
			}
		default:
			return err
		}
	}
}

// decodeChange reads a trigger's payload; false for anything else.
func decodeChange(payload string) (Change, bool) {
	var p struct {
		What      string `json:"what"`
		Role      int64  `json:"role"` // null (a card whose application went first) reads as 0
		Candidate int64  `json:"candidate"`
	}
	if json.Unmarshal([]byte(payload), &p) != nil {
		return Change{}, false
	}
	switch p.What {
	case ChangeCandidate, ChangeApplication, ChangeScorecard:
		return Change{What: p.What, Role: p.Role, Candidate: p.Candidate}, true
	}
	return Change{}, false
}

func closeListener(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = conn.Close(ctx)
}

// listenWhy says why the connection went, without the driver's text, which
// can name the login (often a person's name) and the database.
func listenWhy(err error) string {
	var pe *pgconn.PgError
	switch {
	case err == nil:
		return "the server closed the connection"
	case errors.As(err, &pe):
		return fmt.Sprintf("the server ended it (SQLSTATE %s)", pe.Code)
	case pgconn.Timeout(err):
		return "the server did not answer in time"
	}
	return "the server could not be reached"
}
