// The privacy commands: `candidates erase`, `candidates retention`, `export
// subject` and `privacy audit`, over the same app/privacy service as the
// window. The command line acts as the data folder's owner.

package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"hirebench/app/backup"
	"hirebench/app/model"
	"hirebench/app/privacy"
)

func (c *command) privacy() *privacy.Service {
	return privacy.New(c.store).WithBackups(backup.New(c.store))
}

// candidatesErase erases (or anonymises) the candidate with --email.
func (c *command) candidatesErase(args []string) error {
	fs := newFlags("candidates erase")
	email := fs.String("email", "", "the candidate's email")
	anonymise := fs.Bool("anonymise", false, "keep applications and scores under an anonymous name instead of deleting everything")
	yes := fs.Bool("yes", false, "confirm: this cannot be undone")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" {
		return usageError{fmt.Errorf("give --email EMAIL")}
	}
	action := privacy.Erase
	if *anonymise {
		action = privacy.Anonymise
	}
	if !*yes {
		return usageError{fmt.Errorf("this %ss the candidate for good, here and in the automatic snapshots; add --yes to confirm", action)}
	}
	svc := c.privacy()
	id, err := svc.CandidateByEmail(c.ctx, *email)
	if err != nil {
		return err
	}
	res, err := svc.Erase(c.ctx, id, action, c.actor, c.owner)
	if err != nil {
		return err
	}
	return c.printResult(res, fmt.Sprintf("candidate %d", id), *asJSON)
}

// printResult reports an erasure: what went, the snapshots, and the copies
// outside the data folder that may still hold the people.
func (c *command) printResult(res privacy.Result, who string, asJSON bool) error {
	if asJSON {
		return writeJSON(c.out, res)
	}
	verb := "erased"
	if res.Action == privacy.Anonymise {
		verb = "anonymised"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(res.Counts)) {
		parts = append(parts, fmt.Sprintf("%s %d", strings.ReplaceAll(k, "_", " "), res.Counts[k]))
	}
	fmt.Fprintf(c.out, "%s %s (%s)\n", verb, who, strings.Join(parts, ", "))
	if s := res.Snapshots; !res.NoSnapshots {
		fmt.Fprintf(c.out, "snapshots: %d rewritten, %d deleted, %d never held them\n", s.Rewritten, s.Dropped, s.Unchanged)
	}
	if res.Warning != "" {
		fmt.Fprintln(c.out, "warning: "+res.Warning)
	}
	fmt.Fprintln(c.out, res.Outside)
	return nil
}

// candidatesRetention shows or sets the retention policy, lists who is
// due, and erases or anonymises them all with --yes.
func (c *command) candidatesRetention(args []string) error {
	fs := newFlags("candidates retention")
	asJSON := fs.Bool("json", false, "print JSON")
	set := fs.String("set", "", "set the policy to MONTHS (0 or off turns it off)")
	erase := fs.Bool("erase", false, "erase every candidate listed")
	anonymise := fs.Bool("anonymise", false, "anonymise every candidate listed")
	yes := fs.Bool("yes", false, "confirm --erase or --anonymise")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *erase && *anonymise {
		return usageError{fmt.Errorf("choose --erase or --anonymise, not both")}
	}
	svc := c.privacy()
	if *set != "" {
		months := 0
		if *set != "off" {
			if _, err := fmt.Sscan(*set, &months); err != nil || fmt.Sprint(months) != *set {
				return usageError{fmt.Errorf("--set takes a whole number of months or off, not %q", *set)}
			}
		}
		if err := svc.SetRetention(c.ctx, months, c.owner); err != nil {
			return err
		}
	}
	review, err := svc.Retention(c.ctx)
	if err != nil {
		return err
	}
	if *erase || *anonymise {
		action := privacy.Erase
		if *anonymise {
			action = privacy.Anonymise
		}
		if !*yes {
			return usageError{fmt.Errorf("this %ss %d candidates for good; list them first, then add --yes to confirm", action, len(review.Candidates))}
		}
		if len(review.Candidates) == 0 {
			fmt.Fprintln(c.out, "nobody is due under the retention policy; nothing changed")
			return nil
		}
		ids := make([]int64, len(review.Candidates))
		for i, d := range review.Candidates {
			ids[i] = d.ID
		}
		res, err := svc.ApplyRetention(c.ctx, ids, action, c.actor, c.owner)
		if err != nil {
			return err
		}
		return c.printResult(res, fmt.Sprintf("%d %s due under the retention policy", len(ids), model.Plural(len(ids), "candidate", "candidates")), *asJSON)
	}
	if *asJSON {
		return writeJSON(c.out, review)
	}
	if review.Months == 0 {
		fmt.Fprintln(c.out, "the retention policy is off (set it with --set MONTHS)")
		return nil
	}
	fmt.Fprintf(c.out, "retention policy: %d months; rejected or withdrawn candidates with nothing done since %s are due (%d)\n",
		review.Months, review.Cutoff[:10], len(review.Candidates))
	if len(review.Candidates) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tEMAIL\tLAST ACTIVITY\tAPPLICATIONS")
	for _, d := range review.Candidates {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", d.ID, d.Name, d.Email, d.LastActivity[:10], strings.Join(d.Applications, "; "))
	}
	return tw.Flush()
}

// exportSubject writes everything held about the candidate with --email.
func (c *command) exportSubject(args []string) error {
	fs := newFlags("export subject")
	email := fs.String("email", "", "the candidate's email")
	out := fs.String("out", "", "the zip file to write")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *email == "" || *out == "" {
		return usageError{fmt.Errorf("give --email EMAIL and --out FILE.zip")}
	}
	if err := c.checkOut(*out); err != nil {
		return err
	}
	svc := c.privacy()
	id, err := svc.CandidateByEmail(c.ctx, *email)
	if err != nil {
		return err
	}
	sub, err := svc.GatherSubject(c.ctx, id, c.owner)
	if err != nil {
		return err
	}
	if err := c.save(*out, func(w io.Writer) error { return sub.WriteZip(w) }); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "wrote %s: everything held about candidate %d (%d %s, %d %s)\n", *out, id,
		sub.Records, model.Plural(sub.Records, "record", "records"), sub.Attachments, model.Plural(sub.Attachments, "attachment", "attachments"))
	return nil
}

// privacyAudit lists who erased or anonymised which candidate and when.
func (c *command) privacyAudit(args []string) error {
	fs := newFlags("privacy audit")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := c.privacy().AuditLog(c.ctx, 10_000)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, log)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tACTION\tWHY\tCANDIDATE\tBY\tSNAPSHOTS REWRITTEN\tDELETED")
	for _, a := range log {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%d\n", a.At, a.Action, a.Why, a.CandidateID, a.ActorName, a.Snapshots.Rewritten, a.Snapshots.Dropped)
	}
	return tw.Flush()
}
