// Tests where an ATS export's rows go: the Job and Current Stage columns
// guessed, matched to roles and stages ignoring case, unknown names answered
// or left to their defaults (skip the job, the role's first stage), and the
// counts and skip reasons the preview, button and result share.

package importer

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

func TestGuessJobAndStageColumns(t *testing.T) {
	tests := []struct {
		headers    []string
		job, stage int
	}{
		{[]string{"Name", "Job", "Current Stage"}, 1, 2},
		{[]string{"Name", "Job Title", "Stage"}, 1, 2},
		{[]string{"Name", "Requisition", "Status"}, 1, 2},
		{[]string{"Name", "Position", "Application Stage"}, 1, 2},
		// "Status" gives way to a stage column wherever it is.
		{[]string{"Name", "Status", "Job", "Current Stage"}, 2, 3},
		// Where someone works now is not the job they applied to.
		{[]string{"Name", "Current Position", "Current Job Title"}, -1, -1},
	}
	for _, tc := range tests {
		m := GuessMapping(tc.headers)
		if m[FieldJob] != tc.job || m[FieldStage] != tc.stage {
			t.Errorf("%q: job → %d, stage → %d; want %d, %d", tc.headers, m[FieldJob], m[FieldStage], tc.job, tc.stage)
		}
	}
}

// pipeline is the default pipeline with stage ids from base.
func pipeline(base int64, roleID int64) []model.Stage {
	names := []string{"Applied", "Screen", "Interview", "Offer", "Hired", "Rejected"}
	out := make([]model.Stage, len(names))
	for i, n := range names {
		kind := model.StageActive
		if n == "Rejected" {
			kind = model.StageRejected
		}
		out[i] = model.Stage{ID: base + int64(i), RoleID: roleID, Name: n, Position: i + 1, Kind: kind}
	}
	return out
}

var atsRoles = []model.Role{
	{ID: 1, Title: "Backend Engineer", Status: model.RoleOpen, Stages: pipeline(10, 1)},
	{ID: 2, Title: "Product Designer", Status: model.RoleOpen, Stages: pipeline(20, 2)},
	{ID: 3, Title: "Data Scientist", Status: model.RoleClosed, Stages: pipeline(30, 3)},
	{ID: 4, Title: "Data Scientist", Status: model.RoleOpen, Stages: pipeline(40, 4)},
	{ID: 5, Title: "SRE", Status: model.RoleOpen, Stages: pipeline(50, 5)},
	{ID: 6, Title: "SRE", Status: model.RoleOnHold, Stages: pipeline(60, 6)},
}

var atsHeaders = []string{"Name", "Email", "Job", "Current Stage"}

func atsTable() Table {
	return Table{Headers: atsHeaders, RowNumbers: []int{2, 3, 4, 5, 6, 7, 8, 9}, Rows: [][]string{
		{"Ada Lovelace", "ada@x.com", "backend engineer", "SCREEN"},
		{"Grace Hopper", "grace@x.com", "Backend Engineer", "Phone screen"},
		{"Alan Turing", "alan@x.com", "Astronaut", "Interview"},
		{"Bad Email", "not-an-email", "Astronaut", ""},
		{"Edsger Dijkstra", "edsger@x.com", "", "Offer"},
		{"Barbara Liskov", "barbara@x.com", "Data Scientist", "Hired"},
		{"Ken Thompson", "ken@x.com", "SRE", ""},
		{"Frances Allen", "frances@x.com", "backend engineer", "phone SCREEN"},
	}}
}

type where struct {
	action         string
	roleID, stage  int64
	role, stageWas string
}

func routes(p Preview) []where {
	out := make([]where, len(p.Rows))
	for i, r := range p.Rows {
		out[i] = where{r.Action, r.RoleID, r.StageID, r.Role, r.Stage}
	}
	return out
}

func TestPlanRoutesRowsByJobAndStage(t *testing.T) {
	p, err := Plan(atsTable(), GuessMapping(atsHeaders), Options{Roles: atsRoles, RoleID: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []where{
		{ActionCreate, 1, 11, "Backend Engineer", "Screen"},  // both matched ignoring case
		{ActionCreate, 1, 10, "Backend Engineer", "Applied"}, // unknown stage: the first one
		{ActionSkip, 0, 0, "", ""},                           // unknown job: skipped until answered
		{ActionSkip, 0, 0, "", ""},                           // …unchecked, so its bad email is no error
		{ActionCreate, 2, 23, "Product Designer", "Offer"},   // no job: the role chosen
		{ActionCreate, 4, 44, "Data Scientist", "Hired"},     // the open one of two titled so
		{ActionSkip, 0, 0, "", ""},                           // two open roles titled SRE: ask
		{ActionCreate, 1, 10, "Backend Engineer", "Applied"},
	}
	if got := routes(p); !slices.Equal(got, want) {
		t.Errorf("routes:\n got %+v\nwant %+v", got, want)
	}
	if p.Counts != (Counts{Rows: 8, Create: 5, Skip: 3, Import: 5}) {
		t.Errorf("counts = %+v", p.Counts)
	}
	if len(p.Errors()) != 0 {
		t.Errorf("errors = %v", p.Errors())
	}
	wantJobs := []JobMatch{
		{Job: "backend engineer", Rows: 3, RoleID: 1, Role: "Backend Engineer", Matched: true},
		{Job: "Astronaut", Rows: 2, Note: "no role has this title"},
		{Job: "Data Scientist", Rows: 1, RoleID: 4, Role: "Data Scientist", Matched: true},
		{Job: "SRE", Rows: 1, Note: "2 roles have this title"},
	}
	if !slices.Equal(p.Jobs, wantJobs) {
		t.Errorf("jobs:\n got %+v\nwant %+v", p.Jobs, wantJobs)
	}
	wantStages := []StageMatch{
		{RoleID: 1, Role: "Backend Engineer", From: "SCREEN", Rows: 1, StageID: 11, To: "Screen", Matched: true},
		{RoleID: 1, Role: "Backend Engineer", From: "Phone screen", Rows: 2, StageID: 10, To: "Applied"},
		{RoleID: 2, Role: "Product Designer", From: "Offer", Rows: 1, StageID: 23, To: "Offer", Matched: true},
		{RoleID: 4, Role: "Data Scientist", From: "Hired", Rows: 1, StageID: 44, To: "Hired", Matched: true},
	}
	if !slices.Equal(p.Stages, wantStages) {
		t.Errorf("stages:\n got %+v\nwant %+v", p.Stages, wantStages)
	}
	wantSkips := []model.ImportSkip{
		{Reason: model.ImportSkipJob, Job: "Astronaut", Words: `job "Astronaut": no role has this title`, Count: 2, Rows: []int{4, 5}},
		{Reason: model.ImportSkipJob, Job: "SRE", Words: `job "SRE": 2 roles have this title`, Count: 1, Rows: []int{8}},
	}
	if len(p.Skips) != len(wantSkips) {
		t.Fatalf("skips = %+v", p.Skips)
	}
	for i, s := range p.Skips {
		w := wantSkips[i]
		if s.Reason != w.Reason || s.Job != w.Job || s.Words != w.Words || s.Count != w.Count || !slices.Equal(s.Rows, w.Rows) {
			t.Errorf("skip %d = %+v, want %+v", i, s, w)
		}
	}
	if p.Rows[2].Skipped != `job "Astronaut": no role has this title` {
		t.Errorf("row 4 skipped because %q", p.Rows[2].Skipped)
	}
}

func TestPlanAnswersForJobsAndStages(t *testing.T) {
	opts := Options{Roles: atsRoles, RoleID: 2,
		Jobs: []JobChoice{{Job: "ASTRONAUT", RoleID: 2}, {Job: "sre", RoleID: 0}, {Job: "Backend Engineer", RoleID: 2}},
		Stages: []StageChoice{
			{RoleID: 1, From: "phone screen", To: "screen"},
			{RoleID: 0, From: "Interview", To: "Offer"}, // only for stages a role lacks: Interview matches
		}}
	p, err := Plan(atsTable(), GuessMapping(atsHeaders), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []where{
		{ActionCreate, 1, 11, "Backend Engineer", "Screen"},
		{ActionCreate, 1, 11, "Backend Engineer", "Screen"}, // answered
		{ActionCreate, 2, 22, "Product Designer", "Interview"},
		{ActionError, 2, 20, "Product Designer", "Applied"},
		{ActionCreate, 2, 23, "Product Designer", "Offer"},
		{ActionCreate, 4, 44, "Data Scientist", "Hired"},
		{ActionSkip, 0, 0, "", ""}, // skipped as answered
		{ActionCreate, 1, 11, "Backend Engineer", "Screen"},
	}
	if got := routes(p); !slices.Equal(got, want) {
		t.Errorf("routes:\n got %+v\nwant %+v", got, want)
	}
	if p.Counts != (Counts{Rows: 8, Create: 6, Skip: 1, Error: 1, Import: 6}) {
		t.Errorf("counts = %+v", p.Counts)
	}
	if j := p.Jobs[1]; j.Job != "Astronaut" || j.RoleID != 2 || j.Role != "Product Designer" || j.Matched {
		t.Errorf("answered job = %+v", j)
	}
	if j := p.Jobs[0]; j.RoleID != 1 {
		t.Errorf("an answer overrode a matched title: %+v", j)
	}
	if s := p.Stages[1]; s.From != "Phone screen" || s.To != "Screen" || !s.Chosen || s.Matched {
		t.Errorf("answered stage = %+v", s)
	}
	if errs := p.Errors(); len(errs) != 1 || errs[0].String() != `row 5, column "Email": "not-an-email" is not a valid email address` {
		t.Errorf("errors = %v", errs)
	}

	// The command line's answer for every role: each role's stage of that name.
	p, err = Plan(atsTable(), GuessMapping(atsHeaders), Options{Roles: atsRoles, RoleID: 2,
		Stages: []StageChoice{{From: "Phone Screen", To: "interview"}}})
	if err != nil || p.Rows[1].StageID != 12 || p.Rows[7].Stage != "Interview" {
		t.Errorf("answer for every role: %+v, %v", routes(p), err)
	}
}

func TestPlanWithoutJobColumn(t *testing.T) {
	headers := []string{"Name", "Stage"}
	tb := table(headers, []string{"Ada", "screen"}, []string{"Grace", ""}, []string{"Alan", "Sourced"})
	p, err := Plan(tb, GuessMapping(headers), Options{Roles: atsRoles, RoleID: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []where{
		{ActionCreate, 1, 11, "Backend Engineer", "Screen"},
		{ActionCreate, 1, 10, "Backend Engineer", "Applied"},
		{ActionCreate, 1, 10, "Backend Engineer", "Applied"},
	}
	if got := routes(p); !slices.Equal(got, want) {
		t.Errorf("routes = %+v", got)
	}
	if len(p.Stages) != 2 || p.Stages[1].From != "Sourced" || p.Stages[1].Matched || p.Stages[1].To != "Applied" {
		t.Errorf("stages = %+v", p.Stages)
	}
	// No role chosen yet: the rows wait for the one given at commit.
	p, err = Plan(tb, GuessMapping(headers), Options{Roles: atsRoles})
	if err != nil || p.Rows[0].RoleID != 0 || p.Rows[0].StageID != 0 || p.Rows[0].FileStage != "screen" || p.Counts.Import != 3 {
		t.Errorf("no role: %+v, %v", p.Rows[0], err)
	}
}

func TestPlanJobColumnWithoutRole(t *testing.T) {
	p, err := Plan(atsTable(), GuessMapping(atsHeaders), Options{Roles: atsRoles})
	if err != nil {
		t.Fatal(err)
	}
	errs := p.Errors()
	if len(errs) != 1 || errs[0].String() != `row 6, column "Job": no job is named, and no role was chosen for rows without one` {
		t.Errorf("errors = %v", errs)
	}
}

func TestPlanRefusesAnswersThatCannotBeKept(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		field    string
		mentions []string
	}{
		{"unknown role", Options{RoleID: 99}, "roleId", []string{"Role 99 does not exist"}},
		{"job to an unknown role", Options{Jobs: []JobChoice{{Job: "Astronaut", RoleID: 99}}}, "jobs", []string{`"Astronaut"`, "role 99"}},
		{"stage of an unknown role", Options{Stages: []StageChoice{{RoleID: 99, From: "Phone screen", To: "Screen"}}}, "stages", []string{"role 99"}},
		{"no such stage in the role", Options{Stages: []StageChoice{{RoleID: 1, From: "Phone screen", To: "Call"}}}, "stages",
			[]string{`"Phone screen"`, `role "Backend Engineer" has no stage "Call"`, "Applied, Screen"}},
		{"no such stage in a role of the file", Options{RoleID: 2, Stages: []StageChoice{{From: "phone screen", To: "Call"}}}, "stages",
			[]string{`role "Backend Engineer" has no stage "Call"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Roles = atsRoles
			_, err := Plan(atsTable(), GuessMapping(atsHeaders), tc.opts)
			var ve *model.ValidationError
			if !errors.As(err, &ve) || ve.Fields[0].Field != tc.field {
				t.Fatalf("err = %v, want one on %q", err, tc.field)
			}
			for _, m := range tc.mentions {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("%q does not mention %q", err, m)
				}
			}
		})
	}
}

func TestPlanSkipReasonsForDuplicates(t *testing.T) {
	headers := []string{"Name", "Email"}
	tb := table(headers, []string{"Ada", "ada@x.com"}, []string{"Bob", "bob@x.com"}, []string{"Cat", "cat@x.com"})
	p, err := Plan(tb, GuessMapping(headers), Options{ExistingEmails: map[string]int64{"ada@x.com": 1, "cat@x.com": 3}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts != (Counts{Rows: 3, Create: 1, Skip: 2, Import: 1}) {
		t.Errorf("counts = %+v", p.Counts)
	}
	if len(p.Skips) != 1 || p.Skips[0].Reason != model.ImportSkipOnFile || p.Skips[0].Count != 2 || !slices.Equal(p.Skips[0].Rows, []int{2, 4}) ||
		p.Skips[0].Words != "email already here (duplicates are skipped)" {
		t.Errorf("skips = %+v", p.Skips)
	}
}

// The preview says which rows arrive rejected, and with what reason.
func TestStageMatchNamesTheRejectionReason(t *testing.T) {
	headers := []string{"Name", "Email", "Job", "Current Stage"}
	tb := Table{Headers: headers, Rows: [][]string{
		{"Joan Clarke", "joan@example.com", "Backend Engineer", "rejected"},
		{"Ada Lovelace", "ada@example.com", "Backend Engineer", "Offer"},
	}}
	p, err := Plan(tb, GuessMapping(headers), Options{Roles: atsRoles})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, st := range p.Stages {
		reasons[st.To] = st.Reason
	}
	if reasons["Rejected"] != "imported as rejected" || reasons["Offer"] != "" || len(reasons) != 2 {
		t.Errorf("stage reasons %q", reasons)
	}
}
