// Tests the committee CSV files: the byte-order mark, line endings and quoting,
// Summary values, invalid UTF-8 and capped cells, and write errors.

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
	c := buildCommittee(t, fixtureCards())
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
	c := buildCommittee(t, fixtureCards())
	c.Scorecards[0].Notes = "he said \"hi\", then left\nsecond line"
	c.Scorecards[1].Notes = "a, b"
	c.Scorecards[2].Notes = " leading space"
	c.Scorecards[3].Notes = "ünïcødé — 日本語 😀"
	c.Candidates[0].Name = `Grace "Amazing" Hopper, RADM`
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
	if bytes.Contains(data, []byte(`,"Grace Hopper"`)) || !bytes.Contains(data, []byte(",Grace Hopper,")) {
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
	counts := countsAs(c.Scorecards)
	for i, sr := range c.Scorecards {
		rec := recs[i+1]
		want := []string{strconv.FormatInt(sr.CandidateID, 10), csvText(sr.Candidate), sr.Round, strconv.FormatInt(sr.InterviewerID, 10),
			sr.Interviewer, sr.Key, sr.Competency, sr.Question}
		if !slices.Equal(rec[:8], want) {
			t.Errorf("record %d = %q, want %q", i+1, rec[:8], want)
		}
		if sr.Score == nil {
			if rec[8] != "" || rec[11] != "" || rec[12] != "0" || rec[13] != "yes" || rec[14] != sr.SkipReason {
				t.Errorf("skipped record %d = %q", i+1, rec)
			}
		} else {
			if rec[8] != strconv.Itoa(*sr.Score) || rec[10] != sr.Label {
				t.Errorf("record %d score = %q", i+1, rec[8:11])
			}
			if v, err := strconv.ParseFloat(rec[11], 64); err != nil || v != *sr.Norm {
				t.Errorf("record %d Normalised = %q, want exactly %v", i+1, rec[11], *sr.Norm)
			}
			if v, err := strconv.ParseFloat(rec[12], 64); err != nil || v != counts[i] || v <= 0 {
				t.Errorf("record %d Counts as = %q, want %v", i+1, rec[12], counts[i])
			}
		}
		if rec[9] != strconv.Itoa(sr.ScaleMin)+"–"+strconv.Itoa(sr.ScaleMax) {
			t.Errorf("record %d scale = %q", i+1, rec[9])
		}
		if rec[15] != csvText(sr.Notes) || rec[16] != sr.Recommendation || rec[17] != sr.SubmittedAt || rec[18] != sr.Hash {
			t.Errorf("record %d tail = %q", i+1, rec[15:])
		}
		if rec[19] != amendedText(&c.Scorecards[i]) {
			t.Errorf("record %d amended = %q", i+1, rec[19])
		}
	}
	if !slices.Contains(counts, 0.5) {
		t.Errorf("no answer counts ½: %v", counts)
	}

	srecs := readCSV(t, summaryCSV(t, c, true))
	if srecs[1][1] != c.Candidates[0].Name {
		t.Errorf("name = %q", srecs[1][1])
	}
}

func TestSummaryCSVValues(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	recs := readCSV(t, summaryCSV(t, c, true))
	wantHeader := []string{"Candidate ID", "Name", "Stage", "Rank", "Composite", "Coverage", "Complete", "Uncertainty",
		"Uncertainty (words)", "Interviewers", "Technical depth", "Collaboration", "Strong no", "No", "Yes", "Strong yes",
		"Disagreements", "Discuss", "Scorecards", "Scored after seeing others"}
	if !slices.Equal(recs[0], wantHeader) {
		t.Errorf("header = %q", recs[0])
	}
	if len(recs) != len(c.Candidates)+1 {
		t.Fatalf("%d records", len(recs))
	}
	exact := func(s string, v float64) bool {
		got, err := strconv.ParseFloat(s, 64)
		return err == nil && got == v
	}
	for i, cand := range c.Candidates {
		rec := recs[i+1]
		if rec[0] != strconv.FormatInt(cand.CandidateID, 10) || rec[1] != csvText(cand.Name) || rec[2] != cand.Stage {
			t.Errorf("record %d = %q", i+1, rec)
		}
		wantRank := ""
		if cand.Rank > 0 {
			wantRank = strconv.Itoa(cand.Rank)
		}
		// The app's numbers, exactly (shortest round-trip formatting).
		if rec[3] != wantRank || !exact(rec[4], *cand.Composite) || !exact(rec[5], cand.Coverage) || rec[6] != yesNo(cand.Complete) {
			t.Errorf("record %d rank/composite/coverage/complete = %q", i+1, rec[3:7])
		}
		if (cand.Uncertainty == nil) != (rec[7] == "") || cand.Uncertainty != nil && !exact(rec[7], *cand.Uncertainty) {
			t.Errorf("record %d uncertainty = %q", i+1, rec[7])
		}
		if rec[8] != cand.UncertaintyLabel || rec[9] != strconv.Itoa(cand.Interviewers) {
			t.Errorf("record %d words/interviewers = %q", i+1, rec[8:10])
		}
		for j, comp := range c.Competencies {
			v, ok := cand.CompetencyMeans[comp.ID]
			if ok && !exact(rec[10+j], v) || !ok && rec[10+j] != "" {
				t.Errorf("candidate %d %s mean = %q, want %v (%v)", cand.CandidateID, comp.ID, rec[10+j], v, ok)
			}
		}
		n := 10 + len(c.Competencies)
		for j, k := range recommendationKeys {
			if rec[n+j] != strconv.Itoa(cand.Recommendations[k]) {
				t.Errorf("%s = %q", k, rec[n+j])
			}
		}
		if rec[n+4] != strconv.Itoa(cand.Disagreements) || rec[n+5] != yesNo(cand.Disagreements > 0) ||
			rec[n+6] != strconv.Itoa(cand.Scorecards) || rec[n+7] != strconv.Itoa(cand.ScoredAfterSeeing) {
			t.Errorf("counts = %q", rec[n+4:])
		}
	}
	if recs[5][0] != "3" || recs[5][3] != "" || recs[5][6] != "no" || recs[5][5] != "0.3333333333333333" {
		t.Errorf("Partial Pat = %q: unranked, incomplete, coverage 1/3", recs[5])
	}
	// A candidate without scores has an empty composite and rank.
	c.Candidates[0].Composite, c.Candidates[0].Rank = nil, 0
	if rec := readCSV(t, summaryCSV(t, c, false))[1]; rec[3] != "" || rec[4] != "" {
		t.Errorf("rank/composite without scores = %q", rec[3:5])
	}
}

func TestCSVInvalidUTF8AndCap(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	c.Scorecards[0].Notes = "bad \xff byte"
	c.Scorecards[1].Notes = strings.Repeat("x", 40000)
	recs := readCSV(t, scorecardsCSV(t, c, false))
	if recs[1][15] != "bad \uFFFD byte" {
		t.Errorf("invalid UTF-8 = %q", recs[1][15])
	}
	if got := recs[2][15]; utf16Len(got) != MaxCellChars || !strings.HasSuffix(got, truncatedMark) {
		t.Errorf("long note has %d characters", utf16Len(got))
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCSVWriteErrors(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
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
