// Scorecards in a bundle: a submitted card with its amendments, and its
// conversion to and from the form scoring.Hash and scoring.Verify check.

package bundle

import (
	"fmt"

	"hirebench/app/scoring"
)

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
	// HashVersion is the scoring.Hash version SHA256 follows (absent: 1).
	HashVersion int `json:"hashVersion,omitempty"`
	// Binding names the candidate, role and round the card scores: a uid
	// of each of the records CandidateRef, RoleTitle and RoundName name in
	// this bundle. A version 2 hash covers it; for a version 1 card,
	// BindingSHA256 (scoring.BindingHash) seals it. Bundles of builds
	// before v3 have neither.
	scoring.Binding
	BindingSHA256 string `json:"bindingSha256,omitempty"`
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
	// HashVersion and Binding as on Scorecard: a version 2 amendment's hash
	// covers its own binding.
	HashVersion int `json:"hashVersion,omitempty"`
	scoring.Binding
}

// Scoring returns the card in the form scoring.Verify checks: exactly the
// fields its hashes cover.
func (s Scorecard) Scoring() scoring.Scorecard {
	c := scoring.Scorecard{UID: s.UID, CandidateName: s.CandidateName, RoleTitle: s.RoleTitle, RoundName: s.RoundName,
		AuthorName: s.AuthorName, RubricSHA256: s.RubricSHA256, Competencies: nonNil(s.Competencies), Status: scoring.Submitted,
		Answers: s.Answers, Recommendation: s.Recommendation, Notes: s.Notes, ElapsedMs: s.ElapsedMs,
		StartedAt: s.StartedAt, UpdatedAt: s.SubmittedAt, SubmittedAt: s.SubmittedAt, SHA256: s.SHA256, SeenOthers: s.SeenOthers,
		HashVersion: s.HashVersion, Binding: s.Binding, Revisions: []scoring.Revision{}}
	if c.Answers == nil {
		c.Answers = map[string]scoring.Answer{}
	}
	for _, r := range s.Revisions {
		c.Revisions = append(c.Revisions, scoring.Revision{Revision: r.Revision, Answers: r.Answers, Recommendation: r.Recommendation,
			Notes: r.Notes, Reason: r.Reason, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers,
			HashVersion: r.HashVersion, Binding: r.Binding})
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
// to its candidate in the same bundle. c.Binding must be set: for a version
// 1 card that travels for the first time, where it is filed (it is sealed
// here with BindingSHA256).
func FromScoring(c scoring.Scorecard, candidateRef, candidateEmail string) Scorecard {
	out := Scorecard{UID: c.UID, CandidateRef: candidateRef, CandidateEmail: candidateEmail, CandidateName: c.CandidateName,
		RoleTitle: c.RoleTitle, RoundName: c.RoundName, AuthorName: c.AuthorName, RubricSHA256: c.RubricSHA256,
		Competencies: nonNil(c.Competencies), Answers: c.Answers, Recommendation: c.Recommendation, Notes: c.Notes,
		ElapsedMs: c.ElapsedMs, StartedAt: c.StartedAt, SubmittedAt: c.SubmittedAt, SHA256: c.SHA256, SeenOthers: c.SeenOthers,
		Revisions: []Revision{}, HashVersion: c.HashVersion, Binding: c.Binding}
	if c.HashVersion < scoring.HashV2 {
		out.BindingSHA256 = scoring.BindingHash(c)
	}
	if out.Answers == nil {
		out.Answers = map[string]scoring.Answer{}
	}
	for _, r := range c.Revisions {
		out.Revisions = append(out.Revisions, Revision{Revision: r.Revision, Answers: r.Answers, Recommendation: r.Recommendation,
			Notes: r.Notes, Reason: r.Reason, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers,
			HashVersion: r.HashVersion, Binding: r.Binding})
	}
	return out
}
