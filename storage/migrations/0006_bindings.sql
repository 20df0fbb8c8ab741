-- Scorecards bound to whom and what they score (issue 10). Candidates, roles
-- and interview rounds get uids that are the same on every laptop (a bundle
-- import keeps them; ids differ between laptops), and a submitted card or
-- amendment records the uids its hash covers (scoring.Hash, version 2).

-- A record's uids: its own (the first, by rowid) and any it was known by on
-- another laptop, adopted when a bundle's record matched it there.
CREATE TABLE candidate_uids (
    uid          TEXT PRIMARY KEY CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE
);
CREATE INDEX candidate_uids_candidate ON candidate_uids (candidate_id);
CREATE TABLE role_uids (
    uid     TEXT PRIMARY KEY CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    role_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE
);
CREATE INDEX role_uids_role ON role_uids (role_id);
CREATE TABLE round_uids (
    uid      TEXT PRIMARY KEY CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    round_id INTEGER NOT NULL REFERENCES interview_rounds (id) ON DELETE CASCADE
);
CREATE INDEX round_uids_round ON round_uids (round_id);

-- Every record gets its own uid as it is created, whichever code creates
-- it (a bundle import then puts the bundle's in its place); those that
-- exist get one now.
CREATE TRIGGER candidates_own_uid AFTER INSERT ON candidates
BEGIN
    INSERT INTO candidate_uids (uid, candidate_id) VALUES (lower(hex(randomblob(16))), NEW.id);
END;
CREATE TRIGGER roles_own_uid AFTER INSERT ON roles
BEGIN
    INSERT INTO role_uids (uid, role_id) VALUES (lower(hex(randomblob(16))), NEW.id);
END;
CREATE TRIGGER interview_rounds_own_uid AFTER INSERT ON interview_rounds
BEGIN
    INSERT INTO round_uids (uid, round_id) VALUES (lower(hex(randomblob(16))), NEW.id);
END;
INSERT INTO candidate_uids (uid, candidate_id) SELECT lower(hex(randomblob(16))), id FROM candidates ORDER BY id;
INSERT INTO role_uids (uid, role_id) SELECT lower(hex(randomblob(16))), id FROM roles ORDER BY id;
INSERT INTO round_uids (uid, round_id) SELECT lower(hex(randomblob(16))), id FROM interview_rounds ORDER BY id;

-- The hash definition a card or amendment was sealed with (1: before
-- bindings; the rows already submitted keep it) and the binding its hash
-- covers ('' when none). Submitted rows stay immutable, these columns too.
ALTER TABLE scorecards ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE scorecards ADD COLUMN candidate_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecards ADD COLUMN role_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecards ADD COLUMN round_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE scorecard_revisions ADD COLUMN candidate_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN role_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN round_uid TEXT NOT NULL DEFAULT '';
