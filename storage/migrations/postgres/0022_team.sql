-- Team mode, PostgreSQL twin of ../0022_team.sql: the login a profile signs
-- in with, and the blind rule enforced by the server (docs/TEAM.md).
ALTER TABLE profiles ADD COLUMN login text NOT NULL DEFAULT '' CHECK (length(login) <= 63);
CREATE UNIQUE INDEX profiles_login ON profiles (login) WHERE login <> '';
-- Two people editing one candidate: every change counts the record's
-- version up and says who made it, so an edit made from an older version is
-- refused ("changed by Priya 2 minutes ago — reload"), never silently
-- overwriting the other's.
ALTER TABLE candidates ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE candidates ADD COLUMN changed_by text NOT NULL DEFAULT '';
CREATE INDEX scorecards_author ON scorecards (author_id, status);

-- Who is asking: the profile whose login this session signed in with (NULL
-- for the workspace's owner, who is nobody's profile and bypasses the
-- policies, like a local workspace's owner who holds the file). SECURITY
-- DEFINER so the policies can read what the asker may not; the search path
-- is pinned below with pg_temp last, so nobody's temporary table named
-- "profiles" can stand in for ours.
CREATE FUNCTION hb_me() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT id FROM profiles WHERE login <> '' AND login = session_user
$$;

CREATE FUNCTION hb_is_recruiter() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce((SELECT is_recruiter = 1 FROM profiles WHERE login <> '' AND login = session_user), false)
$$;

-- The applications of every candidate the asker is done with, as
-- scoring.DoneWithCandidate decides: they interview in at least one of the
-- candidate's rounds (the recruiter's reassignment of that round for the
-- application, else the plan's interviewers) or hold a card in it, and
-- hold a submitted card in every one of those rounds. Only a candidate of
-- one of their submitted cards can qualify, so the search starts there
-- (scorecards_author): a set computed once per statement, not per row.
CREATE FUNCTION hb_done_applications() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$
    WITH me AS (SELECT hb_me() AS id),
    scored AS (
        SELECT DISTINCT a.candidate_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
        WHERE sc.author_id = (SELECT id FROM me) AND sc.status = 'submitted'
    ),
    duty AS (
        SELECT a.candidate_id, a.id AS application_id, r.id AS round_id
        FROM scored s JOIN applications a ON a.candidate_id = s.candidate_id
             JOIN interview_rounds r ON r.role_id = a.role_id CROSS JOIN me
        WHERE EXISTS (SELECT 1 FROM round_assignments x
                      WHERE x.application_id = a.id AND x.round_id = r.id AND x.profile_id = me.id)
           OR (NOT EXISTS (SELECT 1 FROM round_assignments x WHERE x.application_id = a.id AND x.round_id = r.id)
               AND EXISTS (SELECT 1 FROM round_interviewers ri WHERE ri.round_id = r.id AND ri.profile_id = me.id))
        UNION
        SELECT a.candidate_id, sc.application_id, sc.round_id
        FROM scored s JOIN applications a ON a.candidate_id = s.candidate_id
             JOIN scorecards sc ON sc.application_id = a.id
        WHERE sc.author_id = (SELECT id FROM me)
    ),
    done AS (
        SELECT d.candidate_id FROM duty d
        GROUP BY d.candidate_id
        HAVING bool_and(EXISTS (SELECT 1 FROM scorecards sc
                                WHERE sc.application_id = d.application_id AND sc.round_id = d.round_id
                                  AND sc.author_id = (SELECT id FROM me) AND sc.status = 'submitted'))
    )
    SELECT a.id FROM applications a JOIN done d ON d.candidate_id = a.candidate_id
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION hb_me() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hb_is_recruiter() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION hb_done_applications() SET search_path = %I, pg_temp', current_schema());
END
$$;

-- scoring.CanSee: your own cards; another's only once submitted, and then
-- to a recruiter or to someone done with the candidate. A card is written
-- by its author, or arrives in a bundle a recruiter imports.
ALTER TABLE scorecards ENABLE ROW LEVEL SECURITY;
CREATE POLICY scorecards_read ON scorecards FOR SELECT USING (
    author_id = (SELECT hb_me())
    OR (status = 'submitted' AND ((SELECT hb_is_recruiter()) OR application_id IN (SELECT hb_done_applications()))));
CREATE POLICY scorecards_add ON scorecards FOR INSERT WITH CHECK (author_id = (SELECT hb_me()) OR (SELECT hb_is_recruiter()));
CREATE POLICY scorecards_change ON scorecards FOR UPDATE
    USING (author_id = (SELECT hb_me()) OR (SELECT hb_is_recruiter())) WITH CHECK (author_id = (SELECT hb_me()) OR (SELECT hb_is_recruiter()));
CREATE POLICY scorecards_drop ON scorecards FOR DELETE USING (author_id = (SELECT hb_me()));

-- A card's amendments and the AI second rater's levels beside it go with
-- the card: visible exactly when the card is (the subquery is the asker's).
ALTER TABLE scorecard_revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY scorecard_revisions_with_card ON scorecard_revisions
    USING (EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id))
    WITH CHECK (EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id)
                AND (author_id = (SELECT hb_me()) OR (SELECT hb_is_recruiter())));
ALTER TABLE ai_ratings ENABLE ROW LEVEL SECURITY;
CREATE POLICY ai_ratings_with_card ON ai_ratings
    USING (EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id));

-- Who interviews in which round is the recruiter's to say (the app's
-- planEditor): were it anyone's, an interviewer could drop a round of theirs
-- and count as done with a candidate, so reading others' cards early.
ALTER TABLE interview_rounds ENABLE ROW LEVEL SECURITY;
CREATE POLICY interview_rounds_read ON interview_rounds FOR SELECT USING (true);
CREATE POLICY interview_rounds_recruiters ON interview_rounds USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
ALTER TABLE round_interviewers ENABLE ROW LEVEL SECURITY;
CREATE POLICY round_interviewers_read ON round_interviewers FOR SELECT USING (true);
CREATE POLICY round_interviewers_recruiters ON round_interviewers USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
ALTER TABLE round_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY round_assignments_read ON round_assignments FOR SELECT USING (true);
CREATE POLICY round_assignments_recruiters ON round_assignments USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));

-- Recruiters' records: voluntary self-identification (selfid.May), outcomes
-- after a hire (outcomes: the recruiter records) and the erasure audit.
ALTER TABLE self_id ENABLE ROW LEVEL SECURITY;
CREATE POLICY self_id_recruiters ON self_id USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
ALTER TABLE outcomes ENABLE ROW LEVEL SECURITY;
CREATE POLICY outcomes_recruiters ON outcomes USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
ALTER TABLE privacy_audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY privacy_audit_recruiters ON privacy_audit USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));

-- Profiles: everyone reads the team's names; nobody makes themselves a
-- recruiter or takes another's login. A recruiter's bundle import may add an
-- interviewer's profile (without a login); people are added by the owner
-- (`hirebench people add`).
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY profiles_read ON profiles FOR SELECT USING (true);
CREATE POLICY profiles_add ON profiles FOR INSERT WITH CHECK ((SELECT hb_is_recruiter()) AND is_recruiter = 0 AND login = '');

-- Live updates: a change to a candidate, an application (a card moved,
-- added or rejected) or a scorecard tells every open app which board or
-- debrief to refresh (storage.Store.Listen). Ids only, never a name: any
-- login of the database may listen. PostgreSQL delivers them at commit,
-- and folds a transaction's identical ones into one.
CREATE FUNCTION hb_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    IF TG_TABLE_NAME = 'candidates' THEN
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'candidate', 'candidate', r.id)::text);
    ELSIF TG_TABLE_NAME = 'applications' THEN
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'application', 'role', r.role_id, 'candidate', r.candidate_id)::text);
        IF TG_OP = 'UPDATE' AND OLD.role_id <> NEW.role_id THEN
            PERFORM pg_notify('hirebench_changes', json_build_object('what', 'application', 'role', OLD.role_id, 'candidate', r.candidate_id)::text);
        END IF;
    ELSE -- scorecards
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'scorecard',
            'role', (SELECT role_id FROM applications WHERE id = r.application_id),
            'candidate', (SELECT candidate_id FROM applications WHERE id = r.application_id))::text);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER candidates_notify AFTER INSERT OR UPDATE OR DELETE ON candidates
    FOR EACH ROW EXECUTE FUNCTION hb_notify_change();
CREATE TRIGGER applications_notify AFTER INSERT OR UPDATE OR DELETE ON applications
    FOR EACH ROW EXECUTE FUNCTION hb_notify_change();
-- A draft's autosave (about once a second while someone types) tells
-- nobody: nobody else may read it, and a debrief is heavy to reload.
CREATE TRIGGER scorecards_notify AFTER INSERT OR DELETE ON scorecards
    FOR EACH ROW EXECUTE FUNCTION hb_notify_change();
CREATE TRIGGER scorecards_submitted_notify AFTER UPDATE ON scorecards
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR NEW.status = 'submitted')
    EXECUTE FUNCTION hb_notify_change();
