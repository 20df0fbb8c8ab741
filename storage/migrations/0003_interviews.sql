-- Structured interviews: rubrics and their versions, each role's interview
-- plan, scorecards (drafts, then immutable once submitted, with amendments
-- kept as revisions) and resume screens.

CREATE TABLE rubrics (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- The built-in template is read-only; "duplicate to edit" copies it.
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    archived_at TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX rubrics_one_builtin ON rubrics (builtin) WHERE builtin = 1;

-- A version is the exact content interviewers scored against. Once a
-- scorecard references a version, edits create a new one instead.
CREATE TABLE rubric_versions (
    id         INTEGER PRIMARY KEY,
    rubric_id  INTEGER NOT NULL REFERENCES rubrics (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    content    TEXT NOT NULL CHECK (json_valid(content)),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    author_id  INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (rubric_id, version)
);

CREATE TABLE interview_rounds (
    id           INTEGER PRIMARY KEY,
    role_id      INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position     INTEGER NOT NULL,
    rubric_id    INTEGER NOT NULL REFERENCES rubrics (id),
    -- JSON array of competency ids the round covers; [] means all of them.
    competencies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(competencies)),
    duration_min INTEGER NOT NULL DEFAULT 45 CHECK (duration_min BETWEEN 5 AND 480),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX interview_rounds_role ON interview_rounds (role_id, position);

CREATE TABLE round_interviewers (
    round_id   INTEGER NOT NULL REFERENCES interview_rounds (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, profile_id)
) WITHOUT ROWID;

CREATE TABLE round_schedule (
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    round_id       INTEGER NOT NULL REFERENCES interview_rounds (id) ON DELETE CASCADE,
    scheduled_at   TEXT NOT NULL,
    PRIMARY KEY (application_id, round_id)
) WITHOUT ROWID;

CREATE TABLE scorecards (
    id                INTEGER PRIMARY KEY,
    -- Stable across laptops, so bundles can merge and verify scorecards.
    uid               TEXT NOT NULL UNIQUE CHECK (length(uid) = 32),
    application_id    INTEGER NOT NULL REFERENCES applications (id),
    round_id          INTEGER NOT NULL REFERENCES interview_rounds (id),
    author_id         INTEGER NOT NULL REFERENCES profiles (id),
    author_name       TEXT NOT NULL,
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    competencies      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(competencies)),
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    answers           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
    recommendation    TEXT NOT NULL DEFAULT '' CHECK (recommendation IN ('', 'strong_no', 'no', 'yes', 'strong_yes')),
    notes             TEXT NOT NULL DEFAULT '',
    -- Where the interviewer was, so reopening resumes there.
    cursor            TEXT NOT NULL DEFAULT '',
    elapsed_ms        INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_ms >= 0),
    started_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    submitted_at      TEXT NOT NULL DEFAULT '',
    sha256            TEXT NOT NULL DEFAULT '',
    UNIQUE (application_id, round_id, author_id)
);
CREATE INDEX scorecards_application ON scorecards (application_id);
CREATE INDEX scorecards_version ON scorecards (rubric_version_id);

-- The database itself refuses to change a submitted scorecard: amendments
-- are appended to scorecard_revisions instead.
CREATE TRIGGER scorecards_submitted_immutable BEFORE UPDATE ON scorecards
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'submitted scorecard is immutable');
END;
CREATE TRIGGER scorecards_submitted_kept BEFORE DELETE ON scorecards
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'submitted scorecard is immutable');
END;

CREATE TABLE scorecard_revisions (
    id             INTEGER PRIMARY KEY,
    scorecard_id   INTEGER NOT NULL REFERENCES scorecards (id),
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    answers        TEXT NOT NULL CHECK (json_valid(answers)),
    recommendation TEXT NOT NULL CHECK (recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')),
    notes          TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    author_id      INTEGER NOT NULL REFERENCES profiles (id),
    author_name    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    UNIQUE (scorecard_id, revision)
);
CREATE TRIGGER scorecard_revisions_append_only_update BEFORE UPDATE ON scorecard_revisions
BEGIN
    SELECT RAISE(ABORT, 'scorecard revisions are append-only');
END;
CREATE TRIGGER scorecard_revisions_append_only_delete BEFORE DELETE ON scorecard_revisions
BEGIN
    SELECT RAISE(ABORT, 'scorecard revisions are append-only');
END;

CREATE TABLE resume_screens (
    application_id    INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    -- JSON object: flag id -> {"mark": "present"|"absent"|"unclear", "evidence": "..."}
    marks             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(marks)),
    decision          TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'advance', 'reject')),
    author_id         INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    author_name       TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
