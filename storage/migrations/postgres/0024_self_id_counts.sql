-- PostgreSQL twin of ../0024_self_id_counts.sql: voluntary
-- self-identification is readable only through aggregates (docs/TEAM.md).
-- Nobody but the owner reads a row of self_id, recruiters included: a
-- person's answers are written through hb_self_id_put and leave the server
-- only as the counts and mean scores of the role's fairness report. Each
-- function answers the workspace's owner and recruiters, and refuses anyone
-- else.

-- Row-level security with no policy: no person reads or writes a row.
DROP POLICY self_id_recruiters ON self_id;

CREATE FUNCTION hb_self_id_recruiter() RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    IF hb_me() IS NOT NULL AND NOT hb_is_recruiter() THEN
        RAISE EXCEPTION 'only a recruiter records or counts self-identification' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Sets one category's answer for a candidate; '' clears it.
CREATE FUNCTION hb_self_id_put(candidate bigint, asked text, answer text, at text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
BEGIN
    PERFORM hb_self_id_recruiter();
    IF answer = '' THEN
        DELETE FROM self_id WHERE candidate_id = candidate AND category = asked;
    ELSE
        INSERT INTO self_id (candidate_id, category, value, at) VALUES (candidate, asked, answer, at)
        ON CONFLICT (candidate_id, category) DO UPDATE SET value = excluded.value, at = excluded.at;
    END IF;
END
$$;

-- The role's applications counted by class: for each category asked (and
-- '' for everyone), the answer ('' for none), the stage the application is
-- in, the stage names its history entered (a sorted JSON array), the resume
-- screen's decision, and (for '' only) whether the person answered any
-- category asked. storage.SelfIDCounts spells the same query for SQLite;
-- app/selfid turns the classes into the report.
CREATE FUNCTION hb_self_id_counts(of_role bigint, asked jsonb)
RETURNS TABLE (category text, answer text, stage_id bigint, reached text, decision text, responded boolean, n bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
#variable_conflict use_column
BEGIN
    PERFORM hb_self_id_recruiter();
    RETURN QUERY
    WITH apps AS (
        SELECT a.candidate_id, a.stage_id,
            (SELECT coalesce(jsonb_agg(x.t ORDER BY x.t), '[]'::jsonb)::text
             FROM (SELECT DISTINCT e.to_stage AS t FROM stage_events e WHERE e.application_id = a.id) x) AS reached,
            coalesce((SELECT rs.decision FROM resume_screens rs WHERE rs.application_id = a.id), '') AS decision,
            EXISTS (SELECT 1 FROM self_id si WHERE si.candidate_id = a.candidate_id
                    AND si.category IN (SELECT jsonb_array_elements_text(asked))) AS responded
        FROM applications a WHERE a.role_id = of_role)
    SELECT c.name, coalesce(si.value, ''), apps.stage_id, apps.reached, apps.decision,
        c.name = '' AND apps.responded, count(*)
    FROM apps CROSS JOIN jsonb_array_elements_text(asked) AS c(name)
    LEFT JOIN self_id si ON si.candidate_id = apps.candidate_id AND si.category = c.name
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
END
$$;

-- Mean scores by group: the caller sends [candidate, measure, score]
-- triples (the app's composites and question means, 0-100, one per
-- candidate of the role and measure) and gets, per measure, category asked
-- and answer, how many, their mean and the sum of squared deviations. The
-- server cannot check a score it does not compute: docs/TEAM.md says what
-- made-up scores can learn.
CREATE FUNCTION hb_self_id_means(of_role bigint, asked jsonb, scores jsonb)
RETURNS TABLE (measure integer, category text, answer text, n bigint, mean double precision, m2 double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
#variable_conflict use_column
BEGIN
    PERFORM hb_self_id_recruiter();
    IF jsonb_typeof(scores) <> 'array'
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(scores) e
                  WHERE jsonb_typeof(e) <> 'array' OR jsonb_array_length(e) <> 3
                     OR jsonb_typeof(e->0) <> 'number' OR jsonb_typeof(e->1) <> 'number' OR jsonb_typeof(e->2) <> 'number'
                     OR (e->>2)::double precision NOT BETWEEN 0 AND 100
                     OR NOT EXISTS (SELECT 1 FROM applications a
                                    WHERE a.role_id = of_role AND a.candidate_id = (e->>0)::numeric))
       OR (SELECT count(*) FROM jsonb_array_elements(scores))
          <> (SELECT count(DISTINCT (e->>0, e->>1)) FROM jsonb_array_elements(scores) e) THEN
        RAISE EXCEPTION 'scores are one per candidate of the role and measure, each from 0 to 100'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH v AS (
        SELECT (e->>0)::bigint AS candidate_id, (e->>1)::integer AS measure, (e->>2)::double precision AS score
        FROM jsonb_array_elements(scores) e),
    g AS (
        SELECT v.measure, c.name AS category, coalesce(si.value, '') AS answer, v.score
        FROM v CROSS JOIN jsonb_array_elements_text(asked) AS c(name)
        LEFT JOIN self_id si ON si.candidate_id = v.candidate_id AND si.category = c.name),
    w AS (SELECT g.*, avg(g.score) OVER (PARTITION BY g.measure, g.category, g.answer) AS group_mean FROM g)
    SELECT w.measure, w.category, w.answer, count(*), avg(w.score), sum((w.score - w.group_mean) * (w.score - w.group_mean))
    FROM w GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
END
$$;

-- The new functions look up tables in this schema only, as 0022's do.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
             WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'hb\_self\_id\_%' LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
END
$$;
