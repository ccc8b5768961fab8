package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestErasureKeepsReportTotals: the commissioners' report is the same before and after a
// person's erasure, including the ONS4 change paired by person.
func TestErasureKeepsReportTotals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := newPerson(t, s, "p_a", "+447700900001")
		b := newPerson(t, s, "p_b", "+447700900002")
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for i, p := range []store.Person{a, b} {
				if err := tx.SetArea(ctx, p.ID, "SW9", "Lambeth"); err != nil {
					return err
				}
				if err := tx.AddNeed(ctx, p.ID, "housing", "Lambeth", i == 0, t0); err != nil {
					return err
				}
				for _, occ := range []string{"baseline", "follow_up"} {
					if err := tx.AddScore(ctx, p.ID, "sms", "ons4", "v", occ, "happiness", 3+i+len(occ)%3, "low", t0); err != nil {
						return err
					}
				}
				if err := tx.AddReferral(ctx, p.ID, "svc1", "Service", "housing", t0); err != nil {
					return err
				}
				h := fmt.Sprintf("h_%d", i)
				if _, err := tx.OpenHandoff(ctx, h, p.ID, "sms", "link_request", false, t0); err != nil {
					return err
				}
				if err := tx.RecordFirstResponse(ctx, h, t0.Add(time.Duration(i+1)*time.Minute)); err != nil {
					return err
				}
				if err := tx.CloseHandoff(ctx, h, store.HandoffClose{Outcome: "declined", By: "sam@example.org"}, t0.Add(time.Hour)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		before, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if before.People != 2 || before.ONS4[2].N != 2 || before.HandoffsTotal != 2 {
			t.Fatalf("setup: %+v", before)
		}
		n := 0
		if _, err := s.ErasePerson(ctx, store.Erase{PersonID: a.ID, Now: t0.Add(2 * time.Hour), Actor: "dpo",
			NewID: func(p string) string { n++; return fmt.Sprintf("%snew%d", p, n) }}); err != nil {
			t.Fatal(err)
		}
		after, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(before, after) {
			t.Errorf("report changed:\nbefore %+v\nafter  %+v", before, after)
		}
		if _, err := s.ErasePerson(ctx, store.Erase{PersonID: "x_new1", Now: t0, NewID: func(p string) string { return p + "again" }}); err != store.ErrErased {
			t.Errorf("erasing the anonymous row: %v, want ErrErased", err)
		}
	})
}
