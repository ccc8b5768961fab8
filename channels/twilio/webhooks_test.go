package twilio_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/twilio"
)

// TestWebhookAuthentication checks that only a form Twilio signed, for our public URL and our
// account, gets past the door, and that nothing at all is stored otherwise.
func TestWebhookAuthentication(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s)
		inbound := func(sid string) url.Values {
			return channeltest.InboundSMS(sid, "+447700900100", ourNumber, "hello", accountSID)
		}
		status := func(sid string) url.Values {
			return channeltest.StatusCallback(sid, "delivered", "", accountSID, "+447700900100", ourNumber)
		}
		sign := func(token, u string) func(url.Values) string {
			return func(f url.Values) string { return channeltest.SignTwilio(t, token, u, f) }
		}
		public := func(path string) func(url.Values) string { return sign(h.fake.AuthToken, publicURL+path) }
		cases := []struct {
			name   string
			path   string
			form   url.Values
			sign   func(url.Values) string
			tamper func(url.Values) // applied after signing
			want   int
		}{
			{name: "missing signature", path: twilio.InboundPath, form: inbound("SMa1"),
				sign: func(url.Values) string { return "" }, want: http.StatusForbidden},
			{name: "garbage signature", path: twilio.InboundPath, form: inbound("SMa2"),
				sign: func(url.Values) string { return "bm90IGEgc2lnbmF0dXJl" }, want: http.StatusForbidden},
			{name: "signed with another auth token", path: twilio.InboundPath, form: inbound("SMa3"),
				sign: sign("0123456789abcdef0123456789abcdef", publicURL+twilio.InboundPath), want: http.StatusForbidden},
			{name: "signed for the internal URL, not the public one", path: twilio.InboundPath, form: inbound("SMa4"),
				sign: func(f url.Values) string {
					return channeltest.SignTwilio(t, h.fake.AuthToken, h.srv.URL+twilio.InboundPath, f)
				},
				want: http.StatusForbidden},
			{name: "signed for the status route, replayed on inbound", path: twilio.InboundPath, form: inbound("SMa5"),
				sign: public(twilio.StatusPath), want: http.StatusForbidden},
			{name: "body changed after signing", path: twilio.InboundPath, form: inbound("SMa6"), sign: public(twilio.InboundPath),
				tamper: func(f url.Values) { f.Set("Body", "STOP") }, want: http.StatusForbidden},
			{name: "parameter added after signing", path: twilio.InboundPath, form: inbound("SMa7"), sign: public(twilio.InboundPath),
				tamper: func(f url.Values) { f.Set("OptOutType", "STOP") }, want: http.StatusForbidden},
			{name: "another account, correctly signed", path: twilio.InboundPath,
				form: channeltest.InboundSMS("SMa8", "+447700900100", ourNumber, "hello", "ACffffffffffffffffffffffffffffffff"),
				sign: public(twilio.InboundPath), want: http.StatusForbidden},
			{name: "no MessageSid", path: twilio.InboundPath, form: without(inbound("SMa9"), "MessageSid"),
				sign: public(twilio.InboundPath), want: http.StatusBadRequest},
			{name: "no From", path: twilio.InboundPath, form: without(inbound("SMa10"), "From"),
				sign: public(twilio.InboundPath), want: http.StatusBadRequest},
			{name: "From is a WhatsApp address", path: twilio.InboundPath,
				form: channeltest.InboundSMS("SMa11", "whatsapp:+447700900100", ourNumber, "hello", accountSID),
				sign: public(twilio.InboundPath), want: http.StatusBadRequest},
			{name: "status: missing signature", path: twilio.StatusPath, form: status("SMb1"),
				sign: func(url.Values) string { return "" }, want: http.StatusForbidden},
			{name: "status: signed for the inbound route", path: twilio.StatusPath, form: status("SMb2"),
				sign: public(twilio.InboundPath), want: http.StatusForbidden},
			{name: "status: another account", path: twilio.StatusPath,
				form: channeltest.StatusCallback("SMb3", "failed", "21610", "ACffffffffffffffffffffffffffffffff", "+447700900100", ourNumber),
				sign: public(twilio.StatusPath), want: http.StatusForbidden},
			{name: "status: no MessageStatus", path: twilio.StatusPath, form: without(status("SMb4"), "MessageStatus"),
				sign: public(twilio.StatusPath), want: http.StatusBadRequest},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				sig := tc.sign(tc.form)
				if tc.tamper != nil {
					tc.tamper(tc.form)
				}
				got, _, _ := h.post(tc.path, tc.form, sig)
				if got != tc.want {
					t.Errorf("status %d, want %d", got, tc.want)
				}
				for _, table := range []string{"people", "identities", "messages", "outbox", "delivery_events"} {
					if n := h.count(`SELECT COUNT(*) FROM ` + table); n != 0 {
						t.Errorf("%d rows in %s after a rejected webhook", n, table)
					}
				}
			})
		}

		t.Run("signed for the public URL behind a proxy", func(t *testing.T) {
			form := inbound("SMok1")
			code, body, hdr := h.post(twilio.InboundPath, form, channeltest.SignTwilio(t, h.fake.AuthToken, publicURL+twilio.InboundPath, form))
			if code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			if want := `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`; body != want {
				t.Errorf("body %q, want the empty TwiML %q", body, want)
			}
			if ct := hdr.Get("Content-Type"); ct != "text/xml" {
				t.Errorf("Content-Type %q, want text/xml", ct)
			}
			if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
				t.Errorf("%d inbound messages stored, want 1", n)
			}
		})
		t.Run("public URL with the default port written out", func(t *testing.T) {
			// Twilio is inconsistent about :443 in what it signs; both forms must pass.
			form := inbound("SMok2")
			sig := channeltest.SignTwilio(t, h.fake.AuthToken, "https://signpost.example.org:443"+twilio.InboundPath, form)
			if code, _, _ := h.post(twilio.InboundPath, form, sig); code != http.StatusOK {
				t.Errorf("status %d, want 200", code)
			}
		})
	})
}

func without(f url.Values, key string) url.Values {
	f.Del(key)
	return f
}

// TestPublicURLWithPrefix checks the URL Twilio signs when the service sits under a path on
// the public host, and that the status callback asked for is under it too.
func TestPublicURLWithPrefix(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	const prefix = "https://nhs.example.org/signpost/"
	h := newHarness(t, s, func(c *twilio.Config) { c.PublicURL = mustURL(t, prefix) })
	form := channeltest.InboundSMS("SMp1", "+447700900101", ourNumber, "hello", accountSID)
	sig := channeltest.SignTwilio(t, h.fake.AuthToken, "https://nhs.example.org/signpost"+twilio.InboundPath, form)
	if code, _, _ := h.post(twilio.InboundPath, form, sig); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	h.dispatch()
	for _, m := range h.fake.Messages() {
		if want := "https://nhs.example.org/signpost" + twilio.StatusPath; m.StatusCallback != want {
			t.Errorf("StatusCallback %q, want %q", m.StatusCallback, want)
		}
	}
}

// TestDuplicateDeliveries: Twilio retries a webhook it thinks failed, and a replay is the
// same bytes. Either way one MessageSid is handled once and answered once.
func TestDuplicateDeliveries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s)
		const once, twice, many = "+447700900110", "+447700900111", "+447700900112"
		h.text("SMonce", once, "hello")
		replies := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
		if replies == 0 {
			t.Fatal("first contact queued no reply")
		}

		h.text("SMtwice", twice, "hello")
		h.text("SMtwice", twice, "hello")

		form := channeltest.InboundSMS("SMmany", many, ourNumber, "hello", accountSID)
		sig := channeltest.SignTwilio(t, h.fake.AuthToken, publicURL+twilio.InboundPath, form)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if code, _, _ := h.post(twilio.InboundPath, form, sig); code != http.StatusOK {
					t.Errorf("concurrent delivery: status %d", code)
				}
			})
		}
		wg.Wait()

		h.dispatch()
		for _, number := range []string{once, twice, many} {
			if got := len(h.to(number)); got != replies {
				t.Errorf("%s: %d messages at Twilio, want %d (one delivery's replies)", twilio.MaskNumber(number), got, replies)
			}
		}
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 3 {
			t.Errorf("%d inbound messages stored, want 3", n)
		}
	})
}

// TestRepliesGoThroughTheRESTAPI checks what the dispatcher sends, for both kinds of sender.
func TestRepliesGoThroughTheRESTAPI(t *testing.T) {
	cases := []struct {
		name        string
		from, msSID string
	}{
		{name: "phone number", from: ourNumber},
		{name: "messaging service", msSID: "MG0123456789abcdef0123456789abcdef"},
		{name: "number within a messaging service", from: ourNumber, msSID: "MG0123456789abcdef0123456789abcdef"},
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				h := newHarness(t, s, func(c *twilio.Config) { c.From, c.MessagingServiceSID = tc.from, tc.msSID })
				from := fmt.Sprintf("+44770090020%d", i)
				h.text(fmt.Sprintf("SMr%d", i), from, "hello")
				h.dispatch()
				got := h.to(from)
				if len(got) == 0 {
					t.Fatal("no reply reached Twilio")
				}
				welcome := strings.SplitN(h.content.Text("en", "welcome"), ".", 2)[0]
				if !strings.HasPrefix(got[0].Body, welcome) || !strings.Contains(got[0].Body, h.content.Text("en", "stop_hint.sms")) {
					t.Errorf("first reply %q is not the SMS welcome", got[0].Body)
				}
				for _, m := range got {
					if m.From != tc.from || m.MessagingServiceSid != tc.msSID {
						t.Errorf("sender From=%q MessagingServiceSid=%q, want %q %q", m.From, m.MessagingServiceSid, tc.from, tc.msSID)
					}
					if want := publicURL + twilio.StatusPath; m.StatusCallback != want {
						t.Errorf("StatusCallback %q, want %q", m.StatusCallback, want)
					}
					st, err := s.MessageStatus(context.Background(), "sms", m.Sid)
					if err != nil || st != "accepted" {
						t.Errorf("message %s: status %q, %v; want accepted", m.Sid, st, err)
					}
				}
				if n := h.count(`SELECT COUNT(*) FROM outbox o JOIN identities i ON i.person_id = o.person_id
					WHERE i.address = ?`, from); n != 0 {
					t.Errorf("%d outbox rows not sent", n)
				}
			})
		}
	})
}

// TestStatusCallbacks: callbacks repeat and arrive out of order; a message's status only
// moves forward and a final status stays final. Unknown SIDs are acknowledged.
func TestStatusCallbacks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := newHarness(t, s)
		const resident = "+447700900300"
		h.text("SMs1", resident, "hello")
		h.dispatch()
		sent := h.to(resident)
		if len(sent) < 2 {
			t.Fatalf("%d messages sent, want at least 2", len(sent))
		}
		first, second := sent[0].Sid, sent[1].Sid
		steps := []struct {
			name        string
			sid, status string
			code        string
			want        string
		}{
			{"queued repeats accepted's rank", first, "queued", "", "accepted"},
			{"sent", first, "sent", "", "sent"},
			{"delivered", first, "delivered", "", "delivered"},
			{"late sent does not undo delivered", first, "sent", "", "delivered"},
			{"late queued neither", first, "queued", "", "delivered"},
			{"delivered repeated", first, "delivered", "", "delivered"},
			{"failed after delivered is ignored", first, "failed", "30008", "delivered"},
			{"undelivered to a landline", second, "undelivered", "30006", "undelivered"},
			{"sent after undelivered is ignored", second, "sent", "", "undelivered"},
		}
		for _, st := range steps {
			t.Run(st.name, func(t *testing.T) {
				form := channeltest.StatusCallback(st.sid, st.status, st.code, accountSID, resident, ourNumber)
				if code := h.signed(twilio.StatusPath, form); code != http.StatusOK {
					t.Fatalf("status %d, want 200", code)
				}
				got, err := s.MessageStatus(ctx, "sms", st.sid)
				if err != nil {
					t.Fatal(err)
				}
				if got != st.want {
					t.Errorf("status %q, want %q", got, st.want)
				}
			})
		}
		if h.optedOut(resident) {
			t.Error("a landline failure (30006) opted the person out")
		}
		if n := h.count(`SELECT COUNT(*) FROM delivery_events`); n != len(steps) {
			t.Errorf("%d delivery events kept, want %d (every callback)", n, len(steps))
		}

		t.Run("unknown message is acknowledged", func(t *testing.T) {
			form := channeltest.StatusCallback("SM00000000000000000000000000000000", "delivered", "", accountSID, resident, ourNumber)
			if code := h.signed(twilio.StatusPath, form); code != http.StatusOK {
				t.Errorf("status %d, want 200 so that Twilio stops retrying", code)
			}
		})
		t.Run("21610 in a callback opts the person out", func(t *testing.T) {
			const other = "+447700900301"
			h.text("SMs2", other, "hello")
			h.dispatch()
			m := h.to(other)[0]
			form := channeltest.StatusCallback(m.Sid, "failed", "21610", accountSID, other, ourNumber)
			if code := h.signed(twilio.StatusPath, form); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			if !h.optedOut(other) {
				t.Error("person not opted out after 21610")
			}
			if h.optedOut(resident) {
				t.Error("another person opted out")
			}
		})
	})
}

// TestInboundVariants covers forms other than a plain text message.
func TestInboundVariants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s)
		t.Run("picture without text", func(t *testing.T) {
			const from = "+447700900400"
			form := channeltest.InboundSMS("MMm1", from, ourNumber, "", accountSID)
			form.Set("NumMedia", "1")
			form.Set("MediaContentType0", "image/jpeg")
			form.Set("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/"+accountSID+"/Messages/MMm1/Media/ME1")
			if code := h.signed(twilio.InboundPath, form); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			if n := h.count(`SELECT COUNT(*) FROM messages WHERE body LIKE '%twilio.com%'`); n != 0 {
				t.Error("the media URL was stored")
			}
			if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in' AND provider_id = 'MMm1'`); n != 1 {
				t.Errorf("media message not recorded once (%d)", n)
			}
		})
		t.Run("Advanced Opt-Out keyword in another language", func(t *testing.T) {
			const from = "+447700900401"
			h.text("SMo1", from, "hello")
			form := channeltest.InboundSMS("SMo2", from, ourNumber, "Arrêt", accountSID)
			form.Set("OptOutType", "STOP")
			if code := h.signed(twilio.InboundPath, form); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			if !h.optedOut(from) {
				t.Error("Twilio's OptOutType=STOP did not opt the person out")
			}
		})
	})
}

// TestStopRacesQueuedMessages: replies are queued, then STOP commits before the dispatcher
// runs. Only the STOP confirmation may go out.
func TestStopRacesQueuedMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s)
		const from = "+447700900500"
		h.text("SMq1", from, "hello")
		h.text("SMq2", from, "YES")
		if n := h.count(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`); n < 2 {
			t.Fatalf("%d messages queued, want several", n)
		}
		h.text("SMq3", from, "STOP")
		h.dispatch()
		got := h.to(from)
		if len(got) != 1 || got[0].Body != h.content.Text("en", "stopped") {
			var bodies []string
			for _, m := range got {
				bodies = append(bodies, m.Body)
			}
			t.Fatalf("sent %q, want only the STOP confirmation", bodies)
		}
		h.text("SMq4", from, "what now?")
		h.clk.Add(time.Hour)
		h.dispatch()
		if n := len(h.to(from)); n != 1 {
			t.Errorf("%d messages sent in all, want 1: nothing after the opt-out", n)
		}
	})
}

// TestLogsKeepSecrets runs a conversation with failures through everything that logs, at
// info level, and checks that no phone number, auth token or message text is written.
func TestLogsKeepSecrets(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	var buf syncBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h := newHarnessLog(t, s, log)
	const from, secret = "+447700900555", "my landlord changed the locks"
	h.text("SMl1", from, "hello")
	h.fake.FailNext(400, 21211, 1)
	h.fake.FailNext(429, 20429, 1)
	h.dispatch()
	h.text("SMl2", from, "YES")
	h.text("SMl3", from, secret)
	h.clk.Add(time.Hour)
	h.dispatch()
	m := h.to(from)[0]
	h.signed(twilio.StatusPath, channeltest.StatusCallback(m.Sid, "failed", "21610", accountSID, from, ourNumber))
	h.post(twilio.InboundPath, channeltest.InboundSMS("SMl4", from, ourNumber, secret, accountSID), "bad")

	out := buf.String()
	if out == "" {
		t.Fatal("nothing was logged: the test proves nothing")
	}
	for _, bad := range []string{from, strings.TrimPrefix(from, "+"), h.fake.AuthToken, secret, h.content.Text("en", "consent.ask")} {
		if strings.Contains(out, bad) {
			t.Errorf("the log contains %q:\n%s", bad, out)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
