// The rubric commands: validate a rubric file, export the built-in one, and list,
// import or export the workspace's rubrics.

package cli

import (
	"errors"
	"fmt"
	"io"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/rubric"
)

// readRubricFile reads a rubric file of at most rubric.MaxFileSize bytes,
// checked before reading.
func readRubricFile(path string) ([]byte, error) {
	data, err := files.ReadLimited(path, rubric.MaxFileSize)
	if err != nil {
		return nil, files.Refusal(path, "rubric files", rubric.MaxFileSize, err)
	}
	return data, nil
}

// rubricValidate needs no workspace: it checks a file and lists every
// problem, one "path: message" per line, so a script or CI can show them.
func rubricValidate(args []string, stdout, stderr io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("rubric validate")
	if err := fs.Parse(args); err != nil {
		return fail(ExitUsage, "rubric validate: %v", err)
	}
	if fs.NArg() != 1 {
		return fail(ExitUsage, "rubric validate: give exactly one FILE")
	}
	path := fs.Arg(0)
	data, err := readRubricFile(path)
	if err != nil {
		return fail(ExitError, "rubric validate: %v", err)
	}
	r, err := rubric.Decode(data, path)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Fprintf(stderr, "%s: %s: %s\n", path, f.Field, f.Message)
		}
		fmt.Fprintf(stderr, "hirebench: rubric validate: %s has %d problem(s)\n", path, len(ve.Fields))
		return ExitError
	}
	if err != nil {
		return fail(ExitError, "rubric validate: %s: %v", path, err)
	}
	questions := 0
	for _, c := range r.Competencies {
		questions += len(c.Questions)
	}
	fmt.Fprintf(stdout, "%s: valid rubric %q (%s, %s, scale %d–%d)\n", path, r.Name,
		model.Count(len(r.Competencies), "competency", "competencies"), model.Count(questions, "question", "questions"), r.Scale.Min, r.Scale.Max)
	return ExitOK
}

func rubricExportBuiltin(args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("rubric export")
	fs.Bool("builtin", true, "the built-in rubric")
	format := fs.String("format", "json", "json or yaml")
	if err := parse(fs, args); err != nil {
		return fail(ExitUsage, "rubric export: %v", err)
	}
	b, err := rubric.Encode(rubric.Builtin(), *format)
	if err != nil {
		return fail(ExitUsage, "rubric export: %v", err)
	}
	stdout.Write(b)
	return ExitOK
}

func (c *command) rubricList(args []string) error {
	fs := newFlags("rubric list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	list, err := c.iv.Rubrics(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, list)
	}
	for _, r := range list {
		state := ""
		if r.Builtin {
			state = " (built-in, read-only)"
		} else if r.ArchivedAt != "" {
			state = " (archived)"
		}
		fmt.Fprintf(c.out, "%d\t%s%s\tv%d\t%d questions\n", r.ID, r.Name, state, r.LatestVersion, r.Questions)
	}
	return nil
}

func (c *command) rubricExport(args []string) error {
	fs := newFlags("rubric export")
	id := fs.Int64("id", 0, "rubric id (see rubric list)")
	format := fs.String("format", "json", "json or yaml")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id == 0 {
		return usageError{fmt.Errorf("give --builtin or --id ID")}
	}
	b, err := c.iv.ExportRubric(c.ctx, *id, *format)
	if err != nil {
		return err
	}
	_, err = c.out.Write(b)
	return err
}

func (c *command) rubricImport(args []string) error {
	fs := newFlags("rubric import")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Errorf("give exactly one FILE")}
	}
	data, err := readRubricFile(fs.Arg(0))
	if err != nil {
		return err
	}
	v, err := c.iv.ImportRubric(c.ctx, data, fs.Arg(0), model.Profile{Name: "command line"})
	if err != nil {
		return aboutFile(fs.Arg(0), err)
	}
	fmt.Fprintf(c.out, "imported rubric %d %q\n", v.RubricID, v.Content.Name)
	return nil
}
