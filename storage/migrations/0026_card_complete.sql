-- A submitted scorecard is complete (scoring.CheckComplete): the app
-- checks it on every engine; a shared workspace's server checks it too
-- (PostgreSQL's twin), since a person's own SQL client could submit a card
-- the app never would. Nothing changes here; the number keeps the two
-- engines' migrations in step.
SELECT 1;
