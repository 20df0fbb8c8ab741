// Tests that a bundle survives a write and read round trip, and that Read refuses
// tampered scorecards, wrong formats, unsafe paths, broken content and oversized archives.

package bundle_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"reflect"
	"strings"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

const (
	t0 = "2026-03-02T10:00:00.000Z"
	t1 = "2026-03-02T11:00:00.000Z"
)

var resume = []byte("Ada Lovelace\nCut token spend by 40% with caching.\n")

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// The uids of the sample's records.
var (
	roleUID  = strings.Repeat("1", 32)
	roundUID = strings.Repeat("2", 32)
	adaUID   = strings.Repeat("3", 32)
	bound    = scoring.Binding{CandidateUID: adaUID, RoleUID: roleUID, RoundUID: roundUID}
)

// sample is a small valid bundle: one role with a round on the built-in
// rubric, Ada applied to it with her resume, and Sam's submitted card with
// one amendment, both bound to her, the role and the round.
func sample(t *testing.T) (*bundle.Bundle, map[string][]byte) {
	t.Helper()
	r := rubric.Builtin()
	content, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	comp := r.Competencies[0]
	answers := map[string]scoring.Answer{}
	for _, q := range comp.Questions {
		score := r.Scale.Min + 1
		answers[q.ID] = scoring.Answer{Score: &score, Notes: "solid <evidence> & more", ElapsedMs: 1200}
	}
	card := bundle.Scorecard{UID: strings.Repeat("ab", 16), CandidateRef: "candidate-1", CandidateEmail: "ada@example.com",
		CandidateName: "Ada Lovelace", RoleTitle: "AI Engineer", RoundName: "Deep dive", AuthorName: "Sam Okafor",
		RubricSHA256: sha(content), Competencies: []string{comp.ID}, Answers: answers, Recommendation: "yes",
		Notes: "Hire.", ElapsedMs: 3_600_000, StartedAt: t0, SubmittedAt: t1, HashVersion: scoring.HashV2, Binding: bound}
	card.SHA256 = scoring.Hash(card.Scoring())
	amended := map[string]scoring.Answer{}
	for k, a := range answers {
		s := *a.Score + 1
		a.Score = &s
		amended[k] = a
	}
	card.Revisions = []bundle.Revision{{Revision: 1, Answers: amended, Recommendation: "strong_yes", Reason: "Forgot the follow-up answer.",
		AuthorName: "Sam Okafor", CreatedAt: "2026-03-02T12:00:00.000Z", HashVersion: scoring.HashV2, Binding: bound}}
	sc := card.Scoring()
	card.Revisions[0].SHA256 = scoring.RevisionHash(sc, sc.Revisions[0], card.SHA256)

	b := &bundle.Bundle{
		Manifest: bundle.Manifest{CreatedAt: t1, AppVersion: "test", Scope: bundle.ScopeWorkspace},
		Roles: []bundle.Role{{Title: "AI Engineer", UIDs: []string{roleUID}, Team: "Platform", Status: "open", CreatedAt: t0, UpdatedAt: t0,
			Stages: []bundle.Stage{{Name: "Applied", Kind: "active"}, {Name: "Interview", Kind: "active"}, {Name: "Rejected", Kind: "rejected"}},
			Rounds: []bundle.Round{{Name: "Deep dive", UIDs: []string{roundUID}, RubricRef: "rubric-1", Competencies: []string{comp.ID}, DurationMin: 60,
				Interviewers: []string{"Sam Okafor"}}}}},
		Rubrics: []bundle.Rubric{{Ref: "rubric-1", Name: r.Name, Builtin: true,
			Versions: []bundle.RubricVersion{{Version: 1, SHA256: sha(content), CreatedAt: t0, Content: content}}}},
		Candidates: []bundle.Candidate{{Ref: "candidate-1", UIDs: []string{adaUID}, CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com",
			Phone: "+44 20 1234", Tags: []string{"llm"}}, CreatedAt: t0, UpdatedAt: t0,
			Applications: []bundle.Application{{RoleTitle: "AI Engineer", StageName: "Interview", CreatedAt: t0, EnteredStageAt: t0}},
			Attachments: []bundle.Attachment{{FileName: "ada.txt", MimeType: "text/plain; charset=utf-8", Size: int64(len(resume)),
				SHA256: sha(resume), Text: string(resume), CreatedAt: t0}}}},
		Scorecards: []bundle.Scorecard{card},
	}
	return b, map[string][]byte{sha(resume): resume}
}

func write(t *testing.T, b *bundle.Bundle, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	sum, err := bundle.Write(&buf, b, func(s string) ([]byte, error) {
		if d, ok := files[s]; ok {
			return d, nil
		}
		return nil, errors.New("no such file")
	})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if sum.Bytes != int64(buf.Len()) {
		t.Errorf("summary says %d bytes, wrote %d", sum.Bytes, buf.Len())
	}
	return buf.Bytes()
}

func read(data []byte) (*bundle.Bundle, error) {
	return bundle.Read(bytes.NewReader(data), int64(len(data)))
}

// wantRefused checks that err is a RefusedError mentioning every phrase.
func wantRefused(t *testing.T, err error, phrases ...string) {
	t.Helper()
	if !bundle.IsRefused(err) || !errors.Is(err, model.ErrConflict) {
		t.Fatalf("err = %v, want a refused bundle", err)
	}
	for _, p := range phrases {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

type entry struct {
	name string
	data []byte
}

func entries(t *testing.T, data []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{f.Name, b})
	}
	return out
}

func pack(t *testing.T, list []entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range list {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit rewrites one JSON entry of a bundle through a generic decode.
func edit(t *testing.T, data []byte, name string, fn func(v any)) []byte {
	t.Helper()
	list := entries(t, data)
	for i, e := range list {
		if e.name == name {
			var v any
			if err := json.Unmarshal(e.data, &v); err != nil {
				t.Fatal(err)
			}
			fn(v)
			list[i].data, _ = json.Marshal(v)
		}
	}
	return pack(t, list)
}

func TestRoundTrip(t *testing.T) {
	b, files := sample(t)
	data := write(t, b, files)
	got, err := read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if got.Manifest.Format != bundle.Format || got.Manifest.AppVersion != "test" || got.Manifest.Scope != bundle.ScopeWorkspace {
		t.Errorf("manifest = %+v", got.Manifest)
	}
	want := bundle.Counts{Roles: 1, Stages: 3, Rounds: 1, Rubrics: 1, RubricVersions: 1, Candidates: 1, Applications: 1,
		Attachments: 1, Scorecards: 1, Revisions: 1, Profiles: 1}
	if got.Manifest.Counts != want {
		t.Errorf("counts = %+v, want %+v", got.Manifest.Counts, want)
	}
	if !reflect.DeepEqual(got.Roles, b.Roles) || !reflect.DeepEqual(got.Candidates, b.Candidates) || !reflect.DeepEqual(got.Scorecards, b.Scorecards) {
		t.Errorf("content changed in the round trip:\n got %+v\nwant %+v", got.Scorecards, b.Scorecards)
	}
	if !bytes.Equal(got.Rubrics[0].Versions[0].Content, b.Rubrics[0].Versions[0].Content) {
		t.Error("rubric content is not byte-identical after the round trip (its sha256 would not match)")
	}
	if bad := got.VerifyScorecards(); len(bad) != 0 {
		t.Errorf("a genuine card fails verification: %+v", bad)
	}
	f, err := got.Attachment(sha(resume))
	if err != nil || !bytes.Equal(f, resume) {
		t.Errorf("attachment = %q, %v", f, err)
	}
	// Deterministic: the same content gives the same file.
	b2, files2 := sample(t)
	if again := write(t, b2, files2); !bytes.Equal(again, data) {
		t.Error("writing the same bundle twice gave different bytes")
	}
}

func TestTamperedScorecardIsNamed(t *testing.T) {
	b, files := sample(t)
	data := edit(t, write(t, b, files), bundle.ScorecardsFile, func(v any) {
		card := v.([]any)[0].(map[string]any)
		for _, a := range card["answers"].(map[string]any) {
			a.(map[string]any)["score"] = 4.0
			break
		}
	})
	got, err := read(data)
	if err != nil {
		t.Fatalf("a tampered card is a verification problem, not a format one: %v", err)
	}
	bad := got.VerifyScorecards()
	if len(bad) != 1 || bad[0].UID != b.Scorecards[0].UID {
		t.Fatalf("VerifyScorecards = %+v, want the one card", bad)
	}
	want := "scorecard " + b.Scorecards[0].UID + " by Sam Okafor for ada@example.com: content does not match its hash"
	if !strings.Contains(bad[0].Message, want) {
		t.Errorf("message %q, want it to contain %q", bad[0].Message, want)
	}

	// An edited amendment breaks the chain.
	data = edit(t, write(t, b, files), bundle.ScorecardsFile, func(v any) {
		rev := v.([]any)[0].(map[string]any)["revisions"].([]any)[0].(map[string]any)
		rev["recommendation"] = "no"
	})
	got, err = read(data)
	if err != nil {
		t.Fatal(err)
	}
	if bad := got.VerifyScorecards(); len(bad) != 1 || !strings.Contains(bad[0].Message, "amendment 1 does not match its hash") {
		t.Errorf("VerifyScorecards = %+v, want amendment 1 named", bad)
	}

	// A recomputed hash passes the checksum but not the rubric's scale.
	b3, files3 := sample(t)
	c := &b3.Scorecards[0]
	for k, a := range c.Answers {
		s := 99
		a.Score = &s
		c.Answers[k] = a
	}
	c.Revisions = nil
	c.SHA256 = scoring.Hash(c.Scoring())
	got, err = read(write(t, b3, files3))
	if err != nil {
		t.Fatal(err)
	}
	if bad := got.VerifyScorecards(); len(bad) != 1 || !strings.Contains(bad[0].Message, "outside the scale") {
		t.Errorf("VerifyScorecards = %+v, want the out-of-scale score named", bad)
	}
}

func TestFormatRefused(t *testing.T) {
	b, files := sample(t)
	good := write(t, b, files)
	setFormat := func(f string) []byte {
		return edit(t, good, bundle.ManifestFile, func(v any) { v.(map[string]any)["format"] = f })
	}
	_, err := read(setFormat("hirebench.bundle/v4"))
	wantRefused(t, err, `"hirebench.bundle/v4"`, "update hirebench")
	// Bundles written before v3 are still read.
	for _, f := range []string{bundle.FormatV1, bundle.FormatV2} {
		if _, err := read(setFormat(f)); err != nil {
			t.Errorf("a %s bundle is refused: %v", f, err)
		}
	}
	_, err = read(setFormat("acme.export/v1"))
	wantRefused(t, err, "not a hirebench bundle")
	_, err = read([]byte("PK but not really a zip"))
	wantRefused(t, err, "not a zip")
	_, err = read(pack(t, []entry{{"roles.json", []byte("[]")}}))
	wantRefused(t, err, "no manifest.json")
	_, err = read(edit(t, good, bundle.RolesFile, func(v any) {}) /* still valid */)
	if err != nil {
		t.Errorf("re-encoded JSON is refused: %v", err)
	}
	list := entries(t, good)
	list = append(list, entry{"notes.txt", []byte("hi")})
	_, err = read(pack(t, list))
	wantRefused(t, err, `unexpected entry "notes.txt"`)
	var missing []entry
	for _, e := range entries(t, good) {
		if e.name != bundle.CandidatesFile {
			missing = append(missing, e)
		}
	}
	_, err = read(pack(t, missing))
	wantRefused(t, err, "lacks candidates.json")
	_, err = read(edit(t, good, bundle.ManifestFile, func(v any) {
		v.(map[string]any)["counts"].(map[string]any)["scorecards"] = 7.0
	}))
	wantRefused(t, err, "the manifest counts")
}

func TestPathTraversalRefused(t *testing.T) {
	b, files := sample(t)
	good := entries(t, write(t, b, files))
	for _, name := range []string{"../evil.json", "/etc/passwd", "attachments/../../evil", `attachments\..\evil`, "C:/evil", "./manifest.json"} {
		list := append(append([]entry{}, good...), entry{name, []byte("x")})
		_, err := read(pack(t, list))
		wantRefused(t, err, "unsafe path")
	}
}

func TestBrokenContentRefused(t *testing.T) {
	b, files := sample(t)
	good := write(t, b, files)
	cases := []struct {
		name   string
		entry  string
		change func(v any)
		want   string
	}{
		{"unknown candidate", bundle.ScorecardsFile, func(v any) { v.([]any)[0].(map[string]any)["candidateRef"] = "candidate-9" },
			`refers to candidate "candidate-9"`},
		{"unknown round", bundle.ScorecardsFile, func(v any) { v.([]any)[0].(map[string]any)["roundName"] = "Lunch" },
			`refers to round "Lunch"`},
		{"rubric content edited", bundle.RubricsFile, func(v any) {
			v.([]any)[0].(map[string]any)["versions"].([]any)[0].(map[string]any)["content"].(map[string]any)["name"] = "Mine"
		}, "content does not match its sha256"},
		{"invalid email", bundle.CandidatesFile, func(v any) { v.([]any)[0].(map[string]any)["email"] = "not-an-email" },
			"not a valid email"},
		{"application to unknown role", bundle.CandidatesFile, func(v any) {
			v.([]any)[0].(map[string]any)["applications"].([]any)[0].(map[string]any)["roleTitle"] = "Chef"
		}, "no such role"},
		{"rubric named with combining marks alone", bundle.RubricsFile, func(v any) { v.([]any)[0].(map[string]any)["name"] = "\u0301\u0302" },
			"no visible characters"},
		{"bad uid", bundle.ScorecardsFile, func(v any) { v.([]any)[0].(map[string]any)["uid"] = "x" }, "32 lowercase hex"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(edit(t, good, tc.entry, tc.change))
			wantRefused(t, err, tc.want)
		})
	}
	// An attachment whose bytes do not match its name.
	list := entries(t, good)
	for i := range list {
		if strings.HasPrefix(list[i].name, bundle.AttachmentsDir) {
			list[i].data = []byte("something else entirely")
		}
	}
	_, err := read(pack(t, list))
	wantRefused(t, err, "does not match its SHA-256")
}

// raw writes an entry whose header declares size bytes without holding them.
func raw(t *testing.T, zw *zip.Writer, name string, size uint64) {
	t.Helper()
	if _, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, UncompressedSize64: size,
		CompressedSize64: 0, CRC32: crc32.ChecksumIEEE(nil)}); err != nil {
		t.Fatal(err)
	}
}

func TestLimitsRefused(t *testing.T) {
	b, files := sample(t)
	good := entries(t, write(t, b, files))
	build := func(extra func(zw *zip.Writer)) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, e := range good {
			w, _ := zw.Create(e.name)
			w.Write(e.data)
		}
		extra(zw)
		zw.Close()
		return buf.Bytes()
	}
	_, err := read(build(func(zw *zip.Writer) {
		for i := 0; i < bundle.MaxEntries; i++ {
			raw(t, zw, "attachments/"+sha([]byte{byte(i), byte(i >> 8)}), 0)
		}
	}))
	wantRefused(t, err, "entries; at most 10000")
	_, err = read(build(func(zw *zip.Writer) {
		for i := 0; i < 30; i++ {
			raw(t, zw, "attachments/"+sha([]byte{byte(i)}), 19<<20)
		}
	}))
	wantRefused(t, err, "the bundle's content is over the 500 MB limit for bundles")

	// A JSON entry over 100 MiB and an attachment over 20 MiB, by their headers.
	var list []entry
	for _, e := range good {
		if e.name != bundle.CandidatesFile {
			list = append(list, e)
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range list {
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	raw(t, zw, bundle.CandidatesFile, bundle.MaxJSONBytes+1)
	zw.Close()
	_, err = read(buf.Bytes())
	wantRefused(t, err, "candidates.json is 100.1 MB, over the 100 MB limit for bundle entries")
	_, err = read(build(func(zw *zip.Writer) { raw(t, zw, "attachments/"+sha([]byte("big")), bundle.MaxAttachmentBytes+1) }))
	wantRefused(t, err, "is 20.1 MB, over the 20 MB limit for attachments")

	// A header that understates its size is caught while reading.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	for _, e := range good {
		if e.name == bundle.RolesFile {
			hdr := &zip.FileHeader{Name: e.name, Method: zip.Store, UncompressedSize64: 10, CompressedSize64: uint64(len(e.data)),
				CRC32: crc32.ChecksumIEEE(e.data)}
			w, _ := zw.CreateRaw(hdr)
			w.Write(e.data)
			continue
		}
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	zw.Close()
	_, err = read(buf.Bytes())
	wantRefused(t, err, "roles.json")
}

func TestWriteRefusesWhatReadWould(t *testing.T) {
	b, files := sample(t)
	b.Scorecards[0].RoundName = "Nope"
	var buf bytes.Buffer
	if _, err := bundle.Write(&buf, b, func(s string) ([]byte, error) { return files[s], nil }); err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("Write of a broken bundle: %v", err)
	}
	b, _ = sample(t)
	if _, err := bundle.Write(&buf, b, func(s string) ([]byte, error) { return []byte("changed"), nil }); err == nil {
		t.Error("Write accepted attachment bytes that do not match their hash")
	}
}

func TestCountsString(t *testing.T) {
	if s := (bundle.Counts{Scorecards: 1, Roles: 2}).String(); s != "2 roles, 1 scorecard" {
		t.Errorf("String = %q", s)
	}
	if s := (bundle.Counts{}).String(); s != "nothing" {
		t.Errorf("String = %q", s)
	}
}
