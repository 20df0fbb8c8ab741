// Writes and reads the bundle zip archive, enforcing entry limits, safe paths and
// attachment hashes; Write refuses any bundle that Read would refuse.

package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hirebench/app/files"
	"hirebench/app/model"
)

type zipFile struct {
	f    *zip.File
	size int64
}

// countingWriter counts what reaches the underlying writer.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// fill replaces nil lists by empty ones, so the JSON says [] rather than null.
func (b *Bundle) fill() {
	if b.Roles == nil {
		b.Roles = []Role{}
	}
	if b.Rubrics == nil {
		b.Rubrics = []Rubric{}
	}
	if b.Candidates == nil {
		b.Candidates = []Candidate{}
	}
	if b.Scorecards == nil {
		b.Scorecards = []Scorecard{}
	}
	for i := range b.Roles {
		r := &b.Roles[i]
		if r.Stages == nil {
			r.Stages = []Stage{}
		}
		if r.Rounds == nil {
			r.Rounds = []Round{}
		}
		for j := range r.Rounds {
			r.Rounds[j].Competencies = nonNil(r.Rounds[j].Competencies)
			r.Rounds[j].Interviewers = nonNil(r.Rounds[j].Interviewers)
		}
	}
	for i := range b.Rubrics {
		if b.Rubrics[i].Versions == nil {
			b.Rubrics[i].Versions = []RubricVersion{}
		}
	}
	for i := range b.Candidates {
		c := &b.Candidates[i]
		c.Tags = nonNil(c.Tags)
		if c.Applications == nil {
			c.Applications = []Application{}
		}
		if c.Attachments == nil {
			c.Attachments = []Attachment{}
		}
	}
	for i := range b.Scorecards {
		s := &b.Scorecards[i]
		s.Competencies = nonNil(s.Competencies)
		if s.Revisions == nil {
			s.Revisions = []Revision{}
		}
	}
}

// Write writes b as a bundle archive. The manifest's CreatedAt, AppVersion,
// Scope and Author are taken from b.Manifest; Format and Counts are set
// here. open returns an attachment's bytes by SHA-256; it is called once per
// distinct file. A bundle that Read would refuse (broken links, over a
// limit) is not written: the error lists why.
func Write(w io.Writer, b *Bundle, open func(sha256 string) ([]byte, error)) (Summary, error) {
	b.fill()
	if b.Manifest.CreatedAt == "" {
		b.Manifest.CreatedAt = time.Now().UTC().Format(model.TimeLayout)
	}
	if b.Manifest.Scope == "" {
		b.Manifest.Scope = ScopeWorkspace
	}
	created, err := time.Parse(time.RFC3339Nano, b.Manifest.CreatedAt)
	if err != nil {
		return Summary{}, fmt.Errorf("bundle: createdAt %q is not a time", b.Manifest.CreatedAt)
	}
	sizes := map[string]int64{}
	var shas []string
	for _, c := range b.Candidates {
		for _, a := range c.Attachments {
			if _, ok := sizes[a.SHA256]; !ok {
				sizes[a.SHA256] = a.Size
				shas = append(shas, a.SHA256)
			}
		}
	}
	slices.Sort(shas)
	problems, more := b.check(func(sha string) (int64, bool) { n, ok := sizes[sha]; return n, ok })
	if len(problems) > 0 {
		return Summary{}, fmt.Errorf("bundle: cannot write: %s", joinProblems(problems, more))
	}
	b.Manifest.Format = Format
	b.Manifest.Counts = b.Count()

	parts := []struct {
		name string
		v    any
	}{{ManifestFile, b.Manifest}, {RolesFile, b.Roles}, {RubricsFile, b.Rubrics}, {CandidatesFile, b.Candidates}, {ScorecardsFile, b.Scorecards}}
	encoded := make([][]byte, len(parts))
	var total int64
	for i, p := range parts {
		data, err := json.MarshalIndent(p.v, "", "  ")
		if err != nil {
			return Summary{}, fmt.Errorf("bundle: encode %s: %w", p.name, err)
		}
		if len(data) > MaxJSONBytes {
			return Summary{}, fmt.Errorf("bundle: cannot write: %s", files.TooBig(p.name, int64(len(data)), MaxJSONBytes, "bundle entries"))
		}
		encoded[i] = append(data, '\n')
		total += int64(len(encoded[i]))
	}
	for _, sha := range shas {
		total += sizes[sha]
	}
	if total > MaxTotalBytes {
		return Summary{}, fmt.Errorf("bundle: cannot write: %s (leave out attachments or export one interviewer's scorecards)", files.TooBig("the bundle's content", total, MaxTotalBytes, "bundles"))
	}
	if n := len(parts) + len(shas); n > MaxEntries {
		return Summary{}, fmt.Errorf("bundle: the bundle would have %d entries; the limit is %d", n, MaxEntries)
	}

	cw := &countingWriter{w: w}
	zw := zip.NewWriter(cw)
	add := func(name string, method uint16, data []byte) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: created})
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	for i, p := range parts {
		if err := add(p.name, zip.Deflate, encoded[i]); err != nil {
			return Summary{}, fmt.Errorf("bundle: write %s: %w", p.name, err)
		}
	}
	for _, sha := range shas {
		data, err := open(sha)
		if err != nil {
			return Summary{}, fmt.Errorf("bundle: read attachment %s: %w", sha, err)
		}
		if got := sum(data); got != sha || int64(len(data)) != sizes[sha] {
			return Summary{}, fmt.Errorf("bundle: attachment %s changed while it was being exported", sha)
		}
		if err := add(AttachmentsDir+sha, zip.Deflate, data); err != nil {
			return Summary{}, fmt.Errorf("bundle: write attachment: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return Summary{}, fmt.Errorf("bundle: write: %w", err)
	}
	m := b.Manifest
	return Summary{Format: m.Format, CreatedAt: m.CreatedAt, Scope: m.Scope, Author: m.Author, Counts: m.Counts, Bytes: cw.n, Skipped: []string{}}, nil
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// unsafePath reports names that could point outside the bundle if someone
// unpacked it: absolute, parent-relative, backslashes, drive letters.
// Nothing is ever unpacked to disk, but such a file is not one we wrote.
func unsafePath(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00:") || strings.HasPrefix(name, "/") {
		return true
	}
	for _, part := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if part == "" || part == "." || part == ".." {
			return true
		}
	}
	return false
}

// Read opens a bundle and checks all of it before anything may be imported:
// the format, the limits (entries, sizes), that no entry has an unsafe path,
// that every attachment matches its SHA-256, that every link resolves and
// every record is well formed. Any problem refuses the bundle with a
// *RefusedError naming it. Scorecard hashes are checked by VerifyScorecards.
// r must stay readable while the bundle's attachments are used.
func Read(r io.ReaderAt, size int64) (*Bundle, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, refused("this file is not a hirebench bundle (not a zip archive)")
	}
	if len(zr.File) > MaxEntries {
		return nil, refused("the bundle has %d entries; at most %d are allowed", len(zr.File), MaxEntries)
	}
	entries := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		if unsafePath(f.Name) {
			return nil, refused("unsafe path %q in the bundle (it points outside the bundle)", clip(f.Name))
		}
		if entries[f.Name] != nil {
			return nil, refused("entry %q appears twice in the bundle", clip(f.Name))
		}
		entries[f.Name] = f
		total += f.UncompressedSize64
		if total > MaxTotalBytes {
			return nil, refused("%s", files.TooBig("the bundle's content", -1, MaxTotalBytes, "bundles")) // its whole size is not summed
		}
	}
	mf := entries[ManifestFile]
	if mf == nil {
		return nil, refused("this file is not a hirebench bundle (it has no %s)", ManifestFile)
	}
	b := &Bundle{files: map[string]*zipFile{}}
	if err := readJSON(mf, maxManifestBytes, &b.Manifest); err != nil {
		return nil, refused("%s: %v", ManifestFile, err)
	}
	switch f := b.Manifest.Format; {
	case f == Format || f == FormatV1 || f == FormatV2:
	case strings.HasPrefix(f, formatFamily):
		return nil, refused("this bundle has format %q, which this version of hirebench cannot read (it reads %q); update hirebench to import it", clip(f), Format)
	default:
		return nil, refused("this file is not a hirebench bundle (format %q, expected %q)", clip(f), Format)
	}
	switch b.Manifest.Scope {
	case ScopeWorkspace, ScopeScorecards:
	default:
		return nil, refused("%s: unknown scope %q", ManifestFile, clip(b.Manifest.Scope))
	}
	if _, err := time.Parse(time.RFC3339Nano, b.Manifest.CreatedAt); err != nil { // Write needs it: a bundle read can be written again
		return nil, refused("%s: createdAt %q is not a date and time", ManifestFile, clip(b.Manifest.CreatedAt))
	}
	jsonParts := map[string]any{RolesFile: &b.Roles, RubricsFile: &b.Rubrics, CandidatesFile: &b.Candidates, ScorecardsFile: &b.Scorecards}
	for name, f := range entries {
		switch {
		case name == ManifestFile || name == AttachmentsDir:
		case jsonParts[name] != nil:
			if f.UncompressedSize64 > MaxJSONBytes {
				return nil, refused("%s", files.TooBig(name, int64(f.UncompressedSize64), MaxJSONBytes, "bundle entries"))
			}
		case strings.HasPrefix(name, AttachmentsDir) && sha256Hex.MatchString(strings.TrimPrefix(name, AttachmentsDir)):
			if f.UncompressedSize64 > MaxAttachmentBytes {
				return nil, refused("%s", files.TooBig(name, int64(f.UncompressedSize64), MaxAttachmentBytes, "attachments"))
			}
			b.files[strings.TrimPrefix(name, AttachmentsDir)] = &zipFile{f: f, size: int64(f.UncompressedSize64)}
		default:
			return nil, refused("unexpected entry %q in the bundle", clip(name))
		}
	}
	for _, name := range []string{RolesFile, RubricsFile, CandidatesFile, ScorecardsFile} {
		f := entries[name]
		if f == nil {
			return nil, refused("the bundle lacks %s", name)
		}
		if err := readJSON(f, MaxJSONBytes, jsonParts[name]); err != nil {
			return nil, refused("%s: %v", name, err)
		}
	}
	for sha, zf := range b.files {
		got, n, err := hashEntry(zf.f)
		if err != nil {
			return nil, refused("%s%s: %v", AttachmentsDir, sha, err)
		}
		if got != sha || n != zf.size {
			return nil, refused("%s%s does not match its SHA-256 (damaged or changed)", AttachmentsDir, sha)
		}
	}
	b.fill()
	problems, more := b.check(func(sha string) (int64, bool) {
		zf := b.files[sha]
		if zf == nil {
			return 0, false
		}
		return zf.size, true
	})
	if got := b.Count(); got != b.Manifest.Counts {
		problems = append(problems, fmt.Sprintf("the manifest counts %s but the bundle holds %s", b.Manifest.Counts, got))
	}
	if len(problems) > 0 {
		return nil, refusedList(problems, more)
	}
	return b, nil
}

// readJSON decodes one entry, refusing anything over limit and trailing data.
func readJSON(f *zip.File, limit int64, v any) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	if int64(len(data)) > limit {
		return fmt.Errorf("is larger than %d MiB", limit>>20)
	}
	if !utf8.Valid(data) { // the JSON decoder would turn such bytes into U+FFFD without a word
		return errors.New("is not UTF-8 text (damaged or changed)")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("is not valid: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("has data after its JSON value")
	}
	return nil
}

func hashEntry(f *zip.File) (string, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, MaxAttachmentBytes+1))
	if err != nil {
		return "", n, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// Attachment returns the bytes of attachments/<sha256> from a bundle that
// Read opened, checking them again against their hash.
func (b *Bundle) Attachment(sha string) ([]byte, error) {
	zf := b.files[sha]
	if zf == nil {
		return nil, fmt.Errorf("bundle: no attachment %s", sha)
	}
	rc, err := zf.f.Open()
	if err != nil {
		return nil, fmt.Errorf("bundle: attachment %s: %w", sha, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxAttachmentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("bundle: attachment %s: %w", sha, err)
	}
	if sum(data) != sha {
		return nil, refused("%s%s does not match its SHA-256 (damaged or changed)", AttachmentsDir, sha)
	}
	return data, nil
}
