-- Outcomes after a hire, PostgreSQL twin of ../0019_outcomes.sql.
CREATE TABLE outcomes (
    application_id bigint PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    rating_90d     bigint CHECK (rating_90d IS NULL OR rating_90d BETWEEN 1 AND 5),
    rating_1y      bigint CHECK (rating_1y IS NULL OR rating_1y BETWEEN 1 AND 5),
    left_on        text NOT NULL DEFAULT '' CHECK (left_on = '' OR length(left_on) = 10),
    regretted      bigint CHECK (regretted IS NULL OR regretted IN (0, 1)),
    recorded_by    bigint REFERENCES profiles (id) ON DELETE SET NULL,
    recorded_name  text NOT NULL DEFAULT '',
    recorded_at    text NOT NULL
);
