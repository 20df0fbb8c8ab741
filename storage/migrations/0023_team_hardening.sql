-- When a candidate's record was last changed (with its version and who,
-- migration 0022): updated_at also moves with a note, a move or a file,
-- which are not changes to the record, so "changed by Priya 2 minutes ago"
-- needs its own time. '' until the record's first change after this
-- migration (the refusal then dates the last update).
ALTER TABLE candidates ADD COLUMN changed_at text NOT NULL DEFAULT '';
