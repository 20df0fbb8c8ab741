-- Counting a stage's live applications (the board's and the role list's
-- column counts) read every application's candidate row to check
-- archived_at, about 150 ms for a role at 100k candidates. The archived
-- are few: a partial index lists them, and a covering index counts a
-- stage's applications without touching the table.
CREATE INDEX candidates_archived ON candidates (id) WHERE archived_at <> '';
CREATE INDEX stage_members ON applications (stage_id, candidate_id);
