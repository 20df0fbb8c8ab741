-- Voluntary self-identification, PostgreSQL twin of ../0018_self_id.sql:
-- special-category personal data, erased and anonymised with the candidate.
CREATE TABLE self_id (
    candidate_id bigint NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    category     text NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
    value        text NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    at           text NOT NULL,
    PRIMARY KEY (candidate_id, category)
);
