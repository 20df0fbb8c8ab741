-- Privacy: an audit log of who erased or anonymised which candidate and when
-- (never what was erased), a mark on anonymised candidates, and the one
-- deliberate exception to the scorecards' immutability: an erasure running.

-- One row per candidate erased or anonymised. Counts say how many rows of
-- each kind went; nothing of the person is kept. No foreign keys: the
-- candidate is gone and the actor's name is copied, so history stays true.
CREATE TABLE privacy_audit (
    id                  INTEGER PRIMARY KEY,
    action              TEXT NOT NULL CHECK (action IN ('erase', 'anonymise')),
    why                 TEXT NOT NULL CHECK (why IN ('request', 'retention')),
    candidate_id        INTEGER NOT NULL,
    counts              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
    actor_id            INTEGER NOT NULL DEFAULT 0,
    actor_name          TEXT NOT NULL,
    at                  TEXT NOT NULL,
    -- The automatic snapshots in the data folder, filled in once they were
    -- rewritten without the person (or dropped when that failed).
    snapshots_rewritten INTEGER NOT NULL DEFAULT 0 CHECK (snapshots_rewritten >= 0),
    snapshots_dropped   INTEGER NOT NULL DEFAULT 0 CHECK (snapshots_dropped >= 0)
);
CREATE INDEX privacy_audit_at ON privacy_audit (at);
CREATE TRIGGER privacy_audit_kept BEFORE DELETE ON privacy_audit
BEGIN
    SELECT RAISE(ABORT, 'the privacy audit log is append-only');
END;
CREATE TRIGGER privacy_audit_append_only BEFORE UPDATE OF id, action, why, candidate_id, counts, actor_id, actor_name, at ON privacy_audit
BEGIN
    SELECT RAISE(ABORT, 'the privacy audit log is append-only');
END;

-- When a candidate was anonymised: the row stays (with its applications and
-- anonymised scores, for calibration) but holds nothing of the person.
ALTER TABLE candidates ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT '';

-- The candidates an erasure is working on. Rows live only inside the
-- erasure's own transaction (inserted first, deleted before it commits), so
-- outside one this table is always empty and the triggers below refuse as
-- before.
CREATE TABLE privacy_erasing (
    candidate_id INTEGER PRIMARY KEY
);

-- Submitted scorecards and their amendments stay immutable, except for the
-- cards of a candidate being erased or anonymised.
DROP TRIGGER scorecards_submitted_immutable;
CREATE TRIGGER scorecards_submitted_immutable BEFORE UPDATE ON scorecards
WHEN OLD.status = 'submitted' AND NOT EXISTS (
    SELECT 1 FROM privacy_erasing e JOIN applications a ON a.candidate_id = e.candidate_id
    WHERE a.id = OLD.application_id)
BEGIN
    SELECT RAISE(ABORT, 'submitted scorecard is immutable');
END;
DROP TRIGGER scorecards_submitted_kept;
CREATE TRIGGER scorecards_submitted_kept BEFORE DELETE ON scorecards
WHEN OLD.status = 'submitted' AND NOT EXISTS (
    SELECT 1 FROM privacy_erasing e JOIN applications a ON a.candidate_id = e.candidate_id
    WHERE a.id = OLD.application_id)
BEGIN
    SELECT RAISE(ABORT, 'submitted scorecard is immutable');
END;
DROP TRIGGER scorecard_revisions_append_only_update;
CREATE TRIGGER scorecard_revisions_append_only_update BEFORE UPDATE ON scorecard_revisions
WHEN NOT EXISTS (
    SELECT 1 FROM privacy_erasing e JOIN applications a ON a.candidate_id = e.candidate_id
    JOIN scorecards sc ON sc.application_id = a.id WHERE sc.id = OLD.scorecard_id)
BEGIN
    SELECT RAISE(ABORT, 'scorecard revisions are append-only');
END;
DROP TRIGGER scorecard_revisions_append_only_delete;
CREATE TRIGGER scorecard_revisions_append_only_delete BEFORE DELETE ON scorecard_revisions
WHEN NOT EXISTS (
    SELECT 1 FROM privacy_erasing e JOIN applications a ON a.candidate_id = e.candidate_id
    JOIN scorecards sc ON sc.application_id = a.id WHERE sc.id = OLD.scorecard_id)
BEGIN
    SELECT RAISE(ABORT, 'scorecard revisions are append-only');
END;
