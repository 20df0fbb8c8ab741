// Package bundle is the workspace bundle: one file that carries roles,
// rubrics (every version), candidates with their applications and files,
// and submitted scorecards from one hirebench laptop to another. Pure Go:
// no storage, no Wails; the transfer service (app/transfer) uses it.
//
// # Format hirebench.bundle/v2
//
// A bundle is a zip archive holding exactly these entries:
//
//	manifest.json        {format, createdAt, appVersion, scope, author, counts}
//	roles.json           [{title, team, location, status, createdAt, updatedAt,
//	                       stages: [{name, kind}], rounds: [{name, rubricRef,
//	                       competencies, durationMin, interviewers: [name]}],
//	                       weights: [{competencyId, questionId, weight}],
//	                       weightChanges: [{competencyId, questionId, label, old, new,
//	                       reason, afterScoring, actorName, changedAt}],
//	                       planFixedAt, planSnapshot: [scoring.PlanQuestion]}]
//	rubrics.json         [{ref, name, builtin, archived, versions:
//	                       [{version, sha256, createdAt, content}]}]
//	candidates.json      [{ref, name, email, phone, …, tags, createdAt, updatedAt,
//	                       archivedAt, applications: [{roleTitle, stageName, …,
//	                       assignments: [{round, interviewers: [name]}]}],
//	                       attachments: [{fileName, mimeType, size, sha256, text, createdAt}]}]
//	scorecards.json      [{uid, candidateRef, candidateEmail, candidateName, roleTitle,
//	                       roundName, authorName, rubricSha256, competencies, answers,
//	                       recommendation, notes, elapsedMs, startedAt, submittedAt,
//	                       sha256, seenOthers, revisions: [...]}]
//	attachments/<sha256> the bytes of each file candidates.json refers to
//
// Refs ("rubric-1", "candidate-3") only link records inside one bundle.
// Across laptops records are matched by natural keys:
//
//   - a role by its title (case-insensitive), a stage by name within its role
//     (the Rejected stage by its kind), a round by name within its role;
//   - a rubric version by its SHA-256 (the hash of its stored content); a
//     rubric by any version it shares, else by name (the built-in rubric
//     always matches the local built-in one);
//   - a candidate by email (lowercased); a candidate without an email by
//     name (case-insensitive) plus creation time, which an import keeps, so
//     a record passed from laptop to laptop keeps matching itself. A
//     candidate renamed on one side and without an email is not recognised
//     and arrives as a second record;
//   - an application by candidate and role; an attachment by candidate and
//     the SHA-256 of its bytes;
//   - a scorecard by its uid; a person (scorecard author, interviewer) by
//     profile name, case-insensitive.
//
// Only submitted scorecards travel, never drafts. Each carries the SHA-256
// that scoring.Hash computed when it was submitted, and its amendments are
// chained to it, so an import recomputes them (scoring.Verify) and refuses a
// card whose content was changed. The hash is a checksum, not a signature:
// it catches edits made with a text editor or a broken copy, not someone
// who recomputes it on purpose.
//
// v2 added the plan's weights, their history and the plan fixed at the
// first submission (workspace bundles), the recruiter's per-candidate round
// assignments, and seenOthers on scorecards and amendments, which their
// hashes cover: a v1 reader would refuse those cards as tampered, so the
// format says v2 and v1 readers ask to be updated instead. This reader reads
// v1 and v2 and ignores JSON fields it does not know; any other format is
// refused with a message saying so, never half-read.
package bundle

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// Format names this version of the bundle format; FormatV1 is still read.
const (
	Format   = "hirebench.bundle/v2"
	FormatV1 = "hirebench.bundle/v1"
)

const formatFamily = "hirebench.bundle/"

// Limits a bundle respects when written and is checked against when read,
// so a hostile or broken file cannot exhaust memory or disk.
const (
	MaxEntries         = 10_000
	MaxTotalBytes      = 500 << 20 // decompressed, all entries together
	MaxJSONBytes       = 100 << 20 // each JSON entry
	MaxAttachmentBytes = model.MaxAttachment
	maxManifestBytes   = 1 << 20
	maxProblems        = 20 // listed in one error; the rest are counted
)

// Entry names.
const (
	ManifestFile   = "manifest.json"
	RolesFile      = "roles.json"
	RubricsFile    = "rubrics.json"
	CandidatesFile = "candidates.json"
	ScorecardsFile = "scorecards.json"
	AttachmentsDir = "attachments/"
)

// Scopes say what a bundle was made from.
const (
	// ScopeWorkspace is everything: roles, rubrics, candidates with their
	// files and (unless left out) every submitted scorecard.
	ScopeWorkspace = "workspace"
	// ScopeScorecards is one interviewer's submitted scorecards and what
	// they refer to (role, candidate, round, rubric version), without files.
	ScopeScorecards = "scorecards"
)

// Manifest describes a bundle; it is the first entry of the archive.
type Manifest struct {
	Format     string `json:"format"`
	CreatedAt  string `json:"createdAt"`
	AppVersion string `json:"appVersion"`
	Scope      string `json:"scope"`
	// Author is whose scorecards a ScopeScorecards bundle carries.
	Author string `json:"author,omitempty"`
	Counts Counts `json:"counts"`
}

// Counts tallies records, in a manifest or an import report.
type Counts struct {
	Roles          int `json:"roles"`
	Stages         int `json:"stages"`
	Rounds         int `json:"rounds"`
	Rubrics        int `json:"rubrics"`
	RubricVersions int `json:"rubricVersions"`
	Candidates     int `json:"candidates"`
	Applications   int `json:"applications"`
	Attachments    int `json:"attachments"`
	Scorecards     int `json:"scorecards"`
	Revisions      int `json:"revisions"`
	Profiles       int `json:"profiles"`
}

// Total is the number of records counted.
func (c Counts) Total() int {
	return c.Roles + c.Stages + c.Rounds + c.Rubrics + c.RubricVersions + c.Candidates + c.Applications +
		c.Attachments + c.Scorecards + c.Revisions + c.Profiles
}

// String lists the non-zero counts, e.g. "2 roles, 1 scorecard"; "nothing" when all are zero.
func (c Counts) String() string {
	var parts []string
	add := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(c.Roles, "role", "roles")
	add(c.Stages, "stage", "stages")
	add(c.Rounds, "round", "rounds")
	add(c.Rubrics, "rubric", "rubrics")
	add(c.RubricVersions, "rubric version", "rubric versions")
	add(c.Candidates, "candidate", "candidates")
	add(c.Applications, "application", "applications")
	add(c.Attachments, "attachment", "attachments")
	add(c.Scorecards, "scorecard", "scorecards")
	add(c.Revisions, "amendment", "amendments")
	add(c.Profiles, "profile", "profiles")
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// ExportOptions choose what a bundle carries.
type ExportOptions struct {
	// AuthorID, when set, limits the bundle to that profile's submitted
	// scorecards and what they refer to (role, candidate and application,
	// round, rubric version), without attachments: what an interviewer
	// sends back to the recruiter.
	AuthorID int64 `json:"authorId"`
	// NoScorecards leaves every scorecard out of a workspace bundle, e.g.
	// to set up an interviewer's laptop without the others' scores.
	NoScorecards bool `json:"noScorecards"`
	// NoAttachments leaves candidates' files out of a workspace bundle.
	NoAttachments bool `json:"noAttachments"`
	// AppVersion is recorded in the manifest.
	AppVersion string `json:"appVersion"`
}

// Summary is what an export wrote.
type Summary struct {
	Format    string `json:"format"`
	CreatedAt string `json:"createdAt"`
	Scope     string `json:"scope"`
	Author    string `json:"author,omitempty"`
	Counts    Counts `json:"counts"`
	// Bytes is the size of the archive written.
	Bytes int64 `json:"bytes"`
	// Skipped lists scorecards left out because they no longer match their
	// hash (the workspace file was changed outside hirebench).
	Skipped []string `json:"skipped"`
}

// Role is a role with its pipeline and interview plan.
type Role struct {
	Title     string  `json:"title"`
	Team      string  `json:"team"`
	Location  string  `json:"location"`
	Status    string  `json:"status"`
	CreatedAt string  `json:"createdAt"`
	UpdatedAt string  `json:"updatedAt"`
	Stages    []Stage `json:"stages"`
	Rounds    []Round `json:"rounds"`
	// The plan's weights, their history, and the plan as fixed at the
	// role's first submission; workspace bundles only (v2).
	Weights       []Weight        `json:"weights,omitempty"`
	WeightChanges []WeightChange  `json:"weightChanges,omitempty"`
	PlanFixedAt   string          `json:"planFixedAt,omitempty"`
	PlanSnapshot  json.RawMessage `json:"planSnapshot,omitempty"`
}

// Stage is one pipeline column, in order; Kind is "active" or "rejected".
type Stage struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Round is one step of a role's interview plan.
type Round struct {
	Name         string   `json:"name"`
	RubricRef    string   `json:"rubricRef"`
	Competencies []string `json:"competencies"`
	DurationMin  int      `json:"durationMin"`
	Interviewers []string `json:"interviewers"`
}

// Rubric is a rubric with its versions, oldest first.
type Rubric struct {
	Ref      string          `json:"ref"`
	Name     string          `json:"name"`
	Builtin  bool            `json:"builtin"`
	Archived bool            `json:"archived"`
	Versions []RubricVersion `json:"versions"`
}

// RubricVersion is one exact version. SHA256 is the hash of Content in its
// compact form, which is how the workspace stores it.
type RubricVersion struct {
	Version   int             `json:"version"`
	SHA256    string          `json:"sha256"`
	CreatedAt string          `json:"createdAt"`
	Content   json.RawMessage `json:"content"`
}

// Candidate is a person with their applications and files.
type Candidate struct {
	Ref string `json:"ref"`
	model.CandidateInput
	CreatedAt    string        `json:"createdAt"`
	UpdatedAt    string        `json:"updatedAt"`
	ArchivedAt   string        `json:"archivedAt"`
	Applications []Application `json:"applications"`
	Attachments  []Attachment  `json:"attachments"`
}

// Label names a candidate in messages: their email, else their name.
func (c Candidate) Label() string {
	if c.Email != "" {
		return c.Email
	}
	return c.Name
}

// Application is the candidate in one role's pipeline.
type Application struct {
	RoleTitle       string `json:"roleTitle"`
	StageName       string `json:"stageName"`
	RejectionReason string `json:"rejectionReason"`
	CreatedAt       string `json:"createdAt"`
	EnteredStageAt  string `json:"enteredStageAt"`
	// Assignments are the recruiter's per-candidate round assignments (v2).
	Assignments []Assignment `json:"assignments,omitempty"`
}

// Attachment describes a file stored as attachments/<SHA256>.
type Attachment struct {
	FileName  string `json:"fileName"`
	MimeType  string `json:"mimeType"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Text      string `json:"text"`
	CreatedAt string `json:"createdAt"`
}

// Scorecard is a submitted scorecard; SHA256 and the revisions' hashes are
// those computed when it was submitted and amended.
type Scorecard struct {
	UID            string                    `json:"uid"`
	CandidateRef   string                    `json:"candidateRef"`
	CandidateEmail string                    `json:"candidateEmail"`
	CandidateName  string                    `json:"candidateName"`
	RoleTitle      string                    `json:"roleTitle"`
	RoundName      string                    `json:"roundName"`
	AuthorName     string                    `json:"authorName"`
	RubricSHA256   string                    `json:"rubricSha256"`
	Competencies   []string                  `json:"competencies"`
	Answers        map[string]scoring.Answer `json:"answers"`
	Recommendation string                    `json:"recommendation"`
	Notes          string                    `json:"notes"`
	ElapsedMs      int64                     `json:"elapsedMs"`
	StartedAt      string                    `json:"startedAt"`
	SubmittedAt    string                    `json:"submittedAt"`
	SHA256         string                    `json:"sha256"`
	// SeenOthers: submitted after other interviewers' cards were open to
	// the author; covered by SHA256 (absent in older bundles).
	SeenOthers bool       `json:"seenOthers,omitempty"`
	Revisions  []Revision `json:"revisions"`
}

// Revision is an amendment to a submitted scorecard.
type Revision struct {
	Revision       int                       `json:"revision"`
	Answers        map[string]scoring.Answer `json:"answers"`
	Recommendation string                    `json:"recommendation"`
	Notes          string                    `json:"notes"`
	Reason         string                    `json:"reason"`
	AuthorName     string                    `json:"authorName"`
	CreatedAt      string                    `json:"createdAt"`
	SHA256         string                    `json:"sha256"`
	// SeenOthers: amended after other interviewers' cards were open to the
	// author; covered by SHA256 (absent in bundles made before it existed).
	SeenOthers bool `json:"seenOthers,omitempty"`
}

// Scoring returns the card in the form scoring.Verify checks: exactly the
// fields its hashes cover.
func (s Scorecard) Scoring() scoring.Scorecard {
	c := scoring.Scorecard{UID: s.UID, CandidateName: s.CandidateName, RoleTitle: s.RoleTitle, RoundName: s.RoundName,
		AuthorName: s.AuthorName, RubricSHA256: s.RubricSHA256, Competencies: nonNil(s.Competencies), Status: scoring.Submitted,
		Answers: s.Answers, Recommendation: s.Recommendation, Notes: s.Notes, ElapsedMs: s.ElapsedMs,
		StartedAt: s.StartedAt, UpdatedAt: s.SubmittedAt, SubmittedAt: s.SubmittedAt, SHA256: s.SHA256, SeenOthers: s.SeenOthers,
		Revisions: []scoring.Revision{}}
	if c.Answers == nil {
		c.Answers = map[string]scoring.Answer{}
	}
	for _, r := range s.Revisions {
		c.Revisions = append(c.Revisions, scoring.Revision{Revision: r.Revision, Answers: r.Answers, Recommendation: r.Recommendation,
			Notes: r.Notes, Reason: r.Reason, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers})
	}
	return c
}

// Label names a card in messages: "scorecard <uid> by <author> for <candidate>".
func (s Scorecard) Label() string {
	who := s.CandidateEmail
	if who == "" {
		who = s.CandidateName
	}
	return fmt.Sprintf("scorecard %s by %s for %s", s.UID, s.AuthorName, who)
}

// FromScoring fills a bundle card from a stored one; candidateRef links it
// to its candidate in the same bundle.
func FromScoring(c scoring.Scorecard, candidateRef, candidateEmail string) Scorecard {
	out := Scorecard{UID: c.UID, CandidateRef: candidateRef, CandidateEmail: candidateEmail, CandidateName: c.CandidateName,
		RoleTitle: c.RoleTitle, RoundName: c.RoundName, AuthorName: c.AuthorName, RubricSHA256: c.RubricSHA256,
		Competencies: nonNil(c.Competencies), Answers: c.Answers, Recommendation: c.Recommendation, Notes: c.Notes,
		ElapsedMs: c.ElapsedMs, StartedAt: c.StartedAt, SubmittedAt: c.SubmittedAt, SHA256: c.SHA256, SeenOthers: c.SeenOthers,
		Revisions: []Revision{}}
	if out.Answers == nil {
		out.Answers = map[string]scoring.Answer{}
	}
	for _, r := range c.Revisions {
		out.Revisions = append(out.Revisions, Revision{Revision: r.Revision, Answers: r.Answers, Recommendation: r.Recommendation,
			Notes: r.Notes, Reason: r.Reason, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers})
	}
	return out
}

// Bundle is the content of one bundle file. Attachment bytes are not held
// here: Write asks for them, and a bundle from Read reads them on demand.
type Bundle struct {
	Manifest   Manifest
	Roles      []Role
	Rubrics    []Rubric
	Candidates []Candidate
	Scorecards []Scorecard

	files map[string]*zipFile // sha256 → entry, set by Read
}

// Count tallies the records the bundle holds.
func (b *Bundle) Count() Counts {
	var c Counts
	people := map[string]bool{}
	c.Roles = len(b.Roles)
	for _, r := range b.Roles {
		c.Stages += len(r.Stages)
		c.Rounds += len(r.Rounds)
		for _, rd := range r.Rounds {
			for _, p := range rd.Interviewers {
				people[strings.ToLower(p)] = true
			}
		}
	}
	c.Rubrics = len(b.Rubrics)
	for _, r := range b.Rubrics {
		c.RubricVersions += len(r.Versions)
	}
	c.Candidates = len(b.Candidates)
	files := map[string]bool{}
	for _, cand := range b.Candidates {
		c.Applications += len(cand.Applications)
		for _, a := range cand.Attachments {
			files[a.SHA256] = true
		}
	}
	c.Attachments = len(files)
	c.Scorecards = len(b.Scorecards)
	for _, s := range b.Scorecards {
		c.Revisions += len(s.Revisions)
		people[strings.ToLower(s.AuthorName)] = true
		for _, r := range s.Revisions {
			people[strings.ToLower(r.AuthorName)] = true
		}
	}
	c.Profiles = len(people)
	return c
}

// ImportOptions change how an import treats a damaged bundle.
type ImportOptions struct {
	// SkipTampered imports everything else when some scorecards do not
	// match their hash; those are listed in ImportReport.Refused. Without
	// it, one such card refuses the whole bundle and nothing is written.
	SkipTampered bool `json:"skipTampered"`
}

// ImportReport says what an import did. Importing the same bundle again
// creates nothing: every record then counts as unchanged.
type ImportReport struct {
	Format     string `json:"format"`
	Scope      string `json:"scope"`
	Author     string `json:"author,omitempty"`
	CreatedAt  string `json:"createdAt"`
	AppVersion string `json:"appVersion"`
	// Created counts records added to this workspace; Unchanged those
	// already here (kept as they are, even when they differ: see Conflicts).
	Created   Counts `json:"created"`
	Unchanged Counts `json:"unchanged"`
	// Conflicts lists records where this workspace and the bundle disagree;
	// the local version is always kept.
	Conflicts []string `json:"conflicts"`
	// Refused lists scorecards left out because they failed verification
	// (only with ImportOptions.SkipTampered).
	Refused []string `json:"refused"`
	// Notes are other things worth knowing (a stage the pipeline had no room for, …).
	Notes []string `json:"notes"`
}

// NewReport starts the report of importing a bundle with this manifest.
func NewReport(m Manifest) ImportReport {
	return ImportReport{Format: m.Format, Scope: m.Scope, Author: m.Author, CreatedAt: m.CreatedAt, AppVersion: m.AppVersion,
		Conflicts: []string{}, Refused: []string{}, Notes: []string{}}
}

// RefusedError is returned when a bundle is not accepted at all: not a
// bundle, an unknown format, over a limit, unsafe paths, inconsistent
// content or scorecards that do not match their hash. Nothing was written.
type RefusedError struct {
	Problems []string
}

func (e *RefusedError) Error() string { return "bundle refused: " + joinProblems(e.Problems) }

// joinProblems lists up to maxProblems problems and counts the rest.
func joinProblems(list []string) string {
	more := 0
	if len(list) > maxProblems {
		list, more = list[:maxProblems], len(list)-maxProblems
	}
	msg := strings.Join(list, "; ")
	if more > 0 {
		msg += fmt.Sprintf("; and %d more problem(s)", more)
	}
	return msg
}

// Unwrap lets errors.Is(err, model.ErrConflict) match: the file contradicts
// what a bundle must be, and the user has to act (ask for a new bundle).
func (e *RefusedError) Unwrap() error { return model.ErrConflict }

func refused(format string, args ...any) error {
	return &RefusedError{Problems: []string{fmt.Sprintf(format, args...)}}
}

// IsRefused says whether err means the bundle itself was not accepted.
func IsRefused(err error) bool {
	var re *RefusedError
	return errors.As(err, &re)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
