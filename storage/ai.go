// AI assist's records: the ledger of every call (kept; it names nobody),
// the exact exchange kept with the candidate it was about (erased with
// them: candidateData), the cache of answers, and the per-candidate
// human-only switch. Which calls to make, and whether a candidate may be
// sent at all, is the assist service's to decide; this file only keeps rows.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// AIOutcomeOK is the outcome of a call that produced a usable answer; any
// other outcome counts as failed.
const AIOutcomeOK = "ok"

// AICall is one row of the ledger: a call to a model, or a cache hit.
type AICall struct {
	ID int64
	// At is when the call was made (RFC 3339; "" stamps the store's now).
	At, Feature, Model, PromptVersion string
	TokensIn, TokensOut               int
	// CostUSD is what the call was billed: a cache hit's is 0.
	CostUSD   float64
	LatencyMS int64
	Outcome   string // AIOutcomeOK, or what went wrong
	Cached    bool
	Attempts  int
	// Fingerprint is the model's system_fingerprint.
	Fingerprint string
	// EstimateOut is the reply size the feature's fixed rule expected
	// (0: not known); AIOutputHistory pairs it with TokensOut.
	EstimateOut int
}

// AIOutput is one paid, successful call's reply: the size the fixed rule
// expected and the tokens it was billed.
type AIOutput struct {
	EstimateOut, TokensOut int
}

// AICacheEntry is a stored answer to a request identical to one asked
// before.
type AICacheEntry struct {
	Response, Model, Fingerprint, CreatedAt string
	TokensIn, TokensOut                     int
}

// AIRecord is everything one call leaves behind: its ledger row, the exact
// request and response kept with the candidate (when CandidateID > 0), and
// the answer cached under CacheKey (when set and the call succeeded).
type AIRecord struct {
	Call        AICall
	CandidateID int64
	// CandidateUID is the candidate's AIMark when the call began: if they
	// were erased, anonymised or replaced since, nothing about them is kept.
	CandidateUID      string
	CacheKey          string
	Request, Response string
	// Reservations are the call's budget reservations (ReserveAI), which
	// its ledger row replaces.
	Reservations []int64
}

// ErrAIGone: the candidate an AI call was about was erased or anonymised
// (or their row now holds someone else) since the call began, so nothing
// of the call is kept with them.
var ErrAIGone = fmt.Errorf("the candidate was erased or anonymised while the AI call ran: %w", model.ErrNotFound)

// AIUsageRow is the ledger's totals for one UTC day, feature and model.
// Tokens and cost are what was billed: cache hits add none.
type AIUsageRow struct {
	Day, Feature, Model                        string
	Calls, Cached, Failed, TokensIn, TokensOut int
	CostUSD                                    float64
}

// AIAuditEntry is one exchange about a candidate with its ledger row's
// metadata.
type AIAuditEntry struct {
	ID, CallID                                                    int64
	At, Feature, Model, PromptVersion, Outcome, Request, Response string
}

// A candidate's own uid (their first) and whether they were anonymised:
// anonymising gives the row a new uid, and a row id reused after an
// erasure comes with a new one too.
// The AI cache: a newer answer to the same request replaces the older one,
// and belongs to the candidate it was asked for. On a shared workspace the
// table answers only through its key (hb_ai_cached and hb_ai_cache_put,
// migration 0023: an answer can quote cards the asker may not read yet), and
// an interviewer's answer only to them (0025: nobody plants one for others).
// A laptop reads only answers cached there or by a shared workspace's owner
// or recruiters (cached_by NULL), and its own answer replaces any other.
var (
	sqlPutAICache = spell(func(d dialect) string {
		if d == postgresSQL {
			return `SELECT hb_ai_cache_put(?, ?, ?, ?, ?, ?, ?, ?)`
		}
		return `INSERT INTO ai_cache (key, candidate_id, response, model, fingerprint, tokens_in, tokens_out, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET candidate_id = excluded.candidate_id, response = excluded.response,
			model = excluded.model, fingerprint = excluded.fingerprint, tokens_in = excluded.tokens_in,
			tokens_out = excluded.tokens_out, created_at = excluded.created_at, cached_by = NULL`
	})
	sqlAICached = spell(func(d dialect) string {
		from := `ai_cache WHERE key = ? AND cached_by IS NULL`
		if d == postgresSQL {
			from = `hb_ai_cached(?)`
		}
		return `SELECT response, model, fingerprint, created_at, tokens_in, tokens_out FROM ` + from
	})
)

var sqlAIMark = spell(func(d dialect) string { return aiMarkSQL(d, "") })

// sqlAIMarkLocked is the mark read inside a write: on a shared workspace it
// waits for an erasure or anonymising of the candidate under way, and then
// reads the mark it left (storage.eraseShared locks the candidate first).
var sqlAIMarkLocked = spell(func(d dialect) string {
	if d == postgresSQL {
		return aiMarkSQL(d, " FOR SHARE OF c")
	}
	return aiMarkSQL(d, "")
})

func aiMarkSQL(d dialect, lock string) string {
	return `SELECT c.anonymised_at, coalesce((SELECT u.uid FROM candidate_uids u WHERE u.candidate_id = c.id
		ORDER BY ` + d.uidOrder("u") + ` LIMIT 1), '') FROM candidates c WHERE c.id = ?` + lock
}

const (
	sqlInsertAICall = `INSERT INTO ai_calls (at, feature, model, prompt_version, tokens_in, tokens_out, cost_usd, latency_ms,
		outcome, cached, attempts, fingerprint, estimate_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertAIAudit = `INSERT INTO ai_audit (call_id, candidate_id, request, response, at) VALUES (?, ?, ?, ?, ?)`
	// Cache hits are billed nothing (the schema holds them to cost 0).
	sqlAISpentSince = `SELECT coalesce(sum(cost_usd), 0) FROM ai_calls WHERE at >= ?`
	// Day is the UTC date: every stored time is UTC ("...Z", the schema checks).
	// The figures of a group of calls: calls, cached, failed, tokens in and
	// out (cached calls cost none) and cost.
	sqlAIUsageSums = `count(*), sum(cached), sum(CASE WHEN outcome <> '` + AIOutcomeOK + `' THEN 1 ELSE 0 END),
		sum(CASE WHEN cached <> 0 THEN 0 ELSE tokens_in END), sum(CASE WHEN cached <> 0 THEN 0 ELSE tokens_out END), sum(cost_usd)`
	sqlAIUsage = `SELECT substr(at, 1, 10) AS day, feature, model, ` + sqlAIUsageSums + `
		FROM ai_calls WHERE at >= ? GROUP BY day, feature, model ORDER BY day DESC, feature, model`
	sqlAIAudit = `SELECT a.id, a.call_id, a.at, c.feature, c.model, c.prompt_version, c.outcome, a.request, a.response
		FROM ai_audit a JOIN ai_calls c ON c.id = a.call_id WHERE a.candidate_id = ? ORDER BY a.at DESC, a.id DESC`
	sqlHumanOnly    = `SELECT human_only FROM candidates WHERE id = ?`
	sqlSetHumanOnly = `UPDATE candidates SET human_only = ? WHERE id = ?`
	// The newest paid, successful calls with a known expected size (index
	// ai_calls_history).
	sqlAIOutputHistory = `SELECT estimate_out, tokens_out FROM ai_calls
		WHERE model = ? AND prompt_version = ? AND outcome = '` + AIOutcomeOK + `' AND cached = 0 AND estimate_out > 0
		ORDER BY id DESC LIMIT ?`
)

// RecordAI writes a call's ledger row, its audit row (CandidateID > 0) and
// its answer to the cache (CacheKey set, outcome ok, not itself a cache hit,
// whose entry is already there) in one transaction, releases the call's
// budget reservations, and returns the ledger row's id. A candidate who is
// not there, or no longer the one the call began with (CandidateUID), or
// anonymised, is not found (ErrAIGone) and nothing is written.
func (s *Store) RecordAI(ctx context.Context, r AIRecord) (int64, error) {
	at := s.now()
	if r.Call.At != "" {
		var err error
		if at, err = model.ParseTime(r.Call.At); err != nil {
			return 0, model.Invalid("at", "the time of an AI call must be RFC 3339, not %q", r.Call.At)
		}
	}
	c := r.Call
	var id int64
	err := s.write(ctx, func(tx queryer) error {
		if r.CandidateID > 0 {
			if err := sameAIMark(ctx, tx, r.CandidateID, r.CandidateUID); err != nil {
				return err
			}
		}
		if err := releaseAI(ctx, tx, r.Reservations); err != nil {
			return err
		}
		var err error
		id, err = insertID(ctx, tx, sqlInsertAICall, at, c.Feature, c.Model, c.PromptVersion, c.TokensIn, c.TokensOut,
			c.CostUSD, c.LatencyMS, c.Outcome, c.Cached, c.Attempts, c.Fingerprint, max(c.EstimateOut, 0))
		if err != nil {
			return fmt.Errorf("storage: record an AI call: %w", err)
		}
		if r.CandidateID > 0 {
			if _, err := tx.ExecContext(ctx, sqlInsertAIAudit, id, r.CandidateID, r.Request, r.Response, at); err != nil {
				return fmt.Errorf("storage: record AI call %d for candidate %d: %w", id, r.CandidateID, err)
			}
		}
		if r.CacheKey != "" && c.Outcome == AIOutcomeOK && !c.Cached {
			var who any // NULL: an answer about nobody
			if r.CandidateID > 0 {
				who = r.CandidateID
			}
			if _, err := tx.ExecContext(ctx, sqlPutAICache.in(tx), r.CacheKey, who, r.Response, c.Model, c.Fingerprint,
				c.TokensIn, c.TokensOut, at); err != nil {
				return fmt.Errorf("storage: cache the answer of AI call %d: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// AIMark is what identifies a candidate as they are now, for an AI call
// to compare when it ends (AIRecord.CandidateUID, AIRating.CandidateUID):
// their own uid. An anonymised candidate is ErrAIGone (nothing about them
// is sent or kept); an unknown one is not found.
func (s *Store) AIMark(ctx context.Context, candidateID int64) (string, error) {
	return aiMark(ctx, s.rd, sqlAIMark, candidateID)
}

func aiMark(ctx context.Context, q queryer, query spelled, candidateID int64) (string, error) {
	var anonymisedAt, uid string
	err := q.QueryRowContext(ctx, query.in(q), candidateID).Scan(&anonymisedAt, &uid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("candidate", candidateID)
	}
	if err != nil {
		return "", fmt.Errorf("storage: read candidate %d for an AI call: %w", candidateID, err)
	}
	if anonymisedAt != "" {
		return "", fmt.Errorf("candidate %d: %w", candidateID, ErrAIGone)
	}
	return uid, nil
}

// sameAIMark refuses, inside a write, a candidate who is gone or no longer
// the one marked (mark "" checks only that they are there, not anonymised).
func sameAIMark(ctx context.Context, q queryer, candidateID int64, mark string) error {
	now, err := aiMark(ctx, q, sqlAIMarkLocked, candidateID)
	if err == nil && mark != "" && now != mark {
		err = fmt.Errorf("candidate %d: %w", candidateID, ErrAIGone)
	}
	return err
}

// AddAIAudit keeps one more exchange about a candidate under an existing
// ledger row (a fairness probe notes each candidate it sampled, by ids),
// refused like RecordAI when the candidate is no longer the one marked.
func (s *Store) AddAIAudit(ctx context.Context, callID, candidateID int64, mark, request, response string) error {
	at := s.now()
	return s.write(ctx, func(tx queryer) error {
		if err := sameAIMark(ctx, tx, candidateID, mark); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlInsertAIAudit, callID, candidateID, request, response, at); err != nil {
			return fmt.Errorf("storage: record AI call %d for candidate %d: %w", callID, candidateID, err)
		}
		return nil
	})
}

// AICached returns the answer stored under key, or model.ErrNotFound.
func (s *Store) AICached(ctx context.Context, key string) (AICacheEntry, error) {
	var e AICacheEntry
	err := s.rd.QueryRowContext(ctx, sqlAICached.in(s.rd), key).Scan(&e.Response, &e.Model, &e.Fingerprint, &e.CreatedAt, &e.TokensIn, &e.TokensOut)
	if errors.Is(err, sql.ErrNoRows) {
		// The key is a hash of what was sent: not worth repeating in errors.
		return e, notFoundAs("cached AI answer")
	}
	if err != nil {
		return e, fmt.Errorf("storage: read the AI cache: %w", err)
	}
	return e, nil
}

// AISpentSince is what the ledger's calls at or after since (RFC 3339; ""
// for every call) were billed, in USD.
func (s *Store) AISpentSince(ctx context.Context, since string) (float64, error) {
	from, err := aiSince(since)
	if err != nil {
		return 0, err
	}
	var usd float64
	if err := s.rd.QueryRowContext(ctx, sqlAISpentSince, from).Scan(&usd); err != nil {
		return 0, fmt.Errorf("storage: read AI spend: %w", err)
	}
	return usd, nil
}

// AIOutputHistory is the reply of the newest (at most limit) calls of a
// model and prompt version that were paid for (not cache hits) and
// succeeded, newest first: what the measured output estimate learns from
// (ai.EstimateOutput). The prompt version names the request, so the
// ledger's feature adds nothing (a probe variant sends the screen's).
// Calls without a recorded expected size are left out.
func (s *Store) AIOutputHistory(ctx context.Context, modelName, promptVersion string, limit int) ([]AIOutput, error) {
	out := []AIOutput{}
	err := each(ctx, s.rd, sqlAIOutputHistory, []any{modelName, promptVersion, limit}, func(sc scanner) error {
		var o AIOutput
		err := sc.Scan(&o.EstimateOut, &o.TokensOut)
		out = append(out, o)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read the AI output history: %w", err)
	}
	return out, nil
}

// AIUsage totals the ledger's calls at or after since (RFC 3339; "" for
// every call) per UTC day, feature and model: the newest day first, then
// by feature and model.
func (s *Store) AIUsage(ctx context.Context, since string) ([]AIUsageRow, error) {
	from, err := aiSince(since)
	if err != nil {
		return nil, err
	}
	out := []AIUsageRow{}
	err = each(ctx, s.rd, sqlAIUsage, []any{from}, func(sc scanner) error {
		var u AIUsageRow
		err := sc.Scan(&u.Day, &u.Feature, &u.Model, &u.Calls, &u.Cached, &u.Failed, &u.TokensIn, &u.TokensOut, &u.CostUSD)
		out = append(out, u)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read AI usage: %w", err)
	}
	return out, nil
}

// aiSince is since in the stored form, which compares as text.
func aiSince(since string) (string, error) {
	if since == "" {
		return "", nil
	}
	at, err := model.ParseTime(since)
	if err != nil {
		return "", model.Invalid("since", "%q is not an RFC 3339 time (such as 2025-03-01T00:00:00Z)", since)
	}
	return at, nil
}

// AIAudit lists the exchanges kept about a candidate, newest first, each
// with its ledger row's metadata; an unknown candidate is not found.
func (s *Store) AIAudit(ctx context.Context, candidateID int64) ([]AIAuditEntry, error) {
	return readValue(ctx, s, func(tx queryer) ([]AIAuditEntry, error) {
		if _, err := humanOnly(ctx, tx, candidateID); err != nil {
			return nil, err
		}
		out := []AIAuditEntry{}
		err := each(ctx, tx, sqlAIAudit, []any{candidateID}, func(sc scanner) error {
			var a AIAuditEntry
			err := sc.Scan(&a.ID, &a.CallID, &a.At, &a.Feature, &a.Model, &a.PromptVersion, &a.Outcome, &a.Request, &a.Response)
			out = append(out, a)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("storage: read the AI audit of candidate %d: %w", candidateID, err)
		}
		return out, nil
	})
}

// SetHumanOnly switches AI off (on) or back on (off) for a candidate.
func (s *Store) SetHumanOnly(ctx context.Context, candidateID int64, on bool) error {
	return s.write(ctx, func(tx queryer) error { return setHumanOnly(ctx, tx, candidateID, on) })
}

// HumanOnly says whether AI is switched off for a candidate.
func (s *Store) HumanOnly(ctx context.Context, candidateID int64) (bool, error) {
	return humanOnly(ctx, s.rd, candidateID)
}

func humanOnly(ctx context.Context, q queryer, candidateID int64) (bool, error) {
	var on bool
	err := q.QueryRowContext(ctx, sqlHumanOnly, candidateID).Scan(&on)
	if errors.Is(err, sql.ErrNoRows) {
		return false, notFound("candidate", candidateID)
	}
	if err != nil {
		return false, fmt.Errorf("storage: read human-only for candidate %d: %w", candidateID, err)
	}
	return on, nil
}

// HumanOnly says, inside a transaction, whether AI is switched off for a
// candidate (a bundle carries the switch).
func (t *Tx) HumanOnly(candidateID int64) (bool, error) { return humanOnly(t.ctx, t.q, candidateID) }

// SetHumanOnly switches AI off (on) or back on for a candidate inside a
// transaction.
func (t *Tx) SetHumanOnly(candidateID int64, on bool) error {
	return setHumanOnly(t.ctx, t.q, candidateID, on)
}

func setHumanOnly(ctx context.Context, q queryer, candidateID int64, on bool) error {
	res, err := q.ExecContext(ctx, sqlSetHumanOnly, on, candidateID)
	if err != nil {
		return fmt.Errorf("storage: set human-only for candidate %d: %w", candidateID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("candidate", candidateID)
	}
	return nil
}
