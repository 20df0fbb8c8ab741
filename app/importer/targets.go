// Where each row goes: an ATS export's Job and Current Stage columns matched
// to the workspace's roles and their stages, with the user's answers for the
// names that match none. Roles are never created here.

package importer

import (
	"fmt"
	"strings"

	"hirebench/app/model"
)

// MaxListed caps the job titles and stage names a preview lists (a hostile
// file may name thousands); the others still go where the rules say.
const MaxListed = 200

// maxSkipRows caps the row numbers listed for one reason rows are skipped.
const maxSkipRows = 20

// JobChoice answers a job title of the file that names no role: the role
// its rows go to, or 0 to skip them.
type JobChoice struct {
	Job    string `json:"job"`
	RoleID int64  `json:"roleId"`
}

// StageChoice answers a stage name of the file that is not one of its
// role's stages: the role's stage its rows go to, by name.
type StageChoice struct {
	// RoleID is the role whose rows it answers; 0 answers for every role
	// (the command line's --map-stage).
	RoleID int64  `json:"roleId"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// JobMatch is one job title of the file and where its rows go.
type JobMatch struct {
	Job  string `json:"job"` // as first written in the file
	Rows int    `json:"rows"`
	// RoleID is the role its rows go to, 0 when they are skipped.
	RoleID int64  `json:"roleId"`
	Role   string `json:"role"`
	// Matched is true when one role has this title (ignoring case); else
	// the user chooses a role, and until then its rows are skipped.
	Matched bool `json:"matched"`
	// Note says why it was not matched.
	Note string `json:"note"`
}

// StageMatch is one stage name of the file, for one role, and the stage
// its rows go to.
type StageMatch struct {
	RoleID int64  `json:"roleId"`
	Role   string `json:"role"`
	From   string `json:"from"` // as first written in the file
	Rows   int    `json:"rows"`
	// StageID and To are the role's stage its rows go to.
	StageID int64  `json:"stageId"`
	To      string `json:"to"`
	// Matched: one of the role's stages has this name (ignoring case).
	// Chosen: a StageChoice answered it. Neither: the role's first stage.
	Matched bool `json:"matched"`
	Chosen  bool `json:"chosen"`
	// Reason is the rejection reason its rows are recorded with when the
	// stage is a rejected one (RejectionReason), else "".
	Reason string `json:"reason"`
}

// RejectedReason is the rejection reason of a row imported straight into a
// rejected stage: the file names no reason from the list, and a rejection
// is never recorded without one.
const RejectedReason = "imported as rejected"

// RejectionReason is the reason an application imported into st is
// recorded with: RejectedReason for a rejected stage, else none.
func RejectionReason(st model.Stage) string {
	if st.Kind == model.StageRejected {
		return RejectedReason
	}
	return ""
}

// key compares names the way the user does: ignoring case and spacing.
func key(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// route is where one row goes.
type route struct {
	role  *model.Role // nil: the role chosen at commit
	stage *model.Stage
	skip  bool   // the row's job is skipped
	why   string // why, in words
	// err is a problem with the row's job or stage, for its column.
	field, err string
}

// targets resolves rows' roles and stages and gathers what it matched.
type targets struct {
	byID     map[int64]*model.Role
	def      *model.Role
	jobs     map[string]int64 // key(job) → role id, 0 = skip
	stagesBy map[int64]map[string]string
	anyStage map[string]string // key(from) → to, for every role

	jobList   []*JobMatch
	jobAt     map[string]*JobMatch
	stageList []*StageMatch
	stageAt   map[string]*StageMatch // role id + key(from)
	problems  *model.ValidationError
}

// newTargets checks the options' role and answers against the roles.
func newTargets(opts Options) (*targets, error) {
	ts := &targets{byID: map[int64]*model.Role{}, jobs: map[string]int64{}, stagesBy: map[int64]map[string]string{},
		anyStage: map[string]string{}, jobAt: map[string]*JobMatch{}, stageAt: map[string]*StageMatch{},
		problems: &model.ValidationError{}}
	for i := range opts.Roles {
		ts.byID[opts.Roles[i].ID] = &opts.Roles[i]
	}
	v := &model.ValidationError{}
	if opts.RoleID != 0 {
		if ts.def = ts.byID[opts.RoleID]; ts.def == nil {
			v.Add("roleId", "role %d does not exist", opts.RoleID)
		}
	}
	for _, c := range opts.Jobs {
		if c.RoleID != 0 && ts.byID[c.RoleID] == nil {
			v.Add("jobs", "job %q: role %d does not exist", clipHeader(c.Job), c.RoleID)
			continue
		}
		ts.jobs[key(c.Job)] = c.RoleID
	}
	for _, c := range opts.Stages {
		switch r := ts.byID[c.RoleID]; {
		case c.RoleID == 0:
			ts.anyStage[key(c.From)] = c.To
		case r == nil:
			v.Add("stages", "stage %q: role %d does not exist", clipHeader(c.From), c.RoleID)
		case stageNamed(r, c.To) == nil:
			v.Add("stages", "stage %q: %s", clipHeader(c.From), noStage(r, c.To))
		default:
			if ts.stagesBy[c.RoleID] == nil {
				ts.stagesBy[c.RoleID] = map[string]string{}
			}
			ts.stagesBy[c.RoleID][key(c.From)] = c.To
		}
	}
	return ts, v.Err()
}

func stageNamed(r *model.Role, name string) *model.Stage {
	for i := range r.Stages {
		if key(r.Stages[i].Name) == key(name) {
			return &r.Stages[i]
		}
	}
	return nil
}

func firstStage(r *model.Role) *model.Stage {
	for i := range r.Stages {
		if r.Stages[i].Kind == model.StageActive {
			return &r.Stages[i]
		}
	}
	return nil
}

func noStage(r *model.Role, name string) string {
	names := make([]string, len(r.Stages))
	for i, st := range r.Stages {
		names[i] = st.Name
	}
	return fmt.Sprintf("role %q has no stage %q (its stages: %s)", r.Title, clipHeader(name), strings.Join(names, ", "))
}

// roleTitled finds the role a job title names: the one role with that
// title, ignoring case, or the one of them that is not closed.
func (ts *targets) roleTitled(job string) (*model.Role, string) {
	var all, live []*model.Role
	for _, r := range ts.byID {
		if key(r.Title) == key(job) {
			all = append(all, r)
			if r.Status != model.RoleClosed {
				live = append(live, r)
			}
		}
	}
	switch {
	case len(all) == 1:
		return all[0], ""
	case len(live) == 1:
		return live[0], ""
	case len(all) == 0:
		return nil, "no role has this title"
	default:
		return nil, fmt.Sprintf("%d roles have this title", len(all))
	}
}

// job returns the role a job title's rows go to (nil: skipped) and its
// match, counting the row.
func (ts *targets) job(job string) (*model.Role, *JobMatch) {
	k := key(job)
	m := ts.jobAt[k]
	if m == nil {
		m = &JobMatch{Job: job}
		r, note := ts.roleTitled(job)
		if id, answered := ts.jobs[k]; answered && r == nil {
			r = ts.byID[id] // nil when skipped
		}
		if r != nil {
			m.RoleID, m.Role = r.ID, r.Title
		}
		m.Matched, m.Note = note == "", note
		ts.jobAt[k] = m
		ts.jobList = append(ts.jobList, m)
	}
	m.Rows++
	return ts.byID[m.RoleID], m
}

// stage returns the stage of role r a file's stage name goes to, counting
// the row; an answer naming no stage of r is a problem of the whole plan.
func (ts *targets) stage(r *model.Role, name string) *model.Stage {
	k := fmt.Sprintf("%d/%s", r.ID, key(name))
	if m := ts.stageAt[k]; m != nil {
		m.Rows++
		return stageNamed(r, m.To)
	}
	m := &StageMatch{RoleID: r.ID, Role: r.Title, From: name, Rows: 1}
	st := stageNamed(r, name)
	m.Matched = st != nil
	if st == nil {
		to, ok := ts.stagesBy[r.ID][key(name)]
		if !ok {
			to, ok = ts.anyStage[key(name)]
		}
		if ok {
			if st = stageNamed(r, to); st == nil {
				ts.problems.Add("stages", "stage %q: %s", clipHeader(name), noStage(r, to))
			}
			m.Chosen = st != nil
		}
	}
	if st == nil {
		st = firstStage(r)
	}
	if st != nil {
		m.StageID, m.To, m.Reason = st.ID, st.Name, RejectionReason(*st)
	}
	ts.stageAt[k] = m
	ts.stageList = append(ts.stageList, m)
	return st
}

// route decides where a row goes from its job and stage cells; hasJob
// says whether a column is mapped to the job.
func (ts *targets) route(hasJob bool, job, stage string) route {
	rt := route{role: ts.def}
	if hasJob && job != "" {
		var m *JobMatch
		if rt.role, m = ts.job(job); rt.role == nil {
			rt.skip, rt.why = true, fmt.Sprintf("job %q: %s", clipHeader(job), m.Note)
			return rt
		}
	} else if hasJob && ts.def == nil {
		return route{field: FieldJob, err: "no job is named, and no role was chosen for rows without one"}
	}
	if rt.role == nil {
		return rt // the role is chosen at commit; so is its first stage
	}
	if stage != "" {
		rt.stage = ts.stage(rt.role, stage)
	} else {
		rt.stage = firstStage(rt.role)
	}
	if rt.stage == nil {
		return route{field: FieldJob, err: fmt.Sprintf("role %q has no active stage to import into", rt.role.Title)}
	}
	return rt
}

// skips gathers why rows are skipped, one entry per reason, in file order.
type skips struct {
	list []*model.ImportSkip
	at   map[string]*model.ImportSkip
}

func (s *skips) add(row int, reason, job, words string) {
	k := reason + "/" + key(job)
	e := s.at[k]
	if e == nil {
		if s.at == nil {
			s.at = map[string]*model.ImportSkip{}
		}
		e = &model.ImportSkip{Reason: reason, Job: job, Words: words, Rows: []int{}}
		s.at[k] = e
		s.list = append(s.list, e)
	}
	e.Count++
	if len(e.Rows) < maxSkipRows {
		e.Rows = append(e.Rows, row)
	}
}

func (s *skips) out() []model.ImportSkip {
	out := make([]model.ImportSkip, len(s.list))
	for i, e := range s.list {
		out[i] = *e
	}
	return out
}

// listed caps a list at MaxListed and says how many more there were.
func listed[T any](all []*T) ([]T, int) {
	out := make([]T, 0, min(len(all), MaxListed))
	for _, p := range all[:min(len(all), MaxListed)] {
		out = append(out, *p)
	}
	return out, len(all) - len(out)
}
