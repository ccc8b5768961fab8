package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

var london, _ = time.LoadLocation("Europe/London")

// evenings is the contract's default quiet window, 20:00-09:00.
var evenings = bot.QuietHours{Start: 20 * time.Hour, End: 9 * time.Hour}

// consented makes a person who has agreed and stopped at the menu, returning their id.
func consented(t testing.TB, e *bot.Engine, address string) string {
	t.Helper()
	var pid string
	for i, text := range []string{"hi", "yes", "skip", "skip", "skip", "skip", "skip", "MENU"} {
		h, err := e.Handle(context.Background(), bot.Inbound{Channel: "sms", Address: address, ProviderID: fmt.Sprintf("%s-%d", address, i), Text: text})
		if err != nil {
			t.Fatal(err)
		}
		pid = h.PersonID
	}
	return pid
}

func schedule(t testing.TB, s *store.Store, id, pid, kind string, due time.Time) {
	t.Helper()
	if err := s.InTx(context.Background(), func(tx *store.Tx) error {
		if kind == "followup" {
			if err := tx.AddReferral(context.Background(), pid, "sample-svc-"+id, "Hackney Food Hub", "food", due.Add(-72*time.Hour)); err != nil {
				return err
			}
		}
		return tx.ScheduleNudge(context.Background(), id, pid, kind, kind+":"+id, "Hackney Food Hub", "26/11 10:00", due, due.Add(-72*time.Hour))
	}); err != nil {
		t.Fatal(err)
	}
}

func nudgeStatus(t testing.TB, s *store.Store, id string) (status string, due time.Time) {
	t.Helper()
	var row struct {
		Status string    `db:"status"`
		Due    time.Time `db:"due_at"`
	}
	if err := s.DB().Get(&row, s.DB().Rebind(`SELECT status, due_at FROM nudges WHERE id = ?`), id); err != nil {
		t.Fatal(err)
	}
	return row.Status, row.Due
}

func newScheduler(e *bot.Engine, clk *clock, quiet bot.QuietHours) *bot.Scheduler {
	sc := bot.NewScheduler(e, bot.NudgePolicy{Quiet: quiet, Location: london, PerWeek: 3})
	sc.Now = clk.Now
	return sc
}

func TestNudgeQuietHoursAndDST(t *testing.T) {
	cases := []struct {
		name      string
		scheduled time.Time // when the suggestion was made, local
		after     time.Duration
		wantDue   time.Time // local
	}{
		{"before spring forward", time.Date(2026, 3, 27, 10, 0, 0, 0, london), 72 * time.Hour, time.Date(2026, 3, 30, 10, 0, 0, 0, london)},
		{"before fall back", time.Date(2026, 10, 23, 10, 0, 0, 0, london), 72 * time.Hour, time.Date(2026, 10, 26, 10, 0, 0, 0, london)},
		{"six weeks over fall back", time.Date(2026, 10, 1, 10, 0, 0, 0, london), 1008 * time.Hour, time.Date(2026, 11, 12, 10, 0, 0, 0, london)},
		{"hours are hours", time.Date(2026, 3, 29, 0, 30, 0, 0, london), 2 * time.Hour, time.Date(2026, 3, 29, 3, 30, 0, 0, london)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := bot.DueAt(tc.scheduled, tc.after, london)
			if !got.Equal(tc.wantDue) {
				t.Errorf("DueAt = %s, want %s", got.In(london), tc.wantDue)
			}
		})
	}

	quiet := []struct {
		name  string
		at    time.Time
		quiet bool
		until time.Time
	}{
		{"evening", time.Date(2026, 11, 24, 21, 0, 0, 0, london), true, time.Date(2026, 11, 25, 9, 0, 0, 0, london)},
		{"early morning", time.Date(2026, 11, 25, 6, 0, 0, 0, london), true, time.Date(2026, 11, 25, 9, 0, 0, 0, london)},
		{"daytime", time.Date(2026, 11, 25, 9, 0, 0, 0, london), false, time.Time{}},
		{"last minute of day", time.Date(2026, 11, 25, 19, 59, 0, 0, london), false, time.Time{}},
		{"night of spring forward", time.Date(2026, 3, 28, 23, 0, 0, 0, london), true, time.Date(2026, 3, 29, 9, 0, 0, 0, london)},
		{"night of fall back", time.Date(2026, 10, 25, 1, 30, 0, 0, london), true, time.Date(2026, 10, 25, 9, 0, 0, 0, london)},
	}
	p := bot.NudgePolicy{Quiet: evenings, Location: london}
	for _, tc := range quiet {
		t.Run(tc.name, func(t *testing.T) {
			until, q := p.QuietUntil(tc.at)
			if q != tc.quiet || (q && !until.Equal(tc.until)) {
				t.Errorf("QuietUntil(%s) = %s %v, want %s %v", tc.at, until.In(london), q, tc.until, tc.quiet)
			}
		})
	}
	if _, q := (bot.NudgePolicy{Quiet: bot.QuietHours{Off: true}}).QuietUntil(time.Date(2026, 1, 1, 23, 0, 0, 0, london)); q {
		t.Error("quiet hours off still quiet")
	}
}

func TestNudgeLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Sunday 29 March 2026: the clocks go forward at 01:00 GMT.
		clk := bottest.NewClock(time.Date(2026, 3, 26, 12, 0, 0, 0, london))
		e := newEngine(t, s, clk)
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		sc := newScheduler(e, clk, evenings)
		run := func() {
			t.Helper()
			if _, err := sc.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := d.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		pid := consented(t, e, "+447700900200")
		other := consented(t, e, "+447700900201")
		clk.Add(time.Hour) // past "conversation in progress"

		// Due at 21:00 on the evening of the change: held to 09:00 BST next morning.
		schedule(t, s, "n_quiet", pid, "followup", time.Date(2026, 3, 28, 21, 0, 0, 0, london))
		// Due for someone who then says STOP.
		schedule(t, s, "n_stop", other, "followup", time.Date(2026, 3, 28, 12, 0, 0, 0, london))
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900201", ProviderID: "stop", Text: "STOP"}); err != nil {
			t.Fatal(err)
		}
		if st, _ := nudgeStatus(t, s, "n_stop"); st != "cancelled" {
			t.Errorf("STOP left the nudge %s", st)
		}
		for n, _ := d.RunOnce(ctx); n > 0; n, _ = d.RunOnce(ctx) {
		}
		rec.sent = nil // the conversations so far; from here on only nudges
		clk.Set(time.Date(2026, 3, 28, 21, 0, 0, 0, london))
		run()
		st, due := nudgeStatus(t, s, "n_quiet")
		if st != "pending" || !due.Equal(time.Date(2026, 3, 29, 9, 0, 0, 0, london)) {
			t.Fatalf("in quiet hours: %s due %s; want pending until 09:00 BST", st, due.In(london))
		}
		clk.Set(time.Date(2026, 3, 29, 8, 59, 0, 0, london))
		run()
		if len(rec.texts()) != 0 {
			t.Fatalf("sent before the quiet hours ended: %q", rec.texts())
		}
		clk.Set(time.Date(2026, 3, 29, 9, 0, 0, 0, london))
		run()
		run()
		if st, _ := nudgeStatus(t, s, "n_quiet"); st != "sent" {
			t.Fatalf("after quiet hours: %s", st)
		}
		if got := rec.texts(); len(got) != 1 || !strings.Contains(got[0], "Hackney Food Hub") {
			t.Fatalf("sent %q, want one follow-up naming the service", got)
		}

		// The answer makes the second follow-up stale.
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900200", ProviderID: "ans", Text: "1"}); err != nil {
			t.Fatal(err)
		}
		var contacted int
		s.DB().Get(&contacted, s.DB().Rebind(`SELECT COUNT(*) FROM referrals WHERE person_id = ? AND followed_up AND contacted`), pid)
		if contacted != 1 {
			t.Errorf("answer 'yes' recorded %d contacted referrals, want 1", contacted)
		}
		clk.Add(4 * 24 * time.Hour)
		run()
		var second struct{ Status, Reason string }
		s.DB().Get(&second, s.DB().Rebind(`SELECT status, reason FROM nudges WHERE person_id = ? AND kind = 'followup2'`), pid)
		if second.Status != "skipped" {
			t.Errorf("second follow-up after an answer: %+v, want skipped", second)
		}
	})
}

func TestNudgeWeeklyCapAndCrisis(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 23, 12, 0, 0, 0, london))
		e := newEngine(t, s, clk)
		sc := newScheduler(e, clk, bot.QuietHours{Off: true})
		pid := consented(t, e, "+447700900300")
		clk.Add(time.Hour)
		for i := range 4 {
			schedule(t, s, fmt.Sprintf("n_%d", i), pid, "reminder", clk.Now().Add(time.Duration(i)*time.Minute))
		}
		clk.Add(10 * time.Minute)
		if _, err := sc.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		var sent int
		s.DB().Get(&sent, `SELECT COUNT(*) FROM nudges WHERE status = 'sent'`)
		st, due := nudgeStatus(t, s, "n_3")
		if sent != 3 || st != "pending" || due.Before(clk.Now().Add(6*24*time.Hour)) {
			t.Errorf("weekly cap: %d sent, fourth %s due %s", sent, st, due)
		}
		var reminders int
		s.DB().Get(&reminders, `SELECT COUNT(*) FROM messages WHERE direction = 'out'
			AND body = 'Reminder from Signpost: Hackney Food Hub is open on 26/11 10:00. Reply STOP to stop messages.'`)
		if reminders != 3 {
			t.Errorf("%d reminder messages queued, want 3", reminders)
		}
		// A crisis holds nudges until a link worker clears it.
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900300", ProviderID: "c", Text: "I want to end my life"}); err != nil {
			t.Fatal(err)
		}
		schedule(t, s, "n_crisis", pid, "reassess", clk.Now())
		clk.Add(8 * 24 * time.Hour)
		if _, err := sc.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if st, due := nudgeStatus(t, s, "n_crisis"); st != "pending" || !due.After(clk.Now()) {
			t.Errorf("during a crisis the nudge is %s due %s; want held", st, due)
		}
	})
}

func TestNudgeLeaseRecovery(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 12, 0, 0, 0, london))
		e := newEngine(t, s, clk)
		pid := consented(t, e, "+447700900400")
		clk.Add(time.Hour)
		schedule(t, s, "n_lease", pid, "followup", clk.Now())
		// A worker claims the nudge and dies before acting on it.
		claimed, err := s.ClaimDueNudges(ctx, clk.Now(), 5*time.Minute, 10)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %v %v", claimed, err)
		}
		sc := newScheduler(e, clk, bot.QuietHours{Off: true})
		if n, _ := sc.RunOnce(ctx); n != 0 {
			t.Fatalf("another worker claimed a leased nudge")
		}
		clk.Add(6 * time.Minute)
		if n, err := sc.RunOnce(ctx); n != 1 || err != nil {
			t.Fatalf("after the lease expired: claimed %d, %v", n, err)
		}
		if st, _ := nudgeStatus(t, s, "n_lease"); st != "sent" {
			t.Errorf("nudge %s after recovery", st)
		}
	})
}

// TestNudgesExactlyOnceAcrossWorkers runs several schedulers, each on its own connection pool
// as separate instances would be, over many due nudges: every nudge is sent once.
func TestNudgesExactlyOnceAcrossWorkers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 12, 0, 0, 0, london))
		e := newEngine(t, s, clk)
		const people = 60
		for i := range people {
			pid := consented(t, e, fmt.Sprintf("+4477009005%02d", i))
			schedule(t, s, fmt.Sprintf("n_%02d", i), pid, "followup", clk.Now())
		}
		clk.Add(time.Hour)
		var wg sync.WaitGroup
		for w := range 3 {
			ws := s
			if s.Dialect() == store.Postgres {
				ws = storetest.Reopen(t, s)
			}
			we := newEngine(t, ws, clk)
			sc := newScheduler(we, clk, bot.QuietHours{Off: true})
			sc.Batch = 7
			wg.Go(func() {
				for {
					n, err := sc.RunOnce(ctx)
					if err != nil {
						t.Errorf("worker %d: %v", w, err)
						return
					}
					if n == 0 {
						return
					}
				}
			})
		}
		wg.Wait()
		var sent, queued int
		s.DB().Get(&sent, `SELECT COUNT(*) FROM nudges WHERE status = 'sent'`)
		s.DB().Get(&queued, `SELECT COUNT(*) FROM messages WHERE direction = 'out' AND body LIKE 'Hi, it''s Signpost. A few days ago%'`)
		if sent != people || queued != people {
			t.Errorf("%d nudges sent, %d follow-up messages queued; want %d of each", sent, queued, people)
		}
	})
}
