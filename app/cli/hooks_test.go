package cli

// SetGetenv replaces how commands read the environment (the AI key), for
// tests; it returns a function that puts the real one back.
func SetGetenv(f func(string) string) (restore func()) {
	old := getenv
	getenv = f
	return func() { getenv = old }
}
