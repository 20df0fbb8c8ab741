// Team mode: each person connects with their own login and PostgreSQL's
// row-level security shows them what the app would (scoring.CanSee), even
// through a SQL client of their own.

package storage

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage/pgtest"
)

// team is a shared workspace with a recruiter, two interviewers of one
// round (Sam and Priya), one interviewer of no round (Lee), and Ada applying.
type team struct {
	owner                 *Store
	ownerURL              string
	rita, sam, priya, lee model.Profile
	app, round            int64
	ada                   model.Candidate
}

func newTeam(t *testing.T) team {
	t.Helper()
	ctx := context.Background()
	tm := team{ownerURL: pgtest.URL(t)}
	s, err := OpenPostgres(ctx, tm.ownerURL, WithClock((&testClock{t: testEpoch}).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tm.owner = s
	if _, err := s.InitTeam(ctx); err != nil {
		t.Fatalf("InitTeam: %v", err)
	}
	// Logins are the server's, shared by every test database: each test's own.
	prefix := strings.TrimPrefix(mustParse(t, tm.ownerURL).Path, "/") + "_"
	add := func(name, login string, recruiter bool) model.Profile {
		p, err := s.AddPerson(ctx, PersonInput{Name: name, Login: prefix + login, Password: "correct horse " + login, Recruiter: recruiter})
		if err != nil {
			t.Fatalf("AddPerson %s: %v", name, err)
		}
		return p
	}
	tm.rita, tm.sam, tm.priya, tm.lee = add("Rita Recruiter", "rita", true), add("Sam Okafor", "sam", false),
		add("Priya Nair", "priya", false), add("Lee Park", "lee", false)
	v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
	if err != nil {
		t.Fatal(err)
	}
	role := mustRole(t, s, "AI Engineer")
	tm.ada = mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}}, role.ID)
	tm.app = onlyApplication(t, s, tm.ada.ID).ID
	r, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: v.RubricID,
		DurationMin: 60, InterviewerIDs: []int64{tm.sam.ID, tm.priya.ID}})
	if err != nil {
		t.Fatal(err)
	}
	tm.round = r.ID
	if err := s.SetSelfID(ctx, tm.ada.ID, map[string]string{"Gender": "Woman"}); err != nil {
		t.Fatal(err)
	}
	return tm
}

func mustParse(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// as is a SQL client connected with a person's own login (the test server
// trusts its socket, so the password is not asked).
func (tm team) as(t *testing.T, p model.Profile) *sql.DB {
	t.Helper()
	u := mustParse(t, tm.ownerURL)
	u.User = url.User(tm.login(t, p))
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// storeAs is the workspace opened with a person's own login, as their app opens it.
func (tm team) storeAs(t *testing.T, p model.Profile) *Store {
	t.Helper()
	u := mustParse(t, tm.ownerURL)
	u.User = url.User(tm.login(t, p))
	s, err := OpenPostgres(context.Background(), u.String())
	if err != nil {
		t.Fatalf("OpenPostgres as %s: %v", p.Name, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func (tm team) login(t *testing.T, p model.Profile) string {
	t.Helper()
	var login string
	if err := rawQueryRow(tm.owner, `SELECT login FROM profiles WHERE id = ?`, p.ID).Scan(&login); err != nil {
		t.Fatal(err)
	}
	return login
}

// cardsSeen lists whose cards a person's own SQL client reads, "Name:status".
func cardsSeen(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT author_name || ':' || status FROM scorecards ORDER BY author_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func (tm team) start(t *testing.T, p model.Profile) scoring.Scorecard {
	t.Helper()
	c, err := tm.owner.StartScorecard(context.Background(), tm.app, tm.round, p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (tm team) submit(t *testing.T, c scoring.Scorecard) {
	t.Helper()
	if _, err := tm.owner.UpdateScorecard(context.Background(), c.ID, c.AuthorID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
		c.Recommendation, c.Status = "yes", scoring.Submitted
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestTeamBlindRuleHoldsForASQLClient(t *testing.T) {
	tm := newTeam(t)
	rita, sam, priya, lee := tm.as(t, tm.rita), tm.as(t, tm.sam), tm.as(t, tm.priya), tm.as(t, tm.lee)
	samCard, priyaCard := tm.start(t, tm.sam), tm.start(t, tm.priya)
	want := func(step string, db *sql.DB, who string, cards ...string) {
		t.Helper()
		if got := cardsSeen(t, db); !slices.Equal(got, append([]string{}, cards...)) {
			t.Errorf("%s: %s reads %v; want %v", step, who, got, cards)
		}
	}

	want("both drafting", sam, "Sam", "Sam Okafor:draft")
	want("both drafting", priya, "Priya", "Priya Nair:draft")
	want("both drafting", rita, "the recruiter")
	want("both drafting", lee, "Lee")

	tm.submit(t, samCard)
	want("Sam submitted", sam, "Sam", "Sam Okafor:submitted") // done, but Priya's is a draft
	want("Sam submitted", priya, "Priya", "Priya Nair:draft") // blind until she submits
	want("Sam submitted", rita, "the recruiter", "Sam Okafor:submitted")
	want("Sam submitted", lee, "Lee") // interviews in none of Ada's rounds

	tm.submit(t, priyaCard)
	want("both submitted", priya, "Priya", "Priya Nair:submitted", "Sam Okafor:submitted")
	want("both submitted", sam, "Sam", "Priya Nair:submitted", "Sam Okafor:submitted")
	want("both submitted", rita, "the recruiter", "Priya Nair:submitted", "Sam Okafor:submitted")
	want("both submitted", lee, "Lee")

	// An amendment goes with its card.
	if _, err := tm.owner.AmendScorecard(context.Background(), samCard.ID, tm.sam, func(_ rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error {
		rev.Answers, rev.Recommendation, rev.Reason = c.Answers, "strong_yes", "Second look."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for who, db := range map[string]*sql.DB{"the recruiter": rita, "Priya": priya, "Lee": lee} {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM scorecard_revisions`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"the recruiter": 1, "Priya": 1, "Lee": 0}[who]; n != want {
			t.Errorf("%s reads %d amendments; want %d", who, n, want)
		}
	}
}

func TestTeamPeopleCannotWriteAroundTheRules(t *testing.T) {
	tm := newTeam(t)
	priya := tm.as(t, tm.priya)
	samDraft := tm.start(t, tm.sam)

	// Another's draft: not there to change or delete.
	for _, q := range []string{
		`UPDATE scorecards SET notes = 'mine now' WHERE id = $1`,
		`DELETE FROM scorecards WHERE id = $1`,
	} {
		res, err := priya.Exec(q, samDraft.ID)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("%s changed %d of Sam's rows", q, n)
		}
	}
	// A card in Sam's name.
	_, err := priya.Exec(`INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id, started_at, updated_at)
		VALUES (repeat('b', 32), $1, $2, $3, 'Sam Okafor', $4, 'x', 'x')`, tm.app, tm.round, tm.sam.ID, samDraft.RubricVersionID)
	if err == nil || !strings.Contains(err.Error(), "row-level security") {
		t.Errorf("a card in Sam's name: %v; want refused by row-level security", err)
	}
	// Making herself a recruiter, or taking another's login.
	for _, q := range []string{
		`UPDATE profiles SET is_recruiter = 1 WHERE login = session_user`,
		`UPDATE profiles SET login = session_user WHERE id = ` + strconv.FormatInt(tm.rita.ID, 10),
		`DELETE FROM profiles WHERE id = ` + strconv.FormatInt(tm.rita.ID, 10),
		`INSERT INTO profiles (name, is_recruiter, created_at) VALUES ('Boss', 1, 'x')`,
		`UPDATE schema_version SET version = 1`,
	} {
		if _, err := priya.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	// Shrinking her duty to count as done: the plan is the recruiter's.
	for _, q := range []string{
		`DELETE FROM round_interviewers WHERE profile_id = (SELECT id FROM profiles WHERE login = session_user)`,
		`DELETE FROM interview_rounds`,
	} {
		if res, err := priya.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		} else if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("%s changed %d rows", q, n)
		}
	}
	if _, err := priya.Exec(`INSERT INTO round_assignments (application_id, round_id, profile_id) VALUES ($1, $2, $3)`,
		tm.app, tm.round, tm.sam.ID); err == nil || !strings.Contains(err.Error(), "row-level security") {
		t.Errorf("Priya reassigning her round: %v; want refused by row-level security", err)
	}
	var recruiter int
	if err := rawQueryRow(tm.owner, `SELECT is_recruiter FROM profiles WHERE id = ?`, tm.priya.ID).Scan(&recruiter); err != nil || recruiter != 0 {
		t.Errorf("Priya is_recruiter = %d, %v", recruiter, err)
	}
	// Self-identification is nobody's to read row by row (team_selfid_test.go).
	var n int
	if err := priya.QueryRow(`SELECT count(*) FROM self_id`).Scan(&n); err != nil || n != 0 {
		t.Errorf("Priya reads %d self-identification answers, %v; want none", n, err)
	}
	if _, err := priya.Exec(`INSERT INTO self_id (candidate_id, category, value, at) VALUES ($1, 'Age', '40+', 'x')`, tm.ada.ID); err == nil {
		t.Error("Priya recorded a self-identification answer")
	}
}

func TestTeamStoreActsAsTheSignedInPerson(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	u := mustParse(t, tm.ownerURL)
	u.User = url.User(tm.login(t, tm.priya))
	// A person's login opens the workspace without trying to migrate it.
	s, err := OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatalf("OpenPostgres as Priya: %v", err)
	}
	defer s.Close()
	if p, ok, err := s.SignedIn(ctx); err != nil || !ok || p.ID != tm.priya.ID {
		t.Errorf("SignedIn = %+v, %v, %v; want Priya", p, ok, err)
	}
	if _, ok, err := tm.owner.SignedIn(ctx); err != nil || ok {
		t.Errorf("the owner SignedIn = %v, %v; want nobody's profile", ok, err)
	}
	samCard := tm.start(t, tm.sam)
	if _, err := tm.owner.UpdateScorecard(ctx, samCard.ID, tm.sam.ID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
		c.Notes, c.Recommendation, c.Status = "Clear on evals.", "yes", scoring.Submitted
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	mine := tm.start(t, tm.priya)
	// Sam's card is listed as the app shows a hidden one: who, which round,
	// submitted; nothing judged, no times, no hash.
	cards, err := s.CandidateScorecards(ctx, tm.ada.ID)
	if err != nil || len(cards) != 2 {
		t.Fatalf("Priya's CandidateScorecards = %+v, %v; want Sam's hidden card and her draft", cards, err)
	}
	hidden, own := cards[0], cards[1]
	if hidden.ID != samCard.ID || hidden.AuthorName != "Sam Okafor" || hidden.Status != scoring.Submitted || hidden.RoundName != "Deep dive" ||
		len(hidden.Answers) != 0 || hidden.Notes != "" || hidden.Recommendation != "" || hidden.SHA256 != "" || hidden.SubmittedAt != "" {
		t.Errorf("Sam's card as Priya reads it: %+v", hidden)
	}
	if own.ID != mine.ID || own.StartedAt == "" {
		t.Errorf("Priya's own card: %+v", own)
	}
	// The owner reads it whole.
	if whole, err := tm.owner.GetScorecard(ctx, samCard.ID); err != nil || whole.Notes != "Clear on evals." || whole.SHA256 == "" {
		t.Errorf("the owner's GetScorecard = %+v, %v", whole, err)
	}
	// Only the owner adds people.
	if _, err := s.AddPerson(ctx, PersonInput{Name: "Mallory", Login: "mallory_" + u.Path[1:], Password: "x"}); !errors.Is(err, model.ErrConflict) ||
		!strings.Contains(err.Error(), "only the workspace's owner") {
		t.Errorf("AddPerson as Priya: %v", err)
	}
	if _, err := s.InitTeam(ctx); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "only the workspace's owner") {
		t.Errorf("InitTeam as Priya: %v", err)
	}
	if _, err := tm.owner.AddPerson(ctx, PersonInput{Name: "Priya Twin", Login: tm.login(t, tm.priya), Password: "x"}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("AddPerson with a taken login: %v", err)
	}
	// A login that is nobody on this workspace is told so, plainly.
	if _, err := tm.owner.w.ExecContext(ctx, `CREATE ROLE `+u.Path[1:]+`_stranger LOGIN`); err != nil {
		t.Fatal(err)
	}
	u.User = url.User(u.Path[1:] + "_stranger")
	if _, err := OpenPostgres(ctx, u.String()); err == nil || !strings.Contains(err.Error(), "not one of the shared workspace's people") {
		t.Errorf("OpenPostgres as a stranger: %v", err)
	}
}

func TestTeamPasswordTravelsAsAVerifier(t *testing.T) {
	// Computed with Python's hashlib.pbkdf2_hmac and hmac, independently of this code.
	salt := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	got, err := scramVerifier("pencil", salt)
	const want = "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$zHCdol2044/ZyWzPLi7oxApCkamKw9Z+E4U/QApd/5Y=:dd5peBOitVnLNFu7VmwP+HiDaaw4OUCv396eVCWhYiE="
	if err != nil || got != want {
		t.Fatalf("scramVerifier = %q, %v; want %q", got, err, want)
	}
	// The server keeps the verifier as sent: it took it for one, not for a
	// password to hash again.
	tm := newTeam(t)
	var stored string
	if err := tm.owner.w.QueryRow(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, tm.login(t, tm.sam)).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	// Sent as a password, the verifier would have been hashed again: it
	// matches Sam's password under the salt the server kept.
	parts := strings.SplitN(strings.TrimPrefix(stored, "SCRAM-SHA-256$4096:"), "$", 2)
	salt, err = base64.StdEncoding.DecodeString(parts[0])
	if err != nil {
		t.Fatalf("stored %q: %v", stored, err)
	}
	if again, _ := scramVerifier("correct horse sam", salt); again != stored {
		t.Errorf("stored %q; want the verifier of Sam's password %q", stored, again)
	}
}

func TestTeamLoginForAProfileThatCameWithAPush(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	jonas, err := tm.owner.CreateProfile(ctx, "Jonas Weber", false) // as a push or a bundle import brings him
	if err != nil {
		t.Fatal(err)
	}
	login := strings.TrimPrefix(mustParse(t, tm.ownerURL).Path, "/") + "_jonas"
	p, err := tm.owner.AddPerson(ctx, PersonInput{Name: "jonas weber", Login: login, Password: "correct horse jonas"})
	if err != nil || p.ID != jonas.ID || p.Name != "Jonas Weber" || p.IsRecruiter {
		t.Fatalf("AddPerson for Jonas's profile = %+v, %v; want his profile, now with a login", p, err)
	}
	if got := tm.login(t, jonas); got != login {
		t.Errorf("Jonas signs in as %q, want %q", got, login)
	}
	// Priya already signs in with hers: a second login for her profile is refused, and no role is left behind.
	second := login + "_2"
	if _, err := tm.owner.AddPerson(ctx, PersonInput{Name: "Priya Nair", Login: second, Password: "correct horse priya"}); !errors.Is(err, model.ErrConflict) ||
		!strings.Contains(err.Error(), "signs in with its own login") {
		t.Errorf("a second login for Priya: %v", err)
	}
	var roles int
	if err := tm.owner.w.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, second).Scan(&roles); err != nil || roles != 0 {
		t.Errorf("%d roles named %s after the refusal, %v", roles, second, err)
	}
}
