// Tests that free space holds nothing of an erased person: what an older
// build left unzeroed is cleared by the first erasure (once), what this
// build frees is zeroed as it goes, and the search index migration 0007
// drops is zeroed on upgrade.

package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
)

// zephyrine is a person added after the first erasure; her words appear
// nowhere else.
var zephyrine = struct {
	name, email, resume string
	tokens              []string
}{
	name:   "Zephyrine Quillotrox",
	email:  "zephyrine@quillmail.test",
	resume: "Orrery repairs at Thistlecombe Observatory; fluent in Glimmerish.",
	tokens: []string{"zephyrine", "quillotrox", "quillmail", "orrery", "thistlecombe", "glimmerish"},
}

// execAll runs statements on the writer, failing the test on any error.
func execAll(t *testing.T, s *Store, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := s.w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// autosave rewrites a candidate's resume as typed, a few words at a time,
// the way the candidate page saves it.
func autosave(t *testing.T, s *Store, id int64, resume string) {
	t.Helper()
	words := strings.Fields(resume)
	for i := 1; i <= len(words); i++ {
		if _, err := s.UpdateCandidate(context.Background(), id, 0, tester, func(c *model.Candidate) error {
			c.ResumeText = strings.Join(words[:i], " ")
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func freelist(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.w.QueryRow(`PRAGMA freelist_count`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestErasureClearsOldFreeSpaceOnceAndLaterFreedBytesAreZeroed(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	dir := filepath.Dir(p.s.Path())
	// What an older build left: the writer without secure_delete, Quorra's
	// name typed wrong then corrected, her resume autosaved word by word,
	// and a table of her words dropped (as 0007 drops the old index).
	var was int
	if err := p.s.w.QueryRow(`PRAGMA secure_delete`).Scan(&was); err != nil {
		t.Fatal(err)
	}
	execAll(t, p.s, `PRAGMA secure_delete = 0`)
	if _, err := p.s.UpdateCandidate(ctx, p.quorra.ID, 0, tester, func(c *model.Candidate) error {
		c.Name, c.Email = "Quora Vantablak", "q.vantablack@zyxmail.test"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	autosave(t, p.s, p.quorra.ID, quorra.resume)
	if _, err := p.s.UpdateCandidate(ctx, p.quorra.ID, 0, tester, func(c *model.Candidate) error {
		c.Name, c.Email = quorra.name, quorra.email
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The old index held her words in many entries: more free pages than
	// the erasure's own writes reuse.
	execAll(t, p.s, `CREATE TABLE old_index AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
		SELECT name, email, resume_text FROM n, candidates WHERE email LIKE 'quorra%'`, `DROP TABLE old_index`,
		fmt.Sprintf(`PRAGMA secure_delete = %d`, was)) // as this build's writer opens

	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
		t.Errorf("after the first erasure: %v", got)
	}
	scrubbed, err := p.s.Setting(ctx, settingScrubbed)
	if err != nil || scrubbed != "2025-03-01T10:00:00.000Z" {
		t.Fatalf("scrubbed at %q, %v; want the erasure's time", scrubbed, err)
	}

	// From now on: a hundred candidates come and go, Zephyrine arrives, her
	// name is corrected and her resume autosaved as typed; erasing her
	// rewrites nothing and leaves nothing.
	role := mustRole(t, p.s, "Astronomer")
	var passing []int64
	for i := range 100 {
		c := mustCandidate(t, p.s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Passing Through %d", i),
			ResumeText: strings.Repeat("Kubernetes, Terraform and on-call rotations. ", 20)}}, role.ID)
		passing = append(passing, c.ID)
	}
	if _, err := p.s.EraseCandidates(ctx, passing, byRequest); err != nil {
		t.Fatal(err)
	}
	z := mustCandidate(t, p.s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Zephyrine Quilotrox",
		Email: "zq@quillmail.test"}}, role.ID)
	autosave(t, p.s, z.ID, zephyrine.resume)
	// Her name and email are edited while others arrive, so the old index
	// entries lie apart from hers.
	for i := range 5 {
		if _, err := p.s.UpdateCandidate(ctx, z.ID, 0, tester, func(c *model.Candidate) error {
			c.Name, c.Email = fmt.Sprintf("%s %d", zephyrine.name, i), fmt.Sprintf("z%d@quillmail.test", i)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		mustCandidate(t, p.s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Zeno Arrival %d", i),
			Email: fmt.Sprintf("zeno%d@example.com", i)}}, role.ID)
	}
	if _, err := p.s.UpdateCandidate(ctx, z.ID, 0, tester, func(c *model.Candidate) error {
		c.Name, c.Email = zephyrine.name, zephyrine.email
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := leaks(t, dir, zephyrine.tokens); len(got) < len(zephyrine.tokens) {
		t.Fatalf("before erasing her, the scan finds only %v: it could not catch a leak", got)
	}
	if freelist(t, p.s) == 0 {
		t.Fatal("no free pages before erasing her: the test could not tell a rewrite")
	}
	if _, err := p.s.EraseCandidates(ctx, []int64{z.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	if got := leaks(t, dir, zephyrine.tokens); len(got) > 0 {
		t.Errorf("after erasing her: %v", got)
	}
	if freelist(t, p.s) == 0 {
		t.Error("the later erasure rewrote the whole workspace again (no free pages left)")
	}
}

// A workspace at schema 6, written without secure_delete, whose search
// index still holds a deleted candidate's words: the upgrade drops that
// index, and the writer running it zeroes its pages.
func TestUpgradeZeroesTheDroppedSearchIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	db := openRaw(t, path)
	if _, err := db.Exec(`PRAGMA secure_delete = 0`); err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, db, 6); err != nil {
		t.Fatal(err)
	}
	const at = "2024-02-03T04:05:06.000Z"
	for _, q := range []string{
		`INSERT INTO candidates (id, name, email, resume_text, created_at, updated_at) VALUES (7, '` + quorra.name + `', '` +
			quorra.email + `', '` + quorra.resume + `', '` + at + `', '` + at + `')`,
		`PRAGMA secure_delete = 1`,
		`DELETE FROM candidates WHERE id = 7`, // her row is zeroed; the index keeps her words
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	if got := leaks(t, dir, quorra.tokens); len(got) == 0 {
		t.Fatal("before the upgrade, the old index holds none of her words: the test could not catch a leak")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
		t.Errorf("after the upgrade: %v", got)
	}
}
