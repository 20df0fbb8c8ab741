-- PostgreSQL twin of ../0009_stage_counts.sql: counting a stage's live
-- applications from indexes.
CREATE INDEX candidates_archived ON candidates (id) WHERE archived_at <> '';
CREATE INDEX stage_members ON applications (stage_id, candidate_id);
