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


-- Whether the asker interviews in this round of this application, as
-- scoring.Assignees decides (the recruiter's reassignment, else the plan):
-- only they start a card there (the app's panel.mayStart).
CREATE FUNCTION hb_may_start(application bigint, round bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM applications a JOIN interview_rounds r ON r.role_id = a.role_id
                   WHERE a.id = application AND r.id = round)
       AND CASE WHEN EXISTS (SELECT 1 FROM round_assignments x WHERE x.application_id = application AND x.round_id = round)
           THEN EXISTS (SELECT 1 FROM round_assignments x
                        WHERE x.application_id = application AND x.round_id = round AND x.profile_id = hb_me())
           ELSE EXISTS (SELECT 1 FROM round_interviewers ri WHERE ri.round_id = round AND ri.profile_id = hb_me())
           END
$$;

-- Whether a profile signs in with a login of its own. A recruiter's bundle
-- import brings cards written on laptops, by people who never sign in here:
-- a card or amendment in the name of someone who does is theirs to write.
CREATE FUNCTION hb_signs_in(profile bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM profiles WHERE id = profile AND login <> '')
$$;

-- scoring.CanSee: your own cards; another's only once submitted, and then
-- to a recruiter or to someone done with the candidate. A card starts as
-- its author's draft in a round they interview in, or arrives in a bundle
-- a recruiter imports; only its author changes it, and only while it is a
-- draft (the submit itself is that change), so a submitted card stays as
-- submitted whatever a trigger would allow.
ALTER TABLE scorecards ENABLE ROW LEVEL SECURITY;
CREATE POLICY scorecards_read ON scorecards FOR SELECT USING (
    author_id = (SELECT hb_me())
    OR (status = 'submitted' AND ((SELECT hb_is_recruiter()) OR application_id IN (SELECT hb_done_applications()))));
CREATE POLICY scorecards_add ON scorecards FOR INSERT WITH CHECK (
    (author_id = (SELECT hb_me()) AND status = 'draft' AND hb_may_start(application_id, round_id)
     AND author_name = (SELECT name FROM profiles WHERE id = (SELECT hb_me())))
    OR ((SELECT hb_is_recruiter()) AND NOT hb_signs_in(author_id)));
CREATE POLICY scorecards_change ON scorecards FOR UPDATE
    USING (author_id = (SELECT hb_me()) AND status = 'draft') WITH CHECK (author_id = (SELECT hb_me()));
CREATE POLICY scorecards_drop ON scorecards FOR DELETE USING (author_id = (SELECT hb_me()) AND status = 'draft');

-- Every card, with what the asker may not read of it left out, as the app
-- shows a hidden card (scoring.Redact: who, which round, what state; no
-- levels, notes, times or hash): so a round shows "in progress" and a
-- debrief "1 scorecard hidden until you submit yours" on a shared workspace
-- as on a laptop. The app reads cards through it (storage.sqlScorecardFrom);
-- as a view it runs with its owner's rights, and its own test of who may
-- read is the policy's, with the workspace's owner reading everything. It
-- keeps every row and blanks columns, so it needs no security barrier: a
-- condition put on it sees the blanked values too, and is free to reach
-- the indexes (with a barrier, a candidate's cards read all 200k cards).
CREATE VIEW scorecards_seen AS
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
        OR (sc.status = 'submitted' AND ((SELECT hb_is_recruiter()) OR sc.application_id IN (SELECT hb_done_applications())))
        AS ok) seen;

-- A card's amendments and the AI second rater's levels beside it go with
-- the card: read exactly when the card is (the subquery is the asker's);
-- added to one's own card by its author (or by a recruiter's bundle
-- import), and never changed or removed.
ALTER TABLE scorecard_revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY scorecard_revisions_read ON scorecard_revisions FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id));
CREATE POLICY scorecard_revisions_add ON scorecard_revisions FOR INSERT WITH CHECK (
    (author_id = (SELECT hb_me()) AND author_name = (SELECT name FROM profiles WHERE id = (SELECT hb_me()))
     AND EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id AND sc.author_id = (SELECT hb_me())))
    OR ((SELECT hb_is_recruiter()) AND NOT hb_signs_in(author_id)));
ALTER TABLE ai_ratings ENABLE ROW LEVEL SECURITY;
CREATE POLICY ai_ratings_read ON ai_ratings FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id));
CREATE POLICY ai_ratings_add ON ai_ratings FOR INSERT WITH CHECK (
    EXISTS (SELECT 1 FROM scorecards sc WHERE sc.id = scorecard_id AND sc.author_id = (SELECT hb_me()))
    OR ((SELECT hb_is_recruiter())
        AND NOT hb_signs_in((SELECT sc.author_id FROM scorecards sc WHERE sc.id = scorecard_id))));

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

-- An application stays with its candidate and role, and only a recruiter
-- adds or removes one: moving it to a role without rounds, dropping the one
-- that holds an unsubmitted round, or adding one in a role where one
-- interviews, would make an interviewer "done". (Which columns people may
-- change at all is granted by storage.InitTeam.)
ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
CREATE POLICY applications_read ON applications FOR SELECT USING (true);
CREATE POLICY applications_add ON applications FOR INSERT WITH CHECK ((SELECT hb_is_recruiter()));
CREATE POLICY applications_move ON applications FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY applications_drop ON applications FOR DELETE USING ((SELECT hb_is_recruiter()));

-- Removing a role, a stage or a candidate cascades into the plan, the
-- applications and the recruiters' records, which row-level security does
-- not follow: recruiters only. So is the plan's weighting; a submit fixes
-- the weights as they stand (storage.freezePlan), which anyone's does.
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY roles_read ON roles FOR SELECT USING (true);
CREATE POLICY roles_add ON roles FOR INSERT WITH CHECK (true);
CREATE POLICY roles_change ON roles FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY roles_drop ON roles FOR DELETE USING ((SELECT hb_is_recruiter()));
ALTER TABLE stages ENABLE ROW LEVEL SECURITY;
CREATE POLICY stages_read ON stages FOR SELECT USING (true);
CREATE POLICY stages_add ON stages FOR INSERT WITH CHECK (true);
CREATE POLICY stages_change ON stages FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY stages_drop ON stages FOR DELETE USING ((SELECT hb_is_recruiter()));
ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;
CREATE POLICY candidates_read ON candidates FOR SELECT USING (true);
CREATE POLICY candidates_add ON candidates FOR INSERT WITH CHECK (true);
CREATE POLICY candidates_change ON candidates FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY candidates_drop ON candidates FOR DELETE USING ((SELECT hb_is_recruiter()));
ALTER TABLE plan_weights ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_weights_read ON plan_weights FOR SELECT USING (true);
CREATE POLICY plan_weights_fix ON plan_weights FOR INSERT WITH CHECK (true);
CREATE POLICY plan_weights_recruiters ON plan_weights USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
ALTER TABLE plan_weight_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_weight_changes_read ON plan_weight_changes FOR SELECT USING (true);
CREATE POLICY plan_weight_changes_recruiters ON plan_weight_changes USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));

-- Marks that erasure is under way, which lifts the immutability of
-- submitted cards: the owner's alone (no policy: people read and write none).
ALTER TABLE privacy_erasing ENABLE ROW LEVEL SECURITY;

-- Who first saw others' cards, for the committee: added, never removed.
ALTER TABLE card_exposures ENABLE ROW LEVEL SECURITY;
CREATE POLICY card_exposures_read ON card_exposures FOR SELECT USING (true);
CREATE POLICY card_exposures_add ON card_exposures FOR INSERT WITH CHECK (profile_id = (SELECT hb_me()));

-- The workspace's settings are the recruiter's (the AI endpoint among them:
-- were it anyone's, an interviewer could send the recruiter's key and
-- candidates' data to a server of their choosing); each person keeps their
-- own interview runner preferences and AI preview choices.
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_recruiters ON settings USING ((SELECT hb_is_recruiter())) WITH CHECK ((SELECT hb_is_recruiter()));
CREATE POLICY settings_own_prefs ON settings
    USING (key IN ('prefs.runner.' || (SELECT hb_me()), 'prefs.ai.' || (SELECT hb_me())))
    WITH CHECK (key IN ('prefs.runner.' || (SELECT hb_me()), 'prefs.ai.' || (SELECT hb_me())));

-- What was sent to the AI and what it answered can quote scorecards'
-- notes: recruiters read it; anyone's call adds to it.
ALTER TABLE ai_audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY ai_audit_read ON ai_audit FOR SELECT USING ((SELECT hb_is_recruiter()));
CREATE POLICY ai_audit_add ON ai_audit FOR INSERT WITH CHECK (true);

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
        -- Once per role too: a rename or an archive changes that role's board.
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'candidate', 'role', a.role_id, 'candidate', r.id)::text)
            FROM applications a WHERE a.candidate_id = r.id;
    ELSIF TG_TABLE_NAME = 'applications' THEN
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'application', 'role', r.role_id, 'candidate', r.candidate_id)::text);
        IF TG_OP = 'UPDATE' AND OLD.role_id <> NEW.role_id THEN
            PERFORM pg_notify('hirebench_changes', json_build_object('what', 'application', 'role', OLD.role_id, 'candidate', r.candidate_id)::text);
        END IF;
    ELSIF TG_TABLE_NAME = 'scorecard_revisions' THEN -- an amendment
        PERFORM pg_notify('hirebench_changes', json_build_object('what', 'scorecard',
            'role', (SELECT a.role_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id WHERE sc.id = r.scorecard_id),
            'candidate', (SELECT a.candidate_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id WHERE sc.id = r.scorecard_id))::text);
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
CREATE TRIGGER scorecard_revisions_notify AFTER INSERT ON scorecard_revisions
    FOR EACH ROW EXECUTE FUNCTION hb_notify_change();

-- Every function of the schema (the policies' helpers and every trigger's)
-- looks up its tables in this schema only, with pg_temp last: nobody's
-- temporary table can stand in for one of ours.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
END
$$;
