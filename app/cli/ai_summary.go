// The streamed AI commands: `ai summary` (a debrief summary of a
// candidate's submitted scorecards for a role, every sentence checked for
// the notes it cites) and `ai followups` (follow-up questions for one
// question of a draft), over app/assist. Text is printed as it streams;
// --json prints the final result only.

package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/model"
)

// streamService is the AI service for a streamed command: the settings
// with the endpoint and the feature's model asked for, and the key from
// OPENAI_API_KEY or the keyring (none for a preview: nothing is sent).
func (c *command) streamService(baseURL, feature, modelName string, send bool) (*assist.Service, error) {
	settings, err := assist.LoadSettings(c.ctx, c.store)
	if err != nil {
		return nil, err
	}
	if baseURL != "" {
		settings.BaseURL = baseURL
		if err := settings.Check(); err != nil {
			return nil, usageError{err}
		}
	}
	if m := strings.TrimSpace(modelName); m != "" {
		settings.Models[feature] = m
	}
	var client assist.Client
	if send {
		key, _, err := assist.FindKey(getenv)
		if err != nil {
			return nil, err
		}
		client = assist.NewOpenAI(settings.BaseURL, key, nil)
	}
	return assist.New(c.store, c.iv, client, settings,
		assist.WithRetryNotice(func(n assist.Retrying) {
			fmt.Fprintf(os.Stderr, "hirebench: %s; retrying in %s (try %d)\n", n.Why, n.Wait.Round(100*time.Millisecond), n.Attempt)
		})), nil
}

// printer passes streamed pieces to out unless the command prints JSON.
func printer(out io.Writer, asJSON bool) func(string) {
	if asJSON {
		return nil
	}
	return func(piece string) { fmt.Fprint(out, piece) }
}

// incomplete ends a stream that stopped after printing part of its text:
// the text stays, the error says it is incomplete.
func incomplete(out io.Writer, shown bool, what string, err error) error {
	if !shown {
		return err
	}
	fmt.Fprintln(out)
	return fmt.Errorf("%w (the %s above is incomplete)", err, what)
}

// printPreview prints exactly what would be sent and its estimate.
func printPreview(out io.Writer, p assist.StreamPreview, asJSON bool) error {
	if asJSON {
		return writeJSON(out, p)
	}
	for _, m := range p.Messages {
		fmt.Fprintf(out, "--- %s ---\n%s\n", m.Role, m.Content)
	}
	cost := fmt.Sprintf("about %d tokens in and %d out, $%.4f", p.TokensIn, p.TokensOut, p.EstimateUSD)
	if p.Cached {
		cost = "answered before: nothing would be paid"
	}
	if !p.PriceKnown && !p.Cached {
		cost += " (no price for this model: nothing would be sent until one is added)"
	}
	fmt.Fprintf(out, "\nnot sent: %s to %s (%s), %s\n", p.Model, p.Endpoint, p.PromptVersion, cost)
	return nil
}

func costLine(s assist.CallSummary) string {
	cached := ""
	if s.Cached {
		cached = ", from the cache"
	}
	return fmt.Sprintf("%s, %d+%d tokens, $%.4f%s", s.Model, s.TokensIn, s.TokensOut, s.CostUSD, cached)
}

func (c *command) aiSummary(args []string) error {
	fs := newFlags("ai summary")
	cand := fs.String("candidate", "", "candidate email or id")
	role := fs.String("role", "", "role id or title")
	baseURL := fs.String("base-url", "", "an OpenAI-compatible API (default: the settings', else OpenAI)")
	modelName := fs.String("model", "", "the model (default: the settings' model for summaries, else for screening)")
	asJSON := fs.Bool("json", false, "print the final result as JSON (nothing while it streams)")
	preview := fs.Bool("preview", false, "print exactly what would be sent and its estimate; send nothing")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cand == "" || *role == "" {
		return usageError{fmt.Errorf("give --candidate EMAIL and --role R")}
	}
	svc, err := c.streamService(*baseURL, ai.FeatureSummary, *modelName, !*preview)
	if err != nil {
		return err
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
	if *preview {
		p, err := svc.PreviewSummary(c.ctx, appID, c.actor)
		if err != nil {
			return err
		}
		return printPreview(c.out, p, *asJSON)
	}
	res, err := svc.SuggestSummary(c.ctx, appID, c.actor, printer(c.out, *asJSON))
	if err != nil {
		return incomplete(c.out, res.Incomplete && !*asJSON, "summary", err)
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	if !strings.HasSuffix(res.Text, "\n") {
		fmt.Fprintln(c.out)
	}
	fmt.Fprintln(c.out)
	for _, s := range res.Sentences {
		if s.Unsupported {
			fmt.Fprintf(c.out, "unsupported: %s\n", s.Text)
		}
	}
	fmt.Fprintf(c.out, "%d scorecards, %d notes; %s; %d unsupported sentences (of %d)\n",
		res.Scorecards, len(res.Notes), costLine(res.CallSummary), res.Unsupported, len(res.Sentences))
	return nil
}

func (c *command) aiFollowUps(args []string) error {
	fs := newFlags("ai followups")
	card := fs.String("scorecard", "", "the draft scorecard's id")
	question := fs.String("question", "", "the question's id in the card's rubric")
	baseURL := fs.String("base-url", "", "an OpenAI-compatible API (default: the settings', else OpenAI)")
	modelName := fs.String("model", "", "the model (default: the settings' model for follow-ups, else for screening)")
	asJSON := fs.Bool("json", false, "print the final result as JSON (nothing while it streams)")
	preview := fs.Bool("preview", false, "print exactly what would be sent and its estimate; send nothing")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *card == "" || strings.TrimSpace(*question) == "" {
		return usageError{fmt.Errorf("give --scorecard ID and --question QID")}
	}
	id, err := strconv.ParseInt(strings.TrimSpace(*card), 10, 64)
	if err != nil || id <= 0 {
		return usageError{fmt.Errorf("--scorecard %q is not a scorecard id (a whole number)", *card)}
	}
	svc, err := c.streamService(*baseURL, ai.FeatureFollowUp, *modelName, !*preview)
	if err != nil {
		return err
	}
	author, err := c.authorOf(id)
	if err != nil {
		return err
	}
	if *preview {
		p, err := svc.PreviewFollowUps(c.ctx, id, strings.TrimSpace(*question), author)
		if err != nil {
			return err
		}
		return printPreview(c.out, p, *asJSON)
	}
	res, err := svc.SuggestFollowUps(c.ctx, id, strings.TrimSpace(*question), author, printer(c.out, *asJSON))
	if err != nil {
		return incomplete(c.out, res.Incomplete && !*asJSON, "reply", err)
	}
	if *asJSON {
		return writeJSON(c.out, res)
	}
	if !strings.HasSuffix(res.Text, "\n") {
		fmt.Fprintln(c.out)
	}
	fmt.Fprintf(c.out, "\n%d follow-up questions kept, %d lines dropped (not a question, a score, a repeat or beyond 3); %s\n",
		len(res.Questions), res.Dropped, costLine(res.CallSummary))
	return nil
}

// authorOf is the profile that wrote a scorecard: follow-ups are only for
// the card's author, and whoever runs the command line owns the data
// folder, so it asks as them.
func (c *command) authorOf(scorecardID int64) (model.Profile, error) {
	sc, err := c.store.GetScorecard(c.ctx, scorecardID)
	if err != nil {
		return model.Profile{}, err
	}
	profiles, err := c.store.ListProfiles(c.ctx)
	if err != nil {
		return model.Profile{}, err
	}
	for _, p := range profiles {
		if p.ID == sc.AuthorID {
			return p, nil
		}
	}
	return model.Profile{}, fmt.Errorf("the author of scorecard %d is no longer a profile here: %w", scorecardID, model.ErrNotFound)
}
