-- PostgreSQL twin of ../0025_ai_cache_trust.sql. An AI answer is found by
-- its key, the SHA-256 of everything its request sent (migration 0023); a
-- person who rebuilt another's request exactly could put an answer of their
-- own under that key first. An answer is now trusted only by whoever cached
-- it, unless a recruiter or the owner did: then by everyone. So an
-- interviewer's answer never reaches a recruiter or a colleague, who ask the
-- model themselves and replace it; a recruiter's is replaced by no
-- interviewer.
ALTER TABLE ai_cache ADD COLUMN cached_by bigint;
-- Who cached the answers already here is not known: nobody trusts them, and
-- the next asker's answer replaces each.
UPDATE ai_cache SET cached_by = 0;

-- Whether an answer cached by this profile (NULL: the owner) is everyone's.
CREATE FUNCTION hb_ai_everyones(cached_by bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT cached_by IS NULL OR EXISTS (SELECT 1 FROM profiles p WHERE p.id = cached_by AND p.is_recruiter = 1)
$$;

CREATE OR REPLACE FUNCTION hb_ai_cached(asked text) RETURNS TABLE (response text, model text, fingerprint text,
    created_at text, tokens_in bigint, tokens_out bigint) LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT c.response, c.model, c.fingerprint, c.created_at, c.tokens_in, c.tokens_out FROM ai_cache c
    WHERE c.key = asked AND (hb_ai_everyones(c.cached_by) OR c.cached_by = hb_me())
$$;

CREATE OR REPLACE FUNCTION hb_ai_cache_put(asked text, candidate bigint, answer text, answered_by text, print text,
    sent bigint, got bigint, at text) RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    INSERT INTO ai_cache (key, candidate_id, response, model, fingerprint, tokens_in, tokens_out, created_at, cached_by)
    SELECT asked, candidate, answer, answered_by, print, sent, got, at, hb_me()
    WHERE at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$'
    ON CONFLICT (key) DO UPDATE SET candidate_id = excluded.candidate_id, response = excluded.response,
        model = excluded.model, fingerprint = excluded.fingerprint, tokens_in = excluded.tokens_in,
        tokens_out = excluded.tokens_out, created_at = excluded.created_at, cached_by = excluded.cached_by
        WHERE hb_me() IS NULL OR hb_is_recruiter() OR NOT hb_ai_everyones(ai_cache.cached_by)
$$;

-- The functions look up tables in this schema only, as 0022's do.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
             WHERE p.pronamespace = current_schema()::regnamespace
               AND p.proname IN ('hb_ai_everyones', 'hb_ai_cached', 'hb_ai_cache_put') LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
END
$$;
