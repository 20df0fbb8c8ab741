// Package transfer is the service that moves work between laptops: it
// decides who may write which bundle, then lets storage write or merge it.
package transfer

import (
	"context"
	"io"
	"slices"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

type Service struct {
	store *storage.Store
}

func New(store *storage.Store) *Service { return &Service{store: store} }

// ExportBundle writes a bundle to w if the exporter may: one with other
// people's scorecards is the recruiter's (or the command line's) alone;
// one's own scorecards, or none, are anyone's (scoring.MayExport).
func (s *Service) ExportBundle(ctx context.Context, w io.Writer, opts bundle.ExportOptions, who scoring.Exporter) (bundle.Summary, error) {
	if err := scoring.MayExport(who, scoring.BundleKind(who.ProfileID, opts.AuthorID, opts.NoScorecards)); err != nil {
		return bundle.Summary{}, err
	}
	return s.store.ExportBundle(ctx, w, opts)
}

// ImportBundle merges a bundle if the importer may (scoring.MayImport);
// storage checks every hash before it writes. actor is recorded as the
// importer; who decides what they may bring in.
func (s *Service) ImportBundle(ctx context.Context, r io.ReaderAt, size int64, actor model.Profile, who scoring.Exporter,
	opts bundle.ImportOptions) (bundle.ImportReport, error) {
	profiles, err := s.store.ListProfiles(ctx)
	if err != nil {
		return bundle.ImportReport{}, err
	}
	recruiter := slices.ContainsFunc(profiles, func(p model.Profile) bool { return p.IsRecruiter })
	opts.Allow = func(b *bundle.Bundle) error { return scoring.MayImport(who, len(b.Scorecards), recruiter) }
	return s.store.ImportBundleWith(ctx, r, size, actor, opts)
}
