// Plans a candidate-file import: each row normalised and checked, then marked to
// create, merge, skip or fail with an error naming its row and column.

package importer

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"hirebench/app/model"
)

// Duplicate policies: what to do with a row whose email is already on file.
const (
	PolicySkip  = "skip"  // leave the existing candidate alone
	PolicyMerge = "merge" // fill their empty fields, add tags, the application and the notes
)

// Row actions.
const (
	ActionCreate = "create"
	ActionMerge  = "merge"
	ActionSkip   = "skip"
	ActionError  = "error"
)

// Options steer Plan.
type Options struct {
	// DuplicatePolicy is PolicySkip (the default when empty) or PolicyMerge.
	DuplicatePolicy string `json:"duplicatePolicy"`
	// ExistingEmails maps lowercased emails already on file to their
	// candidate's id; the service fills it from the workspace.
	ExistingEmails map[string]int64 `json:"-"`
	// Sheet chooses a workbook's sheet by name ("" = the first). Plan
	// ignores it; the service passes it to ReadSheet.
	Sheet string `json:"sheet"`
	// RoleID is the role rows apply to when the file names no job (0: the
	// one given at commit); Roles are the workspace's roles with their
	// stages, which the service fills in.
	RoleID int64        `json:"roleId"`
	Roles  []model.Role `json:"-"`
	// Jobs and Stages answer the job titles and stage names that match no
	// role or stage.
	Jobs   []JobChoice   `json:"jobs"`
	Stages []StageChoice `json:"stages"`
}

// CellError is one problem with one row, pointing at the file's row and
// the header of the column the value came from.
type CellError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// String reads `row 7, column "Email": "x" is not a valid email address`.
func (e CellError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("row %d, column %q: %s", e.Row, e.Column, e.Message)
}

// PreviewRow is what will happen to one data row.
type PreviewRow struct {
	Row   int                  `json:"row"`
	Input model.CandidateInput `json:"input"`
	// Notes is the row's notes column, saved as a note signed by the importer.
	Notes  string `json:"notes"`
	Action string `json:"action"`
	// ExistingID is the candidate already holding the email (merge, skip).
	ExistingID int64       `json:"existingId"`
	Errors     []CellError `json:"errors"`
	// Skipped says why a skipped row is left alone.
	Skipped string `json:"skipped"`
	// Job and FileStage are the row's job and stage as the file names them;
	// RoleID and StageID where it goes (0: the role chosen at commit, and
	// its first stage), Role and Stage their names.
	Job       string `json:"job"`
	FileStage string `json:"fileStage"`
	RoleID    int64  `json:"roleId"`
	Role      string `json:"role"`
	StageID   int64  `json:"stageId"`
	Stage     string `json:"stage"`
}

// Counts are the one tally of an import's rows: the preview, the import
// button and the result all show these numbers.
type Counts struct {
	Rows   int `json:"rows"`
	Create int `json:"create"`
	Merge  int `json:"merge"`
	Skip   int `json:"skip"`
	Error  int `json:"error"`
	// Import is what an import saves: Create + Merge (rows with errors
	// never are; with them the import is refused unless they are left out).
	Import int `json:"import"`
}

// Preview is the plan of an import, shown before anything is saved.
type Preview struct {
	Headers []string     `json:"headers"`
	Mapping Mapping      `json:"mapping"`
	Policy  string       `json:"policy"`
	Rows    []PreviewRow `json:"rows"`
	Counts  Counts       `json:"counts"`
	// Skips says why rows are skipped, one entry per reason.
	Skips []model.ImportSkip `json:"skips"`
	// Jobs and Stages list the file's job titles and stage names (the
	// first MaxListed; More… counts the rest) and where their rows go.
	Jobs       []JobMatch   `json:"jobs"`
	MoreJobs   int          `json:"moreJobs"`
	Stages     []StageMatch `json:"stages"`
	MoreStages int          `json:"moreStages"`
}

// Errors lists every row error, in file order.
func (p Preview) Errors() []CellError {
	var out []CellError
	for _, r := range p.Rows {
		out = append(out, r.Errors...)
	}
	return out
}

// MappingPath is where a problem with a field's column is reported:
// "mapping.email", so a form shows it next to that field's column.
func MappingPath(field string) string { return "mapping." + field }

// fieldWords is a field's name in a sentence: "first name".
func fieldWords(field string) string { return strings.ReplaceAll(field, "_", " ") }

// CheckMapping refuses a mapping that cannot be used with these headers:
// an unknown field (on "mapping"), a column out of range, one column mapped
// twice (on both fields), or no column for the candidate's name (on the
// name). A field's problem is on its MappingPath.
func CheckMapping(headers []string, m Mapping) error {
	v := &model.ValidationError{}
	used := map[int]string{}
	for _, f := range slices.Sorted(maps.Keys(m)) {
		i := m[f]
		switch {
		case !slices.Contains(Fields, f):
			v.Add("mapping", "%q is not a field that can be imported (fields: %s)", f, strings.Join(Fields, ", "))
		case i == -1:
		case i < -1 || i >= len(headers):
			v.Add(MappingPath(f), "%s is mapped to column %d, but the file has %d columns", fieldWords(f), i+1, len(headers))
		case used[i] != "":
			both := fmt.Sprintf("column %q is mapped to both %s and %s", headers[i], fieldWords(used[i]), fieldWords(f))
			v.Add(MappingPath(used[i]), "%s", both)
			v.Add(MappingPath(f), "%s", both)
		default:
			used[i] = f
		}
	}
	if m.Col(FieldName) < 0 && m.Col(FieldFirstName) < 0 && m.Col(FieldLastName) < 0 {
		v.Add(MappingPath(FieldName), "no column is mapped to the candidate's name (or to first and last name); the headers are: %s",
			quoteList(headers))
	}
	return v.Err()
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// modelFields maps model validation field names to import fields.
var modelFields = map[string]string{
	"name": FieldName, "email": FieldEmail, "phone": FieldPhone, "location": FieldLocation,
	"source": FieldSource, "linkedIn": FieldLinkedIn, "gitHub": FieldGitHub, "portfolio": FieldPortfolio,
	"resumeText": FieldResume, "tags": FieldTags,
}

// splitTags splits a tags cell on commas, semicolons, pipes and line breaks.
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' || r == '\r' })
}

// Plan turns each row into a candidate, normalised and checked with the same
// rules as the candidate form, and decides its action and where it goes
// (targets.go). A row whose job is skipped is left alone unchecked. A row
// whose email is on file is merged or skipped per the policy; an email seen
// on an earlier row of the file makes the later row an error.
func Plan(t Table, m Mapping, opts Options) (Preview, error) {
	policy := opts.DuplicatePolicy
	if policy == "" {
		policy = PolicySkip
	}
	if policy != PolicySkip && policy != PolicyMerge {
		return Preview{}, model.Invalid("duplicates", "duplicates must be %q or %q (got %q)", PolicySkip, PolicyMerge, policy)
	}
	if err := CheckMapping(t.Headers, m); err != nil {
		return Preview{}, err
	}
	ts, err := newTargets(opts)
	if err != nil {
		return Preview{}, err
	}
	full := Mapping{}
	for _, f := range Fields {
		full[f] = m.Col(f)
	}
	column := func(f string) string {
		if i := full[f]; i >= 0 {
			return t.Headers[i]
		}
		return ""
	}
	nameColumn := func() string {
		for _, f := range []string{FieldName, FieldFirstName, FieldLastName} {
			if c := column(f); c != "" {
				return c
			}
		}
		return ""
	}

	p := Preview{Headers: t.Headers, Mapping: full, Policy: policy, Rows: make([]PreviewRow, 0, len(t.Rows))}
	var skipped skips
	firstRow := map[string]int{} // email → first file row holding it
	for i, cells := range t.Rows {
		rowNo := i + 2
		if i < len(t.RowNumbers) {
			rowNo = t.RowNumbers[i]
		}
		get := func(f string) string {
			if c := full[f]; c >= 0 && c < len(cells) {
				return cells[c]
			}
			return ""
		}
		pr := PreviewRow{Row: rowNo, Errors: []CellError{}}
		fail := func(field, col, format string, args ...any) {
			pr.Errors = append(pr.Errors, CellError{Row: rowNo, Column: col, Field: field, Message: fmt.Sprintf(format, args...)})
		}

		name := get(FieldName)
		nameCol := column(FieldName)
		if model.OneLine(name) == "" {
			name = get(FieldFirstName) + " " + get(FieldLastName)
			nameCol = nameColumn()
		}
		c := model.CandidateInput{Name: name, Email: get(FieldEmail), Phone: get(FieldPhone), Location: get(FieldLocation),
			LinkedIn: get(FieldLinkedIn), GitHub: get(FieldGitHub), Portfolio: get(FieldPortfolio), Source: get(FieldSource),
			ResumeText: get(FieldResume), Tags: splitTags(get(FieldTags))}
		c.Normalize()
		pr.Input = c
		pr.Job, pr.FileStage = model.OneLine(get(FieldJob)), model.OneLine(get(FieldStage))
		rt := ts.route(full[FieldJob] >= 0, pr.Job, pr.FileStage)
		if rt.skip {
			pr.Action, pr.Skipped = ActionSkip, rt.why
			skipped.add(rowNo, model.ImportSkipJob, pr.Job, rt.why)
			p.Counts.Skip++
			p.Rows = append(p.Rows, pr)
			continue
		}
		if rt.role != nil {
			pr.RoleID, pr.Role = rt.role.ID, rt.role.Title
		}
		if rt.stage != nil {
			pr.StageID, pr.Stage = rt.stage.ID, rt.stage.Name
		}
		if rt.err != "" {
			fail(rt.field, column(rt.field), "%s", rt.err)
		}

		if err := c.Validate(); err != nil {
			for _, fe := range fieldErrors(err) {
				f := modelFields[fe.Field]
				col := column(f)
				if f == FieldName {
					col = nameCol
				}
				fail(f, col, "%s", fe.Message)
			}
		}
		if raw := model.MultiLine(get(FieldNotes)); raw != "" {
			body, err := model.NoteBody(raw)
			if err != nil {
				for _, fe := range fieldErrors(err) {
					fail(FieldNotes, column(FieldNotes), "%s", fe.Message)
				}
			}
			pr.Notes = body
		}
		if c.Email != "" && model.ValidEmail(c.Email) {
			if first, ok := firstRow[c.Email]; ok {
				fail(FieldEmail, column(FieldEmail), "email %s already appears on row %d", c.Email, first)
			} else {
				firstRow[c.Email] = rowNo
			}
		}

		switch id, onFile := opts.ExistingEmails[c.Email]; {
		case len(pr.Errors) > 0:
			pr.Action = ActionError
			p.Counts.Error++
		case c.Email != "" && onFile:
			pr.ExistingID = id
			if policy == PolicyMerge {
				pr.Action = ActionMerge
				p.Counts.Merge++
			} else {
				pr.Action, pr.Skipped = ActionSkip, onFileWords
				skipped.add(rowNo, model.ImportSkipOnFile, "", onFileWords)
				p.Counts.Skip++
			}
		default:
			pr.Action = ActionCreate
			p.Counts.Create++
		}
		p.Rows = append(p.Rows, pr)
	}
	if err := ts.problems.Err(); err != nil {
		return Preview{}, err
	}
	p.Counts.Rows, p.Counts.Import = len(p.Rows), p.Counts.Create+p.Counts.Merge
	p.Skips = skipped.out()
	p.Jobs, p.MoreJobs = listed(ts.jobList)
	p.Stages, p.MoreStages = listed(ts.stageList)
	return p, nil
}

// onFileWords says why a duplicate is skipped.
const onFileWords = "email already here (duplicates are skipped)"

func fieldErrors(err error) []model.FieldError {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return []model.FieldError{{Message: err.Error()}}
}
