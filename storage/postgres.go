// A workspace on a PostgreSQL server (team mode, issue 15): the same Store,
// its statements rebound for PostgreSQL (dialect.go).

package storage

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// OpenPostgres opens the workspace in the PostgreSQL database at url
// (postgres://…) and brings its schema up to date. Errors never repeat the
// URL, which may hold a password.
//
// A remote server is reached with sslmode=verify-full unless the URL (or
// PGSSLMODE) says otherwise: encrypted, and only to a server whose
// certificate names its host (withTLSDefault, docs/TEAM.md).
//
// Writes go through one connection, so this process's writes follow one
// another as they do on SQLite; two processes writing at once rely on
// PostgreSQL's row locks under READ COMMITTED (serialisation failures and
// the version column are a later step of issue 15).
func OpenPostgres(ctx context.Context, url string, opts ...Option) (*Store, error) {
	cfg, err := pgx.ParseConfig(withTLSDefault(url, os.Getenv))
	if err != nil {
		// The driver also reads the files the URL names here (sslrootcert…).
		return nil, errors.New("storage: open the PostgreSQL workspace: the URL is not valid, or a file it names (such as sslrootcert) cannot be read")
	}
	w := stdlib.OpenDB(*cfg)
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{w: w, d: postgresSQL, clock: time.Now}
	s.pg = cfg // Listen's own connection (notify.go)
	for _, o := range opts {
		o(s)
	}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, pgOpenError(ctx, err)
	}
	if err := pgMigrateTo(ctx, w, -1); err != nil {
		w.Close()
		return nil, err
	}
	// The read pool refuses writes, as SQLite's query_only one does.
	rc := cfg.Copy()
	rc.RuntimeParams["default_transaction_read_only"] = "on"
	// Plan each read for its arguments: a cached generic plan cannot see
	// how many candidates a search's words match, and drove searches from
	// the candidates table (11–55 ms at 5k candidates instead of under 1).
	rc.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	r := stdlib.OpenDB(*rc)
	r.SetMaxOpenConns(4)
	s.r, s.rd = r, bind(r, postgresSQL)
	return s, nil
}

// pgOpenError says why the server could not be reached without the
// driver's text, which names the login (often a person's name).
func pgOpenError(ctx context.Context, err error) error {
	const prefix = "storage: open the PostgreSQL workspace"
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, &pe):
		return fmt.Errorf("%s: the server refused%s (SQLSTATE %s)", prefix, refusals[pe.Code], pe.Code)
	case certError(err):
		return fmt.Errorf("%s: the server's TLS certificate could not be verified (%s)", prefix, tlsHint)
	case strings.Contains(err.Error(), "server refused TLS connection"): // pgconn's words, untyped
		return fmt.Errorf("%s: the server does not offer TLS (%s)", prefix, tlsHint)
	case errors.As(err, &ne): // its text names the host and port only
		return fmt.Errorf("%s: cannot reach the server: %w", prefix, ne)
	}
	return fmt.Errorf("%s: cannot connect; check the URL, the server and the network", prefix)
}

// refusals say what the server's commonest refusals at sign-in mean.
var refusals = map[string]string{
	"28P01": " the login or its password",
	"28000": " this login from this computer (its pg_hba.conf decides)",
	"3D000": ": no such database",
	// CONNECT is granted to the workspace's people only (storage.InitTeam).
	"42501": ": this login is not one of the shared workspace's people; its owner adds people with `hirebench --db URL people add`",
}

// tlsHint follows a TLS failure: verify-full is what most people meet it by.
const tlsHint = "a remote server is checked with sslmode=verify-full unless the URL names another sslmode; see docs/TEAM.md"

// certError tells whether err is a certificate the driver could not verify
// (verify-full's check, and verify-ca's own).
func certError(err error) bool {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var ci x509.CertificateInvalidError
	var hn x509.HostnameError
	return errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &ci) || errors.As(err, &hn)
}

// readOptions are a read transaction's: on PostgreSQL REPEATABLE READ, so
// its queries see one snapshot as a SQLite read transaction does.
func (d dialect) readOptions() *sql.TxOptions {
	if d == postgresSQL {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// args are a statement's arguments as the engine takes them: PostgreSQL's
// driver will not put a Go bool in an integer column (the 0/1 flags both
// schemas keep), SQLite's does.
func (d dialect) args(args []any) []any {
	if d != postgresSQL {
		return args
	}
	out, copied := args, false
	for i, a := range args {
		if b, ok := a.(bool); ok {
			if !copied { // never change the caller's slice
				out, copied = slices.Clone(args), true
			}
			out[i] = boolInt(b)
		}
	}
	return out
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// isPgUnique is PostgreSQL's unique_violation.
func isPgUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}
