// Package bundle is the workspace bundle: one file that carries roles,
// rubrics (every version), candidates with their applications and files,
// and submitted scorecards from one hirebench laptop to another. Pure Go:
// no storage, no Wails; the transfer service (app/transfer) uses it.
//
// # Format hirebench.bundle/v3
//
// A bundle is a zip archive holding exactly these entries:
//
//	manifest.json        {format, createdAt, appVersion, scope, author, counts}
//	roles.json           [{title, uids, team, location, status, createdAt, updatedAt,
//	                       stages: [{name, kind}], rounds: [{name, uids, rubricRef,
//	                       competencies, durationMin, interviewers: [name]}],
//	                       weights: [{competencyId, questionId, weight}],
//	                       weightChanges: [{competencyId, questionId, label, old, new,
//	                       reason, afterScoring, actorName, changedAt}],
//	                       planFixedAt, planSnapshot: [scoring.PlanQuestion]}]
//	rubrics.json         [{ref, name, builtin, archived, versions:
//	                       [{version, sha256, createdAt, content}]}]
//	candidates.json      [{ref, uids, name, email, phone, …, tags, createdAt, updatedAt,
//	                       archivedAt, humanOnly, applications: [{roleTitle, stageName, …,
//	                       assignments: [{round, interviewers: [name]}]}],
//	                       attachments: [{fileName, mimeType, size, sha256, text, createdAt}]}]
//	scorecards.json      [{uid, candidateRef, candidateEmail, candidateName, roleTitle,
//	                       roundName, authorName, rubricSha256, competencies, answers,
//	                       recommendation, notes, elapsedMs, startedAt, submittedAt,
//	                       sha256, seenOthers, hashVersion, candidateUid, roleUid,
//	                       roundUid, bindingSha256, revisions: [{…, hashVersion,
//	                       candidateUid, roleUid, roundUid}]}]
//	attachments/<sha256> the bytes of each file candidates.json refers to
//
// Refs ("rubric-1", "candidate-3") only link records inside one bundle.
// Uids are the same on every laptop: a record created by an import keeps
// the bundle's, and one matched by its natural key adopts them beside its
// own. Across laptops records are matched by uid first, then by natural keys:
//
//   - a role by its title (case-insensitive), a stage by name within its role
//     (the Rejected stage by its kind), a round by name within its role;
//   - a rubric version by its SHA-256 (the hash of its stored content); a
//     rubric by any version it shares, else by name (the built-in rubric
//     always matches the local built-in one);
//   - a candidate by email (lowercased); a candidate without an email by
//     name (case-insensitive) plus creation time, which an import keeps, so
//     a record passed from laptop to laptop keeps matching itself. A
//     candidate without an email renamed on one side is found by uid if it
//     came from the other side; created on both on their own, it arrives
//     as a second record;
//   - an application by candidate and role; an attachment by candidate and
//     the SHA-256 of its bytes;
//   - a scorecard by its uid; a person (scorecard author, interviewer) by
//     profile name, case-insensitive.
//
// Only submitted scorecards travel, never drafts. Each carries the SHA-256
// that scoring.Hash computed when it was submitted, and its amendments are
// chained to it, so an import recomputes them (scoring.Verify) and refuses a
// card whose content was changed. Each card and amendment is also bound to
// whom and what it scores: its candidateUid, roleUid and roundUid must be
// uids of the candidate, role and round the bundle files it under, and its
// hash covers them (hash version 2; for a card submitted before that,
// bindingSha256 seals where the exporting laptop files it). A card moved to
// another candidate, role or round is refused like a changed one, and a
// card without a binding (from a build before v3) is refused too, since
// where it belongs cannot be checked. The hashes are checksums, not
// signatures: they catch edits made with a text editor or a broken copy,
// not someone who recomputes them on purpose.
//
// v2 added the plan's weights, their history and the plan fixed at the
// first submission (workspace bundles), the recruiter's per-candidate round
// assignments, and seenOthers on scorecards and amendments, which their
// hashes cover: a v1 reader would refuse those cards as tampered, so the
// format says v2 and v1 readers ask to be updated instead. v3 added uids
// and the scorecards' bindings, with version 2 hashes a v2 reader would
// refuse as tampered. This reader reads v1, v2 and v3 and ignores JSON
// fields it does not know; any other format is refused with a message
// saying so, never half-read.
package bundle

import (
	"fmt"
	"strings"

	"hirebench/app/model"
)

// Format names this version of the bundle format; FormatV1 and FormatV2
// are still read.
const (
	Format   = "hirebench.bundle/v3"
	FormatV1 = "hirebench.bundle/v1"
	FormatV2 = "hirebench.bundle/v2"
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
