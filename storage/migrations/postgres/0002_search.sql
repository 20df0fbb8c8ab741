-- PostgreSQL twin of ../0002_search.sql: full-text search over a
-- candidate's name, email, notes and resume text (pasted text plus text
-- extracted from attachments), kept in step by triggers with every write.
--
-- SQLite's FTS5 table becomes the table candidate_search (the same four
-- texts) with a generated tsvector and a GIN index. Words are what FTS5's
-- 'unicode61 remove_diacritics 2' makes of a text: runs of letters and
-- digits, case folded, with the accents of Latin letters removed (é is e,
-- ø and Greek or Cyrillic letters stay as they are), then the 'simple'
-- configuration (no stemming, no stop words). The parity test leaves this
-- table and its triggers out, as it leaves out FTS5's.

-- search_fold: a text as words separated by spaces, folded as FTS5 folds.
-- ICU lowers every letter (the server's own locale may be C); punctuation
-- is listed by code point so the server's locale cannot change the words.
CREATE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(
        normalize(regexp_replace(normalize(lower(t COLLATE "und-x-icu"), NFD),
            '([a-z])[\u0300-\u036f]+', '\1', 'g'), NFC),
        '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u3004\u3008-\u3020\u3030\u303d\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+',
        ' ', 'g')
$$;

-- search_vector: the four texts' words, weighted for ranking as SQLite's
-- bm25 weighs its columns (name A, email B, notes and resume D). A tsvector
-- holds at most 1 MB of distinct words; past that (a huge attachment of
-- unique tokens) the start of the long texts is indexed rather than the
-- write refused.
CREATE FUNCTION search_vector(name text, email text, notes text, resume text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN setweight(to_tsvector('simple', search_fold(name)), 'A')
        || setweight(to_tsvector('simple', search_fold(email)), 'B')
        || setweight(to_tsvector('simple', search_fold(notes)), 'D')
        || setweight(to_tsvector('simple', search_fold(resume)), 'D');
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN setweight(to_tsvector('simple', search_fold(name)), 'A')
        || setweight(to_tsvector('simple', search_fold(email)), 'B')
        || setweight(to_tsvector('simple', search_fold(left(notes, 100000))), 'D')
        || setweight(to_tsvector('simple', search_fold(left(resume, 100000))), 'D');
END $$;

-- search_query: what the user typed as a query every word of which must
-- occur as a prefix. The text is never parsed as tsquery syntax: it is
-- folded into words, and each word is quoted here (a word holds letters and
-- digits only, and quotes and backslashes are escaped all the same).
CREATE FUNCTION search_query(words text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')::tsquery
    FROM unnest(to_tsvector('simple', search_fold(words)))
$$;

CREATE TABLE candidate_search (
    candidate_id bigint PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    name         text NOT NULL DEFAULT '',
    email        text NOT NULL DEFAULT '',
    notes        text NOT NULL DEFAULT '',
    resume       text NOT NULL DEFAULT '',
    words        tsvector NOT NULL GENERATED ALWAYS AS (search_vector(name, email, notes, resume)) STORED
);
-- fastupdate off: a write updates the index at once, rather than queue its
-- words in a list every search then reads through until vacuum merges it.
CREATE INDEX candidate_search_words ON candidate_search USING gin (words) WITH (fastupdate = off);

-- A candidate's notes and resume (with attachment text) as indexed.
CREATE FUNCTION search_notes(candidate bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT string_agg(body, chr(10) ORDER BY id) FROM notes WHERE candidate_id = candidate), '')
$$;
CREATE FUNCTION search_resume(candidate bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT trim((SELECT resume_text FROM candidates WHERE id = candidate) || chr(10) || coalesce(
        (SELECT string_agg(extracted_text, chr(10) ORDER BY id) FROM attachments WHERE candidate_id = candidate), ''))
$$;

CREATE FUNCTION candidate_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO candidate_search (candidate_id, name, email, notes, resume)
    VALUES (NEW.id, NEW.name, NEW.email, '', NEW.resume_text);
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_search_insert AFTER INSERT ON candidates
    FOR EACH ROW EXECUTE FUNCTION candidate_search_insert();

CREATE FUNCTION candidate_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE candidate_search SET name = NEW.name, email = NEW.email, resume = search_resume(NEW.id)
    WHERE candidate_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_search_update AFTER UPDATE OF name, email, resume_text ON candidates
    FOR EACH ROW EXECUTE FUNCTION candidate_search_update();

-- A deleted candidate's row goes by the foreign key's cascade.

CREATE FUNCTION candidate_search_notes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    candidate bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        candidate := OLD.candidate_id;
    ELSE
        candidate := NEW.candidate_id;
    END IF;
    UPDATE candidate_search SET notes = search_notes(candidate) WHERE candidate_id = candidate;
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_search_note_insert AFTER INSERT ON notes
    FOR EACH ROW EXECUTE FUNCTION candidate_search_notes();
CREATE TRIGGER candidate_search_note_delete AFTER DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION candidate_search_notes();

CREATE FUNCTION candidate_search_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    candidate bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        candidate := OLD.candidate_id;
    ELSE
        candidate := NEW.candidate_id;
    END IF;
    UPDATE candidate_search SET resume = search_resume(candidate) WHERE candidate_id = candidate;
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_search_attachment_insert AFTER INSERT ON attachments
    FOR EACH ROW EXECUTE FUNCTION candidate_search_attachments();
CREATE TRIGGER candidate_search_attachment_delete AFTER DELETE ON attachments
    FOR EACH ROW EXECUTE FUNCTION candidate_search_attachments();

-- What the workspace already holds (nothing, on a new server).
INSERT INTO candidate_search (candidate_id, name, email, notes, resume)
SELECT id, name, email, search_notes(id), search_resume(id) FROM candidates;
