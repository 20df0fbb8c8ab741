-- Rubric drafts (issue 12): the rubric editor autosaves what an author types
-- as their draft of that rubric; it becomes a version only when they publish
-- it (SaveRubric/CreateRubric delete it in the same transaction), so edits
-- never vanish when the author leaves the editor. One draft per rubric and
-- author; rubric_id NULL is the author's draft of a rubric not created yet.
CREATE TABLE rubric_drafts (
    id          INTEGER PRIMARY KEY,
    rubric_id   INTEGER REFERENCES rubrics (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    -- The version the draft was started from (0 and '' for a new rubric):
    -- when the rubric's latest hash differs, a newer version was published
    -- since, and the editor says so.
    base_version INTEGER NOT NULL DEFAULT 0 CHECK (base_version >= 0),
    base_sha256  TEXT NOT NULL DEFAULT '' CHECK (base_sha256 = '' OR length(base_sha256) = 64),
    -- The editor's rubric as typed: JSON, not necessarily valid as a rubric yet.
    content     TEXT NOT NULL CHECK (json_valid(content)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX rubric_drafts_one ON rubric_drafts (author_id, ifnull(rubric_id, 0));
CREATE INDEX rubric_drafts_rubric ON rubric_drafts (rubric_id);
