// The repro through the commands: back up, erase someone, restore
// the backup; the restore says it erases them again, does, and the audit
// log survives.

package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/privacy"
)

func TestRestoringAnOlderBackupErasesAgainAndKeepsTheAudit(t *testing.T) {
	dir := withQuorra(t)
	file := filepath.Join(t.TempDir(), "monday.db")
	mustRun(t, dir, "backup", "--out", file)
	mustRun(t, dir, "candidates", "erase", "--email", qEmail, "--yes")
	var audit []privacy.AuditEntry
	if err := json.Unmarshal([]byte(mustRun(t, dir, "privacy", "audit", "--json")), &audit); err != nil || len(audit) != 1 {
		t.Fatalf("audit before restoring: %+v, %v", audit, err)
	}

	sentence := "1 person erased since this backup was made will be erased again"
	wantFailure(t, run(t, dir, "restore", file), cli.ExitUsage, sentence, "--yes")
	out := mustRun(t, dir, "restore", file, "--yes")
	if !strings.Contains(out, "1 person erased since this backup was made was erased again") || !strings.Contains(out, "1 candidate,") {
		t.Errorf("restore says:\n%s", out)
	}
	if got := names(listJSON(t, dir, "--archived")); got != "Ada Lovelace" {
		t.Errorf("after restoring: %s", got)
	}
	var after []privacy.AuditEntry
	if err := json.Unmarshal([]byte(mustRun(t, dir, "privacy", "audit", "--json")), &after); err != nil || len(after) != 1 ||
		after[0].At != audit[0].At || after[0].CandidateID != audit[0].CandidateID || after[0].Action != privacy.Erase {
		t.Errorf("audit after restoring: %+v, %v; want %+v", after, err, audit)
	}
}
