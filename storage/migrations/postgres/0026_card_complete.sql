-- PostgreSQL twin of ../0026_card_complete.sql: a person's login starts a
-- scorecard as its round says, and submits or amends it only complete, as
-- scoring.CheckComplete decides
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
    raw json;
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
    -- Every answer is what scoring.Answer reads back, as written (json, not
    -- jsonb, keeps each number as it was typed): only its own keys, spelled
    -- as Go writes them (Go would also take "SCORE"), a score that is a
    -- whole number or null, skipped true or false, a reason and notes in
    -- text, a whole number of milliseconds.
    FOR k, raw IN SELECT * FROM json_each(of_answers::json) LOOP
        IF json_typeof(raw) <> 'object'
           OR EXISTS (SELECT 1 FROM json_object_keys(raw) f
                      WHERE f NOT IN ('score', 'skipped', 'skipReason', 'notes', 'elapsedMs'))
           OR coalesce(json_typeof(raw->'score'), 'null') NOT IN ('null', 'number')
           OR (json_typeof(raw->'score') = 'number' AND (raw->>'score') !~ '^-?[0-9]{1,9}$')
           OR coalesce(json_typeof(raw->'skipped'), 'boolean') <> 'boolean'
           OR coalesce(json_typeof(raw->'skipReason'), 'string') <> 'string'
           OR coalesce(json_typeof(raw->'notes'), 'string') <> 'string'
           OR (raw->'elapsedMs' IS NOT NULL AND (raw->>'elapsedMs') !~ '^-?[0-9]{1,18}$') THEN
            RETURN format('answer %s is not a score, a skip, its reason and notes', k);
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

-- What stops an amendment of a card (its rubric version and competencies,
-- read as the owner: the asker may not read the card).
CREATE FUNCTION hb_amendment_problem(card bigint, of_answers text, of_recommendation text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce((SELECT hb_card_problem(c.rubric_version_id, c.competencies, of_answers, of_recommendation)
                     FROM scorecards c WHERE c.id = card), 'no such scorecard')
$$;

-- What stops a person's new card: it is scored with the round's rubric as
-- it stands and the round's competencies, as the app starts it
-- (storage.StartScorecard), not with a rubric or a list of the person's
-- choosing.
CREATE FUNCTION hb_start_problem(round bigint, version bigint, of_competencies text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT CASE
        WHEN r.id IS NULL THEN 'no such round'
        WHEN version IS DISTINCT FROM (SELECT v.id FROM rubric_versions v WHERE v.rubric_id = r.rubric_id
                                       ORDER BY v.version DESC LIMIT 1) THEN 'not the round''s rubric as it stands'
        WHEN of_competencies::jsonb IS DISTINCT FROM r.competencies::jsonb THEN 'not the round''s competencies'
        ELSE '' END
    FROM (SELECT 1) one LEFT JOIN interview_rounds r ON r.id = round
$$;

-- Refuses a person's card that is not started as the app starts it, and a
-- submit or amendment that is not complete.
CREATE FUNCTION hb_card_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    problem text := '';
BEGIN
    IF hb_me() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'scorecard_revisions' THEN
        problem := hb_amendment_problem(NEW.scorecard_id, NEW.answers, NEW.recommendation);
    ELSE
        IF TG_OP = 'INSERT' AND NEW.author_id = hb_me() THEN
            problem := hb_start_problem(NEW.round_id, NEW.rubric_version_id, NEW.competencies);
        END IF;
        IF problem = '' AND NEW.status = 'submitted' AND (TG_OP = 'INSERT' OR OLD.status <> 'submitted') THEN
            problem := hb_card_problem(NEW.rubric_version_id, NEW.competencies, NEW.answers, NEW.recommendation);
        END IF;
    END IF;
    IF problem IS DISTINCT FROM '' THEN
        RAISE EXCEPTION 'a scorecard is started as its round says and submitted complete: %', problem
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
-- A recruiter's bundle import adds amendments in the name of people who do
-- not sign in here: only to their own cards.
ALTER POLICY scorecard_revisions_add ON scorecard_revisions WITH CHECK (
    (author_id = (SELECT hb_me()) AND author_name = (SELECT name FROM profiles WHERE id = (SELECT hb_me()))
     AND EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id AND sc.author_id = (SELECT hb_me())))
    OR ((SELECT hb_is_recruiter()) AND NOT hb_signs_in(author_id)
        AND EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id AND sc.author_id = scorecard_revisions.author_id)));

-- After the row is written, so the policies' own refusal of a write that is
-- not the person's comes first.
CREATE TRIGGER scorecards_complete AFTER INSERT OR UPDATE OF status ON scorecards
    FOR EACH ROW EXECUTE FUNCTION hb_card_complete();
CREATE TRIGGER scorecard_revisions_complete AFTER INSERT ON scorecard_revisions
    FOR EACH ROW EXECUTE FUNCTION hb_card_complete();
