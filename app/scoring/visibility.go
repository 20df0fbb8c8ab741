// The blind rule (who may see which scorecard, redaction) and who may export or
// import which kind of bundle or workbook.

package scoring

import (
	"fmt"

	"hirebench/app/model"
)

// Viewer is who is looking at a candidate's scorecards.
type Viewer struct {
	ProfileID   int64
	IsRecruiter bool
	// DoneWithCandidate: the viewer has submitted a card in every round of
	// this candidate they are assigned to or started (DoneWithCandidate).
	DoneWithCandidate bool
}

// CanSee is the blind rule. Your own card is always yours to see. Nobody
// sees anyone else's draft. Someone else's submitted card is visible to a
// recruiter, or to an interviewer who has finished their own part for the
// same candidate (every round they are assigned to, submitted), so their
// judgement cannot be anchored by others' — not even in a later round.
func CanSee(v Viewer, authorID int64, status Status) bool {
	if authorID == v.ProfileID {
		return true
	}
	if status != Submitted {
		return false
	}
	return v.IsRecruiter || v.DoneWithCandidate
}

// RoundKey names one round of one application.
type RoundKey struct {
	ApplicationID int64
	RoundID       int64
}

// DoneWithCandidate says whether a profile has finished its part for a
// candidate: it is assigned to (or has a card in) at least one of the
// candidate's rounds, and has a submitted card in every one of them.
// assigned lists the candidate's rounds the profile is assigned to; cards
// are the candidate's cards (anyone's).
func DoneWithCandidate(profileID int64, assigned []RoundKey, cards []Scorecard) bool {
	duty := map[RoundKey]bool{}
	for _, k := range assigned {
		duty[k] = false
	}
	for _, c := range cards {
		if c.AuthorID != profileID {
			continue
		}
		k := RoundKey{c.ApplicationID, c.RoundID}
		duty[k] = duty[k] || c.Status == Submitted
	}
	if len(duty) == 0 {
		return false
	}
	for _, done := range duty {
		if !done {
			return false
		}
	}
	return true
}

// SawOthers says whether, at the moment of amending, other interviewers'
// submitted cards for the candidate were open to the author.
func SawOthers(v Viewer, cards []Scorecard) bool {
	for _, c := range cards {
		if c.AuthorID != v.ProfileID && CanSee(v, c.AuthorID, c.Status) {
			return true
		}
	}
	return false
}

// Redact strips everything judged from a card the viewer may not see,
// keeping who and what state so the UI can say "1 scorecard hidden until
// you submit yours".
func Redact(c Scorecard) Scorecard {
	return Scorecard{
		ID: c.ID, UID: c.UID, ApplicationID: c.ApplicationID, CandidateID: c.CandidateID, CandidateName: c.CandidateName,
		RoleID: c.RoleID, RoleTitle: c.RoleTitle, RoundID: c.RoundID, RoundName: c.RoundName, AuthorID: c.AuthorID,
		AuthorName: c.AuthorName, Status: c.Status, Answers: map[string]Answer{}, Competencies: []string{}, Revisions: []Revision{},
	}
}

// Export is something that can leave the laptop.
type Export string

const (
	// ExportCommittee: the committee workbook or its CSV files, which hold
	// every interviewer's submitted scorecards for a role.
	ExportCommittee Export = "committee"
	// ExportBundleAll: a workspace bundle with everyone's scorecards.
	ExportBundleAll Export = "bundle"
	// ExportBundleMine: a bundle with only the exporter's own scorecards.
	ExportBundleMine Export = "bundle-mine"
	// ExportBundleSetup: a bundle without scorecards (to set up a laptop).
	ExportBundleSetup Export = "bundle-setup"
)

// Exporter is who asks to export (or import, MayImport).
type Exporter struct {
	ProfileID   int64
	IsRecruiter bool
	// Owner is the command line: whoever runs it owns the data folder and
	// could read the database file directly, so no profile rule binds it.
	Owner bool
}

// ExporterOf is a profile asking to export from the app.
func ExporterOf(p model.Profile) Exporter {
	return Exporter{ProfileID: p.ID, IsRecruiter: p.IsRecruiter}
}

// MayExport is the export rule: what carries other people's scorecards is
// the recruiter's alone (and the laptop owner's at the command line); one's
// own scorecards and a bundle without scorecards are anyone's.
func MayExport(e Exporter, what Export) error {
	switch what {
	case ExportBundleMine, ExportBundleSetup:
		return nil
	case ExportCommittee, ExportBundleAll:
		if e.IsRecruiter || e.Owner {
			return nil
		}
		if what == ExportCommittee {
			return fmt.Errorf("the committee workbook holds every interviewer's scorecards, so only the recruiter exports it: %w", model.ErrConflict)
		}
		return fmt.Errorf("a workspace bundle holds every interviewer's scorecards, so only the recruiter exports it; export only your own scorecards instead: %w", model.ErrConflict)
	}
	return fmt.Errorf("unknown export %q: %w", what, model.ErrConflict)
}

// MayImport is the import rule. A bundle changes plans (rounds, who
// interviews whom, weights) and may bring scorecards, which count as rounds
// their authors finished and open other people's cards to them: on a
// laptop with a recruiter, the recruiter (or the command line) imports
// bundles. On a laptop without one (an interviewer's own, set up from the
// recruiter's bundle) anyone imports a bundle without scorecards.
func MayImport(who Exporter, scorecards int, laptopHasRecruiter bool) error {
	switch {
	case who.IsRecruiter || who.Owner:
		return nil
	case scorecards > 0:
		return fmt.Errorf("this bundle holds %d scorecard(s); only the recruiter imports scorecards, so send it to them: %w", scorecards, model.ErrConflict)
	case laptopHasRecruiter:
		return fmt.Errorf("a bundle can change interview plans, so on this laptop the recruiter imports it: %w", model.ErrConflict)
	}
	return nil
}

// BundleKind classifies a bundle export for MayExport: without scorecards,
// only the exporter's own (authorID is the exporter), or other people's.
func BundleKind(exporterID, authorID int64, noScorecards bool) Export {
	switch {
	case noScorecards:
		return ExportBundleSetup
	case authorID != 0 && authorID == exporterID:
		return ExportBundleMine
	}
	return ExportBundleAll
}
