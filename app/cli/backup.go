// The `backup` and `restore` commands: save a checked copy of the workspace,
// list or thin the automatic snapshots, and put a backup back (only with --yes).

package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"hirebench/app/backup"
	"hirebench/app/model"
)

// backupSave writes a backup of the workspace to --out.
func (c *command) backupSave(args []string) error {
	fs := newFlags("backup")
	out := fs.String("out", "", "backup file to write (required)")
	asJSON := fs.Bool("json", false, "print what was written as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{fmt.Errorf("give --out FILE")}
	}
	dest, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	svc := backup.New(c.store)
	defer svc.Close()
	saved, err := svc.Backup(c.ctx, dest, *out, c.owner)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, saved)
	}
	fmt.Fprintf(c.out, "wrote %s (%d bytes, schema %d)\n", saved.Path, saved.Bytes, saved.Schema)
	return nil
}

// backupSnapshots lists the automatic snapshots; --keep changes how many are kept.
func (c *command) backupSnapshots(args []string) error {
	fs := newFlags("backup snapshots")
	asJSON := fs.Bool("json", false, "print the snapshots as JSON")
	keep := fs.Int("keep", 0, fmt.Sprintf("keep this many snapshots (1-%d) and remove older ones", backup.MaxKeep))
	if err := parse(fs, args); err != nil {
		return err
	}
	svc := backup.New(c.store)
	defer svc.Close()
	keepSet := false
	fs.Visit(func(f *flag.Flag) { keepSet = keepSet || f.Name == "keep" })
	if keepSet {
		if err := svc.SetKeep(c.ctx, *keep, c.owner); err != nil {
			return err
		}
	}
	list, err := svc.Snapshots()
	if err != nil {
		return err
	}
	n, err := svc.Keep(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, struct {
			Folder    string            `json:"folder"`
			Keep      int               `json:"keep"`
			Snapshots []backup.Snapshot `json:"snapshots"`
		}{svc.Folder(), n, list})
	}
	fmt.Fprintf(c.out, "%s in %s (the newest %d are kept)\n", model.Count(len(list), "snapshot", "snapshots"), svc.Folder(), n)
	if len(list) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTAKEN\tBYTES")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", s.Name, s.Time, s.Bytes)
	}
	return tw.Flush()
}

// restore replaces the workspace with a backup or snapshot FILE. The file is
// checked first; without --yes nothing is replaced and one line says what
// would be.
func (c *command) restore(args []string) error {
	fs := newFlags("restore")
	yes := fs.Bool("yes", false, "replace the workspace (it is kept as a snapshot first)")
	asJSON := fs.Bool("json", false, "print what was restored as JSON")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{fmt.Errorf("give exactly one backup FILE")}
	}
	svc := backup.New(c.store)
	defer svc.Close()
	staged, err := svc.Stage(c.ctx, pos[0], pos[0], c.owner)
	if err != nil {
		return err
	}
	defer staged.Close()
	f := staged.Facts()
	if !*yes {
		return usageError{fmt.Errorf("this would replace the workspace in %s (%s, %s) with %s (%s, %s, schema %d%s); the current workspace would be kept as a snapshot%s; add --yes to restore",
			filepath.Dir(c.store.Path()), model.Count(f.CurrentCandidates, "candidate", "candidates"), model.Count(f.CurrentRoles, "role", "roles"),
			pos[0], model.Count(f.Candidates, "candidate", "candidates"), model.Count(f.Roles, "role", "roles"), f.Schema, upgradeWords(f), againWords(f))}
	}
	res, err := svc.Restore(c.ctx, staged, c.owner, nil)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	fmt.Fprintf(c.out, "restored %s: %s, %s (schema %d%s); the workspace as it was is kept as %s%s\n",
		pos[0], model.Count(res.Candidates, "candidate", "candidates"), model.Count(res.Roles, "role", "roles"), res.Schema, upgradeWords(res.Facts),
		filepath.Join(svc.Folder(), res.KeptAs), againWords(res.Facts))
	return nil
}

// againWords is the clause about the people erased since the file was
// made ("" when none).
func againWords(f backup.Facts) string {
	if f.Again == "" {
		return ""
	}
	return "; " + strings.TrimSuffix(f.Again, ".")
}

func upgradeWords(f backup.Facts) string {
	if f.Upgrade {
		return ", upgraded to this version's"
	}
	return ""
}
