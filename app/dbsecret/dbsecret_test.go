package dbsecret

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/zalando/go-keyring"
)

// mocked: the library's mock replaces the keyring for the rest of the
// process and cannot be undone, so the real keyring is only tried before.
var mocked bool

func mock(t *testing.T, err error) {
	t.Helper()
	mocked = true
	if err == nil {
		keyring.MockInit()
	} else {
		keyring.MockInitWithError(err)
	}
	cleanEnv(t)
}

// This machine has no Secret Service: saving must say so in plain words
// (this test comes first in the package, before any mock).
func TestSaveWithoutAKeyring(t *testing.T) {
	if mocked {
		t.Skip("the keyring was mocked earlier in this run")
	}
	cleanEnv(t)
	const url = "postgres://hirebench-test@keyring-test.invalid/none"
	err := Save(url, "Zebra-Secret-77")
	if err == nil {
		Forget(url)
		t.Skip("a keyring is available here; the no-keyring path was not exercised")
	}
	var ke *KeyringError
	if !errors.As(err, &ke) {
		t.Fatalf("Save without a keyring: %v, want a *KeyringError", err)
	}
	t.Log(err)
	wantSentence(t, err.Error(), "the OS keyring is not available (", "so the password for hirebench-test@keyring-test.invalid:5432/none cannot be kept; give it in the URL, set PGPASSWORD or put it in a .pgpass file")
	if got, err := Fill(url); got != url || err != nil {
		t.Errorf("Fill without a keyring = %q, %v; want the URL unchanged", got, err)
	}
}

// Saved, the password comes back in the URL as the driver reads it; the
// login, server and database stay as they were; forgotten, it does not.
func TestSaveFillForget(t *testing.T) {
	mock(t, nil)
	const url = "postgres://ana@db.example.com/team?sslmode=verify-full"
	password := "p@ss/w?rd&x=y %#:é" // every character that could split a URL
	if err := Save(url, password); err != nil {
		t.Fatal(err)
	}
	filled, err := Fill(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := pgconn.ParseConfig(filled)
	if err != nil {
		t.Fatalf("pgx cannot read the filled URL: %v", err)
	}
	if cfg.User != "ana" || cfg.Password != password || cfg.Host != "db.example.com" || cfg.Port != 5432 || cfg.Database != "team" {
		t.Errorf("the driver reads %s:%q@%s:%d/%s", cfg.User, cfg.Password, cfg.Host, cfg.Port, cfg.Database)
	}
	// The same account spelled another way gets the same password.
	filled, _ = Fill("postgresql://ana@DB.example.com:5432/team")
	if cfg, err := pgconn.ParseConfig(filled); err != nil || cfg.Password != password {
		t.Errorf("the same account spelled differently: %v", err)
	}
	// Another login, port or database on that server gets nothing.
	for _, other := range []string{"postgres://bob@db.example.com/team", "postgres://ana@db.example.com:5433/team", "postgres://ana@db.example.com/other"} {
		if got, _ := Fill(other); got != other {
			t.Errorf("Fill(%s) added a password meant for another account", other)
		}
	}

	if err := Forget(url); err != nil {
		t.Fatal(err)
	}
	if got, err := Fill(url); got != url || err != nil {
		t.Errorf("after Forget: %q, %v; want the URL unchanged", got, err)
	}
	if err := Forget(url); err != nil {
		t.Errorf("forgetting twice: %v", err)
	}
}

// A password the driver finds itself, in the URL, PGPASSWORD or .pgpass,
// wins over the kept one: the URL comes back as it was.
func TestFillLeavesAGivenPassword(t *testing.T) {
	mock(t, nil)
	const url = "postgres://ana@db.example.com/team"
	if err := Save(url, "kept"); err != nil {
		t.Fatal(err)
	}
	if has, err := HasPassword(url); has || err != nil {
		t.Errorf("HasPassword(%s) with none given = %v, %v", url, has, err)
	}
	for _, given := range []string{
		"postgres://ana:given@db.example.com/team",
		"postgres://ana@db.example.com/team?password=given",
	} {
		if got, err := Fill(given); got != given || err != nil {
			t.Errorf("Fill(%s) = %q, %v; want it unchanged", given, got, err)
		}
		if has, err := HasPassword(given); !has || err != nil {
			t.Errorf("HasPassword(%s) = %v, %v", given, has, err)
		}
	}

	t.Run("PGPASSWORD", func(t *testing.T) {
		t.Setenv("PGPASSWORD", "from-the-environment")
		if got, err := Fill(url); got != url || err != nil {
			t.Errorf("Fill = %q, %v; want the URL unchanged", got, err)
		}
		if has, err := HasPassword(url); !has || err != nil {
			t.Errorf("HasPassword = %v, %v", has, err)
		}
	})
	t.Run(".pgpass", func(t *testing.T) {
		pgpass := filepath.Join(t.TempDir(), "pgpass")
		if err := os.WriteFile(pgpass, []byte("db.example.com:5432:team:ana:from-pgpass\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PGPASSFILE", pgpass)
		if got, err := Fill(url); got != url || err != nil {
			t.Errorf("Fill = %q, %v; want the URL unchanged", got, err)
		}
		// .pgpass names another database: the kept password is used.
		other := "postgres://ana@db.example.com/other"
		if err := Save(other, "kept"); err != nil {
			t.Fatal(err)
		}
		if got, _ := Fill(other); got != other+"?password=kept" {
			t.Errorf("Fill(%s) = %q, want the kept password", other, got)
		}
	})
}

// The login or server the environment supplies is the one the driver
// connects to, so the password kept for that account is filled in; for
// another login it is not. A URL the driver cannot read is refused.
func TestFillFromTheEnvironment(t *testing.T) {
	mock(t, nil)
	if err := Save("postgres://ana@db.example.com/team", "kept"); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGUSER", "ana")
	const url = "postgres://db.example.com/team"
	if got, err := Fill(url); got != url+"?password=kept" || err != nil {
		t.Errorf("with PGUSER=ana: Fill(%s) = %q, %v", url, got, err)
	}
	t.Setenv("PGHOST", "db.example.com")
	if got, err := Fill("postgres:///team"); got != "postgres:///team?password=kept" || err != nil {
		t.Errorf("with PGUSER and PGHOST: Fill = %q, %v", got, err)
	}
	t.Setenv("PGUSER", "bob")
	if got, err := Fill(url); got != url || err != nil {
		t.Errorf("with PGUSER=bob: Fill(%s) = %q, %v; want it unchanged", url, got, err)
	}
	var ue *URLError
	if _, err := Fill("postgres://ana:Zebra%zz@db.example.com/team"); !errors.As(err, &ue) {
		t.Errorf("a malformed URL: %v, want a *URLError", err)
	}
}

// With no keyring (the mock failing as D-Bus does here), Save says so and
// what to do instead; Fill carries on with the URL as given.
func TestNoKeyring(t *testing.T) {
	mock(t, errors.New("no dbus"))
	const url = "postgres://ana@db.example.com/team"
	err := Save(url, "Zebra-Secret-77")
	var ke *KeyringError
	if !errors.As(err, &ke) {
		t.Fatalf("Save: %v, want a *KeyringError", err)
	}
	wantSentence(t, err.Error(), "the OS keyring is not available (no dbus), so the password for ana@db.example.com:5432/team cannot be kept; give it in the URL, set PGPASSWORD or put it in a .pgpass file")
	if got, err := Fill(url); got != url || err != nil {
		t.Errorf("Fill: %q, %v; want the URL unchanged and no error", got, err)
	}
	err = Forget(url)
	wantSentence(t, err.Error(), "the OS keyring is not available (no dbus), so the password for ana@db.example.com:5432/team cannot be forgotten")
}

// Whatever goes wrong, no error repeats a password, the URL's or the one
// being saved.
func TestNoPasswordInErrors(t *testing.T) {
	urls := []string{
		"postgres://ana:Zebra-Secret-77@db.example.com/team",
		"postgres://ana:Zebra-Secret-77@db.example.com:x/team",
		"postgres://ana:Zebra-Secret-77%zz@db.example.com/team",
		"postgres://ana:Zebra-Secret-77 @db.example.com/team",
		"postgres://:Zebra-Secret-77@db.example.com/team",
		"postgres://ana@db.example.com/team?password=Zebra-Secret-77%&sslmode=disable",
		"postgres://ana:Zebra/Secret-77@db.example.com/team",
		"postgres://ana:Zebra-Secret-77@[db.example.com/team",
		"postgresx://ana:Zebra-Secret-77@db.example.com/team",
	}
	for _, failure := range []error{nil, errors.New("no dbus")} {
		mock(t, failure)
		for _, url := range urls {
			_, err1 := Account(url)
			err2 := Save(url, "Zebra-Secret-77")
			err3 := Forget(url)
			_, err4 := Fill(url)
			_, err5 := HasPassword(url)
			for _, err := range []error{err1, err2, err3, err4, err5} {
				if err != nil && (strings.Contains(err.Error(), "Zebra") || strings.Contains(err.Error(), "Secret")) {
					t.Errorf("%s: the error repeats the password: %q", url, err)
				}
			}
		}
	}
	mock(t, nil)
	for _, bad := range []string{"", "Zebra\x00Secret"} {
		if err := Save("postgres://ana@db.example.com/team", bad); err == nil || strings.Contains(err.Error(), "Zebra") {
			t.Errorf("Save(%q): %v", bad, err)
		}
	}
}

func wantSentence(t *testing.T, got string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			t.Errorf("%q\ndoes not say %q", got, p)
		}
	}
}
