-- PostgreSQL twin of ../0026_card_complete.sql: a person's login submits
-- or amends a scorecard only complete, as scoring.CheckComplete decides
-- (every required question of the card's competencies scored or skipped
-- with a reason, no skip without one, only the card's questions, scores on
-- the rubric's scale, an overall recommendation). The app checks the same
-- first; this stops a person's own SQL client. storage/card_complete_test.go
-- holds the two to the same answers on random cards. The owner's copies
-- (push, pull) carry cards as they are.

-- What stops a card from being submitted ('' when nothing does): the first
-- problem found, in a few words.
CREATE FUNCTION hb_card_problem(of_version bigint, of_competencies text, of_answers text, of_recommendation text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
    content jsonb := (SELECT v.content::jsonb FROM rubric_versions v WHERE v.id = of_version);
    chosen jsonb := of_competencies::jsonb;
    given jsonb := of_answers::jsonb;
    lo numeric := (content->'scale'->>'min')::numeric;
    hi numeric := (content->'scale'->>'max')::numeric;
    known text[] := '{}';
    comp jsonb;
    q jsonb;
    a jsonb;
    k text;
    skipped boolean;
    reason text;
BEGIN
    IF content IS NULL THEN
        RETURN 'no such rubric version';
    END IF;
    IF of_recommendation IS NULL OR of_recommendation NOT IN ('strong_no', 'no', 'yes', 'strong_yes') THEN
        RETURN 'no overall recommendation';
    END IF;
    IF jsonb_typeof(chosen) <> 'array' OR jsonb_typeof(given) <> 'object' THEN
        RETURN 'competencies are a list and answers an object';
    END IF;
    -- Every answer is an object: a score (a whole number or null), skipped
    -- (true or false) and a skip reason (text), each optional.
    FOR k, a IN SELECT * FROM jsonb_each(given) LOOP
        IF jsonb_typeof(a) <> 'object'
           OR coalesce(jsonb_typeof(a->'score'), 'null') NOT IN ('null', 'number')
           OR (jsonb_typeof(a->'score') = 'number' AND (a->>'score')::numeric <> trunc((a->>'score')::numeric))
           OR coalesce(jsonb_typeof(a->'skipped'), 'boolean') <> 'boolean'
           OR coalesce(jsonb_typeof(a->'skipReason'), 'string') <> 'string' THEN
            RETURN format('answer %s is not a score, a skip or its reason', k);
        END IF;
    END LOOP;
    FOR comp IN SELECT * FROM jsonb_array_elements(content->'competencies') LOOP
        IF jsonb_array_length(chosen) > 0 AND NOT chosen @> jsonb_build_array(comp->>'id') THEN
            CONTINUE;
        END IF;
        FOR q IN SELECT * FROM jsonb_array_elements(comp->'questions') LOOP
            known := known || (q->>'id');
            a := coalesce(given->(q->>'id'), '{}'::jsonb);
            skipped := coalesce((a->>'skipped')::boolean, false);
            reason := coalesce(a->>'skipReason', '');
            IF skipped AND reason = '' THEN
                RETURN format('question %s skipped without a reason', q->>'id');
            END IF;
            IF NOT coalesce((q->>'optional')::boolean, false)
               AND jsonb_typeof(a->'score') IS DISTINCT FROM 'number' AND NOT (skipped AND reason <> '') THEN
                RETURN format('question %s not scored', q->>'id');
            END IF;
        END LOOP;
    END LOOP;
    FOR k, a IN SELECT * FROM jsonb_each(given) LOOP
        IF NOT k = ANY (known) THEN
            RETURN format('question %s is not one of the card''s', k);
        END IF;
        IF jsonb_typeof(a->'score') = 'number' AND (a->>'score')::numeric NOT BETWEEN lo AND hi THEN
            RETURN format('question %s scored outside the scale', k);
        END IF;
    END LOOP;
    RETURN '';
END
$$;

-- Refuses a person's submit or amendment that is not complete.
CREATE FUNCTION hb_card_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    problem text;
BEGIN
    IF hb_me() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'scorecards' THEN
        IF NEW.status <> 'submitted' OR (TG_OP = 'UPDATE' AND OLD.status = 'submitted') THEN
            RETURN NEW;
        END IF;
        problem := hb_card_problem(NEW.rubric_version_id, NEW.competencies, NEW.answers, NEW.recommendation);
    ELSE
        problem := (SELECT hb_card_problem(c.rubric_version_id, c.competencies, NEW.answers, NEW.recommendation)
                    FROM scorecards c WHERE c.id = NEW.scorecard_id);
    END IF;
    IF problem <> '' THEN
        RAISE EXCEPTION 'a scorecard is submitted complete: %', problem USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
-- After the row is written, so the policies' own refusal of a write that is
-- not the person's comes first.
CREATE TRIGGER scorecards_complete AFTER INSERT OR UPDATE OF status ON scorecards
    FOR EACH ROW EXECUTE FUNCTION hb_card_complete();
CREATE TRIGGER scorecard_revisions_complete AFTER INSERT ON scorecard_revisions
    FOR EACH ROW EXECUTE FUNCTION hb_card_complete();

-- The functions look up tables in this schema only, as 0022's do.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
             WHERE p.pronamespace = current_schema()::regnamespace
               AND p.proname IN ('hb_card_problem', 'hb_card_complete') LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
END
$$;
