// Tests the blind rule across rounds, who may export or import what, and that an
// amendment's seen-others mark is hashed and tampering shows as a conflict.

package scoring

import (
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
)

// The blind rule across rounds: Priya (2) interviews Ada in two rounds of
// one application (10: rounds 100 and 101) and one round of another (11:
// round 200). Sam (3) has submitted round 100.
func TestDoneWithCandidateAcrossRounds(t *testing.T) {
	const priya, sam = 2, 3
	r100, r101, r200 := RoundKey{10, 100}, RoundKey{10, 101}, RoundKey{11, 200}
	card := func(author int64, k RoundKey, s Status) Scorecard {
		return Scorecard{AuthorID: author, ApplicationID: k.ApplicationID, RoundID: k.RoundID, Status: s}
	}
	samDone := card(sam, r100, Submitted)
	cases := []struct {
		name     string
		assigned []RoundKey
		cards    []Scorecard
		want     bool
	}{
		{"assigned nowhere, no card", nil, []Scorecard{samDone}, false},
		{"one of two rounds submitted", []RoundKey{r100, r101}, []Scorecard{samDone, card(priya, r100, Submitted)}, false},
		{"both rounds, one still a draft", []RoundKey{r100, r101}, []Scorecard{samDone, card(priya, r100, Submitted), card(priya, r101, Draft)}, false},
		{"both rounds submitted", []RoundKey{r100, r101}, []Scorecard{samDone, card(priya, r100, Submitted), card(priya, r101, Submitted)}, true},
		{"another application's round still to do", []RoundKey{r100, r200}, []Scorecard{samDone, card(priya, r100, Submitted)}, false},
		{"unassigned since, but her card was submitted", nil, []Scorecard{samDone, card(priya, r101, Submitted)}, true},
		{"unassigned since, her card a draft", nil, []Scorecard{samDone, card(priya, r101, Draft)}, false},
		{"Sam's submission does not count for Priya", []RoundKey{r100}, []Scorecard{samDone}, false},
	}
	for _, c := range cases {
		if got := DoneWithCandidate(priya, c.assigned, c.cards); got != c.want {
			t.Errorf("%s: DoneWithCandidate = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSawOthers(t *testing.T) {
	sub := func(author int64) Scorecard { return Scorecard{AuthorID: author, Status: Submitted} }
	cases := []struct {
		name   string
		viewer Viewer
		cards  []Scorecard
		want   bool
	}{
		{"alone", Viewer{ProfileID: 1, DoneWithCandidate: true}, []Scorecard{sub(1)}, false},
		{"others submitted, I had finished", Viewer{ProfileID: 1, DoneWithCandidate: true}, []Scorecard{sub(1), sub(2)}, true},
		{"others submitted, my rounds not finished", Viewer{ProfileID: 1}, []Scorecard{sub(1), sub(2)}, false},
		{"others only drafting", Viewer{ProfileID: 1, DoneWithCandidate: true}, []Scorecard{sub(1), {AuthorID: 2, Status: Draft}}, false},
		{"recruiter with others submitted", Viewer{ProfileID: 1, IsRecruiter: true}, []Scorecard{sub(1), sub(2)}, true},
	}
	for _, c := range cases {
		if got := SawOthers(c.viewer, c.cards); got != c.want {
			t.Errorf("%s: SawOthers = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMayExportMatrix(t *testing.T) {
	interviewer, recruiter, owner := Exporter{}, Exporter{IsRecruiter: true}, Exporter{Owner: true}
	cases := []struct {
		who  string
		e    Exporter
		what Export
		ok   bool
	}{
		{"interviewer", interviewer, ExportCommittee, false},
		{"interviewer", interviewer, ExportBundleAll, false},
		{"interviewer", interviewer, ExportBundleMine, true},
		{"interviewer", interviewer, ExportBundleSetup, true},
		{"recruiter", recruiter, ExportCommittee, true},
		{"recruiter", recruiter, ExportBundleAll, true},
		{"recruiter", recruiter, ExportBundleMine, true},
		{"recruiter", recruiter, ExportBundleSetup, true},
		{"command line", owner, ExportCommittee, true},
		{"command line", owner, ExportBundleAll, true},
		{"command line", owner, ExportBundleMine, true},
		{"interviewer", interviewer, Export("everything"), false},
	}
	for _, c := range cases {
		err := MayExport(c.e, c.what)
		if (err == nil) != c.ok {
			t.Errorf("%s exporting %s: %v, want allowed=%v", c.who, c.what, err, c.ok)
		}
		if err != nil && !errors.Is(err, model.ErrConflict) {
			t.Errorf("%s exporting %s: %v is not a conflict", c.who, c.what, err)
		}
	}
}

// An amendment made after seeing others is bound to its hash; one without
// the flag hashes exactly as amendments did before the flag existed.
func TestSeenOthersIsHashedAndBackwardCompatible(t *testing.T) {
	c := submitted()
	c.SHA256 = Hash(c)
	rev := Revision{Revision: 1, Answers: map[string]Answer{"q1": {Score: intp(2)}}, Recommendation: "no", Reason: "typo",
		AuthorName: c.AuthorName, CreatedAt: "2026-03-05T10:00:00.000Z"}
	// Both hashes as computed by the build before SeenOthers existed (commit
	// aa56575): workspaces and bundles made then still verify.
	if c.SHA256 != "a48bb19b480559aa38c3147c0bccbe8c9b95341b0be457b060b43ea9c5cd7929" {
		t.Fatalf("card hash changed: %s", c.SHA256)
	}
	plain := RevisionHash(c, rev, c.SHA256)
	if plain != "2118fea89fd329c6d87271dd775d09dfd22712a277360e1e6dce3a0d6befb6ff" {
		t.Fatalf("an amendment without SeenOthers hashes differently than before: %s", plain)
	}
	rev.SeenOthers = true
	if RevisionHash(c, rev, c.SHA256) == plain {
		t.Fatal("SeenOthers does not change the amendment's hash: it could be cleared unnoticed")
	}
	rev.SHA256 = plain
	rev.SeenOthers = false
	c.Revisions = []Revision{rev}
	if err := Verify(c); err != nil {
		t.Fatal(err)
	}
	c.Revisions[0].SeenOthers = true // flipped after the fact
	if err := Verify(c); err == nil {
		t.Error("flipping SeenOthers was not detected")
	}
	// The card's own mark (submitted after seeing others) is hashed too.
	c.Revisions = nil
	c.SeenOthers = true
	if err := Verify(c); err == nil {
		t.Error("marking a card 'submitted after seeing others' after the fact was not detected")
	}
	c.SHA256 = Hash(c)
	if err := Verify(c); err != nil {
		t.Fatal(err)
	}
	c.SeenOthers = false // cleared after the fact
	if err := Verify(c); err == nil {
		t.Error("clearing a card's 'submitted after seeing others' was not detected")
	}
}

func TestMayImportMatrix(t *testing.T) {
	interviewer, recruiter, owner := Exporter{}, Exporter{IsRecruiter: true}, Exporter{Owner: true}
	cases := []struct {
		who          string
		e            Exporter
		cards        int
		hasRecruiter bool
		ok           bool
	}{
		{"interviewer, own laptop, setup bundle", interviewer, 0, false, true},
		{"interviewer, own laptop, scorecards", interviewer, 2, false, false},
		{"interviewer, recruiter's laptop, setup bundle", interviewer, 0, true, false},
		{"interviewer, recruiter's laptop, scorecards", interviewer, 2, true, false},
		{"recruiter, scorecards", recruiter, 2, true, true},
		{"command line, scorecards", owner, 2, true, true},
	}
	for _, c := range cases {
		if err := MayImport(c.e, c.cards, c.hasRecruiter); (err == nil) != c.ok {
			t.Errorf("%s: %v, want allowed=%v", c.who, err, c.ok)
		}
	}
}

// Tampering is news for the person looking, shown as a conflict, not an
// internal error that would be logged.
func TestTamperingIsAConflict(t *testing.T) {
	c := submitted()
	c.SHA256 = strings.Repeat("0", 64)
	err := Verify(c)
	var te *TamperedError
	if !errors.As(err, &te) || !errors.Is(err, model.ErrConflict) || strings.Contains(err.Error(), "conflict") {
		t.Errorf("Verify of a tampered card = %v", err)
	}
}
