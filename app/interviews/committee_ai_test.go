// The committee workbook's AI usage: recomputed by hand from a ledger
// written here (calls about the role's candidates only, nobody named), and
// no AI usage sheet for a role whose candidates never met AI.

package interviews_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/exports"
	"hirebench/storage"
)

func TestTheWorkbookCountsTheRolesAIUsage(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	other, err := e.track.CreateRole(e.ctx, model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	bob, err := e.track.CreateCandidate(e.ctx, model.CandidateInput{Name: "Bob Data", Email: "bob@example.com"}, []int64{other.ID}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	call := func(feature, modelName, outcome string, cached bool, in, out int, usd float64) storage.AICall {
		return storage.AICall{Feature: feature, Model: modelName, PromptVersion: "v1", TokensIn: in, TokensOut: out, CostUSD: usd,
			Outcome: outcome, Cached: cached, Attempts: 1}
	}
	ada := e.app.CandidateID
	for _, r := range []storage.AIRecord{
		{Call: call("screen", "gpt-4o-mini", "ok", false, 1200, 300, 0.00036), CandidateID: ada},
		{Call: call("screen", "gpt-4o-mini", "ok", false, 1000, 200, 0.00027), CandidateID: ada},
		{Call: call("screen", "gpt-4o-mini", "ok", true, 1000, 200, 0), CandidateID: ada},
		{Call: call("rate", "gpt-4.1", "ok", false, 800, 60, 0.00208), CandidateID: ada},
		{Call: call("rate", "gpt-4.1", "error:invalid_output", false, 700, 90, 0.00212), CandidateID: ada},
		{Call: call("screen", "gpt-4o-mini", "ok", false, 9000, 900, 0.0019), CandidateID: bob.ID}, // another role's
		{Call: call("screen", "gpt-4o-mini", "stopped:budget", false, 0, 0, 0)},                    // about nobody
	} {
		r.Request, r.Response = "[CANDIDATE] …", "{}"
		if _, err := e.store.RecordAI(e.ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	c, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil {
		t.Fatal(err)
	}
	// By hand, Ada's calls: screening 3 (1 from the cache: its tokens are not
	// billed), 1200+1000 in, 300+200 out, $0.00036+$0.00027; second opinions
	// 2 (1 failed), 800+700 in, 60+90 out, $0.00208+$0.00212.
	want := []exports.AIUsageRow{
		{Feature: "Second opinion on a score", Model: "gpt-4.1", Calls: 2, Failed: 1, TokensIn: 1500, TokensOut: 150, CostUSD: 0.0042},
		{Feature: "Screening resumes", Model: "gpt-4o-mini", Calls: 3, Cached: 1, TokensIn: 2200, TokensOut: 500, CostUSD: 0.00063},
	}
	if fmt.Sprintf("%.9v", c.AIUsage) != fmt.Sprintf("%.9v", want) {
		t.Fatalf("AI usage = %+v\nwant %+v", c.AIUsage, want)
	}

	var buf bytes.Buffer
	if err := exports.WriteWorkbook(&buf, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, exports.SheetAIUsage); i < 0 || sheets[i-1] != exports.SheetCalibration {
		t.Fatalf("sheets = %q, want AI usage after Calibration", sheets)
	}
	rows, err := f.GetRows(exports.SheetAIUsage, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	wantRows := [][]string{
		{exports.AIUsageNote},
		{"Feature", "Model", "Calls", "From the cache", "Failed", "Tokens in", "Tokens out", "Cost (USD)"},
		{"Second opinion on a score", "gpt-4.1", "2", "0", "1", "1500", "150", "0.0042"},
		{"Screening resumes", "gpt-4o-mini", "3", "1", "0", "2200", "500", "0.00063"},
		{"Total", "", "5", "1", "1", "3700", "650", "0.00483"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(wantRows) {
		t.Errorf("AI usage sheet:\n got %q\nwant %q", rows, wantRows)
	}
	if got, err := f.GetCellFormula(exports.SheetAIUsage, "H5"); err != nil || got != "SUM(H3:H4)" {
		t.Errorf("the cost total is %q, %v; want a live SUM", got, err)
	}

	// The other role's workbook holds Bob's call only; a role nobody used AI for has no sheet.
	if c2, err := e.iv.Committee(e.ctx, other.ID, "test", scoring.ExporterOf(e.riley)); err != nil || len(c2.AIUsage) != 1 || c2.AIUsage[0].Calls != 1 {
		t.Errorf("the other role: %+v, %v", c2.AIUsage, err)
	}
	third, err := e.track.CreateRole(e.ctx, model.RoleInput{Title: "Designer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	c3, err := e.iv.Committee(e.ctx, third.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil || len(c3.AIUsage) != 0 {
		t.Fatalf("a role without AI: %+v, %v", c3.AIUsage, err)
	}
	buf.Reset()
	if err := exports.WriteWorkbook(&buf, c3); err != nil {
		t.Fatal(err)
	}
	f3, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f3.Close()
	if slices.Contains(f3.GetSheetList(), exports.SheetAIUsage) {
		t.Errorf("a role without AI has an AI usage sheet: %q", f3.GetSheetList())
	}
}
