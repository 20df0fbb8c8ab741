-- Team mode (issue 15): the database login a profile signs in with on a
-- shared PostgreSQL workspace ('' for none: every profile of a local
-- workspace). Kept in step with PostgreSQL's twin, where row-level security
-- uses it to know who is asking; a local workspace only stores it, so a
-- workspace pushed to a server or pulled from one keeps its people.
ALTER TABLE profiles ADD COLUMN login text NOT NULL DEFAULT '' CHECK (length(login) <= 63);
CREATE UNIQUE INDEX profiles_login ON profiles (login) WHERE login <> '';
-- Two people editing one candidate: every change counts the record's
-- version up and says who made it, so an edit made from an older version is
-- refused ("changed by Priya 2 minutes ago — reload"), never silently
-- overwriting the other's.
ALTER TABLE candidates ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE candidates ADD COLUMN changed_by text NOT NULL DEFAULT '';
-- A person's own cards, found without reading everyone's (on PostgreSQL the
-- blind rule's policy starts there).
CREATE INDEX scorecards_author ON scorecards (author_id, status);
