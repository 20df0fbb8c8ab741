-- Full-text search over a candidate's name, email, notes and resume text
-- (pasted text plus text extracted from attachments). Triggers keep it in
-- step with every write, whichever code path makes it.

CREATE VIRTUAL TABLE candidate_search USING fts5 (
    name, email, notes, resume,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER candidate_search_insert AFTER INSERT ON candidates
BEGIN
    INSERT INTO candidate_search (rowid, name, email, notes, resume)
    VALUES (NEW.id, NEW.name, NEW.email, '', NEW.resume_text);
END;

CREATE TRIGGER candidate_search_update AFTER UPDATE OF name, email, resume_text ON candidates
BEGIN
    UPDATE candidate_search SET
        name = NEW.name,
        email = NEW.email,
        resume = trim(NEW.resume_text || char(10) || coalesce(
            (SELECT group_concat(extracted_text, char(10)) FROM attachments WHERE candidate_id = NEW.id), ''))
    WHERE rowid = NEW.id;
END;

CREATE TRIGGER candidate_search_delete AFTER DELETE ON candidates
BEGIN
    DELETE FROM candidate_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER candidate_search_note_insert AFTER INSERT ON notes
BEGIN
    UPDATE candidate_search SET notes = coalesce(
        (SELECT group_concat(body, char(10)) FROM notes WHERE candidate_id = NEW.candidate_id), '')
    WHERE rowid = NEW.candidate_id;
END;

CREATE TRIGGER candidate_search_note_delete AFTER DELETE ON notes
BEGIN
    UPDATE candidate_search SET notes = coalesce(
        (SELECT group_concat(body, char(10)) FROM notes WHERE candidate_id = OLD.candidate_id), '')
    WHERE rowid = OLD.candidate_id;
END;

CREATE TRIGGER candidate_search_attachment_insert AFTER INSERT ON attachments
BEGIN
    UPDATE candidate_search SET resume = trim(
        (SELECT resume_text FROM candidates WHERE id = NEW.candidate_id) || char(10) || coalesce(
        (SELECT group_concat(extracted_text, char(10)) FROM attachments WHERE candidate_id = NEW.candidate_id), ''))
    WHERE rowid = NEW.candidate_id;
END;

CREATE TRIGGER candidate_search_attachment_delete AFTER DELETE ON attachments
BEGIN
    UPDATE candidate_search SET resume = trim(
        (SELECT resume_text FROM candidates WHERE id = OLD.candidate_id) || char(10) || coalesce(
        (SELECT group_concat(extracted_text, char(10)) FROM attachments WHERE candidate_id = OLD.candidate_id), ''))
    WHERE rowid = OLD.candidate_id;
END;

-- Index what a schema-1 workspace already holds.
INSERT INTO candidate_search (rowid, name, email, notes, resume)
SELECT c.id, c.name, c.email,
       coalesce((SELECT group_concat(body, char(10)) FROM notes WHERE candidate_id = c.id), ''),
       trim(c.resume_text || char(10) || coalesce(
           (SELECT group_concat(extracted_text, char(10)) FROM attachments WHERE candidate_id = c.id), ''))
FROM candidates c;
