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
	"hirebench/app/tracking"
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
//	import candidates FILE --role R [--dry-run] [--valid-only] [--duplicates skip|merge]
//	                  [--sheet NAME] [--map FIELD=HEADER]... [--json]
//
// It prints the preview (counts, the column mapping and every row error as
// `row N, column "Email": message`). When a row has errors nothing is saved
// and the command fails, unless --valid-only imports the other rows.
// --dry-run saves nothing and fails the same way, so a script can check a file.
func (c *command) importCandidates(args []string) error {
	fs := newFlags("import candidates")
	role := fs.String("role", "", "role id or title every imported candidate applies to (required)")
	dryRun := fs.Bool("dry-run", false, "show what would happen; save nothing")
	validOnly := fs.Bool("valid-only", false, "import the valid rows and leave out the rows with errors")
	dups := fs.String("duplicates", importer.PolicySkip, "a row whose email is on file: skip or merge")
	sheet := fs.String("sheet", "", "the workbook sheet to read (default: the first)")
	var maps multi
	fs.Var(&maps, "map", "FIELD=HEADER: read FIELD from the column HEADER (FIELD= leaves it out; repeatable)")
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
	case strings.TrimSpace(*role) == "":
		return usageError{fmt.Errorf("--role is required")}
	case *dups != importer.PolicySkip && *dups != importer.PolicyMerge:
		return usageError{fmt.Errorf("--duplicates must be skip or merge (got %q)", *dups)}
	}
	path := files[0]

	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	data, err := readCandidateFile(path)
	if err != nil {
		return err
	}
	opts := importer.Options{DuplicatePolicy: *dups, Sheet: *sheet}
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

	report := candidateImportReport{File: path, RoleID: r.ID, DryRun: *dryRun, Preview: p}
	refused := p.Counts.Error > 0 && !*validOnly
	if !refused && !*dryRun {
		res, err := c.svc.CommitImport(c.ctx, p, r.ID, *validOnly, tracking.CommandLine)
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
			res := report.Result
			fmt.Fprintf(c.out, "imported into %q: %d created, %d merged, %d skipped", r.Title, res.Created, res.Merged, res.Skipped-res.Invalid)
			if res.Invalid > 0 {
				fmt.Fprintf(c.out, ", %d with errors left out", res.Invalid)
			}
			fmt.Fprintf(c.out, " (%d new applications, %d notes)\n", res.Applications, res.Notes)
		}
	}
	if refused {
		prefix := ""
		if *dryRun {
			prefix = "dry run: "
		}
		first := p.Errors()[0].String()
		return fmt.Errorf("%s%s: %d of %d rows have errors (first: %s); nothing was imported — fix them, or pass --valid-only to import the %d other rows",
			prefix, filepath.Base(path), p.Counts.Error, len(p.Rows), first, len(p.Rows)-p.Counts.Error)
	}
	return nil
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
	fmt.Fprintf(w, "%s: %d rows: %d to create, %d to merge, %d to skip (email on file), %d with errors\n",
		name, len(p.Rows), c.Create, c.Merge, c.Skip, c.Error)
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
	for _, e := range p.Errors() {
		fmt.Fprintln(w, importErrorLine(e.String()))
	}
}

// importErrorLine keeps each error on its own line even when it quotes raw input.
func importErrorLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
