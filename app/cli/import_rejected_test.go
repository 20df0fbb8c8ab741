package cli_test

import (
	"context"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// `import candidates` of an ATS row in a rejected stage: the preview says
// the rows arrive with the reason "imported as rejected", and they do.
func TestImportCandidatesIntoRejectedGivesAReason(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer")
	file := writeCandidateFile(t, "ats.csv", "Name,Email,Job,Current Stage\nJoan Clarke,joan@example.com,Backend Engineer,Rejected\n")
	r := runCandidateImport(t, dir, file, "--dry-run")
	want := `stage "Rejected" of role "Backend Engineer" (1 row) → "Rejected" with the rejection reason "imported as rejected"`
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, want) {
		t.Fatalf("dry run: exit %d, stdout:\n%s\nwant %q", r.code, r.stdout, want)
	}
	if r = runCandidateImport(t, dir, file); r.code != cli.ExitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := tracking.New(s)
	c, err := svc.FindByEmail(context.Background(), "joan@example.com")
	if err != nil {
		t.Fatal(err)
	}
	d, err := svc.Detail(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Applications) != 1 || d.Applications[0].StageName != "Rejected" || d.Applications[0].RejectionReason != "imported as rejected" {
		t.Errorf("applications %+v", d.Applications)
	}
}
