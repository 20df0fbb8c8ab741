-- PostgreSQL twin of ../0008_audit_uid.sql: the erasure audit names whom it
-- erased by the candidate's uid too.
ALTER TABLE privacy_audit ADD COLUMN candidate_uid text NOT NULL DEFAULT '';

-- The uid is part of what the log says, append-only like the rest.
CREATE OR REPLACE TRIGGER privacy_audit_append_only BEFORE UPDATE OF id, action, why, candidate_id, counts, actor_id, actor_name, at, candidate_uid ON privacy_audit
    FOR EACH ROW EXECUTE FUNCTION refuse('the privacy audit log is append-only');
