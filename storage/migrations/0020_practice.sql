-- Calibration drills (issue 13): an interviewer scores a rubric version's
-- written sample answers to practise its anchors. Practice levels live here
-- only: they never enter scorecards, the composite, calibration statistics,
-- exports or bundles. They belong to the interviewer (profile), not to any
-- candidate, so erasing a candidate leaves them and deleting a profile
-- removes them.
CREATE TABLE practice_attempts (
    id                INTEGER PRIMARY KEY,
    profile_id        INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id) ON DELETE CASCADE,
    -- The version's hash when the attempt started: a version no scorecard
    -- used yet is edited in place, and practice on the old text then no
    -- longer counts as practice on the version.
    rubric_sha256     TEXT NOT NULL CHECK (length(rubric_sha256) = 64),
    started_at        TEXT NOT NULL,
    -- '' until every sample of the version was scored in this attempt.
    completed_at      TEXT NOT NULL DEFAULT '',
    -- Set when the attempt's result (with the reference levels) was shown:
    -- its levels change no more after that.
    finished_at       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX practice_attempts_version ON practice_attempts (rubric_version_id, profile_id);
CREATE INDEX practice_attempts_profile ON practice_attempts (profile_id);

-- A sample is named by its question's id and its 1-based place among that
-- question's samples: a version's content never changes, so the pair is stable.
CREATE TABLE practice_levels (
    attempt_id   INTEGER NOT NULL REFERENCES practice_attempts (id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 100),
    sample_index INTEGER NOT NULL CHECK (sample_index >= 1),
    level        INTEGER NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question_id, sample_index)
) WITHOUT ROWID;
