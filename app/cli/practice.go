// practice samples|score|status: calibration drills from the command line
// (docs/DRILLS.md), over the same service as the window. A drill here is
// scriptable: list the samples, write a CSV sample_id,level, score it.

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"hirebench/app/drill"
	"hirebench/app/interviews"
)

func rubricFlag(id int64) error {
	if id <= 0 {
		return usageError{fmt.Errorf("give --rubric ID (see rubric list)")}
	}
	return nil
}

func (c *command) practiceSamples(args []string) error {
	fs := newFlags("practice samples")
	id := fs.Int64("rubric", 0, "rubric id (see rubric list)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := rubricFlag(*id); err != nil {
		return err
	}
	d, err := c.iv.PracticeSamples(c.ctx, *id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, d)
	}
	fmt.Fprintf(c.out, "%s, version %d: %d samples on a scale of %d–%d (%s)\n", d.RubricName, d.Version, len(d.Samples),
		d.Scale.Min, d.Scale.Max, strings.Join(d.Scale.Labels, ", "))
	fmt.Fprintln(c.out, "Score them in a CSV with the header sample_id,level, then: hirebench practice score --rubric ID --as PROFILE --levels FILE")
	for _, s := range d.Samples {
		fmt.Fprintf(c.out, "\n%s  (%s)\n  Question: %s\n  Answer: %s\n", s.ID, s.Competency, s.Prompt, strings.ReplaceAll(s.Answer, "\n", "\n          "))
	}
	return nil
}

func (c *command) practiceScore(args []string) error {
	fs := newFlags("practice score")
	id := fs.Int64("rubric", 0, "rubric id (see rubric list)")
	as := fs.String("as", "", "profile id or name of who practised")
	in := fs.String("levels", "", "CSV with header sample_id,level")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := rubricFlag(*id); err != nil {
		return err
	}
	if *as == "" || *in == "" {
		return usageError{fmt.Errorf("give --as PROFILE and --levels FILE (a CSV with header sample_id,level)")}
	}
	p, err := c.resolveProfile(*as)
	if err != nil {
		return err
	}
	f, err := openInput(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	levels, err := drill.ReadCSV(f)
	if err != nil {
		return fmt.Errorf("%s", inputError(*in, err))
	}
	res, err := c.iv.ScorePractice(c.ctx, *id, levels, p)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	printPractice(c, p.Name, res)
	return nil
}

func printPractice(c *command, who string, pr interviews.PracticeResult) {
	res := pr.Result
	state := "practice complete"
	if !res.Complete {
		state = fmt.Sprintf("not complete: score all %d samples in one file to complete practice", res.Total)
	}
	fmt.Fprintf(c.out, "%s on %s, version %d: %d of %d samples (%s)\n", who, pr.RubricName, pr.Version, res.Scored, res.Total, state)
	fmt.Fprintf(c.out, "  exact agreement     %.0f%%\n  within one level    %.0f%%\n  %s\n", res.Exact*100, res.Adjacent*100, res.BiasWords)
	if len(res.Misreads) > 0 {
		fmt.Fprintln(c.out, "Misread:")
	}
	for _, m := range res.Misreads {
		fmt.Fprintf(c.out, "  %s: you gave %d (%s), the rubric %d (%s)\n    the rubric's anchor: %s\n    the anchor you chose: %s\n",
			m.SampleID, m.Given, m.GivenLabel, m.Reference, m.ReferenceLabel, m.ReferenceAnchor, m.GivenAnchor)
	}
}

func (c *command) practiceStatus(args []string) error {
	fs := newFlags("practice status")
	id := fs.Int64("rubric", 0, "rubric id (see rubric list)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := rubricFlag(*id); err != nil {
		return err
	}
	st, err := c.iv.PracticeStatus(c.ctx, *id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, st)
	}
	fmt.Fprintf(c.out, "%s, version %d (%d samples)\n", st.RubricName, st.Version, st.Samples)
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PROFILE\tPRACTICE\tCOMPLETED")
	for _, p := range st.Profiles {
		state := "not practised"
		switch {
		case p.Practised:
			state = "practised"
		case p.LastVersion > 0:
			state = fmt.Sprintf("practised version %d only", p.LastVersion)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Name, state, p.CompletedAt)
	}
	return tw.Flush()
}
