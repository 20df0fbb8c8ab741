// How far the two screeners agree on a role's resumes (docs/SCREEN.md):
// Cohen's kappa on their decisions, Krippendorff's alpha (nominal) on their
// flag marks.

package interviews

import (
	"context"
	"errors"

	"hirebench/app/scoring"
	"hirebench/app/stats"
)

// MinScreenPairs is the fewest applications screened by both below which
// the agreement is "too few to judge".
const MinScreenPairs = 5

// ScreenAgreement is the two screeners' agreement on one role. Kappa and
// Alpha are nil when they cannot be computed; the notes say why.
type ScreenAgreement struct {
	RoleID int64 `json:"roleId"`
	// Pairs: applications screened by both; Decided: of those, decided by
	// both; Agreed: of those, decided alike.
	Pairs     int      `json:"pairs"`
	Decided   int      `json:"decided"`
	Agreed    int      `json:"agreed"`
	Kappa     *float64 `json:"kappa"`
	KappaNote string   `json:"kappaNote"`
	// Marks: flags both screeners marked; Alpha is over those.
	Marks     int      `json:"marks"`
	Alpha     *float64 `json:"alpha"`
	AlphaNote string   `json:"alphaNote"`
}

var markCode = map[scoring.Mark]float64{scoring.Present: 1, scoring.Absent: 2, scoring.Unclear: 3}

// ScreenAgreement reports the two screeners' agreement on a role.
func (s *Service) ScreenAgreement(ctx context.Context, roleID int64) (ScreenAgreement, error) {
	if _, err := s.store.GetRole(ctx, roleID); err != nil {
		return ScreenAgreement{}, err
	}
	pairs, err := s.store.ScreenPairs(ctx, roleID)
	if err != nil {
		return ScreenAgreement{}, err
	}
	return Agreement(roleID, pairs), nil
}

// Agreement computes the agreement of screen pairs (first, second).
func Agreement(roleID int64, pairs [][2]scoring.ScreenRevision) ScreenAgreement {
	out := ScreenAgreement{RoleID: roleID, Pairs: len(pairs)}
	var a, b []string
	var units [][]float64
	for _, p := range pairs {
		if p[0].Decision != scoring.Undecided && p[1].Decision != scoring.Undecided {
			a, b = append(a, string(p[0].Decision)), append(b, string(p[1].Decision))
			if p[0].Decision == p[1].Decision {
				out.Agreed++
			}
		}
		for id, m := range p[0].Marks {
			x, ok1 := markCode[m.Mark]
			y, ok2 := markCode[p[1].Marks[id].Mark]
			if ok1 && ok2 {
				units = append(units, []float64{x, y})
			}
		}
	}
	out.Decided, out.Marks = len(a), len(units)
	out.Kappa, out.KappaNote = judged(len(a), func() (float64, error) { return stats.Kappa(a, b) })
	out.Alpha, out.AlphaNote = judged(out.Pairs, func() (float64, error) { return stats.AlphaUnits(units, stats.Nominal) })
	return out
}

func judged(n int, f func() (float64, error)) (*float64, string) {
	if n < MinScreenPairs {
		return nil, "too few to judge: fewer than 5 resumes screened by both"
	}
	v, err := f()
	switch {
	case errors.Is(err, stats.ErrNoVariation):
		return nil, "undefined: both screeners gave every resume the same answer"
	case errors.Is(err, stats.ErrNoPairable):
		return nil, "too few to judge: nothing both screeners marked"
	case err != nil:
		return nil, err.Error()
	}
	return &v, ""
}
