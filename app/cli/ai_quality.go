// `ai quality` (the AI quality view: per feature and model, the latest
// name-swap probes and the AI's agreement with interviewers, as the AI…
// dialog shows them) and `ai settings` (the endpoint, budget and a model
// per task; --model TASK=MODEL changes one), over app/assist.

package cli

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"hirebench/app/assist"
	"hirebench/app/model"
)

func (c *command) aiQuality(args []string) error {
	fs := newFlags("ai quality")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	settings, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	// No endpoint: every figure comes from what the workspace recorded.
	q, err := assist.New(c.store, c.iv, nil, settings).Quality(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, q)
	}
	if len(q.Features) == 0 {
		fmt.Fprintln(c.out, "no AI calls recorded yet")
	} else {
		tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FEATURE\tMODEL\tCALLS\tCACHE HITS\tFAILED\tCOST USD\tQUOTES VERIFIED\tDROPPED\tRUNS DISAGREED\tREPAIRS")
		for _, r := range q.Features {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.0f%%\t%d\t%.4f\t%d of %d\t%d\t%d of %d\t%d\n", r.Label, r.Model, r.Calls, 100*r.CacheHitRate,
				r.Failed, r.CostUSD, r.Verified, r.Quotes, r.Dropped, r.Uncertain, r.Items, r.Repairs)
		}
		tw.Flush()
	}
	for _, p := range q.Probes {
		fmt.Fprintf(c.out, "probe %s, %s (%s): %s\n", p.PromptVersion, p.Model, p.At, p.Says)
	}
	if q.ProbeNote != "" {
		fmt.Fprintln(c.out, q.ProbeNote)
	}
	if q.Agreement.Note != "" {
		fmt.Fprintln(c.out, q.Agreement.Note)
	}
	for _, l := range q.Agreement.Lines {
		for _, g := range l.Pooled {
			fmt.Fprintf(c.out, "agreement, %s on %s (%s scale): %s\n", l.Model, l.Rubric, g.Scale, g.Says)
		}
	}
	return nil
}

// taskModels is --model TASK=MODEL, repeatable.
type taskModels map[string]string

func (m taskModels) String() string { return fmt.Sprint(map[string]string(m)) }

func (m taskModels) Set(v string) error {
	task, name, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(task) == "" {
		return fmt.Errorf("give TASK=MODEL, like rate=gpt-4.1")
	}
	m[strings.TrimSpace(task)] = strings.TrimSpace(name)
	return nil
}

func (c *command) aiSettings(args []string) error {
	fs := newFlags("ai settings")
	models := taskModels{}
	fs.Var(models, "model", "TASK=MODEL: the model a task uses (screen, rate, summary, followup); repeatable")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	if len(models) > 0 {
		for task, m := range models {
			s.Models[task] = m
		}
		if err := assist.SaveSettings(c.ctx, c.store, s); err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				return usageError{err} // a task that does not exist, or no model named
			}
			return err
		}
		if s, err = assist.LoadSettings(c.ctx, c.store); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(c.out, struct {
			assist.Settings
			Tasks []assist.Task `json:"tasks"`
		}{s, assist.Tasks})
	}
	endpoint := s.BaseURL
	if endpoint == "" {
		endpoint = "OpenAI"
	}
	fmt.Fprintf(c.out, "endpoint: %s\nmonthly budget: $%.2f\nruns per suggestion: %d\n", endpoint, s.BudgetUSD, s.Runs)
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TASK\tMODEL\tDEFAULT\tWHAT")
	for _, t := range assist.Tasks {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Feature, s.Models[t.Feature], t.DefaultModel, t.Label)
	}
	return tw.Flush()
}
