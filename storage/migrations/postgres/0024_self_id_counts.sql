-- PostgreSQL twin of ../0024_self_id_counts.sql: voluntary
-- self-identification is readable only through aggregates (docs/TEAM.md).
-- Nobody but the owner reads a row of self_id, recruiters included: a
-- person's answers are written through hb_self_id_put and leave the server
-- only as the counts and mean scores of the role's fairness report. Each
-- function answers the workspace's owner and recruiters, and refuses anyone
-- else.

-- Row-level security with no policy: no person reads or writes a row.
DROP POLICY self_id_recruiters ON self_id;

-- The owner, and recruiters; a login that is no person's and does not
-- belong to the owner gets nothing either.
CREATE FUNCTION hb_self_id_recruiter() RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    IF hb_me() IS NOT NULL AND hb_is_recruiter() THEN
        RETURN;
    END IF;
    IF hb_me() IS NULL AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'self_id'::regclass), 'MEMBER') THEN
        RETURN;
    END IF;
    RAISE EXCEPTION 'only a recruiter records or counts self-identification' USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Sets one category's answer for a candidate; '' clears it.
CREATE FUNCTION hb_self_id_put(candidate bigint, asked text, answer text, at text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
BEGIN
    PERFORM hb_self_id_recruiter();
    IF at !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' THEN
        RAISE EXCEPTION 'the time of an answer is an RFC 3339 UTC time' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF answer = '' THEN
        DELETE FROM self_id WHERE candidate_id = candidate AND category = asked;
    ELSE
        INSERT INTO self_id (candidate_id, category, value, at) VALUES (candidate, asked, answer, at)
        ON CONFLICT (candidate_id, category) DO UPDATE SET value = excluded.value, at = excluded.at;
    END IF;
END
$$;

-- The role's applications counted as the fairness report needs them and no
-- finer, each category asked on its own ('' is everyone): part 'people',
-- everyone by whether they answered any category asked; part 'answered',
-- one row (n 1) for each category someone answered; part 'screen', by
-- answer and the resume screen's decision (decided ones only); part
-- 'stage', by answer, the furthest active stage reached (its id, 0 for
-- none: the stage the application is in, or one whose name its history
-- entered, ignoring case as the stages' own names are unique) and whether
-- it is in the rejected stage now. For a category, only what the report's
-- transitions show is counted: at the first active stage only the
-- rejected (those waiting there are no transition's), at the last one all
-- together (rejected or not, they passed the one before), none for an
-- application that reached no active stage or a role with one. So every
-- count per answer can be worked out from the report itself.
-- storage.SelfIDCounts spells the same query for SQLite; app/selfid turns
-- the counts into the report.
CREATE FUNCTION hb_self_id_counts(of_role bigint, asked jsonb)
RETURNS TABLE (part text, category text, answer text, furthest bigint, rejected boolean, decision text, responded boolean, n bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
#variable_conflict use_column
BEGIN
    PERFORM hb_self_id_recruiter();
    RETURN QUERY
    WITH apps AS (
        SELECT a.candidate_id,
            coalesce((SELECT s.id FROM stages s WHERE s.role_id = a.role_id AND s.kind = 'active'
                      AND (s.id = a.stage_id OR lower(s.name) IN (SELECT lower(e.to_stage) FROM stage_events e WHERE e.application_id = a.id))
                      ORDER BY s.position DESC, s.id DESC LIMIT 1), 0) AS furthest,
            EXISTS (SELECT 1 FROM stages s WHERE s.id = a.stage_id AND s.kind = 'rejected') AS rejected,
            coalesce((SELECT rs.decision FROM resume_screens rs WHERE rs.application_id = a.id), '') AS decision,
            EXISTS (SELECT 1 FROM self_id si WHERE si.candidate_id = a.candidate_id
                    AND si.category IN (SELECT jsonb_array_elements_text(asked))) AS responded
        FROM applications a WHERE a.role_id = of_role),
    answered AS (
        SELECT c.name AS category, coalesce(si.value, '') AS answer, apps.furthest, apps.rejected, apps.decision
        FROM apps CROSS JOIN jsonb_array_elements_text(asked) AS c(name)
        LEFT JOIN self_id si ON si.candidate_id = apps.candidate_id AND si.category = c.name),
    ends AS (
        SELECT coalesce((SELECT s.id FROM stages s WHERE s.role_id = of_role AND s.kind = 'active'
                         ORDER BY s.position, s.id LIMIT 1), 0) AS first,
               coalesce((SELECT s.id FROM stages s WHERE s.role_id = of_role AND s.kind = 'active'
                         ORDER BY s.position DESC, s.id DESC LIMIT 1), 0) AS last)
    SELECT 'people', '', '', 0::bigint, false, '', apps.responded, count(*) FROM apps GROUP BY apps.responded
    UNION ALL
    SELECT 'answered', x.category, '', 0::bigint, false, '', false, 1::bigint FROM answered x
    WHERE x.answer <> '' GROUP BY x.category
    UNION ALL
    SELECT 'screen', x.category, x.answer, 0::bigint, false, x.decision, false, count(*) FROM answered x
    WHERE x.decision <> '' GROUP BY x.category, x.answer, x.decision
    UNION ALL
    SELECT 'stage', x.category, x.answer, x.furthest, x.rejected AND (x.category = '' OR x.furthest <> ends.last), '', false, count(*)
    FROM answered x CROSS JOIN ends
    WHERE x.category = '' OR (x.furthest <> 0 AND ends.first <> ends.last AND (x.furthest <> ends.first OR x.rejected))
    GROUP BY 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5, 6, 7;
END
$$;

-- Mean scores by group: the caller sends [candidate, measure, score]
-- triples (the app's composites and question means, 0-100, one per
-- candidate of the role and measure) and gets, per measure, category asked
-- and answer, how many, their mean and the sum of squared deviations. The
-- server cannot check a score it does not compute, nor whom the caller
-- chose to send: docs/TEAM.md says what a recruiter can learn with it. At
-- most 1000 measures and 1,000,000 triples, which bounds a call's cost.
CREATE FUNCTION hb_self_id_means(of_role bigint, asked jsonb, scores jsonb)
RETURNS TABLE (measure integer, category text, answer text, n bigint, mean double precision, m2 double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
#variable_conflict use_column
BEGIN
    PERFORM hb_self_id_recruiter();
    IF jsonb_typeof(scores) <> 'array' OR jsonb_array_length(scores) > 1000000
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(scores) e
                  WHERE jsonb_typeof(e) <> 'array' OR jsonb_array_length(e) <> 3
                     OR jsonb_typeof(e->0) <> 'number' OR jsonb_typeof(e->1) <> 'number' OR jsonb_typeof(e->2) <> 'number'
                     OR (e->>2)::double precision NOT BETWEEN 0 AND 100
                     OR (e->>1)::numeric NOT BETWEEN 0 AND 999 OR (e->>1)::numeric <> trunc((e->>1)::numeric)
                     OR NOT EXISTS (SELECT 1 FROM applications a
                                    WHERE a.role_id = of_role AND a.candidate_id = (e->>0)::numeric))
       OR (SELECT count(*) FROM jsonb_array_elements(scores))
          <> (SELECT count(DISTINCT ((e->>0)::numeric, (e->>1)::numeric)) FROM jsonb_array_elements(scores) e) THEN
        RAISE EXCEPTION 'scores are one per candidate of the role and measure (0 to 999), each from 0 to 100'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH v AS (
        SELECT (e->>0)::numeric::bigint AS candidate_id, (e->>1)::numeric::integer AS measure, (e->>2)::double precision AS score
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
