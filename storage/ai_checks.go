// What the checks found in AI suggestions (ai_checks: quotes given and
// dropped, items the runs disagreed on, repairs), and the AI usage a
// report reads: the ledger's totals per feature and model, for the whole
// workspace or for one role's candidates. Counts only, about nobody. What
// the figures mean is the assist service's to say.

package storage

import (
	"context"
	"fmt"

	"hirebench/app/model"
)

// AICheck is what the checks found in one suggestion: Runs calls the
// model answered (not the cache), Items suggested and Uncertain of them the
// runs disagreed on, Quotes given and Dropped of them not found in the
// text, Repairs of replies that broke the schema.
type AICheck struct {
	At, Feature, Model, PromptVersion                string
	Runs, Items, Uncertain, Quotes, Dropped, Repairs int
}

// AICheckTotals adds up the checks of one feature and model.
type AICheckTotals struct {
	Feature, Model                                                string
	Suggestions, Runs, Items, Uncertain, Quotes, Dropped, Repairs int
}

const (
	sqlInsertAICheck = `INSERT INTO ai_checks (at, feature, model, prompt_version, runs, items, uncertain, quotes, dropped, repairs)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlAICheckTotals = `SELECT feature, model, count(*), sum(runs), sum(items), sum(uncertain), sum(quotes), sum(dropped), sum(repairs)
		FROM ai_checks WHERE at >= ? GROUP BY feature, model ORDER BY feature, model`
	// A role's calls are those about its candidates: the ones whose exchange
	// is kept with someone who applied to it (the audit is erased with the
	// person, so an erased candidate's calls leave the role's figures).
	sqlAIRoleUsage = `SELECT feature, model, ` + sqlAIUsageSums + `
		FROM ai_calls WHERE id IN (SELECT au.call_id FROM ai_audit au JOIN applications ap ON ap.candidate_id = au.candidate_id
			WHERE ap.role_id = ?)
		GROUP BY feature, model ORDER BY feature, model`
	sqlAIUsageTotals = `SELECT feature, model, ` + sqlAIUsageSums + `
		FROM ai_calls WHERE at >= ? GROUP BY feature, model ORDER BY feature, model`
)

// AddAICheck keeps what the checks found in one suggestion (At "" stamps
// the store's now).
func (s *Store) AddAICheck(ctx context.Context, c AICheck) error {
	at := s.now()
	if c.At != "" {
		var err error
		if at, err = model.ParseTime(c.At); err != nil {
			return model.Invalid("at", "the time of an AI check must be RFC 3339, not %q", c.At)
		}
	}
	return s.write(ctx, func(tx queryer) error {
		if _, err := tx.ExecContext(ctx, sqlInsertAICheck, at, c.Feature, c.Model, c.PromptVersion, c.Runs, c.Items,
			c.Uncertain, c.Quotes, c.Dropped, c.Repairs); err != nil {
			return fmt.Errorf("storage: keep the checks of an AI %s suggestion: %w", c.Feature, err)
		}
		return nil
	})
}

// AIChecks totals the checks at or after since (RFC 3339; "" for all) per
// feature and model.
func (s *Store) AIChecks(ctx context.Context, since string) ([]AICheckTotals, error) {
	from, err := aiSince(since)
	if err != nil {
		return nil, err
	}
	out := []AICheckTotals{}
	err = each(ctx, s.rd, sqlAICheckTotals, []any{from}, func(sc scanner) error {
		var c AICheckTotals
		err := sc.Scan(&c.Feature, &c.Model, &c.Suggestions, &c.Runs, &c.Items, &c.Uncertain, &c.Quotes, &c.Dropped, &c.Repairs)
		out = append(out, c)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read AI checks: %w", err)
	}
	return out, nil
}

// AIUsageTotals totals the ledger's calls at or after since (RFC 3339; ""
// for all) per feature and model (Day is empty).
func (s *Store) AIUsageTotals(ctx context.Context, since string) ([]AIUsageRow, error) {
	from, err := aiSince(since)
	if err != nil {
		return nil, err
	}
	return s.usageTotals(ctx, sqlAIUsageTotals, from)
}

// AIRoleUsage totals, per feature and model, the ledger's calls about the
// candidates who applied to a role (Day is empty): none when AI was never
// used for them.
func (s *Store) AIRoleUsage(ctx context.Context, roleID int64) ([]AIUsageRow, error) {
	return s.usageTotals(ctx, sqlAIRoleUsage, roleID)
}

func (s *Store) usageTotals(ctx context.Context, query string, arg any) ([]AIUsageRow, error) {
	out := []AIUsageRow{}
	err := each(ctx, s.rd, query, []any{arg}, func(sc scanner) error {
		var u AIUsageRow
		err := sc.Scan(&u.Feature, &u.Model, &u.Calls, &u.Cached, &u.Failed, &u.TokensIn, &u.TokensOut, &u.CostUSD)
		out = append(out, u)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read AI usage totals: %w", err)
	}
	return out, nil
}
