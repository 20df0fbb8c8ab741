// `hirebench fairness --role R`: a role's fairness report from the
// workspace (app/selfid, gathered by app/interviews), beside `fairness
// --in`, which reads any CSV without one.

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"hirebench/app/model"
	"hirebench/app/selfid"
)

// wantsRole reports whether `fairness` was given --role (a workspace
// report) rather than --in (a file).
func wantsRole(args []string) bool {
	for _, a := range args {
		if a == "--role" || a == "-role" || strings.HasPrefix(a, "--role=") || strings.HasPrefix(a, "-role=") {
			return true
		}
	}
	return false
}

// fairnessRole prints the report as the workspace's owner sees it: every
// group (the small-cell rule is for the workbook).
func (c *command) fairnessRole(args []string) error {
	r, asJSON, err := c.roleCommand("fairness", args)
	if err != nil {
		return err
	}
	rep, err := c.iv.Fairness(c.ctx, r.ID, c.owner)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(c.out, rep)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DECISION\tCATEGORY\tGROUP\tN\tSELECTED\tRATE\tIMPACT RATIO\tFISHER P\tVERDICT")
	for _, d := range rep.Decisions {
		for _, cat := range d.Categories {
			if cat.Report != nil {
				for _, g := range cat.Report.Groups {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%.1f%%\t%s\t%s\t%s\n", model.OneLine(d.Name), model.OneLine(cat.Category), model.OneLine(g.Group),
						g.N, g.Selected, g.Rate*100, ratioText(g.ImpactRatio), pText(g.FisherP), g.Verdict)
				}
			}
			for _, g := range cat.Undisclosed {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%.1f%%\t—\t—\t%s\n", model.OneLine(d.Name), model.OneLine(cat.Category), g.Group,
					g.N, g.Selected, g.Rate*100, selfid.NotCompared)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(c.out)
	tw = tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tMEASURE\tGROUP\tN\tMEAN\tVS REST\tCOHEN'S D")
	for _, m := range rep.Means {
		for _, ms := range m.Measures {
			for _, g := range ms.Groups {
				diff, d := "—", "—"
				if v := g.VsRest; v != nil {
					diff = fmt.Sprintf("%+.1f", v.Difference)
					if v.CI != nil {
						diff += fmt.Sprintf(" [%.1f, %.1f]", v.CI[0], v.CI[1])
					}
					if v.D != nil {
						d = fmt.Sprintf("%.2f", *v.D)
					}
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.1f\t%s\t%s\n", model.OneLine(m.Category), clip(model.OneLine(ms.Name), 50), model.OneLine(g.Group), g.N, g.Mean, diff, d)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(c.out, "note: %s\n", n)
	}
	return nil
}

// clip shortens a question's prompt for a table column.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
