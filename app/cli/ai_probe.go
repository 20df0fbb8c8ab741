// `ai probe`: the name-swap fairness probe on a role's resumes (docs/AI.md,
// "Name-swap probe"), over app/assist. Like every `ai` command, running it
// is the opt-in; the key comes from OPENAI_API_KEY or the OS keyring.

package cli

import (
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"hirebench/app/assist"
)

func (c *command) aiProbe(args []string) error {
	fs := newFlags("ai probe")
	role := fs.String("role", "", "role id or title")
	n := fs.Int("candidates", assist.DefaultProbeResumes, fmt.Sprintf("how many of the role's resumes (1-%d)", assist.MaxProbeResumes))
	baseURL := fs.String("base-url", "", "an OpenAI-compatible API (default: the settings', else OpenAI)")
	modelName := fs.String("model", "", "the model (default: the settings' model for screening)")
	parallel := fs.Int("parallel", 4, fmt.Sprintf("calls at once (1-%d)", assist.MaxProbeParallel))
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *role == "":
		return usageError{fmt.Errorf("give --role R")}
	case *n < 1 || *n > assist.MaxProbeResumes:
		return usageError{fmt.Errorf("--candidates is 1 to %d, not %d", assist.MaxProbeResumes, *n)}
	case *parallel < 1 || *parallel > assist.MaxProbeParallel:
		return usageError{fmt.Errorf("--parallel is 1 to %d, not %d", assist.MaxProbeParallel, *parallel)}
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
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	key, _, err := assist.FindKey(getenv)
	if err != nil {
		return err
	}
	svc := assist.New(c.store, c.iv, assist.NewOpenAI(settings.BaseURL, key, nil), settings,
		assist.WithRetryNotice(func(n assist.Retrying) {
			fmt.Fprintf(os.Stderr, "hirebench: %s; retrying in %s (try %d)\n", n.Why, n.Wait.Round(100*time.Millisecond), n.Attempt)
		}))
	rep, err := svc.Probe(c.ctx, r.ID, assist.ProbeOptions{Resumes: *n, Model: *modelName, Parallel: *parallel})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, rep)
	}
	fmt.Fprintf(c.out, "name-swap probe of %s (%s) on %q: %d resumes × %d names (%s), %d calls, $%.4f\n",
		rep.Model, rep.PromptVersion, r.Title, rep.Sampled-rep.Excluded, rep.Names, rep.NameSet, rep.Calls, rep.CostUSD)
	if rep.Skipped+rep.Excluded > 0 {
		fmt.Fprintf(c.out, "left out: %d candidates (human-only or no resume text), %d resumes (invalid replies)\n", rep.Skipped, rep.Excluded)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GROUP\tNAMES\tGREEN PRESENT\tRATE\tIMPACT RATIO\t")
	for _, g := range rep.Groups {
		fmt.Fprintf(tw, "%s\t%d\t%d of %d\t%.3f\t%.3f\t%s\n", g.Group, g.Names, g.Present, g.Seen, g.Rate, g.ImpactRatio, verdict(g.Pass))
	}
	tw.Flush()
	moved := 0
	for _, f := range rep.Flags {
		if f.ResumesChanged > 0 {
			moved++
		}
	}
	if moved > 0 {
		tw = tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FLAG THAT MOVED WITH THE NAME\tRESUMES\tMEAN CHANGE")
		for _, f := range rep.Flags {
			if f.ResumesChanged > 0 {
				fmt.Fprintf(tw, "%s\t%d\t%.3f\n", f.ID, f.ResumesChanged, f.MeanChange)
			}
		}
		tw.Flush()
	}
	stable := 0
	for _, x := range rep.Resumes {
		if x.Stable {
			stable++
		}
	}
	fmt.Fprintf(c.out, "resumes whose outcome moved by at most %.1f levels: %d of %d (%.0f%%; goal %.0f%%): %s\n",
		rep.Goals.Tolerance, stable, len(rep.Resumes), 100*rep.StableShare, 100*rep.Goals.StableShare, verdict(rep.StablePass))
	fmt.Fprintf(c.out, "impact ratio of every group at least %.2f: %s\n", rep.Goals.ImpactRatio, verdict(rep.ImpactPass))
	fmt.Fprintf(c.out, "probe: %s (kept for %s with %s)\n", verdict(rep.Pass), rep.PromptVersion, rep.Model)
	return nil
}

func verdict(pass bool) string {
	if pass {
		return "pass"
	}
	return "FAIL"
}
