// Tests passphrase hashing: argon2id in PHC form, parameters read from the hash, malformed
// hashes refused, and the length rules for a new passphrase.

package passphrase

import (
	"errors"
	"strings"
	"testing"
)

func TestHashVerifies(t *testing.T) {
	h, err := Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id in PHC form", h)
	}
	if strings.Contains(h, "correct horse") {
		t.Fatal("the hash contains the passphrase")
	}
	for _, c := range []struct {
		p    string
		want bool
	}{{"correct horse battery", true}, {"correct horse batter", false}, {"Correct horse battery", false}, {"", false}} {
		ok, err := Verify(h, c.p)
		if err != nil || ok != c.want {
			t.Errorf("Verify(%q) = %v, %v; want %v", c.p, ok, err, c.want)
		}
	}
	h2, _ := Hash("correct horse battery")
	if h2 == h {
		t.Error("two hashes of one passphrase are equal: the salt is not random")
	}
}

// The argon2id vector of the reference implementation's test suite
// (phc-winner-argon2, src/test.c: "password", "somesalt", t=2, m=2^16,
// p=1): a hash with other parameters than ours verifies, so they are read
// from the string, not assumed, and the encoding matches the reference.
func TestVerifyReadsParametersFromTheHash(t *testing.T) {
	const stored = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
	ok, err := Verify(stored, "password")
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Error("a valid low-cost hash did not verify")
	}
}

func TestVerifyRefusesMalformed(t *testing.T) {
	for _, s := range []string{"", "plain", "$argon2i$v=19$m=8,t=1,p=1$c29tZXNhbHQ$Yr1D/0qGFITYzz8OYoA0Ww",
		"$argon2id$v=18$m=8,t=1,p=1$c29tZXNhbHQ$Yr1D/0qGFITYzz8OYoA0Ww", "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$Yr1D/0qGFITYzz8OYoA0Ww",
		"$argon2id$v=19$m=262145,t=1,p=1$c29tZXNhbHQ$Yr1D/0qGFITYzz8OYoA0Ww",
		"$argon2id$v=19$m=8,t=1,p=1$!!$Yr1D/0qGFITYzz8OYoA0Ww"} {
		if _, err := Verify(s, "password"); !errors.Is(err, ErrMalformed) {
			t.Errorf("Verify(%q) = %v, want ErrMalformed", s, err)
		}
	}
}

func TestCheck(t *testing.T) {
	if Check("short") == "" || Check("        ") == "" || Check(strings.Repeat("x", MaxLength+1)) == "" {
		t.Error("a too short, blank or too long passphrase was accepted")
	}
	if msg := Check("eight ch"); msg != "" {
		t.Errorf("8 characters refused: %s", msg)
	}
}
