package storage

import (
	"context"
	"testing"
)

// A bundle import asks whether a person it carries was erased here, by the
// uids the bundle knows them by; on both engines.
func TestErasedHereFindsTheLatestErasureByUID(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		const ada, bob = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
		insert := bind(s.w, s.d)
		for _, row := range []struct{ action, uid, at string }{
			{"anonymise", ada, "2026-01-05T10:00:00Z"},
			{"erase", ada, "2026-02-01T09:30:00Z"},
			{"erase", "", "2026-03-01T08:00:00Z"}, // written before uids: never matched by one
		} {
			if _, err := insert.ExecContext(ctx, `INSERT INTO privacy_audit (action, why, candidate_id, candidate_uid, actor_name, at)
				VALUES (?, 'request', 7, ?, 'Riley Chen', ?)`, row.action, row.uid, row.at); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			uids         []string
			action, when string
		}{
			{[]string{bob, ada}, "erase", "2026-02-01T09:30:00Z"},
			{[]string{bob}, "", ""},
			{[]string{""}, "", ""},
			{nil, "", ""},
		}
		for _, tc := range cases {
			var action EraseAction
			var at string
			err := s.Read(ctx, func(tx *Tx) error {
				var err error
				action, at, err = tx.ErasedHere(tc.uids)
				return err
			})
			if err != nil || string(action) != tc.action || at != tc.when {
				t.Errorf("ErasedHere(%q) = %q %q, %v; want %q %q", tc.uids, action, at, err, tc.action, tc.when)
			}
		}
	})
}
