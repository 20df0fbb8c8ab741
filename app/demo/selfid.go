// Voluntary self-identification for the demo's cast, so the debrief's
// Fairness view has numbers to show. Each person's answers come from their
// name alone (a generator seeded by it), so they never shift when the cast
// or the order of seeding changes; about one in eight answers nothing, and
// some decline a question ("Prefer not to say"), as real applicants do.

package demo

import (
	"hash/fnv"
	"math/rand/v2"

	"hirebench/app/scoring"
	"hirebench/app/selfid"
)

// answerShare is an answer and its share in percent of those who answer.
type answerShare struct {
	answer string
	pct    int
}

var selfIDShares = map[string][]answerShare{
	"Gender": {{"Woman", 42}, {"Man", 48}, {"Non-binary", 4}, {selfid.PreferNot, 6}},
	"Race/ethnicity": {{"White", 40}, {"Asian", 24}, {"Black or African American", 12}, {"Hispanic or Latino", 12},
		{"Two or more races", 5}, {selfid.PreferNot, 7}},
	"Age 40 or over": {{"Under 40", 72}, {"40 or over", 22}, {selfid.PreferNot, 6}},
	"Disability":     {{"No disability", 82}, {"Has a disability", 8}, {selfid.PreferNot, 10}},
	"Veteran status": {{"Not a protected veteran", 88}, {"Protected veteran", 4}, {selfid.PreferNot, 8}},
}

// selfIdentify records the answers a person gave, if any, as the recruiter.
func (s *seeder) selfIdentify(candidateID int64, name string) error {
	h := fnv.New64a()
	h.Write([]byte(name))
	rng := rand.New(rand.NewPCG(h.Sum64(), 13))
	if rng.IntN(8) == 0 {
		return nil
	}
	answers := map[string]string{}
	for _, c := range selfid.Defaults() {
		roll, shares := rng.IntN(100), selfIDShares[c.Name]
		for _, sh := range shares {
			if roll -= sh.pct; roll < 0 {
				answers[c.Name] = sh.answer
				break
			}
		}
	}
	_, err := selfid.New(s.store).Record(s.ctx, scoring.ExporterOf(s.people[riley]), candidateID, answers)
	return err
}
