// Computes a role's calibration: whether its interviewers agree, pooled and per
// competency, on like-for-like ratings of the same scale.

package interviews

import (
	"fmt"
	"sort"
	"strconv"

	"hirebench/app/scoring"
	"hirebench/app/stats"
)

// Calibration asks whether a role's interviewers agree, on like-for-like
// ratings: each rated item is one candidate × one question, scored on the
// rubric's own scale (raw levels, not 0–100), and each rater is a profile
// (by id, so two people with one name stay two raters). Items on different
// scales are never mixed: every group holds one scale.
type Calibration struct {
	// Pooled has one group per scale over all questions (usually one).
	Pooled []CalibrationGroup `json:"pooled"`
	// Competencies has one group per competency and scale.
	Competencies []CalibrationGroup `json:"competencies"`
	// The stated minimum below which a group says "too few to say".
	MinCandidates  int `json:"minCandidates"`
	MinPairedItems int `json:"minPairedItems"`
}

// CalibrationGroup is the reliability of one set of like-for-like ratings.
type CalibrationGroup struct {
	ID    string `json:"id"`   // competency id; "" when pooled
	Name  string `json:"name"` // competency name, or "All questions"
	Scale string `json:"scale"`
	// Candidates, Items (candidate × question), Raters and Ratings count
	// what the group holds; PairedItems are items two or more raters scored,
	// the only ones that say anything about agreement.
	Candidates  int `json:"candidates"`
	Items       int `json:"items"`
	PairedItems int `json:"pairedItems"`
	Raters      int `json:"raters"`
	Ratings     int `json:"ratings"`
	// TooFew: below the stated minimum; Report is then nil and Reason says why.
	TooFew bool          `json:"tooFew"`
	Reason string        `json:"reason"`
	Report *stats.Report `json:"report"`
}

// Minimums for a calibration group to be reported.
const (
	MinCalibrationCandidates = 3
	MinCalibrationPaired     = 10
)

type calItem struct {
	candidate int64
	key       string
	rater     int64
	score     float64
}

// calibrate builds the calibration of the listed candidates' cards.
func calibrate(d roleData, candidates []int64) Calibration {
	out := Calibration{Pooled: []CalibrationGroup{}, Competencies: []CalibrationGroup{},
		MinCandidates: MinCalibrationCandidates, MinPairedItems: MinCalibrationPaired}
	type group struct {
		id, name, scale string
		items           []calItem
	}
	groups := map[string]*group{}
	var order []string
	names := map[int64]string{}
	add := func(gkey, id, name, scale string, it calItem) {
		g := groups[gkey]
		if g == nil {
			g = &group{id: id, name: name, scale: scale}
			groups[gkey] = g
			order = append(order, gkey)
		}
		g.items = append(g.items, it)
	}
	for _, cid := range candidates {
		// An interviewer who scored a question twice (two rounds) gives the
		// mean of their scores: one rating per rater per item.
		type k struct {
			key   string
			rater int64
			scale string
		}
		sums := map[k]*[2]float64{}
		var keys []k
		comp := map[string][2]string{}
		for _, c := range d.cards[cid] {
			r, ok := d.rubricOf(c)
			if !ok {
				continue
			}
			names[c.AuthorID] = c.AuthorName
			answers, _, _ := c.Current()
			scale := fmt.Sprintf("%d–%d", r.Scale.Min, r.Scale.Max)
			for _, cm := range r.Competencies {
				for _, q := range cm.Questions {
					a, ok := answers[q.ID]
					if !ok || a.Score == nil {
						continue
					}
					kk := k{scoring.WeightKey(cm.ID, q.ID), c.AuthorID, scale}
					if sums[kk] == nil {
						sums[kk] = &[2]float64{}
						keys = append(keys, kk)
					}
					sums[kk][0] += float64(*a.Score)
					sums[kk][1]++
					comp[kk.key] = [2]string{cm.ID, cm.Name}
				}
			}
		}
		for _, kk := range keys {
			it := calItem{candidate: cid, key: kk.key, rater: kk.rater, score: sums[kk][0] / sums[kk][1]}
			add("pooled|"+kk.scale, "", "All questions", kk.scale, it)
			cm := comp[kk.key]
			add(cm[0]+"|"+kk.scale, cm[0], cm[1], kk.scale, it)
		}
	}
	for _, gk := range order {
		g := groups[gk]
		cg := analyzeGroup(g.id, g.name, g.scale, g.items, names)
		if g.id == "" {
			out.Pooled = append(out.Pooled, cg)
		} else {
			out.Competencies = append(out.Competencies, cg)
		}
	}
	return out
}

func analyzeGroup(id, name, scale string, items []calItem, names map[int64]string) CalibrationGroup {
	g := CalibrationGroup{ID: id, Name: name, Scale: scale, Ratings: len(items)}
	cands, raters := map[int64]bool{}, map[int64]bool{}
	perItem := map[string]int{}
	ratings := make([]stats.Rating, 0, len(items))
	for _, it := range items {
		cands[it.candidate], raters[it.rater] = true, true
		subject := strconv.FormatInt(it.candidate, 10) + "/" + it.key
		perItem[subject]++
		ratings = append(ratings, stats.Rating{Subject: subject, Rater: strconv.FormatInt(it.rater, 10), Score: it.score})
	}
	g.Candidates, g.Raters, g.Items = len(cands), len(raters), len(perItem)
	for _, n := range perItem {
		if n >= 2 {
			g.PairedItems++
		}
	}
	switch {
	case g.Candidates < MinCalibrationCandidates:
		g.TooFew = true
		g.Reason = fmt.Sprintf("too few to say: %d %s (needs at least %d)", g.Candidates, plural(g.Candidates, "candidate", "candidates"), MinCalibrationCandidates)
	case g.PairedItems < MinCalibrationPaired:
		g.TooFew = true
		g.Reason = fmt.Sprintf("too few to say: %d %s scored by two or more interviewers (needs at least %d)",
			g.PairedItems, plural(g.PairedItems, "answer", "answers"), MinCalibrationPaired)
	}
	if g.TooFew {
		return g
	}
	rep := stats.Analyze(ratings)
	// Raters were keyed by profile id; show their names.
	for i := range rep.Leniency {
		id, _ := strconv.ParseInt(rep.Leniency[i].Rater, 10, 64)
		if n, ok := names[id]; ok {
			rep.Leniency[i].Rater = n
		}
	}
	sort.SliceStable(rep.Leniency, func(a, b int) bool { return rep.Leniency[a].Rater < rep.Leniency[b].Rater })
	g.Report = &rep
	return g
}
