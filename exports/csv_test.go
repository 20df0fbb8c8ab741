package exports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func summaryCSV(t *testing.T, c Committee, bom bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSummaryCSV(&buf, c, bom); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func scorecardsCSV(t *testing.T, c Committee, bom bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteScorecardsCSV(&buf, c, bom); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM))))
	recs, err := r.ReadAll() // also checks every record has the header's field count
	if err != nil {
		t.Fatalf("encoding/csv cannot read the output: %v\n%s", err, data)
	}
	return recs
}

func TestCSVBOM(t *testing.T) {
	c := buildCommittee(t, smallCards())
	for _, write := range []func(*testing.T, Committee, bool) []byte{summaryCSV, scorecardsCSV} {
		with, without := write(t, c, true), write(t, c, false)
		if !bytes.HasPrefix(with, []byte{0xEF, 0xBB, 0xBF}) {
			t.Errorf("bom=true: starts with % x", with[:3])
		}
		if bytes.HasPrefix(without, []byte{0xEF, 0xBB, 0xBF}) || !bytes.HasPrefix(without, []byte("Candidate ID,")) {
			t.Errorf("bom=false: starts with %q", without[:16])
		}
		if !bytes.Equal(with[3:], without) {
			t.Errorf("the BOM changed more than the first three bytes")
		}
	}
}

func TestCSVLineEndingsAndQuoting(t *testing.T) {
	c := buildCommittee(t, smallCards())
	c.Scorecards[0].Notes = "he said \"hi\", then left\nsecond line"
	c.Scorecards[1].Notes = "a, b"
	c.Scorecards[2].Notes = " leading space"
	c.Scorecards[3].Notes = "ünïcødé — 日本語 😀"
	c.Candidates[0].Name = `Ada "the Countess", Lovelace`
	data := scorecardsCSV(t, c, false)

	// CRLF after every record; the only bare LF is the one inside the quoted note.
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("last record does not end with CRLF")
	}
	if got := bytes.Count(data, []byte("\r\n")); got != len(c.Scorecards)+1 {
		t.Errorf("%d CRLFs, want %d records", got, len(c.Scorecards)+1)
	}
	if bare := bytes.Count(data, []byte("\n")) - bytes.Count(data, []byte("\r\n")); bare != 1 {
		t.Errorf("%d bare LFs, want 1 (inside the quoted note)", bare)
	}
	for _, want := range []string{`"he said ""hi"", then left` + "\nsecond line\"", `,"a, b",`, `," leading space",`, "ünïcødé — 日本語 😀"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
	if bytes.Contains(data, []byte(`,"Ada Lovelace"`)) || !bytes.Contains(data, []byte(",Ada Lovelace,")) {
		t.Errorf("a plain field was quoted")
	}

	// Round trip through encoding/csv.
	recs := readCSV(t, data)
	if !slices.Equal(recs[0], scorecardsHeader) {
		t.Errorf("header = %q", recs[0])
	}
	if len(recs) != len(c.Scorecards)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(c.Scorecards)+1)
	}
	defaults := defaultWeights(c)
	for i, sr := range c.Scorecards {
		rec := recs[i+1]
		want := []string{strconv.FormatInt(sr.CandidateID, 10), csvText(sr.Candidate), sr.Round, sr.Interviewer, sr.Key, sr.Competency, sr.Question}
		if !slices.Equal(rec[:7], want) {
			t.Errorf("record %d = %q, want %q", i+1, rec[:7], want)
		}
		if sr.Score == nil {
			if rec[7] != "" || rec[10] != "" || rec[12] != "yes" || rec[13] != sr.SkipReason {
				t.Errorf("skipped record %d = %q", i+1, rec)
			}
		} else {
			if rec[7] != strconv.Itoa(*sr.Score) || rec[9] != sr.Label {
				t.Errorf("record %d score = %q", i+1, rec[7:10])
			}
			if v, err := strconv.ParseFloat(rec[10], 64); err != nil || v != *sr.Norm {
				t.Errorf("record %d Normalised = %q, want exactly %v", i+1, rec[10], *sr.Norm)
			}
		}
		if rec[8] != strconv.Itoa(sr.ScaleMin)+"–"+strconv.Itoa(sr.ScaleMax) {
			t.Errorf("record %d scale = %q", i+1, rec[8])
		}
		if v, err := strconv.ParseFloat(rec[11], 64); err != nil || v != defaults[sr.Key] {
			t.Errorf("record %d weight = %q, want the default %v", i+1, rec[11], defaults[sr.Key])
		}
		if rec[14] != sr.Notes || rec[15] != sr.Recommendation || rec[16] != sr.SubmittedAt || rec[17] != sr.Hash {
			t.Errorf("record %d tail = %q", i+1, rec[14:])
		}
		if (rec[18] == "yes") != sr.Amended {
			t.Errorf("record %d amended = %q", i+1, rec[18])
		}
	}

	srecs := readCSV(t, summaryCSV(t, c, true))
	if srecs[1][1] != c.Candidates[0].Name {
		t.Errorf("name = %q", srecs[1][1])
	}
}

func TestSummaryCSVValues(t *testing.T) {
	c := buildCommittee(t, smallCards())
	recs := readCSV(t, summaryCSV(t, c, true))
	if !slices.Equal(recs[0], summaryHeader(&c)) {
		t.Errorf("header = %q", recs[0])
	}
	if len(recs) != len(c.Candidates)+1 {
		t.Fatalf("%d records", len(recs))
	}
	for i, cand := range c.Candidates {
		rec := recs[i+1]
		if rec[0] != strconv.FormatInt(cand.CandidateID, 10) || rec[1] != csvText(cand.Name) || rec[2] != cand.Stage {
			t.Errorf("record %d = %q", i+1, rec)
		}
		// The app's composite, exactly (shortest round-trip formatting).
		if v, err := strconv.ParseFloat(rec[3], 64); err != nil || v != *cand.Composite {
			t.Errorf("composite %q, want exactly %v", rec[3], *cand.Composite)
		}
		for j, comp := range c.Competencies {
			if v, _ := strconv.ParseFloat(rec[4+j], 64); v != cand.CompetencyMeans[comp.ID] {
				t.Errorf("%s mean = %q", comp.ID, rec[4+j])
			}
		}
		n := 4 + len(c.Competencies)
		for j, k := range recommendationKeys {
			if rec[n+j] != strconv.Itoa(cand.Recommendations[k]) {
				t.Errorf("%s = %q", k, rec[n+j])
			}
		}
		if rec[n+4] != strconv.Itoa(cand.Disagreements) || rec[n+5] != yesNo(cand.Disagreements > 0) || rec[n+6] != strconv.Itoa(cand.Scorecards) {
			t.Errorf("counts = %q", rec[n+4:])
		}
		if v, _ := strconv.ParseFloat(rec[n+7], 64); v != cand.Spread {
			t.Errorf("spread = %q", rec[n+7])
		}
	}
	// A candidate without scores has an empty composite.
	c.Candidates[0].Composite = nil
	if rec := readCSV(t, summaryCSV(t, c, false))[1]; rec[3] != "" {
		t.Errorf("composite without scores = %q", rec[3])
	}
}

func TestCSVInvalidUTF8AndCap(t *testing.T) {
	c := buildCommittee(t, smallCards())
	c.Scorecards[0].Notes = "bad \xff byte"
	c.Scorecards[1].Notes = strings.Repeat("x", 40000)
	recs := readCSV(t, scorecardsCSV(t, c, false))
	if recs[1][14] != "bad \uFFFD byte" {
		t.Errorf("invalid UTF-8 = %q", recs[1][14])
	}
	if got := recs[2][14]; utf16Len(got) != MaxCellChars || !strings.HasSuffix(got, truncatedMark) {
		t.Errorf("long note has %d characters", utf16Len(got))
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCSVWriteErrors(t *testing.T) {
	c := buildCommittee(t, smallCards())
	if err := WriteSummaryCSV(failWriter{}, c, true); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("summary error = %v", err)
	}
	if err := WriteScorecardsCSV(failWriter{}, c, false); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("scorecards error = %v", err)
	}
	if err := WriteWorkbook(failWriter{}, c); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("workbook error = %v", err)
	}
}
