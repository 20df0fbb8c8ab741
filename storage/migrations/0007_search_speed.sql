-- Search as a person types, and the candidates table, at 100k candidates.
--
-- The search index also holds every word's first one,
-- two and three letters (prefix = '1 2 3'), so a query of a few letters
-- reads those entries in rowid order and stops at the page, instead of
-- merging the entries of every word that starts with them (which costs
-- hundreds of milliseconds for one letter at 100k candidates).
-- FTS5 cannot add prefix indexes to a table, so it is rebuilt from the
-- sources 0002 indexed; the triggers refer to it by name and keep it in step.

DROP TABLE candidate_search;

CREATE VIRTUAL TABLE candidate_search USING fts5 (
    name, email, notes, resume,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO candidate_search (rowid, name, email, notes, resume)
SELECT c.id, c.name, c.email,
       coalesce((SELECT group_concat(body, char(10)) FROM notes WHERE candidate_id = c.id), ''),
       trim(c.resume_text || char(10) || coalesce(
           (SELECT group_concat(extracted_text, char(10)) FROM attachments WHERE candidate_id = c.id), ''))
FROM candidates c;

-- The candidates table without a search lists live candidates, newest
-- first, and counts them: this index holds exactly those rows, so the count
-- reads it instead of every candidate's row (resume text included).
CREATE INDEX candidates_live ON candidates (updated_at) WHERE archived_at = '';
