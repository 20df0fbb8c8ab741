// The structured resume screen headless (docs/SCREEN.md): `screen save`
// (marks with quotes, the decision and its reasons, as the first or the
// second screener), `screen revisions` and `screen agreement`.

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"hirebench/app/interviews"
	"hirebench/app/scoring"
)

// screenApp finds the application of --candidate in --role.
func (c *command) screenApp(cand, role string) (int64, error) {
	if cand == "" || role == "" {
		return 0, usageError{fmt.Errorf("give --candidate EMAIL|ID and --role R")}
	}
	r, err := c.svc.ResolveRole(c.ctx, role)
	if err != nil {
		return 0, err
	}
	id, err := c.resolveCandidate(cand)
	if err != nil {
		return 0, err
	}
	return c.applicationOf(id, r)
}

// parseMarks reads --mark FLAG=MARK[:QUOTE] values.
func parseMarks(ms []string) (map[string]scoring.FlagMark, error) {
	out := map[string]scoring.FlagMark{}
	for _, m := range ms {
		id, rest, ok := strings.Cut(m, "=")
		if !ok || strings.TrimSpace(id) == "" {
			return nil, usageError{fmt.Errorf("--mark %q: write FLAG=present:QUOTE, FLAG=absent or FLAG=unclear", m)}
		}
		mark, quote, _ := strings.Cut(rest, ":")
		out[strings.TrimSpace(id)] = scoring.FlagMark{Mark: scoring.Mark(strings.TrimSpace(mark)), Evidence: quote}
	}
	return out, nil
}

func (c *command) screenSave(args []string) error {
	fs := newFlags("screen save")
	cand := fs.String("candidate", "", "candidate email or id (required)")
	role := fs.String("role", "", "role id or title (required)")
	var marks multi
	fs.Var(&marks, "mark", "FLAG=present:QUOTE, FLAG=absent or FLAG=unclear; repeatable (the flag ids: rubric export)")
	decision := fs.String("decision", "", "advance or reject (empty: undecided)")
	reason := fs.String("reason", "", "why reject (required to reject)")
	override := fs.String("override-reason", "", "why decide otherwise than the marks suggest (required then)")
	as := fs.String("as", "", "profile id or name of who screens (default: the command line)")
	second := fs.Bool("second", false, "save the second screener's independent screen")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	appID, err := c.screenApp(*cand, *role)
	if err != nil {
		return err
	}
	m, err := parseMarks(marks)
	if err != nil {
		return err
	}
	who := c.by
	if *as != "" {
		if who, err = c.resolveProfile(*as); err != nil {
			return err
		}
	} else if *second {
		return usageError{fmt.Errorf("a second screen needs --as PROFILE: the second screener")}
	}
	sc, err := c.iv.SaveScreen(c.ctx, scoring.ScreenInput{ApplicationID: appID, Marks: m, Decision: scoring.Decision(*decision),
		RejectReason: *reason, OverrideReason: *override, Second: *second}, who)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, sc)
	}
	slot := "screen"
	if sc.Second {
		slot = "second screen"
	}
	fmt.Fprintf(c.out, "saved the %s of %s by %s: %s (the marks suggest %s)\n", slot, interviews.BlindLabel(appID), who.Name,
		decisionWords(sc.Decision), sc.Suggested)
	return nil
}

func decisionWords(d scoring.Decision) string {
	if d == scoring.Undecided {
		return "undecided"
	}
	return string(d)
}

func (c *command) screenRevisions(args []string) error {
	fs := newFlags("screen revisions")
	cand := fs.String("candidate", "", "candidate email or id (required)")
	role := fs.String("role", "", "role id or title (required)")
	as := fs.String("as", "", "profile id or name of who asks (a second screener sees the first screen once theirs is decided)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	appID, err := c.screenApp(*cand, *role)
	if err != nil {
		return err
	}
	who := c.by
	if *as != "" {
		if who, err = c.resolveProfile(*as); err != nil {
			return err
		}
	}
	revs, err := c.iv.ScreenRevisions(c.ctx, appID, who)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, revs)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tWHEN\tSCREENER\tBY\tPRESENT\tDECISION\tSUGGESTED\tREASONS")
	for i, r := range revs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", i+1, r.At, screener(r.Second), r.AuthorName, present(r.Marks),
			decisionWords(r.Decision), r.Suggested, reasons(r))
	}
	return tw.Flush()
}

func screener(second bool) string {
	if second {
		return "second"
	}
	return "first"
}

func present(m map[string]scoring.FlagMark) int {
	n := 0
	for _, f := range m {
		if f.Mark == scoring.Present {
			n++
		}
	}
	return n
}

func reasons(r scoring.ScreenRevision) string {
	var out []string
	if r.RejectReason != "" {
		out = append(out, "reject: "+r.RejectReason)
	}
	if r.OverrideReason != "" {
		out = append(out, "override: "+r.OverrideReason)
	}
	return strings.Join(out, "; ")
}

func (c *command) screenAgreement(args []string) error {
	fs := newFlags("screen agreement")
	role := fs.String("role", "", "role id or title (required)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" {
		return usageError{fmt.Errorf("give --role R")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	a, err := c.iv.ScreenAgreement(c.ctx, r.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, a)
	}
	fmt.Fprintf(c.out, "%s: resumes screened by two screeners %d, decided by both %d, decided alike %d\n", r.Title, a.Pairs, a.Decided, a.Agreed)
	fmt.Fprintf(c.out, "  decisions, Cohen's kappa:           %s\n", statWords(a.Kappa, a.KappaNote))
	fmt.Fprintf(c.out, "  flag marks, Krippendorff's alpha:   %s (%d flags marked by both)\n", statWords(a.Alpha, a.AlphaNote), a.Marks)
	return nil
}

func statWords(v *float64, note string) string {
	if v == nil {
		return note
	}
	return fmt.Sprintf("%.2f", *v)
}
