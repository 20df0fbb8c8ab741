// Package benchkit builds a large workspace for the performance budget
// (`make bench`) and measures the candidates-table search on it against a
// bare FTS5 query for the same page. It is not test code so that the bench
// harness of any package can call it; nothing in the app imports it.
package benchkit

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Roles of the workspace; each has three interview rounds.
var roleTitles = []string{"Senior AI Engineer", "Conversational AI Developer", "LLM Platform Engineer"}

// seedClock is when the seeded workspace was "written": the candidates
// arrive over the two years before it, oldest first (so rowid order is
// arrival order, as in a real workspace).
var seedClock = time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)

// Seed writes a new workspace at path: candidates with names, emails,
// resumes, tags and (a third of them) notes, in both vocabularies, applied
// to three roles; and at least answers scorecard answers in submitted,
// hashed scorecards, spread evenly over the candidates, the roles' rounds
// and their interviewers, scored against real rubric versions (the
// built-in one, and a custom rubric edited halfway, so two versions).
// Candidates and scorecards are written in one transaction through the
// storage.Tx methods the app uses; the schema's triggers fill the search
// index. path must not exist: Seed builds beside it and renames at the end,
// so an interrupted seed never leaves a half-built workspace at path.
// Runs are deterministic: the same arguments give the same workspace.
func Seed(ctx context.Context, path string, candidates int, answers int) error {
	if candidates < 1 || answers < 0 {
		return fmt.Errorf("benchkit: need at least one candidate and no negative answers (got %d, %d)", candidates, answers)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("benchkit: %s already exists; Seed writes a new workspace only", path)
	}
	tmp := path + ".seeding"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	st, err := storage.Open(tmp, storage.WithClock(func() time.Time { return seedClock }))
	if err != nil {
		return err
	}
	s := &seeder{st: st, rng: rand.New(rand.NewPCG(7, 100)), candidates: candidates, answers: answers}
	err = s.run(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// seedFormat names what Seed writes; change it when Seed changes, so cached
// workspaces from an older seeder are not measured.
const seedFormat = 2

// Workspace returns the path of a seeded workspace in a private folder
// (mode 0700: storage refuses shared ones) under dir, seeding it on first
// use (minutes at 100k candidates) and reusing it after: its name carries
// the sizes, the schema version and the seed format.
func Workspace(ctx context.Context, dir string, candidates, answers int) (string, error) {
	dir = filepath.Join(dir, "hirebench-bench")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("hirebench-bench-%d-%d-s%d-f%d.db", candidates, answers, storage.SchemaVersion(), seedFormat))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	return path, Seed(ctx, path, candidates, answers)
}

type seeder struct {
	st         *storage.Store
	rng        *rand.Rand
	candidates int
	answers    int

	recruiter    model.Profile
	interviewers []model.Profile
	leniency     map[int64]float64
	roles        []model.Role
	rounds       map[int64][]scoring.Round // by role
	custom       int64                     // the custom rubric's id
	versions     map[int64]rubric.Version  // each rubric's version in use, by rubric id
	difficulty   map[string]float64        // by question id
	skillCDF     []float64                 // Zipf over realSkills
	lastCard     int64
}

func (s *seeder) run(ctx context.Context) error {
	if err := s.plan(ctx); err != nil {
		return err
	}
	perCandidate := 0 // answers of one fully interviewed candidate (same for every role)
	for _, r := range s.rounds[s.roles[0].ID] {
		perCandidate += len(r.Interviewers) * len(s.questions(r))
	}
	interviewed := 0
	if s.answers > 0 {
		interviewed = (s.answers + perCandidate - 1) / perCandidate
	}
	if interviewed > s.candidates {
		return fmt.Errorf("benchkit: %d answers need %d interviewed candidates, more than the %d asked for", s.answers, interviewed, s.candidates)
	}
	s.skillCDF = zipfCDF(len(realSkills), 1.1)
	err := s.st.Write(ctx, func(tx *storage.Tx) error {
		for i := range s.candidates {
			// Spread the interviewed candidates evenly over the arrivals.
			withCards := interviewed > 0 && (i+1)*interviewed/s.candidates > i*interviewed/s.candidates
			if i == s.candidates/2 {
				if err := s.editCustomRubric(tx); err != nil {
					return err
				}
			}
			if err := s.candidate(tx, i, withCards); err != nil {
				return err
			}
		}
		return tx.FixScoredPlans()
	})
	if err != nil || s.lastCard == 0 {
		return err
	}
	// The hash rule may change (it is scoring's); a seed whose cards no
	// longer verify would measure a workspace the app refuses.
	c, err := s.st.GetScorecard(ctx, s.lastCard)
	if err != nil {
		return err
	}
	if err := scoring.Verify(c); err != nil {
		return fmt.Errorf("benchkit: seeded scorecards do not verify, update Seed to the hash rule: %w", err)
	}
	return nil
}

// plan creates the profiles, rubrics, roles and rounds, each through the
// storage API the app uses.
func (s *seeder) plan(ctx context.Context) error {
	var err error
	if s.recruiter, err = s.st.CreateProfile(ctx, "Bench Recruiter", true); err != nil {
		return err
	}
	s.leniency = map[int64]float64{}
	for i := range 8 {
		p, err := s.st.CreateProfile(ctx, fmt.Sprintf("Interviewer %d", i+1), false)
		if err != nil {
			return err
		}
		s.interviewers = append(s.interviewers, p)
		s.leniency[p.ID] = s.rng.NormFloat64() * 0.4
	}
	// As the app installs it on first open (interviews.EnsureBuiltin).
	bv, err := s.st.CreateRubric(ctx, rubric.Builtin(), true, model.Profile{Name: "hirebench"})
	if err != nil {
		return err
	}
	builtinID := bv.RubricID
	custom := rubric.Builtin()
	custom.Name = "Bench platform rubric"
	cv, err := s.st.CreateRubric(ctx, custom, false, s.recruiter)
	if err != nil {
		return err
	}
	s.custom = cv.RubricID
	s.versions = map[int64]rubric.Version{builtinID: bv, cv.RubricID: cv}
	s.difficulty = map[string]float64{}
	for _, c := range custom.Competencies {
		for _, q := range c.Questions {
			s.difficulty[q.ID] = s.rng.NormFloat64() * 0.3
		}
	}
	var core []string // competencies every track shares
	for _, c := range custom.Competencies {
		if c.Track == "" {
			core = append(core, c.ID)
		}
	}
	if len(core) < 7 {
		return fmt.Errorf("benchkit: the built-in rubric has %d core competencies, the rounds need 7", len(core))
	}
	plan := []struct {
		name  string
		comps []string
		min   int
	}{{"Screen call", core[0:2], 30}, {"Technical", core[2:5], 60}, {"System design", core[5:7], 60}}
	s.rounds = map[int64][]scoring.Round{}
	for ri, title := range roleTitles {
		role, err := s.st.CreateRole(ctx, model.RoleInput{Title: title, Status: model.RoleOpen}, storage.DefaultPipeline)
		if err != nil {
			return err
		}
		s.roles = append(s.roles, role)
		rubricID := builtinID
		if ri == len(roleTitles)-1 {
			rubricID = s.custom
		}
		for k, p := range plan {
			a := s.interviewers[(ri*3+k)%len(s.interviewers)]
			b := s.interviewers[(ri*3+k+4)%len(s.interviewers)]
			r, err := s.st.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: p.name, RubricID: rubricID,
				Competencies: p.comps, DurationMin: p.min, InterviewerIDs: []int64{a.ID, b.ID}})
			if err != nil {
				return err
			}
			s.rounds[role.ID] = append(s.rounds[role.ID], r)
		}
	}
	return nil
}

// editCustomRubric adds version 2 of the custom rubric (an anchor reworded),
// so the later cards of its role are scored against another version.
func (s *seeder) editCustomRubric(tx *storage.Tx) error {
	r := s.versions[s.custom].Content
	r.Competencies[0].Questions[0].Anchors[0] += " (reworded after calibration)"
	content, sum, err := storage.EncodeRubric(r)
	if err != nil {
		return err
	}
	if err := tx.InsertVersion(storage.StoredVersion{RubricID: s.custom, Version: 2, SHA256: sum, CreatedAt: tx.Now(), Content: content}); err != nil {
		return err
	}
	v, err := tx.LatestRubric(s.custom)
	if err != nil {
		return err
	}
	s.versions[s.custom] = v
	return nil
}

// questions lists the question ids a round asks, in rubric order.
func (s *seeder) questions(r scoring.Round) []string {
	var out []string
	for _, c := range s.versions[r.RubricID].Content.Competencies {
		for _, id := range r.Competencies {
			if c.ID == id {
				for _, q := range c.Questions {
					out = append(out, q.ID)
				}
			}
		}
	}
	return out
}

func (s *seeder) candidate(tx *storage.Tx, i int, withCards bool) error {
	rng := s.rng
	// Arrival times run over two years up to the seed clock, in id order.
	created := seedClock.Add(-2 * 365 * 24 * time.Hour).Add(time.Duration(float64(2*365*24*time.Hour) * float64(i) / float64(s.candidates)))
	at := created.UTC().Format(model.TimeLayout)
	var name string
	if i%2 == 0 {
		name = commonFirst[rng.IntN(len(commonFirst))] + " " + commonLast[rng.IntN(len(commonLast))]
	} else {
		name = realFirst[rng.IntN(len(realFirst))] + " " + realLast[rng.IntN(len(realLast))]
	}
	c := model.Candidate{CandidateInput: model.CandidateInput{
		Name:       name,
		Email:      fmt.Sprintf("%s.%d@example.com", strings.ToLower(strings.ReplaceAll(name, " ", ".")), i),
		Source:     []string{"LinkedIn", "Referral", "Agency", "Careers page"}[rng.IntN(4)],
		ResumeText: s.commonText(60) + " " + s.skills(6),
		Tags:       []string{commonWords[rng.IntN(len(commonWords))]},
	}, CreatedAt: at, UpdatedAt: at}
	if rng.IntN(100) < 3 {
		c.ArchivedAt = at
	}
	id, err := tx.InsertCandidate(c)
	if err != nil {
		return err
	}
	role := s.roles[i%len(s.roles)]
	stages := role.Stages[:2] // Applied, Screen
	if withCards {
		stages = role.Stages[2:] // Interview … Hired, Rejected
	}
	stage := stages[rng.IntN(len(stages))]
	reason := ""
	if stage.Kind == model.StageRejected {
		reason = "Not enough experience"
	}
	appID, err := tx.InsertApplication(model.Application{CandidateID: id, RoleID: role.ID, StageID: stage.ID, StageName: stage.Name,
		RejectionReason: reason, CreatedAt: at, EnteredStageAt: at}, "", s.recruiter)
	if err != nil {
		return err
	}
	if i%3 == 0 {
		if _, err := tx.AddNote(id, s.commonText(25), s.recruiter); err != nil {
			return err
		}
	}
	if !withCards {
		return nil
	}
	return s.cards(tx, c, id, appID, role, created)
}

// cards writes the submitted scorecards of one candidate: every round, every
// interviewer, every question, scored from the candidate's ability, the
// interviewer's leniency and the question's difficulty.
func (s *seeder) cards(tx *storage.Tx, c model.Candidate, candidateID, appID int64, role model.Role, created time.Time) error {
	ability := s.rng.NormFloat64()
	for k, round := range s.rounds[role.ID] {
		v := s.versions[round.RubricID]
		for _, author := range round.Interviewers {
			answers := map[string]scoring.Answer{}
			sum := 0
			for _, q := range s.questions(round) {
				x := 2.5 + 0.8*ability + s.leniency[author.ID] - s.difficulty[q] + 0.5*s.rng.NormFloat64()
				score := int(math.Max(1, math.Min(4, math.Round(x))))
				sum += score
				answers[q] = scoring.Answer{Score: &score, ElapsedMs: int64(60_000 + s.rng.IntN(240_000))}
			}
			mean := float64(sum) / float64(len(answers))
			rec := rubric.StrongNo
			switch {
			case mean >= 3.2:
				rec = rubric.StrongYes
			case mean >= 2.5:
				rec = rubric.Yes
			case mean >= 1.8:
				rec = rubric.No
			}
			at := created.Add(time.Duration(k+1) * 72 * time.Hour).UTC().Format(model.TimeLayout)
			card := scoring.Scorecard{UID: fmt.Sprintf("%016x%016x", s.rng.Uint64(), s.rng.Uint64()), ApplicationID: appID,
				CandidateID: candidateID, CandidateName: c.Name, RoleID: role.ID, RoleTitle: role.Title,
				RoundID: round.ID, RoundName: round.Name, DurationMin: round.DurationMin,
				AuthorID: author.ID, AuthorName: author.Name, RubricID: v.RubricID, RubricVersionID: v.ID,
				RubricVersion: v.Version, RubricSHA256: v.SHA256, Competencies: round.Competencies,
				Status: scoring.Submitted, Answers: answers, Recommendation: string(rec),
				ElapsedMs: int64(round.DurationMin) * 60_000, StartedAt: at, UpdatedAt: at, SubmittedAt: at}
			card.SHA256 = scoring.Hash(card)
			id, err := tx.InsertScorecard(card)
			if err != nil {
				return err
			}
			s.lastCard = id
		}
	}
	return nil
}

func (s *seeder) commonText(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = commonWords[s.rng.IntN(len(commonWords))]
	}
	return strings.Join(w, " ")
}

// skills draws n skills of the realistic vocabulary by their Zipf weight.
func (s *seeder) skills(n int) string {
	w := make([]string, n)
	for i := range w {
		u := s.rng.Float64()
		lo, hi := 0, len(s.skillCDF)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if s.skillCDF[mid] < u {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		w[i] = realSkills[lo]
	}
	return strings.Join(w, " ")
}

// zipfCDF is the cumulative distribution of ranks 1..n with weight 1/r^s.
func zipfCDF(n int, exp float64) []float64 {
	cdf := make([]float64, n)
	total := 0.0
	for r := range n {
		total += 1 / math.Pow(float64(r+1), exp)
		cdf[r] = total
	}
	for r := range cdf {
		cdf[r] /= total
	}
	return cdf
}
