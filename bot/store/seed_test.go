package store_test

import (
	"context"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

func TestSeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Seed(ctx, 0, 700, t0, nil); err != nil {
			t.Fatal(err)
		}
		// A second batch continues the numbering without colliding.
		if err := s.Seed(ctx, 700, 50, t0, nil); err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{"people": 750, "identities": 750, "conversations": 750, "assessments": 3000,
			"needs": 750, "referrals": 750, "messages": 1500, "nudges": 750}
		for table, want := range counts {
			var n int
			if err := s.DB().Get(&n, "SELECT COUNT(*) FROM "+table); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("%s: %d rows, want %d", table, n, want)
			}
		}
		var due int
		s.DB().Get(&due, s.DB().Rebind(`SELECT COUNT(*) FROM nudges WHERE status = 'pending' AND due_at <= ?`), t0)
		if due != 0 {
			t.Errorf("%d seeded nudges already due; they should wait in the future", due)
		}
		rows, err := s.Assessments(ctx, store.Period{})
		if err != nil || len(rows) != 3000 {
			t.Errorf("assessments export: %d rows, %v", len(rows), err)
		}
		id, err := s.PersonIDByAddress(ctx, "sms", "+4478000000042")
		if err != nil || id != "p_seed00000042" {
			t.Errorf("identity of seeded person 42: %q, %v", id, err)
		}
	})
}
