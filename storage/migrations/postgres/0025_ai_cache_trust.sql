-- PostgreSQL twin of ../0025_ai_cache_trust.sql. An AI answer is found by
-- its key, the SHA-256 of everything its request sent (migration 0023); a
-- person who rebuilt another's request exactly could put an answer of their
-- own under that key first. Now whose answer it is is fixed when it is
-- cached: the owner's or a recruiter's is everyone's (cached_by NULL), an
-- interviewer's is theirs alone (their profile id). So an interviewer's
-- answer never reaches a recruiter or a colleague, who ask the model
-- themselves and replace it; a recruiter's is replaced by no interviewer,
-- and becomes no one's by a later change of role.
ALTER TABLE ai_cache ADD COLUMN cached_by bigint;
-- Who cached the answers already here is not known: nobody trusts them, and
-- the next asker's answer replaces each.
UPDATE ai_cache SET cached_by = 0;

CREATE OR REPLACE FUNCTION hb_ai_cached(asked text) RETURNS TABLE (response text, model text, fingerprint text,
    created_at text, tokens_in bigint, tokens_out bigint) LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT c.response, c.model, c.fingerprint, c.created_at, c.tokens_in, c.tokens_out FROM ai_cache c
    WHERE c.key = asked AND (c.cached_by IS NULL OR c.cached_by = hb_me())
$$;

CREATE OR REPLACE FUNCTION hb_ai_cache_put(asked text, candidate bigint, answer text, answered_by text, print text,
    sent bigint, got bigint, at text) RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    INSERT INTO ai_cache (key, candidate_id, response, model, fingerprint, tokens_in, tokens_out, created_at, cached_by)
    SELECT asked, candidate, answer, answered_by, print, sent, got, at,
        CASE WHEN hb_me() IS NULL OR hb_is_recruiter() THEN NULL ELSE hb_me() END
    WHERE at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$'
    ON CONFLICT (key) DO UPDATE SET candidate_id = excluded.candidate_id, response = excluded.response,
        model = excluded.model, fingerprint = excluded.fingerprint, tokens_in = excluded.tokens_in,
        tokens_out = excluded.tokens_out, created_at = excluded.created_at, cached_by = excluded.cached_by
        WHERE excluded.cached_by IS NULL OR ai_cache.cached_by IS NOT NULL
$$;
