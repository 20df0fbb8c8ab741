// The calibration rule: submitted scorecards grouped into like-for-like ratings
// (one scale, one rating per rater per candidate × question) and each group's reliability.

package scoring

import (
	"fmt"
	"sort"
	"strconv"

	"hirebench/app/model"
	"hirebench/app/stats"
)

// RatingGroup is the reliability of one set of like-for-like ratings: each
// rated item is one candidate × one question, scored in raw levels (not
// 0–100) on the group's one scale, and each rater is a profile (by id, so
// two people with one name stay two raters).
type RatingGroup struct {
	CompetencyID string // "" when pooled over all questions
	Name         string // the competency's name, or "All questions"
	Scale        string // "1–5"
	// What the group holds: PairedItems are the items two or more raters
	// scored, the only ones that say anything about agreement.
	Candidates, Items, PairedItems, Raters, Ratings int
	// Reason says why the group is below the minimums ("too few to say: …");
	// Report is then nil. Otherwise Reason is "" and Report names raters.
	Reason string
	Report *stats.Report
}

// CalibrationMinimums are the stated minimums below which a group says
// "too few to say" instead of showing numbers nobody should act on.
type CalibrationMinimums struct {
	Candidates  int // distinct candidates
	PairedItems int // items scored by two or more raters
}

// itemRating is one rater's rating of one item (candidate × question).
type itemRating struct {
	candidate int64
	key       string // WeightKey of the question
	rater     int64
	score     float64
}

// Calibrate groups the listed candidates' cards (cards by candidate,
// submitted ones only) into like-for-like ratings and reports each group:
// pooled has one group per scale over all questions (usually one),
// competencies one per competency and scale, each in order of first
// appearance. An interviewer who scored a question twice (two rounds) gives
// the mean of their scores: one rating per rater per item. Cards whose
// rubric is unknown are left out.
func Calibrate(candidates []int64, cards map[int64][]Scorecard, rubricOf CardRubric, min CalibrationMinimums) (pooled, competencies []RatingGroup) {
	type group struct {
		id, name, scale string
		items           []itemRating
	}
	type gkey struct{ id, scale string } // id "" is pooled
	groups := map[gkey]*group{}
	var order []gkey
	names := map[int64]string{}
	add := func(id, name, scale string, it itemRating) {
		gk := gkey{id, scale}
		g := groups[gk]
		if g == nil {
			g = &group{id: id, name: name, scale: scale}
			groups[gk] = g
			order = append(order, gk)
		}
		g.items = append(g.items, it)
	}
	for _, cid := range candidates {
		type k struct {
			key   string
			rater int64
			scale string
		}
		sums := map[k]*[2]float64{}
		var keys []k
		comp := map[string][2]string{}
		for _, c := range cards[cid] {
			r, ok := rubricOf(c)
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
					kk := k{WeightKey(cm.ID, q.ID), c.AuthorID, scale}
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
			it := itemRating{candidate: cid, key: kk.key, rater: kk.rater, score: sums[kk][0] / sums[kk][1]}
			add("", "All questions", kk.scale, it)
			add(comp[kk.key][0], comp[kk.key][1], kk.scale, it)
		}
	}
	pooled, competencies = []RatingGroup{}, []RatingGroup{}
	for _, gk := range order {
		g := groups[gk]
		rg := reliability(RatingGroup{CompetencyID: g.id, Name: g.name, Scale: g.scale}, g.items, names, min)
		if g.id == "" {
			pooled = append(pooled, rg)
		} else {
			competencies = append(competencies, rg)
		}
	}
	return pooled, competencies
}

// reliability counts what a group holds and, at or above the minimums,
// computes its statistics with raters shown by name.
func reliability(g RatingGroup, items []itemRating, names map[int64]string, min CalibrationMinimums) RatingGroup {
	g.Ratings = len(items)
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
	case g.Candidates < min.Candidates:
		g.Reason = fmt.Sprintf("too few to say: %s (needs at least %d)",
			model.Count(g.Candidates, "candidate", "candidates"), min.Candidates)
		return g
	case g.PairedItems < min.PairedItems:
		g.Reason = fmt.Sprintf("too few to say: %s scored by two or more interviewers (needs at least %d)",
			model.Count(g.PairedItems, "answer", "answers"), min.PairedItems)
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
