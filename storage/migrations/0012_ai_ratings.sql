-- AI second rater (issue 11): a model's suggested level for one question of
-- one submitted scorecard, from that interviewer's notes, kept beside the
-- level the interviewer had given when it was asked, so agreement between
-- the model and people can be measured. A suggestion never changes a score.

-- The fragments are the interviewer's own words about the candidate:
-- personal data, erased (and anonymised away) with the candidate.
CREATE TABLE ai_ratings (
    id                INTEGER PRIMARY KEY,
    scorecard_id      INTEGER NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
    question_id       TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 64),
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    -- The ledger row of the call (or cache hit) that produced it.
    call_id           INTEGER REFERENCES ai_calls (id),
    model             TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    prompt_version    TEXT NOT NULL CHECK (length(prompt_version) BETWEEN 1 AND 100),
    suggested_level   INTEGER NOT NULL,
    -- The interviewer's level for the question when the model was asked:
    -- a later amendment may have seen the suggestion, so it does not count.
    human_level       INTEGER NOT NULL,
    -- [{"text","start","end"}]: verified passages of the notes, byte offsets.
    fragments         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fragments)),
    dropped           INTEGER NOT NULL DEFAULT 0 CHECK (dropped >= 0),
    at                TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
);
-- A card's suggestions (and erasing them); agreement reads per model.
CREATE INDEX ai_ratings_card ON ai_ratings (scorecard_id, question_id);
CREATE INDEX ai_ratings_model ON ai_ratings (model, rubric_version_id);
