// Tests the bundle commands: export and import between two workspaces, and the
// usage errors and refusals (unknown profile, folder, tampered or junk file).

package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

// newStore is a workspace as storage.Open creates it.
var newStore = &storagetest.Template{Name: "new"}

// workspace opens a data folder the way Run does and returns its command.
func workspace(t *testing.T) (*command, *bytes.Buffer) {
	t.Helper()
	ctx := context.Background()
	path := DatabasePath(t.TempDir())
	// A copy of a workspace as Open creates it (migrating one takes a second under -race).
	newStore.CopyTo(t, path, func(t testing.TB, built string) {
		s, err := storage.Open(built)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var out bytes.Buffer
	c, err := newCommand(ctx, store, &out, "9.9.9-test")
	if err != nil {
		t.Fatal(err)
	}
	return c, &out
}

func TestBundleCommands(t *testing.T) {
	dir := t.TempDir()

	// The recruiter's laptop: a role with one round, Ada applied, Sam assigned.
	rec, recOut := workspace(t)
	ctx := rec.ctx
	sam, err := rec.svc.CreateProfile(ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	role, err := rec.svc.CreateRole(ctx, model.RoleInput{Title: "AI Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rec.svc.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, []int64{role.ID}, tracking.CommandLine); err != nil {
		t.Fatal(err)
	}
	builtinID, _ := rec.store.BuiltinRubricID(ctx)
	if _, err := rec.iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtinID, InterviewerIDs: []int64{sam.ID}}, commandLine); err != nil {
		t.Fatal(err)
	}

	setup := filepath.Join(dir, "setup.hbundle")
	if err := rec.bundleExport([]string{"--out", setup, "--no-scorecards"}); err != nil {
		t.Fatalf("bundle export: %v", err)
	}
	if !strings.Contains(recOut.String(), "wrote "+setup+" (workspace") || !strings.Contains(recOut.String(), "1 candidate") {
		t.Errorf("export output %q", recOut.String())
	}
	if st, err := os.Stat(setup); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("bundle file: %v, mode %v; want readable by the user only", err, st.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".hirebench-bundle-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	// Sam's laptop imports it (flags after the file work too), scores and sends the card back.
	lap, lapOut := workspace(t)
	if err := lap.bundleImport([]string{setup, "--json"}); err != nil {
		t.Fatalf("bundle import: %v", err)
	}
	var rep bundle.ImportReport
	if err := json.Unmarshal(lapOut.Bytes(), &rep); err != nil {
		t.Fatalf("--json output is not a report: %v\n%s", err, lapOut)
	}
	if rep.Created.Candidates != 1 || rep.Created.Roles != 1 || rep.AppVersion != "9.9.9-test" {
		t.Errorf("report %+v", rep)
	}
	me, err := lap.resolveProfile("sam okafor")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lap.svc.ResolveRole(ctx, "AI Engineer")
	ada, _ := lap.svc.FindByEmail(ctx, "ada@example.com")
	d, _ := lap.svc.Detail(ctx, ada.ID)
	rounds, _ := lap.iv.Rounds(ctx, r.ID)
	v, err := lap.iv.StartInterview(ctx, d.Applications[0].ID, rounds[0].ID, me)
	if err != nil {
		t.Fatal(err)
	}
	score := 3
	var patches []scoring.Patch
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			patches = append(patches, scoring.Patch{QuestionID: q.ID, Score: &score})
		}
	}
	if _, err := lap.iv.SaveDraft(ctx, v.Card.ID, patches, me); err != nil {
		t.Fatal(err)
	}
	yes := "yes"
	card, err := lap.iv.Submit(ctx, v.Card.ID, scoring.Patch{Recommendation: &yes}, me)
	if err != nil {
		t.Fatal(err)
	}
	cards := filepath.Join(dir, "sam.hbundle")
	lapOut.Reset()
	if err := lap.bundleExport([]string{"--out", cards, "--mine", "Sam Okafor"}); err != nil {
		t.Fatalf("bundle export --mine: %v", err)
	}
	if !strings.Contains(lapOut.String(), "scorecards of Sam Okafor") || !strings.Contains(lapOut.String(), "1 scorecard") {
		t.Errorf("export output %q", lapOut.String())
	}

	// A tampered copy is refused with the card named; nothing is imported.
	tampered := filepath.Join(dir, "tampered.hbundle")
	if err := os.WriteFile(tampered, tamper(t, cards), 0o600); err != nil {
		t.Fatal(err)
	}
	recOut.Reset()
	err = rec.bundleImport([]string{tampered})
	want := "scorecard " + card.UID + " by Sam Okafor for ada@example.com: content does not match its hash"
	if err == nil || !strings.Contains(Describe(err), want) || strings.Contains(Describe(err), "\n") {
		t.Errorf("tampered import: %v, want one line naming %q", err, want)
	}
	if recOut.Len() != 0 {
		t.Errorf("a refused import printed %q", recOut.String())
	}
	if got, _ := rec.store.RoleScorecards(ctx, role.ID); len(got) != 0 {
		t.Errorf("a refused import stored %d cards", len(got))
	}
	if err := rec.bundleImport([]string{"--skip-tampered", tampered}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(recOut.String(), "refused (1):\n  - "+want) {
		t.Errorf("--skip-tampered output %q", recOut.String())
	}

	// The genuine bundle, twice: the card arrives, then nothing changes.
	recOut.Reset()
	if err := rec.bundleImport([]string{cards}); err != nil {
		t.Fatal(err)
	}
	if out := recOut.String(); !strings.Contains(out, "created:   1 scorecard\n") || !strings.Contains(out, "scorecards of Sam Okafor") {
		t.Errorf("import output %q", out)
	}
	recOut.Reset()
	if err := rec.bundleImport([]string{cards}); err != nil {
		t.Fatal(err)
	}
	if out := recOut.String(); !strings.Contains(out, "created:   nothing\n") || strings.Contains(out, "conflicts") {
		t.Errorf("second import output %q", out)
	}
	stored, _ := rec.store.RoleScorecards(ctx, role.ID)
	if len(stored) != 1 || stored[0].UID != card.UID || scoring.Verify(stored[0]) != nil {
		t.Errorf("recruiter holds %+v", stored)
	}
}

func TestBundleCommandErrors(t *testing.T) {
	c, out := workspace(t)
	var ue usageError
	if err := c.bundleExport(nil); !errors.As(err, &ue) {
		t.Errorf("export without --out: %v, want a usage error", err)
	}
	if err := c.bundleImport(nil); !errors.As(err, &ue) {
		t.Errorf("import without a file: %v, want a usage error", err)
	}
	if err := c.bundleImport([]string{"a", "b"}); !errors.As(err, &ue) {
		t.Errorf("import of two files: %v, want a usage error", err)
	}
	if err := c.bundleExport([]string{"--out", filepath.Join(t.TempDir(), "x"), "--mine", "Nobody"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("--mine of an unknown profile: %v", err)
	}
	if err := c.bundleExport([]string{"--out", t.TempDir()}); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("--out a folder: %v", err)
	}
	junk := filepath.Join(t.TempDir(), "junk.zip")
	os.WriteFile(junk, []byte("not a bundle"), 0o600)
	if err := c.bundleImport([]string{junk}); err == nil || !strings.Contains(err.Error(), "not a hirebench bundle") {
		t.Errorf("import of junk: %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("failed commands printed %q", out.String())
	}
}

// tamper changes every score of the first card in a bundle file.
func tamper(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == bundle.ScorecardsFile {
			var cards []map[string]any
			if err := json.Unmarshal(b, &cards); err != nil {
				t.Fatal(err)
			}
			for _, a := range cards[0]["answers"].(map[string]any) {
				a.(map[string]any)["score"] = 1.0
			}
			b, _ = json.Marshal(cards)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}
