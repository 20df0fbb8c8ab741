// The table on stdout and the summary in docs/AI.md.

package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

var columns = []string{"target", "shown quotes verified", "model's quotes found", "flags the runs disagree on",
	"input estimate (worst)", "cost estimate (worst)", "probe: stable resumes", "probe: lowest impact ratio",
	"probe calls, cost", "verdict"}

// cells are a result's figures in the order of columns ("—" where not measured).
func (r *result) cells() []string {
	c := []string{r.Target, "—", "—", "—", "—", "—", "—", "—", "—", ""}
	if s := r.Screens; s != nil {
		c[1] = fmt.Sprintf("%d of %d", s.Shown-s.ShownUnverified, s.Shown)
		c[2] = fmt.Sprintf("%.0f%% (%d dropped of %d)", 100*s.ModelFidelity, s.Dropped, s.Quotes)
		c[3] = fmt.Sprintf("%.1f%% (%d of %d, %d runs)", 100*s.UncertainShare, s.Uncertain, s.Flags, s.RunsEach)
		c[4] = fmt.Sprintf("%+.1f%% %s", 100*s.TokensInErrorWorst, mark(s.TokensInPass))
		c[5] = fmt.Sprintf("%+.1f%% %s (replies %.0f tokens/flag)", 100*s.CostErrorWorst, mark(s.CostPass), s.OutputPerFlag)
		if r.Kind == "mock" {
			// The mock's replies are as long as its rules make them: no goal.
			c[5] = fmt.Sprintf("%+.1f%%, not a goal here (replies %.0f tokens/flag; the estimate starts at 60 and learns from the ledger after 5)", 100*s.CostErrorWorst, s.OutputPerFlag)
		}
	}
	if p := r.Probe; p != nil {
		low := lowest(*p)
		c[6] = fmt.Sprintf("%.0f%% of %d %s", 100*p.StableShare, len(p.Resumes), mark(p.StablePass))
		c[7] = fmt.Sprintf("%.2f (%s) %s", low.ImpactRatio, low.Group, mark(p.ImpactPass))
		if low.ImpactRatio == 1 {
			c[7] = "1.00 (every group) " + mark(p.ImpactPass)
		}
		c[8] = fmt.Sprintf("%d, $%.4f", p.Calls, p.CostUSD)
	}
	switch {
	case r.Kind == "mock" && len(r.Problems) == 0:
		c[9] = "as expected: " + r.Expect
	case r.Kind == "mock":
		c[9] = "NOT as expected: " + strings.Join(r.Problems, "; ")
	case len(r.Problems) == 0:
		c[9] = "every goal met"
	default:
		c[9] = "missed: " + strings.Join(r.Problems, "; ")
	}
	return c
}

func mark(pass bool) string {
	if pass {
		return "pass"
	}
	return "FAIL"
}

func printTable(w io.Writer, rep *report) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(columns, "\t")))
	for _, r := range rep.Results {
		fmt.Fprintln(tw, strings.Join(r.cells(), "\t"))
	}
	tw.Flush()
}

// The summary's place in docs/AI.md: the mock's block is rewritten on every
// run, the real model's only when one was measured.
const (
	mockStart, mockEnd = "<!-- bench-ai:mock -->", "<!-- /bench-ai:mock -->"
	realStart, realEnd = "<!-- bench-ai:real -->", "<!-- /bench-ai:real -->"
)

func updateDocs(path string, rep *report) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc := string(b)
	var mock, real []*result
	for _, r := range rep.Results {
		if r.Kind == "mock" {
			mock = append(mock, r)
		} else {
			real = append(real, r)
		}
	}
	day := rep.At[:10]
	doc, err = replaceBlock(doc, mockStart, mockEnd, markdown(mock,
		fmt.Sprintf("The mock, %s (it checks the arithmetic and the plumbing, not a model):", day)))
	if err != nil {
		return err
	}
	if len(real) > 0 {
		if doc, err = replaceBlock(doc, realStart, realEnd, markdown(real, fmt.Sprintf("A real model, %s:", day))); err != nil {
			return err
		}
	}
	return os.WriteFile(path, []byte(doc), 0o644)
}

func replaceBlock(doc, start, end, body string) (string, error) {
	i, j := strings.Index(doc, start), strings.Index(doc, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("docs/AI.md has no %s … %s block for the summary", start, end)
	}
	return doc[:i+len(start)] + "\n" + body + doc[j:], nil
}

func markdown(rs []*result, heading string) string {
	var b strings.Builder
	b.WriteString(heading + "\n\n| " + strings.Join(columns, " | ") + " |\n|")
	b.WriteString(strings.Repeat(" --- |", len(columns)) + "\n")
	for _, r := range rs {
		b.WriteString("| " + strings.Join(r.cells(), " | ") + " |\n")
	}
	return b.String()
}
