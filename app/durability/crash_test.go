//go:build unix

// Tests that a crash loses nothing acknowledged: a helper process writes scorecard
// drafts and submissions through the interviews service and is killed with SIGKILL
// at random moments; after each kill the workspace opens, passes integrity_check
// and holds every draft and submission the helper acknowledged.

package durability_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// writeScorecards is the helper: it starts cards for new candidates, saves
// drafts and submits, as fast as it can, and prints an acknowledgement once
// each commit has returned (os.Stdout is unbuffered: one write per line):
//
//	D <card> <seq> <unix nanos>   a draft whose notes now read "seq <seq>"
//	S <card> <sha256>             a submission
func writeScorecards(j job) error {
	ctx := context.Background()
	s, err := storage.Open(j.DB)
	if err != nil {
		return err
	}
	track, iv := tracking.New(s), interviews.New(s)
	author, err := s.GetProfile(ctx, j.AuthorID)
	if err != nil {
		return err
	}
	fmt.Println("ready")
	rng := rand.New(rand.NewPCG(uint64(j.Seed), 2))
	var card int64
	var seq int
	var questions []string
	if j.Resume != 0 {
		c, err := s.GetScorecard(ctx, j.Resume)
		if err != nil {
			return err
		}
		if c.Status == scoring.Draft {
			r, err := s.ScorecardRubric(ctx, c)
			if err != nil {
				return err
			}
			card, seq, questions = c.ID, seqOf(c.Notes), questionIDs(r.Competencies)
		}
	}
	yes := "yes"
	for n := 0; ; n++ {
		if card == 0 {
			c, err := track.CreateCandidate(ctx, model.CandidateInput{Name: fmt.Sprintf("Person %d %d", j.Seed, n),
				Email: fmt.Sprintf("p%d.%d@example.com", j.Seed, n)}, nil, author)
			if err != nil {
				return err
			}
			app, err := track.Apply(ctx, c.ID, j.RoleID, author)
			if err != nil {
				return err
			}
			v, err := iv.StartInterview(ctx, app.ID, j.RoundID, author)
			if err != nil {
				return err
			}
			card, seq, questions = v.Card.ID, 0, questionIDs(v.Rubric.Competencies)
		}
		for range 1 + rng.IntN(6) {
			seq++
			notes, q := fmt.Sprintf("seq %d", seq), questions[rng.IntN(len(questions))]
			patches := []scoring.Patch{{Notes: &notes, Cursor: &q}}
			// The first draft scores every question, so any later draft
			// can be submitted; later ones change one score.
			for _, id := range questions {
				if seq == 1 || id == q {
					score := 1 + rng.IntN(4)
					patches = append(patches, scoring.Patch{QuestionID: id, Score: &score})
				}
			}
			if _, err := iv.SaveDraft(ctx, card, patches, author); err != nil {
				return err
			}
			fmt.Printf("D %d %d %d\n", card, seq, time.Now().UnixNano())
		}
		c, err := iv.Submit(ctx, card, scoring.Patch{Recommendation: &yes}, author)
		if err != nil {
			return err
		}
		fmt.Printf("S %d %s\n", card, c.SHA256)
		card = 0
	}
}

func questionIDs(cs []rubric.Competency) []string {
	var out []string
	for _, c := range cs {
		for _, q := range c.Questions {
			out = append(out, q.ID)
		}
	}
	return out
}

func seqOf(notes string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(notes, "seq "))
	return n
}

// draftAck is the newest draft acknowledged for a card.
type draftAck struct {
	seq int
	at  time.Time
}

// acked is everything the helpers acknowledged so far.
type acked struct {
	drafts    map[int64]draftAck
	submitted map[int64]string
	resume    int64 // the card the next helper continues
	lines     int
}

func (a *acked) record(t *testing.T, lines []string) {
	t.Helper()
	for _, l := range lines {
		f := strings.Fields(l)
		id, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			t.Fatalf("helper printed %q", l)
		}
		switch {
		case f[0] == "D" && len(f) == 4:
			seq, _ := strconv.Atoi(f[2])
			ns, _ := strconv.ParseInt(f[3], 10, 64)
			a.drafts[id] = draftAck{seq: seq, at: time.Unix(0, ns)}
			a.resume = id
		case f[0] == "S" && len(f) == 3:
			a.submitted[id] = f[2]
			a.resume = 0
		default:
			t.Fatalf("helper printed %q", l)
		}
		a.lines++
	}
}

// killer decides when to kill: mostly after a random number of
// acknowledgements plus a random part of the time between two, so kills
// fall anywhere in a commit; sometimes while the helper is still opening
// (recovering the WAL the last one left). It learns how long both take.
type killer struct {
	rng            *rand.Rand
	opening, cycle time.Duration // running means
}

func (k *killer) learn(mean *time.Duration, d time.Duration) { *mean = (*mean*7 + d) / 8 }

// runAndKill starts a helper, kills it with SIGKILL and returns the lines
// it acknowledged and when it was killed.
func (k *killer) runAndKill(t *testing.T, j job) (lines []string, killedAt time.Time) {
	t.Helper()
	cmd := helperCmd(t, j)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready, done := make(chan struct{}), make(chan struct{})
	acks := make(chan string, 1<<16)
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "ready" {
				close(ready)
				continue
			}
			acks <- sc.Text()
		}
	}()
	wait := func(c <-chan struct{}) bool {
		select {
		case <-c:
			return true
		case <-done:
		case <-time.After(time.Minute):
		}
		return false
	}
	if k.rng.IntN(10) == 0 {
		time.Sleep(time.Duration(k.rng.Int64N(int64(k.opening) + 1)))
	} else if wait(ready) {
		k.learn(&k.opening, time.Since(started))
		last := time.Now()
		for range k.rng.IntN(10) {
			select {
			case l := <-acks:
				lines = append(lines, l)
				k.learn(&k.cycle, time.Since(last))
				last = time.Now()
				continue
			case <-done:
			case <-time.After(time.Minute):
			}
			break
		}
		time.Sleep(time.Duration(k.rng.Int64N(2*int64(k.cycle) + 1)))
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	killedAt = time.Now()
	<-done
	close(acks)
	for l := range acks {
		lines = append(lines, l)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || !ee.Sys().(syscall.WaitStatus).Signaled() {
		t.Fatalf("the helper stopped by itself before it was killed (%v): %s", err, stderr.String())
	}
	return lines, killedAt
}

// check opens the workspace after a kill and compares it with what was
// acknowledged.
func (a *acked) check(t *testing.T, f fixture, killedAt time.Time, where string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(f.db)
	if err != nil {
		t.Fatalf("%s: the workspace does not open: %v", where, err)
	}
	defer s.Close()
	if problems := integrity(t, f.db); problems != "ok" {
		t.Fatalf("%s: integrity_check: %s", where, problems)
	}
	cards, err := s.RoleScorecards(ctx, f.role.ID)
	if err != nil {
		t.Fatalf("%s: read scorecards: %v", where, err)
	}
	byID := map[int64]scoring.Scorecard{}
	for _, c := range cards {
		byID[c.ID] = c
	}
	for id, hash := range a.submitted {
		c, ok := byID[id]
		switch {
		case !ok:
			t.Fatalf("%s: acknowledged submission of card %d is gone", where, id)
		case c.Status != scoring.Submitted || c.SHA256 != hash:
			t.Fatalf("%s: card %d acknowledged submitted with hash %s is %s with hash %q", where, id, hash, c.Status, c.SHA256)
		}
		if err := scoring.Verify(c); err != nil {
			t.Fatalf("%s: card %d no longer verifies: %v", where, id, err)
		}
	}
	// synchronous=FULL: every acknowledged draft is on disk, not only
	// those older than a second. A draft may be one ahead: committed, but
	// killed before it was acknowledged.
	for id, d := range a.drafts {
		c, ok := byID[id]
		if !ok {
			t.Fatalf("%s: card %d with a draft acknowledged %v before the kill is gone", where, id, killedAt.Sub(d.at))
		}
		got := seqOf(c.Notes)
		if got < d.seq || got > d.seq+1 {
			t.Fatalf("%s: card %d holds draft %d; draft %d was acknowledged %v before the kill", where, id, got, d.seq, killedAt.Sub(d.at))
		}
		// What survived the kill is on disk now: the next helper resumes
		// from it, and may again commit one draft it never acknowledges.
		a.drafts[id] = draftAck{seq: got, at: d.at}
	}
}

// integrity is PRAGMA integrity_check's answer, its rows joined.
func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`PRAGMA integrity_check`)
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err.Error()
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return err.Error()
	}
	return strings.Join(out, "; ")
}

func envInt(t *testing.T, name string, def int64) int64 {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Fatalf("%s=%q is not a whole number", name, v)
	}
	return n
}

func TestCrashKeepsAcknowledgedScorecards(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a writer hundreds of times")
	}
	if raceDetector {
		t.Skip("runs without -race (make gotest has a line for it)")
	}
	kills := int(envInt(t, "HIREBENCH_SOAK_KILLS", 200))
	seed := envInt(t, "HIREBENCH_CRASH_SEED", time.Now().UnixNano())
	t.Logf("seed %d (HIREBENCH_CRASH_SEED=%d repeats these random choices)", seed, seed)
	k := &killer{rng: rand.New(rand.NewPCG(uint64(seed), 1)), opening: 100 * time.Millisecond, cycle: 10 * time.Millisecond}
	f := newFixture(t)
	a := &acked{drafts: map[int64]draftAck{}, submitted: map[int64]string{}}
	start := time.Now()
	for i := range kills {
		j := f.job("scorecards", seed+int64(i))
		j.Resume = a.resume
		lines, killedAt := k.runAndKill(t, j)
		a.record(t, lines)
		a.check(t, f, killedAt, fmt.Sprintf("seed %d, kill %d", seed, i+1))
	}
	t.Logf("%d kills in %v: %d acknowledgements, %d cards with drafts, %d submissions, all kept; opening took %v, a commit %v",
		kills, time.Since(start).Round(time.Second), a.lines, len(a.drafts), len(a.submitted), k.opening.Round(time.Millisecond), k.cycle.Round(time.Millisecond))
}
