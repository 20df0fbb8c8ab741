package scoring

// Viewer is who is looking at a candidate's scorecards.
type Viewer struct {
	ProfileID   int64
	IsRecruiter bool
	// SubmittedForCandidate: the viewer has submitted a scorecard of their
	// own for this candidate (any round).
	SubmittedForCandidate bool
}

// CanSee is the blind rule. Your own card is always yours to see. Nobody
// sees anyone else's draft. Someone else's submitted card is visible to a
// recruiter, or to an interviewer who has already submitted their own card
// for the same candidate, so their judgement cannot be anchored by others'.
func CanSee(v Viewer, authorID int64, status Status) bool {
	if authorID == v.ProfileID {
		return true
	}
	if status != Submitted {
		return false
	}
	return v.IsRecruiter || v.SubmittedForCandidate
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
