// The AI commands: `ai screen` (a resume screen suggestion for one
// candidate), `ai usage` (the ledger's totals) and `ai price` / `ai budget`
// (the settings they spend by), over app/assist. Running an `ai` command is
// itself the opt-in; the key comes from OPENAI_API_KEY or the OS keyring,
// never a flag.

package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/model"
)

// getenv is os.Getenv; tests replace it to give a key.
var getenv = os.Getenv

func (c *command) aiScreen(args []string) error {
	fs := newFlags("ai screen")
	cand := fs.String("candidate", "", "candidate email or id")
	role := fs.String("role", "", "role id or title")
	baseURL := fs.String("base-url", "", "an OpenAI-compatible API (default: the settings', else OpenAI)")
	modelName := fs.String("model", "", "the model (default: the settings' model for screening)")
	noRedact := fs.Bool("no-redact", false, "send the resume without removing the candidate's identity")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cand == "" || *role == "" {
		return usageError{fmt.Errorf("give --candidate EMAIL and --role R")}
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
	candidateID, err := c.resolveCandidate(*cand)
	if err != nil {
		return err
	}
	appID, err := c.applicationOf(candidateID, r)
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
	res, err := svc.SuggestScreen(c.ctx, appID, assist.ScreenOptions{Model: *modelName, NoRedact: *noRedact})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FLAG\tSTATUS\tQUOTE\tREASON")
	for _, f := range res.Flags {
		q := f.Quote
		if q == "" {
			q = "—"
		}
		status := string(f.Status)
		if f.Uncertain {
			status += fmt.Sprintf(" (uncertain: %v)", f.Seen)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.ID, status, q, f.Reason)
	}
	tw.Flush()
	fmt.Fprintf(c.out, "%d runs; the runs disagreed on %d flags\n", res.Runs, res.Uncertain)
	cached := ""
	if res.Cached {
		cached = ", from the cache"
	}
	fmt.Fprintf(c.out, "%d quotes dropped (not in the resume); %s, %d+%d tokens, $%.4f%s\n",
		res.Dropped, res.Model, res.TokensIn, res.TokensOut, res.CostUSD, cached)
	return nil
}

// applicationOf is a candidate's application to a role.
func (c *command) applicationOf(candidateID int64, r model.Role) (int64, error) {
	d, err := c.svc.Detail(c.ctx, candidateID)
	if err != nil {
		return 0, err
	}
	for _, a := range d.Applications {
		if a.RoleID == r.ID {
			return a.ID, nil
		}
	}
	return 0, fmt.Errorf("candidate %d has not applied to %q: %w", candidateID, r.Title, model.ErrNotFound)
}

func (c *command) aiUsage(args []string) error {
	fs := newFlags("ai usage")
	since := fs.String("since", "", "from this day (YYYY-MM-DD; default: the start of this month)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	settings, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	from := time.Now().UTC()
	from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if *since != "" {
		if from, err = time.Parse("2006-01-02", *since); err != nil {
			return usageError{fmt.Errorf("--since %q is not a day like 2026-11-01", *since)}
		}
	}
	u, err := assist.Usage(c.ctx, c.store, settings, from)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, u)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DAY\tFEATURE\tMODEL\tCALLS\tCACHED\tFAILED\tTOKENS IN\tTOKENS OUT\tCOST USD")
	for _, r := range u.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.4f\n", r.Day, r.Feature, r.Model, r.Calls, r.Cached, r.Failed, r.TokensIn, r.TokensOut, r.CostUSD)
	}
	tw.Flush()
	fmt.Fprintf(c.out, "this month: $%.4f of a $%.2f budget\n", u.MonthUSD, u.BudgetUSD)
	return nil
}

// aiPrice sets what a model costs (USD per million tokens), dated today.
func (c *command) aiPrice(args []string) error {
	fs := newFlags("ai price")
	modelName := fs.String("model", "", "the model")
	in := fs.String("input", "", "USD per million input tokens")
	out := fs.String("output", "", "USD per million output tokens")
	if err := parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*modelName) == "" || *in == "" || *out == "" {
		return usageError{fmt.Errorf("give --model M --input USD --output USD (per million tokens)")}
	}
	pin, err1 := strconv.ParseFloat(*in, 64)
	pout, err2 := strconv.ParseFloat(*out, 64)
	if err1 != nil || err2 != nil {
		return usageError{fmt.Errorf("--input and --output are numbers of US dollars, like 0.15")}
	}
	return c.changeSettings(func(s *assist.Settings) {
		s.SetPrice(ai.Price{Model: strings.TrimSpace(*modelName), InputPerMTok: pin, OutputPerMTok: pout, AsOf: time.Now().Format("2006-01-02")})
	}, fmt.Sprintf("price of %s: $%s in, $%s out per million tokens", strings.TrimSpace(*modelName), *in, *out))
}

// aiBudget sets the monthly budget (0: no limit).
func (c *command) aiBudget(args []string) error {
	fs := newFlags("ai budget")
	set := fs.String("set", "", "USD a month; 0 for no limit")
	if err := parse(fs, args); err != nil {
		return err
	}
	usd, err := strconv.ParseFloat(*set, 64)
	if err != nil {
		return usageError{fmt.Errorf("give --set USD, like 10")}
	}
	return c.changeSettings(func(s *assist.Settings) { s.BudgetUSD = usd }, fmt.Sprintf("monthly AI budget: $%.2f", usd))
}

func (c *command) changeSettings(change func(*assist.Settings), done string) error {
	s, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return err
	}
	change(&s)
	if err := assist.SaveSettings(c.ctx, c.store, s); err != nil {
		return err
	}
	fmt.Fprintln(c.out, done)
	return nil
}
