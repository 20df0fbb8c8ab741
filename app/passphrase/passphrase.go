// Package passphrase hashes and checks profile passphrases with argon2id
// (golang.org/x/crypto/argon2), stored in the PHC string form
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" so the parameters travel
// with the hash and can be raised later without breaking old ones.
package passphrase

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Parameters: OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const (
	memoryKiB = 19 * 1024
	passes    = 2
	lanes     = 1
	saltLen   = 16
	keyLen    = 32
)

// maxMemoryKiB caps the memory a stored hash may ask for (256 MiB), so a
// doctored workspace cannot make unlocking exhaust the laptop.
const maxMemoryKiB = 256 * 1024

// Length limits on a passphrase, in characters.
const (
	MinLength = 8
	MaxLength = 1024
)

// ErrMalformed means a stored hash is not one this package wrote.
var ErrMalformed = errors.New("passphrase: malformed hash")

var b64 = base64.RawStdEncoding

// Check says what is wrong with a new passphrase ("" when it is fine).
func Check(p string) string {
	n := utf8.RuneCountInString(p)
	switch {
	case strings.TrimSpace(p) == "":
		return "Type a passphrase"
	case n < MinLength:
		return fmt.Sprintf("Use at least %d characters", MinLength)
	case n > MaxLength:
		return fmt.Sprintf("Use at most %d characters", MaxLength)
	}
	return ""
}

// Hash returns the PHC string of p with a fresh random salt.
func Hash(p string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(p), salt, passes, memoryKiB, lanes, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memoryKiB, passes, lanes, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify checks p against a stored PHC string in constant time.
func Verify(stored, p string) (bool, error) {
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return false, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrMalformed
	}
	var m, t uint32
	var l uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &l); err != nil || m == 0 || t == 0 || l == 0 || m > maxMemoryKiB || t > 100 {
		return false, ErrMalformed
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return false, ErrMalformed
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < 16 || len(want) > 128 {
		return false, ErrMalformed
	}
	got := argon2.IDKey([]byte(p), salt, t, m, l, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
