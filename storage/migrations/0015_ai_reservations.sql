-- AI budget reservations (issue 11): before a call is sent, its worst case
-- (the input counted and the most output it may bill) is reserved in the
-- same transaction that checks the month's budget, so two calls made at
-- once cannot both pass under it. The call's ledger row replaces its
-- reservation; one left behind by a process that stopped lapses at until.
-- Names nobody.
CREATE TABLE ai_reservations (
    id    INTEGER PRIMARY KEY,
    usd   REAL NOT NULL CHECK (usd >= 0),
    until TEXT NOT NULL CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
);
-- Only reservations still running count; lapsed ones are cleared.
CREATE INDEX ai_reservations_until ON ai_reservations (until);
