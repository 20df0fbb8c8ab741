// Export: what a bundle carries, collected inside one read transaction.

package transfer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/bundle"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// exporter collects one bundle: the whole workspace, or (mine) one
// person's submitted scorecards and only what they refer to.
type exporter struct {
	tx      *storage.Tx
	opts    bundle.ExportOptions
	mine    bool
	b       *bundle.Bundle
	skipped []string         // cards left out: they no longer match their hash
	files   map[string]int64 // attachment SHA-256 → local id, for bundle.Write

	cards      []scoring.Scorecard
	roleIDs    []int64          // in bundle order
	candIDs    []int64          // in bundle order
	rounds     map[int64]bool   // mine: the rounds the cards were scored in
	apps       map[int64]bool   // mine: the applications they belong to
	titles     map[int64]string // role id → its (unique) title in the bundle
	rubrics    map[int64]*exportRubric
	roundRefs  []roundRubric
	candidates map[int64]bundle.Candidate // id → ref and email, for the cards
	uids       [3]map[int64][]string      // candidate, role, round id → uids, own first
}

type exportRubric struct {
	ref      string
	versions map[int64]bool // version ids to include; nil means all
}

// roundRubric remembers which rubric a bundle round uses until its ref is known.
type roundRubric struct {
	role, round int
	rubric      int64
}

func newExporter(tx *storage.Tx, opts bundle.ExportOptions) *exporter {
	b := &bundle.Bundle{Manifest: bundle.Manifest{CreatedAt: tx.Now(), AppVersion: opts.AppVersion, Scope: bundle.ScopeWorkspace}}
	return &exporter{tx: tx, opts: opts, mine: opts.AuthorID != 0, b: b, skipped: []string{}, files: map[string]int64{},
		rounds: map[int64]bool{}, apps: map[int64]bool{}, titles: map[int64]string{}, rubrics: map[int64]*exportRubric{},
		candidates: map[int64]bundle.Candidate{}}
}

func (ex *exporter) collect() error {
	for i, k := range []storage.UIDKind{storage.CandidateUIDs, storage.RoleUIDs, storage.RoundUIDs} {
		var err error
		if ex.uids[i], err = ex.tx.UIDs(k); err != nil {
			return err
		}
	}
	// Scorecards first: in the scorecards scope they decide everything else.
	steps := []func() error{ex.collectCards, ex.collectRoles, ex.collectRubrics, ex.collectCandidates}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for _, c := range ex.cards {
		if !c.Binding.Complete() {
			// Submitted before bindings and never bound: where it is filed here.
			c.Binding = scoring.Binding{CandidateUID: own(ex.uids[0][c.CandidateID]), RoleUID: own(ex.uids[1][c.RoleID]),
				RoundUID: own(ex.uids[2][c.RoundID])}
		}
		bc := ex.candidates[c.CandidateID]
		bs := bundle.FromScoring(c, bc.Ref, bc.Email)
		bs.RoleTitle = ex.titles[c.RoleID]
		ex.b.Scorecards = append(ex.b.Scorecards, bs)
	}
	return nil
}

// collectCards reads the submitted cards to carry, and which roles and
// candidates the bundle holds: all of them, or (mine) those the cards
// refer to, with the rounds, applications and rubric versions they used.
func (ex *exporter) collectCards() error {
	if ex.mine {
		author, err := ex.tx.Profile(ex.opts.AuthorID)
		if err != nil {
			return err
		}
		ex.b.Manifest.Scope, ex.b.Manifest.Author = bundle.ScopeScorecards, author.Name
	}
	if ex.mine || !ex.opts.NoScorecards {
		cards, err := ex.tx.SubmittedScorecards(ex.opts.AuthorID)
		if err != nil {
			return err
		}
		for _, c := range cards {
			if err := scoring.Verify(c); err != nil {
				ex.skipped = append(ex.skipped, err.Error())
				continue
			}
			ex.cards = append(ex.cards, c)
		}
	}
	if !ex.mine {
		var err error
		if ex.roleIDs, err = ex.tx.RoleIDs(); err != nil {
			return err
		}
		ex.candIDs, err = ex.tx.CandidateIDs()
		return err
	}
	// What the cards refer to, in the order they come.
	for _, c := range ex.cards {
		if !slices.Contains(ex.roleIDs, c.RoleID) {
			ex.roleIDs = append(ex.roleIDs, c.RoleID)
		}
		if !slices.Contains(ex.candIDs, c.CandidateID) {
			ex.candIDs = append(ex.candIDs, c.CandidateID)
		}
		ex.rounds[c.RoundID], ex.apps[c.ApplicationID] = true, true
		ex.useRubric(c.RubricID).versions[c.RubricVersionID] = true
	}
	return nil
}

// useRubric puts a rubric in the bundle: with all its versions, or in the
// scorecards scope with those marked (plus the latest).
func (ex *exporter) useRubric(id int64) *exportRubric {
	if ex.rubrics[id] == nil {
		ex.rubrics[id] = &exportRubric{versions: map[int64]bool{}}
		if !ex.mine {
			ex.rubrics[id].versions = nil
		}
	}
	return ex.rubrics[id]
}

// collectRoles adds the roles, with titles made unique: the title is how
// roles match on the other laptop.
func (ex *exporter) collectRoles() error {
	taken := map[string]bool{}
	for _, id := range ex.roleIDs {
		r, err := ex.tx.Role(id)
		if err != nil {
			return err
		}
		title := r.Title
		for n := 2; taken[strings.ToLower(title)]; n++ {
			title = fmt.Sprintf("%s (%d)", r.Title, n)
		}
		taken[strings.ToLower(title)] = true
		ex.titles[id] = title
		br := bundle.Role{Title: title, UIDs: ex.uids[1][id], Team: r.Team, Location: r.Location, Status: string(r.Status), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
		for _, st := range r.Stages {
			br.Stages = append(br.Stages, bundle.Stage{Name: st.Name, Kind: string(st.Kind)})
		}
		plan, err := ex.tx.Rounds(id)
		if err != nil {
			return err
		}
		for _, rd := range plan {
			if ex.mine && !ex.rounds[rd.ID] {
				continue
			}
			ex.useRubric(rd.RubricID)
			names := []string{}
			for _, p := range rd.Interviewers {
				names = append(names, p.Name)
			}
			ex.roundRefs = append(ex.roundRefs, roundRubric{len(ex.b.Roles), len(br.Rounds), rd.RubricID})
			comps := rd.Competencies
			if comps == nil {
				comps = []string{}
			}
			br.Rounds = append(br.Rounds, bundle.Round{Name: rd.Name, UIDs: ex.uids[2][rd.ID], Competencies: comps, DurationMin: rd.DurationMin, Interviewers: names})
		}
		if !ex.mine {
			if err := exportPlan(ex.tx, id, &br); err != nil {
				return err
			}
		}
		ex.b.Roles = append(ex.b.Roles, br)
	}
	return nil
}

// collectRubrics adds every rubric, or those the rounds and cards use,
// numbered in the order they were made.
func (ex *exporter) collectRubrics() error {
	if !ex.mine {
		ids, err := ex.tx.RubricIDs()
		if err != nil {
			return err
		}
		for _, id := range ids {
			ex.useRubric(id)
		}
	}
	order := make([]int64, 0, len(ex.rubrics))
	for id := range ex.rubrics {
		order = append(order, id)
	}
	slices.Sort(order)
	for i, id := range order {
		er := ex.rubrics[id]
		er.ref = fmt.Sprintf("rubric-%d", i+1)
		r, err := ex.tx.Rubric(id)
		if err != nil {
			return err
		}
		rb := bundle.Rubric{Ref: er.ref, Name: r.Name, Builtin: r.Builtin, Archived: r.ArchivedAt != ""}
		all, err := ex.tx.RubricVersions(id)
		if err != nil {
			return err
		}
		for j, v := range all {
			// The scorecards scope carries the versions the cards used plus the latest.
			if er.versions == nil || er.versions[v.ID] || j == len(all)-1 {
				rb.Versions = append(rb.Versions, bundle.RubricVersion{Version: v.Version, SHA256: v.SHA256, CreatedAt: v.CreatedAt,
					Content: json.RawMessage(v.Content)})
			}
		}
		ex.b.Rubrics = append(ex.b.Rubrics, rb)
	}
	for _, rr := range ex.roundRefs {
		ex.b.Roles[rr.role].Rounds[rr.round].RubricRef = ex.rubrics[rr.rubric].ref
	}
	return nil
}

// collectCandidates adds the candidates with their applications and, in a
// workspace bundle, their files and reassigned rounds.
func (ex *exporter) collectCandidates() error {
	for i, id := range ex.candIDs {
		c, err := ex.tx.Candidate(id)
		if err != nil {
			return err
		}
		bc := bundle.Candidate{Ref: fmt.Sprintf("candidate-%d", i+1), UIDs: ex.uids[0][id], CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
			ArchivedAt: c.ArchivedAt, CandidateInput: c.CandidateInput}
		if bc.HumanOnly, err = ex.tx.HumanOnly(id); err != nil {
			return err
		}
		list, err := ex.tx.CandidateApplications(id)
		if err != nil {
			return err
		}
		for _, a := range list {
			if ex.mine && !ex.apps[a.ID] {
				continue
			}
			ba := bundle.Application{RoleTitle: ex.titles[a.RoleID], StageName: a.StageName,
				RejectionReason: a.RejectionReason, CreatedAt: a.CreatedAt, EnteredStageAt: a.EnteredStageAt}
			if !ex.mine {
				if ba.Assignments, err = exportAssignments(ex.tx, a.ID); err != nil {
					return err
				}
			}
			bc.Applications = append(bc.Applications, ba)
		}
		if !ex.mine && !ex.opts.NoAttachments {
			files, err := ex.tx.AttachmentFiles(id)
			if err != nil {
				return err
			}
			for _, f := range files {
				ex.files[f.SHA256] = f.ID
				bc.Attachments = append(bc.Attachments, bundle.Attachment{FileName: f.FileName, MimeType: f.MimeType,
					Size: f.Size, SHA256: f.SHA256, Text: f.Text, CreatedAt: f.CreatedAt})
			}
		}
		ex.candidates[id] = bc
		ex.b.Candidates = append(ex.b.Candidates, bc)
	}
	return nil
}

// own is a record's own uid: the first.
func own(uids []string) string {
	if len(uids) == 0 {
		return ""
	}
	return uids[0]
}
