-- Outcomes after a hire (issue 13): how a hired candidate's application
-- turned out, to check whether interview scores predict it (app/outcomes).
-- Ratings are on the 1–5 scale, each optional; left_on is '' while the
-- person is still employed. Personal data: erased with the candidate
-- (the cascade) and kept without identity on anonymisation like scores.
CREATE TABLE outcomes (
    application_id INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    rating_90d     INTEGER CHECK (rating_90d IS NULL OR rating_90d BETWEEN 1 AND 5),
    rating_1y      INTEGER CHECK (rating_1y IS NULL OR rating_1y BETWEEN 1 AND 5),
    left_on        TEXT NOT NULL DEFAULT '' CHECK (left_on = '' OR length(left_on) = 10),
    regretted      INTEGER CHECK (regretted IS NULL OR regretted IN (0, 1)),
    recorded_by    INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
    recorded_name  TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL
);
