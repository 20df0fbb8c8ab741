-- Self-identification on a shared workspace is readable only as counts
-- (issue 15): PostgreSQL's twin takes the rows from everyone but the
-- workspace's owner and answers through functions. A local workspace is
-- its owner's file, so nothing changes here; the number keeps the two
-- engines' migrations in step.
SELECT 1;
