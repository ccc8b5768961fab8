package bot_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

var quiet = bottest.Quiet

type clock = bottest.Clock

func newEngine(t testing.TB, s *store.Store, clk *clock) *bot.Engine {
	return bottest.NewEngine(t, s, clk.Now)
}

// recorder is a channel that records what it is asked to send.
type recorder struct {
	mu   sync.Mutex
	sent []bot.Outgoing
	fail error
	n    int
}

func (r *recorder) Send(_ context.Context, m bot.Outgoing) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return "", r.fail
	}
	r.sent = append(r.sent, m)
	r.n++
	return fmt.Sprintf("SM%d", r.n), nil
}

func (r *recorder) texts() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.sent {
		out = append(out, m.Text)
	}
	return out
}

func count(t testing.TB, s *store.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().Get(&n, s.DB().Rebind(q), args...); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestJourneyPersists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		from := "+447700900123"
		for i, text := range []string{"hello", "YES", "E8 1AA", "7", "6", "5", "4", "rent arrears and lonely"} {
			if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: from, ProviderID: fmt.Sprintf("SM%02d", i), Text: text}); err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			clk.Add(time.Minute)
		}
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		sent := rec.texts()
		if len(sent) < 8 {
			t.Fatalf("sent %d messages: %q", len(sent), sent)
		}
		for _, m := range rec.sent {
			if m.Address != from {
				t.Fatalf("sent to %q, want %q", m.Address, from)
			}
		}
		pid, err := s.PersonIDByAddress(ctx, "sms", from)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Person(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Consented.Bool || p.Area != "E8" || p.Borough != "Hackney" || p.AgeGroup != "adult" {
			t.Errorf("person = %+v", p)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM assessments WHERE person_id = ? AND occasion = 'baseline'`, pid); n != 4 {
			t.Errorf("%d ONS4 scores stored, want 4", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM referrals WHERE person_id = ?`, pid); n == 0 || n > 3 {
			t.Errorf("%d referrals recorded, want 1 to 3", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM nudges WHERE person_id = ? AND kind = 'followup' AND status = 'pending'`, pid); n != 1 {
			t.Errorf("%d follow-up nudges, want 1", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM outbox`); n != 0 {
			t.Errorf("%d outbox rows not sent", n)
		}
	})
}

func TestNothingStoredBeforeConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := newEngine(t, s, bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)))
		for i, text := range []string{"hi", "no", "E1 6AN", "7"} {
			if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900999", ProviderID: fmt.Sprint(i), Text: text}); err != nil {
				t.Fatal(err)
			}
		}
		if n := count(t, s, `SELECT COUNT(*) FROM assessments`); n != 0 {
			t.Errorf("%d scores stored without consent", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM people WHERE area <> ''`); n != 0 {
			t.Errorf("area stored without consent")
		}
	})
}

func TestDuplicateDeliveryHandledOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := newEngine(t, s, bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)))
		in := bot.Inbound{Channel: "sms", Address: "+447700900124", ProviderID: "SMdup", Text: "hello"}
		var wg sync.WaitGroup
		var dups atomic.Int32
		for range 8 {
			wg.Go(func() {
				h, err := e.Handle(ctx, in)
				if err != nil {
					t.Error(err)
				}
				if h.Duplicate {
					dups.Add(1)
				}
			})
		}
		wg.Wait()
		if dups.Load() != 7 {
			t.Errorf("%d deliveries treated as duplicates, want 7", dups.Load())
		}
		if n := count(t, s, `SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
			t.Errorf("%d inbound messages stored, want 1", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM people`); n != 1 {
			t.Errorf("%d people, want 1", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM messages WHERE direction = 'out'`); n != 2 {
			t.Errorf("%d replies queued, want 2 (welcome and consent question)", n)
		}
	})
}

// TestConcurrentMessagesNoLostUpdate sends many messages from one person at once: each must be
// stepped exactly once, one after another, so the conversation's version counts them all.
func TestConcurrentMessagesNoLostUpdate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := newEngine(t, s, bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)))
		// Two engines over two connections pools model two instances on one database.
		s2 := s
		if s.Dialect() == store.Postgres {
			s2 = storetest.Reopen(t, s)
		}
		e2 := newEngine(t, s2, bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)))
		const n = 40
		var wg sync.WaitGroup
		for i := range n {
			eng := e
			if i%2 == 1 {
				eng = e2
			}
			wg.Go(func() {
				if _, err := eng.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900125", ProviderID: fmt.Sprintf("SM%d", i), Text: "7"}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		var version int
		if err := s.DB().Get(&version, `SELECT version FROM conversations`); err != nil {
			t.Fatal(err)
		}
		if version != n {
			t.Errorf("conversation version %d after %d messages: an update was lost", version, n)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM messages WHERE direction = 'in'`); got != n {
			t.Errorf("%d inbound messages stored, want %d", got, n)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM people`); got != 1 {
			t.Errorf("%d people created for one address", got)
		}
	})
}

func TestDispatcherErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		rec := &recorder{fail: &bot.SendError{Code: "20429", Retryable: true}}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: "+447700900126", Text: "hi"}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 1`); n != 2 {
			t.Fatalf("%d rows waiting for retry, want 2", n)
		}
		// The person opts out at the provider (Twilio 21610): never retried, person stopped.
		rec.fail = &bot.SendError{Code: "21610", Stopped: true}
		clk.Add(time.Hour)
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM people WHERE opted_out`); n != 1 {
			t.Errorf("person not marked opted out after 21610")
		}
		if n := count(t, s, `SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')`); n != 0 {
			t.Errorf("%d rows still queued for a stopped person", n)
		}
	})
}

func benchmarkEngine(b *testing.B, d store.Dialect) {
	s := storetest.Open(b, d)
	e := newEngine(b, s, bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)))
	ctx := context.Background()
	// Each iteration is one message from a different person into the ONS questions: the
	// common case of the inbound path (claim, lock, step, three writes, one reply queued).
	const people = 500
	for i := range people {
		for j, text := range []string{"hi", "yes", "skip"} {
			if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: fmt.Sprintf("+4477009%05d", i), ProviderID: fmt.Sprintf("seed-%d-%d", i, j), Text: text}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: fmt.Sprintf("+4477009%05d", i%people), ProviderID: fmt.Sprintf("b-%d", i), Text: "7"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

func BenchmarkEngineSQLite(b *testing.B) { benchmarkEngine(b, store.SQLite) }

func BenchmarkEnginePostgres(b *testing.B) {
	if len(storetest.Dialects()) < 2 {
		b.Skip(storetest.PostgresEnv + " is not set")
	}
	benchmarkEngine(b, store.Postgres)
}

// The engine steps the flow ahead of its transaction on a snapshot of the person's state. When
// another message from the person commits in between, the step is taken again on the state it
// left: the outcome is the same as if the two messages had come one after the other.
func TestStepTakenAheadIsRetakenWhenStateMoved(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		e.Metrics = bot.NewMetrics()
		say := func(from, id, text string) bot.Handled {
			t.Helper()
			h, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: from, ProviderID: id, Text: text})
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			return h
		}
		keys := func(h bot.Handled) (k []string) {
			for _, r := range h.Replies {
				k = append(k, r.Key)
			}
			return k
		}

		// One after the other: the reference.
		say("+447700900001", "a1", "hi")
		say("+447700900001", "a2", "yes")
		want := keys(say("+447700900001", "a3", "E8 1AA"))
		// On PostgreSQL every step is taken inside the transaction (nothing is gained ahead of it).
		ahead := s.SerialWrites()
		if restepped := counter(t, e.Metrics, "signpost_inbound_restepped_total"); ahead && restepped != 1 || !ahead && restepped != 0 {
			t.Fatalf("%v messages stepped again with nothing in between, want 1 (the first contact)", restepped)
		}

		// "E8 1AA" is stepped ahead at the consent question, then "yes" commits first.
		say("+447700900002", "b1", "hi")
		bot.SetBeforeTx(e, func() {
			bot.SetBeforeTx(e, nil)
			say("+447700900002", "b2", "yes")
		})
		got := keys(say("+447700900002", "b3", "E8 1AA"))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("replies to the postcode after an interleaved YES = %v, want %v (as in order)", got, want)
		}
		pid, err := s.PersonIDByAddress(ctx, "sms", "+447700900002")
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Person(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if p.Area != "E8" || !p.Consented.Bool {
			t.Errorf("person after the interleaving: area %q, consented %v; want E8, true", p.Area, p.Consented.Bool)
		}
		if restepped := counter(t, e.Metrics, "signpost_inbound_restepped_total"); ahead && restepped != 3 || !ahead && restepped != 0 {
			t.Errorf("%v messages stepped again, want 3 (two first contacts, one interleaved)", restepped)
		}
	})
}

// counter reads a counter's value from the metrics registry.
func counter(t *testing.T, m *bot.Metrics, name string) float64 {
	t.Helper()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name {
			var sum float64
			for _, m := range f.GetMetric() {
				sum += m.GetCounter().GetValue()
			}
			return sum
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}

// A message that waits for the person's conversation while another transaction changes the
// person (here: opts them out) acts on the person as that transaction left them. On PostgreSQL
// the statement that waited for the lock re-read the conversation but not the person joined to
// it; on SQLite the step taken ahead read the person before the change.
func TestMessageWaitingForTheLockSeesThePersonAsChanged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		const phone = "+447700900126"
		if _, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: phone, ProviderID: "SM1", Text: "hi"}); err != nil {
			t.Fatal(err)
		}
		locked, release := make(chan struct{}), make(chan struct{})
		other := make(chan error, 1)
		go func() {
			other <- s.InTx(ctx, func(tx *store.Tx) error {
				p, _, err := tx.LockSubject(ctx, store.NewPerson{Channel: "sms", Address: phone})
				if err != nil {
					return err
				}
				close(locked)
				<-release
				return tx.SetOptedOut(ctx, p.ID, true, clk.Now())
			})
		}()
		<-locked
		handled := make(chan bot.Handled, 1)
		go func() {
			h, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: phone, ProviderID: "SM2", Text: "E8 1AA"})
			if err != nil {
				t.Error(err)
			}
			handled <- h
		}()
		time.Sleep(200 * time.Millisecond) // the message is now waiting for the lock (or the writer)
		close(release)
		if err := <-other; err != nil {
			t.Fatal(err)
		}
		h := <-handled
		if len(h.Replies) != 0 {
			t.Errorf("a person who opted out while their message waited was answered: %v", h.Replies)
		}
	})
}

// On SQLite the engine remembers the state each message left a person in and steps their next
// message ahead on it, without reading the database: what it remembers must be exactly what
// was committed, through consent, answers, a change of language, STOP and START and a handoff,
// on SMS and on Telegram (which asks who the person is). Otherwise every message would be
// stepped twice.
func TestRememberedStateIsTheCommittedState(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		e.Metrics = bot.NewMetrics()
		journeys := map[string][]string{
			"sms": {"Hi", "yes", "E8 1AA", "7", "6/10", "five", "4", "I'm behind on my rent and feel lonely", "MORE", "MENU",
				"POLSKI", "ENGLISH", "STOP", "START", "2", "8", "7", "6", "3", "LINK"},
			"telegram": {"/start", "yes", "parent", "N1 9GU", "4", "5", "6", "7", "money worries", "MENU", "LINK"},
		}
		stepped := 0
		for channel, texts := range journeys {
			for _, text := range texts {
				say(t, e, clk, channel, "+447700900123", text)
				stepped++
				remembered, same, err := bot.Remembered(ctx, e, channel, "+447700900123")
				if err != nil {
					t.Fatal(err)
				}
				if s.SerialWrites() && (!remembered || !same) {
					t.Errorf("%s, after %q: remembered %v, the same as the database %v; want both", channel, text, remembered, same)
				}
				if !s.SerialWrites() && remembered {
					t.Errorf("%s, after %q: a state is remembered on %s, where nothing is stepped ahead", channel, text, s.Dialect())
				}
			}
		}
		// Only the two first contacts are stepped again (nothing is known of them ahead).
		if restepped := counter(t, e.Metrics, "signpost_inbound_restepped_total"); s.SerialWrites() && restepped != 2 {
			t.Errorf("%v of %d messages stepped again, want 2 (the first contacts)", restepped, stepped)
		}
		// Someone who asks to be forgotten is not remembered meanwhile.
		say(t, e, clk, "sms", "+447700900123", "FORGET", "YES")
		if remembered, _, _ := bot.Remembered(ctx, e, "sms", "+447700900123"); remembered {
			t.Error("the state of a person waiting to be forgotten is remembered")
		}
	})
}
