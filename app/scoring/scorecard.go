// Package scoring holds the scorecard rules: what a draft may contain, what
// submitting requires, who may see which scorecard, and the canonical form a
// submitted scorecard is hashed in. Pure Go, no storage.
package scoring

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

type Status string

const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
)

// Limits on what an interviewer types.
const (
	MaxAnswerNotes = 20_000
	MaxSkipReason  = 500
	MaxCardNotes   = 20_000
	MaxAmendReason = 2_000
)

// Answer is the interviewer's record for one question.
type Answer struct {
	Score      *int   `json:"score,omitempty"`
	Skipped    bool   `json:"skipped,omitempty"`
	SkipReason string `json:"skipReason,omitempty"`
	Notes      string `json:"notes,omitempty"`
	// ElapsedMs is time spent on the question, for the per-question timer.
	ElapsedMs int64 `json:"elapsedMs,omitempty"`
}

// Answered says whether the question counts as done for submission.
func (a Answer) Answered() bool { return a.Score != nil || (a.Skipped && a.SkipReason != "") }

// Scorecard is one interviewer's card for one candidate in one round.
type Scorecard struct {
	ID              int64             `json:"id"`
	UID             string            `json:"uid"`
	ApplicationID   int64             `json:"applicationId"`
	CandidateID     int64             `json:"candidateId"`
	CandidateName   string            `json:"candidateName"`
	RoleID          int64             `json:"roleId"`
	RoleTitle       string            `json:"roleTitle"`
	RoundID         int64             `json:"roundId"`
	RoundName       string            `json:"roundName"`
	DurationMin     int               `json:"durationMin"`
	AuthorID        int64             `json:"authorId"`
	AuthorName      string            `json:"authorName"`
	RubricID        int64             `json:"rubricId"`
	RubricVersionID int64             `json:"rubricVersionId"`
	RubricVersion   int               `json:"rubricVersion"`
	RubricSHA256    string            `json:"rubricSha256"`
	Competencies    []string          `json:"competencies"`
	Status          Status            `json:"status"`
	Answers         map[string]Answer `json:"answers"`
	Recommendation  string            `json:"recommendation"`
	Notes           string            `json:"notes"`
	Cursor          string            `json:"cursor"`
	ElapsedMs       int64             `json:"elapsedMs"`
	StartedAt       string            `json:"startedAt"`
	UpdatedAt       string            `json:"updatedAt"`
	SubmittedAt     string            `json:"submittedAt"`
	SHA256          string            `json:"sha256"`
	// SeenOthers: when its author submitted it, other interviewers'
	// submitted cards for the candidate had been open to them (a recruiter
	// who also interviews, or a round assigned after they finished theirs).
	// Covered by the hash.
	SeenOthers bool `json:"seenOthers"`
	// HashVersion says which definition SHA256 follows (hash.go): 1 (or 0)
	// for cards submitted before cards were bound to what they score.
	HashVersion int `json:"-"`
	// Binding is whom and what the card scores, as identities that are the
	// same on every laptop; a version 2 hash covers it. Empty on drafts and
	// on version 1 cards that never travelled in a bundle.
	Binding Binding `json:"-"`
	// Placed: Binding names this card's candidate, role and round (one of
	// their uids each), as storage or the bundle check found it. Verify
	// refuses a bound card that is not placed: it was moved.
	Placed bool `json:"-"`
	// Revisions are amendments made after submission, oldest first; the
	// latest one is the scorecard's current content.
	Revisions []Revision `json:"revisions"`
	// CurrentContent is the content in force as the window reads it
	// ("current"): MarshalJSON always fills it from Current, whatever it
	// holds. Go code calls Current or InForce instead.
	CurrentContent Content `json:"current"`
}

// Content is what a scorecard says: its answers, overall recommendation
// (with the words shown for it) and notes.
type Content struct {
	Answers             map[string]Answer `json:"answers"`
	Recommendation      string            `json:"recommendation"`
	RecommendationLabel string            `json:"recommendationLabel"` // rubric.RecommendationLabel; "" when none
	Notes               string            `json:"notes"`
}

// InForce is the content in force (Current) with its recommendation's label.
func (c Scorecard) InForce() Content {
	answers, rec, notes := c.Current()
	if answers == nil {
		answers = map[string]Answer{}
	}
	return Content{Answers: answers, Recommendation: rec, RecommendationLabel: rubric.RecommendationLabel(rubric.Recommendation(rec)), Notes: notes}
}

// MarshalJSON writes the card with "current" set to InForce, so what the
// window reads as the card's current content is always Current's.
func (c Scorecard) MarshalJSON() ([]byte, error) {
	type plain Scorecard // without this method
	p := plain(c)
	p.CurrentContent = c.InForce()
	return json.Marshal(p)
}

// Revision is an amendment to a submitted scorecard.
type Revision struct {
	Revision       int               `json:"revision"`
	Answers        map[string]Answer `json:"answers"`
	Recommendation string            `json:"recommendation"`
	Notes          string            `json:"notes"`
	Reason         string            `json:"reason"`
	AuthorID       int64             `json:"authorId"`
	AuthorName     string            `json:"authorName"`
	CreatedAt      string            `json:"createdAt"`
	SHA256         string            `json:"sha256"`
	// SeenOthers: when the author amended, other interviewers' submitted
	// cards for this candidate were open to them, so the amendment may be
	// anchored by what they read. Covered by the hash.
	SeenOthers bool `json:"seenOthers"`
	// HashVersion, Binding and Placed as on Scorecard: each amendment
	// records the binding its own hash covers.
	HashVersion int     `json:"-"`
	Binding     Binding `json:"-"`
	Placed      bool    `json:"-"`
}

// SubmittedAfterSeeing says whether the card was submitted after its
// author could read other interviewers' cards for the candidate.
func (c Scorecard) SubmittedAfterSeeing() bool { return c.SeenOthers }

// AmendedAfterSeeing says whether any amendment was made after its author
// could read other interviewers' cards for the candidate.
func (c Scorecard) AmendedAfterSeeing() bool {
	for _, r := range c.Revisions {
		if r.SeenOthers {
			return true
		}
	}
	return false
}

// Current returns the content in force: the latest amendment, else the original.
func (c Scorecard) Current() (answers map[string]Answer, recommendation, notes string) {
	if n := len(c.Revisions); n > 0 {
		r := c.Revisions[n-1]
		return r.Answers, r.Recommendation, r.Notes
	}
	return c.Answers, c.Recommendation, c.Notes
}

// Patch changes a draft; autosave sends only what changed. A nil field is
// left alone. ClearScore unsets a score.
type Patch struct {
	QuestionID     string  `json:"questionId,omitempty"`
	Score          *int    `json:"score,omitempty"`
	ClearScore     bool    `json:"clearScore,omitempty"`
	Skipped        *bool   `json:"skipped,omitempty"`
	SkipReason     *string `json:"skipReason,omitempty"`
	AnswerNotes    *string `json:"answerNotes,omitempty"`
	AnswerElapsed  *int64  `json:"answerElapsedMs,omitempty"`
	Recommendation *string `json:"recommendation,omitempty"`
	Notes          *string `json:"notes,omitempty"`
	Cursor         *string `json:"cursor,omitempty"`
	ElapsedMs      *int64  `json:"elapsedMs,omitempty"`
}

// ApplyPatch validates p against the rubric the card is scored with and
// applies it to a copy of the card's draft fields. Nothing changes on error.
func ApplyPatch(r rubric.Rubric, c *Scorecard, p Patch) error {
	v := &model.ValidationError{}
	answers := make(map[string]Answer, len(c.Answers)+1)
	for k, a := range c.Answers {
		answers[k] = a
	}
	touchesAnswer := p.Score != nil || p.ClearScore || p.Skipped != nil || p.SkipReason != nil || p.AnswerNotes != nil || p.AnswerElapsed != nil
	if touchesAnswer || p.QuestionID != "" {
		_, q, ok := r.FindQuestion(p.QuestionID)
		switch {
		case p.QuestionID == "":
			v.Add("questionId", "say which question the answer belongs to")
		case !ok:
			v.Add("questionId", "unknown question %q in this rubric version", p.QuestionID)
		default:
			a := answers[q.ID]
			if p.Score != nil {
				if *p.Score < r.Scale.Min || *p.Score > r.Scale.Max {
					v.Add("score", "%d is outside the scale %d–%d", *p.Score, r.Scale.Min, r.Scale.Max)
				} else {
					s := *p.Score
					a.Score = &s
					a.Skipped, a.SkipReason = false, ""
				}
			}
			if p.ClearScore {
				a.Score = nil
			}
			if p.Skipped != nil {
				a.Skipped = *p.Skipped
				if a.Skipped {
					a.Score = nil
				} else {
					a.SkipReason = ""
				}
			}
			if p.SkipReason != nil {
				a.SkipReason = model.OneLine(*p.SkipReason)
				if utf8.RuneCountInString(a.SkipReason) > MaxSkipReason {
					v.Add("skipReason", "is longer than %d characters", MaxSkipReason)
				}
			}
			if p.AnswerNotes != nil {
				a.Notes = model.MultiLine(*p.AnswerNotes)
				if utf8.RuneCountInString(a.Notes) > MaxAnswerNotes {
					v.Add("answerNotes", "is longer than %d characters", MaxAnswerNotes)
				}
			}
			if p.AnswerElapsed != nil {
				if *p.AnswerElapsed < 0 {
					v.Add("answerElapsedMs", "cannot be negative")
				} else {
					a.ElapsedMs = *p.AnswerElapsed
				}
			}
			answers[q.ID] = a
		}
	}
	rec, notes, cursor, elapsed := c.Recommendation, c.Notes, c.Cursor, c.ElapsedMs
	if p.Recommendation != nil {
		rec = *p.Recommendation
		if rec != "" && rubric.RecommendationLabel(rubric.Recommendation(rec)) == "" {
			v.Add("recommendation", "%q is not one of strong_no, no, yes, strong_yes", rec)
		}
	}
	if p.Notes != nil {
		notes = model.MultiLine(*p.Notes)
		if utf8.RuneCountInString(notes) > MaxCardNotes {
			v.Add("notes", "is longer than %d characters", MaxCardNotes)
		}
	}
	if p.Cursor != nil {
		cursor = *p.Cursor
		if _, _, ok := r.FindQuestion(cursor); cursor != "" && !ok {
			v.Add("cursor", "unknown question %q in this rubric version", cursor)
		}
	}
	if p.ElapsedMs != nil {
		if *p.ElapsedMs < 0 {
			v.Add("elapsedMs", "cannot be negative")
		} else {
			elapsed = *p.ElapsedMs
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	c.Answers, c.Recommendation, c.Notes, c.Cursor, c.ElapsedMs = answers, rec, notes, cursor, elapsed
	return nil
}

// CheckComplete lists what stops a card from being submitted: every required
// question scored or skipped with a reason, and an overall recommendation.
func CheckComplete(r rubric.Rubric, answers map[string]Answer, recommendation string) error {
	v := &model.ValidationError{}
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			a := answers[q.ID]
			switch {
			case a.Skipped && a.SkipReason == "":
				v.Add("answers."+q.ID, "skipped without a reason (%s)", shorten(q.Prompt))
			case !q.Optional && !a.Answered():
				v.Add("answers."+q.ID, "not scored yet (%s)", shorten(q.Prompt))
			}
		}
	}
	for id, a := range answers {
		if _, q, ok := r.FindQuestion(id); !ok {
			v.Add("answers."+id, "unknown question in this rubric version")
		} else if a.Score != nil && (*a.Score < r.Scale.Min || *a.Score > r.Scale.Max) {
			v.Add("answers."+id, "score %d is outside the scale %d–%d (%s)", *a.Score, r.Scale.Min, r.Scale.Max, shorten(q.Prompt))
		}
	}
	if rubric.RecommendationLabel(rubric.Recommendation(recommendation)) == "" {
		v.Add("recommendation", "choose an overall recommendation")
	}
	return v.Err()
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}
