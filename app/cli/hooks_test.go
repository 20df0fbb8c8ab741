package cli

import "io"

// SetGetenv replaces how commands read the environment (the AI key), for
// tests; it returns a function that puts the real one back.
func SetGetenv(f func(string) string) (restore func()) {
	old := getenv
	getenv = f
	return func() { getenv = old }
}

// SetPasswordInput replaces what --password-stdin reads, for tests; it
// returns a function that puts standard input back.
func SetPasswordInput(r io.Reader) (restore func()) {
	old := passwordInput
	passwordInput = r
	return func() { passwordInput = old }
}
