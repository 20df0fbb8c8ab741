// Merging candidates: which local candidate a bundle candidate is, the
// fields that differ, and their applications and files; and the people this
// workspace erased or anonymised, whom a bundle never brings back.

package transfer

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/importer"
	"hirebench/app/model"
	"hirebench/storage"
)

func (m *merger) mergeCandidates() error {
	for _, bc := range m.b.Candidates {
		if out, err := m.leaveOut(bc); out || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		id, err := m.findCandidate(bc)
		if err != nil {
			return err
		}
		created := id == 0
		if created {
			id, err = m.tx.InsertCandidate(model.Candidate{CandidateInput: bc.CandidateInput, CreatedAt: bc.CreatedAt,
				UpdatedAt: bc.UpdatedAt, ArchivedAt: bc.ArchivedAt})
			if err != nil {
				return fmt.Errorf("transfer: import candidate %s of the bundle: %w", bc.Ref, err)
			}
			m.rep.Created.Candidates++
		} else {
			m.rep.Unchanged.Candidates++
			if err := m.compareCandidate(id, bc); err != nil {
				return err
			}
		}
		if err := m.adopt(storage.CandidateUIDs, id, bc.UIDs, created, "candidate "+bc.Label()); err != nil {
			return err
		}
		if err := m.keepHumanOnly(id, bc); err != nil {
			return err
		}
		m.cands[bc.Ref] = id
		for _, a := range bc.Applications {
			if err := m.mergeApplication(id, bc, a); err != nil {
				return err
			}
		}
		for _, f := range bc.Attachments {
			if err := m.mergeAttachment(id, bc, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// leaveOut says whether a bundle candidate is someone this workspace erased
// or anonymised; if so nothing of theirs is imported (the person, their
// applications, files and scorecards) and the report says why. Re-creating
// them would undo the erasure, and matching them to the anonymised record
// would say who it was. They are known by the uid the erasure audit names
// them by (erasures recorded before it named uids are not recognised: the
// bundle's copy comes back as a new candidate), or, for a bundle made after
// the anonymisation, by the anonymised record's new uid.
func (m *merger) leaveOut(bc bundle.Candidate) (bool, error) {
	action, at, err := m.tx.ErasedHere(bc.UIDs)
	if err != nil {
		return false, err
	}
	if action == "" {
		id, err := m.withUID(storage.CandidateUIDs, bc.UIDs)
		if err != nil || id == 0 {
			return false, err
		}
		if at, err = m.tx.AnonymisedAt(id); err != nil || at == "" {
			return false, err
		}
		m.rep.Unchanged.Candidates++
		if !anonymous(bc) {
			m.conflict("candidate %s: this workspace holds them anonymised since %s; nothing of the bundle's copy was imported", bc.Label(), day(at))
		}
	} else {
		did := "erased"
		if action == storage.ActionAnonymise {
			did = "anonymised"
		}
		m.conflict("candidate %s: not imported: this person was %s here on %s, and nothing of the bundle's copy (applications, files, scorecards) comes back; delete the bundle, or erase them where it was made",
			bc.Label(), did, day(at))
	}
	for _, sc := range m.b.Scorecards {
		if sc.CandidateRef == bc.Ref {
			m.skip[sc.UID] = true
		}
	}
	return true, nil
}

// keepHumanOnly switches AI off for a candidate the bundle's laptop keeps
// out of AI; a local switch is never turned back on by a bundle (the safer
// side: only a recruiter lifts it, here).
func (m *merger) keepHumanOnly(id int64, bc bundle.Candidate) error {
	if !bc.HumanOnly {
		return nil
	}
	on, err := m.tx.HumanOnly(id)
	if err != nil || on {
		return err
	}
	return m.tx.SetHumanOnly(id, true)
}

// anonymous says whether a bundle's candidate holds nothing that says who
// they are (an anonymised record exported as such).
func anonymous(bc bundle.Candidate) bool {
	in := bc.CandidateInput
	if !strings.HasPrefix(in.Name, storage.AnonymousName+" ") {
		return false
	}
	in.Name = ""
	for _, f := range in.TextFields() {
		if *f.Value != "" {
			return false
		}
	}
	return len(in.Tags) == 0 && len(bc.Attachments) == 0
}

// day is the date of a stored time (model.TimeLayout, UTC).
func day(at string) string {
	if t, err := time.Parse(model.TimeLayout, at); err == nil {
		return t.Format("2006-01-02")
	}
	return at
}

// findCandidate matches by uid, then by email; failing that, a record
// where one side has no email matches by name and creation time (which an
// import keeps). An anonymised record is never matched by email or name.
// 0 means none.
func (m *merger) findCandidate(bc bundle.Candidate) (int64, error) {
	if id, err := m.withUID(storage.CandidateUIDs, bc.UIDs); id != 0 || err != nil {
		return id, err
	}
	if bc.Email != "" {
		id, err := m.tx.CandidateWithEmail(bc.Email)
		if !errors.Is(err, model.ErrNotFound) {
			if err != nil {
				return 0, err
			}
			return m.unlessAnonymised(id)
		}
	}
	list, err := m.tx.CandidatesNamed(bc.Name, bc.CreatedAt)
	if err != nil {
		return 0, err
	}
	for _, c := range list {
		if c.Email == "" || bc.Email == "" {
			if id, err := m.unlessAnonymised(c.ID); id != 0 || err != nil {
				return id, err
			}
		}
	}
	return 0, nil
}

// unlessAnonymised is id, or 0 when that candidate was anonymised.
func (m *merger) unlessAnonymised(id int64) (int64, error) {
	at, err := m.tx.AnonymisedAt(id)
	if err != nil || at != "" {
		return 0, err
	}
	return id, nil
}

// compareCandidate lists every field where the local record and the bundle
// differ. The local record is kept either way: which side is right is the
// user's call, and the message says which copy was edited last.
func (m *merger) compareCandidate(id int64, bc bundle.Candidate) error {
	cur, err := m.tx.Candidate(id)
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
	theirs := bc.CandidateInput.TextFields()
	for i, f := range cur.CandidateInput.TextFields() {
		if *f.Value != *theirs[i].Value {
			m.conflict("candidate %s: %s differs (local %s, bundle %s); local kept%s", label, f.Label, quote(*f.Value), quote(*theirs[i].Value), newer(cur.UpdatedAt, bc.UpdatedAt))
		}
	}
	for _, f := range []struct{ name, local, theirs string }{
		{"tags", strings.Join(cur.Tags, ", "), strings.Join(bc.Tags, ", ")},
		{"archived", archived(cur.ArchivedAt), archived(bc.ArchivedAt)},
	} {
		if f.local != f.theirs {
			m.conflict("candidate %s: %s differs (local %s, bundle %s); local kept%s", label, f.name, quote(f.local), quote(f.theirs), newer(cur.UpdatedAt, bc.UpdatedAt))
		}
	}
	return nil
}

// mergeApplication adds a missing application, in the stage of that name
// (else the first), or compares the local one's stage.
func (m *merger) mergeApplication(candID int64, bc bundle.Candidate, a bundle.Application) error {
	role := m.roles[strings.ToLower(a.RoleTitle)]
	if role == nil {
		return fmt.Errorf("transfer: import: role %q was not imported", a.RoleTitle)
	}
	cur, err := m.tx.ApplicationOf(candID, role.id)
	var appID int64
	switch {
	case err == nil:
		appID = cur.ID
		m.rep.Unchanged.Applications++
		if !strings.EqualFold(cur.StageName, a.StageName) && a.EnteredStageAt > cur.EnteredStageAt {
			m.conflict("application of %s to %q: stage differs (local %s, bundle %s); local kept although the bundle's move is newer",
				bc.Label(), a.RoleTitle, quote(cur.StageName), quote(a.StageName))
		}
	case errors.Is(err, model.ErrNotFound):
		st, ok := role.stages[strings.ToLower(a.StageName)]
		if !ok {
			if st, err = m.tx.Stage(role.firstID); err != nil {
				return err
			}
		}
		reason := ""
		if st.Kind == model.StageRejected {
			// Never rejected without a reason, even from an older bundle.
			reason = cmp.Or(a.RejectionReason, importer.RejectionReason(st))
		}
		appID, err = m.tx.InsertApplication(model.Application{CandidateID: candID, RoleID: role.id, StageID: st.ID, StageName: st.Name,
			RejectionReason: reason, CreatedAt: a.CreatedAt, EnteredStageAt: a.EnteredStageAt}, "imported from a bundle", m.actor)
		if err != nil {
			return err
		}
		m.rep.Created.Applications++
	default:
		return err
	}
	m.apps[[2]int64{candID, role.id}] = appID
	return m.mergeAssignments(role, appID, bc, a)
}

// mergeAttachment adds a file the candidate does not hold (by its bytes).
func (m *merger) mergeAttachment(candID int64, bc bundle.Candidate, f bundle.Attachment) error {
	found, err := m.tx.HasAttachment(candID, f.Size, f.SHA256)
	if err != nil {
		return err
	}
	if found {
		m.rep.Unchanged.Attachments++
		return nil
	}
	data, err := m.b.Attachment(f.SHA256)
	if err != nil {
		return err
	}
	if err := m.tx.InsertAttachment(candID, f.FileName, f.MimeType, data, f.Text, f.CreatedAt); err != nil {
		return fmt.Errorf("transfer: import attachment %s of bundle %s: %w", f.SHA256, bc.Ref, err)
	}
	m.rep.Created.Attachments++
	return nil
}
