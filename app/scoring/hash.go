// Scorecard hashes: the canonical form a submitted card and each amendment are
// hashed in, its versions, the binding to whom and what a card scores, and
// Verify. docs/SCORING.md ("Scorecard hashes") states the same definition.

package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"hirebench/app/model"
)

// Hash versions. A card or amendment keeps the version it was sealed with
// forever (its row cannot change), so every version stays verifiable.
const (
	// HashV1 covers content, rubric version and author, not whom the card
	// scores: cards submitted before bindings existed.
	HashV1 = 1
	// HashV2 adds the Binding: every submission and amendment since.
	HashV2 = 2
	// HashVersion is the version new submissions and amendments are sealed with.
	HashVersion = HashV2
)

// Binding names whom and what a card scores by uids that are the same on
// every laptop: bundle import keeps them, and ids differ between laptops.
type Binding struct {
	CandidateUID string `json:"candidateUid,omitempty"`
	RoleUID      string `json:"roleUid,omitempty"`
	RoundUID     string `json:"roundUid,omitempty"`
}

// Complete says whether the binding names all three.
func (b Binding) Complete() bool { return b.CandidateUID != "" && b.RoleUID != "" && b.RoundUID != "" }

// canonical is the exact content a scorecard hash covers. Field order is
// fixed by the struct and map keys are sorted by encoding/json, so the same
// content always gives the same bytes. The binding fields are left out when
// empty, which is how version 1 hashes them (not at all).
type canonical struct {
	Format         string            `json:"format"`
	UID            string            `json:"uid"`
	CandidateUID   string            `json:"candidateUid,omitempty"`
	RoleUID        string            `json:"roleUid,omitempty"`
	RoundUID       string            `json:"roundUid,omitempty"`
	Revision       int               `json:"revision"`
	PreviousSHA256 string            `json:"previousSha256,omitempty"`
	Author         string            `json:"author"`
	RubricSHA256   string            `json:"rubricSha256"`
	Competencies   []string          `json:"competencies"`
	Answers        map[string]Answer `json:"answers"`
	Recommendation string            `json:"recommendation"`
	Notes          string            `json:"notes"`
	Reason         string            `json:"reason,omitempty"`
	// SeenOthers is left out when false, so cards and amendments hashed
	// before it existed keep their hashes.
	SeenOthers bool   `json:"seenOthers,omitempty"`
	At         string `json:"at"`
}

var canonicalFormats = map[int]string{HashV1: "hirebench.scorecard/v1", HashV2: "hirebench.scorecard/v2"}

// Hash is the SHA-256 over a submitted scorecard's canonical content,
// rubric version and author, and (from version 2) its binding, in the
// version c.HashVersion says (0 is 1). Per-question timers are left out:
// they are bookkeeping, not judgement.
func Hash(c Scorecard) string {
	return hashOf(c.HashVersion, c.Binding, canonical{UID: c.UID, Author: c.AuthorName, RubricSHA256: c.RubricSHA256,
		Competencies: nonNil(c.Competencies), Answers: judged(c.Answers), Recommendation: c.Recommendation, Notes: c.Notes,
		SeenOthers: c.SeenOthers, At: c.SubmittedAt})
}

// RevisionHash chains an amendment to what it amends, in the amendment's
// own version with its own binding.
func RevisionHash(c Scorecard, r Revision, previous string) string {
	return hashOf(r.HashVersion, r.Binding, canonical{UID: c.UID, Revision: r.Revision, PreviousSHA256: previous,
		Author: r.AuthorName, RubricSHA256: c.RubricSHA256, Competencies: nonNil(c.Competencies), Answers: judged(r.Answers),
		Recommendation: r.Recommendation, Notes: r.Notes, Reason: r.Reason, SeenOthers: r.SeenOthers, At: r.CreatedAt})
}

// bindingCanonical is what BindingHash covers.
type bindingCanonical struct {
	Format       string `json:"format"`
	UID          string `json:"uid"`
	SHA256       string `json:"sha256"`
	CandidateUID string `json:"candidateUid"`
	RoleUID      string `json:"roleUid"`
	RoundUID     string `json:"roundUid"`
}

// BindingHash seals a version 1 card's binding to its hash, for a bundle:
// the card's own hash does not cover whom it scores, so the exporting
// laptop states it (where the card is filed there) and seals that.
func BindingHash(c Scorecard) string {
	return sum(bindingCanonical{Format: "hirebench.binding/v1", UID: c.UID, SHA256: c.SHA256,
		CandidateUID: c.Binding.CandidateUID, RoleUID: c.Binding.RoleUID, RoundUID: c.Binding.RoundUID})
}

// TamperedError says a submitted scorecard no longer matches its hash, or
// is filed under another candidate, role or round than it was sealed for.
// It is news for the person looking (a conflict), not a bug to log.
type TamperedError struct {
	UID string
	// Revision is the amendment at fault; 0 is the card itself.
	Revision int
	// Moved: the content matches, but not where it is filed.
	Moved bool
	msg   string
}

func (e *TamperedError) Error() string        { return e.msg }
func (e *TamperedError) Is(target error) bool { return target == model.ErrConflict }

// Verify recomputes every hash of a submitted scorecard and its amendments
// and checks that each bound part is placed where it is filed; an error
// names the first part that fails.
func Verify(c Scorecard) error {
	if c.Status != Submitted {
		return nil
	}
	if got := Hash(c); got != c.SHA256 || (c.HashVersion >= HashV2 && !c.Binding.Complete()) {
		return &TamperedError{UID: c.UID, msg: fmt.Sprintf("scorecard %s by %s: content does not match its hash (tampered or corrupted)", c.UID, c.AuthorName)}
	}
	prev := c.SHA256
	for _, r := range c.Revisions {
		if got := RevisionHash(c, r, prev); got != r.SHA256 || (r.HashVersion >= HashV2 && !r.Binding.Complete()) {
			return &TamperedError{UID: c.UID, Revision: r.Revision, msg: fmt.Sprintf("scorecard %s amendment %d: content does not match its hash (tampered or corrupted)", c.UID, r.Revision)}
		}
		prev = r.SHA256
	}
	if c.Binding.Complete() && !c.Placed {
		return &TamperedError{UID: c.UID, Moved: true, msg: fmt.Sprintf("scorecard %s by %s: filed under another candidate, role or round than the one it was submitted for (tampered or corrupted)", c.UID, c.AuthorName)}
	}
	for _, r := range c.Revisions {
		if r.Binding.Complete() && !r.Placed {
			return &TamperedError{UID: c.UID, Revision: r.Revision, Moved: true, msg: fmt.Sprintf("scorecard %s amendment %d: filed under another candidate, role or round than the one it was made for (tampered or corrupted)", c.UID, r.Revision)}
		}
	}
	return nil
}

// hashOf hashes v in the given version; an unknown version hashes to "",
// which matches no stored hash.
func hashOf(version int, b Binding, v canonical) string {
	if version == 0 {
		version = HashV1
	}
	format, ok := canonicalFormats[version]
	if !ok {
		return ""
	}
	v.Format = format
	if version >= HashV2 {
		v.CandidateUID, v.RoleUID, v.RoundUID = b.CandidateUID, b.RoleUID, b.RoundUID
	}
	return sum(v)
}

func sum(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain data: cannot fail
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func judged(answers map[string]Answer) map[string]Answer {
	out := make(map[string]Answer, len(answers))
	for k, a := range answers {
		a.ElapsedMs = 0
		if a == (Answer{}) {
			continue
		}
		out[k] = a
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
