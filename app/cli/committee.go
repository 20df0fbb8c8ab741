// The committee commands: `composite` on any CSV, `debrief` for a role, and
// listing or setting a role's interview-plan weights.

package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// compositeCommand computes composites for any data; it needs no workspace.
func compositeCommand(args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("composite")
	in := fs.String("in", "", "CSV with one row per interviewer × question")
	asJSON := fs.Bool("json", false, "print JSON")
	minCov := fs.Float64("min-coverage", scoring.DefaultCoverageThreshold, "coverage (0–1) needed to rank a candidate")
	if err := parse(fs, args); err != nil {
		return fail(ExitUsage, "composite: %v", err)
	}
	if *in == "" {
		return fail(ExitUsage, "composite: give --in FILE (see 'hirebench help' for its columns)")
	}
	if *minCov < 0 || *minCov > 1 {
		return fail(ExitUsage, "composite: --min-coverage must be between 0 and 1, not %g", *minCov)
	}
	f, err := openInput(*in)
	if err != nil {
		return fail(ExitError, "composite: %s", Describe(err))
	}
	defer f.Close()
	input, err := scoring.ReadCompositeCSV(f)
	if err != nil {
		return fail(ExitError, "composite: %s", inputError(*in, err))
	}
	results := scoring.ComposeAll(input, *minCov)
	if *asJSON {
		out := struct {
			MinCoverage float64                      `json:"min_coverage"`
			Candidates  []scoring.CandidateComposite `json:"candidates"`
		}{*minCov, results}
		if err := writeJSON(stdout, out); err != nil {
			return fail(ExitError, "composite: %v", err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tCANDIDATE\tCOMPOSITE\tCOVERAGE\tUNCERTAINTY")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rankText(r.Rank, r.Composite != nil), r.Candidate, optNum(r.Composite), percent(r.Coverage), r.UncertaintyLabel)
	}
	return errOr(tw.Flush(), fail)
}

func errOr(err error, fail func(int, string, ...any) int) int {
	if err != nil {
		return fail(ExitError, "%v", err)
	}
	return ExitOK
}

func rankText(rank int, scored bool) string {
	switch {
	case rank > 0:
		return strconv.Itoa(rank)
	case scored:
		return "incomplete"
	}
	return "—"
}

// percent shows a share as the app does: whole percent, halves rounded up.
func percent(share float64) string { return fmt.Sprintf("%.0f%%", math.Round(share*100)) }

func optNum(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f", *v)
}

// roleCommand reads the flags of a command that takes only --role and
// --json, and finds the role.
func (c *command) roleCommand(name string, args []string) (model.Role, bool, error) {
	fs := newFlags(name)
	role := fs.String("role", "", "role id or title (see roles list)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return model.Role{}, false, err
	}
	if *role == "" {
		return model.Role{}, false, usageError{fmt.Errorf("give --role ROLE")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	return r, *asJSON, err
}

// debrief prints a role's debrief, as the owner of the workspace sees it.
func (c *command) debrief(args []string) error {
	r, asJSON, err := c.roleCommand("debrief", args)
	if err != nil {
		return err
	}
	d, err := c.iv.CommitteeDebrief(c.ctx, r.ID)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(c.out, d)
	}
	if d.Plan.WeightsNote != "" {
		fmt.Fprintln(c.out, d.Plan.WeightsNote)
	}
	fmt.Fprintln(c.out, "Interviewer agreement:", d.Calibration.BottomLine.Headline, d.Calibration.BottomLine.Basis)
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tCANDIDATE\tSTAGE\tCOMPOSITE\tCOVERAGE\tUNCERTAINTY\tTO DISCUSS")
	for _, cd := range d.Candidates {
		deb := cd.Debrief
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\n", rankText(cd.Rank, deb.Composite != nil), deb.CandidateName, cd.Stage,
			optNum(deb.Composite), percent(deb.Coverage), deb.UncertaintyLabel, deb.Disagreements)
	}
	return tw.Flush()
}

func (c *command) weightsList(args []string) error {
	r, asJSON, err := c.roleCommand("weights list", args)
	if err != nil {
		return err
	}
	p, err := c.iv.Plan(c.ctx, r.ID)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(c.out, p)
	}
	printPlan(c.out, p)
	return nil
}

func printPlan(w io.Writer, p interviews.Plan) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPETENCY\tWEIGHT\tQUESTION\tWEIGHT\tSHARE")
	for _, q := range p.Questions {
		fmt.Fprintf(tw, "%s\t%g\t%s\t%g\t%.1f%%\n", q.CompetencyID, q.CompetencyWeight, q.QuestionID, q.QuestionWeight, q.Effective*100)
	}
	_ = tw.Flush()
	for _, ch := range p.Changes {
		when := "before scoring"
		if ch.AfterScoring {
			when = "after scoring began"
		}
		fmt.Fprintf(w, "%s %s: %s %g → %g (%s) %s\n", ch.ChangedAt, ch.ActorName, ch.Label, ch.Old, ch.New, when, ch.Reason)
	}
	if p.WeightsNote != "" {
		fmt.Fprintln(w, p.WeightsNote)
	}
}

func (c *command) weightsSet(args []string) error {
	fs := newFlags("weights set")
	role := fs.String("role", "", "role id or title")
	comp := fs.String("competency", "", "competency id")
	question := fs.String("question", "", "question id (leave out to set the competency's weight)")
	weight := fs.Float64("weight", 0, "the new weight (> 0)")
	reason := fs.String("reason", "", "why (needed once a scorecard of the role was submitted)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" || *comp == "" {
		return usageError{fmt.Errorf("give --role ROLE, --competency ID and --weight W")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	p, err := c.iv.SetWeights(c.ctx, r.ID, []scoring.WeightEdit{{CompetencyID: *comp, QuestionID: *question, Weight: *weight}}, *reason, c.actor)
	if err != nil {
		return err
	}
	printPlan(c.out, p)
	return nil
}
