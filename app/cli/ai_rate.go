// The AI second rater's commands: `ai rate` (a suggested level for one
// question of a submitted scorecard, beside the interviewer's) and `ai
// agreement` (how far each model agrees with interviewers, beside how far
// interviewers agree with each other), over app/assist.

package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"hirebench/app/assist"
	"hirebench/app/interviews"
)

func (c *command) aiRate(args []string) error {
	fs := newFlags("ai rate")
	card := fs.String("scorecard", "", "the scorecard's id")
	question := fs.String("question", "", "the question's id in the card's rubric")
	baseURL := fs.String("base-url", "", "an OpenAI-compatible API (default: the settings', else OpenAI)")
	modelName := fs.String("model", "", "the model (default: the settings' model for rating)")
	noRedact := fs.Bool("no-redact", false, "send the notes without removing the candidate's identity")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := strconv.ParseInt(strings.TrimSpace(*card), 10, 64)
	if *card == "" || strings.TrimSpace(*question) == "" {
		return usageError{fmt.Errorf("give --scorecard ID and --question QID")}
	}
	if err != nil || id <= 0 {
		return usageError{fmt.Errorf("--scorecard %q is not a scorecard id (a whole number)", *card)}
	}
	settings, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	if *baseURL != "" {
		settings.BaseURL = *baseURL
		if err := settings.Check(); err != nil {
			return usageError{err}
		}
	}
	key, _, err := assist.FindKey(getenv)
	if err != nil {
		return err
	}
	svc := assist.New(c.store, c.iv, assist.NewOpenAI(settings.BaseURL, key, nil), settings,
		assist.WithRetryNotice(func(n assist.Retrying) {
			fmt.Fprintf(os.Stderr, "hirebench: %s; retrying in %s (try %d)\n", n.Why, n.Wait.Round(100*time.Millisecond), n.Attempt)
		}))
	res, err := svc.SuggestLevel(c.ctx, id, strings.TrimSpace(*question), c.actor, assist.RateOptions{Model: *modelName, NoRedact: *noRedact})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	fmt.Fprintf(c.out, "AI level %d (%s); the interviewer gave %d\n", res.Level, res.Label, res.HumanLevel)
	fmt.Fprintf(c.out, "anchor: %s\nreason: %s\n", res.Anchor, res.Reason)
	for _, f := range res.Fragments {
		fmt.Fprintf(c.out, "  %q\n", f.Text)
	}
	cached := ""
	if res.Cached {
		cached = ", from the cache"
	}
	fmt.Fprintf(c.out, "%d fragments dropped (not in the notes); %s, %d+%d tokens, $%.4f%s\n",
		res.Dropped, res.Model, res.TokensIn, res.TokensOut, res.CostUSD, cached)
	return nil
}

func (c *command) aiAgreement(args []string) error {
	fs := newFlags("ai agreement")
	role := fs.String("role", "", "role id or title")
	rubricID := fs.Int64("rubric", 0, "rubric id (hirebench rubric list): every role's cards on it")
	modelName := fs.String("model", "", "only this model (default: every model, each on its own)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" && *rubricID == 0 {
		return usageError{fmt.Errorf("give --role R or --rubric ID")}
	}
	scope := assist.AgreementScope{RubricID: *rubricID, Model: strings.TrimSpace(*modelName)}
	if *role != "" {
		r, err := c.svc.ResolveRole(c.ctx, *role)
		if err != nil {
			return err
		}
		scope.RoleID = r.ID
	}
	settings, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	// Reading what was kept needs no endpoint and no key.
	ag, err := assist.New(c.store, c.iv, nil, settings).Agreement(c.ctx, scope)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, ag)
	}
	if len(ag.Models) == 0 {
		fmt.Fprintln(c.out, "no AI levels suggested yet (hirebench ai rate)")
		return nil
	}
	for i, m := range ag.Models {
		if i > 0 {
			fmt.Fprintln(c.out)
		}
		fmt.Fprintf(c.out, "%s (prompt %s)\n", m.Model, strings.Join(m.PromptVersions, ", "))
		tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "COMPETENCY\tSCALE\tRATERS\tCANDIDATES\tANSWERS\tICC(2,1)\tALPHA ORDINAL\tALPHA INTERVAL")
		for _, g := range append(m.Pooled, m.Competencies...) {
			agreementRow(tw, g.Name, g.Scale, "AI vs interviewer", g.AI)
			agreementRow(tw, "", "", "interviewers", g.Humans)
		}
		tw.Flush()
	}
	fmt.Fprintf(c.out, "below %d candidates or %d answers rated twice: too few to say\n", ag.MinCandidates, ag.MinPairedItems)
	return nil
}

func agreementRow(tw *tabwriter.Writer, name, scale, raters string, g interviews.CalibrationGroup) {
	stat := func(v *float64, digits int) string {
		if v == nil {
			return "n/a"
		}
		return strconv.FormatFloat(*v, 'f', digits, 64)
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t", name, scale, raters, g.Candidates, g.PairedItems)
	if g.Report == nil {
		fmt.Fprintf(tw, "%s\t\t\n", g.Reason)
		return
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\n", stat(g.Report.ICC21, 2), stat(g.Report.AlphaOrdinal, 3), stat(g.Report.AlphaInterval, 3))
}
