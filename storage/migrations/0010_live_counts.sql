-- The board, the role list and the pipeline editor show how many live
-- (not archived) candidates each stage holds. Counting them per read went
-- through every application of a role: about 25 ms a role at 100k
-- candidates, paid at every start of the window. Triggers keep the count
-- on the stage instead. The definition, which storage tests check the
-- triggers against after every kind of change, stays:
--   live_count = the stage's applications whose candidate's archived_at is ''.
ALTER TABLE stages ADD COLUMN live_count INTEGER NOT NULL DEFAULT 0;

UPDATE stages SET live_count = (
    SELECT count(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id
    WHERE a.stage_id = stages.id AND c.archived_at = '');

CREATE TRIGGER live_count_insert AFTER INSERT ON applications
WHEN (SELECT archived_at FROM candidates WHERE id = NEW.candidate_id) = ''
BEGIN
    UPDATE stages SET live_count = live_count + 1 WHERE id = NEW.stage_id;
END;

-- A candidate being deleted is no longer there when its applications go
-- (ON DELETE CASCADE), so this does not fire for them: live_count_erase
-- has already counted them out.
CREATE TRIGGER live_count_delete AFTER DELETE ON applications
WHEN (SELECT archived_at FROM candidates WHERE id = OLD.candidate_id) = ''
BEGIN
    UPDATE stages SET live_count = live_count - 1 WHERE id = OLD.stage_id;
END;

CREATE TRIGGER live_count_move AFTER UPDATE OF stage_id, candidate_id ON applications
WHEN OLD.stage_id <> NEW.stage_id OR OLD.candidate_id <> NEW.candidate_id
BEGIN
    UPDATE stages SET live_count = live_count - 1
    WHERE id = OLD.stage_id AND (SELECT archived_at FROM candidates WHERE id = OLD.candidate_id) = '';
    UPDATE stages SET live_count = live_count + 1
    WHERE id = NEW.stage_id AND (SELECT archived_at FROM candidates WHERE id = NEW.candidate_id) = '';
END;

CREATE TRIGGER live_count_archive AFTER UPDATE OF archived_at ON candidates
WHEN (OLD.archived_at = '') <> (NEW.archived_at = '')
BEGIN
    UPDATE stages SET live_count = live_count + CASE WHEN NEW.archived_at = '' THEN 1 ELSE -1 END
    WHERE id IN (SELECT stage_id FROM applications WHERE candidate_id = NEW.id);
END;

CREATE TRIGGER live_count_erase BEFORE DELETE ON candidates
WHEN OLD.archived_at = ''
BEGIN
    UPDATE stages SET live_count = live_count - 1
    WHERE id IN (SELECT stage_id FROM applications WHERE candidate_id = OLD.id);
END;

-- The board shows each column's oldest arrivals a page at a time: this
-- index reads a stage's cards in that order and stops at the page.
CREATE INDEX applications_stage_arrival ON applications (stage_id, entered_stage_at, id);
