-- PostgreSQL twin of ../0023_changed_at.sql: when a candidate's record was
-- last changed ('' until its first change after this migration).
ALTER TABLE candidates ADD COLUMN changed_at text NOT NULL DEFAULT '';
