package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"hirebench/app/dbsecret"

	"github.com/zalando/go-keyring"
)

// keyringMock gives the test the library's keyring (failing with fail, when
// given); afterwards the package's other tests find no keyring, as on this
// machine (the mock cannot be undone).
func keyringMock(t *testing.T, fail error) {
	if fail == nil {
		keyring.MockInit()
	} else {
		keyring.MockInitWithError(fail)
	}
	t.Cleanup(func() { keyring.MockInitWithError(errors.New("no Secret Service here")) })
	t.Setenv("PGPASSWORD", "")
}

const teamURL = "postgres://ana@db.example.com/team"

// login keeps the piped password for the URL's account, logout forgets it;
// neither needs the server (db.example.com is never reached).
func TestLoginThenLogout(t *testing.T) {
	keyringMock(t, nil)
	for _, stdin := range []string{"s3cret pw\n", "s3cret pw\r\n", "s3cret pw", "s3cret pw\nnext line\n"} {
		var out bytes.Buffer
		if err := LoginCommand(teamURL, []string{"--password-stdin"}, strings.NewReader(stdin), &out); err != nil {
			t.Fatalf("login with %q: %v", stdin, err)
		}
		if got, want := out.String(), "saved the password for ana@db.example.com:5432/team in the OS keyring\n"; got != want {
			t.Errorf("login printed %q, want %q", got, want)
		}
		if got, _ := dbsecret.Fill(teamURL); got != "postgres://ana@db.example.com/team?password=s3cret%20pw" {
			t.Errorf("after login with %q the URL opened is %q", stdin, got)
		}
	}

	var out bytes.Buffer
	if err := LogoutCommand("postgresql://ana@DB.example.com:5432/team", nil, &out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "the OS keyring holds no password for ana@db.example.com:5432/team now\n"; got != want {
		t.Errorf("logout printed %q, want %q", got, want)
	}
	if got, _ := dbsecret.Fill(teamURL); got != teamURL {
		t.Errorf("after logout the URL opened is %q", got)
	}
	out.Reset()
	if err := LogoutCommand(teamURL, nil, &out); err != nil {
		t.Errorf("logout with nothing saved: %v", err)
	}
}

// A URL that still holds a password gets a warning: that one wins.
func TestLoginWithAPasswordInTheURL(t *testing.T) {
	keyringMock(t, nil)
	var out bytes.Buffer
	if err := LoginCommand("postgres://ana:old@db.example.com/team", []string{"--password-stdin"}, strings.NewReader("new\n"), &out); err != nil {
		t.Fatal(err)
	}
	want := "saved the password for ana@db.example.com:5432/team in the OS keyring\n" +
		"a password is already given (in the URL, PGPASSWORD or a .pgpass file), which is used before the saved one: take it out\n"
	if out.String() != want {
		t.Errorf("login printed %q, want %q", out.String(), want)
	}
}

// Misuse is refused with what to type instead, and a password typed where
// it does not belong is never echoed back.
func TestLoginRefusals(t *testing.T) {
	keyringMock(t, nil)
	cases := []struct {
		name, url string
		args      []string
		stdin     string
		usage     bool
		want      string
	}{
		{"no --password-stdin", teamURL, nil, "pw\n", true, `give the password on standard input with --password-stdin, for example: read -rs PW && printf '%s\n' "$PW" | hirebench --db URL login --password-stdin`},
		{"the password as an argument", teamURL, []string{"Zebra-Secret"}, "", true, "an unexpected flag or argument (not repeated here: it may be the password); give the password on standard input"},
		{"the password as a flag", teamURL, []string{"--password=Zebra-Secret"}, "", true, "an unexpected flag or argument (not repeated here: it may be the password); give the password on standard input"},
		{"no --db", "", []string{"--password-stdin"}, "pw\n", true, "login needs the shared workspace: hirebench --db postgres://LOGIN@HOST/DATABASE login --password-stdin"},
		{"a URL the driver cannot read", "postgres://ana:Zebra%zz@db.example.com/team", []string{"--password-stdin"}, "pw\n", false, "the database URL cannot be read by the PostgreSQL driver"},
		{"an empty line", teamURL, []string{"--password-stdin"}, "\nZebra-Secret\n", false, "no password on standard input (the first line is empty)"},
		{"nothing piped", teamURL, []string{"--password-stdin"}, "", false, "no password on standard input"},
		{"too long", teamURL, []string{"--password-stdin"}, strings.Repeat("Zebra-Secret", 100), false, "the password on standard input is longer than 1024 bytes"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := LoginCommand(c.url, c.args, strings.NewReader(c.stdin), &out)
		var ue usageError
		switch {
		case err == nil:
			t.Errorf("%s: login succeeded", c.name)
			continue
		case errors.As(err, &ue) != c.usage:
			t.Errorf("%s: usage error %v, want %v (%v)", c.name, !c.usage, c.usage, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %q\ndoes not say %q", c.name, err, c.want)
		}
		if strings.Contains(err.Error(), "Zebra") || out.Len() > 0 {
			t.Errorf("%s: %q, printed %q", c.name, err, out.String())
		}
	}
	if got, _ := dbsecret.Fill(teamURL); got != teamURL {
		t.Errorf("a refused login kept a password: %q", got)
	}
	var ue usageError
	if err := LogoutCommand(teamURL, []string{"now"}, &bytes.Buffer{}); !errors.As(err, &ue) {
		t.Errorf("logout with an argument: %v", err)
	}
	if err := LogoutCommand("", nil, &bytes.Buffer{}); !errors.As(err, &ue) {
		t.Errorf("logout without --db: %v", err)
	}
}

// Without a keyring, login says the password cannot be kept and what to do
// instead; logout says it cannot forget.
func TestLoginWithoutAKeyring(t *testing.T) {
	keyringMock(t, errors.New("no Secret Service here"))
	var out bytes.Buffer
	err := LoginCommand(teamURL, []string{"--password-stdin"}, strings.NewReader("Zebra-Secret\n"), &out)
	var ke *dbsecret.KeyringError
	if !errors.As(err, &ke) || out.Len() > 0 {
		t.Fatalf("login: %v, printed %q; want a *KeyringError and nothing printed", err, out.String())
	}
	want := "the OS keyring is not available (no Secret Service here), so the password for ana@db.example.com:5432/team cannot be kept; give it in the URL, set PGPASSWORD or put it in a .pgpass file"
	if err.Error() != want {
		t.Errorf("login: %q\nwant %q", err, want)
	}
	err = LogoutCommand(teamURL, nil, &out)
	if !errors.As(err, &ke) || !strings.Contains(err.Error(), "cannot be forgotten") || out.Len() > 0 {
		t.Errorf("logout: %v, printed %q", err, out.String())
	}
}
