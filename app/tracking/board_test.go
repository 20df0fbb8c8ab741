package tracking_test

import (
	"fmt"
	"strings"
	"testing"

	"hirebench/app/importer"
	"hirebench/app/model"
)

// importPeople imports n candidates named "Person 0001".. into role, in that
// order (so the oldest arrival is Person 0001).
func importPeople(t *testing.T, e *env, roleID int64, n int) {
	t.Helper()
	var csv strings.Builder
	csv.WriteString("Name,Email\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&csv, "Person %04d,p%d@example.com\n", i, i)
	}
	if _, err := e.svc.CommitImport(e.ctx, e.preview(t, csv.String(), importer.Options{}), roleID, false, e.actor); err != nil {
		t.Fatal(err)
	}
}

func column(t *testing.T, b model.Board, stage string) model.BoardColumn {
	t.Helper()
	for _, c := range b.Columns {
		if c.Stage.Name == stage {
			return c
		}
	}
	t.Fatalf("board has no column %q", stage)
	return model.BoardColumn{}
}

// A column shows its 50 oldest arrivals first, 50 more each time someone
// asks, and never more than 1000: the rest are searched for.
func TestBoardShowsAColumnAPageAtATime(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	importPeople(t, e, r.ID, 1030)
	applied := stage(t, r, "Applied").ID
	cases := []struct {
		shown             int
		cards, more, next int
		first, last       string
	}{
		{0, 50, 980, 50, "Person 0001", "Person 0050"},
		{50, 50, 980, 50, "Person 0001", "Person 0050"},
		{100, 100, 930, 50, "Person 0001", "Person 0100"},
		{990, 990, 40, 10, "Person 0001", "Person 0990"}, // "Show more" stops at 1000
		{5000, 1000, 30, 0, "Person 0001", "Person 1000"},
		{-7, 50, 980, 50, "Person 0001", "Person 0050"},
	}
	for _, tc := range cases {
		b, err := e.svc.Board(e.ctx, r.ID, map[int64]int{applied: tc.shown})
		if err != nil {
			t.Fatal(err)
		}
		col := column(t, b, "Applied")
		got := fmt.Sprintf("%d cards, %d more, next %d, %s..%s", len(col.Cards), col.More, col.Next,
			col.Cards[0].Name, col.Cards[len(col.Cards)-1].Name)
		want := fmt.Sprintf("%d cards, %d more, next %d, %s..%s", tc.cards, tc.more, tc.next, tc.first, tc.last)
		if got != want {
			t.Errorf("showing %d: %s, want %s", tc.shown, got, want)
		}
		if col.Stage.Count != 1030 {
			t.Errorf("showing %d: the column counts %d candidates, want 1030", tc.shown, col.Stage.Count)
		}
		if other := column(t, b, "Rejected"); len(other.Cards) != 0 || other.More != 0 || other.Next != 0 {
			t.Errorf("empty column: %+v", other)
		}
	}
}
