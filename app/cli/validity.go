// The `validity` command: how well scores predict outcomes (Pearson's r with
// its 95% interval, Spearman's rho) in any score–outcome CSV, as text or JSON.

package cli

import (
	"fmt"
	"io"

	"hirebench/app/validity"
)

// validityCommand analyses any score–outcome file; it needs no workspace.
func validityCommand(args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("validity")
	in := fs.String("in", "", "CSV with header score,outcome, one row a person")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return fail(ExitUsage, "validity: %v", err)
	}
	if *in == "" {
		return fail(ExitUsage, "validity: give --in FILE (a CSV with header score,outcome)")
	}
	f, err := openInput(*in)
	if err != nil {
		return fail(ExitError, "validity: %s", Describe(err))
	}
	defer f.Close()
	score, outcome, err := validity.ReadCSV(f)
	if err != nil {
		return fail(ExitError, "validity: %s", inputError(*in, err))
	}
	rep, err := validity.Analyze(score, outcome)
	if err != nil {
		return fail(ExitError, "validity: %s: %v", *in, err)
	}
	if *asJSON {
		return errOr(writeJSON(stdout, rep), fail)
	}
	fmt.Fprintf(stdout, "%d pairs of score and outcome\n", rep.N)
	switch {
	case rep.PearsonR == nil:
		fmt.Fprintln(stdout, "  pearson_r     n/a")
	case rep.PearsonCI == nil:
		fmt.Fprintf(stdout, "  pearson_r     %.2f\n", *rep.PearsonR)
	default:
		fmt.Fprintf(stdout, "  pearson_r     %.2f (95%% CI %.2f to %.2f)\n", *rep.PearsonR, rep.PearsonCI[0], rep.PearsonCI[1])
	}
	if rep.SpearmanRho == nil {
		fmt.Fprintln(stdout, "  spearman_rho  n/a")
	} else {
		fmt.Fprintf(stdout, "  spearman_rho  %.2f\n", *rep.SpearmanRho)
	}
	if rep.Warning != "" {
		fmt.Fprintf(stdout, "  warning: %s\n", rep.Warning)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(stdout, "  note: %s\n", n)
	}
	return ExitOK
}
