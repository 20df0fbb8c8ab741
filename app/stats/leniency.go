// Per-rater leniency or severity: how far each rater's scores sit from the
// other raters' on the same subjects.

package stats

import (
	"math"
	"strconv"
)

// RaterLeniency describes how one rater's scores compare with the other
// raters' scores on the same subjects: positive MeanDeviation means lenient
// (scores higher than colleagues), negative means severe.
type RaterLeniency struct {
	Rater string `json:"rater"`
	// N is the number of subjects this rater scored that at least one other
	// rater also scored; only those subjects enter MeanDeviation and Z.
	N int `json:"n"`
	// MeanDeviation is the mean, over those N subjects, of this rater's score
	// minus the mean of the OTHER raters' scores on the subject (0 when N = 0).
	MeanDeviation float64 `json:"mean_deviation"`
	// DeviationSD is the sample standard deviation (divisor N−1) of those
	// per-subject deviations (0 when N < 2).
	DeviationSD float64 `json:"deviation_sd"`
	// Z is MeanDeviation divided by its standard error DeviationSD/√N: a
	// one-sample t statistic on N−1 df saying how clearly the rater departs
	// from colleagues. It is 0 when N < 2 or DeviationSD = 0, where no
	// standard error can be estimated — including a rater who is always
	// exactly +1 above the others: read MeanDeviation (and N) in that case.
	Z float64 `json:"z"`
	// Ratings is the number of scores this rater gave in total.
	Ratings int `json:"ratings"`
	// Mean and SD (sample, divisor Ratings−1; 0 for a single rating) describe
	// all of this rater's scores, paired or not.
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	// Distribution counts this rater's scores. Keys are the scores written in
	// the shortest decimal form that reads back exactly ("3", "3.5"), since
	// JSON object keys must be strings.
	Distribution map[string]int `json:"distribution"`
	// Verdict reads the numbers for recruiters: VerdictTooFew when N < 2;
	// else VerdictLenient or VerdictSevere when Z, rounded to 2 decimals as
	// printed, is at least LeniencyZ from 0, or when DeviationSD is 0 and
	// the MeanDeviation (to 2 decimals) is not (the same lean on every
	// shared subject); else VerdictInLine.
	Verdict string `json:"verdict"`
	// Meaning says the verdict in one plain sentence, in words about rated
	// answers and colleagues, not naming the rater.
	Meaning string `json:"meaning"`
}

// Leniency reports leniency/severity per rater, in order of first
// appearance. Invalid input (duplicate subject/rater pairs, scores that
// tidycsv.Sane refuses) yields nil; Analyze reports that error.
func Leniency(ratings []Rating) []RaterLeniency {
	m, err := NewMatrix(ratings)
	if err != nil {
		return nil
	}
	return leniency(m)
}

func leniency(m *Matrix) []RaterLeniency {
	out := make([]RaterLeniency, len(m.Raters))
	own := make([][]float64, len(m.Raters)) // each rater's scores
	dev := make([][]float64, len(m.Raters)) // each rater's deviations
	for _, cs := range m.cells {
		rowSum := 0.0
		for _, c := range cs {
			rowSum += c.score
		}
		for x, c := range cs {
			own[c.rater] = append(own[c.rater], c.score)
			if len(cs) >= 2 {
				dev[c.rater] = append(dev[c.rater], c.score-othersMean(cs, x, rowSum))
			}
		}
	}
	for j, name := range m.Raters {
		dist := map[string]int{}
		scale := 0.0
		for _, v := range own[j] {
			dist[strconv.FormatFloat(v, 'f', -1, 64)]++
			scale = math.Max(scale, math.Abs(v))
		}
		l := RaterLeniency{Rater: name, N: len(dev[j]), Ratings: len(own[j]), Distribution: dist}
		l.Mean, l.SD = meanSD(own[j])
		l.MeanDeviation, l.DeviationSD = meanSD(dev[j])
		// Deviations that are equal up to rounding (a rater always exactly
		// +1) must give SD 0, not 1e-16 and a meaningless huge Z.
		if l.DeviationSD <= 1e-12*scale {
			l.DeviationSD = 0
		}
		if l.N >= 2 && l.DeviationSD > 0 {
			l.Z = l.MeanDeviation / (l.DeviationSD / math.Sqrt(float64(l.N)))
		}
		l.Verdict, l.Meaning = verdict(l)
		out[j] = l
	}
	return out
}

// othersMean is the mean of the scores in a subject's row other than entry
// x. Small rows are summed directly, so that e.g. two identical colleagues
// give exactly their common score; wide rows use the row total to stay O(1).
func othersMean(cs []cell, x int, rowSum float64) float64 {
	if len(cs) > 64 {
		return (rowSum - cs[x].score) / float64(len(cs)-1)
	}
	s := 0.0
	for y, c := range cs {
		if y != x {
			s += c.score
		}
	}
	return s / float64(len(cs)-1)
}

// meanSD returns the mean and the sample standard deviation (divisor n−1),
// with 0 for the mean of nothing and 0 for the SD of fewer than two values.
func meanSD(x []float64) (mean, sd float64) {
	if len(x) == 0 {
		return 0, 0
	}
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	ss := 0.0
	for _, v := range x {
		d := v - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}
