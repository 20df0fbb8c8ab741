package dbsecret

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// cleanEnv leaves the driver only the URL and its own defaults: no PG*
// variable of the machine running the tests, no .pgpass.
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, env := range []string{"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD",
		"PGSERVICE", "PGSERVICEFILE", "PGSSLMODE", "PGSSLROOTCERT", "PGTARGETSESSIONATTRS"} {
		t.Setenv(env, "")
	}
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
}

// The name a password is kept under, for the URL shapes people write.
func TestAccount(t *testing.T) {
	cleanEnv(t)
	cases := []struct{ url, want string }{
		{"postgres://ana@db.example.com/team", "ana@db.example.com:5432/team"},
		{"postgresql://ana@db.example.com:6543/team", "ana@db.example.com:6543/team"},
		// The password is never part of the name, and the host's case does not matter.
		{"postgres://ana:s3cret@DB.Example.com/team?sslmode=verify-full", "ana@db.example.com:5432/team"},
		{"postgres://ana:p%40ss@127.0.0.1:5432/team", "ana@127.0.0.1:5432/team"},
		{"postgres://ana@db.example.com/team?password=s3cret", "ana@db.example.com:5432/team"},
		// Unix sockets: the folder as given, in the query or percent-encoded.
		{"postgres://ana@/team?host=/var/run/postgresql", "ana@/var/run/postgresql:5432/team"},
		{"postgres://ana@%2Fvar%2Frun%2Fpostgresql:5433/team", "ana@/var/run/postgresql:5433/team"},
		// IPv6 in brackets, in its usual form.
		{"postgres://ana@[2001:db8::1]:5433/team", "ana@[2001:db8::1]:5433/team"},
		{"postgres://ana@[2001:DB8:0::1]/team", "ana@[2001:db8::1]:5432/team"},
		// No database: the server uses the login's own.
		{"postgres://ana@db.example.com", "ana@db.example.com:5432/ana"},
		// The query wins over the rest of the URL, as in the driver.
		{"postgres://bob@db.example.com:5432/team?user=ana&port=6000&dbname=other", "ana@db.example.com:6000/other"},
		// Several hosts, in the order they are tried: each with its port, or one port for all.
		{"postgres://ana@h1.example.com:5432,h2.example.com:5433/team", "ana@h1.example.com:5432,h2.example.com:5433/team"},
		{"postgres://ana@h1.example.com,H2.example.com/team?port=6000", "ana@h1.example.com:6000,h2.example.com:6000/team"},
		{"postgres://priya%40acme@db.example.com/team", "priya@acme@db.example.com:5432/team"},
	}
	for _, c := range cases {
		got, err := Account(c.url)
		if err != nil || got != c.want {
			t.Errorf("Account(%s) = %q, %v; want %q", c.url, got, err, c.want)
		}
	}
}

// A part the URL leaves out is the one the driver takes from the
// environment, and the account names it: that is the login and the server
// the password will go to. What the URL says still wins.
func TestAccountFromTheEnvironment(t *testing.T) {
	cleanEnv(t)
	t.Setenv("PGUSER", "ana")
	t.Setenv("PGHOST", "DB.example.com")
	t.Setenv("PGPORT", "6543")
	cases := []struct{ url, want string }{
		{"postgres:///team", "ana@db.example.com:6543/team"},
		{"postgres://db2.example.com/team", "ana@db2.example.com:6543/team"},
		{"postgres://bob@db2.example.com:5432/team", "bob@db2.example.com:5432/team"},
	}
	for _, c := range cases {
		got, err := Account(c.url)
		if err != nil || got != c.want {
			t.Errorf("Account(%s) = %q, %v; want %q", c.url, got, err, c.want)
		}
	}
	t.Setenv("PGHOST", "/var/run/postgresql")
	if got, err := Account("postgresql://ana@/team"); err != nil || got != "ana@/var/run/postgresql:6543/team" {
		t.Errorf("with PGHOST a socket folder: %q, %v", got, err)
	}
}

// A URL the driver cannot read is refused in words that say what to write,
// and never with the URL or its password in them.
func TestAccountRefusals(t *testing.T) {
	cleanEnv(t)
	const unreadable = "cannot be read by the PostgreSQL driver: in the login or password write '%' as %25"
	cases := []struct{ url, want string }{
		{"mysql://ana:Zebra-77@db.example.com/team", "does not start with postgres:// or postgresql://"},
		{"ana:Zebra-77@db.example.com/team", "does not start with postgres:// or postgresql://"},
		{"host=db.example.com user=ana password=Zebra-77", "does not start with postgres:// or postgresql://"},
		{"postgres://ana:Zebra-77@db.example.com:99999/team", unreadable},
		{"postgres://ana:Zebra-77@db.example.com:abc/team", unreadable},
		// An unescaped '/' ends the host: the driver would read "ana" as
		// the host and "Zebra" as the port.
		{"postgres://ana:Zebra/77@db.example.com/team", unreadable},
		{"postgres://ana:Zebra%zz77@db.example.com/team", unreadable},
		{"postgres://ana@db.example.com/team?password=Zebra=77", unreadable},
		{"postgres://ana:Zebra-77@[2001:db8::1/team", unreadable},
		{"postgres://ana:Zebra-77@h1,h2/team?port=1,2,3", unreadable},
		{"postgres://ana:Zebra-77@db.example.com/team?service=nowhere", unreadable},
	}
	for _, c := range cases {
		got, err := Account(c.url)
		var ue *URLError
		if !errors.As(err, &ue) {
			t.Errorf("Account(%s) = %q, %v; want a *URLError", c.url, got, err)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "the database URL "+c.want) {
			t.Errorf("Account(%s): %q does not say %q", c.url, msg, c.want)
		}
		if strings.Contains(msg, "Zebra") || strings.Contains(msg, "example.com") {
			t.Errorf("Account(%s): the error quotes the URL: %q", c.url, msg)
		}
	}
}
