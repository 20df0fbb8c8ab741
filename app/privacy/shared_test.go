package privacy

import (
	"context"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
	"hirebench/storage/teamtest"
)

// On a shared workspace a recruiter's login exports and sets the retention
// policy but does not erase (the server would refuse it half-way): the
// window is told so; the owner's login erases.
func TestOnASharedWorkspaceOnlyTheOwnersLoginErases(t *testing.T) {
	ctx := context.Background()
	team := teamtest.New(t)
	owner := team.Owner
	rita := team.Login(t, storage.PersonInput{Name: "Rita Recruiter", Login: "rita", Recruiter: true})
	r, err := New(rita).RightsOf(ctx, scoring.Exporter{IsRecruiter: true})
	if err != nil || !r.Manage || r.Erase || r.EraseNote != model.RefusalSentence(storage.ErrOwnerErases) {
		t.Errorf("the recruiter's login: %+v, %v; want managing without erasing, and why", r, err)
	}
	if r, err := New(owner).RightsOf(ctx, scoring.Exporter{Owner: true}); err != nil || !r.Manage || !r.Erase {
		t.Errorf("the owner's login: %+v, %v; want everything", r, err)
	}
}
