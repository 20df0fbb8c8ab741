// Tests that Read refuses what it would otherwise change without a word:
// JSON bytes that are not UTF-8 (decoded as U+FFFD), and a manifest time
// that Write could not write back.

package bundle_test

import (
	"bytes"
	"testing"
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
