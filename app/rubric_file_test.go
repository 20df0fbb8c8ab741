// Tests importing a rubric file chosen in the window: read by Go by token,
// refused with every problem by path, importable again once fixed.

package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/rubric"
)

func TestImportRubricFileByToken(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()

	if f, err := d.iv.ChooseRubricFile(); f != nil || err != nil {
		t.Fatalf("cancelled dialog: %+v, %v", f, err)
	}

	// A rubric with no name and a scale of one level: refused, every problem named.
	path := filepath.Join(dir, "team.yaml")
	bad := "name: \"\"\nscale:\n  min: 1\n  max: 1\n  labels: [\"Only\"]\ncompetencies: []\n"
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = path
	f, err := d.iv.ChooseRubricFile()
	if err != nil || f == nil || f.Name != "team.yaml" || f.Size != int64(len(bad)) {
		t.Fatalf("chosen: %+v, %v", f, err)
	}
	before, _ := d.iv.Rubrics()
	_, err = d.iv.ImportRubricFile(f.Token)
	ue := asUser(t, err)
	if ue.Code != "invalid" || len(ue.Fields) < 2 {
		t.Fatalf("want every problem by path, got %+v", ue)
	}
	paths := map[string]bool{}
	for _, fe := range ue.Fields {
		paths[fe.Field] = true
	}
	if !paths["name"] {
		t.Errorf("the empty name is not named: %+v", ue.Fields)
	}
	if after, _ := d.iv.Rubrics(); len(after) != len(before) {
		t.Errorf("a refused file added a rubric: %d → %d", len(before), len(after))
	}

	// Fixed on disk, imported again with the same token: Go reads it again.
	builtin, err := d.iv.Rubric(before[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	good := builtin.Content
	good.Name = "Team rubric"
	data, err := rubric.Encode(good, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := d.iv.ImportRubricFile(f.Token)
	if err != nil || v.Content.Name != "Team rubric" {
		t.Fatalf("import after the fix: %+v, %v", v.Content.Name, err)
	}
	// Imported once: the token is spent, so a double click adds no copy.
	_, err = d.iv.ImportRubricFile(f.Token)
	fileError(t, err, "Choose the file again")
}

func TestChooseRubricFileRefusesTooBigAndFolders(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.json")
	sparse(t, big, rubric.MaxFileSize+1)
	d.shell.opened = big
	f, err := d.iv.ChooseRubricFile()
	if f != nil {
		t.Errorf("a file over the limit was accepted: %+v", f)
	}
	fileError(t, err, "huge.json is 2.1 MB, over the 2 MB limit for rubric files")

	d.shell.opened = dir
	_, err = d.iv.ChooseRubricFile()
	fileError(t, err, "is a folder; choose a file")
	if ue := asUser(t, err); strings.Contains(ue.Message, dir) {
		t.Errorf("the message shows the folder: %q", ue.Message)
	}
}
