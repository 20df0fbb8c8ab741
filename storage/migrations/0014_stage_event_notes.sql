-- A free-text note beside the reason when rejecting (issue 12), kept on the
-- stage event and shown in the candidate's history. It is about the person:
-- erased with the candidate (stage_events is in candidateData) and cleared
-- when they are anonymised.
ALTER TABLE stage_events ADD COLUMN note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000);
