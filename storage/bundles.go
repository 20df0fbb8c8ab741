package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// ---- export

const (
	sqlBundleCards = `SELECT ` + sqlScorecardColumns + sqlScorecardFrom + ` WHERE sc.status = 'submitted'`
	sqlBundleOrder = ` ORDER BY ro.title COLLATE NOCASE, ro.id, c.name COLLATE NOCASE, c.id, ir.position, sc.id`
	sqlBundleRoles = `SELECT id FROM roles ORDER BY title COLLATE NOCASE, id`
	sqlBundleCands = `SELECT id FROM candidates ORDER BY id`
	sqlBundleFiles = `SELECT id, file_name, mime_type, size, extracted_text, created_at, data FROM attachments
		WHERE candidate_id = ? ORDER BY created_at, id`
)

type exportRubric struct {
	id       int64
	ref      string
	versions map[int64]bool // version ids to include; nil means all
}

// ExportBundle writes a bundle (see package bundle) from one consistent
// snapshot of the workspace: everything, or with opts.AuthorID one person's
// submitted scorecards and what they refer to. Drafts never leave the
// laptop. A stored scorecard that no longer matches its hash is left out
// and listed in Summary.Skipped rather than passed on.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, opts bundle.ExportOptions) (bundle.Summary, error) {
	var sum bundle.Summary
	err := s.read(ctx, func(tx *sql.Tx) error {
		b, files, skipped, err := s.collectBundle(ctx, tx, opts)
		if err != nil {
			return err
		}
		sum, err = bundle.Write(w, b, func(sha string) ([]byte, error) {
			_, data, err := getAttachment(ctx, tx, files[sha])
			return data, err
		})
		sum.Skipped = append(sum.Skipped, skipped...)
		return err
	})
	return sum, err
}

func (s *Store) collectBundle(ctx context.Context, tx *sql.Tx, opts bundle.ExportOptions) (*bundle.Bundle, map[string]int64, []string, error) {
	b := &bundle.Bundle{Manifest: bundle.Manifest{CreatedAt: s.now(), AppVersion: opts.AppVersion, Scope: bundle.ScopeWorkspace}}
	skipped := []string{}
	mine := opts.AuthorID != 0

	// Scorecards first: in the scorecards scope they decide everything else.
	query, args := sqlBundleCards, []any{}
	if mine {
		author, err := getProfile(ctx, tx, opts.AuthorID)
		if err != nil {
			return nil, nil, nil, err
		}
		b.Manifest.Scope, b.Manifest.Author = bundle.ScopeScorecards, author.Name
		query += ` AND sc.author_id = ?`
		args = append(args, opts.AuthorID)
	}
	var cards []scoring.Scorecard
	if mine || !opts.NoScorecards {
		err := each(ctx, tx, query+sqlBundleOrder, args, func(sc scanner) error {
			c, err := scanScorecard(sc)
			cards = append(cards, c)
			return err
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	kept := cards[:0]
	for _, c := range cards {
		if err := fillRevisions(ctx, tx, &c); err != nil {
			return nil, nil, nil, err
		}
		if err := scoring.Verify(c); err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		kept = append(kept, c)
	}
	cards = kept

	// What the cards refer to.
	roleIDs, candIDs := []int64{}, []int64{}
	rounds, apps, versions := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	for _, c := range cards {
		if !slices.Contains(roleIDs, c.RoleID) {
			roleIDs = append(roleIDs, c.RoleID)
		}
		if !slices.Contains(candIDs, c.CandidateID) {
			candIDs = append(candIDs, c.CandidateID)
		}
		rounds[c.RoundID], apps[c.ApplicationID], versions[c.RubricVersionID] = true, true, true
	}
	if !mine {
		var err error
		if roleIDs, err = int64s(ctx, tx, sqlBundleRoles); err != nil {
			return nil, nil, nil, err
		}
		if candIDs, err = int64s(ctx, tx, sqlBundleCands); err != nil {
			return nil, nil, nil, err
		}
	}

	// Roles, with titles made unique: the title is how roles match.
	titles := map[int64]string{}
	taken := map[string]bool{}
	var rubricOrder []int64
	rubrics := map[int64]*exportRubric{}
	useRubric := func(id int64) *exportRubric {
		if rubrics[id] == nil {
			rubrics[id] = &exportRubric{id: id, versions: map[int64]bool{}}
			if !mine {
				rubrics[id].versions = nil
			}
			rubricOrder = append(rubricOrder, id)
		}
		return rubrics[id]
	}
	var roundRubrics []struct {
		role, round int
		rubric      int64
	}
	for _, id := range roleIDs {
		r, err := getRole(ctx, tx, id)
		if err != nil {
			return nil, nil, nil, err
		}
		title := r.Title
		for n := 2; taken[strings.ToLower(title)]; n++ {
			title = fmt.Sprintf("%s (%d)", r.Title, n)
		}
		taken[strings.ToLower(title)] = true
		titles[id] = title
		br := bundle.Role{Title: title, Team: r.Team, Location: r.Location, Status: string(r.Status), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
		for _, st := range r.Stages {
			br.Stages = append(br.Stages, bundle.Stage{Name: st.Name, Kind: string(st.Kind)})
		}
		plan, err := listRounds(ctx, tx, id)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, rd := range plan {
			if mine && !rounds[rd.ID] {
				continue
			}
			useRubric(rd.RubricID)
			names := []string{}
			for _, p := range rd.Interviewers {
				names = append(names, p.Name)
			}
			roundRubrics = append(roundRubrics, struct {
				role, round int
				rubric      int64
			}{len(b.Roles), len(br.Rounds), rd.RubricID})
			br.Rounds = append(br.Rounds, bundle.Round{Name: rd.Name, Competencies: nonNilStrings(rd.Competencies), DurationMin: rd.DurationMin, Interviewers: names})
		}
		if !mine {
			if err := exportPlan(ctx, tx, id, &br); err != nil {
				return nil, nil, nil, err
			}
		}
		b.Roles = append(b.Roles, br)
	}

	// Rubrics: all of them, or those the rounds and cards use.
	if mine {
		for vid := range versions {
			var rid int64
			if err := tx.QueryRowContext(ctx, `SELECT rubric_id FROM rubric_versions WHERE id = ?`, vid).Scan(&rid); err != nil {
				return nil, nil, nil, fmt.Errorf("storage: export rubric version: %w", err)
			}
			useRubric(rid).versions[vid] = true
		}
	} else {
		ids, err := int64s(ctx, tx, `SELECT id FROM rubrics ORDER BY id`)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, id := range ids {
			useRubric(id)
		}
	}
	slices.Sort(rubricOrder)
	for i, id := range rubricOrder {
		er := rubrics[id]
		er.ref = fmt.Sprintf("rubric-%d", i+1)
		rb := bundle.Rubric{Ref: er.ref}
		var archived string
		if err := tx.QueryRowContext(ctx, `SELECT name, builtin, archived_at FROM rubrics WHERE id = ?`, id).Scan(&rb.Name, &rb.Builtin, &archived); err != nil {
			return nil, nil, nil, fmt.Errorf("storage: export rubric: %w", err)
		}
		rb.Archived = archived != ""
		var all []bundle.RubricVersion
		var ids []int64
		err := each(ctx, tx, `SELECT id, version, sha256, created_at, content FROM rubric_versions WHERE rubric_id = ? ORDER BY version`, []any{id}, func(sc scanner) error {
			var v bundle.RubricVersion
			var vid int64
			var content string
			if err := sc.Scan(&vid, &v.Version, &v.SHA256, &v.CreatedAt, &content); err != nil {
				return err
			}
			v.Content = json.RawMessage(content)
			all = append(all, v)
			ids = append(ids, vid)
			return nil
		})
		if err != nil {
			return nil, nil, nil, err
		}
		for j, v := range all {
			// The scorecards scope carries the versions the cards used plus the latest.
			if er.versions == nil || er.versions[ids[j]] || j == len(all)-1 {
				rb.Versions = append(rb.Versions, v)
			}
		}
		b.Rubrics = append(b.Rubrics, rb)
	}
	for _, rr := range roundRubrics {
		b.Roles[rr.role].Rounds[rr.round].RubricRef = rubrics[rr.rubric].ref
	}

	// Candidates with their applications and files.
	refs, emails := map[int64]string{}, map[int64]string{}
	files := map[string]int64{}
	for i, id := range candIDs {
		c, err := getCandidate(ctx, tx, id)
		if err != nil {
			return nil, nil, nil, err
		}
		bc := bundle.Candidate{Ref: fmt.Sprintf("candidate-%d", i+1), CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, ArchivedAt: c.ArchivedAt, CandidateInput: c.CandidateInput}
		refs[id], emails[id] = bc.Ref, c.Email
		list, err := candidateApplications(ctx, tx, id)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, a := range list {
			if mine && !apps[a.ID] {
				continue
			}
			ba := bundle.Application{RoleTitle: titles[a.RoleID], StageName: a.StageName,
				RejectionReason: a.RejectionReason, CreatedAt: a.CreatedAt, EnteredStageAt: a.EnteredStageAt}
			if !mine {
				if ba.Assignments, err = exportAssignments(ctx, tx, a.ID); err != nil {
					return nil, nil, nil, err
				}
			}
			bc.Applications = append(bc.Applications, ba)
		}
		if !mine && !opts.NoAttachments {
			err := each(ctx, tx, sqlBundleFiles, []any{id}, func(sc scanner) error {
				var a bundle.Attachment
				var fid int64
				var data []byte
				if err := sc.Scan(&fid, &a.FileName, &a.MimeType, &a.Size, &a.Text, &a.CreatedAt, &data); err != nil {
					return err
				}
				h := sha256.Sum256(data)
				a.SHA256, a.Size = hex.EncodeToString(h[:]), int64(len(data))
				files[a.SHA256] = fid
				bc.Attachments = append(bc.Attachments, a)
				return nil
			})
			if err != nil {
				return nil, nil, nil, err
			}
		}
		b.Candidates = append(b.Candidates, bc)
	}

	for _, c := range cards {
		bs := bundle.FromScoring(c, refs[c.CandidateID], emails[c.CandidateID])
		bs.RoleTitle = titles[c.RoleID]
		b.Scorecards = append(b.Scorecards, bs)
	}
	return b, files, skipped, nil
}

// ---- import

// ImportBundle merges a bundle into the workspace; see ImportBundleWith.
// A scorecard that does not match its hash refuses the whole bundle.
func (s *Store) ImportBundle(ctx context.Context, r io.ReaderAt, size int64, actor model.Profile) (bundle.ImportReport, error) {
	return s.ImportBundleWith(ctx, r, size, actor, bundle.ImportOptions{})
}

// ImportBundleWith merges a bundle into the workspace.
//
// Everything is checked before anything is written: the file (format,
// limits, paths, attachment hashes, links) and every scorecard against its
// hash and rubric version. A scorecard that fails is named ("scorecard <uid>
// by <author> for <candidate>: content does not match its hash") and
// refuses the whole bundle with a *bundle.RefusedError, unless
// opts.SkipTampered, which imports the rest and lists it under Refused.
//
// The merge then runs in one immediate transaction and only ever adds:
// missing roles, stages (before Rejected), rounds, rubric versions,
// candidates, applications, attachments, scorecards (submitted, with the
// hash and submission time they were signed with) and amendments, plus a
// profile for each scorecard author or round interviewer not known here.
// Nothing local is overwritten: where the bundle disagrees with this
// workspace (a candidate's phone, a scorecard with the same uid but other
// content, a local draft for the same round) the local record is kept and
// the difference is listed under Conflicts. Importing the same bundle again
// creates nothing.
func (s *Store) ImportBundleWith(ctx context.Context, r io.ReaderAt, size int64, actor model.Profile, opts bundle.ImportOptions) (bundle.ImportReport, error) {
	b, err := bundle.Read(r, size)
	if err != nil {
		return bundle.ImportReport{}, err
	}
	if opts.Allow != nil {
		if err := opts.Allow(b); err != nil {
			return bundle.ImportReport{}, err
		}
	}
	rep := bundle.NewReport(b.Manifest)
	skip := map[string]bool{}
	if bad := b.VerifyScorecards(); len(bad) > 0 {
		msgs := make([]string, len(bad))
		for i, p := range bad {
			msgs[i], skip[p.UID] = p.Message, true
		}
		if !opts.SkipTampered {
			return bundle.ImportReport{}, &bundle.RefusedError{Problems: msgs}
		}
		rep.Refused = msgs
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		im := &importer{ctx: ctx, tx: tx, b: b, rep: &rep, actor: actor, now: s.now(), skip: skip,
			profiles: map[string]int64{}, rubrics: map[string]int64{}, versions: map[string][]versionRef{},
			roles: map[string]*importRole{}, cands: map[string]int64{}, apps: map[[2]int64]int64{}}
		return im.run()
	})
	if err != nil {
		return bundle.ImportReport{}, err
	}
	return rep, nil
}

type versionRef struct{ id, rubricID int64 }

type importRole struct {
	id       int64
	stages   map[string]model.Stage // lowercase name → stage
	rejected model.Stage
	firstID  int64
	count    int              // stages the role has
	rounds   map[string]int64 // lowercase name → round id
}

type importer struct {
	ctx   context.Context
	tx    *sql.Tx
	b     *bundle.Bundle
	rep   *bundle.ImportReport
	actor model.Profile
	now   string
	skip  map[string]bool

	profiles map[string]int64        // lowercase name → profile id
	rubrics  map[string]int64        // bundle ref → rubric id
	versions map[string][]versionRef // sha256 → local versions with that content
	roles    map[string]*importRole  // lowercase bundle title → role
	cands    map[string]int64        // bundle ref → candidate id
	apps     map[[2]int64]int64      // candidate, role → application id
}

func (im *importer) conflict(format string, args ...any) {
	im.rep.Conflicts = append(im.rep.Conflicts, fmt.Sprintf(format, args...))
}

func (im *importer) note(format string, args ...any) {
	im.rep.Notes = append(im.rep.Notes, fmt.Sprintf(format, args...))
}

func (im *importer) run() error {
	steps := []func() error{im.importRubrics, im.importRoles, im.importCandidates, im.importScorecards, im.fixScoredPlans}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// profile finds a person by name, creating the profile when missing.
func (im *importer) profile(name string) (int64, error) {
	key := strings.ToLower(name)
	if id, ok := im.profiles[key]; ok {
		return id, nil
	}
	var id int64
	err := im.tx.QueryRowContext(im.ctx, `SELECT id FROM profiles WHERE name = ? COLLATE NOCASE`, name).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := im.tx.ExecContext(im.ctx, sqlInsertProfile, name, false, im.now)
		if err != nil {
			return 0, fmt.Errorf("storage: import profile: %w", err)
		}
		id, _ = res.LastInsertId()
		im.rep.Created.Profiles++
	case err != nil:
		return 0, fmt.Errorf("storage: import profile: %w", err)
	default:
		im.rep.Unchanged.Profiles++
	}
	im.profiles[key] = id
	return id, nil
}

// ---- rubrics

type localVersion struct {
	id      int64
	version int
	sha     string
}

func (im *importer) localVersions(rubricID int64) ([]localVersion, error) {
	var out []localVersion
	err := each(im.ctx, im.tx, `SELECT id, version, sha256 FROM rubric_versions WHERE rubric_id = ? ORDER BY version`, []any{rubricID}, func(sc scanner) error {
		var v localVersion
		err := sc.Scan(&v.id, &v.version, &v.sha)
		out = append(out, v)
		return err
	})
	return out, err
}

// matchRubric finds the local rubric a bundle rubric is: the built-in one;
// else one holding any of its versions; else one of the same name.
func (im *importer) matchRubric(rb bundle.Rubric) (int64, error) {
	var id int64
	if rb.Builtin {
		err := im.tx.QueryRowContext(im.ctx, sqlBuiltinRubric).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, nil
		}
		return id, err
	}
	for i := len(rb.Versions) - 1; i >= 0; i-- {
		err := im.tx.QueryRowContext(im.ctx, `SELECT v.rubric_id FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id
			WHERE v.sha256 = ? AND r.builtin = 0 ORDER BY v.rubric_id LIMIT 1`, rb.Versions[i].SHA256).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	err := im.tx.QueryRowContext(im.ctx, `SELECT id FROM rubrics WHERE builtin = 0 AND name = ? COLLATE NOCASE
		ORDER BY archived_at <> '', id LIMIT 1`, rb.Name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func (im *importer) insertVersion(rubricID int64, version int, v bundle.RubricVersion) error {
	if _, err := im.tx.ExecContext(im.ctx, sqlInsertVersion, rubricID, version, string(v.Content), v.SHA256, nil, v.CreatedAt); err != nil {
		return fmt.Errorf("storage: import rubric version: %w", err)
	}
	im.rep.Created.RubricVersions++
	return nil
}

func (im *importer) importRubrics() error {
	for _, rb := range im.b.Rubrics {
		id, err := im.matchRubric(rb)
		if err != nil {
			return fmt.Errorf("storage: match rubric: %w", err)
		}
		if id == 0 {
			first, last := rb.Versions[0], rb.Versions[len(rb.Versions)-1]
			archived := ""
			if rb.Archived {
				archived = im.now
			}
			res, err := im.tx.ExecContext(im.ctx, `INSERT INTO rubrics (name, builtin, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
				rb.Name, rb.Builtin, archived, first.CreatedAt, last.CreatedAt)
			if err != nil {
				return fmt.Errorf("storage: import rubric: %w", err)
			}
			id, _ = res.LastInsertId()
			im.rep.Created.Rubrics++
			for _, v := range rb.Versions {
				if err := im.insertVersion(id, v.Version, v); err != nil {
					return err
				}
			}
		} else {
			im.rep.Unchanged.Rubrics++
			if err := im.mergeVersions(id, rb); err != nil {
				return err
			}
		}
		im.rubrics[rb.Ref] = id
		local, err := im.localVersions(id)
		if err != nil {
			return err
		}
		for _, v := range local {
			im.versions[v.sha] = append(im.versions[v.sha], versionRef{id: v.id, rubricID: id})
		}
	}
	return nil
}

// mergeVersions adds the bundle's versions a local rubric lacks, never
// changing existing ones. Which version is latest (what new scorecards
// use) follows the newer side: the bundle's latest if it continues from
// this workspace's latest, else this workspace's latest, which is then
// appended again after the imported ones. The built-in rubric always keeps
// the one this app ships.
func (im *importer) mergeVersions(id int64, rb bundle.Rubric) error {
	local, err := im.localVersions(id)
	if err != nil {
		return err
	}
	if len(local) == 0 {
		return fmt.Errorf("storage: rubric %d has no versions", id)
	}
	have := map[string]bool{}
	for _, v := range local {
		have[v.sha] = true
	}
	inBundle := map[string]bool{}
	for _, v := range rb.Versions {
		inBundle[v.SHA256] = true
	}
	localLatest, bundleLatest := local[len(local)-1], rb.Versions[len(rb.Versions)-1]
	desired := localLatest.sha
	if !rb.Builtin && inBundle[localLatest.sha] && bundleLatest.SHA256 != localLatest.sha {
		desired = bundleLatest.SHA256
	}
	var missing []bundle.RubricVersion
	for _, v := range rb.Versions {
		if !have[v.SHA256] && v.SHA256 != desired {
			missing = append(missing, v)
		}
	}
	if !have[desired] {
		missing = append(missing, bundleLatest)
	}
	im.rep.Unchanged.RubricVersions += len(rb.Versions) - len(missing)
	if len(missing) == 0 {
		return nil
	}
	next := localLatest.version + 1
	for _, v := range missing {
		if err := im.insertVersion(id, next, v); err != nil {
			return err
		}
		next++
	}
	if desired == localLatest.sha {
		// Keep this workspace's latest version current.
		if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO rubric_versions (rubric_id, version, content, sha256, author_id, created_at)
			SELECT rubric_id, ?, content, sha256, author_id, ? FROM rubric_versions WHERE id = ?`, next, im.now, localLatest.id); err != nil {
			return fmt.Errorf("storage: import rubric version: %w", err)
		}
		if !rb.Builtin {
			im.note("rubric %q: %d version(s) from the bundle were added as earlier versions; this workspace's latest version stays current", rb.Name, len(missing))
		}
		return nil
	}
	content, err := bundleLatest.Rubric()
	if err != nil {
		return err
	}
	_, err = im.tx.ExecContext(im.ctx, `UPDATE rubrics SET name = ?, updated_at = ? WHERE id = ?`, content.Name, im.now, id)
	return err
}

// ---- roles

func (im *importer) importRoles() error {
	for _, br := range im.b.Roles {
		id, err := im.matchRole(br)
		if err != nil {
			return err
		}
		created := id == 0
		if created {
			if id, err = im.createRole(br); err != nil {
				return err
			}
		} else {
			im.rep.Unchanged.Roles++
			cur, err := getRole(im.ctx, im.tx, id)
			if err != nil {
				return err
			}
			for _, f := range []struct{ name, local, theirs string }{
				{"team", cur.Team, br.Team}, {"location", cur.Location, br.Location}, {"status", string(cur.Status), br.Status},
			} {
				if f.local != f.theirs {
					im.conflict("role %q: %s differs (local %s, bundle %s); local kept%s", cur.Title, f.name, quote(f.local), quote(f.theirs), newer(cur.UpdatedAt, br.UpdatedAt))
				}
			}
		}
		role, err := im.loadRole(id)
		if err != nil {
			return err
		}
		if !created {
			if err := im.mergeStages(role, br); err != nil {
				return err
			}
		}
		if err := im.mergeRounds(role, br); err != nil {
			return err
		}
		if err := im.mergePlan(role, br); err != nil {
			return err
		}
		im.roles[strings.ToLower(br.Title)] = role
	}
	return nil
}

// numbered is a title an export made unique: "Backend engineer (2)".
var numbered = regexp.MustCompile(`^(.+) \(\d+\)$`)

// matchRole finds the local role a bundle role is: by title
// (case-insensitive); among several with that title the one created at the
// same time (an import keeps creation times), else the oldest. An export
// numbers repeated titles ("Backend engineer (2)"); such a title that
// matches nothing here finds its role by the plain title and creation time.
func (im *importer) matchRole(br bundle.Role) (int64, error) {
	type cand struct {
		id      int64
		created string
	}
	find := func(title string) ([]cand, error) {
		var out []cand
		err := each(im.ctx, im.tx, `SELECT id, created_at FROM roles WHERE title = ? COLLATE NOCASE ORDER BY id`, []any{title}, func(sc scanner) error {
			var c cand
			err := sc.Scan(&c.id, &c.created)
			out = append(out, c)
			return err
		})
		return out, err
	}
	list, err := find(br.Title)
	if err != nil {
		return 0, err
	}
	for _, c := range list {
		if c.created == br.CreatedAt {
			return c.id, nil
		}
	}
	if len(list) > 0 {
		if len(list) > 1 {
			im.note("several roles here are called %q; the oldest one received the bundle's data", br.Title)
		}
		return list[0].id, nil
	}
	if m := numbered.FindStringSubmatch(br.Title); m != nil {
		if list, err = find(m[1]); err != nil {
			return 0, err
		}
		for _, c := range list {
			if c.created == br.CreatedAt {
				return c.id, nil
			}
		}
	}
	return 0, nil
}

func (im *importer) createRole(br bundle.Role) (int64, error) {
	res, err := im.tx.ExecContext(im.ctx, sqlInsertRole, br.Title, br.Team, br.Location, br.Status, br.CreatedAt, br.UpdatedAt)
	if err != nil {
		return 0, fmt.Errorf("storage: import role: %w", err)
	}
	id, _ := res.LastInsertId()
	im.rep.Created.Roles++
	rejected := RejectedStageName
	pos := 0
	for _, st := range br.Stages {
		if model.StageKind(st.Kind) == model.StageRejected {
			rejected = st.Name
			continue
		}
		pos++
		if _, err := im.tx.ExecContext(im.ctx, sqlInsertStage, id, st.Name, pos, model.StageActive); err != nil {
			return 0, fmt.Errorf("storage: import stage: %w", err)
		}
		im.rep.Created.Stages++
	}
	if _, err := im.tx.ExecContext(im.ctx, sqlInsertStage, id, rejected, pos+1, model.StageRejected); err != nil {
		return 0, fmt.Errorf("storage: import stage: %w", err)
	}
	im.rep.Created.Stages++
	return id, nil
}

func (im *importer) loadRole(id int64) (*importRole, error) {
	stages, err := roleStages(im.ctx, im.tx, id)
	if err != nil {
		return nil, err
	}
	role := &importRole{id: id, stages: map[string]model.Stage{}, rounds: map[string]int64{}, count: len(stages)}
	for _, st := range stages {
		role.stages[strings.ToLower(st.Name)] = st
		if st.Kind == model.StageRejected {
			role.rejected = st
		} else if role.firstID == 0 {
			role.firstID = st.ID
		}
	}
	err = each(im.ctx, im.tx, `SELECT id, name FROM interview_rounds WHERE role_id = ? ORDER BY position, id`, []any{id}, func(sc scanner) error {
		var rid int64
		var name string
		if err := sc.Scan(&rid, &name); err != nil {
			return err
		}
		if _, ok := role.rounds[strings.ToLower(name)]; !ok {
			role.rounds[strings.ToLower(name)] = rid
		}
		return nil
	})
	return role, err
}

// mergeStages appends the bundle's missing active stages before Rejected.
// The Rejected stage matches by kind, whatever it is called.
func (im *importer) mergeStages(role *importRole, br bundle.Role) error {
	for _, st := range br.Stages {
		key := strings.ToLower(st.Name)
		if model.StageKind(st.Kind) == model.StageRejected {
			if _, ok := role.stages[key]; !ok && role.rejected.ID != 0 {
				role.stages[key] = role.rejected
			}
		}
		if _, ok := role.stages[key]; ok {
			im.rep.Unchanged.Stages++
			continue
		}
		if role.count >= model.MaxStages {
			im.note("role %q: no room for stage %q (a pipeline holds at most %d stages); its candidates go to the first stage", br.Title, st.Name, model.MaxStages)
			continue
		}
		var pos int
		if err := im.tx.QueryRowContext(im.ctx, sqlNextStagePosition, role.id).Scan(&pos); err != nil {
			return err
		}
		res, err := im.tx.ExecContext(im.ctx, sqlInsertStage, role.id, st.Name, pos, model.StageActive)
		if err != nil {
			return fmt.Errorf("storage: import stage: %w", err)
		}
		sid, _ := res.LastInsertId()
		role.stages[key] = model.Stage{ID: sid, RoleID: role.id, Name: st.Name, Position: pos, Kind: model.StageActive}
		role.count++
		im.rep.Created.Stages++
		if _, err := im.tx.ExecContext(im.ctx, sqlTouchRole, im.now, role.id); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) mergeRounds(role *importRole, br bundle.Role) error {
	for _, rd := range br.Rounds {
		key := strings.ToLower(rd.Name)
		if _, ok := role.rounds[key]; ok {
			im.rep.Unchanged.Rounds++
			continue
		}
		rubricID := im.rubrics[rd.RubricRef]
		latest, err := latestVersion(im.ctx, im.tx, rubricID)
		if err != nil {
			return err
		}
		known := map[string]bool{}
		for _, c := range latest.Content.Competencies {
			known[c.ID] = true
		}
		comps := []string{}
		for _, c := range rd.Competencies {
			if known[c] {
				comps = append(comps, c)
			}
		}
		if len(comps) < len(rd.Competencies) {
			im.note("role %q, round %q: competencies this workspace's rubric %q lacks were left out of the plan", br.Title, rd.Name, latest.Content.Name)
			if len(comps) == 0 {
				comps = rd.Competencies // [] would mean "all": keep the bundle's choice instead
			}
		}
		compsJSON, _ := json.Marshal(comps)
		res, err := im.tx.ExecContext(im.ctx, `INSERT INTO interview_rounds (role_id, name, position, rubric_id, competencies, duration_min, created_at, updated_at)
			VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM interview_rounds WHERE role_id = ?), ?, ?, ?, ?, ?)`,
			role.id, rd.Name, role.id, rubricID, string(compsJSON), rd.DurationMin, im.now, im.now)
		if err != nil {
			return fmt.Errorf("storage: import round: %w", err)
		}
		id, _ := res.LastInsertId()
		role.rounds[key] = id
		im.rep.Created.Rounds++
		for _, name := range rd.Interviewers {
			pid, err := im.profile(name)
			if err != nil {
				return err
			}
			if _, err := im.tx.ExecContext(im.ctx, `INSERT OR IGNORE INTO round_interviewers (round_id, profile_id) VALUES (?, ?)`, id, pid); err != nil {
				return fmt.Errorf("storage: import interviewer: %w", err)
			}
		}
	}
	return nil
}

// ---- candidates

const sqlInsertImportedCandidate = `INSERT INTO candidates (name, email, phone, location, linkedin, github, portfolio,
	source, resume_text, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// findCandidate matches by email; failing that, a record where one side
// has no email matches by name and creation time (which an import keeps).
func (im *importer) findCandidate(bc bundle.Candidate) (int64, error) {
	var id int64
	err := sql.ErrNoRows
	if bc.Email != "" {
		err = im.tx.QueryRowContext(im.ctx, `SELECT id FROM candidates WHERE email = ?`, bc.Email).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = im.tx.QueryRowContext(im.ctx, `SELECT id FROM candidates WHERE name = ? COLLATE NOCASE AND created_at = ?
			AND (email = '' OR ? = '') ORDER BY id LIMIT 1`, bc.Name, bc.CreatedAt, bc.Email).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("storage: match candidate: %w", err)
	}
	return id, nil
}

func (im *importer) importCandidates() error {
	for _, bc := range im.b.Candidates {
		id, err := im.findCandidate(bc)
		if err != nil {
			return err
		}
		if id == 0 {
			res, err := im.tx.ExecContext(im.ctx, sqlInsertImportedCandidate, bc.Name, bc.Email, bc.Phone, bc.Location, bc.LinkedIn,
				bc.GitHub, bc.Portfolio, bc.Source, bc.ResumeText, bc.CreatedAt, bc.UpdatedAt, bc.ArchivedAt)
			if err != nil {
				return fmt.Errorf("storage: import candidate: %w", err)
			}
			id, _ = res.LastInsertId()
			if err := writeTags(im.ctx, im.tx, id, bc.Tags); err != nil {
				return err
			}
			im.rep.Created.Candidates++
		} else {
			im.rep.Unchanged.Candidates++
			if err := im.compareCandidate(id, bc); err != nil {
				return err
			}
		}
		im.cands[bc.Ref] = id
		for _, a := range bc.Applications {
			if err := im.importApplication(id, bc, a); err != nil {
				return err
			}
		}
		for _, f := range bc.Attachments {
			if err := im.importAttachment(id, bc, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// compareCandidate lists every field where the local record and the bundle
// differ. The local record is kept either way: which side is right is the
// user's call, and the message says which copy was edited last.
func (im *importer) compareCandidate(id int64, bc bundle.Candidate) error {
	cur, err := getCandidate(im.ctx, im.tx, id)
	if err != nil {
		return err
	}
	archived := func(at string) string {
		if at == "" {
			return "no"
		}
		return "yes"
	}
	label := bc.Label()
	for _, f := range []struct{ name, local, theirs string }{
		{"name", cur.Name, bc.Name}, {"email", cur.Email, bc.Email}, {"phone", cur.Phone, bc.Phone}, {"location", cur.Location, bc.Location},
		{"LinkedIn", cur.LinkedIn, bc.LinkedIn}, {"GitHub", cur.GitHub, bc.GitHub}, {"portfolio", cur.Portfolio, bc.Portfolio},
		{"source", cur.Source, bc.Source}, {"resume text", cur.ResumeText, bc.ResumeText},
		{"tags", strings.Join(cur.Tags, ", "), strings.Join(bc.Tags, ", ")},
		{"archived", archived(cur.ArchivedAt), archived(bc.ArchivedAt)},
	} {
		if f.local != f.theirs {
			im.conflict("candidate %s: %s differs (local %s, bundle %s); local kept%s", label, f.name, quote(f.local), quote(f.theirs), newer(cur.UpdatedAt, bc.UpdatedAt))
		}
	}
	return nil
}

func (im *importer) importApplication(candID int64, bc bundle.Candidate, a bundle.Application) error {
	role := im.roles[strings.ToLower(a.RoleTitle)]
	if role == nil {
		return fmt.Errorf("storage: import: role %q was not imported", a.RoleTitle)
	}
	var appID int64
	var stage, entered string
	err := im.tx.QueryRowContext(im.ctx, `SELECT a.id, s.name, a.entered_stage_at FROM applications a JOIN stages s ON s.id = a.stage_id
		WHERE a.candidate_id = ? AND a.role_id = ?`, candID, role.id).Scan(&appID, &stage, &entered)
	switch {
	case err == nil:
		im.rep.Unchanged.Applications++
		if !strings.EqualFold(stage, a.StageName) && a.EnteredStageAt > entered {
			im.conflict("application of %s to %q: stage differs (local %s, bundle %s); local kept although the bundle's move is newer",
				bc.Label(), a.RoleTitle, quote(stage), quote(a.StageName))
		}
	case errors.Is(err, sql.ErrNoRows):
		st, ok := role.stages[strings.ToLower(a.StageName)]
		if !ok {
			st, err = getStage(im.ctx, im.tx, role.firstID)
			if err != nil {
				return err
			}
		}
		reason := ""
		if st.Kind == model.StageRejected {
			reason = a.RejectionReason
		}
		res, err := im.tx.ExecContext(im.ctx, `INSERT INTO applications (candidate_id, role_id, stage_id, rejection_reason, created_at, entered_stage_at)
			VALUES (?, ?, ?, ?, ?, ?)`, candID, role.id, st.ID, reason, a.CreatedAt, a.EnteredStageAt)
		if err != nil {
			return fmt.Errorf("storage: import application: %w", err)
		}
		appID, _ = res.LastInsertId()
		if err := insertEvent(im.ctx, im.tx, appID, "", st.Name, "imported from a bundle", im.actor, im.now); err != nil {
			return err
		}
		im.rep.Created.Applications++
	default:
		return fmt.Errorf("storage: match application: %w", err)
	}
	im.apps[[2]int64{candID, role.id}] = appID
	return im.mergeAssignments(role, appID, bc, a)
}

func (im *importer) importAttachment(candID int64, bc bundle.Candidate, f bundle.Attachment) error {
	found := false
	err := each(im.ctx, im.tx, `SELECT data FROM attachments WHERE candidate_id = ? AND size = ?`, []any{candID, f.Size}, func(sc scanner) error {
		var data []byte
		if err := sc.Scan(&data); err != nil {
			return err
		}
		h := sha256.Sum256(data)
		found = found || hex.EncodeToString(h[:]) == f.SHA256
		return nil
	})
	if err != nil {
		return err
	}
	if found {
		im.rep.Unchanged.Attachments++
		return nil
	}
	data, err := im.b.Attachment(f.SHA256)
	if err != nil {
		return err
	}
	if _, err := im.tx.ExecContext(im.ctx, sqlInsertAttachment, candID, f.FileName, f.MimeType, len(data), data, f.Text, f.CreatedAt); err != nil {
		return fmt.Errorf("storage: import attachment %s of bundle %s: %w", f.SHA256, bc.Ref, err)
	}
	im.rep.Created.Attachments++
	return nil
}

// ---- scorecards

func (im *importer) importScorecards() error {
	for _, bs := range im.b.Scorecards {
		if im.skip[bs.UID] {
			continue
		}
		var id int64
		var status scoring.Status
		var sum string
		err := im.tx.QueryRowContext(im.ctx, `SELECT id, status, sha256 FROM scorecards WHERE uid = ?`, bs.UID).Scan(&id, &status, &sum)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := im.insertScorecard(bs); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("storage: match scorecard: %w", err)
		case status != scoring.Submitted:
			im.conflict("%s: this workspace holds it as an unsubmitted draft; local kept", bs.Label())
		case sum != bs.SHA256:
			im.conflict("%s: differs from the copy in this workspace; local kept", bs.Label())
		default:
			im.rep.Unchanged.Scorecards++
			if err := im.mergeRevisions(id, bs); err != nil {
				return err
			}
		}
	}
	return nil
}

func (im *importer) insertScorecard(bs bundle.Scorecard) error {
	candID := im.cands[bs.CandidateRef]
	role := im.roles[strings.ToLower(bs.RoleTitle)]
	if role == nil || candID == 0 {
		return fmt.Errorf("storage: import: scorecard %s refers to records that were not imported", bs.UID)
	}
	appID, roundID := im.apps[[2]int64{candID, role.id}], role.rounds[strings.ToLower(bs.RoundName)]
	if appID == 0 || roundID == 0 {
		return fmt.Errorf("storage: import: scorecard %s refers to records that were not imported", bs.UID)
	}
	authorID, err := im.profile(bs.AuthorName)
	if err != nil {
		return err
	}
	var otherUID string
	var otherStatus scoring.Status
	err = im.tx.QueryRowContext(im.ctx, `SELECT uid, status FROM scorecards WHERE application_id = ? AND round_id = ? AND author_id = ?`,
		appID, roundID, authorID).Scan(&otherUID, &otherStatus)
	switch {
	case err == nil && otherStatus == scoring.Draft:
		im.conflict("%s: %s has a draft for round %q here; local draft kept, the bundle's card was not imported", bs.Label(), bs.AuthorName, bs.RoundName)
		return nil
	case err == nil:
		im.conflict("%s: %s already submitted another scorecard (%s) for round %q here; local kept", bs.Label(), bs.AuthorName, otherUID, bs.RoundName)
		return nil
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("storage: match scorecard: %w", err)
	}
	var roundRubric int64
	if err := im.tx.QueryRowContext(im.ctx, `SELECT rubric_id FROM interview_rounds WHERE id = ?`, roundID).Scan(&roundRubric); err != nil {
		return err
	}
	refs := im.versions[bs.RubricSHA256]
	if len(refs) == 0 {
		return fmt.Errorf("storage: import: rubric version %s of scorecard %s was not imported", bs.RubricSHA256, bs.UID)
	}
	versionID := refs[0].id
	for _, r := range refs {
		if r.rubricID == roundRubric {
			versionID = r.id
			break
		}
	}
	answers, err := json.Marshal(nonNilAnswers(bs.Answers))
	if err != nil {
		return err
	}
	comps, _ := json.Marshal(nonNilStrings(bs.Competencies))
	res, err := im.tx.ExecContext(im.ctx, `INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id,
		competencies, status, answers, recommendation, notes, elapsed_ms, started_at, updated_at, submitted_at, sha256, seen_others)
		VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		bs.UID, appID, roundID, authorID, bs.AuthorName, versionID, string(comps), string(answers), bs.Recommendation, bs.Notes,
		bs.ElapsedMs, bs.StartedAt, bs.SubmittedAt, bs.SubmittedAt, bs.SHA256, bs.SeenOthers)
	if err != nil {
		return fmt.Errorf("storage: import scorecard: %w", err)
	}
	id, _ := res.LastInsertId()
	im.rep.Created.Scorecards++
	return im.mergeRevisions(id, bs)
}

// mergeRevisions appends the amendments the local card lacks. The bundle's
// chain was verified from the same original hash, so as long as the shared
// amendments are identical the appended ones continue a valid chain; the
// stored card is verified again at the end.
func (im *importer) mergeRevisions(id int64, bs bundle.Scorecard) error {
	var local []string
	err := each(im.ctx, im.tx, `SELECT sha256 FROM scorecard_revisions WHERE scorecard_id = ? ORDER BY revision`, []any{id}, func(sc scanner) error {
		var sum string
		err := sc.Scan(&sum)
		local = append(local, sum)
		return err
	})
	if err != nil {
		return err
	}
	added := false
	for i, r := range bs.Revisions {
		if i < len(local) {
			if local[i] != r.SHA256 {
				im.conflict("%s: amendment %d differs from the one in this workspace; local kept, later amendments from the bundle not imported", bs.Label(), r.Revision)
				return nil
			}
			im.rep.Unchanged.Revisions++
			continue
		}
		authorID, err := im.profile(r.AuthorName)
		if err != nil {
			return err
		}
		answers, err := json.Marshal(nonNilAnswers(r.Answers))
		if err != nil {
			return err
		}
		rev := scoring.Revision{Revision: r.Revision, Recommendation: r.Recommendation, Notes: r.Notes, Reason: r.Reason,
			AuthorID: authorID, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers}
		if err := insertRevision(im.ctx, im.tx, id, rev, string(answers)); err != nil {
			return fmt.Errorf("storage: import amendment: %w", err)
		}
		im.rep.Created.Revisions++
		added = true
	}
	if !added && len(local) > 0 {
		return nil
	}
	// Belt and braces: what is stored now must verify exactly as the bundle did.
	c, err := getScorecard(im.ctx, im.tx, id)
	if err != nil {
		return err
	}
	if err := scoring.Verify(c); err != nil {
		return fmt.Errorf("storage: imported scorecard %s does not verify after storing: %w", bs.UID, err)
	}
	return nil
}

func nonNilAnswers(a map[string]scoring.Answer) map[string]scoring.Answer {
	if a == nil {
		return map[string]scoring.Answer{}
	}
	return a
}

// quote shows a value in a conflict message, shortened.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return "'" + s + "'"
}

// newer tells, in a conflict message, when the bundle's copy is the more recent one.
func newer(local, theirs string) string {
	if theirs > local {
		return " although the bundle's copy is newer"
	}
	return ""
}
