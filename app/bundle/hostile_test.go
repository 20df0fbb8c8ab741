// Tests that Read refuses what it would otherwise change without a word:
// JSON bytes that are not UTF-8 (decoded as U+FFFD), and a manifest time
// that Write could not write back; and that a bundle of countless bad
// records is refused with the first problems listed and the rest counted.

package bundle_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"hirebench/app/bundle"
)

func TestReadRefusesBytesThatAreNotUTF8(t *testing.T) {
	b, files := sample(t)
	list := entries(t, write(t, b, files))
	for i, e := range list {
		if e.name == "candidates.json" {
			list[i].data = bytes.Replace(e.data, []byte("Ada Lovelace"), []byte("Ada Lovel\xe1ce"), 1)
		}
	}
	_, err := read(pack(t, list))
	wantRefused(t, err, "candidates.json", "not UTF-8")
}

func TestReadRefusesAManifestTimeItCannotWriteBack(t *testing.T) {
	b, files := sample(t)
	data := edit(t, write(t, b, files), "manifest.json", func(v any) { v.(map[string]any)["createdAt"] = "yesterday" })
	_, err := read(data)
	wantRefused(t, err, "manifest.json", `createdAt "yesterday" is not a date and time`)
}

// 50,000 candidates without dates: 100,000 problems (and the manifest's
// count), of which the refusal lists 20 and counts the rest, keeping no more
// messages than it lists.
func TestManyBadRecordsAreCountedNotKept(t *testing.T) {
	b, files := sample(t)
	list := entries(t, write(t, b, files))
	for i, e := range list {
		if e.name != "candidates.json" {
			continue
		}
		var cands []map[string]any
		if err := json.Unmarshal(e.data, &cands); err != nil {
			t.Fatal(err)
		}
		for i := len(cands); i < 50_000; i++ {
			cands = append(cands, map[string]any{"ref": fmt.Sprintf("bad-%d", i), "uids": []any{fmt.Sprintf("%032x", i)},
				"name": "P", "email": fmt.Sprintf("p%d@example.com", i)})
		}
		for _, c := range cands {
			delete(c, "createdAt")
			delete(c, "updatedAt")
		}
		list[i].data, _ = json.Marshal(cands)
	}
	_, err := read(pack(t, list))
	var refused *bundle.RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if len(refused.Problems) != 20 || refused.More != 100_000-20+1 {
		t.Errorf("the refusal keeps %d messages and counts %d more; want 20 and %d", len(refused.Problems), refused.More, 100_000-20+1)
	}
	if !strings.HasSuffix(err.Error(), "; and 99981 more problems") || !strings.Contains(err.Error(), `createdAt: "" is not a date and time`) {
		t.Errorf("err = %.300s…", err)
	}
}
