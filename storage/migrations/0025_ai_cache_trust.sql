-- Whose AI answer the cache trusts (PostgreSQL's twin says why): NULL is
-- everyone's (the workspace's owner cached it, or a recruiter when they
-- cached it), a profile id is that person's alone. A laptop trusts only
-- NULL: an answer an interviewer cached on a shared workspace and a pull
-- brought here is asked again, not read. Who cached the answers already
-- here is not known (a pull may have brought them): nobody trusts them, and
-- the next ask replaces each, once.
ALTER TABLE ai_cache ADD COLUMN cached_by INTEGER;
UPDATE ai_cache SET cached_by = 0;
