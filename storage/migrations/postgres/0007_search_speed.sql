-- PostgreSQL twin of ../0007_search_speed.sql (the FTS5 rebuild has no twin).

-- The candidates table without a search lists live candidates, newest
-- first, and counts them from this index.
CREATE INDEX candidates_live ON candidates (updated_at) WHERE archived_at = '';
