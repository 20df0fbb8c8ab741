// Package dbsecret keeps the passwords of shared workspaces (team mode,
// issue 15) in the OS keyring, like the AI key (app/assist/keys.go): never
// in a settings file, a log or an error's text. A password is kept under the
// account its URL names (Account), so it only ever goes back to that login
// on that server. Where there is no keyring nothing is kept: the password
// comes from the URL, PGPASSWORD or a .pgpass file, which the driver reads
// (and which win over the keyring where there is one).
package dbsecret

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/zalando/go-keyring"
)

const (
	keyringService = "hirebench" // the AI key's service too
	accountPrefix  = "postgres:"
)

// KeyringError: the OS keyring could not be used (none on a headless
// machine, locked, or refused). Account names the password it was about.
type KeyringError struct {
	Account string
	Forget  bool // it failed to forget, not to save
	Err     error
}

func (e *KeyringError) Error() string {
	if e.Forget {
		return fmt.Sprintf("the OS keyring is not available (%v), so the password for %s cannot be forgotten", e.Err, e.Account)
	}
	return fmt.Sprintf("the OS keyring is not available (%v), so the password for %s cannot be kept; "+
		"give it in the URL, set PGPASSWORD or put it in a .pgpass file", e.Err, e.Account)
}

func (e *KeyringError) Unwrap() error { return e.Err }

// Save keeps password in the keyring for the account url names (a password
// in url itself is ignored). A *KeyringError means there is no keyring to
// keep it in.
func Save(url, password string) error {
	account, err := Account(url)
	if err != nil {
		return err
	}
	switch {
	case password == "":
		return errors.New("the password is empty")
	case strings.IndexByte(password, 0) >= 0: // libpq cannot carry it (%00 is refused)
		return errors.New("the password holds a NUL character, which PostgreSQL clients cannot send")
	}
	err = keyring.Set(keyringService, accountPrefix+account, password)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return fmt.Errorf("the password for %s is too long for the OS keyring", account)
	}
	return &KeyringError{Account: account, Err: err}
}

// Forget removes the password kept for the account url names; none kept is
// fine.
func Forget(url string) error {
	account, err := Account(url)
	if err != nil {
		return err
	}
	err = keyring.Delete(keyringService, accountPrefix+account)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return &KeyringError{Account: account, Forget: true, Err: err}
	}
	return nil
}

// HasPassword tells whether the driver already has a password for url, in
// the URL itself, PGPASSWORD or a .pgpass file: it uses that one, and never
// one kept here.
func HasPassword(url string) (bool, error) {
	cfg, err := parse(url)
	if err != nil {
		return false, err
	}
	return cfg.Password != "", nil
}

// Fill returns url with the password kept for its account, for opening the
// store; the result must never be printed or logged. url comes back
// unchanged when the driver already has a password (HasPassword: as in
// libpq, every source it reads wins over the keyring, like OPENAI_API_KEY
// over the AI key), when no login is known, when nothing is kept, and when
// there is no keyring: the server then asks for a password and refuses, in
// its own words. Only a URL the driver cannot read is an error (*URLError).
func Fill(url string) (string, error) {
	cfg, err := parse(url)
	if err != nil {
		return "", err
	}
	if cfg.Password != "" {
		return url, nil
	}
	account, err := account(cfg)
	if err != nil {
		return url, nil
	}
	password, err := keyring.Get(keyringService, accountPrefix+account)
	if err != nil || password == "" {
		return url, nil
	}
	filled := withPassword(url, password)
	// A URL odd enough to read differently once the parameter is added
	// keeps its own reading, and the server asks.
	got, err := pgconn.ParseConfig(filled)
	if err != nil || got.Password != password || got.User != cfg.User || got.Database != cfg.Database ||
		!slices.Equal(servers(got), servers(cfg)) {
		return url, nil
	}
	return filled, nil
}

// withPassword adds password as the last query parameter, which wins over
// any other (pgx and libpq take the last occurrence). It is escaped whole,
// so it holds no '@', '/', '&' or '=' that could change how the URL splits.
// A '?' before the query (in a login) misleads the choice of separator;
// Fill's read-back then refuses the result.
func withPassword(url, password string) string {
	param := "password=" + escape(password)
	switch {
	case !strings.Contains(url, "?"):
		return url + "?" + param
	case strings.HasSuffix(url, "?"), strings.HasSuffix(url, "&"):
		return url + param
	}
	return url + "&" + param
}

// escape percent-encodes every byte but the unreserved ones (RFC 3986).
func escape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + string(hex[c>>4]) + string(hex[c&15]))
	}
	return b.String()
}
