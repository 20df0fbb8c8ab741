// Fuzz test for reading a bundle (a zip of JSON and attachments): no archive
// panics, hangs or unpacks without limit, a refusal is a plain list of
// problems, and a bundle that is read writes out again and reads back alike.

package bundle_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"hirebench/app/bundle"
)

func FuzzRead(f *testing.F) {
	// A full bundle is in testdata/fuzz/FuzzRead; these are small archives
	// that stop at each early check.
	zipOf := func(files ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i+1 < len(files); i += 2 {
			w, _ := zw.Create(files[i])
			w.Write([]byte(files[i+1]))
		}
		zw.Close()
		return buf.Bytes()
	}
	f.Add(zipOf())
	f.Add(zipOf("manifest.json", `{"format":"hirebench.bundle/v2","scope":"workspace"}`))
	f.Add(zipOf("manifest.json", `{"format":"hirebench.bundle/v2","scope":"scorecards","counts":{}}`,
		"roles.json", "[]", "rubrics.json", "[]", "candidates.json", "[]", "scorecards.json", "[]"))
	f.Add(zipOf("../manifest.json", "{}", "attachments/", ""))
	f.Fuzz(checkRead)
}

// FuzzReadParts fuzzes the JSON inside a well-formed archive, which byte
// changes to a compressed zip seldom reach: every record check is explored.
func FuzzReadParts(f *testing.F) {
	names := []string{bundle.ManifestFile, bundle.RolesFile, bundle.RubricsFile, bundle.CandidatesFile, bundle.ScorecardsFile}
	if raw, err := os.ReadFile("testdata/fuzz/FuzzRead/sample-bundle"); err == nil {
		_, quoted, _ := strings.Cut(strings.TrimSpace(string(raw)), "\n")
		if s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(quoted, "[]byte("), ")")); err == nil {
			parts := map[string][]byte{}
			var attachment []byte
			if zr, err := zip.NewReader(strings.NewReader(s), int64(len(s))); err == nil {
				for _, zf := range zr.File {
					rc, _ := zf.Open()
					b, _ := io.ReadAll(rc)
					rc.Close()
					parts[zf.Name] = b
					if strings.HasPrefix(zf.Name, bundle.AttachmentsDir) && len(b) > 0 {
						attachment = b
					}
				}
			}
			f.Add(parts[names[0]], parts[names[1]], parts[names[2]], parts[names[3]], parts[names[4]], attachment)
		}
	}
	f.Fuzz(func(t *testing.T, manifest, roles, rubrics, candidates, scorecards, attachment []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, part := range [][]byte{manifest, roles, rubrics, candidates, scorecards} {
			w, _ := zw.Create(names[i])
			w.Write(part)
		}
		if len(attachment) > 0 {
			sum := sha256.Sum256(attachment)
			w, _ := zw.Create(bundle.AttachmentsDir + hex.EncodeToString(sum[:]))
			w.Write(attachment)
		}
		zw.Close()
		checkRead(t, buf.Bytes())
	})
}

// checkRead holds the properties every archive must have.
func checkRead(t *testing.T, data []byte) {
	b, err := bundle.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if !bundle.IsRefused(err) || err.Error() == "" || !utf8.ValidString(err.Error()) {
			t.Fatalf("error %q (%T) is not a plain refusal", err, err)
		}
		return
	}
	b.VerifyScorecards()
	var out bytes.Buffer
	if _, err := bundle.Write(&out, b, b.Attachment); err != nil {
		t.Fatalf("a bundle that was read does not write: %v", err)
	}
	again, err := bundle.Read(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatalf("a bundle written from one that was read is refused: %v", err)
	}
	if again.Count() != b.Count() {
		t.Fatalf("counts changed: %v, then %v", b.Count(), again.Count())
	}
}
