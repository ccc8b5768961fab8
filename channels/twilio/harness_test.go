package twilio_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/twilio"
	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/flows"
)

const (
	accountSID = "AC0123456789abcdef0123456789abcdef"
	ourNumber  = "+447700900001"
	// publicURL is where Twilio believes the service is: a TLS-terminating proxy in front of
	// the test server, which listens on http://127.0.0.1:port.
	publicURL = "https://signpost.example.org"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type clock = bottest.Clock

// harness is the SMS channel wired as serve wires it: a real engine and store, the webhooks
// on a local HTTP server, the dispatcher sending through twilio-go to a fake Twilio.
type harness struct {
	t       *testing.T
	s       *store.Store
	clk     *clock
	content *content.Bundle
	fake    *channeltest.FakeTwilio
	ch      *twilio.Channel
	srv     *httptest.Server
	http    *http.Client
	disp    *bot.Dispatcher
}

func newHarness(t *testing.T, s *store.Store, configure ...func(*twilio.Config)) *harness {
	t.Helper()
	return newHarnessLog(t, s, quiet, configure...)
}

// newHarnessLog is newHarness with every component logging to log.
func newHarnessLog(t *testing.T, s *store.Store, log *slog.Logger, configure ...func(*twilio.Config)) *harness {
	t.Helper()
	channeltest.GuardDefaultTransport(t)
	clk := bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	eng := bottest.NewEngine(t, s, clk.Now)
	eng.Log = log

	fake := channeltest.NewFakeTwilio(t, accountSID)
	cfg := twilio.Config{AccountSID: accountSID, AuthToken: fake.AuthToken, From: ourNumber,
		APIURL: mustURL(t, fake.URL), PublicURL: mustURL(t, publicURL), SendRate: 1000}
	for _, f := range configure {
		f(&cfg)
	}
	ch, err := twilio.New(cfg, eng, s, log, bot.NewMetrics())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	ch.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	disp := bot.NewDispatcher(s, map[string]bot.Sender{flows.ChannelSMS: ch}, log, clk.Now)
	return &harness{t: t, s: s, clk: clk, content: eng.Content, fake: fake, ch: ch, srv: srv,
		http: &http.Client{Transport: channeltest.LocalOnly(t, nil), Timeout: 30 * time.Second}, disp: disp}
}

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// post sends a form to one of the channel's routes with the given signature ("" for none)
// and returns the status and body.
func (h *harness) post(path string, form url.Values, sig string) (int, string, http.Header) {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "TwilioProxy/1.1")
	if sig != "" {
		req.Header.Set("X-Twilio-Signature", sig)
	}
	resp, err := h.http.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

// signed posts a form signed as Twilio signs it for the public URL.
func (h *harness) signed(path string, form url.Values) int {
	h.t.Helper()
	code, _, _ := h.post(path, form, channeltest.SignTwilio(h.t, h.fake.AuthToken, publicURL+path, form))
	return code
}

// text delivers an SMS from a resident and fails the test unless it is accepted.
func (h *harness) text(sid, from, body string) {
	h.t.Helper()
	if code := h.signed(twilio.InboundPath, channeltest.InboundSMS(sid, from, ourNumber, body, accountSID)); code != http.StatusOK {
		h.t.Fatalf("inbound %q: status %d", body, code)
	}
}

// dispatch runs the dispatcher once, as its loop would.
func (h *harness) dispatch() {
	h.t.Helper()
	if _, err := h.disp.RunOnce(context.Background()); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) count(q string, args ...any) int {
	h.t.Helper()
	var n int
	if err := h.s.DB().Get(&n, h.s.DB().Rebind(q), args...); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// to returns the accepted messages sent to one number.
func (h *harness) to(number string) []channeltest.FakeSMS {
	var out []channeltest.FakeSMS
	for _, m := range h.fake.Messages() {
		if m.To == number {
			out = append(out, m)
		}
	}
	return out
}

func (h *harness) optedOut(number string) bool {
	h.t.Helper()
	return h.count(`SELECT COUNT(*) FROM people p JOIN identities i ON i.person_id = p.id
		WHERE i.channel = 'sms' AND i.address = ? AND p.opted_out`, number) == 1
}
