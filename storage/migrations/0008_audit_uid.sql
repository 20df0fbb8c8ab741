-- The erasure audit names whom it erased by the candidate's uid too (a random
-- id, nothing of the person), so that restoring an older backup can find
-- them there and erase them again. Rows written before this have '' and are
-- matched by candidate id and creation time instead.
ALTER TABLE privacy_audit ADD COLUMN candidate_uid TEXT NOT NULL DEFAULT '';

-- The uid is part of what the log says, append-only like the rest.
DROP TRIGGER privacy_audit_append_only;
CREATE TRIGGER privacy_audit_append_only BEFORE UPDATE OF id, action, why, candidate_id, counts, actor_id, actor_name, at, candidate_uid ON privacy_audit
BEGIN
    SELECT RAISE(ABORT, 'the privacy audit log is append-only');
END;
