// The subject access export: everything held about one candidate, as a zip of
// one JSON file (every row of every table that holds something about them,
// every column) and their attachments as files.

package privacy

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"hirebench/app/filename"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// SubjectFormat names the JSON file's layout.
const SubjectFormat = "hirebench.subject/v1"

// Subject is everything held about one candidate, gathered from one
// consistent view and ready to be written.
type Subject struct {
	CandidateID int64
	// Records is how many rows it holds; Attachments how many files.
	Records, Attachments int

	at     string
	tables []storage.SubjectTable
}

// GatherSubject reads everything held about a candidate. Asked before
// anyone chooses where to save it: who may not, or an unknown candidate, is
// refused before a save dialog opens.
func (s *Service) GatherSubject(ctx context.Context, candidateID int64, who scoring.Exporter) (*Subject, error) {
	if err := May(who); err != nil {
		return nil, err
	}
	tables, err := s.store.SubjectData(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	sub := &Subject{CandidateID: candidateID, at: s.store.Now().UTC().Format(model.TimeLayout), tables: tables}
	for _, t := range tables {
		sub.Records += len(t.Rows)
		if t.Table == "attachments" {
			sub.Attachments = len(t.Rows)
		}
	}
	return sub, nil
}

// subjectReadme is the zip's first file.
const subjectReadme = `Everything hirebench holds about one candidate (a subject access export).

subject.json    every record, table by table, with every column as stored: the
                candidate, their applications and stage history, notes, resume
                screens, scorecards and their amendments (interviewers' notes
                included), tags and attachments' details.
attachments/    the attached files themselves, named as in subject.json.

Times are UTC (RFC 3339).
`

// WriteZip writes the export as a zip to w.
func (sub *Subject) WriteZip(w io.Writer) error {
	zw := zip.NewWriter(w)
	tables := map[string][]map[string]any{}
	withheld := map[string]string{}
	order := []string{}
	type file struct {
		name string
		data []byte
	}
	var files []file
	for _, t := range sub.tables {
		rows := make([]map[string]any, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = make(map[string]any, len(r))
			for col, v := range r {
				rows[i][col] = jsonValue(v)
				if b, ok := v.([]byte); ok {
					name := "attachments/" + fileNameOf(r, len(files)+1)
					files = append(files, file{name, b})
					rows[i][col] = map[string]string{"file": name}
				}
			}
		}
		tables[t.Table] = rows
		order = append(order, t.Table)
		if t.Withheld != "" {
			withheld[t.Table] = t.Withheld
		}
	}
	doc := struct {
		Format      string                      `json:"format"`
		ExportedAt  string                      `json:"exportedAt"`
		CandidateID int64                       `json:"candidateId"`
		TableOrder  []string                    `json:"tableOrder"`
		Tables      map[string][]map[string]any `json:"tables"`
		Withheld    map[string]string           `json:"withheld,omitempty"`
	}{SubjectFormat, sub.at, sub.CandidateID, order, tables, withheld}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	readme := subjectReadme
	for _, t := range order {
		if withheld[t] != "" {
			readme += "\nNot in this export: " + t + ": " + withheld[t] + ".\n"
		}
	}
	if err := addFile(zw, "README.txt", []byte(readme)); err != nil {
		return err
	}
	if err := addFile(zw, "subject.json", b); err != nil {
		return err
	}
	for _, f := range files {
		if err := addFile(zw, f.name, f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func addFile(zw *zip.Writer, name string, data []byte) error {
	f, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

// jsonValue shows text holding JSON (answers, marks) as JSON, not a string.
func jsonValue(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	t := strings.TrimSpace(s)
	if (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)) {
		return json.RawMessage(t)
	}
	return v
}

// fileNameOf names an attachment in the zip: its id and its own name without
// folders, made safe to unpack on every system (filename.Safe).
func fileNameOf(row map[string]any, n int) string {
	name, _ := row["file_name"].(string)
	name = filename.Safe(path.Base(strings.ReplaceAll(name, "\\", "/")), "file")
	id, ok := row["id"].(int64)
	if !ok {
		id = int64(n)
	}
	return fmt.Sprintf("%d-%s", id, name)
}
