// Tests that a bundle's scorecards are bound to whom and what they score: a card
// moved to another candidate or round by editing the JSON is refused, a version 1
// card travels sealed to where it was filed, and a card without a binding is
// refused as unprovable.

package bundle_test

import (
	"strings"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

var graceUID = strings.Repeat("4", 32)

// graceSample is the sample plus Grace (applied to the role) and a second
// round, Systems: somewhere to move Sam's card to.
func graceSample(t *testing.T) (*bundle.Bundle, map[string][]byte) {
	t.Helper()
	b, files := sample(t)
	b.Candidates = append(b.Candidates, bundle.Candidate{Ref: "candidate-2", UIDs: []string{graceUID},
		CandidateInput: model.CandidateInput{Name: "Grace Hopper", Email: "grace@example.com"}, CreatedAt: t0, UpdatedAt: t0,
		Applications: []bundle.Application{{RoleTitle: "AI Engineer", StageName: "Applied", CreatedAt: t0, EnteredStageAt: t0}}})
	sys := b.Roles[0].Rounds[0]
	sys.Name, sys.UIDs = "Systems", []string{strings.Repeat("5", 32)}
	b.Roles[0].Rounds = append(b.Roles[0].Rounds, sys)
	return b, files
}

func withGrace(t *testing.T) []byte {
	t.Helper()
	b, files := graceSample(t)
	return write(t, b, files)
}

// problemsOf reads a bundle that must be well formed and verifies its cards.
func problemsOf(t *testing.T, data []byte) []bundle.CardProblem {
	t.Helper()
	got, err := read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return got.VerifyScorecards()
}

func card0(v any) map[string]any { return v.([]any)[0].(map[string]any) }

func TestScorecardMovedInsideTheBundleIsRefused(t *testing.T) {
	good := withGrace(t)
	if bad := problemsOf(t, good); len(bad) != 0 {
		t.Fatalf("the genuine bundle: %+v", bad)
	}
	uid := strings.Repeat("ab", 16)
	cases := []struct {
		name, want string
		fn         func(c map[string]any)
	}{
		{"to another candidate", "submitted for another candidate, role or round", func(c map[string]any) {
			c["candidateRef"], c["candidateEmail"], c["candidateName"] = "candidate-2", "grace@example.com", "Grace Hopper"
		}},
		{"to another round", "submitted for another candidate, role or round", func(c map[string]any) { c["roundName"] = "Systems" }},
		{"rebound to the other candidate too", "content does not match its hash", func(c map[string]any) {
			c["candidateRef"], c["candidateUid"] = "candidate-2", graceUID
		}},
		{"its amendment rebound", "amendment 1 does not match its hash", func(c map[string]any) {
			c["revisions"].([]any)[0].(map[string]any)["candidateUid"] = graceUID
		}},
		{"passed off as version 1", "do not match its bindingSha256", func(c map[string]any) {
			c["hashVersion"], c["candidateRef"] = 1.0, "candidate-2"
		}},
		{"binding stripped", "older than bundle format v3", func(c map[string]any) {
			delete(c, "hashVersion")
			delete(c, "candidateUid")
			delete(c, "roleUid")
			delete(c, "roundUid")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := problemsOf(t, edit(t, good, bundle.ScorecardsFile, func(v any) { c.fn(card0(v)) }))
			if len(bad) != 1 || bad[0].UID != uid || !strings.Contains(bad[0].Message, c.want) {
				t.Errorf("VerifyScorecards = %+v, want the card refused with %q", bad, c.want)
			}
		})
	}

	// Giving Grace Ada's uid as well is not a way to make the move fit.
	data := edit(t, good, bundle.CandidatesFile, func(v any) {
		v.([]any)[1].(map[string]any)["uids"] = []any{graceUID, adaUID}
	})
	_, err := read(data)
	wantRefused(t, err, "have the same uid "+adaUID)
}

// A card submitted before bindings (hash version 1) travels bound to where
// the exporting laptop files it, sealed by bindingSha256.
func TestVersion1CardTravelsSealedToWhereItWasFiled(t *testing.T) {
	b, files := graceSample(t)
	old := b.Scorecards[0].Scoring()
	old.HashVersion, old.Revisions = scoring.HashV1, nil
	old.SHA256 = scoring.Hash(old)
	b.Scorecards[0] = bundle.FromScoring(old, "candidate-1", "ada@example.com")
	if b.Scorecards[0].BindingSHA256 == "" {
		t.Fatal("FromScoring did not seal a version 1 card's binding")
	}
	data := write(t, b, files)
	if bad := problemsOf(t, data); len(bad) != 0 {
		t.Fatalf("a version 1 card sealed by bindingSha256: %+v", bad)
	}
	moved := edit(t, data, bundle.ScorecardsFile, func(v any) { card0(v)["candidateRef"] = "candidate-2" })
	if bad := problemsOf(t, moved); len(bad) != 1 || !strings.Contains(bad[0].Message, "submitted for another candidate, role or round") {
		t.Errorf("a version 1 card moved to Grace: %+v", bad)
	}
	rebound := edit(t, data, bundle.ScorecardsFile, func(v any) { card0(v)["roundUid"] = strings.Repeat("9", 32) })
	if bad := problemsOf(t, rebound); len(bad) != 1 || !strings.Contains(bad[0].Message, "do not match its bindingSha256") {
		t.Errorf("a version 1 card whose binding was edited: %+v", bad)
	}
	unsealed := edit(t, data, bundle.ScorecardsFile, func(v any) { delete(card0(v), "bindingSha256") })
	if bad := problemsOf(t, unsealed); len(bad) != 1 || !strings.Contains(bad[0].Message, "do not match its bindingSha256") {
		t.Errorf("a version 1 card without its seal: %+v", bad)
	}
}

func TestUnknownHashVersionAsksForAnUpdate(t *testing.T) {
	b, files := sample(t)
	data := edit(t, write(t, b, files), bundle.ScorecardsFile, func(v any) { card0(v)["hashVersion"] = 3.0 })
	_, err := read(data)
	wantRefused(t, err, "hash version 3", "update hirebench")
}
