-- The reply size each call was expected to have by the feature's fixed rule
-- (60 tokens a flag, 400 for a summary, ...), beside what it was billed, so
-- the next estimate can learn how far the rule is off for a prompt version
-- and model (docs/AI.md, "Measured output estimate"). 0: not recorded (calls
-- made before this column, cache hits, stops).
ALTER TABLE ai_calls ADD COLUMN estimate_out INTEGER NOT NULL DEFAULT 0 CHECK (estimate_out >= 0);
-- The history read before each call: the newest paid, successful calls of
-- one model and prompt version.
CREATE INDEX ai_calls_history ON ai_calls (model, prompt_version, id)
    WHERE outcome = 'ok' AND cached = 0 AND estimate_out > 0;
