// Merging roles: which local role a bundle role is, and the stages and
// rounds it lacks.

package transfer

import (
	"fmt"
	"regexp"
	"strings"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// localRole is a role of this workspace as the merge sees it.
type localRole struct {
	id       int64
	stages   map[string]model.Stage // lowercase name → stage
	rejected model.Stage
	firstID  int64            // the first active stage: where unknown stages land
	count    int              // stages the role has
	rounds   map[string]int64 // lowercase name → round id (the first of that name)
	roundIDs map[int64]bool   // every round of the role
}

func (m *merger) mergeRoles() error {
	for _, br := range m.b.Roles {
		id, err := m.matchRole(br)
		if err != nil {
			return err
		}
		created := id == 0
		if created {
			if id, err = m.createRole(br); err != nil {
				return err
			}
		} else {
			m.rep.Unchanged.Roles++
		}
		cur, err := m.tx.Role(id)
		if err != nil {
			return err
		}
		if !created {
			for _, f := range []struct{ name, local, theirs string }{
				{"team", cur.Team, br.Team}, {"location", cur.Location, br.Location}, {"status", string(cur.Status), br.Status},
			} {
				if f.local != f.theirs {
					m.conflict("role %q: %s differs (local %s, bundle %s); local kept%s", cur.Title, f.name, quote(f.local), quote(f.theirs), newer(cur.UpdatedAt, br.UpdatedAt))
				}
			}
		}
		if err := m.adopt(storage.RoleUIDs, id, br.UIDs, created, fmt.Sprintf("role %q", br.Title)); err != nil {
			return err
		}
		role, err := m.loadRole(cur)
		if err != nil {
			return err
		}
		if !created {
			if err := m.mergeStages(role, br); err != nil {
				return err
			}
		}
		if err := m.mergeRounds(role, br); err != nil {
			return err
		}
		if err := m.mergePlan(role, br); err != nil {
			return err
		}
		m.roles[strings.ToLower(br.Title)] = role
	}
	return nil
}

// numbered is a title an export made unique: "Backend engineer (2)".
var numbered = regexp.MustCompile(`^(.+) \(\d+\)$`)

// matchRole finds the local role a bundle role is: by uid, then by title
// (case-insensitive); among several with that title the one created at the
// same time (an import keeps creation times), else the oldest. An export
// numbers repeated titles ("Backend engineer (2)"); such a title that
// matches nothing here finds its role by the plain title and creation time.
// 0 means none.
func (m *merger) matchRole(br bundle.Role) (int64, error) {
	if id, err := m.withUID(storage.RoleUIDs, br.UIDs); id != 0 || err != nil {
		return id, err
	}
	list, err := m.tx.RolesTitled(br.Title)
	if err != nil {
		return 0, err
	}
	for _, r := range list {
		if r.CreatedAt == br.CreatedAt {
			return r.ID, nil
		}
	}
	if len(list) > 0 {
		if len(list) > 1 {
			m.note("several roles here are called %q; the oldest one received the bundle's data", br.Title)
		}
		return list[0].ID, nil
	}
	if match := numbered.FindStringSubmatch(br.Title); match != nil {
		if list, err = m.tx.RolesTitled(match[1]); err != nil {
			return 0, err
		}
		for _, r := range list {
			if r.CreatedAt == br.CreatedAt {
				return r.ID, nil
			}
		}
	}
	return 0, nil
}

// createRole adds a bundle role with its active stages in order and its
// Rejected stage last, whatever the bundle calls it.
func (m *merger) createRole(br bundle.Role) (int64, error) {
	id, err := m.tx.InsertRole(model.Role{Title: br.Title, Team: br.Team, Location: br.Location, Status: model.RoleStatus(br.Status),
		CreatedAt: br.CreatedAt, UpdatedAt: br.UpdatedAt})
	if err != nil {
		return 0, err
	}
	m.rep.Created.Roles++
	rejected := storage.RejectedStageName
	pos := 0
	for _, st := range br.Stages {
		if model.StageKind(st.Kind) == model.StageRejected {
			rejected = st.Name
			continue
		}
		pos++
		if err := m.tx.InsertStage(id, st.Name, pos, model.StageActive); err != nil {
			return 0, err
		}
		m.rep.Created.Stages++
	}
	if err := m.tx.InsertStage(id, rejected, pos+1, model.StageRejected); err != nil {
		return 0, err
	}
	m.rep.Created.Stages++
	return id, nil
}

func (m *merger) loadRole(r model.Role) (*localRole, error) {
	role := &localRole{id: r.ID, stages: map[string]model.Stage{}, rounds: map[string]int64{}, roundIDs: map[int64]bool{}, count: len(r.Stages)}
	for _, st := range r.Stages {
		role.stages[strings.ToLower(st.Name)] = st
		if st.Kind == model.StageRejected {
			role.rejected = st
		} else if role.firstID == 0 {
			role.firstID = st.ID
		}
	}
	rounds, err := m.tx.Rounds(r.ID)
	if err != nil {
		return nil, err
	}
	for _, rd := range rounds {
		role.roundIDs[rd.ID] = true
		if _, ok := role.rounds[strings.ToLower(rd.Name)]; !ok {
			role.rounds[strings.ToLower(rd.Name)] = rd.ID
		}
	}
	return role, nil
}

// mergeStages appends the bundle's missing active stages before Rejected.
// The Rejected stage matches by kind, whatever it is called.
func (m *merger) mergeStages(role *localRole, br bundle.Role) error {
	for _, st := range br.Stages {
		key := strings.ToLower(st.Name)
		if model.StageKind(st.Kind) == model.StageRejected {
			if _, ok := role.stages[key]; !ok && role.rejected.ID != 0 {
				role.stages[key] = role.rejected
			}
		}
		if _, ok := role.stages[key]; ok {
			m.rep.Unchanged.Stages++
			continue
		}
		if role.count >= model.MaxStages {
			m.note("role %q: no room for stage %q (a pipeline holds at most %d stages); its candidates go to the first stage", br.Title, st.Name, model.MaxStages)
			continue
		}
		added, err := m.tx.AppendStage(role.id, st.Name)
		if err != nil {
			return err
		}
		role.stages[key] = added
		role.count++
		m.rep.Created.Stages++
	}
	return nil
}

// mergeRounds adds the rounds a role lacks (matched by uid within the
// role, then by name), limited to the competencies this workspace's rubric has.
func (m *merger) mergeRounds(role *localRole, br bundle.Role) error {
	for _, rd := range br.Rounds {
		key := strings.ToLower(rd.Name)
		id, err := m.withUID(storage.RoundUIDs, rd.UIDs)
		if err != nil {
			return err
		}
		if !role.roundIDs[id] {
			id = role.rounds[key]
		}
		if id != 0 {
			role.rounds[key] = id
			m.rep.Unchanged.Rounds++
			if err := m.adopt(storage.RoundUIDs, id, rd.UIDs, false, fmt.Sprintf("role %q, round %q", br.Title, rd.Name)); err != nil {
				return err
			}
			continue
		}
		rubricID := m.rubrics[rd.RubricRef]
		latest, err := m.tx.LatestRubric(rubricID)
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
			m.note("role %q, round %q: competencies this workspace's rubric %q lacks were left out of the plan", br.Title, rd.Name, latest.Content.Name)
			if len(comps) == 0 {
				comps = rd.Competencies // [] would mean "all": keep the bundle's choice instead
			}
		}
		in := scoring.RoundInput{RoleID: role.id, Name: rd.Name, RubricID: rubricID, Competencies: comps, DurationMin: rd.DurationMin}
		for _, name := range rd.Interviewers {
			pid, err := m.profile(name)
			if err != nil {
				return err
			}
			in.InterviewerIDs = append(in.InterviewerIDs, pid)
		}
		if id, err = m.tx.InsertRound(in); err != nil {
			return fmt.Errorf("transfer: import round: %w", err)
		}
		role.rounds[key], role.roundIDs[id] = id, true
		m.rep.Created.Rounds++
		if err := m.adopt(storage.RoundUIDs, id, rd.UIDs, true, fmt.Sprintf("role %q, round %q", br.Title, rd.Name)); err != nil {
			return err
		}
	}
	return nil
}
