package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

var t0 = time.Date(2026, 3, 29, 0, 30, 0, 123456789, time.UTC)

func newPerson(t *testing.T, s *store.Store, id, address string) store.Person {
	t.Helper()
	var p store.Person
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		p, _, err = tx.LockSubject(context.Background(), store.NewPerson{ID: id, Channel: "sms", Address: address,
			Language: "en", Flow: "journey", State: "start", Now: t0})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSubjectByAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, _, err := s.FindSubject(ctx, "sms", "+447700900001"); err != store.ErrNotFound {
			t.Fatalf("FindSubject before first contact: err = %v, want ErrNotFound", err)
		}
		p1 := newPerson(t, s, "p_one", "+447700900001")
		found, conv, err := s.FindSubject(ctx, "sms", "+447700900001")
		if err != nil {
			t.Fatal(err)
		}
		if found.ID != "p_one" || conv.PersonID != "p_one" || conv.State != "start" || conv.Mode != "bot" || conv.HandoffOpen {
			t.Fatalf("FindSubject = %+v, %+v", found, conv)
		}
		if _, _, err := s.FindSubject(ctx, "telegram", "+447700900001"); err != store.ErrNotFound {
			t.Fatalf("FindSubject on another channel: err = %v, want ErrNotFound", err)
		}
		p2 := newPerson(t, s, "p_two", "+447700900001")
		if p2.ID != p1.ID {
			t.Fatalf("same address gave two people: %s and %s", p1.ID, p2.ID)
		}
		other := newPerson(t, s, "p_three", "+447700900002")
		if other.ID != "p_three" {
			t.Fatalf("new address: got person %s, want p_three", other.ID)
		}
		got, err := s.Person(ctx, "p_one")
		if err != nil {
			t.Fatal(err)
		}
		if !got.FirstContactAt.Equal(store.UTC(t0)) || got.AgeGroup != "unknown" || got.Consented.Valid {
			t.Errorf("stored person = %+v", got)
		}
		if _, err := s.Person(ctx, "p_missing"); err != store.ErrNotFound {
			t.Errorf("missing person: err = %v, want ErrNotFound", err)
		}
	})
}

// A message records the time of contact, to the minute: one within a minute of the time
// recorded leaves it be.
func TestArriveRecordsLastContact(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		arrive := func(sid string, at time.Time) store.Person {
			t.Helper()
			var p store.Person
			err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				p, _, _, err = tx.Arrive(ctx, store.NewPerson{ID: "p_one", Channel: "sms", Address: "+447700900001",
					Language: "en", Flow: "journey", State: "start", Now: at}, sid, "hello")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		stored := func() time.Time {
			t.Helper()
			p, err := s.Person(ctx, "p_one")
			if err != nil {
				t.Fatal(err)
			}
			return p.LastContactAt
		}
		steps := []struct {
			label string
			at    time.Time
			want  time.Time
		}{
			{"first contact", t0, t0},
			{"30 seconds later", t0.Add(30 * time.Second), t0},
			{"two minutes later", t0.Add(2 * time.Minute), t0.Add(2 * time.Minute)},
		}
		for i, st := range steps {
			got := arrive(fmt.Sprintf("SM%d", i), st.at)
			want := store.UTC(st.want)
			if !got.LastContactAt.Equal(want) || !stored().Equal(want) {
				t.Errorf("%s: last contact %v returned, %v stored; want %v", st.label, got.LastContactAt, stored(), want)
			}
		}
	})
}

func TestClaimInboundOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		claim := func(channel, id string) bool {
			var ok bool
			if err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				ok, err = tx.ClaimInbound(ctx, p.ID, channel, id, "hello", t0)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !claim("sms", "SM1") {
			t.Fatal("first claim refused")
		}
		if claim("sms", "SM1") {
			t.Fatal("second claim of the same MessageSid accepted")
		}
		if !claim("telegram", "SM1") {
			t.Fatal("the same id on another channel was refused: ids are unique per channel")
		}
	})
}

func TestConversationVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		var c store.Conversation
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if c, err = tx.LockConversation(ctx, p.ID); err != nil {
				return err
			}
			c.State, c.Data = "consent", `{"retries":1}`
			return tx.SaveConversation(ctx, c, t0)
		})
		if err != nil {
			t.Fatal(err)
		}
		// Saving from the old version again must fail, not overwrite.
		err = s.InTx(ctx, func(tx *store.Tx) error { return tx.SaveConversation(ctx, c, t0) })
		if err == nil {
			t.Fatal("stale save succeeded")
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			got, err := tx.LockConversation(ctx, p.ID)
			if err != nil {
				return err
			}
			if got.Version != 1 || got.State != "consent" || got.Data != `{"retries":1}` {
				t.Errorf("conversation = %+v", got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestOutboxLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		enqueue := func(body, kind string) {
			t.Helper()
			if err := s.InTx(ctx, func(tx *store.Tx) error {
				err := tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: body, Author: "bot", Kind: kind}, t0)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		enqueue("first", "")
		enqueue("second", "")
		items, err := s.ClaimOutbox(ctx, []string{"sms"}, t0, time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || items[0].Body != "first" || items[1].Body != "second" || items[0].Address != "+447700900001" {
			t.Fatalf("claimed %+v", items)
		}
		if again, _ := s.ClaimOutbox(ctx, []string{"sms"}, t0.Add(30*time.Second), time.Minute, 10); len(again) != 0 {
			t.Fatalf("leased rows claimed again inside the lease: %+v", again)
		}
		if other, _ := s.ClaimOutbox(ctx, []string{"telegram"}, t0.Add(2*time.Minute), time.Minute, 10); len(other) != 0 {
			t.Fatalf("claimed another channel's rows: %+v", other)
		}
		if err := s.MarkSent(ctx, items[0], "SM123"); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkRetry(ctx, items[1], t0.Add(10*time.Second), "network"); err != nil {
			t.Fatal(err)
		}
		if early, _ := s.ClaimOutbox(ctx, []string{"sms"}, t0.Add(5*time.Second), time.Minute, 10); len(early) != 0 {
			t.Fatalf("retry claimed before its time: %+v", early)
		}
		retry, err := s.ClaimOutbox(ctx, []string{"sms"}, t0.Add(11*time.Second), time.Minute, 10)
		if err != nil || len(retry) != 1 || retry[0].Attempts != 2 {
			t.Fatalf("retry claim = %+v, %v", retry, err)
		}
		// A lease that expires (the worker died) makes the row due again.
		expired, err := s.ClaimOutbox(ctx, []string{"sms"}, t0.Add(2*time.Minute), time.Minute, 10)
		if err != nil || len(expired) != 1 || expired[0].ID != retry[0].ID {
			t.Fatalf("expired lease claim = %+v, %v", expired, err)
		}
	})
}

func TestStopCancelsQueuedMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: "queued before stop"}, t0); err != nil {
				return err
			}
			if err := tx.SetOptedOut(ctx, p.ID, true, t0); err != nil {
				return err
			}
			err := tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: "stopped", Kind: "confirm"}, t0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		items, err := s.ClaimOutbox(ctx, []string{"sms"}, t0, time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].Body != "stopped" {
			t.Fatalf("after STOP, claimed %+v; want only the confirmation", items)
		}
		// A reply queued after the STOP (by a transaction that raced it: a link worker's, a
		// nudge's) is cancelled when claimed, not sent; the claim still takes what may go.
		if err := s.MarkSent(ctx, items[0], ""); err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: "raced the stop"}, t0); err != nil {
				return err
			}
			return tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: "stopped again", Kind: "confirm"}, t0)
		})
		if err != nil {
			t.Fatal(err)
		}
		if items, err = s.ClaimOutbox(ctx, []string{"sms"}, t0, time.Minute, 10); err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].Body != "stopped again" {
			t.Errorf("claimed %+v after a reply raced the STOP; want only the confirmation", items)
		}
		var cancelled int
		if err := s.DB().Get(&cancelled, `SELECT COUNT(*) FROM outbox WHERE status = 'cancelled' AND last_error = 'opted out'`); err != nil || cancelled != 1 {
			t.Errorf("%d rows cancelled as opted out (%v), want 1", cancelled, err)
		}
	})
}

func TestOpenHandoffOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		var first, second string
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if first, err = tx.OpenHandoff(ctx, "h_1", p.ID, "sms", "link_request", false, t0); err != nil {
				return err
			}
			second, err = tx.OpenHandoff(ctx, "h_2", p.ID, "sms", "suicide", true, t0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if first != "h_1" || second != "h_1" {
			t.Fatalf("handoffs %s, %s: want one open handoff h_1", first, second)
		}
		rows, err := s.Handoffs(ctx, store.Period{})
		if err != nil || len(rows) != 1 || !rows[0].Urgent || rows[0].Reason != "suicide" {
			t.Fatalf("handoffs = %+v, %v; want one, upgraded to urgent", rows, err)
		}
	})
}

func TestOpenRejectsBadURL(t *testing.T) {
	dir := t.TempDir()
	for _, u := range []string{"mysql://x", "sqlite:", "sqlite::memory:", "nonsense",
		// SQLite would read these as URIs and open another file than the one named.
		"sqlite:" + dir + "/a#b.db", "sqlite:" + dir + "/a%20b.db", "sqlite:" + dir + "/a.db?mode=ro"} {
		if s, err := store.Open(context.Background(), u); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", u)
		}
	}
}

func TestDeliveryStatusNeverGoesBackwards(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			err := tx.Enqueue(ctx, store.Outbound{PersonID: p.ID, Channel: "sms", Body: "hi"}, t0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		items, _ := s.ClaimOutbox(ctx, []string{"sms"}, t0, time.Minute, 1)
		if err := s.MarkSent(ctx, items[0], "SMabc"); err != nil {
			t.Fatal(err)
		}
		// Callbacks out of order and repeated, as Twilio may deliver them.
		steps := []struct{ status, want string }{
			{"sending", "sending"}, {"delivered", "delivered"}, {"sent", "delivered"}, {"queued", "delivered"},
			{"delivered", "delivered"}, {"failed", "delivered"}, {"read", "read"}, {"sent", "read"},
		}
		for _, st := range steps {
			known, err := s.RecordDelivery(ctx, "sms", "SMabc", st.status, "", t0)
			if err != nil || !known {
				t.Fatalf("record %s: known=%v err=%v", st.status, known, err)
			}
			got, err := s.MessageStatus(ctx, "sms", "SMabc")
			if err != nil || got != st.want {
				t.Fatalf("after %s: status %q (%v), want %q", st.status, got, err, st.want)
			}
		}
		if known, err := s.RecordDelivery(ctx, "sms", "SMunknown", "sent", "", t0); err != nil || known {
			t.Errorf("unknown message: known=%v err=%v", known, err)
		}
		var events int
		s.DB().Get(&events, `SELECT COUNT(*) FROM delivery_events`)
		if events != len(steps)+1 {
			t.Errorf("%d delivery events recorded, want %d", events, len(steps)+1)
		}
	})
}

func TestSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if v, err := s.Setting(ctx, "telegram.offset"); err != nil || v != "" {
			t.Fatalf("unset = %q, %v", v, err)
		}
		for _, v := range []string{"41", "42"} {
			if err := s.SetSetting(ctx, "telegram.offset", v, t0); err != nil {
				t.Fatal(err)
			}
		}
		if v, _ := s.Setting(ctx, "telegram.offset"); v != "42" {
			t.Errorf("setting = %q, want 42", v)
		}
	})
}

// A batch of sends is recorded with each message's own provider id (and none where there is none).
// queueAndClaim queues n messages for a person and claims them.
func queueAndClaim(t *testing.T, s *store.Store, personID string, n int) []store.OutboxItem {
	t.Helper()
	ctx := context.Background()
	for range n {
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			err := tx.Enqueue(ctx, store.Outbound{PersonID: personID, Channel: "sms", Body: "hi"}, t0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	items, err := s.ClaimOutbox(ctx, []string{"sms"}, t0, time.Minute, n+10)
	if err != nil || len(items) != n {
		t.Fatalf("claim: %v %v", items, err)
	}
	return items
}

func TestMarkSentBatchKeepsEachProviderID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		items := queueAndClaim(t, s, p.ID, 3)
		want := map[int64]string{items[0].MessageID: "SMa", items[1].MessageID: "", items[2].MessageID: "SMc"}
		if err := s.MarkSentBatch(ctx, []store.Sent{{Item: items[2], ProviderID: "SMc"}, {Item: items[0], ProviderID: "SMa"},
			{Item: items[1]}}); err != nil {
			t.Fatal(err)
		}
		var rows []struct {
			ID         int64          `db:"id"`
			ProviderID sql.NullString `db:"provider_id"`
			Status     string         `db:"status"`
		}
		if err := s.DB().Select(&rows, `SELECT id, provider_id, status FROM messages WHERE direction = 'out'`); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.ProviderID.String != want[r.ID] || r.ProviderID.Valid != (want[r.ID] != "") || r.Status != "accepted" {
				t.Errorf("message %d: provider id %v, status %s; want %q, accepted", r.ID, r.ProviderID, r.Status, want[r.ID])
			}
		}
		var unsent int
		if err := s.DB().Get(&unsent, `SELECT COUNT(*) FROM outbox`); err != nil || unsent != 0 {
			t.Errorf("%d rows left in the outbox (%v)", unsent, err)
		}
	})
}

func TestMarkSentSurvivesARepeatedProviderID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		items := queueAndClaim(t, s, p.ID, 3)
		// The provider answers the second and third with the same id.
		err := s.MarkSentBatch(ctx, []store.Sent{{Item: items[0], ProviderID: "SM1"}, {Item: items[1], ProviderID: "SM2"},
			{Item: items[2], ProviderID: "SM2"}})
		if err != nil {
			t.Fatalf("MarkSentBatch: %v", err)
		}
		var unsent int
		s.DB().Get(&unsent, `SELECT COUNT(*) FROM outbox`)
		if unsent != 0 {
			t.Errorf("%d messages that went look unsent (they would be sent again)", unsent)
		}
		// A batch of one, whose id repeats an earlier message's.
		last := queueAndClaim(t, s, p.ID, 1)
		if err := s.MarkSentBatch(ctx, []store.Sent{{Item: last[0], ProviderID: "SM1"}}); err != nil {
			t.Fatalf("MarkSentBatch of one: %v", err)
		}
		s.DB().Get(&unsent, `SELECT COUNT(*) FROM outbox`)
		if unsent != 0 {
			t.Errorf("a message sent alone with a repeated id looks unsent (it would be sent again)")
		}
	})
}

// Several dispatchers (loops of one instance, or instances) claim from one outbox at once:
// each message is sent once, and each person's messages strictly in the order queued.
func TestConcurrentClaimersKeepEachPersonsOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const people, each = 30, 5
		for i := range people {
			newPerson(t, s, fmt.Sprintf("p_%02d", i), fmt.Sprintf("+4477009%05d", i))
		}
		// Interleaved, so that one claim holds several people's rows. A person's k-th message
		// says k.
		for k := range each {
			for i := range people {
				pid := fmt.Sprintf("p_%02d", i)
				err := s.InTx(ctx, func(tx *store.Tx) error {
					return tx.Enqueue(ctx, store.Outbound{PersonID: pid, Channel: "sms", Body: fmt.Sprint(k), Author: "bot"}, t0)
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		var mu sync.Mutex
		next := map[string]int{}
		var sent, violations int
		stores := []*store.Store{s, storetest.Reopen(t, s)}
		deadline := time.Now().Add(30 * time.Second)
		var wg sync.WaitGroup
		for w := range 6 {
			wg.Go(func() {
				st := stores[w%len(stores)]
				for time.Now().Before(deadline) {
					mu.Lock()
					done := sent == people*each
					mu.Unlock()
					if done {
						return
					}
					items, err := st.ClaimOutbox(ctx, []string{"sms"}, t0, time.Hour, 7)
					if err != nil {
						t.Error(err)
						return
					}
					for _, it := range items {
						mu.Lock()
						if want := fmt.Sprint(next[it.PersonID]); it.Body != want {
							violations++
							if violations <= 3 {
								t.Errorf("%s: message %s sent when message %s was next", it.PersonID, it.Body, want)
							}
						}
						next[it.PersonID]++
						sent++
						mu.Unlock()
						if err := st.MarkSent(ctx, it, ""); err != nil {
							t.Error(err)
							return
						}
					}
					if len(items) == 0 {
						time.Sleep(time.Millisecond)
					}
				}
			})
		}
		wg.Wait()
		if sent != people*each {
			t.Fatalf("%d messages sent, want %d (each once)", sent, people*each)
		}
		if violations > 0 {
			t.Fatalf("%d messages sent out of their person's order", violations)
		}
	})
}

// A PostgreSQL server with autovacuum off is reported at start-up: the outbox and nudges are
// queues that need it. SQLite needs nothing. (The verdict on each setting is tested inside the
// package; this checks the setting is read.)
func TestMaintenanceProblem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		problem, err := s.MaintenanceProblem(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := false
		if s.Dialect() == store.Postgres {
			var autovacuum string
			if err := s.DB().Get(&autovacuum, `SHOW autovacuum`); err != nil {
				t.Fatal(err)
			}
			want = autovacuum == "off"
		}
		if got := problem != ""; got != want {
			t.Errorf("MaintenanceProblem() = %q; want a problem: %t", problem, want)
		}
	})
}

// A statement the database refuses returns its error, whether it was the one asked for or one
// sent with it (on PostgreSQL a write waits for the next round trip): never a panic.
func TestRefusedStatementsReturnTheirError(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := newPerson(t, s, "p_one", "+447700900001")
		err := s.InTx(ctx, func(tx *store.Tx) error {
			// Text PostgreSQL cannot store (not UTF-8), in the read itself.
			_, err := tx.PersonForUpdate(ctx, "p_\xff")
			return err
		})
		if err == nil || strings.Contains(err.Error(), "panic") {
			t.Errorf("read with an id that is not UTF-8: err = %v; want the database's refusal (SQLite: no rows)", err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			// A score for nobody, then a read: the write's refusal comes back.
			if err := tx.AddScore(ctx, "p_nobody", "sms", "ons4", "1", "baseline", "worthwhile", 7, "high", t0); err != nil {
				return err
			}
			_, err := tx.LockConversation(ctx, p.ID)
			return err
		})
		if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
			t.Errorf("a score for nobody: err = %v; want a foreign key refusal", err)
		}
		var scores int
		if err := s.DB().Get(&scores, `SELECT COUNT(*) FROM assessments`); err != nil || scores != 0 {
			t.Errorf("%d scores stored (%v): the failed transaction left something", scores, err)
		}
	})
}
