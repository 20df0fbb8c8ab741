package tracking_test

import (
	"testing"

	"hirebench/app/importer"
)

// An ATS row in a rejected stage arrives rejected with a reason, never
// none: the file names no reason from the list, so the reason says how it
// got there; rows in other stages carry no rejection reason.
func TestImportIntoRejectedRecordsAReason(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	csv := "Name,Email,Job,Current Stage\n" +
		"Joan Clarke,joan@example.com,Backend Engineer,Rejected\n" +
		"Ada Lovelace,ada@example.com,Backend Engineer,Interview\n"
	p := e.preview(t, csv, importer.Options{RoleID: backend.ID})
	if _, err := e.svc.CommitImport(e.ctx, p, backend.ID, false, e.actor); err != nil {
		t.Fatal(err)
	}
	joan := byEmail(t, e, "joan@example.com")
	if len(joan.Applications) != 1 || joan.Applications[0].StageName != "Rejected" || joan.Applications[0].RejectionReason != "imported as rejected" {
		t.Errorf("Joan: %+v, want rejected with the reason \"imported as rejected\"", joan.Applications)
	}
	ada := byEmail(t, e, "ada@example.com")
	if len(ada.Applications) != 1 || ada.Applications[0].RejectionReason != "" {
		t.Errorf("Ada: %+v, want no rejection reason", ada.Applications)
	}
}
