// The `import candidates` command: preview a CSV or XLSX candidate file, adjust
// its column mapping, and import it or report every row error.

package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"hirebench/app/files"
	"hirebench/app/importer"
	"hirebench/app/model"
)

// candidateImportReport is what `import candidates --json` prints.
type candidateImportReport struct {
	File    string              `json:"file"`
	RoleID  int64               `json:"roleId"`
	DryRun  bool                `json:"dryRun"`
	Preview importer.Preview    `json:"preview"`
	Result  *model.ImportResult `json:"result"`
}

// importCandidates implements
//
//	import candidates FILE [--role R] [--dry-run] [--valid-only] [--duplicates skip|merge]
//	                  [--sheet NAME] [--map FIELD=HEADER]... [--map-job TITLE=ROLE]...
//	                  [--map-stage NAME=STAGE]... [--json]
//
// It prints the preview (counts, the column mapping, where the file's jobs
// and stages go, why rows are skipped and every row error as `row N, column
// "Email": message`). Rows go to the role their Job column names, else to
// --role; a job title that names no role is skipped unless --map-job maps
// it. When a row has errors nothing is saved and the command fails, unless
// --valid-only imports the other rows. --dry-run saves nothing and fails
// the same way, so a script can check a file.
func (c *command) importCandidates(args []string) error {
	fs := newFlags("import candidates")
	role := fs.String("role", "", "role id or title for rows that name no job (required unless the file has a Job column)")
	dryRun := fs.Bool("dry-run", false, "show what would happen; save nothing")
	validOnly := fs.Bool("valid-only", false, "import the valid rows and leave out the rows with errors")
	dups := fs.String("duplicates", importer.PolicySkip, "a row whose email is on file: skip or merge")
	sheet := fs.String("sheet", "", "the workbook sheet to read (default: the first)")
	var maps, jobMaps, stageMaps multi
	fs.Var(&maps, "map", "FIELD=HEADER: read FIELD from the column HEADER (FIELD= leaves it out; repeatable)")
	fs.Var(&jobMaps, "map-job", "TITLE=ROLE: rows whose job is TITLE go to ROLE (id or title); TITLE= skips them (repeatable)")
	fs.Var(&stageMaps, "map-stage", "NAME=STAGE: rows in the file's stage NAME go to their role's stage STAGE (repeatable)")
	asJSON := fs.Bool("json", false, "print the preview and result as JSON")

	// FILE may come before or after the flags.
	var files []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return usageError{err}
		}
		if rest = fs.Args(); len(rest) == 0 {
			break
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	switch {
	case len(files) != 1:
		return usageError{fmt.Errorf("give exactly one FILE (got %d)", len(files))}
	case *dups != importer.PolicySkip && *dups != importer.PolicyMerge:
		return usageError{fmt.Errorf("--duplicates must be skip or merge (got %q)", *dups)}
	}
	path := files[0]
	stages, err := stageChoices(stageMaps)
	if err != nil {
		return err
	}

	var r model.Role
	if strings.TrimSpace(*role) != "" {
		if r, err = c.svc.ResolveRole(c.ctx, *role); err != nil {
			return err
		}
	}
	jobs, err := c.jobChoices(jobMaps)
	if err != nil {
		return err
	}
	data, err := readCandidateFile(path)
	if err != nil {
		return err
	}
	opts := importer.Options{DuplicatePolicy: *dups, Sheet: *sheet, RoleID: r.ID, Jobs: jobs, Stages: stages}
	var mapping *importer.Mapping
	if len(maps) > 0 {
		t, err := importer.ReadSheet(path, data, *sheet)
		if err != nil {
			return err
		}
		m, err := applyColumnMaps(importer.GuessMapping(t.Headers), t.Headers, maps)
		if err != nil {
			return err
		}
		mapping = &m
	}
	p, _, err := c.svc.PreviewImport(c.ctx, path, data, mapping, opts)
	if err != nil {
		return aboutFile(path, err)
	}
	if r.ID == 0 && p.Mapping.Col(importer.FieldJob) < 0 {
		return usageError{fmt.Errorf("--role is required: %s has no Job column saying which role each row applies to", filepath.Base(path))}
	}

	report := candidateImportReport{File: path, RoleID: r.ID, DryRun: *dryRun, Preview: p}
	refused := p.Counts.Error > 0 && !*validOnly
	if !refused && !*dryRun {
		res, err := c.svc.CommitImport(c.ctx, p, r.ID, *validOnly, c.by)
		if err != nil {
			return err
		}
		report.Result = &res
	}

	if *asJSON {
		if err := writeJSON(c.out, report); err != nil {
			return err
		}
	} else {
		printImportPreview(c.out, filepath.Base(path), p)
		switch {
		case refused:
		case *dryRun:
			fmt.Fprintf(c.out, "dry run: nothing saved\n")
		default:
			printImportResult(c.out, r, p.Mapping.Col(importer.FieldJob) >= 0, report.Result)
		}
	}
	if refused {
		prefix := ""
		if *dryRun {
			prefix = "dry run: "
		}
		first := p.Errors()[0].String()
		return fmt.Errorf("%s%s: %d of %d rows have errors (first: %s); nothing was imported — fix them, or pass --valid-only to import only the %s",
			prefix, filepath.Base(path), p.Counts.Error, p.Counts.Rows, first, importPlural(p.Counts.Import, "valid row"))
	}
	return nil
}

// jobChoices turns --map-job TITLE=ROLE into answers; an empty ROLE skips
// the title's rows.
func (c *command) jobChoices(maps []string) ([]importer.JobChoice, error) {
	var out []importer.JobChoice
	for _, kv := range maps {
		title, ref, ok := strings.Cut(kv, "=")
		if title = strings.TrimSpace(title); !ok || title == "" {
			return nil, usageError{fmt.Errorf("--map-job %q: want TITLE=ROLE (TITLE= skips those rows)", kv)}
		}
		ch := importer.JobChoice{Job: title}
		if strings.TrimSpace(ref) != "" {
			r, err := c.svc.ResolveRole(c.ctx, ref)
			if err != nil {
				return nil, fmt.Errorf("--map-job %q: %s", kv, Describe(err))
			}
			ch.RoleID = r.ID
		}
		out = append(out, ch)
	}
	return out, nil
}

// stageChoices turns --map-stage NAME=STAGE into answers for every role.
func stageChoices(maps []string) ([]importer.StageChoice, error) {
	var out []importer.StageChoice
	for _, kv := range maps {
		from, to, _ := strings.Cut(kv, "=")
		if from, to = strings.TrimSpace(from), strings.TrimSpace(to); from == "" || to == "" {
			return nil, usageError{fmt.Errorf("--map-stage %q: want NAME=STAGE, the file's stage name and one of the role's stages", kv)}
		}
		out = append(out, importer.StageChoice{From: from, To: to})
	}
	return out, nil
}

func importPlural(n int, one string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %ss", n, one)
}

func printImportResult(w io.Writer, r model.Role, byJob bool, res *model.ImportResult) {
	into := ""
	if !byJob {
		into = fmt.Sprintf(" into %q", r.Title)
	}
	fmt.Fprintf(w, "imported %s%s: %d created, %d merged, %d skipped", importPlural(res.Imported, "candidate"), into, res.Created, res.Merged, res.Skipped)
	if res.Invalid > 0 {
		fmt.Fprintf(w, ", %d with errors left out", res.Invalid)
	}
	fmt.Fprintf(w, " (%d new applications, %d notes)\n", res.Applications, res.Notes)
}

// aboutFile names the input file an error is about, unless its words
// already do, so that every refusal of a file given on the command line
// (candidates, rubric, bundle) says which file.
func aboutFile(path string, err error) error {
	base := filepath.Base(path)
	if msg := Describe(err); !strings.Contains(msg, base) {
		return errors.New(base + ": " + msg)
	}
	return err
}

// readCandidateFile reads a candidate file of at most importer.MaxFileSize
// bytes, checked before reading, so an endless file is never read.
func readCandidateFile(path string) ([]byte, error) {
	data, err := files.ReadLimited(path, importer.MaxFileSize)
	if err != nil {
		return nil, files.Refusal(path, "imports", importer.MaxFileSize, err)
	}
	return data, nil
}

// applyColumnMaps applies --map FIELD=HEADER overrides; HEADER may also be a
// 1-based column number, and an empty HEADER leaves the field out.
func applyColumnMaps(m importer.Mapping, headers []string, maps []string) (importer.Mapping, error) {
	for _, kv := range maps {
		field, header, ok := strings.Cut(kv, "=")
		field = strings.ToLower(strings.TrimSpace(field))
		if !ok || field == "" {
			return nil, usageError{fmt.Errorf("--map %q: want FIELD=HEADER", kv)}
		}
		if _, known := m[field]; !known {
			return nil, usageError{fmt.Errorf("--map %q: unknown field %q (fields: %s)", kv, field, strings.Join(importer.Fields, ", "))}
		}
		header = strings.TrimSpace(header)
		col := -1
		if header != "" {
			for i, h := range headers {
				if strings.EqualFold(h, header) {
					col = i
					break
				}
			}
			if n, err := strconv.Atoi(header); col < 0 && err == nil && n >= 1 && n <= len(headers) {
				col = n - 1
			}
			if col < 0 {
				return nil, fmt.Errorf("--map %q: the file has no column %q (its columns: %s)", kv, header, strings.Join(headers, ", "))
			}
		}
		// A column read into one field is no longer guessed for another.
		for f, i := range m {
			if col >= 0 && i == col {
				m[f] = -1
			}
		}
		m[field] = col
	}
	return m, nil
}

func printImportPreview(w io.Writer, name string, p importer.Preview) {
	c := p.Counts
	fmt.Fprintf(w, "%s: %d rows: %d to import (%d to create, %d to merge), %d skipped, %d with errors\n",
		name, c.Rows, c.Import, c.Create, c.Merge, c.Skip, c.Error)
	var mapped []string
	used := map[int]bool{}
	for _, f := range importer.Fields {
		if i := p.Mapping.Col(f); i >= 0 && i < len(p.Headers) {
			mapped = append(mapped, fmt.Sprintf("%s ← %q", f, p.Headers[i]))
			used[i] = true
		}
	}
	fmt.Fprintf(w, "columns: %s\n", strings.Join(mapped, ", "))
	var ignored []string
	for i, h := range p.Headers {
		if !used[i] {
			ignored = append(ignored, strconv.Quote(h))
		}
	}
	if len(ignored) > 0 {
		fmt.Fprintf(w, "ignored columns: %s\n", strings.Join(ignored, ", "))
	}
	for _, j := range p.Jobs {
		to := fmt.Sprintf("role %q", j.Role)
		if j.RoleID == 0 {
			to = fmt.Sprintf("skipped: %s (--map-job %s imports them)", j.Note, strconv.Quote(j.Job+"=ROLE"))
		}
		fmt.Fprintln(w, importErrorLine(fmt.Sprintf("job %q (%s) → %s", j.Job, importPlural(j.Rows, "row"), to)))
	}
	if p.MoreJobs > 0 {
		fmt.Fprintf(w, "…and %d more job titles\n", p.MoreJobs)
	}
	for _, st := range p.Stages {
		how := ""
		switch {
		case st.Chosen:
			how = " (as mapped)"
		case !st.Matched:
			how = fmt.Sprintf(" (the first stage: no stage has this name; --map-stage %s chooses another)", strconv.Quote(st.From+"=STAGE"))
		}
		if st.Reason != "" {
			how += fmt.Sprintf(" with the rejection reason %q", st.Reason)
		}
		fmt.Fprintln(w, importErrorLine(fmt.Sprintf("stage %q of role %q (%s) → %q%s", st.From, st.Role, importPlural(st.Rows, "row"), st.To, how)))
	}
	if p.MoreStages > 0 {
		fmt.Fprintf(w, "…and %d more stage names\n", p.MoreStages)
	}
	for _, s := range p.Skips {
		fmt.Fprintln(w, importErrorLine(fmt.Sprintf("skipped %s: %s (%s)", importPlural(s.Count, "row"), s.Words, importRows(s.Rows, s.Count))))
	}
	for _, e := range p.Errors() {
		fmt.Fprintln(w, importErrorLine(e.String()))
	}
}

// importRows names rows by number: "rows 4, 7 and 3 more".
func importRows(rows []int, count int) string {
	s := make([]string, len(rows))
	for i, r := range rows {
		s[i] = strconv.Itoa(r)
	}
	word := "rows "
	if count == 1 {
		word = "row "
	}
	out := word + strings.Join(s, ", ")
	if more := count - len(rows); more > 0 {
		out += fmt.Sprintf(" and %d more", more)
	}
	return out
}

// importErrorLine keeps each error on its own line even when it quotes raw input.
func importErrorLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
