-- PostgreSQL twin of ../0017_ai_estimate_out.sql: the reply size each call
-- was expected to have, beside what it was billed (0: not recorded).
ALTER TABLE ai_calls ADD COLUMN estimate_out bigint NOT NULL DEFAULT 0 CHECK (estimate_out >= 0);
-- The history read before each call.
CREATE INDEX ai_calls_history ON ai_calls (model, prompt_version, id)
    WHERE outcome = 'ok' AND cached = 0 AND estimate_out > 0;
