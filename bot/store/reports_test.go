package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

func TestPairedChange(t *testing.T) {
	row := func(person, occasion, item string, score int) store.AssessmentRow {
		return store.AssessmentRow{PersonID: person, Instrument: "ons4", Occasion: occasion, Item: item, Score: score}
	}
	got := store.PairedChange([]store.AssessmentRow{
		row("a", "baseline", "happiness", 4), row("a", "baseline", "happiness", 9), // a second baseline is ignored
		row("a", "follow_up", "happiness", 5), row("a", "follow_up", "happiness", 7), // the latest follow-up counts
		row("b", "baseline", "happiness", 6), row("b", "follow_up", "happiness", 6),
		row("c", "baseline", "happiness", 1), // no follow-up: left out
	})
	h := got[2]
	if h.Item != "happiness" || h.N != 2 || h.BaselineMean != 5 || h.FollowUpMean != 6.5 || h.MeanChange != 1.5 {
		t.Errorf("happiness = %+v, want n 2, 5 -> 6.5, +1.5", h)
	}
	if got[0].N != 0 || len(got) != 4 {
		t.Errorf("items = %+v", got)
	}
}

func TestReportAndAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.SetArea(ctx, p.ID, "SW9", "Lambeth"); err != nil {
				return err
			}
			if err := tx.AddNeed(ctx, p.ID, "housing", "Lambeth", false, t0); err != nil {
				return err
			}
			if _, err := tx.OpenHandoff(ctx, "h_1", p.ID, "sms", "suicide", true, t0); err != nil {
				return err
			}
			if err := tx.RecordFirstResponse(ctx, "h_1", t0.Add(7*time.Minute)); err != nil {
				return err
			}
			return tx.CloseHandoff(ctx, "h_1", store.HandoffClose{Outcome: "declined", SNOMEDCode: "871711000000103", By: "sam@example.org"}, t0.Add(time.Hour))
		})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if r.People != 1 || len(r.ByBorough) != 1 || r.ByBorough[0].Key != "Lambeth" || len(r.ByWeek) != 1 || r.ByWeek[0].Key != "2026-03-23" {
			t.Errorf("engagement: %+v", r)
		}
		if len(r.Unmet) != 1 || r.Unmet[0] != (store.BoroughNeed{Borough: "Lambeth", Need: "housing", N: 1}) {
			t.Errorf("unmet = %+v", r.Unmet)
		}
		if len(r.Handoffs) != 1 || r.Handoffs[0].Outcome != "declined" || r.MedianResponse != 7*time.Minute {
			t.Errorf("handoffs = %+v, median %v", r.Handoffs, r.MedianResponse)
		}
		h, _ := s.Handoff(ctx, "h_1")
		if h.SNOMEDCode != "871711000000103" || h.ClaimedBy != "sam@example.org" {
			t.Errorf("closed handoff = %+v", h)
		}
		for i := range 3 {
			if err := s.Audit(ctx, store.AuditEntry{At: t0.Add(time.Duration(i) * time.Minute), Actor: "x@example.org",
				Action: store.AuditLoginFailure}); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := s.CountAudit(ctx, "x@example.org", store.AuditLoginFailure, t0.Add(time.Minute)); n != 2 {
			t.Errorf("failures since t0+1m = %d, want 2", n)
		}
		if es, _ := s.AuditLog(ctx, store.AuditFilter{Actor: "x@example.org", Limit: 1}); len(es) != 1 || !es[0].At.Equal(store.UTC(t0.Add(2*time.Minute))) {
			t.Errorf("latest audit entry = %+v", es)
		}
	})
}
