-- PostgreSQL twin of ../0014_stage_event_notes.sql: a free-text note beside
-- the reason when rejecting.
ALTER TABLE stage_events ADD COLUMN note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000);
