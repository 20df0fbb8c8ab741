-- Scorecards bound to whom and what they score, PostgreSQL twin of
-- ../0006_bindings.sql: uids the same on every laptop.

-- 32 lowercase hex digits, like SQLite's lower(hex(randomblob(16))); from
-- a version 4 UUID (122 random bits), built in since PostgreSQL 13.
CREATE FUNCTION random_uid() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT replace(gen_random_uuid()::text, '-', '')
$$;

CREATE TABLE candidate_uids (
    uid          text PRIMARY KEY CHECK (length(uid) = 32 AND uid !~ '[^0-9a-f]'),
    candidate_id bigint NOT NULL REFERENCES candidates (id) ON DELETE CASCADE
);
CREATE INDEX candidate_uids_candidate ON candidate_uids (candidate_id);
CREATE TABLE role_uids (
    uid     text PRIMARY KEY CHECK (length(uid) = 32 AND uid !~ '[^0-9a-f]'),
    role_id bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE
);
CREATE INDEX role_uids_role ON role_uids (role_id);
CREATE TABLE round_uids (
    uid      text PRIMARY KEY CHECK (length(uid) = 32 AND uid !~ '[^0-9a-f]'),
    round_id bigint NOT NULL REFERENCES interview_rounds (id) ON DELETE CASCADE
);
CREATE INDEX round_uids_round ON round_uids (round_id);

-- Every record gets its own uid as it is created, whichever code creates it.
CREATE FUNCTION candidates_own_uid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO candidate_uids (uid, candidate_id) VALUES (random_uid(), NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER candidates_own_uid AFTER INSERT ON candidates
    FOR EACH ROW EXECUTE FUNCTION candidates_own_uid();
CREATE FUNCTION roles_own_uid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO role_uids (uid, role_id) VALUES (random_uid(), NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER roles_own_uid AFTER INSERT ON roles
    FOR EACH ROW EXECUTE FUNCTION roles_own_uid();
CREATE FUNCTION interview_rounds_own_uid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO round_uids (uid, round_id) VALUES (random_uid(), NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER interview_rounds_own_uid AFTER INSERT ON interview_rounds
    FOR EACH ROW EXECUTE FUNCTION interview_rounds_own_uid();
INSERT INTO candidate_uids (uid, candidate_id) SELECT random_uid(), id FROM candidates ORDER BY id;
INSERT INTO role_uids (uid, role_id) SELECT random_uid(), id FROM roles ORDER BY id;
INSERT INTO round_uids (uid, round_id) SELECT random_uid(), id FROM interview_rounds ORDER BY id;

-- The hash definition a card or amendment was sealed with and the binding
-- its hash covers ('' when none).
ALTER TABLE scorecards ADD COLUMN hash_version bigint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE scorecards ADD COLUMN candidate_uid text NOT NULL DEFAULT '';
ALTER TABLE scorecards ADD COLUMN role_uid text NOT NULL DEFAULT '';
ALTER TABLE scorecards ADD COLUMN round_uid text NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN hash_version bigint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE scorecard_revisions ADD COLUMN candidate_uid text NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN role_uid text NOT NULL DEFAULT '';
ALTER TABLE scorecard_revisions ADD COLUMN round_uid text NOT NULL DEFAULT '';
