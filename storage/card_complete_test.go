// The server's check that a person's submit is complete (migration 0026,
// hb_card_problem) answers as scoring.CheckComplete does, on random cards;
// and a person's SQL client cannot submit an incomplete card.

package storage

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

func TestServerCardCheckIsCheckComplete(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpenPostgres(t)
	r := rubric.Builtin()
	r.Competencies[0].Questions[1].Optional = true // an optional question too
	v, err := s.CreateRubric(ctx, r, false, tester)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(15, 26))
	pick := func(n int) int { return rnd.IntN(n) }
	var ids []string
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			ids = append(ids, q.ID)
		}
	}
	recs := []string{"", "yes", "strong_no", "no", "strong_yes"}
	agree, complete := 0, 0
	for i := range 1500 {
		var comps []string
		for _, c := range r.Competencies {
			if pick(3) == 0 {
				comps = append(comps, c.ID)
			}
		}
		if pick(10) == 0 {
			comps = append(comps, "no-such-competency")
		}
		sub := r.Subset(comps)
		answers := map[string]scoring.Answer{}
		// Mostly the card's own questions, well answered, so that many
		// cards are complete and each rule is what tips one over.
		for _, c := range sub.Competencies {
			for _, q := range c.Questions {
				a := scoring.Answer{}
				switch pick(20) {
				case 0: // missing
					continue
				case 1:
					a.Skipped = true // no reason
				case 2:
					a.Skipped, a.SkipReason = true, "ran out of time"
				case 3:
					score := []int{sub.Scale.Min - 1, sub.Scale.Max + 1}[pick(2)]
					a.Score = &score
				case 4: // an empty answer
				default:
					score := sub.Scale.Min + pick(sub.Scale.Max-sub.Scale.Min+1)
					a.Score = &score
				}
				answers[q.ID] = a
			}
		}
		if pick(15) == 0 {
			score := sub.Scale.Min
			answers[ids[pick(len(ids))]] = scoring.Answer{Score: &score} // maybe not the card's
		}
		rec := recs[pick(len(recs))]
		if pick(4) != 0 && rec == "" {
			rec = "yes"
		}
		goOK := scoring.CheckComplete(sub, answers, rec) == nil
		a, _ := json.Marshal(answers)
		c, _ := json.Marshal(comps)
		if comps == nil {
			c = []byte("[]")
		}
		var problem string
		if err := rawQueryRow(s, `SELECT hb_card_problem(?, ?, ?, ?)`, v.ID, string(c), string(a), rec).Scan(&problem); err != nil {
			t.Fatal(err)
		}
		if goOK != (problem == "") {
			t.Errorf("card %d: CheckComplete says complete %v, the server %q\ncompetencies %s\nanswers %s\nrecommendation %q", i, goOK, problem, c, a, rec)
			if t.Failed() && i > 20 {
				break
			}
			continue
		}
		agree++
		if goOK {
			complete++
		}
	}
	if complete < 100 || agree-complete < 100 {
		t.Errorf("only %d complete and %d incomplete cards of %d: the sample does not test both sides", complete, agree-complete, agree)
	}
	t.Logf("%d cards agree: %d complete, %d not", agree, complete, agree-complete)
}

func TestTeamSQLClientCannotSubmitAnIncompleteCard(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	card := tm.start(t, tm.priya)
	db := tm.as(t, tm.priya)
	submit := func(answers string) error {
		_, err := db.Exec(`UPDATE scorecards SET answers = $2, status = 'submitted', recommendation = 'yes',
			sha256 = repeat('0', 64), submitted_at = '2026-12-02T10:00:00.000Z' WHERE id = $1`, card.ID, answers)
		return err
	}
	refused := func(what string, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), "submitted complete") {
			t.Errorf("Priya's SQL client %s: %v; want refused", what, err)
		}
	}
	refused("submitting an empty card", submit(`{}`))
	// Every question scored, but written as Go would not read it back.
	r, err := tm.owner.ScorecardRubric(ctx, card)
	if err != nil {
		t.Fatal(err)
	}
	complete := func(extra string) string {
		var parts []string
		for _, c := range r.Competencies {
			for _, q := range c.Questions {
				parts = append(parts, `"`+q.ID+`": {"score": 3`+extra+`}`)
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	refused(`with "SCORE": 99 beside each score`, submit(complete(`, "SCORE": 99`)))
	refused(`with notes that are a number`, submit(complete(`, "notes": 5`)))
	refused(`with a score of 3.0`, submit(strings.ReplaceAll(complete(""), `"score": 3}`, `"score": 3.0}`)))
	refused(`with a score of 3e0`, submit(strings.ReplaceAll(complete(""), `"score": 3}`, `"score": 3e0}`)))
	var status string
	if err := rawQueryRow(tm.owner, `SELECT status FROM scorecards WHERE id = ?`, card.ID).Scan(&status); err != nil || status != "draft" {
		t.Errorf("after the refusals the card is %q, %v", status, err)
	}
	// Written as Go writes it, it goes through.
	if err := submit(complete(`, "notes": "fine", "elapsedMs": 1200`)); err != nil {
		t.Errorf("a complete card: %v", err)
	}

	// A card of Sam's, started with competencies of his choosing, is refused.
	sam := tm.as(t, tm.sam)
	_, err = sam.Exec(`INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id,
		competencies, started_at, updated_at) VALUES (repeat('f', 32), $1, $2, $3, 'Sam Okafor', $4, '["nope"]', 'x', 'x')`,
		tm.app, tm.round, tm.sam.ID, card.RubricVersionID)
	if err == nil || !strings.Contains(err.Error(), "not the round's competencies") {
		t.Errorf("Sam starting a card on competencies of his own: %v; want refused", err)
	}

	// A recruiter adds amendments in the name of people who do not sign in
	// (a bundle import) only to their own cards, not to Sam's.
	lin, err := tm.owner.CreateProfile(ctx, "Lin Park", false)
	if err != nil {
		t.Fatal(err)
	}
	samCard := tm.start(t, tm.sam)
	tm.submit(t, samCard)
	stillBlind(t, tm.as(t, tm.rita), "the recruiter", `INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation,
		reason, author_id, author_name, created_at, sha256) VALUES ($1, 1, $2, 'no', 'forged', $3, 'Lin Park', 'x', repeat('0', 64))`,
		samCard.ID, complete(""), lin.ID)
}
