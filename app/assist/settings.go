// AI settings: the endpoint, a model per task, the monthly budget and the
// price table. Stored as JSON in the workspace's settings (never the API
// key: that lives in the OS keyring or the environment, see keys.go).

package assist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/storage"
)

const settingsKey = "ai"

// Settings for AI help.
type Settings struct {
	// BaseURL of an OpenAI-compatible API ("" is OpenAI's own).
	BaseURL string `json:"baseUrl"`
	// Models by feature: a cheap model for extraction, a stronger one for summaries.
	Models map[string]string `json:"models"`
	// BudgetUSD is the monthly spending limit; calls stop once it is reached.
	BudgetUSD float64    `json:"budgetUsd"`
	Prices    []ai.Price `json:"prices"`
	// Seed and a zero temperature make answers as repeatable as the API allows.
	Temperature float64 `json:"temperature"`
	Seed        int     `json:"seed"`
	MaxTokens   int     `json:"maxTokens"`
	// Runs is how many times each suggestion is asked for (1 to 5); a flag
	// the runs disagree on is marked uncertain (screen.go).
	Runs int `json:"runs"`
}

// Task is one job a model does, with the model it uses unless the
// settings say otherwise: a cheap one to read resumes against a checklist
// (extraction), stronger ones where the call weighs evidence.
type Task struct {
	Feature      string `json:"feature"`
	Label        string `json:"label"`
	DefaultModel string `json:"defaultModel"`
}

// Tasks are the features that take a model from the settings, in the
// order the AI dialog lists them. The name-swap probe uses the screening
// model: it tests the screen as it runs.
var Tasks = []Task{
	{ai.FeatureScreen, ai.FeatureLabel(ai.FeatureScreen), "gpt-4o-mini"},
	{ai.FeatureRate, ai.FeatureLabel(ai.FeatureRate), "gpt-4.1"},
	{ai.FeatureSummary, ai.FeatureLabel(ai.FeatureSummary), "gpt-4.1"},
	{ai.FeatureFollowUp, ai.FeatureLabel(ai.FeatureFollowUp), "gpt-4.1"},
}

func isTask(feature string) bool {
	for _, t := range Tasks {
		if t.Feature == feature {
			return true
		}
	}
	return false
}

// DefaultSettings: OpenAI, a model per task (Tasks), $10 a month.
func DefaultSettings() Settings {
	models := map[string]string{}
	for _, t := range Tasks {
		models[t.Feature] = t.DefaultModel
	}
	return Settings{
		Models:    models,
		BudgetUSD: 10,
		Prices:    ai.DefaultPrices(),
		Seed:      7,
		MaxTokens: 2000,
		Runs:      DefaultRuns,
	}
}

// DefaultRuns and MaxRuns bound Settings.Runs: each run is a paid call.
const (
	DefaultRuns = 3
	MaxRuns     = 5
)

func (s Settings) withDefaults() Settings {
	d := DefaultSettings()
	if s.Models == nil {
		s.Models = map[string]string{}
	}
	for f, m := range d.Models {
		if s.Models[f] == "" {
			s.Models[f] = m
		}
	}
	if len(s.Prices) == 0 {
		s.Prices = d.Prices
	}
	if s.Seed == 0 {
		s.Seed = d.Seed
	}
	if s.MaxTokens <= 0 {
		s.MaxTokens = d.MaxTokens
	}
	if s.Runs == 0 {
		s.Runs = d.Runs
	}
	return s
}

// LoadSettings reads the workspace's AI settings (defaults when none were saved).
func LoadSettings(ctx context.Context, store *storage.Store) (Settings, error) {
	raw, err := store.Setting(ctx, settingsKey)
	if errors.Is(err, model.ErrNotFound) || (err == nil && raw == "") {
		return DefaultSettings(), nil
	}
	if err != nil {
		return Settings{}, err
	}
	s := DefaultSettings()
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return Settings{}, fmt.Errorf("the saved AI settings cannot be read: %w", err)
	}
	return s.withDefaults(), nil
}

// Check lists what is wrong with settings, by field.
func (s Settings) Check() error {
	v := &model.ValidationError{}
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			v.Add("baseUrl", "%q is not an http(s) address like https://api.openai.com/v1", s.BaseURL)
		case u.Scheme == "http" && !loopback(u.Hostname()):
			// The key travels in every request: in clear text only to this computer.
			v.Add("baseUrl", "%q sends the API key unencrypted: use https, or http only to this computer (localhost)", s.BaseURL)
		}
	}
	if s.BudgetUSD < 0 || s.BudgetUSD > 100000 || math.IsNaN(s.BudgetUSD) {
		v.Add("budgetUsd", "the monthly budget must be between $0 (no limit) and $100,000")
	}
	for _, f := range slices.Sorted(maps.Keys(s.Models)) {
		m := s.Models[f]
		switch {
		case !isTask(f):
			v.Add("models."+f, "%q is not a task that takes a model (%s)", f, taskList())
		case strings.TrimSpace(m) == "" || len(m) > 100:
			v.Add("models."+f, "give a model name")
		}
	}
	for i, p := range s.Prices {
		field := fmt.Sprintf("prices[%d]", i)
		if strings.TrimSpace(p.Model) == "" {
			v.Add(field, "a price needs its model")
		}
		if p.InputPerMTok < 0 || p.OutputPerMTok < 0 || p.InputPerMTok > 1000 || p.OutputPerMTok > 1000 ||
			math.IsNaN(p.InputPerMTok) || math.IsNaN(p.OutputPerMTok) {
			v.Add(field, "prices are USD per million tokens, between 0 and 1000")
		}
	}
	if s.Runs < 0 || s.Runs > MaxRuns {
		v.Add("runs", "each suggestion runs 1 to %d times", MaxRuns)
	}
	if s.Temperature < 0 || s.Temperature > 2 {
		v.Add("temperature", "the temperature must be between 0 and 2")
	}
	return v.Err()
}

func taskList() string {
	names := make([]string, len(Tasks))
	for i, t := range Tasks {
		names[i] = t.Feature
	}
	return strings.Join(names, ", ")
}

// SaveSettings checks and stores the workspace's AI settings.
func SaveSettings(ctx context.Context, store *storage.Store, s Settings) error {
	s = s.withDefaults()
	if err := s.Check(); err != nil {
		return err
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return store.PutSetting(ctx, settingsKey, string(b))
}

// SetPrice adds or replaces the price of one model, dated today.
func (s *Settings) SetPrice(p ai.Price) {
	for i := range s.Prices {
		if strings.EqualFold(s.Prices[i].Model, p.Model) {
			s.Prices[i] = p
			return
		}
	}
	s.Prices = append(s.Prices, p)
}

// UsageReport is the ledger's totals since a day, and this month's spend against the budget.
type UsageReport struct {
	Since     string               `json:"since"`
	Rows      []storage.AIUsageRow `json:"rows"`
	MonthUSD  float64              `json:"monthUsd"`
	BudgetUSD float64              `json:"budgetUsd"`
}

// Usage reads the ledger.
func Usage(ctx context.Context, store *storage.Store, s Settings, since time.Time) (UsageReport, error) {
	rows, err := store.AIUsage(ctx, since.UTC().Format(time.RFC3339))
	if err != nil {
		return UsageReport{}, err
	}
	n := time.Now().UTC()
	month, err := store.AISpentSince(ctx, time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339))
	if err != nil {
		return UsageReport{}, err
	}
	return UsageReport{Since: since.UTC().Format("2006-01-02"), Rows: rows, MonthUSD: month, BudgetUSD: s.withDefaults().BudgetUSD}, nil
}

// loopback: the host is this computer (localhost, 127.0.0.0/8, ::1).
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
