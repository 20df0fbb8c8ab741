// The `stats` command: inter-rater reliability of any ratings CSV, as text or JSON.

package cli

import (
	"errors"
	"fmt"
	"io"

	"hirebench/app/files"
	"hirebench/app/stats"
)

// inputLimits bound a CSV given with --in (stats, composite) as it is read:
// a million short rows fit, and no line is buffered past 1 MB.
var inputLimits = files.Limits{Bytes: 256 << 20, Line: 1 << 20}

// openInput opens an --in file to read row by row. A folder, a device or a
// FIFO is refused in the app's words without waiting on it, and so is a
// file over inputLimits before it is read.
func openInput(path string) (io.ReadCloser, error) {
	f, err := files.OpenLimited(path, inputLimits)
	if err != nil {
		return nil, files.Refusal(path, "input files", inputLimits.Bytes, err)
	}
	return f, nil
}

// inputError words what went wrong reading an --in file, naming it: a
// limit crossed while reading in the app's words, a bad row as its line.
func inputError(path string, err error) string {
	if errors.Is(err, files.ErrTooBig) || errors.Is(err, files.ErrLineTooLong) {
		return Describe(files.Refusal(path, "input files", inputLimits.Bytes, err))
	}
	return fmt.Sprintf("%s: %v", path, err)
}

// statsCommand analyses any ratings file; it needs no workspace.
func statsCommand(args []string, stdout io.Writer, fail func(int, string, ...any) int) int {
	fs := newFlags("stats")
	in := fs.String("in", "", "ratings CSV with header subject,rater,score")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return fail(ExitUsage, "stats: %v", err)
	}
	if *in == "" {
		return fail(ExitUsage, "stats: give --in FILE (a CSV with header subject,rater,score)")
	}
	f, err := openInput(*in)
	if err != nil {
		return fail(ExitError, "stats: %s", Describe(err))
	}
	defer f.Close()
	ratings, err := stats.ReadCSV(f)
	if err != nil {
		return fail(ExitError, "stats: %s", inputError(*in, err))
	}
	rep := stats.Analyze(ratings)
	if *asJSON {
		if err := writeJSON(stdout, rep); err != nil {
			return fail(ExitError, "stats: %v", err)
		}
		return ExitOK
	}
	fmt.Fprintf(stdout, "%d ratings of %d subjects by %d raters\n", rep.Ratings, rep.Subjects, rep.Raters)
	line := func(name string, v *float64, ci *[2]float64) {
		switch {
		case v == nil:
			fmt.Fprintf(stdout, "  %-16s n/a\n", name)
		case ci != nil:
			fmt.Fprintf(stdout, "  %-16s %s (95%% CI %.2f to %.2f)\n", name, stats.Explain(name, *v), ci[0], ci[1])
		default:
			fmt.Fprintf(stdout, "  %-16s %s\n", name, stats.Explain(name, *v))
		}
	}
	line("icc_1_1", rep.ICC11, rep.ICC11CI)
	line("icc_2_1", rep.ICC21, rep.ICC21CI)
	line("icc_3_1", rep.ICC31, rep.ICC31CI)
	line("icc_1_k", rep.ICC1K, rep.ICC1KCI)
	line("icc_2_k", rep.ICC2K, rep.ICC2KCI)
	line("icc_3_k", rep.ICC3K, rep.ICC3KCI)
	line("alpha_nominal", rep.AlphaNominal, nil)
	line("alpha_ordinal", rep.AlphaOrdinal, nil)
	line("alpha_interval", rep.AlphaInterval, nil)
	line("alpha_ratio", rep.AlphaRatio, nil)
	for _, n := range append(rep.Notes, rep.Errors...) {
		fmt.Fprintf(stdout, "  note: %s\n", n)
	}
	return ExitOK
}
