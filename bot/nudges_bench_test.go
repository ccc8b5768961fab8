package bot_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// seedNudges fills the database with consented people at the menu, each with one nudge due at
// due, in multi-row inserts (what the engine would take hours of conversations to create).
func seedNudges(b *testing.B, s *store.Store, from, n int, due time.Time) {
	b.Helper()
	ctx := context.Background()
	long := store.UTC(due.Add(-30 * 24 * time.Hour))
	const chunk = 500
	for start := from; start < from+n; start += chunk {
		end := min(start+chunk, from+n)
		err := s.InTx(ctx, func(tx *store.Tx) error {
			tables := []struct {
				head string
				row  func(i int) (string, []any)
			}{
				{"INSERT INTO people (id, channel, age_group, first_contact_at, last_contact_at, consented, consented_at) VALUES ",
					func(i int) (string, []any) {
						return "(?, 'sms', 'adult', ?, ?, TRUE, ?)", []any{fmt.Sprintf("p_b%07d", i), long, long, long}
					}},
				{"INSERT INTO identities (channel, address, person_id, created_at) VALUES ",
					func(i int) (string, []any) {
						return "('sms', ?, ?, ?)", []any{fmt.Sprintf("+4477%08d", i), fmt.Sprintf("p_b%07d", i), long}
					}},
				{"INSERT INTO conversations (person_id, flow, state, data, updated_at) VALUES ",
					func(i int) (string, []any) {
						return "(?, 'journey', 'menu', '{}', ?)", []any{fmt.Sprintf("p_b%07d", i), long}
					}},
				{"INSERT INTO nudges (id, person_id, kind, dedupe_key, service, due_at, created_at) VALUES ",
					func(i int) (string, []any) {
						return "(?, ?, 'reminder', 'reminder', 'Hackney Food Hub', ?, ?)", // detail defaults to ''

							[]any{fmt.Sprintf("n_b%07d", i), fmt.Sprintf("p_b%07d", i), store.UTC(due), long}
					}},
			}
			for _, tb := range tables {
				var q strings.Builder
				q.WriteString(tb.head)
				var args []any
				for i := start; i < end; i++ {
					if i > start {
						q.WriteString(", ")
					}
					row, a := tb.row(i)
					q.WriteString(row)
					args = append(args, a...)
				}
				if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// countingSender accepts every message, like a provider that never fails. The dispatcher sends
// to it from several goroutines.
type countingSender struct{ n atomic.Int64 }

func (c *countingSender) Send(context.Context, bot.Outgoing) (string, error) {
	return "SMb" + strconv.FormatInt(c.n.Add(1), 10), nil
}

// benchmarkNudges dispatches `due` due nudges to a fake provider while `future` more wait for
// later: the scheduler claims, decides and queues each, and the dispatcher sends them.
// Run with -benchtime=1x: one iteration is the whole batch.
func benchmarkNudges(b *testing.B, d store.Dialect, due, future int) {
	s := storetest.Open(b, d)
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, london)
	seedNudges(b, s, 0, due, now.Add(-time.Minute))
	seedNudges(b, s, due, future, now.Add(30*24*time.Hour))
	if d == store.Postgres {
		// As autovacuum would have by now on a real database: plan with real statistics.
		if _, err := s.DB().Exec("ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	clk := bottest.NewClock(now)
	e := newEngine(b, s, clk)
	sender := &countingSender{}
	disp := bot.NewDispatcher(s, map[string]bot.Sender{"sms": sender}, quiet, clk.Now)
	disp.Batch = 500
	sc := newScheduler(e, clk, bot.QuietHours{Off: true})
	sc.Batch = 500
	ctx := context.Background()
	var ms runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		for {
			n, err := sc.RunOnce(ctx)
			if err != nil {
				b.Fatal(err)
			}
			for m, err := disp.RunOnce(ctx); m > 0; m, err = disp.RunOnce(ctx) {
				if err != nil {
					b.Fatal(err)
				}
			}
			if n == 0 {
				break
			}
		}
	}
	b.StopTimer()
	if n := sender.n.Load(); n != int64(due) {
		b.Fatalf("sent %d nudges, want %d", n, due)
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(due)/b.Elapsed().Seconds(), "nudges/s")
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heap-MB")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(rss, "peak-RSS-MB")
	}
}

// peakRSS reads the process's peak resident set size (Linux), in MB.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// Scale with SIGNPOST_BENCH_NUDGES (default 100000 due) and SIGNPOST_BENCH_FUTURE (future nudges).
func benchSizes() (due, future int) {
	due, future = 100000, 0
	if v, err := strconv.Atoi(os.Getenv("SIGNPOST_BENCH_NUDGES")); err == nil {
		due = v
	}
	if v, err := strconv.Atoi(os.Getenv("SIGNPOST_BENCH_FUTURE")); err == nil {
		future = v
	}
	return due, future
}

func BenchmarkNudgesSQLite(b *testing.B) {
	due, future := benchSizes()
	benchmarkNudges(b, store.SQLite, due, future)
}

func BenchmarkNudgesPostgres(b *testing.B) {
	if len(storetest.Dialects()) < 2 {
		b.Skip(storetest.PostgresEnv + " is not set")
	}
	due, future := benchSizes()
	benchmarkNudges(b, store.Postgres, due, future)
}
