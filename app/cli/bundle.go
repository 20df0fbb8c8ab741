// The `bundle export` and `bundle import` commands: write a workspace bundle (all of
// it, or one profile's scorecards) and merge one in, printing what changed.

package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"hirebench/app/bundle"
	"hirebench/app/files"
	"hirebench/app/model"
)

// appVersion is the app version recorded in exported bundles: Run's
// version argument, else the module's build version.
func (c *command) appVersion() string {
	if c.version != "" {
		return c.version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "unknown"
}

// parseMixed parses flags that may come before or after positional
// arguments (`bundle import FILE --json`) and returns the positional ones.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

// resolveProfile finds a profile by id or name (case-insensitive).
func (c *command) resolveProfile(ref string) (model.Profile, error) {
	ref = strings.TrimSpace(ref)
	list, err := c.svc.Profiles(c.ctx)
	if err != nil {
		return model.Profile{}, err
	}
	id, _ := strconv.ParseInt(ref, 10, 64)
	names := make([]string, 0, len(list))
	for _, p := range list {
		if p.ID == id || strings.EqualFold(p.Name, ref) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return model.Profile{}, fmt.Errorf("no profile %q: this workspace has no profiles yet: %w", ref, model.ErrNotFound)
	}
	return model.Profile{}, fmt.Errorf("no profile %q (profiles here: %s): %w", ref, strings.Join(names, ", "), model.ErrNotFound)
}

// bundleExport writes a bundle file: the whole workspace, or with --mine one
// interviewer's submitted scorecards and what they refer to. The file is
// written beside its destination and renamed into place, so a failed
// export never leaves half a bundle.
func (c *command) bundleExport(args []string) error {
	fs := newFlags("bundle export")
	out := fs.String("out", "", "bundle file to write (required)")
	mine := fs.String("mine", "", "only this profile's submitted scorecards (profile id or name)")
	noCards := fs.Bool("no-scorecards", false, "leave scorecards out (to set up an interviewer's laptop)")
	noFiles := fs.Bool("no-attachments", false, "leave candidates' files out")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{fmt.Errorf("give --out FILE")}
	}
	if err := c.checkOut(*out); err != nil {
		return err
	}
	opts := bundle.ExportOptions{AppVersion: c.appVersion(), NoScorecards: *noCards, NoAttachments: *noFiles}
	if *mine != "" {
		p, err := c.resolveProfile(*mine)
		if err != nil {
			return err
		}
		opts.AuthorID = p.ID
	}
	dest, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	var sum bundle.Summary
	err = c.save(*out, func(w io.Writer) error {
		var err error
		sum, err = c.bundles.ExportBundle(c.ctx, w, opts, c.owner)
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, sum)
	}
	what := "workspace"
	if sum.Scope == bundle.ScopeScorecards {
		what = "scorecards of " + sum.Author
	}
	fmt.Fprintf(c.out, "wrote %s (%s, %d bytes): %s\n", dest, what, sum.Bytes, sum.Counts)
	for _, s := range sum.Skipped {
		fmt.Fprintf(c.out, "left out: %s\n", s)
	}
	return nil
}

// bundleImport merges a bundle file into the workspace and prints what was
// created, what was already here, the conflicts (local kept) and anything
// refused. A scorecard that does not match its hash refuses the whole
// bundle unless --skip-tampered.
func (c *command) bundleImport(args []string) error {
	fs := newFlags("bundle import")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	skip := fs.Bool("skip-tampered", false, "import the rest when some scorecards do not match their hash")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{fmt.Errorf("give exactly one bundle FILE")}
	}
	f, st, err := files.OpenRegular(pos[0])
	if err != nil {
		return files.Refusal(pos[0], "bundles", 0, err)
	}
	defer f.Close()
	rep, err := c.bundles.ImportBundle(c.ctx, f, st.Size(), c.by, c.owner, bundle.ImportOptions{SkipTampered: *skip})
	if err != nil {
		return aboutFile(pos[0], err)
	}
	if *asJSON {
		return writeJSON(c.out, rep)
	}
	printReport(c.out, pos[0], rep)
	return nil
}

func printReport(w io.Writer, file string, rep bundle.ImportReport) {
	what := "workspace bundle"
	if rep.Scope == bundle.ScopeScorecards {
		what = "scorecards of " + rep.Author
	}
	fmt.Fprintf(w, "imported %s (%s, made %s by hirebench %s)\n", file, what, rep.CreatedAt, rep.AppVersion)
	fmt.Fprintf(w, "created:   %s\n", rep.Created)
	fmt.Fprintf(w, "unchanged: %s\n", rep.Unchanged)
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(w, "%s (%d):\n", title, len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  - %s\n", it)
		}
	}
	list("conflicts, local kept", rep.Conflicts)
	list("refused", rep.Refused)
	list("notes", rep.Notes)
}
