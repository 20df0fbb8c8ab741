-- Core tracking schema: profiles, roles and their pipelines, candidates,
-- applications with stage history, notes and attachments.
-- Timestamps are RFC 3339 UTC text with milliseconds; '' means "not set".

CREATE TABLE profiles (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    is_recruiter INTEGER NOT NULL DEFAULT 0 CHECK (is_recruiter IN (0, 1)),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX profiles_name ON profiles (name COLLATE NOCASE);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    team       TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 200),
    location   TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE stages (
    id       INTEGER PRIMARY KEY,
    role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL DEFAULT 'active' CHECK (kind IN ('active', 'rejected'))
);
CREATE UNIQUE INDEX stages_role_name ON stages (role_id, name COLLATE NOCASE);
CREATE UNIQUE INDEX stages_one_rejected ON stages (role_id) WHERE kind = 'rejected';
CREATE INDEX stages_role_position ON stages (role_id, position);

CREATE TABLE rejection_reasons (
    id       INTEGER PRIMARY KEY,
    label    TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    position INTEGER NOT NULL
);
CREATE UNIQUE INDEX rejection_reasons_label ON rejection_reasons (label COLLATE NOCASE);
INSERT INTO rejection_reasons (label, position) VALUES
    ('Skills below the bar', 1),
    ('Experience does not match the level', 2),
    ('Compensation mismatch', 3),
    ('Location or work authorisation', 4),
    ('Candidate withdrew', 5),
    ('Accepted another offer', 6),
    ('No response', 7),
    ('Position filled', 8);

CREATE TABLE candidates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    phone       TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 50),
    location    TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    linkedin    TEXT NOT NULL DEFAULT '' CHECK (length(linkedin) <= 500),
    github      TEXT NOT NULL DEFAULT '' CHECK (length(github) <= 500),
    portfolio   TEXT NOT NULL DEFAULT '' CHECK (length(portfolio) <= 500),
    source      TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 200),
    resume_text TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT NOT NULL DEFAULT ''
);
-- One person, one record: the duplicate check relies on this index.
CREATE UNIQUE INDEX candidates_email ON candidates (email) WHERE email <> '';
CREATE INDEX candidates_name ON candidates (name COLLATE NOCASE);
CREATE INDEX candidates_updated ON candidates (updated_at);

CREATE TABLE candidate_tags (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 50),
    position     INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, tag)
) WITHOUT ROWID;
CREATE INDEX candidate_tags_tag ON candidate_tags (tag);

CREATE TABLE applications (
    id               INTEGER PRIMARY KEY,
    candidate_id     INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    role_id          INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    -- No cascade: a stage holding candidates cannot vanish under them.
    stage_id         INTEGER NOT NULL REFERENCES stages (id),
    rejection_reason TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    entered_stage_at TEXT NOT NULL,
    UNIQUE (candidate_id, role_id)
);
CREATE INDEX applications_stage ON applications (stage_id);
CREATE INDEX applications_role ON applications (role_id);

CREATE TRIGGER applications_stage_in_role_insert BEFORE INSERT ON applications
WHEN (SELECT role_id FROM stages WHERE id = NEW.stage_id) IS NOT NEW.role_id
BEGIN
    SELECT RAISE(ABORT, 'stage does not belong to the role');
END;
CREATE TRIGGER applications_stage_in_role_update BEFORE UPDATE OF stage_id, role_id ON applications
WHEN (SELECT role_id FROM stages WHERE id = NEW.stage_id) IS NOT NEW.role_id
BEGIN
    SELECT RAISE(ABORT, 'stage does not belong to the role');
END;

CREATE TABLE stage_events (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_stage     TEXT NOT NULL DEFAULT '',
    to_stage       TEXT NOT NULL,
    actor_id       INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    actor_name     TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL
);
CREATE INDEX stage_events_application ON stage_events (application_id, at);

CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    author_id    INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at   TEXT NOT NULL
);
CREATE INDEX notes_candidate ON notes (candidate_id, created_at);
-- Notes are a log: appended, never rewritten.
CREATE TRIGGER notes_append_only BEFORE UPDATE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notes cannot be edited');
END;

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    candidate_id   INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    mime_type      TEXT NOT NULL,
    size           INTEGER NOT NULL CHECK (size >= 0),
    data           BLOB NOT NULL,
    extracted_text TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX attachments_candidate ON attachments (candidate_id);
