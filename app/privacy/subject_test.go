package privacy

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestTheSubjectExportHoldsEverythingWithTheFiles(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	sub, err := d.svc.GatherSubject(ctx, d.quorra, recruiter)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sub.WriteZip(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		r, _ := f.Open()
		files[f.Name], _ = io.ReadAll(r)
		names = append(names, f.Name)
	}
	var doc struct {
		Format      string                                  `json:"format"`
		CandidateID int64                                   `json:"candidateId"`
		Tables      map[string][]map[string]json.RawMessage `json:"tables"`
	}
	if err := json.Unmarshal(files["subject.json"], &doc); err != nil {
		t.Fatal(err)
	}
	att := doc.Tables["attachments"]
	if len(att) != 1 {
		t.Fatalf("attachments: %v", doc.Tables["attachments"])
	}
	var id int64
	json.Unmarshal(att[0]["id"], &id)
	file := fmt.Sprintf("attachments/%d-vantablack-cv.txt", id)
	if strings.Join(names, " ") != "README.txt subject.json "+file {
		t.Errorf("zip holds %v", names)
	}
	if got := string(files[file]); got != "Curriculum vitae: "+qName+"\n"+qEmail+"\n"+qResume {
		t.Errorf("the attached file as exported: %q", got)
	}
	var data map[string]string
	if json.Unmarshal(att[0]["data"], &data); data["file"] != file || len(data) != 1 {
		t.Errorf("the attachment's data points at %s", att[0]["data"])
	}
	// Every kind of record is there; JSON columns are JSON, not strings.
	card := doc.Tables["scorecards"][0]
	if card["notes"] == nil || !strings.Contains(string(card["notes"]), "Xylophantic") || !strings.HasPrefix(string(card["answers"]), "{") {
		t.Errorf("the scorecard: notes %s, answers %s", card["notes"], card["answers"])
	}
	for table, n := range map[string]int{"candidates": 1, "notes": 1, "applications": 1, "stage_events": 1, "candidate_tags": 1, "scorecards": 1} {
		if len(doc.Tables[table]) != n {
			t.Errorf("%s: %d rows, want %d", table, len(doc.Tables[table]), n)
		}
	}
	if doc.Format != SubjectFormat || doc.CandidateID != d.quorra || sub.Attachments != 1 {
		t.Errorf("format %q, candidate %d, attachments %d", doc.Format, doc.CandidateID, sub.Attachments)
	}
	if _, err := d.svc.GatherSubject(ctx, 999999, recruiter); err == nil || !strings.Contains(err.Error(), "candidate 999999") {
		t.Errorf("an unknown candidate: %v", err)
	}
}
