// Where the API key comes from: the environment (scripts, CI) or the OS
// keyring (the app's Settings). Never a flag, the database, a log or a
// file of ours; when there is no keyring the app keeps the key in memory
// until it closes and says so, never a plaintext fallback.

package assist

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"
)

const (
	keyringService = "hirebench"
	keyringUser    = "openai-api-key"
	// KeyEnv is the environment variable scripts set.
	KeyEnv = "OPENAI_API_KEY"
)

// ErrNoKey: neither the environment nor the keyring holds a key.
var ErrNoKey = errors.New("no API key: set " + KeyEnv + " or save a key in Settings (it goes to the OS keyring)")

// KeyringError: the OS keyring could not be used (none on a headless
// machine, locked, or refused).
type KeyringError struct{ Err error }

func (e *KeyringError) Error() string {
	return fmt.Sprintf("the OS keyring is not available (%v), so the key cannot be kept between sessions", e.Err)
}
func (e *KeyringError) Unwrap() error { return e.Err }

// FindKey returns the key and where it came from ("environment" or
// "keyring"). getenv is os.Getenv outside tests.
func FindKey(getenv func(string) string) (key, source string, err error) {
	if k := strings.TrimSpace(getenv(KeyEnv)); k != "" {
		return k, "environment", nil
	}
	k, err := keyring.Get(keyringService, keyringUser)
	switch {
	case err == nil && k != "":
		return k, "keyring", nil
	case err == nil, errors.Is(err, keyring.ErrNotFound):
		return "", "", ErrNoKey
	default:
		return "", "", errors.Join(ErrNoKey, &KeyringError{err})
	}
}

// SaveKey keeps the key in the OS keyring; a *KeyringError means the
// caller must keep it in memory only, and tell the person.
func SaveKey(key string) error {
	key = strings.TrimSpace(key)
	if key == "" {
		return errors.New("the API key is empty")
	}
	if err := keyring.Set(keyringService, keyringUser, key); err != nil {
		return &KeyringError{err}
	}
	return nil
}

// ForgetKey removes the key from the keyring (nothing to remove is fine).
func ForgetKey() error {
	if err := keyring.Delete(keyringService, keyringUser); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return &KeyringError{err}
	}
	return nil
}
