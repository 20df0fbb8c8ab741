-- PostgreSQL twin of ../0010_live_counts.sql: triggers keep each stage's
-- count of live candidates on the stage. The definition, as on SQLite:
--   live_count = the stage's applications whose candidate's archived_at is ''.
ALTER TABLE stages ADD COLUMN live_count bigint NOT NULL DEFAULT 0;

UPDATE stages SET live_count = (
    SELECT count(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id
    WHERE a.stage_id = stages.id AND c.archived_at = '');

CREATE FUNCTION live_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT archived_at FROM candidates WHERE id = NEW.candidate_id) = '' THEN
        UPDATE stages SET live_count = live_count + 1 WHERE id = NEW.stage_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_count_insert AFTER INSERT ON applications
    FOR EACH ROW EXECUTE FUNCTION live_count_insert();

-- A candidate being deleted is already gone when the cascade deletes its
-- applications, so this does not count them: live_count_erase has.
CREATE FUNCTION live_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT archived_at FROM candidates WHERE id = OLD.candidate_id) = '' THEN
        UPDATE stages SET live_count = live_count - 1 WHERE id = OLD.stage_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_count_delete AFTER DELETE ON applications
    FOR EACH ROW EXECUTE FUNCTION live_count_delete();

CREATE FUNCTION live_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE stages SET live_count = live_count - 1
    WHERE id = OLD.stage_id AND (SELECT archived_at FROM candidates WHERE id = OLD.candidate_id) = '';
    UPDATE stages SET live_count = live_count + 1
    WHERE id = NEW.stage_id AND (SELECT archived_at FROM candidates WHERE id = NEW.candidate_id) = '';
    RETURN NULL;
END $$;
CREATE TRIGGER live_count_move AFTER UPDATE OF stage_id, candidate_id ON applications
    FOR EACH ROW WHEN (OLD.stage_id <> NEW.stage_id OR OLD.candidate_id <> NEW.candidate_id)
    EXECUTE FUNCTION live_count_move();

CREATE FUNCTION live_count_archive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE stages SET live_count = live_count + CASE WHEN NEW.archived_at = '' THEN 1 ELSE -1 END
    WHERE id IN (SELECT stage_id FROM applications WHERE candidate_id = NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER live_count_archive AFTER UPDATE OF archived_at ON candidates
    FOR EACH ROW WHEN ((OLD.archived_at = '') <> (NEW.archived_at = ''))
    EXECUTE FUNCTION live_count_archive();

CREATE FUNCTION live_count_erase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE stages SET live_count = live_count - 1
    WHERE id IN (SELECT stage_id FROM applications WHERE candidate_id = OLD.id);
    RETURN OLD;
END $$;
CREATE TRIGGER live_count_erase BEFORE DELETE ON candidates
    FOR EACH ROW WHEN (OLD.archived_at = '')
    EXECUTE FUNCTION live_count_erase();

-- The board shows each column's oldest arrivals a page at a time.
CREATE INDEX applications_stage_arrival ON applications (stage_id, entered_stage_at, id);
