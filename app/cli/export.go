// The `export xlsx` and `export csv` commands: write a role's committee workbook
// or its summary or scorecards CSV.

package cli

import (
	"cmp"
	"fmt"
	"io"

	"hirebench/app/files"
	"hirebench/exports"
)

// export writes a role's committee workbook or a CSV of it.
func (c *command) export(kind string, args []string) error {
	fs := newFlags("export " + kind)
	role := fs.String("role", "", "role id or title (see roles list)")
	out := fs.String("out", "", "file to write")
	sheet := fs.String("sheet", "summary", "csv only: summary or scorecards")
	bom := fs.Bool("bom", false, "csv only: start with a UTF-8 byte-order mark (for Excel)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" || *out == "" {
		return usageError{fmt.Errorf("give --role ROLE and --out FILE")}
	}
	var write func(io.Writer, exports.Committee) error
	switch {
	case kind == "xlsx":
		write = exports.WriteWorkbook
	case kind == "csv" && *sheet == "summary":
		write = func(w io.Writer, cm exports.Committee) error { return exports.WriteSummaryCSV(w, cm, *bom) }
	case kind == "csv" && *sheet == "scorecards":
		write = func(w io.Writer, cm exports.Committee) error { return exports.WriteScorecardsCSV(w, cm, *bom) }
	default:
		return usageError{fmt.Errorf("--sheet must be summary or scorecards, not %q", *sheet)}
	}
	// Refused before the committee is gathered, and again as it is written.
	if err := c.checkOut(*out); err != nil {
		return err
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	cm, err := c.iv.Committee(c.ctx, r.ID, cmp.Or(c.version, "dev"), c.owner)
	if err != nil {
		return err
	}
	if err := c.save(*out, func(w io.Writer) error { return write(w, cm) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "wrote %s: %d candidates, %d scorecard rows (role %q)\n", *out, len(cm.Candidates), len(cm.Scorecards), r.Title)
	return nil
}

// checkOut refuses an --out that names a folder, a device, a pipe or one of
// the workspace's own files (its database and snapshots), in the words of
// files.SaveRefusal.
func (c *command) checkOut(out string) error {
	return files.SaveRefusal(out, files.CheckSaveTarget(out, files.WorkspaceFiles(c.store.Path())))
}

// save writes --out whole or not at all (files.WriteAtomicContext): an
// interrupted command (Ctrl-C cancels c.ctx) leaves no file behind.
func (c *command) save(out string, write func(io.Writer) error) error {
	if err := c.checkOut(out); err != nil {
		return err
	}
	return files.SaveRefusal(out, files.WriteAtomicContext(c.ctx, out, write))
}
