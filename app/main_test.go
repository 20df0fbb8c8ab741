package app

import (
	"os"
	"testing"
)

// TestMain points the OS keyring's bus at nothing, so the AI facade's tests
// take the real no-keyring path and never read or change the key of whoever
// runs them.
func TestMain(m *testing.M) {
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hirebench-tests-have-no-keyring")
	os.Exit(m.Run())
}
