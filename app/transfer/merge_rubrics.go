// Merging rubrics: which local rubric a bundle rubric is, and which
// version stays current when both sides have edited it.

package transfer

import (
	"errors"
	"fmt"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/storage"
)

// versionRef is a local rubric version a scorecard can point at.
type versionRef struct{ id, rubricID int64 }

func (m *merger) mergeRubrics() error {
	for _, rb := range m.b.Rubrics {
		id, err := m.matchRubric(rb)
		if err != nil {
			return fmt.Errorf("transfer: match rubric: %w", err)
		}
		if id == 0 {
			if id, err = m.createRubric(rb); err != nil {
				return err
			}
		} else {
			m.rep.Unchanged.Rubrics++
			if err := m.mergeVersions(id, rb); err != nil {
				return err
			}
		}
		m.rubrics[rb.Ref] = id
		local, err := m.tx.RubricVersions(id)
		if err != nil {
			return err
		}
		for _, v := range local {
			m.versions[v.SHA256] = append(m.versions[v.SHA256], versionRef{id: v.ID, rubricID: id})
		}
	}
	return nil
}

// matchRubric finds the local rubric a bundle rubric is: the built-in one;
// else the oldest one holding any of its versions, newest version first;
// else the oldest of the same name (case-insensitive), unarchived first.
// 0 means none.
func (m *merger) matchRubric(rb bundle.Rubric) (int64, error) {
	if rb.Builtin {
		id, err := m.tx.BuiltinRubricID()
		if errors.Is(err, model.ErrNotFound) {
			return 0, nil
		}
		return id, err
	}
	for i := len(rb.Versions) - 1; i >= 0; i-- {
		list, err := m.tx.RubricsWithVersion(rb.Versions[i].SHA256)
		if err != nil {
			return 0, err
		}
		for _, r := range list {
			if !r.Builtin {
				return r.ID, nil
			}
		}
	}
	list, err := m.tx.RubricsNamed(rb.Name)
	if err != nil {
		return 0, err
	}
	var archived int64
	for _, r := range list {
		switch {
		case r.Builtin:
		case r.ArchivedAt == "":
			return r.ID, nil
		case archived == 0:
			archived = r.ID
		}
	}
	return archived, nil
}

func (m *merger) createRubric(rb bundle.Rubric) (int64, error) {
	first, last := rb.Versions[0], rb.Versions[len(rb.Versions)-1]
	archived := ""
	if rb.Archived {
		archived = m.tx.Now()
	}
	id, err := m.tx.InsertRubric(storage.StoredRubric{Name: rb.Name, Builtin: rb.Builtin, ArchivedAt: archived,
		CreatedAt: first.CreatedAt, UpdatedAt: last.CreatedAt})
	if err != nil {
		return 0, err
	}
	m.rep.Created.Rubrics++
	for _, v := range rb.Versions {
		if err := m.insertVersion(id, v.Version, v); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (m *merger) insertVersion(rubricID int64, version int, v bundle.RubricVersion) error {
	err := m.tx.InsertVersion(storage.StoredVersion{RubricID: rubricID, Version: version, SHA256: v.SHA256,
		CreatedAt: v.CreatedAt, Content: string(v.Content)})
	if err != nil {
		return err
	}
	m.rep.Created.RubricVersions++
	return nil
}

// mergeVersions adds the bundle's versions a local rubric lacks, never
// changing existing ones. Which version is latest (what new scorecards
// use) follows the newer side: the bundle's latest if it continues from
// this workspace's latest, else this workspace's latest, which is then
// appended again after the imported ones. The built-in rubric always keeps
// the one this app ships.
func (m *merger) mergeVersions(id int64, rb bundle.Rubric) error {
	local, err := m.tx.RubricVersions(id)
	if err != nil {
		return err
	}
	if len(local) == 0 {
		return fmt.Errorf("transfer: rubric %d has no versions", id)
	}
	have := map[string]bool{}
	for _, v := range local {
		have[v.SHA256] = true
	}
	inBundle := map[string]bool{}
	for _, v := range rb.Versions {
		inBundle[v.SHA256] = true
	}
	localLatest, bundleLatest := local[len(local)-1], rb.Versions[len(rb.Versions)-1]
	desired := localLatest.SHA256
	if !rb.Builtin && inBundle[localLatest.SHA256] && bundleLatest.SHA256 != localLatest.SHA256 {
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
	m.rep.Unchanged.RubricVersions += len(rb.Versions) - len(missing)
	if len(missing) == 0 {
		return nil
	}
	next := localLatest.Version + 1
	for _, v := range missing {
		if err := m.insertVersion(id, next, v); err != nil {
			return err
		}
		next++
	}
	if desired == localLatest.SHA256 {
		// Keep this workspace's latest version current.
		if err := m.tx.CopyVersion(localLatest.ID, next); err != nil {
			return err
		}
		if !rb.Builtin {
			m.note("rubric %q: %d version(s) from the bundle were added as earlier versions; this workspace's latest version stays current", rb.Name, len(missing))
		}
		return nil
	}
	content, err := bundleLatest.Rubric()
	if err != nil {
		return err
	}
	return m.tx.RenameRubric(id, content.Name)
}
