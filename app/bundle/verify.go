// Verifying a bundle's scorecards before import: each card's hash chain, its
// binding to the candidate, role and round the bundle files it under
// (scoring.Verify), and its answers against its rubric version; and the form of
// the uids and bindings that check.go asks about.

package bundle

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// maxUIDs bounds the uids one record carries: its own, and one more for
// each laptop that had created the same person, role or round on its own.
const maxUIDs = 100

// uids checks a record's uids: well formed, not too many, and each on one
// record of its kind only (seen maps a uid to the record holding it).
func (c *checker) uids(what string, list []string, seen map[string]string) {
	if len(list) > maxUIDs {
		c.add("%s has %d uids; at most %d are allowed", what, len(list), maxUIDs)
		return
	}
	for _, u := range list {
		switch {
		case !uidHex.MatchString(u):
			c.add("%s: uid %q is not 32 lowercase hex digits", what, clip(u))
		case seen[u] != "":
			c.add("%s and %s have the same uid %s", seen[u], what, u)
		default:
			seen[u] = what
		}
	}
}

// sealing checks a card's or amendment's hash version and binding form.
func (c *checker) sealing(what string, version int, b scoring.Binding) {
	if version < 0 || version > scoring.HashVersion {
		c.add("%s is sealed with hash version %d, which this version of hirebench does not know; update hirebench to import it", what, version)
	}
	for _, u := range []string{b.CandidateUID, b.RoleUID, b.RoundUID} {
		if u != "" && !uidHex.MatchString(u) {
			c.add("%s: binding uid %q is not 32 lowercase hex digits", what, clip(u))
		}
	}
}

// CardProblem is a scorecard that failed verification.
type CardProblem struct {
	UID     string `json:"uid"`
	Message string `json:"message"`
}

// unbound is why a card without a binding is refused: where it belongs
// cannot be proven, and stripping the binding from a newer bundle must not
// be a way around the check. Its laptop still holds it, bound since the
// update, so exporting it again there carries it.
const unbound = "it was written by a hirebench older than bundle format v3, which did not bind a scorecard to its candidate, " +
	"role and round, so where it belongs cannot be checked; update hirebench where it was written and export it again"

// VerifyScorecards checks every card before import: its hash and its
// amendments' chain, that the card and each amendment are bound to the
// candidate, role and round the bundle files it under (scoring.Verify; a
// version 1 card's binding is sealed by BindingSHA256), and its answers
// against the exact rubric version it was scored with, as submitting did.
// It returns the cards that fail, each named as "scorecard <uid> by
// <author> for <candidate>: …".
func (b *Bundle) VerifyScorecards() []CardProblem {
	rubrics := map[string]rubric.Rubric{}
	for _, r := range b.Rubrics {
		for _, v := range r.Versions {
			if content, err := v.Rubric(); err == nil {
				rubrics[v.SHA256] = content
			}
		}
	}
	ids := b.identities()
	var out []CardProblem
	bad := func(s Scorecard, format string, args ...any) {
		out = append(out, CardProblem{s.UID, s.Label() + ": " + fmt.Sprintf(format, args...)})
	}
	for _, s := range b.Scorecards {
		c := s.Scoring()
		v1 := s.HashVersion < scoring.HashV2
		if v1 && !c.Binding.Complete() {
			bad(s, "%s", unbound)
			continue
		}
		if v1 && s.BindingSHA256 != scoring.BindingHash(c) {
			bad(s, "its candidate, role and round do not match its bindingSha256 (tampered or corrupted)")
			continue
		}
		c.Placed = ids.hold(s, c.Binding)
		for i := range c.Revisions {
			c.Revisions[i].Placed = ids.hold(s, c.Revisions[i].Binding)
		}
		if err := scoring.Verify(c); err != nil {
			bad(s, "%s", tamperedWords(err))
			continue
		}
		r, ok := rubrics[s.RubricSHA256]
		if !ok {
			bad(s, "its rubric version is missing from the bundle")
			continue
		}
		r = r.Subset(c.Competencies)
		if err := scoring.CheckComplete(r, c.Answers, c.Recommendation); err != nil {
			bad(s, "answers do not fit its rubric version: %v", err)
			continue
		}
		for _, rev := range c.Revisions {
			if err := scoring.CheckComplete(r, rev.Answers, rev.Recommendation); err != nil {
				bad(s, "amendment %d does not fit its rubric version: %v", rev.Revision, err)
				break
			}
		}
	}
	return out
}

// tamperedWords says what scoring.Verify found, for a card named by its label.
func tamperedWords(err error) string {
	var te *scoring.TamperedError
	if !errors.As(err, &te) {
		return err.Error()
	}
	switch {
	case te.Moved && te.Revision == 0:
		return "it was submitted for another candidate, role or round than the one the bundle files it under (tampered or corrupted)"
	case te.Moved:
		return fmt.Sprintf("amendment %d was made for another candidate, role or round than the one the bundle files it under (tampered or corrupted)", te.Revision)
	case te.Revision == 0:
		return "content does not match its hash (tampered or corrupted)"
	default:
		return fmt.Sprintf("amendment %d does not match its hash (tampered or corrupted)", te.Revision)
	}
}

// identities are the uids of the bundle's records, by how a card names them.
type identities struct {
	cands  map[string][]string    // candidate ref → uids
	roles  map[string][]string    // lowercase role title → uids
	rounds map[[2]string][]string // lowercase role title and round name → uids
}

func (b *Bundle) identities() identities {
	ids := identities{cands: map[string][]string{}, roles: map[string][]string{}, rounds: map[[2]string][]string{}}
	for _, c := range b.Candidates {
		ids.cands[c.Ref] = c.UIDs
	}
	for _, r := range b.Roles {
		role := strings.ToLower(r.Title)
		ids.roles[role] = r.UIDs
		for _, rd := range r.Rounds {
			ids.rounds[[2]string{role, strings.ToLower(rd.Name)}] = rd.UIDs
		}
	}
	return ids
}

// hold says whether the binding names the candidate, role and round the
// card is filed under in the bundle (one of each one's uids).
func (ids identities) hold(s Scorecard, b scoring.Binding) bool {
	role := strings.ToLower(s.RoleTitle)
	return slices.Contains(ids.cands[s.CandidateRef], b.CandidateUID) && slices.Contains(ids.roles[role], b.RoleUID) &&
		slices.Contains(ids.rounds[[2]string{role, strings.ToLower(s.RoundName)}], b.RoundUID)
}
