// Tests Krippendorff's alpha against the published 2011 examples and a literal
// coincidence-matrix computation, plus its properties, errors and limits.

package stats

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"testing"
)

// kripp2011 is the reliability data matrix of Krippendorff (2011), section
// "C. Any number of observers, nominal data, missing values": observers A–D
// (columns) × units 1–12 (rows), NaN = no value.
var kripp2011 = func() [][]float64 {
	x := math.NaN()
	byObserver := [][]float64{
		{1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x}, // A
		{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3}, // B
		{x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x}, // C
		{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x}, // D
	}
	rows := make([][]float64, 12)
	for u := range rows {
		rows[u] = make([]float64, 4)
		for o := range byObserver {
			rows[u][o] = byObserver[o][u]
		}
	}
	return rows
}()

func unitsOf(rows [][]float64) [][]float64 {
	m, err := NewMatrix(GridRatings(rows))
	if err != nil {
		panic(err)
	}
	return m.Units()
}

// coincidenceRef is the literal coincidence matrix of Krippendorff (2011):
// o_ck = Σ_u (number of ordered pairs (c,k) of values in u from different
// observers) / (m_u − 1) over units with m_u ≥ 2. It is the reference the
// closed-form sums in AlphaUnits are checked against.
func coincidenceRef(units [][]float64) (values []float64, o [][]float64, nc []float64) {
	idx := map[float64]int{}
	for _, u := range units {
		if len(u) < 2 {
			continue
		}
		for _, v := range u {
			idx[v] = 0
		}
	}
	for v := range idx {
		values = append(values, v)
	}
	sort.Float64s(values)
	for i, v := range values {
		idx[v] = i
	}
	o = make([][]float64, len(values))
	for i := range o {
		o[i] = make([]float64, len(values))
	}
	for _, u := range units {
		m := len(u)
		if m < 2 {
			continue
		}
		for i := range u {
			for j := range u {
				if i != j {
					o[idx[u[i]]][idx[u[j]]] += 1 / float64(m-1)
				}
			}
		}
	}
	nc = make([]float64, len(values))
	for c := range o {
		for k := range o[c] {
			nc[c] += o[c][k]
		}
	}
	return values, o, nc
}

// alphaRef is α = 1 − (n−1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck with the metrics of
// Krippendorff (2011) written out literally, including the ordinal
// δ²_ck = (Σ_{g=c..k} n_g − (n_c+n_k)/2)².
func alphaRef(units [][]float64, level Level) float64 {
	values, o, nc := coincidenceRef(units)
	n := 0.0
	for _, v := range nc {
		n += v
	}
	delta := func(c, k int) float64 {
		switch level {
		case Nominal:
			if c == k {
				return 0
			}
			return 1
		case Ordinal:
			lo, hi := min(c, k), max(c, k)
			s := 0.0
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[c] + nc[k]) / 2
			return s * s
		case Interval:
			d := values[c] - values[k]
			return d * d
		default:
			return ratioDelta(values[c], values[k])
		}
	}
	var do, de float64
	for c := range values {
		for k := range values {
			do += o[c][k] * delta(c, k)
			de += nc[c] * nc[k] * delta(c, k)
		}
	}
	return 1 - (n-1)*do/de
}

// The coincidence matrix Krippendorff (2011) prints for this example
// (values 1–5; 3/3 etc. written as fractions), with n_c = 9, 13, 10, 5, 3 and
// n = 40. Checked by hand: e.g. unit 6 has values 1,2,3,4 (m = 4), adding
// 1/3 to each off-diagonal cell among 1–4; unit 8 (1,1,2,1) adds 3·2/3 = 2 to
// o_11 and 3/3 = 1 to o_12 and o_21; unit 12 has one value and is dropped.
func TestCoincidenceMatrixKrippendorff2011(t *testing.T) {
	values, o, nc := coincidenceRef(unitsOf(kripp2011))
	want := [][]float64{
		{7, 4.0 / 3, 1.0 / 3, 1.0 / 3, 0},
		{4.0 / 3, 10, 4.0 / 3, 1.0 / 3, 0},
		{1.0 / 3, 4.0 / 3, 8, 1.0 / 3, 0},
		{1.0 / 3, 1.0 / 3, 1.0 / 3, 4, 0},
		{0, 0, 0, 0, 3},
	}
	if fmt.Sprint(values) != "[1 2 3 4 5]" {
		t.Fatalf("values %v", values)
	}
	for c := range want {
		for k := range want[c] {
			near(t, fmt.Sprintf("o_%d%d", c+1, k+1), o[c][k], want[c][k], 1e-12)
		}
	}
	for c, w := range []float64{9, 13, 10, 5, 3} {
		near(t, fmt.Sprintf("n_%d", c+1), nc[c], w, 1e-12)
	}
}

// Published (Krippendorff 2011): nominal .743, ordinal .815, interval .849,
// ratio .797. Exact values by hand from the matrix above (n = 40, n−1 = 39):
//
//	nominal : Do = 2(4/3+1/3+1/3+4/3+1/3+1/3) = 8, De = 40² − (9²+13²+10²+5²+3²) = 1216
//	          α = 1 − 39·8/1216 = 113/152 = 0.743421
//	interval: Do = Σ o_ck (c−k)² = 52/3; De = Σ n_c n_k (c−k)² = 2·2240 = 4480
//	          α = 1 − 39·(52/3)/4480 = 951/1120 = 0.849107
//	ordinal : δ_12 = 9+13−(9+13)/2 = 11, δ_13 = 22.5, δ_14 = 30, δ_15 = 34,
//	          δ_23 = 11.5, δ_24 = 19, δ_25 = 23, δ_34 = 7.5, δ_35 = 11.5, δ_45 = 4
//	          Do = Σ o_ck δ² = 1891, De = Σ n_c n_k δ² = 399480
//	          α = 1 − 39·1891/399480 = 108577/133160 = 0.815388
//	ratio   : δ² = ((c−k)/(c+k))²; Do = 59357/66150, De = 4570493/26460
//	          α = 18222619/22852465 = 0.797403
func TestAlphaKrippendorff2011(t *testing.T) {
	units := unitsOf(kripp2011)
	cases := []struct {
		level            Level
		published, exact float64
	}{
		{Nominal, 0.743, 113.0 / 152},
		{Ordinal, 0.815, 108577.0 / 133160},
		{Interval, 0.849, 951.0 / 1120},
		{Ratio, 0.797, 18222619.0 / 22852465},
	}
	for _, c := range cases {
		got, err := AlphaUnits(units, c.level)
		if err != nil {
			t.Fatalf("%v: %v", c.level, err)
		}
		near(t, c.level.String()+" vs published", got, c.published, 0.0005)
		near(t, c.level.String()+" vs exact", got, c.exact, 1e-12)
		near(t, c.level.String()+" vs literal matrix", alphaRef(units, c.level), c.exact, 1e-12)
		// Same through the Rating API.
		viaRatings, err := Alpha(GridRatings(kripp2011), c.level)
		if err != nil || math.Abs(viaRatings-got) > 1e-15 {
			t.Errorf("%v via ratings: %v, %v", c.level, viaRatings, err)
		}
	}
}

// Krippendorff (2011), "A. Binary or dichotomous data, two observers, no
// missing data": published α = 0.095. By hand: o_00 = 10 (5 units 0-0, two
// ordered pairs each), o_11 = 2, o_01 = o_10 = 4; n_0 = 14, n_1 = 6, n = 20;
// α = 1 − (n−1)·o_01/(n_0·n_1) = 1 − 19·4/84 = 2/21 = 0.095238.
func TestAlphaKrippendorff2011Binary(t *testing.T) {
	a := []float64{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}
	b := []float64{1, 1, 1, 0, 0, 1, 0, 0, 0, 0}
	var units [][]float64
	for i := range a {
		units = append(units, []float64{a[i], b[i]})
	}
	got, err := AlphaUnits(units, Nominal)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "binary α vs published", got, 0.095, 0.0005)
	near(t, "binary α vs exact", got, 2.0/21, 1e-12)
}

// The closed-form sums must equal the literal coincidence-matrix computation
// on arbitrary data with missing values and uneven numbers of raters.
func TestAlphaMatchesLiteralMatrix(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for trial := 0; trial < 300; trial++ {
		nu := 2 + rng.Intn(15)
		units := make([][]float64, nu)
		for u := range units {
			m := rng.Intn(6)
			for i := 0; i < m; i++ {
				v := float64(1 + rng.Intn(7))
				if trial%3 == 0 {
					v = math.Round(rng.Float64()*100) / 10 // continuous scores
				}
				units[u] = append(units[u], v)
			}
		}
		for _, lvl := range Levels {
			got, err := AlphaUnits(units, lvl)
			if errors.Is(err, ErrNoPairable) || errors.Is(err, ErrNoVariation) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			near(t, fmt.Sprintf("trial %d %v", trial, lvl), got, alphaRef(units, lvl), 1e-9)
		}
	}
}

func TestAlphaProperties(t *testing.T) {
	// Perfect agreement with variation between units → 1 at every level.
	perfect := [][]float64{{1, 1, 1}, {3, 3}, {2, 2, 2, 2}, {5, 5}}
	for _, lvl := range Levels {
		got, err := AlphaUnits(perfect, lvl)
		if err != nil || got != 1 {
			t.Errorf("perfect %v: %v, %v", lvl, got, err)
		}
	}
	// Relabelling and reordering raters changes nothing.
	ratings := GridRatings(kripp2011)
	relabelled := make([]Rating, len(ratings))
	for i, r := range ratings {
		names := map[string]string{"R1": "zoe", "R2": "yan", "R3": "xia", "R4": "wes"}
		relabelled[len(ratings)-1-i] = Rating{Subject: r.Subject, Rater: names[r.Rater], Score: r.Score}
	}
	// Units with a single value are not pairable and change nothing.
	padded := append(append([]Rating(nil), ratings...),
		Rating{"extra1", "R1", 5}, Rating{"extra2", "R3", 1}, Rating{"extra3", "R2", 99})
	for _, lvl := range Levels {
		base, _ := Alpha(ratings, lvl)
		if got, err := Alpha(relabelled, lvl); err != nil || math.Abs(got-base) > 1e-12 {
			t.Errorf("relabelled %v: %v vs %v (%v)", lvl, got, base, err)
		}
		if got, err := Alpha(padded, lvl); err != nil || math.Abs(got-base) > 1e-12 {
			t.Errorf("single-value units %v: %v vs %v (%v)", lvl, got, base, err)
		}
	}
}

func TestAlphaErrors(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name  string
		units [][]float64
		level Level
		want  error
	}{
		{"empty", nil, Nominal, ErrNoPairable},
		{"only single values", [][]float64{{1}, {2}, {3, nan}}, Interval, ErrNoPairable},
		{"no variation", [][]float64{{2, 2}, {2, 2, 2}, {7}}, Nominal, ErrNoVariation},
		{"no variation ordinal", [][]float64{{0.1, 0.1}, {0.1, 0.1, 0.1}}, Ordinal, ErrNoVariation},
		{"negative at ratio", [][]float64{{-1, 2}, {3, 3}}, Ratio, ErrRatioNegative},
		{"infinite", [][]float64{{math.Inf(1), 2}}, Nominal, ErrInvalidInput},
	}
	for _, c := range cases {
		got, err := AlphaUnits(c.units, c.level)
		if !errors.Is(err, c.want) || math.IsNaN(got) {
			t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	if _, err := AlphaUnits([][]float64{{1, 2}}, Level(9)); err == nil {
		t.Error("unknown level accepted")
	}
	// Negative scores are fine at the other levels.
	if _, err := AlphaUnits([][]float64{{-1, 2}, {3, 3}}, Interval); err != nil {
		t.Error(err)
	}
	// Ratio with zeros: δ(0,0) = 0, δ(0,4) = (4/4)² = 1. Units {0,0},{0,4},{4,4}:
	// o_00 = o_44 = 2, o_04 = o_40 = 1, n_0 = n_4 = 3, n = 6;
	// α = 1 − 5·(1+1)/(2·3·3) = 4/9.
	got, err := AlphaUnits([][]float64{{0, 0}, {0, 4}, {4, 4}}, Ratio)
	near(t, "ratio with zeros", got, 4.0/9, 1e-12)
	if err != nil {
		t.Error(err)
	}
}

// The ratio level needs all pairs of distinct values; past MaxRatioDistinct
// it refuses rather than run for minutes. Other levels have no such limit.
func TestAlphaRatioDistinctLimit(t *testing.T) {
	units := make([][]float64, 0, MaxRatioDistinct/2+1)
	for v := 0; v <= MaxRatioDistinct; v += 2 {
		units = append(units, []float64{float64(v), float64(v + 1)})
	}
	if _, err := AlphaUnits(units, Ratio); !errors.Is(err, ErrTooManyValues) {
		t.Errorf("ratio with %d distinct values: %v", MaxRatioDistinct+2, err)
	}
	if _, err := AlphaUnits(units, Interval); err != nil {
		t.Errorf("interval: %v", err)
	}
}
