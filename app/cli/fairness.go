// The `fairness` command: adverse impact (four-fifths rule, Fisher's exact
// test) of any selections CSV, as text or JSON.

package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"hirebench/app/fairness"
	"hirebench/app/model"
)

// fairnessCommand analyses any selections file; it needs no workspace.
func fairnessCommand(args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("fairness")
	in := fs.String("in", "", "CSV with header group,selected (selected is 0 or 1), one row a person")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return fail(ExitUsage, "fairness: %v", err)
	}
	if *in == "" {
		return fail(ExitUsage, "fairness: give --in FILE (a CSV with header group,selected; selected is 0 or 1)")
	}
	f, err := openInput(*in)
	if err != nil {
		return fail(ExitError, "fairness: %s", Describe(err))
	}
	defer f.Close()
	groups, err := fairness.ReadCSV(f)
	if err != nil {
		return fail(ExitError, "fairness: %s", inputError(*in, err))
	}
	rep, err := fairness.Analyze(groups)
	if err != nil {
		return fail(ExitError, "fairness: %s: %v", *in, err)
	}
	if *asJSON {
		return errOr(writeJSON(stdout, rep), fail)
	}
	fmt.Fprintf(stdout, "%d people in %d groups, %d selected", rep.N, len(rep.Groups), rep.Selected)
	if len(rep.Highest) > 0 {
		fmt.Fprintf(stdout, "; impact ratios against the highest rate (%s)", model.OneLine(strings.Join(rep.Highest, ", ")))
	}
	fmt.Fprintln(stdout)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GROUP\tN\tSELECTED\tRATE\tIMPACT RATIO\tFISHER P\tVERDICT")
	for _, r := range rep.Groups {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f%%\t%s\t%s\t%s\n", model.OneLine(r.Group), r.N, r.Selected, r.Rate*100, ratioText(r.ImpactRatio), pText(r.FisherP), r.Verdict)
	}
	if err := tw.Flush(); err != nil {
		return fail(ExitError, "fairness: %v", err)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(stdout, "note: %s\n", n)
	}
	return ExitOK
}

func ratioText(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", *v)
}

// pText shows a p-value to four places, and tiny ones as "< 0.0001".
func pText(p *float64) string {
	switch {
	case p == nil:
		return "—"
	case *p < 0.0001:
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", *p)
}
