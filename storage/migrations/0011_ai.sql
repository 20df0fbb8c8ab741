-- AI assist (issue 11): the ledger of every call, the exact exchange kept
-- with the candidate it was about, the cache of answers, and a switch that
-- keeps AI away from one candidate. Times are UTC, as every stored time.

-- The ledger: one row per call, a cache hit included. It names nobody (no
-- candidate, no text), so it is kept when a candidate is erased: the usage
-- screen, the budget and the AI Act's record of what ran stay true.
-- cost_usd is what the call was billed; a cache hit bills nothing.
CREATE TABLE ai_calls (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    feature        TEXT NOT NULL CHECK (length(feature) BETWEEN 1 AND 100),
    model          TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    prompt_version TEXT NOT NULL DEFAULT '' CHECK (length(prompt_version) <= 100),
    tokens_in      INTEGER NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
    tokens_out     INTEGER NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
    cost_usd       REAL NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    latency_ms     INTEGER NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
    outcome        TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 100),
    cached         INTEGER NOT NULL DEFAULT 0 CHECK (cached IN (0, 1)),
    attempts       INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 0),
    fingerprint    TEXT NOT NULL DEFAULT '' CHECK (length(fingerprint) <= 200),
    CHECK (cached = 0 OR cost_usd = 0)
);
-- Spend since a date and usage per day both read a range of times.
CREATE INDEX ai_calls_at ON ai_calls (at);
-- What was recorded stays as it was recorded.
CREATE TRIGGER ai_calls_kept BEFORE UPDATE ON ai_calls
BEGIN
    SELECT RAISE(ABORT, 'the AI call ledger is append-only');
END;

-- The exact request and response of a call about a candidate: personal
-- data, so it goes with the candidate (erased or anonymised), while its
-- ledger row stays.
CREATE TABLE ai_audit (
    id           INTEGER PRIMARY KEY,
    call_id      INTEGER NOT NULL REFERENCES ai_calls (id),
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    request      TEXT NOT NULL,
    response     TEXT NOT NULL,
    at           TEXT NOT NULL
);
-- A candidate's exchanges, newest first; erasing them.
CREATE INDEX ai_audit_candidate ON ai_audit (candidate_id, at);

-- Answers to identical requests (the key says what made them identical),
-- so asking again costs nothing. An answer is about the candidate it was
-- asked for (none for a feature about nobody) and goes with them.
CREATE TABLE ai_cache (
    key          TEXT PRIMARY KEY CHECK (key <> ''),
    candidate_id INTEGER REFERENCES candidates (id) ON DELETE CASCADE,
    response     TEXT NOT NULL CHECK (response <> ''),
    model        TEXT NOT NULL CHECK (model <> ''),
    fingerprint  TEXT NOT NULL DEFAULT '',
    tokens_in    INTEGER NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
    tokens_out   INTEGER NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
    created_at   TEXT NOT NULL
);
-- Erasing a candidate's answers.
CREATE INDEX ai_cache_candidate ON ai_cache (candidate_id);

-- No AI for this candidate: a choice about how they are assessed, not
-- something that says who they are, so anonymising keeps it.
ALTER TABLE candidates ADD COLUMN human_only INTEGER NOT NULL DEFAULT 0 CHECK (human_only IN (0, 1));
