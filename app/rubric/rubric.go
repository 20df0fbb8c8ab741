// Package rubric is the structured-interview model: a rubric's competencies,
// questions and behaviourally anchored levels, its validation, the file
// format it is imported from and exported to, and the built-in rubric for
// developers who build on the OpenAI platform. Pure Go: no storage, no Wails.
package rubric

// FormatV1 names the file format; files carry it so a later format can be
// told apart (and refused by older builds) instead of half-read.
const FormatV1 = "hirebench.rubric/v1"

// Limits keep a hostile or runaway file from bloating the workspace.
const (
	MinLevels       = 2
	MaxLevels       = 10
	MaxCompetencies = 50
	MaxQuestions    = 30 // per competency
	MaxListItems    = 20 // follow-ups, red flags, screen flags of one kind
	MaxTitle        = 200
	MaxText         = 4000
	MaxID           = 64
	MaxWeight       = 100.0
	MaxScreenFlags  = 40
	MaxSamples      = 20 // calibration samples per question
	MaxTracks       = 10
	DefaultWeight   = 1.0
)

// Rubric is one version of an interview rubric, exactly as scored against.
type Rubric struct {
	Format       string       `json:"format" yaml:"format"`
	Name         string       `json:"name" yaml:"name"`
	Description  string       `json:"description,omitempty" yaml:"description,omitempty"`
	Scale        Scale        `json:"scale" yaml:"scale"`
	Tracks       []Track      `json:"tracks,omitempty" yaml:"tracks,omitempty"`
	Competencies []Competency `json:"competencies" yaml:"competencies"`
	// Screen is the resume screen checklist; optional.
	Screen []ScreenFlag `json:"screen,omitempty" yaml:"screen,omitempty"`
}

// Scale is an integer range of levels, each with a short label
// (e.g. 1 "No evidence" … 4 "Strong"). Labels[0] belongs to Min.
type Scale struct {
	Min    int      `json:"min" yaml:"min"`
	Max    int      `json:"max" yaml:"max"`
	Labels []string `json:"labels" yaml:"labels"`
}

// Levels is the number of points on the scale.
func (s Scale) Levels() int { return s.Max - s.Min + 1 }

// Label returns the label of a score, or "" outside the scale.
func (s Scale) Label(score int) string {
	if score < s.Min || score > s.Max || score-s.Min >= len(s.Labels) {
		return ""
	}
	return s.Labels[score-s.Min]
}

// Track groups competencies for one kind of project; competencies with an
// empty Track are core and apply to every track.
type Track struct {
	ID          string `json:"id" yaml:"id"`
	Name        string `json:"name" yaml:"name"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
}

// Competency is a skill the interview assesses through one or more questions.
type Competency struct {
	ID          string     `json:"id" yaml:"id"`
	Name        string     `json:"name" yaml:"name"`
	Description string     `json:"description,omitempty" yaml:"description,omitempty"`
	Track       string     `json:"track,omitempty" yaml:"track,omitempty"`
	Weight      float64    `json:"weight" yaml:"weight"`
	Questions   []Question `json:"questions" yaml:"questions"`
}

// Question is asked the same way of every candidate and scored against anchors.
type Question struct {
	ID     string `json:"id" yaml:"id"`
	Prompt string `json:"prompt" yaml:"prompt"`
	// Kind says whether the question asks about a scenario or about the
	// candidate's past; empty means not marked.
	Kind      QuestionKind `json:"kind,omitempty" yaml:"kind,omitempty"`
	Probes    string       `json:"probes,omitempty" yaml:"probes,omitempty"`
	FollowUps []string     `json:"followUps,omitempty" yaml:"followUps,omitempty"`
	Weight    float64      `json:"weight" yaml:"weight"`
	// Optional questions may be left unscored without a skip reason.
	Optional bool     `json:"optional,omitempty" yaml:"optional,omitempty"`
	RedFlags []string `json:"redFlags,omitempty" yaml:"redFlags,omitempty"`
	// Anchors[i] describes what an answer at level Scale.Min+i sounds like.
	Anchors []string `json:"anchors" yaml:"anchors"`
	// Samples are written answers with the level the rubric gives them,
	// for calibration drills; optional.
	Samples []Sample `json:"samples,omitempty" yaml:"samples,omitempty"`
}

// QuestionKind is how a question draws out evidence.
type QuestionKind string

const (
	// Situational questions pose a scenario ("what would you do"): the
	// answer is judged on its reasoning, so no level may demand that the
	// candidate has done it before.
	Situational QuestionKind = "situational"
	// Behavioural questions ask about the candidate's past ("tell me about
	// a time"): the answer is judged on what they did.
	Behavioural QuestionKind = "behavioural"
)

// Sample is a written answer to a question with its reference level on the
// rubric's scale: interviewers score samples to practise the anchors.
type Sample struct {
	Level  int    `json:"level" yaml:"level"`
	Answer string `json:"answer" yaml:"answer"`
}

// FlagKind says whether a screen flag counts for or against a candidate.
type FlagKind string

const (
	GreenFlag FlagKind = "green"
	RedFlag   FlagKind = "red"
)

// ScreenFlag is one item of the resume screen checklist.
type ScreenFlag struct {
	ID   string   `json:"id" yaml:"id"`
	Kind FlagKind `json:"kind" yaml:"kind"`
	Text string   `json:"text" yaml:"text"`
	// Hint tells the screener what evidence to look for.
	Hint string `json:"hint,omitempty" yaml:"hint,omitempty"`
}

// Recommendation is the interviewer's overall call, required to submit.
type Recommendation string

const (
	StrongNo  Recommendation = "strong_no"
	No        Recommendation = "no"
	Yes       Recommendation = "yes"
	StrongYes Recommendation = "strong_yes"
)

// Recommendations lists the calls in order from worst to best.
var Recommendations = []Recommendation{StrongNo, No, Yes, StrongYes}

// RecommendationLabel is the wording shown to people.
func RecommendationLabel(r Recommendation) string {
	switch r {
	case StrongNo:
		return "Strong no"
	case No:
		return "No"
	case Yes:
		return "Yes"
	case StrongYes:
		return "Strong yes"
	}
	return ""
}

// RecommendationOption is one overall call with the words shown for it.
type RecommendationOption struct {
	Value Recommendation `json:"value"`
	Label string         `json:"label"`
}

// RecommendationOptions lists Recommendations, worst to best, with their
// labels: what the window offers and shows.
func RecommendationOptions() []RecommendationOption {
	out := make([]RecommendationOption, len(Recommendations))
	for i, r := range Recommendations {
		out[i] = RecommendationOption{Value: r, Label: RecommendationLabel(r)}
	}
	return out
}

// FindQuestion returns a question and its competency by question id.
func (r *Rubric) FindQuestion(id string) (*Competency, *Question, bool) {
	for ci := range r.Competencies {
		c := &r.Competencies[ci]
		for qi := range c.Questions {
			if c.Questions[qi].ID == id {
				return c, &c.Questions[qi], true
			}
		}
	}
	return nil, nil, false
}

// Subset returns a copy holding only the named competencies (in rubric
// order); an empty list keeps them all. A round may use part of a rubric.
func (r Rubric) Subset(competencyIDs []string) Rubric {
	if len(competencyIDs) == 0 {
		return r
	}
	keep := map[string]bool{}
	for _, id := range competencyIDs {
		keep[id] = true
	}
	out := r
	out.Competencies = nil
	for _, c := range r.Competencies {
		if keep[c.ID] {
			out.Competencies = append(out.Competencies, c)
		}
	}
	return out
}
