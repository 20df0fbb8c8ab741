package transfer_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"
)

func TestWhoMayExportWhichBundle(t *testing.T) {
	ctx := context.Background()
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr := tracking.New(s)
	riley, _ := tr.CreateProfile(ctx, "Riley Chen", true, false)
	sam, _ := tr.CreateProfile(ctx, "Sam Okafor", false, false)
	svc := transfer.New(s)
	cases := []struct {
		name string
		who  scoring.Exporter
		opts bundle.ExportOptions
		ok   bool
	}{
		{"interviewer, whole workspace", scoring.ExporterOf(sam), bundle.ExportOptions{}, false},
		{"interviewer, someone else's scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{AuthorID: riley.ID}, false},
		{"interviewer, own scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{AuthorID: sam.ID}, true},
		{"interviewer, no scorecards", scoring.ExporterOf(sam), bundle.ExportOptions{NoScorecards: true}, true},
		{"recruiter, whole workspace", scoring.ExporterOf(riley), bundle.ExportOptions{}, true},
		{"recruiter, Sam's scorecards", scoring.ExporterOf(riley), bundle.ExportOptions{AuthorID: sam.ID}, true},
		{"command line, whole workspace", scoring.Exporter{Owner: true}, bundle.ExportOptions{}, true},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		_, err := svc.ExportBundle(ctx, &buf, c.opts, c.who)
		if (err == nil) != c.ok {
			t.Errorf("%s: %v, want allowed=%v", c.name, err, c.ok)
		}
		if err != nil && (!errors.Is(err, model.ErrConflict) || buf.Len() != 0) {
			t.Errorf("%s: refused with %v after writing %d bytes", c.name, err, buf.Len())
		}
	}
}
