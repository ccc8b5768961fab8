package twilio_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/twilio"
	"github.com/signpost-nhs/signpost/flows"
)

// TestDispatchErrors drives the dispatcher into Twilio's errors and checks what becomes of the
// messages: retried later and delivered, failed for good, or the person marked stopped.
func TestDispatchErrors(t *testing.T) {
	cases := []struct {
		name         string
		status, code int
		retried      bool // delivered once the clock has moved on
		stopped      bool
	}{
		{name: "21610 recipient replied STOP", status: 400, code: 21610, stopped: true},
		{name: "20429 too many requests", status: 429, code: 20429, retried: true},
		{name: "500 Twilio internal error", status: 500, code: 20500, retried: true},
		{name: "503 service unavailable", status: 503, code: 20503, retried: true},
		{name: "21611 sender queue full", status: 400, code: 21611, retried: true},
		{name: "401 credentials (fixed by the operator)", status: 401, code: 20003, retried: true},
		{name: "30006 landline", status: 400, code: 30006},
		{name: "21211 invalid To number", status: 400, code: 21211},
		{name: "21614 not a mobile number", status: 400, code: 21614},
		{name: "21408 region not enabled", status: 400, code: 21408},
		{name: "21617 body too long", status: 400, code: 21617},
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s)
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				from := fmt.Sprintf("+4477009006%02d", i)
				h.text(fmt.Sprintf("SMe%d", i), from, "hello")
				queued := h.count(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`)
				if queued < 2 {
					t.Fatalf("%d replies queued, want the welcome and the consent question", queued)
				}
				// Only the person's first message fails: their later ones must wait for it (a
				// retry), be dropped (stopped), or go on (a permanent failure of that one message).
				rejectedBefore := len(h.fake.Rejected())
				h.fake.FailNext(tc.status, tc.code, 1)
				h.dispatch()
				if n := len(h.fake.Rejected()) - rejectedBefore; n != 1 {
					t.Fatalf("%d requests rejected, want 1", n)
				}
				pending := h.count(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`)
				failed := h.count(`SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error LIKE ?`, "%"+fmt.Sprint(tc.code))
				delivered := len(h.to(from))
				switch {
				case tc.retried && (pending != queued || delivered != 0):
					t.Errorf("retryable: %d pending, %d delivered; want all %d held, none delivered", pending, delivered, queued)
				case tc.stopped && (failed != 1 || delivered != 0 || pending != 0):
					t.Errorf("stopped: %d failed, %d delivered, %d pending; want 1, 0, 0", failed, delivered, pending)
				case !tc.retried && !tc.stopped && (failed != 1 || delivered != queued-1):
					t.Errorf("permanent: %d failed with %d, %d delivered; want 1 and %d", failed, tc.code, delivered, queued-1)
				}
				if got := h.optedOut(from); got != tc.stopped {
					t.Errorf("opted out = %t, want %t", got, tc.stopped)
				}

				// Well past any backoff: only retryable messages are sent again, in order.
				rejected := len(h.fake.Rejected())
				h.clk.Add(time.Hour)
				h.dispatch()
				got := h.to(from)
				switch {
				case tc.retried:
					if len(got) != queued {
						t.Fatalf("%d messages delivered on retry, want %d", len(got), queued)
					}
					if !strings.Contains(got[0].Body, "Signpost") || !strings.Contains(got[1].Body, "YES") {
						t.Errorf("retried messages out of order: %q then %q", got[0].Body, got[1].Body)
					}
				case len(got) != delivered || len(h.fake.Rejected()) != rejected:
					t.Errorf("a failed message was sent again")
				}
				if n := h.count(`SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')`); n != 0 {
					t.Errorf("%d messages still queued", n)
				}
			})
		}
	})
}

// TestSendErrorValues checks the SendError Send returns, without a dispatcher.
func TestSendErrorValues(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	h := newHarness(t, s)
	out := bot.Outgoing{OutboxID: 1, PersonID: "p_1", Channel: "sms", Address: "+447700900700", Text: "hello", Attempt: 1}
	t.Run("21610 is stopped", func(t *testing.T) {
		h.fake.FailNext(400, 21610, 1)
		_, err := h.ch.Send(context.Background(), out)
		var se *bot.SendError
		if !errors.As(err, &se) || !se.Stopped || se.Retryable || se.Code != "21610" {
			t.Fatalf("err = %#v, want stopped 21610", err)
		}
		if strings.Contains(err.Error(), out.Address) || strings.Contains(err.Error(), "Injected") {
			t.Errorf("error text %q carries Twilio's message (it can quote the number)", err)
		}
	})
	t.Run("unreachable API is a retryable network error", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		h2 := newHarness(t, s, func(c *twilio.Config) { c.APIURL = mustURL(t, "http://"+addr) })
		_, err = h2.ch.Send(context.Background(), out)
		var se *bot.SendError
		if !errors.As(err, &se) || !se.Retryable || se.Code != "network" {
			t.Fatalf("err = %v, want retryable network", err)
		}
	})
	t.Run("cancelled context is retryable and sends nothing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		before := len(h.fake.Messages())
		_, err := h.ch.Send(ctx, out)
		var se *bot.SendError
		if !errors.As(err, &se) || !se.Retryable {
			t.Fatalf("err = %v, want retryable", err)
		}
		if len(h.fake.Messages()) != before {
			t.Error("a message was sent under a cancelled context")
		}
	})
	t.Run("wrong auth token is answered 401 by the fake", func(t *testing.T) {
		h2 := newHarness(t, s, func(c *twilio.Config) { c.AuthToken = "wrongtoken0123456789" })
		_, err := h2.ch.Send(context.Background(), out)
		var se *bot.SendError
		if !errors.As(err, &se) || se.Code != "20003" {
			t.Fatalf("err = %v, want 20003", err)
		}
	})
}

// TestLongBodySplit: Twilio refuses bodies over 1,600 characters (21617), so a longer reply
// goes as several messages, in order, cut between words.
func TestLongBodySplit(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	h := newHarness(t, s)
	var b strings.Builder
	for i := 0; b.Len() < 4000; i++ {
		fmt.Fprintf(&b, "Service %d: Hackney Community Advice, Mare Street, open weekdays 9 to 5, call 020 7946 %04d. ", i, i)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	text := b.String()
	opts := []flows.Option{{Label: "More"}, {Label: "Ask a link worker"}}
	out := bot.Outgoing{OutboxID: 42, PersonID: "p_1", Channel: "sms", Address: "+447700900800", Text: text, Options: opts, Attempt: 1}
	sid, err := h.ch.Send(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	got := h.fake.Messages()
	if len(got) < 3 {
		t.Fatalf("%d messages, want at least 3", len(got))
	}
	if sid != got[0].Sid {
		t.Errorf("Send returned %q, want the first part's SID %q", sid, got[0].Sid)
	}
	var bodies []string
	for i, m := range got {
		if n := len(utf16.Encode([]rune(m.Body))); n > twilio.MaxBody {
			t.Errorf("part %d has %d characters", i, n)
		}
		bodies = append(bodies, m.Body)
	}
	// A word cut in two would be two words here.
	whole := text + "\n1. More\n2. Ask a link worker"
	if g, w := strings.Fields(strings.Join(bodies, " ")), strings.Fields(whole); strings.Join(g, " ") != strings.Join(w, " ") {
		t.Errorf("parts do not reassemble into the message word for word")
	}
	if !strings.HasSuffix(bodies[len(bodies)-1], "2. Ask a link worker") {
		t.Errorf("the choices are not at the end of the last part")
	}
}

// TestLongBodyResumes: when part two of a long message fails and the dispatcher retries, part
// one is not sent again.
func TestLongBodyResumes(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	var calls atomic.Int32
	base := channeltest.LocalOnly(t, nil)
	flaky := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if calls.Add(1) == 2 {
			return nil, errors.New("connection reset by peer")
		}
		return base.RoundTrip(r)
	})
	h := newHarness(t, s, func(c *twilio.Config) { c.Transport = flaky })
	text := strings.Repeat("word ", 700) // 3,500 characters: three parts
	out := bot.Outgoing{OutboxID: 7, Address: "+447700900801", Text: text, Attempt: 1}
	_, err := h.ch.Send(context.Background(), out)
	var se *bot.SendError
	if !errors.As(err, &se) || !se.Retryable {
		t.Fatalf("err = %v, want retryable", err)
	}
	out.Attempt = 2
	sid, err := h.ch.Send(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	got := h.fake.Messages()
	if len(got) != 3 {
		t.Fatalf("%d messages at Twilio, want 3 (no part sent twice)", len(got))
	}
	if sid != got[0].Sid {
		t.Errorf("Send returned %q, want the first part's SID %q", sid, got[0].Sid)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// BenchmarkSend measures a send through twilio-go to the fake, unthrottled.
func BenchmarkSend(b *testing.B) {
	benchmarkSend(b, 1e6)
}

// BenchmarkSendRate5 shows TWILIO_SEND_RATE at work: about 5 msgs/s, whatever the machine.
func BenchmarkSendRate5(b *testing.B) {
	benchmarkSend(b, 5)
}

func benchmarkSend(b *testing.B, rate float64) {
	fake := channeltest.NewFakeTwilio(b, accountSID)
	eng := &bot.Engine{Log: quiet, Now: time.Now}
	ch, err := twilio.New(twilio.Config{AccountSID: accountSID, AuthToken: fake.AuthToken, From: ourNumber,
		APIURL: mustURL(b, fake.URL), PublicURL: mustURL(b, publicURL), SendRate: rate, Transport: channeltest.LocalOnly(b, nil)},
		eng, &store.Store{}, quiet, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	out := bot.Outgoing{Address: "+447700900900", Text: "Is it OK for us to keep your answers so we can suggest support?"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ch.Send(ctx, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
