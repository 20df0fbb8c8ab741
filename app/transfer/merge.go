// The merge of a checked bundle into the workspace, inside one write
// transaction: the order of the steps, people, and how a conflict or a
// note is worded. Each kind of record has its own file (merge_*.go).

package transfer

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/storage"
)

// merger adds what a bundle has and the workspace lacks, and reports it.
type merger struct {
	tx    *storage.Tx
	b     *bundle.Bundle
	rep   *bundle.ImportReport
	actor model.Profile
	skip  map[string]bool // uids of cards left out: tampered (SkipTampered), or of someone erased here (leaveOut)

	profiles map[string]int64        // lowercase name → profile id
	rubrics  map[string]int64        // bundle ref → rubric id
	versions map[string][]versionRef // sha256 → local versions with that content
	roles    map[string]*localRole   // lowercase bundle title → role
	cands    map[string]int64        // bundle ref → candidate id
	apps     map[[2]int64]int64      // candidate, role → application id
}

func newMerger(tx *storage.Tx, b *bundle.Bundle, rep *bundle.ImportReport, actor model.Profile, skip map[string]bool) *merger {
	return &merger{tx: tx, b: b, rep: rep, actor: actor, skip: skip,
		profiles: map[string]int64{}, rubrics: map[string]int64{}, versions: map[string][]versionRef{},
		roles: map[string]*localRole{}, cands: map[string]int64{}, apps: map[[2]int64]int64{}}
}

// run merges in dependency order: what a record refers to is here before it.
func (m *merger) run() error {
	steps := []func() error{m.mergeRubrics, m.mergeRoles, m.mergeCandidates, m.mergeScorecards, m.fixScoredPlans}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// fixScoredPlans fixes the plan of every role that has submitted cards but
// no fixed plan, as a local first submission would: scorecards that arrive
// in a bundle start scoring too.
func (m *merger) fixScoredPlans() error { return m.tx.FixScoredPlans() }

func (m *merger) conflict(format string, args ...any) {
	m.rep.Conflicts = append(m.rep.Conflicts, fmt.Sprintf(format, args...))
}

func (m *merger) note(format string, args ...any) {
	m.rep.Notes = append(m.rep.Notes, fmt.Sprintf(format, args...))
}

// profile finds a person by name (case-insensitive), creating the profile
// when missing: scorecard authors and interviewers travel by name.
func (m *merger) profile(name string) (int64, error) {
	key := strings.ToLower(name)
	if id, ok := m.profiles[key]; ok {
		return id, nil
	}
	id, err := m.tx.ProfileNamed(name)
	switch {
	case errors.Is(err, model.ErrNotFound):
		if id, err = m.tx.InsertProfile(name); err != nil {
			return 0, err
		}
		m.rep.Created.Profiles++
	case err != nil:
		return 0, err
	default:
		m.rep.Unchanged.Profiles++
	}
	m.profiles[key] = id
	return id, nil
}

// adopt gives a local record the uids the bundle knows it by, so cards
// bound to them on the other laptop verify here: a record this import just
// created takes them in place of the uid it was given, a matched one adds
// them to its own. A uid this workspace gives another record is left out
// (the two stay apart) and said.
func (m *merger) adopt(k storage.UIDKind, id int64, uids []string, created bool, what string) error {
	var fresh []string
	for _, u := range uids {
		owner, err := m.tx.WithUID(k, u)
		switch {
		case errors.Is(err, model.ErrNotFound):
			fresh = append(fresh, u)
		case err != nil:
			return err
		case owner != id:
			m.conflict("%s: the bundle also knows it by an identity that is another record here; kept apart, and its scorecards bound to that identity are not imported", what)
		}
	}
	if created && len(fresh) > 0 {
		return m.tx.ReplaceUIDs(k, id, fresh)
	}
	for _, u := range fresh {
		if err := m.tx.AdoptUID(k, id, u); err != nil {
			return err
		}
	}
	return nil
}

// withUID finds the local record known by any of the bundle record's uids; 0 means none.
func (m *merger) withUID(k storage.UIDKind, uids []string) (int64, error) {
	for _, u := range uids {
		id, err := m.tx.WithUID(k, u)
		if !errors.Is(err, model.ErrNotFound) {
			return id, err
		}
	}
	return 0, nil
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
