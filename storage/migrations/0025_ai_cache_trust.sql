-- Who cached an AI answer: a profile id, or NULL for the workspace's owner
-- (on a laptop, everyone). A shared workspace's server trusts an answer only
-- to its own asker and to answers a recruiter or the owner cached
-- (PostgreSQL's twin); a local workspace stores the column only, so a copy
-- either way keeps it.
ALTER TABLE ai_cache ADD COLUMN cached_by INTEGER;
