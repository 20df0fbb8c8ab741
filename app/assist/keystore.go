// The window's hold on the API key: saved to the OS keyring, or, where
// there is none, kept in this process's memory until hirebench closes (and
// the person is told so); never a plaintext file. The key goes out only to
// the endpoint: the window is told where it lives and its last 4
// characters, never the key.

package assist

import (
	"errors"
	"strings"
	"sync"
	"unicode"

	"hirebench/app/model"
)

// Where the key in use comes from.
const (
	KeyNone        = "none"
	KeyKeyring     = "keyring"
	KeyMemory      = "memory"
	KeyEnvironment = "environment"
)

// KeyState is what the window shows about the key.
type KeyState struct {
	Source string `json:"source"` // KeyNone, KeyKeyring, KeyMemory or KeyEnvironment
	Last4  string `json:"last4"`  // its last 4 characters ("" for none or a short key)
	Note   string `json:"note"`   // the same in words
}

// KeyStore finds and keeps the key for the window. Order: the environment
// (OPENAI_API_KEY, as the CLI), then a key kept in memory (only when the
// keyring failed), then the keyring.
type KeyStore struct {
	getenv func(string) string
	// keyring operations; tests replace them
	save   func(string) error
	forget func() error
	find   func(getenv func(string) string) (string, string, error)

	mu     sync.Mutex
	memory string
}

// NewKeyStore uses the OS keyring; getenv is os.Getenv outside tests.
func NewKeyStore(getenv func(string) string) *KeyStore {
	return &KeyStore{getenv: getenv, save: SaveKey, forget: ForgetKey, find: FindKey}
}

// maxKey is far above any real key (OpenAI's are ~160 characters).
const maxKey = 1000

// Key is the key to call with; ErrNoKey when there is none.
func (k *KeyStore) Key() (string, error) {
	key, _, err := k.lookup()
	return key, err
}

func (k *KeyStore) lookup() (key, source string, err error) {
	if v := strings.TrimSpace(k.getenv(KeyEnv)); v != "" {
		return v, KeyEnvironment, nil
	}
	k.mu.Lock()
	mem := k.memory
	k.mu.Unlock()
	if mem != "" {
		return mem, KeyMemory, nil
	}
	key, source, err = k.find(func(string) string { return "" })
	if err != nil {
		return "", KeyNone, ErrNoKey
	}
	return key, source, nil
}

// State says where the key in use comes from.
func (k *KeyStore) State() KeyState {
	key, source, _ := k.lookup()
	s := KeyState{Source: source, Last4: last4(key)}
	switch source {
	case KeyEnvironment:
		s.Note = "From " + KeyEnv + " (set where hirebench was started; it wins over a saved key)"
	case KeyMemory:
		s.Note = "Kept until hirebench closes: no keyring on this computer"
	case KeyKeyring:
		s.Note = "Saved in the keyring"
	default:
		s.Note = "None"
	}
	return s
}

// Save keeps key in the keyring, or in memory when there is no keyring.
func (k *KeyStore) Save(key string) (KeyState, error) {
	key = strings.TrimSpace(key)
	switch {
	case key == "":
		return k.State(), model.Invalid("key", "paste the API key")
	case len(key) > maxKey || strings.IndexFunc(key, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return k.State(), model.Invalid("key", "an API key is one word of at most %d characters, without spaces", maxKey)
	}
	err := k.save(key)
	var ke *KeyringError
	switch {
	case err == nil:
		k.setMemory("")
	case errors.As(err, &ke):
		k.setMemory(key)
	default:
		return k.State(), err
	}
	return k.State(), nil
}

// Forget drops the key kept in memory and the one in the keyring. A
// keyring that cannot be reached holds nothing of ours to forget.
func (k *KeyStore) Forget() (KeyState, error) {
	k.setMemory("")
	var ke *KeyringError
	if err := k.forget(); err != nil && !errors.As(err, &ke) {
		return k.State(), err
	}
	return k.State(), nil
}

func (k *KeyStore) setMemory(key string) {
	k.mu.Lock()
	k.memory = key
	k.mu.Unlock()
}

// last4 shows the end of a key long enough that 4 characters give nothing away.
func last4(key string) string {
	r := []rune(key)
	if len(r) < 12 {
		return ""
	}
	return string(r[len(r)-4:])
}
