// The merge rules, laptop to laptop: what is created, what is found again,
// what conflicts (local kept) and what refuses a bundle.

package transfer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestInterviewerBundleReachesTheRecruitersDebrief(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)

	rep := rec.importBundle(t, mine)
	if rep.Scope != bundle.ScopeScorecards || rep.Author != "Sam Okafor" {
		t.Errorf("report scope %q author %q", rep.Scope, rep.Author)
	}
	if want := (bundle.Counts{Scorecards: 2, Revisions: 1}); rep.Created != want {
		t.Errorf("recruiter created %+v, want only the cards %+v", rep.Created, want)
	}
	if len(rep.Conflicts) != 0 || len(rep.Refused) != 0 {
		t.Errorf("conflicts %v, refused %v", rep.Conflicts, rep.Refused)
	}

	stored, err := rec.store.RoleScorecards(rec.ctx, rec.role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 {
		t.Fatalf("recruiter holds %d cards, want 2", len(stored))
	}
	byUID := map[string]scoring.Scorecard{}
	for _, c := range stored {
		byUID[c.UID] = c
		if err := scoring.Verify(c); err != nil {
			t.Errorf("imported card does not verify: %v", err)
		}
		if c.AuthorID != rec.sam.ID || c.Status != scoring.Submitted {
			t.Errorf("card %s: author %d status %s, want Sam's submitted card", c.UID, c.AuthorID, c.Status)
		}
	}
	for _, c := range cards {
		got, ok := byUID[c.UID]
		if !ok {
			t.Fatalf("card %s missing on the recruiter's laptop", c.UID)
		}
		if got.SHA256 != c.SHA256 || got.SubmittedAt != c.SubmittedAt || len(got.Revisions) != len(c.Revisions) {
			t.Errorf("card %s arrived changed: %+v", c.UID, got)
		}
	}
	// The built-in rubric and the custom one were matched, not duplicated.
	list, _ := rec.iv.Rubrics(rec.ctx)
	if len(list) != 2 {
		t.Errorf("recruiter has %d rubrics, want 2", len(list))
	}

	d, err := rec.iv.RoleDebrief(rec.ctx, rec.role.ID, rec.riley)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Candidates) != 1 || d.Candidates[0].Debrief.CandidateName != "Ada Lovelace" || d.Candidates[0].Debrief.Cards != 2 {
		t.Fatalf("debrief = %+v, want Ada with Sam's 2 cards", d.Candidates)
	}
	if d.Candidates[0].Stage != "Interview" || d.Candidates[0].Debrief.Composite == nil {
		t.Errorf("debrief stage %q composite %v", d.Candidates[0].Stage, d.Candidates[0].Debrief.Composite)
	}

	// Importing the same bundle again changes nothing.
	again := rec.importBundle(t, mine)
	if again.Created.Total() != 0 {
		t.Errorf("second import created %+v", again.Created)
	}
	if again.Unchanged.Scorecards != 2 || again.Unchanged.Revisions != 1 || again.Unchanged.Candidates != 1 || again.Unchanged.Roles != 1 {
		t.Errorf("second import unchanged = %+v", again.Unchanged)
	}
	if len(again.Conflicts) != 0 {
		t.Errorf("second import conflicts: %v", again.Conflicts)
	}
}

func TestWorkspaceBundleImportsTwiceIdempotently(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	rec.importBundle(t, mine)

	all := rec.export(t, bundle.ExportOptions{AppVersion: "test"})
	other := newLaptop(t, "other", time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	first := other.importBundle(t, all)
	if first.Created.Scorecards != 2 || first.Created.Candidates != 2 || first.Created.Attachments != 1 || first.Created.Rubrics != 1 {
		t.Errorf("first import created %+v", first.Created)
	}
	second := other.importBundle(t, all)
	if second.Created.Total() != 0 || len(second.Conflicts) != 0 || len(second.Notes) != 0 {
		t.Errorf("second import: created %+v, conflicts %v, notes %v", second.Created, second.Conflicts, second.Notes)
	}
	// Everything the first import created or found is found again (people
	// are only looked up when something new needs them).
	want := first.Created
	want.Rubrics += first.Unchanged.Rubrics
	want.RubricVersions += first.Unchanged.RubricVersions
	want.Profiles = 0
	if second.Unchanged != want {
		t.Errorf("second import unchanged %+v, want %+v", second.Unchanged, want)
	}
	// Grace has no email: she is matched by name and creation time, not duplicated.
	n, _ := other.store.CountCandidates(other.ctx)
	if n != 2 {
		t.Errorf("%d candidates after two imports, want 2", n)
	}
	// The bundle made on the new laptop imports back into the recruiter's as a no-op.
	back := rec.importBundle(t, other.export(t, bundle.ExportOptions{}))
	if back.Created.Total() != 0 || len(back.Conflicts) != 0 {
		t.Errorf("round trip back: created %+v, conflicts %v", back.Created, back.Conflicts)
	}
}

func TestTamperedScorecardRefusesTheWholeBundle(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)
	var uid string
	tampered := rewrite(t, mine, bundle.ScorecardsFile, func(v any) {
		card := v.([]any)[0].(map[string]any)
		uid = card["uid"].(string)
		for _, a := range card["answers"].(map[string]any) {
			a.(map[string]any)["score"] = 4.0
		}
	})

	// A fresh laptop: a refused import must leave it exactly as it was.
	fresh := newLaptop(t, "fresh", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	_, err := fresh.svc.ImportBundle(fresh.ctx, bytes.NewReader(tampered), int64(len(tampered)), model.Profile{}, owner, bundle.ImportOptions{})
	want := "scorecard " + uid + " by Sam Okafor for ada@example.com: content does not match its hash"
	if !bundle.IsRefused(err) || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want refusal naming %q", err, want)
	}
	roles, _ := fresh.track.Roles(fresh.ctx)
	profiles, _ := fresh.track.Profiles(fresh.ctx)
	n, _ := fresh.store.CountCandidates(fresh.ctx)
	if len(roles) != 0 || len(profiles) != 0 || n != 0 {
		t.Errorf("a refused import wrote: %d roles, %d profiles, %d candidates", len(roles), len(profiles), n)
	}

	// With the explicit option the rest is imported and the card is listed.
	rep, err := rec.svc.ImportBundle(rec.ctx, bytes.NewReader(tampered), int64(len(tampered)), rec.riley, owner, bundle.ImportOptions{SkipTampered: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Refused) != 1 || !strings.Contains(rep.Refused[0], want) || rep.Created.Scorecards != 1 {
		t.Errorf("refused %v, created %+v", rep.Refused, rep.Created)
	}
	stored, _ := rec.store.RoleScorecards(rec.ctx, rec.role.ID)
	if len(stored) != 1 || stored[0].UID == uid || (stored[0].UID != cards[0].UID && stored[0].UID != cards[1].UID) {
		t.Errorf("recruiter holds %+v, want only the genuine card", stored)
	}
}

func TestConflictsKeepLocalData(t *testing.T) {
	rec := newRecruiter(t)
	setup := rec.export(t, bundle.ExportOptions{NoScorecards: true})
	sam := newLaptop(t, "sam", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	sam.importBundle(t, setup)

	// Sam's laptop edits Ada's phone after the bundle was made.
	ada, err := sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	phone := "+1 555 0100"
	if _, err := sam.track.UpdateCandidate(sam.ctx, ada.ID, model.CandidatePatch{Phone: &phone}, model.Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	rep := sam.importBundle(t, setup)
	want := "candidate ada@example.com: phone differs (local '+1 555 0100', bundle '+44 20 7946 0000'); local kept"
	if len(rep.Conflicts) != 1 || rep.Conflicts[0] != want {
		t.Errorf("conflicts = %q, want [%q]", rep.Conflicts, want)
	}
	if rep.Created.Total() != 0 {
		t.Errorf("created %+v", rep.Created)
	}
	got, _ := sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if got.Phone != phone {
		t.Errorf("phone = %q; the local edit was overwritten", got.Phone)
	}

	// The recruiter edits Ada's location later still: the bundle is newer
	// now, and the local copy is still kept, with a message saying so.
	recAda, _ := rec.track.FindByEmail(rec.ctx, "ada@example.com")
	loc := "Lisbon"
	rec.jump(time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	if _, err := rec.track.UpdateCandidate(rec.ctx, recAda.ID, model.CandidatePatch{Location: &loc}, rec.riley); err != nil {
		t.Fatal(err)
	}
	rep = sam.importBundle(t, rec.export(t, bundle.ExportOptions{NoScorecards: true}))
	joined := strings.Join(rep.Conflicts, "\n")
	if !strings.Contains(joined, "location differs (local '', bundle 'Lisbon'); local kept although the bundle's copy is newer") {
		t.Errorf("conflicts = %q", rep.Conflicts)
	}
	got, _ = sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if got.Location != "" || got.Phone != phone {
		t.Errorf("local record changed: %+v", got)
	}
}

func TestLocalDraftIsKeptOverTheBundlesCard(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	// Sam also started the Deep dive card on the recruiter's laptop.
	app := rec.application(t, "ada@example.com", rec.role.ID)
	draft, err := rec.iv.StartInterview(rec.ctx, app.ID, rec.round(t, rec.role.ID, "Deep dive").ID, rec.sam)
	if err != nil {
		t.Fatal(err)
	}
	rep := rec.importBundle(t, mine)
	if rep.Created.Scorecards != 1 || len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "Sam Okafor has a draft for round \"Deep dive\" here; local draft kept") {
		t.Errorf("created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
	got, err := rec.store.GetScorecard(rec.ctx, draft.Card.ID)
	if err != nil || got.Status != scoring.Draft {
		t.Errorf("local draft = %+v, %v", got.Status, err)
	}
}

func TestRubricEditedMeanwhileKeepsBothVersions(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)
	// While Sam interviewed, the recruiter edited the custom rubric. Nobody
	// had scored with it here, so the edit replaced version 1 in place.
	r := rec.custom.Content
	r.Description = "Edited by the recruiter while Sam interviewed."
	edited, err := rec.iv.SaveRubric(rec.ctx, rec.custom.RubricID, r, rec.riley)
	if err != nil || edited.Version != 1 {
		t.Fatalf("edit: v%d, %v", edited.Version, err)
	}
	rep := rec.importBundle(t, mine)
	if rep.Created.Scorecards != 2 || rep.Created.RubricVersions != 1 || len(rep.Notes) != 1 {
		t.Errorf("created %+v, notes %q", rep.Created, rep.Notes)
	}
	latest, err := rec.iv.Rubric(rec.ctx, rec.custom.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	if latest.SHA256 != edited.SHA256 || latest.Content.Description != r.Description {
		t.Errorf("the recruiter's edit is no longer the latest version: v%d %q", latest.Version, latest.Content.Description)
	}
	sys, err := rec.store.GetScorecard(rec.ctx, func() int64 {
		for _, c := range mustCards(t, rec) {
			if c.UID == cards[1].UID {
				return c.ID
			}
		}
		return 0
	}())
	if err != nil {
		t.Fatal(err)
	}
	v, err := rec.iv.RubricVersion(rec.ctx, sys.RubricVersionID)
	if err != nil || v.SHA256 != sys.RubricSHA256 || v.Content.Description == r.Description || scoring.Verify(sys) != nil {
		t.Errorf("the card does not keep the exact version it was scored with: %+v, %v", v.Version, err)
	}
	// And again: nothing more happens.
	if again := rec.importBundle(t, mine); again.Created.Total() != 0 || len(again.Notes) != 0 {
		t.Errorf("second import: created %+v notes %q", again.Created, again.Notes)
	}
}

func TestBadBundleFilesWriteNothing(t *testing.T) {
	rec := newRecruiter(t)
	good := rec.export(t, bundle.ExportOptions{})
	wrongFormat := rewrite(t, good, bundle.ManifestFile, func(v any) { v.(map[string]any)["format"] = "hirebench.bundle/v9" })
	traversal := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("../../outside.json")
		w.Write([]byte("{}"))
		zw.Close()
		return buf.Bytes()
	}()
	fresh := newLaptop(t, "fresh", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	for name, data := range map[string][]byte{"wrong format": wrongFormat, "traversal": traversal, "not a zip": []byte("hello")} {
		_, err := fresh.svc.ImportBundle(fresh.ctx, bytes.NewReader(data), int64(len(data)), model.Profile{}, owner, bundle.ImportOptions{})
		if !bundle.IsRefused(err) || !errors.Is(err, model.ErrConflict) {
			t.Errorf("%s: err = %v, want refused", name, err)
		}
	}
	roles, _ := fresh.track.Roles(fresh.ctx)
	if len(roles) != 0 {
		t.Errorf("refused bundles wrote %d roles", len(roles))
	}
}

func TestRolesSharingATitleStayApart(t *testing.T) {
	a := newLaptop(t, "a", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	riley := a.profile(t, "Riley Chen", true)
	for i, team := range []string{"Search", "Billing"} {
		r, err := a.track.CreateRole(a.ctx, model.RoleInput{Title: "Backend engineer", Team: team})
		if err != nil {
			t.Fatal(err)
		}
		email := []string{"ann@example.com", "bob@example.com"}[i]
		if _, err := a.track.CreateCandidate(a.ctx, model.CandidateInput{Name: email, Email: email}, []int64{r.ID}, riley); err != nil {
			t.Fatal(err)
		}
	}
	own := a.export(t, bundle.ExportOptions{})
	if rep := a.importBundle(t, own); rep.Created.Total() != 0 || len(rep.Conflicts) != 0 {
		t.Errorf("re-importing its own bundle: created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
	b := newLaptop(t, "b", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	if rep := b.importBundle(t, own); rep.Created.Roles != 2 || rep.Created.Applications != 2 {
		t.Errorf("second laptop created %+v", rep.Created)
	}
	roles, _ := b.track.Roles(b.ctx)
	if len(roles) != 2 || roles[0].Title == roles[1].Title {
		t.Errorf("roles on the second laptop: %+v", roles)
	}
	if rep := a.importBundle(t, b.export(t, bundle.ExportOptions{})); rep.Created.Total() != 0 || len(rep.Conflicts) != 0 {
		t.Errorf("bundle back from the second laptop: created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
}
