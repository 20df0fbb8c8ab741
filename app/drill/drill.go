// Package drill is the pure part of calibration drills (docs/DRILLS.md): the
// samples a rubric offers for practice, and the result of an interviewer's
// levels against the rubric's reference levels — exact and adjacent
// agreement, mean bias and the anchors they misread.
package drill

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// Sample is one written answer to practise on. Reference is the rubric's
// level for it: the window and the command line hide it until the result.
type Sample struct {
	ID         string   `json:"id"` // "<question id>#<n>", n counting from 1
	QuestionID string   `json:"questionId"`
	Index      int      `json:"index"`
	Competency string   `json:"competency"`
	Prompt     string   `json:"prompt"`
	Answer     string   `json:"answer"`
	Anchors    []string `json:"anchors"`
	Reference  int      `json:"-"`
}

// SampleID names a question's n-th sample (from 1). A version's text never
// changes once stored, so the name is stable within a version.
func SampleID(questionID string, n int) string { return questionID + "#" + strconv.Itoa(n) }

// Samples lists every sample of r, question by question in rubric order.
func Samples(r rubric.Rubric) []Sample {
	var out []Sample
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			for i, s := range q.Samples {
				out = append(out, Sample{ID: SampleID(q.ID, i+1), QuestionID: q.ID, Index: i + 1, Competency: c.Name,
					Prompt: q.Prompt, Answer: s.Answer, Anchors: q.Anchors, Reference: s.Level})
			}
		}
	}
	return out
}

// Shuffled is Samples with each question's samples in an order drawn from
// seed: the questions keep the rubric's order, but samples written from the
// lowest level up would give the answer away.
func Shuffled(r rubric.Rubric, seed uint64) []Sample {
	all := Samples(r)
	rng := rand.New(rand.NewPCG(seed, 0x6472696c6c))
	for start := 0; start < len(all); {
		end := start
		for end < len(all) && all[end].QuestionID == all[start].QuestionID {
			end++
		}
		part := all[start:end]
		rng.Shuffle(len(part), func(i, j int) { part[i], part[j] = part[j], part[i] })
		start = end
	}
	return all
}

// Check refuses levels for samples r does not have or off r's scale, naming
// each by its sample id.
func Check(r rubric.Rubric, given map[string]int) error {
	known := map[string]bool{}
	for _, s := range Samples(r) {
		known[s.ID] = true
	}
	v := &model.ValidationError{}
	for _, id := range slices.Sorted(maps.Keys(given)) { // the same file, the same words
		switch lv := given[id]; {
		case !known[id]:
			v.Add("levels."+id, "%q is not a sample of rubric %q", id, r.Name)
		case lv < r.Scale.Min || lv > r.Scale.Max:
			v.Add("levels."+id, "level %d is off the scale (%d–%d)", lv, r.Scale.Min, r.Scale.Max)
		}
	}
	return v.Err()
}

// Misread is a sample the interviewer placed at another level than the
// rubric: the anchor they should have matched and the one they chose.
type Misread struct {
	SampleID        string `json:"sampleId"`
	QuestionID      string `json:"questionId"`
	Prompt          string `json:"prompt"`
	Answer          string `json:"answer"`
	Reference       int    `json:"reference"`
	ReferenceLabel  string `json:"referenceLabel"`
	ReferenceAnchor string `json:"referenceAnchor"`
	Given           int    `json:"given"`
	GivenLabel      string `json:"givenLabel"`
	GivenAnchor     string `json:"givenAnchor"`
}

// Result is a drill's outcome over the samples scored.
type Result struct {
	Scored   int     `json:"scored"`
	Total    int     `json:"total"`    // samples the rubric has
	Complete bool    `json:"complete"` // every sample scored
	Exact    float64 `json:"exact"`    // share of samples at the reference level (0–1)
	Adjacent float64 `json:"adjacent"` // share within one level of it
	// Bias is the mean of given − reference: positive is lenient.
	Bias      float64   `json:"bias"`
	BiasWords string    `json:"biasWords"`
	Misreads  []Misread `json:"misreads"`
}

// Score compares given levels (by sample id) with r's reference levels.
// Samples not in given were not scored and count nowhere; given must have
// passed Check.
func Score(r rubric.Rubric, given map[string]int) Result {
	res := Result{Misreads: []Misread{}}
	var exact, adjacent, diff int
	for _, s := range Samples(r) {
		res.Total++
		g, ok := given[s.ID]
		if !ok {
			continue
		}
		res.Scored++
		d := g - s.Reference
		diff += d
		if d == 0 {
			exact++
			continue
		}
		if d == 1 || d == -1 {
			adjacent++
		}
		res.Misreads = append(res.Misreads, Misread{SampleID: s.ID, QuestionID: s.QuestionID, Prompt: s.Prompt, Answer: s.Answer,
			Reference: s.Reference, ReferenceLabel: r.Scale.Label(s.Reference), ReferenceAnchor: anchor(r.Scale, s.Anchors, s.Reference),
			Given: g, GivenLabel: r.Scale.Label(g), GivenAnchor: anchor(r.Scale, s.Anchors, g)})
	}
	res.Complete = res.Total > 0 && res.Scored == res.Total
	if res.Scored > 0 {
		n := float64(res.Scored)
		res.Exact = float64(exact) / n
		res.Adjacent = float64(exact+adjacent) / n
		res.Bias = float64(diff) / n
	}
	res.BiasWords = BiasWords(res.Scored, res.Bias)
	return res
}

// BiasWords says a mean bias in plain words, to one decimal.
func BiasWords(scored int, bias float64) string {
	if scored == 0 {
		return "No samples scored yet."
	}
	r := math.Round(bias*10) / 10
	switch {
	case r > 0:
		return fmt.Sprintf("You scored %s above the reference on average: more lenient than the rubric.", levels(r))
	case r < 0:
		return fmt.Sprintf("You scored %s below the reference on average: stricter than the rubric.", levels(-r))
	}
	return "On average you scored level with the reference: neither lenient nor strict."
}

func levels(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if s == "1.0" {
		return "1 level"
	}
	return strings.TrimSuffix(s, ".0") + " levels"
}

func anchor(s rubric.Scale, anchors []string, level int) string {
	if i := level - s.Min; i >= 0 && i < len(anchors) {
		return anchors[i]
	}
	return ""
}
