-- What the checks found in each AI suggestion (issue 11, the AI quality
-- view): how many quotes or note fragments the model gave and how many were
-- dropped because the text does not hold them, on how many items the runs
-- disagreed, and how many replies needed a repair. Counts only, about
-- nobody: like the ledger it stays when a candidate is erased.
CREATE TABLE ai_checks (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    feature        TEXT NOT NULL CHECK (length(feature) BETWEEN 1 AND 100),
    model          TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    prompt_version TEXT NOT NULL DEFAULT '' CHECK (length(prompt_version) <= 100),
    -- The calls the model answered for it (cache hits are not counted:
    -- their answer was checked when it was first given).
    runs           INTEGER NOT NULL CHECK (runs >= 1),
    -- Items suggested (checklist flags, a level) and those the runs disagreed on.
    items          INTEGER NOT NULL CHECK (items >= 0),
    uncertain      INTEGER NOT NULL DEFAULT 0 CHECK (uncertain BETWEEN 0 AND items),
    -- Quotes or fragments given, and of them those not found in the text.
    quotes         INTEGER NOT NULL DEFAULT 0 CHECK (quotes >= 0),
    dropped        INTEGER NOT NULL DEFAULT 0 CHECK (dropped BETWEEN 0 AND quotes),
    -- Replies that broke the schema and were asked again once.
    repairs        INTEGER NOT NULL DEFAULT 0 CHECK (repairs BETWEEN 0 AND runs)
);
-- The quality view reads a range of times.
CREATE INDEX ai_checks_at ON ai_checks (at);
-- What was recorded stays as it was recorded.
CREATE TRIGGER ai_checks_kept BEFORE UPDATE ON ai_checks
BEGIN
    SELECT RAISE(ABORT, 'the AI checks are append-only');
END;
