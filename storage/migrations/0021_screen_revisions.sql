-- Resume screen revisions (issue 13): every save of a resume screen is kept,
-- by whom, when, with its marks, decision, the suggestion the marks gave and
-- the reasons (a reject's reason, an override's reason). The latest revision
-- of a slot is that screener's current screen; slot 1 is the screen
-- (resume_screens mirrors its latest), slot 2 the optional second screener's
-- independent screen. Erased with the candidate (ON DELETE CASCADE from the
-- application, and storage.candidateData).
CREATE TABLE screen_revisions (
    id                INTEGER PRIMARY KEY,
    application_id    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    slot              INTEGER NOT NULL CHECK (slot IN (1, 2)),
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    marks             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(marks)),
    decision          TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'advance', 'reject')),
    suggested         TEXT NOT NULL DEFAULT '' CHECK (suggested IN ('', 'advance', 'reject')),
    reject_reason     TEXT NOT NULL DEFAULT '' CHECK (length(reject_reason) <= 500),
    override_reason   TEXT NOT NULL DEFAULT '' CHECK (length(override_reason) <= 500),
    author_id         INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    author_name       TEXT NOT NULL,
    at                TEXT NOT NULL
);
CREATE INDEX screen_revisions_by_application ON screen_revisions (application_id, slot, id);
-- Screens saved before revisions were kept become their first revision.
INSERT INTO screen_revisions (application_id, slot, rubric_version_id, marks, decision, author_id, author_name, at)
    SELECT application_id, 1, rubric_version_id, marks, decision, author_id, author_name, updated_at FROM resume_screens;
