// Merging scorecards: a card is matched by uid and only ever added, never
// changed; amendments are appended where the local chain lacks them. A card
// or amendment goes only where its binding names (the uids the bundle's
// records brought, adopted by the records they matched).

package transfer

import (
	"errors"
	"fmt"
	"strings"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

func (m *merger) mergeScorecards() error {
	for _, bs := range m.b.Scorecards {
		if m.skip[bs.UID] {
			continue
		}
		cur, err := m.tx.ScorecardByUID(bs.UID)
		switch {
		case errors.Is(err, model.ErrNotFound):
			if err := m.insertScorecard(bs); err != nil {
				return err
			}
		case err != nil:
			return err
		case cur.Status != scoring.Submitted:
			m.conflict("%s: this workspace holds it as an unsubmitted draft; local kept", bs.Label())
		case cur.SHA256 != bs.SHA256:
			m.conflict("%s: differs from the copy in this workspace; local kept", bs.Label())
		default:
			m.rep.Unchanged.Scorecards++
			if err := m.mergeRevisions(cur, bs); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertScorecard adds a card whose uid this workspace has not seen,
// unless its author already has a card for that round here.
func (m *merger) insertScorecard(bs bundle.Scorecard) error {
	candID := m.cands[bs.CandidateRef]
	role := m.roles[strings.ToLower(bs.RoleTitle)]
	if role == nil || candID == 0 {
		return fmt.Errorf("transfer: import: scorecard %s refers to records that were not imported", bs.UID)
	}
	appID, roundID := m.apps[[2]int64{candID, role.id}], role.rounds[strings.ToLower(bs.RoundName)]
	if appID == 0 || roundID == 0 {
		return fmt.Errorf("transfer: import: scorecard %s refers to records that were not imported", bs.UID)
	}
	here := scoring.Scorecard{CandidateID: candID, RoleID: role.id, RoundID: roundID}
	if ok, err := m.bindsTo(bs.Binding, here); err != nil || !ok {
		if err == nil {
			m.conflict("%s: it is bound to a candidate, role or round that is another record here; not imported", bs.Label())
		}
		return err
	}
	authorID, err := m.profile(bs.AuthorName)
	if err != nil {
		return err
	}
	other, err := m.tx.ScorecardOf(appID, roundID, authorID)
	switch {
	case err == nil && other.Status == scoring.Draft:
		m.conflict("%s: %s has a draft for round %q here; local draft kept, the bundle's card was not imported", bs.Label(), bs.AuthorName, bs.RoundName)
		return nil
	case err == nil:
		m.conflict("%s: %s already submitted another scorecard (%s) for round %q here; local kept", bs.Label(), bs.AuthorName, other.UID, bs.RoundName)
		return nil
	case !errors.Is(err, model.ErrNotFound):
		return err
	}
	round, err := m.tx.Round(roundID)
	if err != nil {
		return err
	}
	// The version with the card's content, preferably of the round's rubric.
	refs := m.versions[bs.RubricSHA256]
	if len(refs) == 0 {
		return fmt.Errorf("transfer: import: rubric version %s of scorecard %s was not imported", bs.RubricSHA256, bs.UID)
	}
	versionID := refs[0].id
	for _, r := range refs {
		if r.rubricID == round.RubricID {
			versionID = r.id
			break
		}
	}
	id, err := m.tx.InsertScorecard(scoring.Scorecard{UID: bs.UID, ApplicationID: appID, RoundID: roundID, AuthorID: authorID,
		AuthorName: bs.AuthorName, RubricVersionID: versionID, Competencies: bs.Competencies, Status: scoring.Submitted,
		Answers: bs.Answers, Recommendation: bs.Recommendation, Notes: bs.Notes, ElapsedMs: bs.ElapsedMs, StartedAt: bs.StartedAt,
		UpdatedAt: bs.SubmittedAt, SubmittedAt: bs.SubmittedAt, SHA256: bs.SHA256, SeenOthers: bs.SeenOthers,
		HashVersion: bs.HashVersion, Binding: bs.Binding})
	if err != nil {
		return fmt.Errorf("transfer: import scorecard %s: %w", bs.UID, err)
	}
	m.rep.Created.Scorecards++
	here.ID = id
	return m.mergeRevisions(here, bs)
}

// bindsTo says whether a binding names the card's local candidate, role
// and round (by any uid each holds here).
func (m *merger) bindsTo(b scoring.Binding, c scoring.Scorecard) (bool, error) {
	for _, x := range []struct {
		k   storage.UIDKind
		uid string
		id  int64
	}{{storage.CandidateUIDs, b.CandidateUID, c.CandidateID}, {storage.RoleUIDs, b.RoleUID, c.RoleID}, {storage.RoundUIDs, b.RoundUID, c.RoundID}} {
		owner, err := m.tx.WithUID(x.k, x.uid)
		if errors.Is(err, model.ErrNotFound) {
			return false, nil
		}
		if err != nil || owner != x.id {
			return false, err
		}
	}
	return true, nil
}

// mergeRevisions appends the amendments the local card lacks (local holds
// its id, candidate, role and round). The bundle's chain was verified from
// the same original hash, so as long as the shared amendments are identical
// the appended ones continue a valid chain; the stored card is verified
// again at the end.
func (m *merger) mergeRevisions(local scoring.Scorecard, bs bundle.Scorecard) error {
	added := false
	for i, r := range bs.Revisions {
		if i < len(local.Revisions) {
			if local.Revisions[i].SHA256 != r.SHA256 {
				m.conflict("%s: amendment %d differs from the one in this workspace; local kept, later amendments from the bundle not imported", bs.Label(), r.Revision)
				return nil
			}
			m.rep.Unchanged.Revisions++
			continue
		}
		if r.Binding.Complete() {
			ok, err := m.bindsTo(r.Binding, local)
			if err != nil {
				return err
			}
			if !ok {
				m.conflict("%s: amendment %d is bound to a candidate, role or round that is another record here; it and later amendments not imported", bs.Label(), r.Revision)
				break
			}
		}
		authorID, err := m.profile(r.AuthorName)
		if err != nil {
			return err
		}
		rev := scoring.Revision{Revision: r.Revision, Answers: r.Answers, Recommendation: r.Recommendation, Notes: r.Notes,
			Reason: r.Reason, AuthorID: authorID, AuthorName: r.AuthorName, CreatedAt: r.CreatedAt, SHA256: r.SHA256, SeenOthers: r.SeenOthers,
			HashVersion: r.HashVersion, Binding: r.Binding}
		if err := m.tx.InsertRevision(local.ID, rev); err != nil {
			return fmt.Errorf("transfer: import amendment %d of scorecard %s: %w", r.Revision, bs.UID, err)
		}
		m.rep.Created.Revisions++
		added = true
	}
	if !added && len(local.Revisions) > 0 {
		return nil
	}
	// Belt and braces: what is stored now must verify exactly as the bundle did.
	c, err := m.tx.Scorecard(local.ID)
	if err != nil {
		return err
	}
	if err := scoring.Verify(c); err != nil {
		return fmt.Errorf("transfer: imported scorecard %s does not verify after storing: %w", bs.UID, err)
	}
	return nil
}
