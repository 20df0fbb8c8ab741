-- PostgreSQL twin of ../0023_team_hardening.sql, and what a review of team
-- mode at 100k candidates changed in 0022's policies (docs/TEAM.md).

-- When a candidate's record was last changed ('' until its first change
-- after this migration).
ALTER TABLE candidates ADD COLUMN changed_at text NOT NULL DEFAULT '';

-- The order a record's uids were added in tells its own (the first) from
-- those it adopted from bundles. SQLite's rowid keeps that order; a
-- PostgreSQL row's place (ctid) keeps it only until the space of a deleted
-- row is reused, so the order is a column here (storage dialect.uidOrder),
-- numbered for the rows already there in the order they sit.
ALTER TABLE candidate_uids ADD COLUMN added bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE role_uids ADD COLUMN added bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE round_uids ADD COLUMN added bigint GENERATED ALWAYS AS IDENTITY;

-- Whether the asker is done with the candidate of this application, as
-- scoring.DoneWithCandidate decides: they interview in at least one of the
-- candidate's rounds (the recruiter's reassignment of that round for the
-- application, else the plan's interviewers) or hold a card in it, and hold
-- a submitted card in every one of those rounds. Asked per card, for the
-- cards of others the asker may read, so its cost follows the cards read,
-- not the workspace: a set of every candidate an interviewer is done with,
-- built for each statement, took 8 s per candidate at 100k candidates.
-- PL/pgSQL keeps each lookup's plan between calls.
CREATE FUNCTION hb_done_with(application bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
    me bigint := hb_me();
    app record;
    rnd record;
    assigned boolean;
    duty boolean := false;
BEGIN
    FOR app IN SELECT a.id, a.role_id FROM applications a
               WHERE a.candidate_id = (SELECT candidate_id FROM applications WHERE id = application) LOOP
        -- A card of theirs still a draft, in any round: not done.
        IF EXISTS (SELECT 1 FROM scorecards WHERE application_id = app.id AND author_id = me AND status <> 'submitted') THEN
            RETURN false;
        END IF;
        duty := duty OR EXISTS (SELECT 1 FROM scorecards WHERE application_id = app.id AND author_id = me);
        FOR rnd IN SELECT id FROM interview_rounds WHERE role_id = app.role_id LOOP
            IF EXISTS (SELECT 1 FROM round_assignments WHERE application_id = app.id AND round_id = rnd.id) THEN
                assigned := EXISTS (SELECT 1 FROM round_assignments
                                    WHERE application_id = app.id AND round_id = rnd.id AND profile_id = me);
            ELSE
                assigned := EXISTS (SELECT 1 FROM round_interviewers WHERE round_id = rnd.id AND profile_id = me);
            END IF;
            IF assigned THEN
                IF NOT EXISTS (SELECT 1 FROM scorecards WHERE application_id = app.id AND round_id = rnd.id
                               AND author_id = me AND status = 'submitted') THEN
                    RETURN false;
                END IF;
                duty := true;
            END IF;
        END LOOP;
    END LOOP;
    RETURN duty;
END
$$;

ALTER POLICY scorecards_read ON scorecards USING (
    author_id = (SELECT hb_me())
    OR (status = 'submitted' AND ((SELECT hb_is_recruiter()) OR hb_done_with(application_id))));
CREATE OR REPLACE VIEW scorecards_seen AS
    SELECT sc.id, sc.uid, sc.application_id, sc.round_id, sc.author_id, sc.author_name, sc.rubric_version_id,
        sc.status, sc.hash_version, sc.candidate_uid, sc.role_uid, sc.round_uid,
        CASE WHEN seen.ok THEN sc.competencies ELSE '[]' END AS competencies,
        CASE WHEN seen.ok THEN sc.answers ELSE '{}' END AS answers,
        CASE WHEN seen.ok THEN sc.recommendation ELSE '' END AS recommendation,
        CASE WHEN seen.ok THEN sc.notes ELSE '' END AS notes,
        CASE WHEN seen.ok THEN sc.cursor ELSE '' END AS cursor,
        CASE WHEN seen.ok THEN sc.elapsed_ms ELSE 0 END AS elapsed_ms,
        CASE WHEN seen.ok THEN sc.started_at ELSE '' END AS started_at,
        CASE WHEN seen.ok THEN sc.updated_at ELSE '' END AS updated_at,
        CASE WHEN seen.ok THEN sc.submitted_at ELSE '' END AS submitted_at,
        CASE WHEN seen.ok THEN sc.sha256 ELSE '' END AS sha256,
        CASE WHEN seen.ok THEN sc.seen_others ELSE 0 END AS seen_others
    FROM scorecards sc CROSS JOIN LATERAL (SELECT
        pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'scorecards'::regclass), 'MEMBER')
        OR sc.author_id = (SELECT hb_me())
        OR (sc.status = 'submitted' AND ((SELECT hb_is_recruiter()) OR hb_done_with(sc.application_id)))
        AS ok
        -- Worked out once per card: without the fence the planner copies
        -- the expression into each column above, asking it 13 times.
        OFFSET 0) seen;
DROP FUNCTION hb_done_applications();

-- The AI cache: an answer can quote what its request held (the notes of
-- cards the asker's colleagues may not read yet), so nobody lists the table.
-- An answer is found by its key, the SHA-256 of everything its request sent
-- (ai.CacheKey): only someone who could send that same request, and so
-- already holds what it quotes, finds it. Reading and writing go through
-- these two functions; the table itself, with no policy, answers nobody but
-- its owner.
ALTER TABLE ai_cache ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION hb_ai_cached(asked text) RETURNS TABLE (response text, model text, fingerprint text, created_at text,
    tokens_in bigint, tokens_out bigint) LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT c.response, c.model, c.fingerprint, c.created_at, c.tokens_in, c.tokens_out FROM ai_cache c WHERE c.key = asked
$$;
-- A newer answer replaces a cached one only when a recruiter (or the owner)
-- asks again: an interviewer who rebuilt a recruiter's request could
-- otherwise swap the answer the recruiter reads for one of their own.
CREATE FUNCTION hb_ai_cache_put(asked text, candidate bigint, answer text, answered_by text, print text, sent bigint,
    got bigint, at text) RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    INSERT INTO ai_cache (key, candidate_id, response, model, fingerprint, tokens_in, tokens_out, created_at)
    SELECT asked, candidate, answer, answered_by, print, sent, got, at
    WHERE at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$'
    ON CONFLICT (key) DO UPDATE SET candidate_id = excluded.candidate_id, response = excluded.response,
        model = excluded.model, fingerprint = excluded.fingerprint, tokens_in = excluded.tokens_in,
        tokens_out = excluded.tokens_out, created_at = excluded.created_at
        WHERE hb_me() IS NULL OR hb_is_recruiter()
$$;
