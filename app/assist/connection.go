// "Test connection": the endpoint's models and how long it took to list
// them, or what went wrong in plain words.

package assist

import (
	"context"
	"errors"
	"slices"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
)

// Connection is the outcome of a connection test.
type Connection struct {
	OK       bool     `json:"ok"`
	Endpoint string   `json:"endpoint"`
	Models   []string `json:"models"`
	// LatencyMS is how long listing the models took.
	LatencyMS int64 `json:"latencyMs"`
	// HasModel: the model set for screening is among them.
	HasModel bool   `json:"hasModel"`
	Model    string `json:"model"`
	// Problem says what went wrong, in plain words ("" when OK).
	Problem string `json:"problem"`
}

// connectionTimeout bounds a test: a slow endpoint is itself the answer.
const connectionTimeout = 15 * time.Second

// TestConnection lists the models at baseURL ("" is OpenAI's own) with the
// key in use, and times it; the screening model is the saved settings'.
// The key goes only where the recruiter may send it: anyone may test the
// saved address, only the recruiter another one.
func (d *Desk) TestConnection(ctx context.Context, who model.Profile, baseURL string) (Connection, error) {
	s, err := LoadSettings(ctx, d.store)
	if err != nil {
		return Connection{}, err
	}
	if baseURL != s.BaseURL {
		if err := MayManage(who); err != nil {
			return Connection{}, err
		}
	}
	s.BaseURL = baseURL
	if err := s.Check(); err != nil {
		return Connection{}, err
	}
	c := Connection{Endpoint: endpointName(baseURL), Model: s.Models[ai.FeatureScreen]}
	key, err := d.keys.Key()
	if err != nil {
		c.Problem = "There is no API key to test with: save one first."
		return c, nil
	}
	ctx, cancel := context.WithTimeout(ctx, connectionTimeout)
	defer cancel()
	started := d.now()
	models, err := NewOpenAI(baseURL, key, d.http).Models(ctx)
	c.LatencyMS = d.now().Sub(started).Milliseconds()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return c, err
		}
		c.Problem = "The connection test failed."
		if r := refusal(err); errors.Is(r, model.ErrConflict) {
			c.Problem = model.RefusalSentence(r)
		}
		return c, nil
	}
	slices.Sort(models)
	c.OK, c.Models, c.HasModel = true, models, slices.Contains(models, c.Model)
	return c, nil
}
