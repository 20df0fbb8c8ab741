// Team mode on PostgreSQL (issue 15): the people of a shared workspace, each
// with a database login of their own, and the grants under which the
// row-level security of migration 0022 decides what each of them reads.

package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"hirebench/app/model"
)

// ErrTeamOnly is what a local workspace answers for what only a shared
// (PostgreSQL) one has: people with logins and the server's grants.
var ErrTeamOnly = errors.New("is for a shared workspace on PostgreSQL (--db postgres://…); a local workspace has profiles, not logins")

// TeamGrants are the grants PostgreSQL keeps for a shared workspace.
type TeamGrants struct {
	// PeopleRole is the group role every person's login belongs to: the
	// database's name and "_people", so two workspaces on one server never
	// share their people.
	PeopleRole string `json:"peopleRole"`
}

// peopleRole is the name of the people's group role, as SQL (TeamGrants).
const peopleRole = `left(current_database(), 56) || '_people'`

// grantTeam creates the people's group role when missing and grants it
// what the app needs on every table, leaving the rest to the policies of
// migration 0022. Run by the owner at init and after a migration adds
// tables (a grant covers the tables that exist when it runs).
const sqlGrantTeam = `DO $$
DECLARE
    grp text := ` + peopleRole + `;
    sch text := current_schema();
    f record;
BEGIN
    -- A GRANT by anyone else only warns; say plainly who may do this.
    IF NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'schema_version'::regclass), 'MEMBER') THEN
        RAISE EXCEPTION 'not the owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        IF NOT {{create}} THEN
            RETURN; -- not a shared workspace with people yet: init creates the role
        END IF;
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    -- Only people connect, and nobody but the owner creates anything: no
    -- temporary tables to shadow ours, no objects in the schema (PUBLIC's
    -- defaults allow both before PostgreSQL 15).
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), grp);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), grp);
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', sch);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', sch, grp);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', sch, grp);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', sch, grp);
    -- The schema's history is the owner's to write.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON schema_version FROM %I', grp);
    -- Who is a recruiter and who signs in as whom: the owner's (policies of
    -- migration 0022 let a recruiter's bundle import add interviewers).
    EXECUTE format('REVOKE UPDATE, DELETE ON profiles FROM %I', grp);
    -- A card moves between stages; it never changes candidate or role.
    EXECUTE format('REVOKE UPDATE ON applications FROM %I', grp);
    EXECUTE format('GRANT UPDATE (stage_id, rejection_reason, entered_stage_at) ON applications TO %I', grp);
    -- A scorecard's author fills it in and submits it; whom, which round and
    -- who wrote it never change (storage.UpdateScorecard's columns).
    EXECUTE format('REVOKE UPDATE ON scorecards FROM %I', grp);
    EXECUTE format('GRANT UPDATE (answers, recommendation, notes, cursor, elapsed_ms, status, updated_at, submitted_at, '
        'sha256, seen_others, hash_version, candidate_uid, role_uid, round_uid) ON scorecards TO %I', grp);
    -- The view the app reads cards through is read, never written or
    -- locked (FOR UPDATE would run with its owner's rights).
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON scorecards_seen FROM %I', grp);
    -- Passphrases guard profiles on a shared laptop; on a server each person
    -- has a login instead, and everyone may read profiles: keep no hashes.
    UPDATE profiles SET passphrase_hash = '' WHERE passphrase_hash <> '';
    -- A migration's new functions look up tables as 0022's do.
    FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p WHERE p.pronamespace = sch::regnamespace LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, sch);
    END LOOP;
END
$$`

// regrantTeam renews the people's grants after a migration, when the
// workspace has people (init made their role): new tables are theirs too.
func regrantTeam(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, strings.Replace(sqlGrantTeam, "{{create}}", "false", 1))
	return err
}

const sqlPeopleRole = `SELECT ` + peopleRole

// InitTeam sets up a shared workspace's grants (the schema itself is
// brought up to date by OpenPostgres). It is run by the workspace's owner,
// again after an upgrade; running it twice changes nothing.
func (s *Store) InitTeam(ctx context.Context) (TeamGrants, error) {
	var g TeamGrants
	if s.d != postgresSQL {
		return g, fmt.Errorf("storage: init %w", ErrTeamOnly)
	}
	err := s.write(ctx, func(tx queryer) error {
		if _, err := tx.ExecContext(ctx, strings.Replace(sqlGrantTeam, "{{create}}", "true", 1)); err != nil {
			return ownerOnly("set up the shared workspace", err)
		}
		return tx.QueryRowContext(ctx, sqlPeopleRole).Scan(&g.PeopleRole)
	})
	return g, err
}

// PersonInput is a person of a shared workspace: their profile and the
// database login they sign in with.
type PersonInput struct {
	Name      string
	Login     string
	Password  string
	Recruiter bool
}

const (
	sqlCreateLogin  = `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', ?::text, ?::text, ` + peopleRole + `)`
	sqlLoginTaken   = `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)`
	sqlInsertPerson = `INSERT INTO profiles (name, is_recruiter, created_at, login) VALUES (?, ?, ?, ?)`
	sqlGiveLogin    = `UPDATE profiles SET login = ?, is_recruiter = CASE WHEN ? = 1 THEN 1 ELSE is_recruiter END
		WHERE name = ? COLLATE NOCASE AND login = '' RETURNING id`
	// Who signs in is migration 0022's hb_me, the policies' own answer.
	sqlSignedInProfile = `SELECT id FROM profiles WHERE id = hb_me()`
)

// AddPerson creates a login on the server and the profile it signs in as
// (or gives the login to the profile of that name that has none, as a push
// from a laptop brings them; --recruiter then makes it a recruiter too),
// both or neither (PostgreSQL creates roles inside a transaction). The
// password travels as a SCRAM verifier, never as itself. The caller
// (tracking.Service.AddPerson) has checked the name, login and password.
func (s *Store) AddPerson(ctx context.Context, in PersonInput) (model.Profile, error) {
	var p model.Profile
	if s.d != postgresSQL {
		return p, fmt.Errorf("storage: people add %w", ErrTeamOnly)
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	verifier, err := scramVerifier(in.Password, salt)
	if err != nil {
		return p, err
	}
	err = s.write(ctx, func(tx queryer) error {
		var taken bool
		if err := tx.QueryRowContext(ctx, sqlLoginTaken, in.Login).Scan(&taken); err != nil {
			return err
		}
		if taken {
			return fmt.Errorf("the login %q is already a role on this server: %w", in.Login, model.ErrConflict)
		}
		var create string
		if err := tx.QueryRowContext(ctx, sqlCreateLogin, in.Login, verifier).Scan(&create); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return ownerOnly("add a person", err)
		}
		// A profile pushed from a laptop (or made by a bundle import) gets
		// its login; a new name gets a new profile.
		var id int64
		err := tx.QueryRowContext(ctx, sqlGiveLogin, in.Login, in.Recruiter, in.Name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			id, err = insertID(ctx, tx, sqlInsertPerson, in.Name, in.Recruiter, s.now(), in.Login)
		}
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("profile %q already exists and signs in with its own login: %w", in.Name, model.ErrConflict)
			}
			return fmt.Errorf("storage: add a person: %w", err)
		}
		p, err = getProfile(ctx, tx, id)
		return err
	})
	return p, err
}

// SignedIn is the profile whose login this connection signed in with: who
// the app acts as on a shared workspace. ok is false on a local workspace
// and for the workspace's owner, who is nobody's profile.
func (s *Store) SignedIn(ctx context.Context) (p model.Profile, ok bool, err error) {
	if s.d != postgresSQL {
		return p, false, nil
	}
	var id int64
	switch err := s.rd.QueryRowContext(ctx, sqlSignedInProfile).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return p, false, nil
	case err != nil:
		return p, false, err
	}
	p, err = getProfile(ctx, s.rd, id)
	return p, err == nil, err
}

// asPerson says whether this store acts as a person's login on a shared
// workspace (not its owner's, not a laptop's), which row-level security
// limits: such a login neither reads self-identification back nor erases.
func (s *Store) asPerson(ctx context.Context) (bool, error) {
	if !s.Shared() {
		return false, nil
	}
	_, person, err := s.SignedIn(ctx)
	return person, err
}

// ownerOnly says plainly that only the workspace's owner (or a server
// administrator) may do what, when PostgreSQL refuses for want of a
// privilege; other errors pass unchanged.
func ownerOnly(what string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
		return fmt.Errorf("only the workspace's owner (a login that may create roles) can %s: %w", what, model.ErrConflict)
	}
	return fmt.Errorf("storage: %s: %w", what, err)
}

// RefusedByServer tells whether the shared workspace's server refused a
// statement for want of a privilege (a grant or a row-level security
// policy): the person's login may not do it, whatever the app allowed.
func RefusedByServer(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}
