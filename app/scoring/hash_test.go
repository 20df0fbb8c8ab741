// Tests the scorecard hash versions: version 2 binds a card (and each amendment)
// to its candidate, role and round exactly as docs/SCORING.md writes it, version
// 1 cards keep verifying, and Verify refuses a bound card filed elsewhere.

package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

var bound = Binding{CandidateUID: strings.Repeat("c", 32), RoleUID: strings.Repeat("d", 32), RoundUID: strings.Repeat("e", 32)}

func sealedV2() Scorecard {
	c := submitted()
	c.HashVersion, c.Binding, c.Placed = HashV2, bound, true
	c.SHA256 = Hash(c)
	return c
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// The bytes docs/SCORING.md gives as the version 2 canonical form, typed in
// here, hash to what Hash computes.
func TestHashV2IsTheDocumentedForm(t *testing.T) {
	c := submitted()
	c.HashVersion, c.Binding = HashV2, bound
	want := sha(`{"format":"hirebench.scorecard/v2","uid":"0123456789abcdef0123456789abcdef",` +
		`"candidateUid":"cccccccccccccccccccccccccccccccc","roleUid":"dddddddddddddddddddddddddddddddd","roundUid":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",` +
		`"revision":0,"author":"Sam Okafor","rubricSha256":"` + strings.Repeat("a", 64) + `","competencies":["c1"],` +
		`"answers":{"q1":{"score":3,"notes":"backoff + jitter"},"q2":{"skipped":true,"skipReason":"time"}},` +
		`"recommendation":"yes","notes":"solid","at":"2026-03-02T10:00:00.000Z"}`)
	if got := Hash(c); got != want {
		t.Errorf("Hash v2 = %s, want %s (the documented canonical form)", got, want)
	}
	rev := Revision{Revision: 1, Answers: map[string]Answer{"q1": {Score: intp(2)}}, Recommendation: "no", Reason: "typo",
		AuthorName: "Sam Okafor", CreatedAt: "2026-03-03T09:00:00.000Z", HashVersion: HashV2, Binding: bound}
	prev := strings.Repeat("9", 64)
	want = sha(`{"format":"hirebench.scorecard/v2","uid":"0123456789abcdef0123456789abcdef",` +
		`"candidateUid":"cccccccccccccccccccccccccccccccc","roleUid":"dddddddddddddddddddddddddddddddd","roundUid":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",` +
		`"revision":1,"previousSha256":"` + prev + `","author":"Sam Okafor","rubricSha256":"` + strings.Repeat("a", 64) + `","competencies":["c1"],` +
		`"answers":{"q1":{"score":2}},"recommendation":"no","notes":"","reason":"typo","at":"2026-03-03T09:00:00.000Z"}`)
	if got := RevisionHash(c, rev, prev); got != want {
		t.Errorf("RevisionHash v2 = %s, want %s", got, want)
	}
}

func TestHashV2CoversTheBindingAndV1DoesNot(t *testing.T) {
	c := sealedV2()
	for name, b := range map[string]Binding{
		"candidate": {CandidateUID: strings.Repeat("f", 32), RoleUID: bound.RoleUID, RoundUID: bound.RoundUID},
		"role":      {CandidateUID: bound.CandidateUID, RoleUID: strings.Repeat("f", 32), RoundUID: bound.RoundUID},
		"round":     {CandidateUID: bound.CandidateUID, RoleUID: bound.RoleUID, RoundUID: strings.Repeat("f", 32)},
	} {
		x := c
		x.Binding = b
		if Hash(x) == c.SHA256 {
			t.Errorf("another %s does not change a version 2 hash", name)
		}
		if err := Verify(x); err == nil {
			t.Errorf("a card rebound to another %s verifies", name)
		}
	}
	// Version 1 is the old definition whatever the card says it is bound to.
	v1 := submitted()
	plain := Hash(v1)
	v1.Binding = bound
	if Hash(v1) != plain {
		t.Error("the binding changes a version 1 hash: cards submitted before bindings would stop verifying")
	}
	v1.HashVersion = HashV2
	if Hash(v1) == plain {
		t.Error("versions 1 and 2 hash the same card alike: a v2 card could pass as v1 and drop its binding")
	}
	// A version 2 card must be bound: an empty binding is not a shortcut.
	unbound := submitted()
	unbound.HashVersion = HashV2
	unbound.SHA256 = Hash(unbound)
	if err := Verify(unbound); err == nil {
		t.Error("a version 2 card without a binding verifies")
	}
	unknown := submitted()
	unknown.HashVersion = 3
	if Hash(unknown) != "" {
		t.Error("an unknown hash version gives a hash")
	}
}

func TestVerifyRefusesABoundCardFiledElsewhere(t *testing.T) {
	c := sealedV2()
	if err := Verify(c); err != nil {
		t.Fatalf("intact bound card: %v", err)
	}
	c.Placed = false // its rows point at another candidate, role or round
	err := Verify(c)
	var te *TamperedError
	if !errors.As(err, &te) || !te.Moved || te.Revision != 0 || !strings.Contains(err.Error(), "another candidate, role or round") {
		t.Fatalf("Verify of a moved card = %v", err)
	}

	// A version 1 card amended since: the amendment is bound, so moving the
	// card is caught by its amendment.
	old := submitted()
	old.SHA256 = Hash(old)
	rev := Revision{Revision: 1, Answers: map[string]Answer{"q1": {Score: intp(2)}}, Recommendation: "no", Reason: "typo",
		AuthorName: old.AuthorName, CreatedAt: "2026-03-05T10:00:00.000Z", HashVersion: HashV2, Binding: bound, Placed: true}
	rev.SHA256 = RevisionHash(old, rev, old.SHA256)
	old.Revisions = []Revision{rev}
	if err := Verify(old); err != nil {
		t.Fatalf("v1 card with a v2 amendment: %v", err)
	}
	old.Revisions[0].Placed = false
	if err := Verify(old); !errors.As(err, &te) || !te.Moved || te.Revision != 1 {
		t.Errorf("moved v1 card with a bound amendment: %v, want amendment 1 named as moved", err)
	}
	// An unbound version 1 card has nothing to prove: it verifies as before.
	plain := submitted()
	plain.SHA256 = Hash(plain)
	if err := Verify(plain); err != nil {
		t.Errorf("unbound v1 card: %v", err)
	}
}

func TestBindingHashSealsAVersion1CardsBinding(t *testing.T) {
	c := submitted()
	c.SHA256, c.Binding = Hash(c), bound
	want := sha(`{"format":"hirebench.binding/v1","uid":"0123456789abcdef0123456789abcdef","sha256":"` + c.SHA256 + `",` +
		`"candidateUid":"cccccccccccccccccccccccccccccccc","roleUid":"dddddddddddddddddddddddddddddddd","roundUid":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"}`)
	if got := BindingHash(c); got != want {
		t.Errorf("BindingHash = %s, want %s", got, want)
	}
	x := c
	x.Binding.CandidateUID = strings.Repeat("f", 32)
	if BindingHash(x) == want {
		t.Error("BindingHash does not cover the candidate")
	}
	x = c
	x.SHA256 = strings.Repeat("0", 64)
	if BindingHash(x) == want {
		t.Error("BindingHash does not cover the card's hash")
	}
}
