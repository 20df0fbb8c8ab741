-- Committee numbers that hold up: weights fixed on the interview plan with a
-- record of every change, per-candidate round assignments, amendments made
-- after seeing other interviewers' cards, and passphrase-protected profiles.

-- A role's weights as set on its interview plan. No row: the rubric's own
-- weight. question_id '' holds the competency's weight.
CREATE TABLE plan_weights (
    role_id       INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL CHECK (length(competency_id) BETWEEN 1 AND 64),
    question_id   TEXT NOT NULL DEFAULT '' CHECK (length(question_id) <= 64),
    weight        REAL NOT NULL CHECK (weight > 0 AND weight <= 100),
    PRIMARY KEY (role_id, competency_id, question_id)
) WITHOUT ROWID;

-- Every change of a plan weight: who, when, old → new, why, and whether the
-- role already had a submitted scorecard. Append-only.
CREATE TABLE plan_weight_changes (
    id            INTEGER PRIMARY KEY,
    role_id       INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL,
    question_id   TEXT NOT NULL DEFAULT '',
    label         TEXT NOT NULL,
    old_weight    REAL NOT NULL,
    new_weight    REAL NOT NULL CHECK (new_weight > 0 AND new_weight <= 100),
    reason        TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    after_scoring INTEGER NOT NULL CHECK (after_scoring IN (0, 1)),
    actor_id      INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    actor_name    TEXT NOT NULL,
    changed_at    TEXT NOT NULL
);
CREATE INDEX plan_weight_changes_role ON plan_weight_changes (role_id, id);
CREATE TRIGGER plan_weight_changes_append_only_update BEFORE UPDATE ON plan_weight_changes
BEGIN
    SELECT RAISE(ABORT, 'weight history is append-only');
END;

-- The plan's questions as they stood when the role's first scorecard was
-- submitted (JSON list of scoring.PlanQuestion). The same transaction
-- writes every weight of that plan into plan_weights, so later rubric
-- edits cannot move them; the debrief compares today's plan with this one.
CREATE TABLE plan_snapshots (
    role_id   INTEGER PRIMARY KEY REFERENCES roles (id) ON DELETE CASCADE,
    questions TEXT NOT NULL CHECK (json_valid(questions)),
    taken_at  TEXT NOT NULL
);

-- Who interviews one candidate in one round, when the recruiter reassigned
-- it; without rows the round's interviewers from the plan apply.
CREATE TABLE round_assignments (
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    round_id       INTEGER NOT NULL REFERENCES interview_rounds (id) ON DELETE CASCADE,
    profile_id     INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    PRIMARY KEY (application_id, round_id, profile_id)
) WITHOUT ROWID;

-- Rounds planned before assignments mattered: whoever already has a card in
-- a round with nobody assigned becomes its interviewer, so they can finish.
INSERT OR IGNORE INTO round_interviewers (round_id, profile_id)
    SELECT DISTINCT sc.round_id, sc.author_id FROM scorecards sc
    WHERE NOT EXISTS (SELECT 1 FROM round_interviewers ri WHERE ri.round_id = sc.round_id);

-- When other interviewers' submitted cards for a candidate were first shown
-- to a person. Kept even if the blind rule closes them again later (a round
-- added for that person), so what they read is never forgotten.
CREATE TABLE card_exposures (
    profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    first_at     TEXT NOT NULL,
    PRIMARY KEY (profile_id, candidate_id)
) WITHOUT ROWID;

-- A card submitted, or an amendment made, after other interviewers' cards
-- for the candidate were open to its author (part of its hash when set).
ALTER TABLE scorecards ADD COLUMN seen_others INTEGER NOT NULL DEFAULT 0 CHECK (seen_others IN (0, 1));
ALTER TABLE scorecard_revisions ADD COLUMN seen_others INTEGER NOT NULL DEFAULT 0 CHECK (seen_others IN (0, 1));

-- argon2id hash of a profile's passphrase in PHC string form; '' = none.
ALTER TABLE profiles ADD COLUMN passphrase_hash TEXT NOT NULL DEFAULT '';
