// Tests each window binding's error mapping: bad input reaches the page as the right
// code and field with a plain message, and every exported facade method is in the table.

package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// bench is the desk with every facade and the ids the table needs: Ada's
// application in "AI Engineer" (round "Deep dive", Sam's submitted card)
// and Grace's in "Data Engineer" (round "Pairing", Sam's draft).
type bench struct {
	*desk
	roles *Roles
	cands *Candidates

	adaID, appID, roundID, cardID, builtinID int64
	stages                                   []model.Stage // AI Engineer's pipeline
	otherRoleID, otherRoundID, draftID       int64
	dir, csvToken                            string
}

func newBench(t *testing.T) *bench {
	t.Helper()
	tracking.WrongPassphraseDelay = 0
	b := &bench{desk: newDesk(t), dir: t.TempDir()}
	b.roles, b.cands = NewRoles(b.ws.svc, b.ws), NewCandidates(b.ws.svc, b.ws, b.shell)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ada, err := b.cands.FindByEmail("ada@example.com")
	must(err)
	det, err := b.cands.Detail(ada.ID)
	must(err)
	rounds, err := b.iv.Rounds(b.roleID)
	must(err)
	crs, err := b.iv.CandidateRounds(ada.ID)
	must(err)
	role, err := b.roles.Get(b.roleID)
	must(err)
	b.adaID, b.appID, b.roundID, b.cardID, b.stages = ada.ID, det.Applications[0].ID, rounds[0].ID, crs[0].Cards[0].ID, role.Stages
	b.builtinID = rounds[0].RubricID

	other, err := b.roles.Create(model.RoleInput{Title: "Data Engineer"}, b.roles.DefaultStages())
	must(err)
	grace, err := b.cands.Create(model.CandidateInput{Name: "Grace Hopper", Email: "grace@example.com"}, []int64{other.ID})
	must(err)
	gdet, err := b.cands.Detail(grace.ID)
	must(err)
	pairing, err := b.iv.SaveRound(scoring.RoundInput{RoleID: other.ID, Name: "Pairing", RubricID: b.builtinID,
		Competencies: rounds[0].Competencies, InterviewerIDs: []int64{b.sam.ID}})
	must(err)
	b.otherRoleID, b.otherRoundID = other.ID, pairing.ID
	must(b.as(t, b.sam, func() error {
		v, err := b.iv.StartInterview(gdet.Applications[0].ID, pairing.ID)
		b.draftID = v.Card.ID
		return err
	}))

	csv := b.file(t, "people.csv", "Name,Email\nLin Import,lin@example.com\n")
	b.shell.opened = csv
	f, err := b.tr.ChooseImportFile()
	must(err)
	b.shell.opened, b.csvToken = "", f.Token
	return b
}

// as runs fn signed in as p, then signs Riley in again.
func (b *bench) as(t *testing.T, p model.Profile, fn func() error) error {
	t.Helper()
	if _, err := b.ws.SwitchProfile(p.ID, ""); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
			t.Fatal(err)
		}
	}()
	return fn()
}

// opening runs fn with the open dialog answering path.
func (b *bench) opening(path string, fn func() error) error {
	b.shell.opened = path
	defer func() { b.shell.opened = "" }()
	return fn()
}

// file writes a file the user could choose in the dialog.
func (b *bench) file(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(b.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// bindingCase is one binding called with bad input, and what the page must get.
type bindingCase struct {
	method string // Facade.Method, as the page calls it
	input  string // the bad input, in words
	call   func(t *testing.T, b *bench) error
	code   string
	fields string // the fields the form marks, space-separated ("" for none)
	says   string // words the user reads in the message
	broken bool   // run on a workspace whose database cannot be read
	bug    string // a known wrong mapping: skipped, saying so, while it fails
}

// internals are words that mean Go or SQLite details reached the user.
var internals = []string{"sql", "storage:", "%!", "goroutine", ".go:", "panic", "runtime error", "constraint",
	"<nil>", "0x", "database is", "no such file", "permission denied", "\n"}

// mismatch lists how the error the page gets differs from c's promise.
func (c bindingCase) mismatch(err error, dirs ...string) []string {
	if err == nil {
		return []string{"no error"}
	}
	var ue UserError
	if jerr := json.Unmarshal([]byte(err.Error()), &ue); jerr != nil {
		return []string{fmt.Sprintf("not a UserError: %q", err)}
	}
	var bad []string
	if ue.Code != c.code {
		bad = append(bad, fmt.Sprintf("code %q, want %q", ue.Code, c.code))
	}
	if strings.TrimSpace(ue.Message) == "" {
		bad = append(bad, "an empty message")
	}
	if !strings.Contains(ue.Message, c.says) {
		bad = append(bad, fmt.Sprintf("the message does not say %q", c.says))
	}
	for _, f := range strings.Fields(c.fields) {
		if !slices.ContainsFunc(ue.Fields, func(fe model.FieldError) bool { return fe.Field == f && fe.Message != "" }) {
			bad = append(bad, fmt.Sprintf("no message on field %q", f))
		}
	}
	text := []string{ue.Message}
	for _, fe := range ue.Fields {
		text = append(text, fe.Message)
	}
	for _, s := range text {
		for _, w := range internals {
			if strings.Contains(strings.ToLower(s), w) {
				bad = append(bad, fmt.Sprintf("internal detail %q in %q", w, s))
			}
		}
		for _, d := range dirs {
			if strings.Contains(s, d) {
				bad = append(bad, fmt.Sprintf("a file path in %q", s))
			}
		}
	}
	if len(bad) > 0 {
		bad = append(bad, "got "+err.Error())
	}
	return bad
}

// noErrorPath are bindings that cannot refuse bad input, each with why.
var noErrorPath = map[string]string{
	"Workspace.Info":             "a pure getter of build and folder facts; returns no error",
	"Workspace.SignOut":          "returns nothing; what it does is checked in rights_test.go",
	"Workspace.Flushed":          "lifecycle hook: the page's answer to app:flush before the window closes",
	"Exports.CancelExport":       "returns nothing; cancelling is checked in facades_test.go",
	"Interviews.CheckRubric":     "returns problems as a list, never an error: TestCheckRubricNamesEveryProblemByPath",
	"Roles.DefaultStages":        "a pure getter of tracking.DefaultStages (TestCreateRoleWithItsOwnPipeline); returns no error",
	"Roles.NewStageIndex":        "a pure rule, tracking.NewStageIndex (TestNewStageIndexIsBeforeTheClosingRunAtTheEnd); returns no error",
	"Interviews.Recommendations": "a pure getter of rubric.RecommendationOptions (TestRecommendationOptions); returns no error",
	"AI.CancelSuggestion":        "returns nothing; cancelling is checked in rights_ai_test.go",
	"AI.CancelAI":                "returns nothing; cancelling is checked in rights_ai_stream_test.go",
}

// allCases is the whole table, one list per facade.
func allCases() []bindingCase {
	return slices.Concat(workspaceCases(), rolesCases(), candidatesCases(), interviewsCases(), exportsCases(), transferCases(),
		backupsCases(), privacyCases(), aiCases(), selfIDCases(), practiceCases(), screenCases(), outcomesCases())
}

func TestEveryBindingMapsBadInputToAPlainUserError(t *testing.T) {
	b := newBench(t)
	broken := newBench(t)
	if err := broken.ws.store.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range allCases() {
		t.Run(c.method+"/"+c.input, func(t *testing.T) {
			on := b
			if c.broken {
				on = broken
			}
			bad := c.mismatch(c.call(t, on), b.dir, b.dataDir, broken.dataDir, os.TempDir())
			switch {
			case len(bad) > 0 && c.bug != "":
				t.Skipf("BUG: %s: %s", c.bug, strings.Join(bad, "; "))
			case len(bad) > 0:
				t.Errorf("%s with %s: %s", c.method, c.input, strings.Join(bad, "; "))
			case c.bug != "":
				t.Errorf("%s with %s is mapped right now: remove its bug note %q", c.method, c.input, c.bug)
			}
		})
	}
}

// A binding added without a test fails here, by name.
func TestEveryBindingIsInTheTable(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range allCases() {
		tested[c.method] = true
	}
	bound := map[string]bool{}
	for _, f := range []any{&Workspace{}, &Roles{}, &Candidates{}, &Interviews{}, &Exports{}, &Transfer{}, &Backups{}, &Privacy{}, &AI{}} {
		typ := reflect.TypeOf(f)
		for i := range typ.NumMethod() {
			name := typ.Elem().Name() + "." + typ.Method(i).Name
			bound[name] = true
			if !tested[name] && noErrorPath[name] == "" {
				t.Errorf("binding %s has no case in the error-mapping table (bindings_test.go) nor a reason in noErrorPath", name)
			}
		}
	}
	for name := range tested {
		if !bound[name] {
			t.Errorf("the table tests %s, which is not a bound method", name)
		}
	}
	for name := range noErrorPath {
		if !bound[name] {
			t.Errorf("noErrorPath lists %s, which is not a bound method", name)
		}
		if tested[name] {
			t.Errorf("%s is both in the table and in noErrorPath", name)
		}
	}
	if len(bound) < 50 {
		t.Errorf("only %d bindings found; the facades lost their methods?", len(bound))
	}
}

func workspaceCases() []bindingCase {
	return []bindingCase{
		{method: "Workspace.CurrentProfile", input: "a workspace nobody used yet", code: "not_found", says: "current profile",
			call: func(t *testing.T, b *bench) error {
				store, err := storage.Open(filepath.Join(t.TempDir(), "fresh.db"))
				if err != nil {
					t.Fatal(err)
				}
				defer store.Close()
				_, err = NewWorkspace(tracking.New(store), store, b.dataDir, b.shell).CurrentProfile()
				return err
			}},
		{method: "Workspace.CurrentProfile", input: "a new window on a protected profile", code: "locked",
			says: "Riley Chen's profile is protected: enter its passphrase.",
			call: func(t *testing.T, b *bench) error {
				if _, err := b.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
					t.Fatal(err)
				}
				defer b.ws.RemovePassphrase("blue heron at dawn")
				_, err := NewWorkspace(b.ws.svc, b.ws.store, b.dataDir, b.shell).CurrentProfile()
				return err
			}},
		{method: "Workspace.Profiles", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.ws.Profiles(); return err }},
		{method: "Workspace.Opening", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.ws.Opening(); return err }},
		{method: "Workspace.CreateProfile", input: "a blank name", code: "invalid", fields: "name", says: "Your name is required",
			call: func(t *testing.T, b *bench) error { _, err := b.ws.CreateProfile("   ", false); return err }},
		{method: "Workspace.CreateProfile", input: "a name already taken", code: "conflict", says: `Profile "Riley Chen" already exists.`,
			call: func(t *testing.T, b *bench) error { _, err := b.ws.CreateProfile("Riley Chen", false); return err }},
		{method: "Workspace.SwitchProfile", input: "an unknown profile", code: "not_found", says: "profile 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.ws.SwitchProfile(999999, ""); return err }},
		{method: "Workspace.SwitchProfile", input: "a wrong passphrase", code: "invalid", fields: "passphrase", says: "That passphrase is not right",
			call: func(t *testing.T, b *bench) error {
				if _, err := b.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
					t.Fatal(err)
				}
				defer b.ws.RemovePassphrase("blue heron at dawn")
				_, err := b.ws.SwitchProfile(b.riley.ID, "grey heron at noon")
				return err
			}},
		{method: "Workspace.SetPassphrase", input: "a passphrase too short", code: "invalid", fields: "passphrase", says: "at least 8 characters",
			call: func(t *testing.T, b *bench) error { _, err := b.ws.SetPassphrase("", "abc"); return err }},
		{method: "Workspace.RemovePassphrase", input: "the wrong current passphrase", code: "invalid", fields: "current", says: "That passphrase is not right",
			call: func(t *testing.T, b *bench) error {
				if _, err := b.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
					t.Fatal(err)
				}
				defer b.ws.RemovePassphrase("blue heron at dawn")
				_, err := b.ws.RemovePassphrase("grey heron at noon")
				return err
			}},
	}
}
