package assist_test

import (
	"hirebench/storage/storagetest"
	"os"
	"testing"
)

// TestMain points the OS keyring's bus at nothing, so the tests take the
// real no-keyring path and never read or change the key of whoever runs
// them (keys_test.go uses the library's mock for the keyring path).
func TestMain(m *testing.M) {
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hirebench-tests-have-no-keyring")
	code := m.Run()
	storagetest.RemoveTemplates()
	os.Exit(code)
}
