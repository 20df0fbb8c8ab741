// `login` and `logout` keep a shared workspace's password in the OS keyring
// (app/dbsecret), so it need not sit in HIREBENCH_DB, a script or the shell's
// history. They only touch the keyring: the server need not be reachable, so
// Run calls them before it opens the store.

package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"hirebench/app/dbsecret"
)

// maxPassword bounds the line read, far above any real password.
const maxPassword = 1024

// The password is never taken from an argument: other users see a
// process's arguments, and the shell keeps them in its history. `read -s`
// is the shell's own way to type it unseen.
const loginUsage = "give the password on standard input with --password-stdin, for example: " +
	`read -rs PW && printf '%s\n' "$PW" | hirebench --db URL login --password-stdin`

// LoginCommand is `hirebench --db URL login --password-stdin`: it reads one
// line from stdin and keeps it in the OS keyring for the account dbURL
// names. A stray argument is not quoted back: it may be the password.
func LoginCommand(dbURL string, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("login")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError{errors.New("an unexpected flag or argument (not repeated here: it may be the password); " + loginUsage)}
	}
	if dbURL == "" {
		return usageError{errors.New("login needs the shared workspace: hirebench --db postgres://LOGIN@HOST/DATABASE login --password-stdin")}
	}
	account, err := dbsecret.Account(dbURL)
	if err != nil {
		return err
	}
	if !*fromStdin {
		return usageError{errors.New(loginUsage)}
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	if err := dbsecret.Save(dbURL, password); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "saved the password for %s in the OS keyring\n", account)
	if has, _ := dbsecret.HasPassword(dbURL); has {
		fmt.Fprintln(stdout, "a password is already given (in the URL, PGPASSWORD or a .pgpass file), which is used before the saved one: take it out")
	}
	return nil
}

// readPassword is the first line of r without its line ending; r may end
// without one (printf '%s').
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, maxPassword+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the password from standard input: %w", err)
	}
	if len(line) > 0 && line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
	}
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	switch {
	case line == "":
		return "", errors.New("no password on standard input (the first line is empty)")
	case len(line) > maxPassword:
		return "", fmt.Errorf("the password on standard input is longer than %d bytes", maxPassword)
	}
	return line, nil
}

// LogoutCommand is `hirebench --db URL logout`: it forgets the password
// kept for the account dbURL names; none kept is fine.
func LogoutCommand(dbURL string, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usageError{errors.New("logout takes no arguments")}
	}
	if dbURL == "" {
		return usageError{errors.New("logout needs the shared workspace: hirebench --db postgres://LOGIN@HOST/DATABASE logout")}
	}
	account, err := dbsecret.Account(dbURL)
	if err != nil {
		return err
	}
	if err := dbsecret.Forget(dbURL); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "the OS keyring holds no password for %s now\n", account)
	return nil
}
