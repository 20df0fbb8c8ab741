// `candidates outcome` records or shows what happened after a hire;
// `validity --role R` is the role's Validity report (app/outcomes,
// gathered by app/interviews), beside `validity --in`, which reads any CSV.

package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"hirebench/app/model"
	"hirebench/app/outcomes"
)

// outcomeFlags names each outcome field by the flag that sets it, so a
// refusal points at what was typed.
var outcomeFlags = map[string]string{"rating90d": "--rating-90d", "rating1y": "--rating-1y", "leftOn": "--left", "regretted": "--regretted"}

func (c *command) candidatesOutcome(args []string) error {
	fs := newFlags("candidates outcome")
	id := fs.String("candidate", "", "the candidate's id")
	role := fs.String("role", "", "role id or title (see roles list)")
	r90 := fs.String("rating-90d", "", "rating at 90 days, 1–5 (none clears it)")
	r1y := fs.String("rating-1y", "", "rating at 1 year, 1–5 (none clears it)")
	left := fs.String("left", "", "the date they left, YYYY-MM-DD (none: still employed)")
	regretted := fs.String("regretted", "", "yes or no: was their leaving regretted")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	cid, err := strconv.ParseInt(*id, 10, 64)
	if err != nil || cid < 1 {
		return usageError{fmt.Errorf("give --candidate ID (a number; see candidates list)")}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var entries []outcomes.Entry
	if !given["rating-90d"] && !given["rating-1y"] && !given["left"] && !given["regretted"] {
		if entries, err = c.iv.Outcomes(c.ctx, cid, c.owner); err != nil {
			return err
		}
		return c.printOutcomes(entries, *asJSON)
	}
	if *role == "" {
		return usageError{fmt.Errorf("give --role ROLE: the role they were hired for")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	if entries, err = c.iv.Outcomes(c.ctx, cid, c.owner); err != nil {
		return err
	}
	// Flags change what is recorded; the rest stays as it was.
	var in outcomes.Input
	for _, e := range entries {
		if e.RoleID == r.ID && e.Outcome != nil {
			in = e.Outcome.Input
		}
	}
	if given["rating-90d"] {
		if in.Rating90d, err = ratingFlag("--rating-90d", *r90); err != nil {
			return err
		}
	}
	if given["rating-1y"] {
		if in.Rating1y, err = ratingFlag("--rating-1y", *r1y); err != nil {
			return err
		}
	}
	if given["left"] {
		in.LeftOn = strings.TrimSpace(*left)
		if strings.EqualFold(in.LeftOn, "none") {
			in.LeftOn, in.Regretted = "", nil
		}
	}
	if given["regretted"] {
		switch strings.ToLower(strings.TrimSpace(*regretted)) {
		case "yes":
			in.Regretted = new(true)
		case "no":
			in.Regretted = new(false)
		default:
			return usageError{fmt.Errorf("--regretted %q: write yes or no", *regretted)}
		}
	}
	entries, err = c.iv.RecordOutcome(c.ctx, cid, r.ID, in, c.owner, c.actor)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for i, f := range ve.Fields {
			if flagName, ok := outcomeFlags[f.Field]; ok {
				ve.Fields[i].Field = flagName
			}
		}
	}
	if err != nil {
		return err
	}
	return c.printOutcomes(entries, *asJSON)
}

// ratingFlag reads a rating flag: a whole number, or none (nil).
func ratingFlag(name, v string) (*int, error) {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "none") {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s %q: write a whole number from %d to %d, or none", name, v, outcomes.MinRating, outcomes.MaxRating)}
	}
	return &n, nil
}

func (c *command) printOutcomes(entries []outcomes.Entry, asJSON bool) error {
	if asJSON {
		return writeJSON(c.out, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.out, "No hired applications: an outcome is recorded once the candidate is hired.")
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROLE\tSTAGE\tRATING 90D\tRATING 1Y\tLEFT\tREGRETTED\tRECORDED")
	for _, e := range entries {
		o := outcomes.Outcome{}
		if e.Outcome != nil {
			o = *e.Outcome
		}
		regretted := "—"
		if o.Regretted != nil {
			regretted = map[bool]string{true: "yes", false: "no"}[*o.Regretted]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", model.OneLine(e.RoleTitle), model.OneLine(e.Stage), ratingText(o.Rating90d),
			ratingText(o.Rating1y), cmpOr(o.LeftOn, "—"), regretted, cmpOr(strings.TrimSpace(o.RecordedBy+" "+o.RecordedAt), "—"))
	}
	return tw.Flush()
}

func ratingText(r *int) string {
	if r == nil {
		return "—"
	}
	return strconv.Itoa(*r)
}

// validityRole prints the role's Validity report.
func (c *command) validityRole(args []string) error {
	r, asJSON, err := c.roleCommand("validity", args)
	if err != nil {
		return err
	}
	rep, err := c.iv.Validity(c.ctx, r.ID, c.owner)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(c.out, rep)
	}
	if rep.Empty != "" {
		fmt.Fprintln(c.out, rep.Empty)
		return nil
	}
	fmt.Fprintf(c.out, "%s: %d hired with an outcome recorded\n", model.OneLine(rep.RoleTitle), rep.People)
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTCOME\tPREDICTOR\tN\tPEARSON R\t95% CI\tSPEARMAN RHO")
	for _, m := range rep.Measures {
		for _, row := range m.Rows {
			s := row.Stats
			ci := "—"
			if s.PearsonCI != nil {
				ci = fmt.Sprintf("%.2f to %.2f", s.PearsonCI[0], s.PearsonCI[1])
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", m.Key, model.OneLine(row.Label), s.N, numText(s.PearsonR), ci, numText(s.SpearmanRho))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	warned := map[string]bool{}
	for _, m := range rep.Measures {
		for _, row := range m.Rows {
			if w := row.Stats.Warning; w != "" && !warned[w] {
				warned[w] = true
				fmt.Fprintf(c.out, "warning (%s): %s\n", m.Key, w)
			}
		}
	}
	fmt.Fprintf(c.out, "note: %s\n", rep.RangeRestriction)
	return nil
}

func numText(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *v)
}
