// Tests the Backups bindings as people use them: nobody signed in and an
// interviewer on the recruiter's laptop are refused before any dialog opens,
// a restore in the window signs the window out and tells the page to reload,
// and a restore that fails at the last step leaves workspace and session as
// they were.

package app

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"hirebench/app/model"
)

const (
	backupNote  = "A backup holds every interviewer's scorecards, so on this laptop only the recruiter makes one."
	restoreNote = "Restoring a backup replaces everyone's work on this laptop, so only the recruiter restores."
)

func TestBackupsRefuseNobodyBeforeAnyDialog(t *testing.T) {
	b := newBench(t)
	bk, _ := backupsOf(t, b)
	snap, err := bk.svc.TakeSnapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	b.ws.SignOut()
	b.shell.savePth, b.shell.opened = filepath.Join(b.dir, "b.db"), filepath.Join(b.dir, "b.db")
	for _, c := range []namedCall{
		{"Backups.Status", func() error { return errOf(bk.Status()) }},
		{"Backups.SetKeep", func() error { return errOf(bk.SetKeep(3)) }},
		{"Backups.BackUpNow", func() error { return errOf(bk.BackUpNow()) }},
		{"Backups.ChooseRestoreFile", func() error { return errOf(bk.ChooseRestoreFile()) }},
		{"Backups.RestoreFile", func() error { return errOf(bk.RestoreFile("feedc0de")) }},
		{"Backups.CheckSnapshot", func() error { return errOf(bk.CheckSnapshot(snap.Name)) }},
		{"Backups.RestoreSnapshot", func() error { return errOf(bk.RestoreSnapshot(snap.Name)) }},
	} {
		if ue := asUser(t, c.call()); ue.Code != "invalid" || !slices.ContainsFunc(ue.Fields, func(f model.FieldError) bool { return f.Field == "profile" }) {
			t.Errorf("%s with nobody signed in: %+v", c.name, ue)
		}
	}
	if b.shell.asked != 0 {
		t.Errorf("a dialog opened for nobody (%d times)", b.shell.asked)
	}
	if list, _ := bk.svc.Snapshots(); len(list) != 1 {
		t.Errorf("snapshots changed for nobody: %v", list)
	}
	unchanged(t, b)
}

func TestAnInterviewerMayNotBackUpOrRestoreOnTheRecruitersLaptop(t *testing.T) {
	b := newBench(t)
	bk, _ := backupsOf(t, b)
	snap, err := bk.svc.TakeSnapshot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	b.shell.savePth = filepath.Join(b.dir, "b.db")
	refused(t, "back up", errOf(bk.BackUpNow()), backupNote)
	refused(t, "choose a backup", errOf(bk.ChooseRestoreFile()), restoreNote)
	refused(t, "restore a snapshot", errOf(bk.RestoreSnapshot(snap.Name)), restoreNote)
	refused(t, "check a snapshot", errOf(bk.CheckSnapshot(snap.Name)), restoreNote)
	refused(t, "keep fewer", errOf(bk.SetKeep(1)), restoreNote)
	if b.shell.asked != 0 {
		t.Errorf("a dialog opened before refusing (%d times)", b.shell.asked)
	}
	st, err := bk.Status()
	if err != nil || st.Rights.MayBackUp || st.Rights.MayRestore || st.Rights.Note != backupNote {
		t.Errorf("Sam's backup rights: %+v, %v", st.Rights, err)
	}
	unchanged(t, b)

	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	st, err = bk.Status()
	if err != nil || !st.Rights.MayBackUp || !st.Rights.MayRestore || st.Rights.Note != "" || st.Keep != 10 || len(st.Snapshots) != 1 {
		t.Errorf("Riley's backup status: %+v, %v", st, err)
	}
}

func TestRestoreInTheWindowSignsOutAndTellsThePageToReload(t *testing.T) {
	b := newBench(t)
	bk, sh := backupsOf(t, b)
	file := filepath.Join(b.dir, "friday.db")
	b.shell.savePth = file
	saved, err := bk.BackUpNow()
	if err != nil || saved == nil || saved.Name != "friday.db" || saved.Path != "" || saved.Bytes == 0 {
		t.Fatalf("BackUpNow = %+v, %v (the page gets the name, not the folder)", saved, err)
	}
	if _, err := b.cands.Create(model.CandidateInput{Name: "Alan Turing", Email: "alan@example.com"}, nil); err != nil {
		t.Fatal(err)
	}
	b.shell.opened = file
	choice, err := bk.ChooseRestoreFile()
	if err != nil || choice == nil || choice.Facts.Candidates != 2 || choice.Facts.CurrentCandidates != 3 || choice.Facts.Name != "friday.db" {
		t.Fatalf("ChooseRestoreFile = %+v, %v", choice, err)
	}
	res, err := bk.RestoreFile(choice.Token)
	if err != nil {
		t.Fatal(err)
	}
	if sh.emitted("workspace:restored") != 1 {
		t.Error("the page was not told to reload")
	}
	if ue := asUser(t, errOf(bk.Status())); ue.Code != "invalid" {
		t.Errorf("after restoring the window is still signed in: %+v", ue)
	}
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if page, _ := b.cands.List(model.CandidateFilter{}); page.Total != 2 {
		t.Errorf("after restoring, %d candidates; the backup has 2", page.Total)
	}
	// The workspace as it was is a snapshot, which restores in turn.
	st, err := bk.Status()
	if err != nil || len(st.Snapshots) != 1 || st.Snapshots[0].Name != res.KeptAs || st.LastSaved == "" {
		t.Fatalf("status after restoring: %+v, %v (kept as %s)", st, err, res.KeptAs)
	}
	facts, err := bk.CheckSnapshot(res.KeptAs)
	if err != nil || facts.Candidates != 3 {
		t.Fatalf("CheckSnapshot = %+v, %v", facts, err)
	}
	if _, err := bk.RestoreSnapshot(res.KeptAs); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if page, _ := b.cands.List(model.CandidateFilter{}); page.Total != 3 {
		t.Errorf("after restoring the kept snapshot, %d candidates, want 3", page.Total)
	}
	if _, err := bk.RestoreFile(choice.Token); err == nil {
		t.Error("a chosen file's token restored twice")
	}
}

func TestARestoreFailingAtTheLastStepKeepsWorkspaceAndSession(t *testing.T) {
	b := newBench(t)
	bk, sh := backupsOf(t, b)
	file := filepath.Join(b.dir, "big-pages.db")
	b.shell.savePth = file
	if _, err := bk.BackUpNow(); err != nil {
		t.Fatal(err)
	}
	// Another page size: the online copy into the workspace refuses it at
	// the very end, after the snapshot is kept and the window signed out.
	db, err := sql.Open("sqlite", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA page_size = 8192; VACUUM`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := b.cands.Create(model.CandidateInput{Name: "Alan Turing", Email: "alan@example.com"}, nil); err != nil {
		t.Fatal(err)
	}
	b.shell.opened = file
	choice, err := bk.ChooseRestoreFile()
	if err != nil {
		t.Fatal(err)
	}
	ue := asUser(t, errOf(bk.RestoreFile(choice.Token)))
	if ue.Code != "invalid" || ue.Message != "big-pages.db was made with another page size and cannot be restored here; nothing was changed." {
		t.Errorf("restore of another page size: %+v", ue)
	}
	if sh.emitted("workspace:restored") != 0 {
		t.Error("the page was told to reload after a failed restore")
	}
	if p := b.ws.session(); p.ID != b.riley.ID {
		t.Errorf("after a failed restore the window is signed in as %+v, want Riley still", p)
	}
	if page, _ := b.cands.List(model.CandidateFilter{}); page.Total != 3 {
		t.Errorf("after a failed restore, %d candidates, want the 3 there were", page.Total)
	}
}
