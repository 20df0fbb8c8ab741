// The built-in rubric at open: an up-to-date workspace opens without the
// write lock; an older built-in text is still upgraded.

package interviews_test

import (
	"context"
	"testing"
	"time"

	"hirebench/app/rubric"
	"hirebench/storage"
)

// Opening the window while another program (an import in the CLI) holds
// the workspace's write lock must not wait for it when nothing changes.
func TestEnsureBuiltinDoesNotWaitForAnotherWriter(t *testing.T) {
	e := newEnv(t)
	conn, err := rawDB(t, e).Conn(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	mustExec(t)(conn.ExecContext(e.ctx, "BEGIN IMMEDIATE"))
	defer conn.ExecContext(context.Background(), "ROLLBACK")

	ctx, cancel := context.WithTimeout(e.ctx, 2*time.Second)
	defer cancel()
	start := time.Now()
	got, err := e.iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatalf("EnsureBuiltin while another program writes: %v (after %v)", err, time.Since(start))
	}
	if got.ID != e.builtin.ID || got.SHA256 != e.builtin.SHA256 {
		t.Errorf("EnsureBuiltin = version %d %s, want the installed %d %s", got.ID, got.SHA256, e.builtin.ID, e.builtin.SHA256)
	}
}

// A workspace written by an older build carries an older built-in text:
// opening it with this build installs this build's text.
func TestEnsureBuiltinUpgradesAnOlderText(t *testing.T) {
	e := newEnv(t)
	older := rubric.Builtin()
	older.Competencies[0].Questions[0].Prompt = "An older wording of the first question"
	content, sum, err := storage.EncodeRubric(older)
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t)(rawDB(t, e).ExecContext(e.ctx, `UPDATE rubric_versions SET content = ?, sha256 = ? WHERE id = ?`, content, sum, e.builtin.ID))

	if _, err := e.iv.EnsureBuiltin(e.ctx); err != nil {
		t.Fatalf("EnsureBuiltin: %v", err)
	}
	now, err := e.iv.Rubric(e.ctx, e.builtin.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	want := rubric.Builtin().Competencies[0].Questions[0].Prompt
	if got := now.Content.Competencies[0].Questions[0].Prompt; got != want {
		t.Errorf("first question after open = %q, want this build's %q", got, want)
	}
}

// A new built-in text (the neutral scale labels, say) becomes a new version:
// a scorecard already scored against the older text keeps that text.
func TestEnsureBuiltinKeepsScoredVersions(t *testing.T) {
	e := newEnv(t)
	older := rubric.Builtin()
	older.Scale.Labels = []string{"No evidence", "Junior", "Solid", "Senior"}
	content, sum, err := storage.EncodeRubric(older)
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t)(rawDB(t, e).ExecContext(e.ctx, `UPDATE rubric_versions SET content = ?, sha256 = ? WHERE id = ?`, content, sum, e.builtin.ID))
	card := e.submit(t, e.sam, 4)

	now, err := e.iv.EnsureBuiltin(e.ctx)
	if err != nil {
		t.Fatalf("EnsureBuiltin: %v", err)
	}
	if now.ID == e.builtin.ID || now.Version != e.builtin.Version+1 {
		t.Errorf("new text stored as version %d (id %d), want version %d beside the scored one", now.Version, now.ID, e.builtin.Version+1)
	}
	if got := now.Content.Scale.Label(4); got != "Exceeds" {
		t.Errorf("latest built-in labels 4 %q, want this build's \"Exceeds\"", got)
	}
	if card.RubricVersionID != e.builtin.ID {
		t.Fatalf("scorecard on version %d, want %d", card.RubricVersionID, e.builtin.ID)
	}
	kept, err := e.iv.RubricVersion(e.ctx, card.RubricVersionID)
	if err != nil {
		t.Fatal(err)
	}
	if got := kept.Content.Scale.Label(4); got != "Senior" || kept.SHA256 != sum {
		t.Errorf("the scorecard's version now labels 4 %q (sha %s), want the text it was scored with", got, kept.SHA256)
	}
}
