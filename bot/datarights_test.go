package bot_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/export"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/flows"
)

// secret is in one resident's messages and in a note about them: after their erasure it must be
// nowhere in the database.
const secret = "Quillfeather"

// say runs a resident's messages through the engine, a minute apart, with unique provider ids.
func say(t *testing.T, e *bot.Engine, clk *clock, channel, from string, texts ...string) string {
	t.Helper()
	var pid string
	for _, text := range texts {
		h, err := e.Handle(context.Background(), bot.Inbound{Channel: channel, Address: from,
			ProviderID: bottest.NewID("in-"), Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		pid = h.PersonID
		clk.Add(time.Minute)
	}
	return pid
}

// journey is a whole first conversation: consent, area, ONS4, needs and suggestions.
var journey = []string{"hello", "YES", "E8 1AA", "7", "6", "5", "4",
	"I'm behind on rent at " + secret + " Court and lonely", "LINK"}

// exports renders every CSV export with the pseudonymous ids blanked, so that two databases
// holding the same counts under different pseudonyms compare equal.
func exports(t *testing.T, s *store.Store) map[string][][]string {
	t.Helper()
	out := map[string][][]string{}
	for _, kind := range export.Kinds {
		var b bytes.Buffer
		if err := export.CSV(context.Background(), s, kind, store.Period{}, &b); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			for i, col := range rows[0] {
				if col == "person_id" || col == "handoff_id" {
					r[i] = "-"
				}
			}
		}
		out[kind] = rows
	}
	return out
}

func TestErasureLeavesNoTraceAndKeepsTotals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		const phone, other = "+447700900321", "+447700900654"
		pid := say(t, e, clk, "sms", phone, journey...)
		keep := say(t, e, clk, "sms", other, "hi", "yes", "Croydon", "8", "8", "8", "2", "lonely")
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		// A delivery report, a link worker's claim, reply, note and outcome, and audit entries.
		if _, err := s.RecordDelivery(ctx, "sms", "SM1", "delivered", "", clk.Now()); err != nil {
			t.Fatal(err)
		}
		h, err := e.Claim(ctx, openHandoff(t, s, pid), bot.Worker{Email: "sam@example.org"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Reply(ctx, pid, bot.Worker{Email: "sam@example.org"}, "Hello from Sam about "+secret); err != nil {
			t.Fatal(err)
		}
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.AddNote(ctx, store.Note{PersonID: pid, Author: "sam@example.org", Body: "Lives at " + secret + " Court, " + phone,
			CreatedAt: clk.Now()}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Close(ctx, h.ID, bot.Worker{Email: "sam@example.org"}, bot.Closing{Outcome: bot.OutcomeDeclined}); err != nil {
			t.Fatal(err)
		}
		if err := s.Audit(ctx, store.AuditEntry{At: clk.Now(), Actor: "sam@example.org", Action: store.AuditViewPerson, Subject: pid}); err != nil {
			t.Fatal(err)
		}
		if hits := storetest.FindText(t, s, phone); len(hits) < 2 {
			t.Fatalf("the test setup should hold the number in identities and a note: %v", hits)
		}
		beforeReport, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		beforeCSV := exports(t, s)

		got, err := s.ErasePerson(ctx, store.Erase{PersonID: pid, NewID: e.NewID, Now: clk.Now(), Actor: "dpo@example.org"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Identities != 1 || got.Messages == 0 || got.Notes != 1 || got.Kept == 0 {
			t.Errorf("erased = %+v", got)
		}

		// No trace: not the number, not a word they wrote, not their pseudonymous id outside the
		// audit log (which records that the erasure happened).
		for _, needle := range []string{phone, secret} {
			if hits := storetest.FindText(t, s, needle); len(hits) > 0 {
				t.Errorf("%q still held in %v", needle, hits)
			}
		}
		for _, hit := range storetest.FindText(t, s, pid) {
			if !strings.HasPrefix(hit, "audit_log.subject ") {
				t.Errorf("the old id is held in %s; only the audit log's subject may name it", hit)
			}
		}
		for table, n := range storetest.RowsOf(t, s, pid) {
			if n != 0 {
				t.Errorf("%s still has %d rows of the erased person", table, n)
			}
		}
		// The other resident is untouched.
		if hits := storetest.FindText(t, s, other); !reflect.DeepEqual(hits, []string{"identities.address (1 rows)"}) {
			t.Errorf("the other resident's number is in %v", hits)
		}
		if rows := storetest.RowsOf(t, s, keep); rows["messages"] == 0 || rows["assessments"] != 4 {
			t.Errorf("the other resident's rows: %v", rows)
		}

		// The same totals, in the report and in every export.
		afterReport, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(beforeReport, afterReport) {
			t.Errorf("report changed by the erasure:\nbefore %+v\nafter  %+v", beforeReport, afterReport)
		}
		if afterCSV := exports(t, s); !reflect.DeepEqual(beforeCSV, afterCSV) {
			t.Errorf("exports changed by the erasure:\nbefore %v\nafter  %v", beforeCSV, afterCSV)
		}

		es, err := s.AuditLog(ctx, store.AuditFilter{Action: store.AuditErase})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 1 || es[0].Subject != pid || es[0].Actor != "dpo@example.org" || !strings.Contains(es[0].Detail, "1 identities") {
			t.Errorf("erasure audit = %+v", es)
		}
		if _, err := s.ErasePerson(ctx, store.Erase{PersonID: pid, NewID: e.NewID, Now: clk.Now()}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("erasing again: %v, want ErrNotFound", err)
		}
		// Writing again is a new first contact, with nothing of before.
		if again := say(t, e, clk, "sms", phone, "hi"); again == pid {
			t.Errorf("the erased person came back under the same id")
		}
	})
}

// openHandoff returns the person's open handoff's id.
func openHandoff(t *testing.T, s *store.Store, pid string) string {
	t.Helper()
	hs, err := s.PersonHandoffs(context.Background(), pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.Status != "closed" {
			return h.ID
		}
	}
	t.Fatalf("no open handoff for %s", pid)
	return ""
}

func TestForgetByMessage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		hk := &bot.Housekeeper{Store: s, Log: quiet, Now: clk.Now, NewID: e.NewID}
		const phone = "+447700900777"
		pid := say(t, e, clk, "sms", phone, journey...)
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		say(t, e, clk, "sms", phone, "FORGET")
		if n := count(t, s, `SELECT COUNT(*) FROM people WHERE erase_requested_at IS NOT NULL`); n != 0 {
			t.Fatal("FORGET acted before it was confirmed")
		}
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		sentBefore := len(rec.texts())
		say(t, e, clk, "sms", phone, "YES")
		if n := count(t, s, `SELECT COUNT(*) FROM nudges WHERE person_id = ? AND status = 'pending'`, pid); n != 0 {
			t.Errorf("%d nudges still pending after the request", n)
		}
		// Not yet: the confirmation has not gone.
		if r, err := hk.RunOnce(ctx); err != nil || len(r.Erased) != 0 {
			t.Fatalf("erased before the confirmation was sent: %+v, %v", r, err)
		}
		// A message in between gets no answer (it is not a crisis).
		say(t, e, clk, "sms", phone, "hello?")
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		sent := rec.texts()[sentBefore:]
		if len(sent) != 1 || !strings.Contains(sent[0], "being deleted") {
			t.Fatalf("after YES, sent %q; want the one confirmation", sent)
		}
		r, err := hk.RunOnce(ctx)
		if err != nil || len(r.Erased) != 1 || r.Erased[0].PersonID != pid {
			t.Fatalf("housekeeping = %+v, %v", r, err)
		}
		for _, needle := range []string{phone, secret, "hello?"} {
			if hits := storetest.FindText(t, s, needle); len(hits) > 0 {
				t.Errorf("%q still held in %v", needle, hits)
			}
		}
		// Their LINK handoff was still open: it is closed, as nobody can be contacted now.
		if n := count(t, s, `SELECT COUNT(*) FROM handoffs WHERE outcome = ? AND status = 'closed'`, store.ErasedOutcome); n != 1 {
			t.Errorf("%d handoffs closed as erased, want 1", n)
		}
		es, _ := s.AuditLog(ctx, store.AuditFilter{Action: store.AuditErase, Subject: pid})
		if len(es) != 1 || es[0].Actor != "resident" {
			t.Errorf("audit = %+v", es)
		}
		// Nothing else ever goes: no nudge comes due, no outbox row is left.
		clk.Add(60 * 24 * time.Hour)
		if n := count(t, s, `SELECT COUNT(*) FROM nudges WHERE status = 'pending'`); n != 0 {
			t.Errorf("%d nudges pending", n)
		}
		if n, err := d.RunOnce(ctx); err != nil || n != 0 {
			t.Errorf("dispatcher sent %d after the erasure (%v)", n, err)
		}
	})
}

func TestForgetHeldByCrisis(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec}, quiet, clk.Now)
		hk := &bot.Housekeeper{Store: s, Log: quiet, Now: clk.Now, NewID: e.NewID}
		pid := say(t, e, clk, "sms", "+447700900778", "hi", "FORGET", "YES", "I want to end my life")
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rec.texts(), "\n"); !strings.Contains(got, "116 123") {
			t.Errorf("a crisis message after FORGET got no crisis routes: %q", got)
		}
		if r, _ := hk.RunOnce(ctx); len(r.Erased) != 0 {
			t.Errorf("erased while an urgent handoff is open")
		}
		h := openHandoff(t, s, pid)
		if _, err := e.Claim(ctx, h, bot.Worker{Email: "sam@example.org"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Close(ctx, h, bot.Worker{Email: "sam@example.org"}, bot.Closing{Outcome: bot.OutcomeNotContacted}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.RunOnce(ctx); err != nil { // the "link worker has joined" note is cancelled at send time
			t.Fatal(err)
		}
		if r, _ := hk.RunOnce(ctx); len(r.Erased) != 1 {
			t.Errorf("not erased once the handoff was closed: %+v", r)
		}
	})
}

func TestConsentLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		yes := say(t, e, clk, "telegram", "555000111", "/start", "yes", "SKIP", "1", "LINK")
		no := say(t, e, clk, "sms", "+447700900779", "hi", "no", "yes")
		type entry struct {
			purpose, channel string
			given            bool
		}
		ledger := func(pid string) []entry {
			cs, err := s.Consents(ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			var out []entry
			for _, c := range cs {
				if c.NoticeVersion != flows.PrivacyNoticeVersion || c.At.IsZero() {
					t.Errorf("consent record %+v lacks the notice version or time", c)
				}
				out = append(out, entry{c.Purpose, c.Channel, c.Given})
			}
			return out
		}
		if got, want := ledger(yes), []entry{{store.PurposeStoreAnswers, "telegram", true}, {store.PurposeShareWithLinkWorker, "telegram", true}}; !reflect.DeepEqual(got, want) {
			t.Errorf("ledger = %v, want %v", got, want)
		}
		if got, want := ledger(no), []entry{{store.PurposeStoreAnswers, "sms", false}, {store.PurposeStoreAnswers, "sms", true}}; !reflect.DeepEqual(got, want) {
			t.Errorf("ledger after no, then yes = %v, want %v", got, want)
		}
	})
}

// TestNothingStoredBeforeConsentAnyTable sends answers to every question before consenting and
// after declining, and checks every table that holds a person's rows: only the conversation
// itself (person, identity, state, messages and their outbox), and the "no" in the consent
// ledger, may be there.
func TestNothingStoredBeforeConsentAnyTable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		pid := say(t, e, clk, "sms", "+447700900780", "hi", "E1 6AN", "7", "rent and lonely", "15",
			"no", "E1 6AN", "7", "rent and lonely", "MENU", "MORE", "LANGUAGE")
		allowed := map[string]bool{"people": true, "identities": true, "conversations": true, "messages": true, "outbox": true, "consents": true}
		for table, n := range storetest.RowsOf(t, s, pid) {
			if n > 0 && !allowed[table] {
				t.Errorf("%s holds %d rows for a person who has not consented", table, n)
			}
		}
		if n := count(t, s, `SELECT COUNT(*) FROM consents WHERE given`); n != 0 {
			t.Errorf("%d consents given", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM people WHERE area <> '' OR borough <> '' OR age <> 0 OR age_group <> 'unknown'`); n != 0 {
			t.Errorf("answers stored on the person without consent")
		}
		var data string
		if err := s.DB().Get(&data, s.DB().Rebind(`SELECT data FROM conversations WHERE person_id = ?`), pid); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(data, "housing") || strings.Contains(data, "loneliness") || strings.Contains(data, "needs") {
			t.Errorf("conversation state holds answers: %s", data)
		}
	})
}

// TestMinimisation: phone numbers and Telegram chat ids live in identities only, and the logs
// at info level hold none.
func TestMinimisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		var logs bytes.Buffer
		log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		e.Log = log
		rec := &recorder{}
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": rec, "telegram": rec}, log, clk.Now)
		const phone, chat = "+447700900781", "987654321987"
		say(t, e, clk, "sms", phone, journey...)
		say(t, e, clk, "sms", phone, "I want to end my life", "STOP")
		say(t, e, clk, "telegram", chat, "/start", "yes", "Hackney", "young", "15", "5", "6", "4", "7", "exams")
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RecordDelivery(ctx, "sms", "SM1", "delivered", "", clk.Now()); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{phone, strings.TrimPrefix(phone, "+"), chat} {
			if hits := storetest.FindText(t, s, id); !reflect.DeepEqual(hits, []string{"identities.address (1 rows)"}) {
				t.Errorf("%s is held in %v, want identities only", id, hits)
			}
			if strings.Contains(logs.String(), id) {
				t.Errorf("the log holds %s", id)
			}
		}
		if !strings.Contains(logs.String(), "inbound handled") {
			t.Fatalf("the log was not captured: %s", logs.String())
		}
	})
}

func TestRetentionPurge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2025, 10, 1, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		old := say(t, e, clk, "sms", "+447700900782", journey...)
		if err := s.AddNote(ctx, store.Note{PersonID: old, Author: "sam@example.org", Body: "about " + secret, CreatedAt: clk.Now()}); err != nil {
			t.Fatal(err)
		}
		clk.Add(12*30*24*time.Hour + 10*24*time.Hour) // about 12 months and 5 days later
		recent := say(t, e, clk, "sms", "+447700900783", "hello", "yes", "SKIP", "7", "7", "7", "7", "lonely at "+secret)
		d := bot.NewDispatcher(s, map[string]bot.Sender{"sms": &recorder{}}, quiet, clk.Now)
		if _, err := d.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		messages := count(t, s, `SELECT COUNT(*) FROM messages`)
		before, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		hk := &bot.Housekeeper{Store: s, Retention: 8760 * time.Hour, Log: quiet, Now: clk.Now, NewID: e.NewID}
		r, err := hk.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.Purged.Notes != 1 || r.Purged.Messages == 0 {
			t.Errorf("purged %+v", r.Purged)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM messages WHERE person_id = ? AND body <> ?`, old, store.RemovedText); n != 0 {
			t.Errorf("%d of the old person's messages keep their text", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM messages WHERE person_id = ? AND body = ?`, recent, store.RemovedText); n != 0 {
			t.Errorf("%d of the recent person's messages were purged", n)
		}
		if hits := storetest.FindText(t, s, secret); !reflect.DeepEqual(hits, []string{"messages.body (1 rows)"}) {
			t.Errorf("%q held in %v, want only the recent person's message", secret, hits)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM messages`); n != messages {
			t.Errorf("%d messages after the purge, want %d: rows are kept", n, messages)
		}
		after, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(before, after) {
			t.Errorf("report changed by the purge")
		}
		if r, _ := hk.RunOnce(ctx); r.Purged != (store.Purged{}) {
			t.Errorf("a second run purged %+v again", r.Purged)
		}
	})
}

// TestSubjectAccessComplete checks that the export holds every row of every table that holds
// the person's rows, so a table added later without a place in the export fails here.
func TestSubjectAccessComplete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		const phone = "+447700900784"
		pid := say(t, e, clk, "sms", phone, journey...)
		if err := s.AddNote(ctx, store.Note{PersonID: pid, Author: "sam@example.org", Body: "called back", CreatedAt: clk.Now()}); err != nil {
			t.Fatal(err)
		}
		if err := s.Audit(ctx, store.AuditEntry{At: clk.Now(), Actor: "sam@example.org", Action: store.AuditViewPerson, Subject: pid}); err != nil {
			t.Fatal(err)
		}
		sa, err := s.SubjectAccessReport(ctx, pid, clk.Now())
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(sa)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		length := func(key string) int {
			var list []json.RawMessage
			if err := json.Unmarshal(doc[key], &list); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			return len(list)
		}
		// Each table holding the person's rows, and where the export shows them.
		section := map[string]string{"identities": "identities", "consents": "consents", "messages": "messages",
			"assessments": "assessments", "needs": "needs", "referrals": "referrals", "handoffs": "handoffs",
			"notes": "notes", "nudges": "nudges"}
		for table, n := range storetest.RowsOf(t, s, pid) {
			switch table {
			case "people":
				if !strings.Contains(string(doc["person"]), pid) {
					t.Errorf("person section lacks the id")
				}
			case "conversations":
				if !strings.Contains(string(doc["conversation"]), `"state"`) {
					t.Errorf("conversation section = %s", doc["conversation"])
				}
			case "outbox":
				// The delivery queue of the messages already listed: nothing of its own.
			default:
				key, ok := section[table]
				if !ok {
					t.Errorf("table %s holds %d rows of the person and has no place in the subject access export", table, n)
					continue
				}
				if got := length(key); got != n {
					t.Errorf("%s: %d in the export, %d in the database", key, got, n)
				}
				if n == 0 && table != "notes" {
					t.Errorf("the journey left no %s: the test should cover them", table)
				}
			}
		}
		for _, want := range []string{phone, secret, "called back", store.PurposeStoreAnswers, store.AuditViewPerson, "ons4"} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("export lacks %q", want)
			}
		}
		if _, err := s.SubjectAccessReport(ctx, "p_nobody", clk.Now()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown person: %v", err)
		}
	})
}
