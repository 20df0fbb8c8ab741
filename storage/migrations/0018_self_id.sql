-- Voluntary self-identification (issue 13): per candidate and category the
-- answer they gave ("Prefer not to say" is an answer). The categories and
-- their options live in the setting selfid.categories (app/selfid).
-- Personal data of a special kind: only the recruiter records or reads a
-- person's answers, erased and anonymised away with the candidate
-- (storage.candidateData), and it leaves the app only as aggregates.
CREATE TABLE self_id (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    category     TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
    value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    at           TEXT NOT NULL,
    PRIMARY KEY (candidate_id, category)
) WITHOUT ROWID;
