// Nothing personal in the log file: every binding's error paths, and more with
// a person's name and email in the input (and in file paths), logged as the
// window logs (the data folder's logs/hirebench.log), leave neither there.

package app

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/privacy/logfile"
)

func TestTheLogFileHoldsNoPersonalData(t *testing.T) {
	dataDir := t.TempDir()
	closeLog, err := logfile.Install(dataDir, io.Discard, slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	defer closeLog()

	const name, email = "Quorra Vantablack", "quorra.vantablack@zyxmail.test"
	b := newBench(t)
	broken := newBench(t)
	if err := broken.ws.store.Close(); err != nil {
		t.Fatal(err)
	}
	// Every binding's bad input, as the error-mapping table calls them.
	for _, c := range allCases() {
		on := b
		if c.broken {
			on = broken
		}
		_ = c.call(t, on)
	}
	// The same person's data into paths that fail inside: a closed
	// workspace, a file in a folder named after her, a taken email.
	folder := filepath.Join(b.dir, name)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	in := model.CandidateInput{Name: name, Email: email, ResumeText: name + " <" + email + ">"}
	if _, err := b.cands.Create(in, nil); err != nil {
		t.Fatal(err)
	}
	for i, call := range []func() error{
		func() error { return errOf(broken.cands.Create(in, nil)) },
		func() error { return errOf(broken.cands.AddNote(broken.adaID, "Call "+name+" at "+email)) },
		func() error {
			return errOf(broken.cands.Update(broken.adaID, model.CandidatePatch{Name: &in.Name, Email: &in.Email}))
		},
		func() error { return errOf(broken.cands.FindByEmail(email)) },
		func() error { return errOf(broken.cands.List(model.CandidateFilter{Query: name})) },
		func() error { return errOf(privacyOf(broken).Erase(broken.adaID, "erase")) },
		func() error {
			return b.opening(filepath.Join(folder, "cv.pdf"), func() error { return errOf(b.cands.AttachFile(b.adaID)) })
		},
		func() error {
			return b.opening(folder, func() error { return errOf(b.cands.AttachFile(b.adaID)) })
		},
		func() error {
			b.shell.savePth = filepath.Join(folder, "missing", email+".zip")
			defer func() { b.shell.savePth = "" }()
			return errOf(privacyOf(b).ExportSubject(b.adaID))
		},
		func() error {
			return errOf(b.cands.Create(model.CandidateInput{Name: "Someone Else", Email: email}, nil))
		},
	} {
		if call() == nil {
			t.Errorf("call %d meant to fail succeeded", i)
		}
	}
	closeLog()

	logged, err := os.ReadFile(logfile.Path(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	// The scan means something only if errors were logged.
	if n := strings.Count(string(logged), "internal error"); n < 5 {
		t.Fatalf("only %d internal errors were logged; the test exercised nothing:\n%s", n, logged)
	}
	lower := strings.ToLower(string(logged))
	for _, s := range []string{name, "quorra", "vantablack", email, "zyxmail", "Ada Lovelace", "ada@example.com", "Grace Hopper", "grace@example.com", "Riley Chen", "Sam Okafor"} {
		if strings.Contains(lower, strings.ToLower(s)) {
			t.Errorf("the log file holds %q:\n%s", s, logged)
		}
	}
}
