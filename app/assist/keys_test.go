package assist

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"
)

func noEnv(string) string { return "" }

// On this machine there is no Secret Service: the real keyring path must
// say so plainly, and the environment still works.
func TestFindKeyWithoutAKeyring(t *testing.T) {
	if _, _, err := FindKey(noEnv); !errors.Is(err, ErrNoKey) {
		t.Fatalf("err = %v, want ErrNoKey", err)
	}
	var ke *KeyringError
	if err := SaveKey("sk-test"); err != nil && !errors.As(err, &ke) {
		t.Errorf("SaveKey without a keyring: %v, want a *KeyringError", err)
	} else if err == nil {
		t.Log("a keyring is available here; the no-keyring path was not exercised")
		ForgetKey()
	}
	k, src, err := FindKey(func(string) string { return " sk-env " })
	if err != nil || k != "sk-env" || src != "environment" {
		t.Errorf("from the environment: %q %q %v", k, src, err)
	}
}

// With a keyring (the library's mock), a saved key is found, the
// environment wins over it, and forgetting removes it.
func TestKeyringRoundTrip(t *testing.T) {
	keyring.MockInit()
	if err := SaveKey("  sk-saved  "); err != nil {
		t.Fatal(err)
	}
	if k, src, err := FindKey(noEnv); k != "sk-saved" || src != "keyring" || err != nil {
		t.Errorf("FindKey = %q %q %v", k, src, err)
	}
	if k, src, _ := FindKey(func(string) string { return "sk-env" }); k != "sk-env" || src != "environment" {
		t.Errorf("the environment should win: %q %q", k, src)
	}
	if err := ForgetKey(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := FindKey(noEnv); !errors.Is(err, ErrNoKey) {
		t.Errorf("after ForgetKey: %v", err)
	}
	if err := SaveKey(" "); err == nil {
		t.Error("an empty key was saved")
	}
}
