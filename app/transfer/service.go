// Package transfer is the bundle service: it moves work between laptops.
// It decides who may export or import which bundle (scoring.MayExport,
// scoring.MayImport), collects the export from one consistent snapshot
// (export.go), and holds the merge rules of an import: how records match,
// which rubric version stays current, what counts as a conflict and how it
// is worded (merge*.go, plan.go). It reads and writes only through
// storage's transaction handle, storage.Tx.
package transfer

import (
	"context"
	"io"
	"maps"
	"slices"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Service exports and imports the bundles of one workspace.
type Service struct {
	store *storage.Store
}

// New returns the bundle service over a workspace.
func New(store *storage.Store) *Service { return &Service{store: store} }

// MayExportBundle says whether who may write this bundle, so the window can
// refuse before it asks where to save it (scoring.MayExport).
func MayExportBundle(opts bundle.ExportOptions, who scoring.Exporter) error {
	return scoring.MayExport(who, scoring.BundleKind(who.ProfileID, opts.AuthorID, opts.NoScorecards))
}

// ExportBundle writes a bundle to w if the exporter may: one with other
// people's scorecards is the recruiter's (or the command line's) alone;
// one's own scorecards, or none, are anyone's (scoring.MayExport).
//
// The bundle comes from one consistent snapshot of the workspace:
// everything, or with opts.AuthorID one person's submitted scorecards and
// what they refer to. Drafts never leave the laptop. A stored scorecard
// that no longer matches its hash is left out and listed in
// Summary.Skipped rather than passed on.
func (s *Service) ExportBundle(ctx context.Context, w io.Writer, opts bundle.ExportOptions, who scoring.Exporter) (bundle.Summary, error) {
	if err := MayExportBundle(opts, who); err != nil {
		return bundle.Summary{}, err
	}
	var sum bundle.Summary
	err := s.store.Read(ctx, func(tx *storage.Tx) error {
		ex := newExporter(tx, opts)
		if err := ex.collect(); err != nil {
			return err
		}
		var err error
		sum, err = bundle.Write(w, ex.b, func(sha string) ([]byte, error) { return tx.AttachmentData(ex.files[sha]) })
		sum.Skipped = append(sum.Skipped, ex.skipped...)
		return err
	})
	return sum, err
}

// ImportBundle merges a bundle into the workspace if the importer may
// (scoring.MayImport). actor is recorded as the importer; who decides what
// they may bring in.
//
// Everything is checked before anything is written: the file (format,
// limits, paths, attachment hashes, links) and every scorecard against its
// hash and rubric version. A scorecard that fails is named ("scorecard <uid>
// by <author> for <candidate>: content does not match its hash") and
// refuses the whole bundle with a *bundle.RefusedError, unless
// opts.SkipTampered, which imports the rest and lists it under Refused.
//
// The merge then runs in one immediate transaction and only ever adds:
// missing roles, stages (before Rejected), rounds, rubric versions,
// candidates, applications, attachments, scorecards (submitted, with the
// hash and submission time they were signed with) and amendments, plus a
// profile for each scorecard author or round interviewer not known here.
// Nothing local is overwritten: where the bundle disagrees with this
// workspace (a candidate's phone, a scorecard with the same uid but other
// content, a local draft for the same round) the local record is kept and
// the difference is listed under Conflicts. Importing the same bundle again
// creates nothing.
func (s *Service) ImportBundle(ctx context.Context, r io.ReaderAt, size int64, actor model.Profile, who scoring.Exporter,
	opts bundle.ImportOptions) (bundle.ImportReport, error) {
	profiles, err := s.store.ListProfiles(ctx)
	if err != nil {
		return bundle.ImportReport{}, err
	}
	recruiter := slices.ContainsFunc(profiles, func(p model.Profile) bool { return p.IsRecruiter })
	b, err := bundle.Read(r, size)
	if err != nil {
		return bundle.ImportReport{}, err
	}
	if err := scoring.MayImport(who, len(b.Scorecards), recruiter); err != nil {
		return bundle.ImportReport{}, err
	}
	rep := bundle.NewReport(b.Manifest)
	skip := map[string]bool{}
	if bad := b.VerifyScorecards(); len(bad) > 0 {
		msgs := make([]string, len(bad))
		for i, p := range bad {
			msgs[i], skip[p.UID] = p.Message, true
		}
		if !opts.SkipTampered {
			return bundle.ImportReport{}, &bundle.RefusedError{Problems: msgs}
		}
		rep.Refused = msgs
	}
	started := rep // a run the server aborts (storage.Store.Write) starts the report and the skips again
	err = s.store.Write(ctx, func(tx *storage.Tx) error {
		rep = started
		return newMerger(tx, b, &rep, actor, maps.Clone(skip)).run()
	})
	if err != nil {
		return bundle.ImportReport{}, err
	}
	return rep, nil
}
