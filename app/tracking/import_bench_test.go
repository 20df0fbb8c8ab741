// Benchmarks committing the largest candidate file an import accepts (50,000 rows):
// creating every candidate, then merging the same file into them for another role.

package tracking_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/importer"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// benchImportCSV is a file of n candidates with tags, a resume line and, on
// every third row, a note; with phones when phones is set.
func benchImportCSV(n int, phones bool) string {
	var b strings.Builder
	b.WriteString("Name,Email,Phone,Location,Source,Tags,Resume,Notes\n")
	for i := range n {
		phone, note := "", ""
		if phones {
			phone = fmt.Sprintf("+44 20 %07d", i)
		}
		if i%3 == 0 {
			note = fmt.Sprintf("Met at meetup %d", i)
		}
		fmt.Fprintf(&b, "Person %d,person%d@example.com,%s,London,Referral,\"go, sql, t%d\",Builds services in Go and SQL %d,%s\n",
			i, i, phone, i%50, i, note)
	}
	return b.String()
}

// BenchmarkImport50k times CommitImport alone (the preview is made before
// the timer starts) on a fresh workspace per iteration.
func BenchmarkImport50k(b *testing.B) {
	const rows = importer.MaxRows
	ctx := context.Background()
	open := func(b *testing.B) (*tracking.Service, model.Role, model.Role) {
		b.Helper()
		clk := func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		s, err := storage.Open(filepath.Join(b.TempDir(), "workspace.db"), storage.WithClock(clk))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		svc := tracking.New(s)
		r1, err := svc.CreateRole(ctx, model.RoleInput{Title: "Backend Engineer"})
		if err != nil {
			b.Fatal(err)
		}
		r2, err := svc.CreateRole(ctx, model.RoleInput{Title: "Platform Engineer"})
		if err != nil {
			b.Fatal(err)
		}
		return svc, r1, r2
	}
	preview := func(b *testing.B, svc *tracking.Service, csv, policy string) importer.Preview {
		b.Helper()
		p, _, err := svc.PreviewImport(ctx, "people.csv", []byte(csv), nil, importer.Options{DuplicatePolicy: policy})
		if err != nil {
			b.Fatal(err)
		}
		return p
	}
	commit := func(b *testing.B, svc *tracking.Service, p importer.Preview, roleID int64) model.ImportResult {
		b.Helper()
		res, err := svc.CommitImport(ctx, p, roleID, false, tracking.CommandLine)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}

	b.Run("create", func(b *testing.B) {
		csv := benchImportCSV(rows, true)
		for range b.N {
			b.StopTimer()
			svc, r1, _ := open(b)
			p := preview(b, svc, csv, importer.PolicySkip)
			b.StartTimer()
			if res := commit(b, svc, p, r1.ID); res.Created != rows || res.Notes != (rows+2)/3 {
				b.Fatalf("result = %+v", res)
			}
		}
	})
	b.Run("merge", func(b *testing.B) {
		first, again := benchImportCSV(rows, false), benchImportCSV(rows, true)
		for range b.N {
			b.StopTimer()
			svc, r1, r2 := open(b)
			commit(b, svc, preview(b, svc, first, importer.PolicySkip), r1.ID)
			p := preview(b, svc, again, importer.PolicyMerge)
			b.StartTimer()
			if res := commit(b, svc, p, r2.ID); res.Merged != rows || res.Applications != rows {
				b.Fatalf("result = %+v", res)
			}
		}
	})
}
