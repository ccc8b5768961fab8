package twilio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/twilio/twilio-go/client"
	"golang.org/x/time/rate"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/channels/channeltest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

const testSID = "AC0123456789abcdef0123456789abcdef"

func testConfig(t testing.TB) Config {
	u, _ := url.Parse("https://signpost.example.org")
	return Config{AccountSID: testSID, AuthToken: "0123456789abcdef0123456789abcdef", From: "+447700900001", PublicURL: u}
}

func newTest(t testing.TB, cfg Config) *Channel {
	t.Helper()
	c, err := New(cfg, &bot.Engine{Now: time.Now}, &store.Store{}, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewRejectsBadConfig(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"no account", func(c *Config) { c.AccountSID = "" }, "TWILIO_ACCOUNT_SID"},
		{"token with symbols", func(c *Config) { c.AuthToken = "abc-def" }, "TWILIO_AUTH_TOKEN"},
		{"no sender", func(c *Config) { c.From = "" }, "TWILIO_FROM"},
		{"no public URL", func(c *Config) { c.PublicURL = nil }, "SIGNPOST_PUBLIC_URL"},
		{"relative public URL", func(c *Config) { c.PublicURL = &url.URL{Path: "/x"} }, "SIGNPOST_PUBLIC_URL"},
		{"relative API URL", func(c *Config) { c.APIURL = &url.URL{Path: "/x"} }, "TWILIO_API_URL"},
		{"negative rate", func(c *Config) { c.SendRate = -1 }, "TWILIO_SEND_RATE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t)
			tc.change(&cfg)
			_, err := New(cfg, &bot.Engine{}, &store.Store{}, quiet, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %s", err, tc.want)
			}
		})
	}
}

// TestSendRateConfigured checks the limiter without timing anything: its rate, a burst of one
// (evenly spaced sends), and that Send waits on it.
func TestSendRateConfigured(t *testing.T) {
	cases := []struct {
		name string
		rate float64
		want rate.Limit
	}{
		{"default", 0, DefaultSendRate},
		{"TWILIO_SEND_RATE=5", 5, 5},
		{"fractional", 0.5, 0.5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t)
			cfg.SendRate = tc.rate
			c := newTest(t, cfg)
			if c.limiter.Limit() != tc.want || c.limiter.Burst() != 1 {
				t.Errorf("limiter %v/s burst %d, want %v/s burst 1", c.limiter.Limit(), c.limiter.Burst(), tc.want)
			}
		})
	}
	t.Run("Send waits for its turn", func(t *testing.T) {
		channeltest.GuardDefaultTransport(t)
		fake := channeltest.NewFakeTwilio(t, testSID)
		cfg := testConfig(t)
		cfg.AuthToken = fake.AuthToken
		cfg.APIURL, _ = url.Parse(fake.URL)
		cfg.SendRate = 1.0 / 3600 // one an hour: the second send cannot happen within the deadline
		c := newTest(t, cfg)
		out := bot.Outgoing{Address: "+447700900100", Text: "hi"}
		if _, err := c.Send(context.Background(), out); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := c.Send(ctx, out)
		var se *bot.SendError
		if !errors.As(err, &se) || !se.Retryable || se.Code != "rate_wait" {
			t.Fatalf("err = %v, want a retryable rate_wait", err)
		}
		if n := len(fake.Messages()); n != 1 {
			t.Errorf("%d messages sent, want 1", n)
		}
	})
}

func TestSplit(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("abcd ", n)) } // 5n-1 characters
	cases := []struct {
		name  string
		text  string
		limit int
		want  []string // nil: only check the invariants
	}{
		{name: "empty", text: "", limit: 10, want: []string{}},
		{name: "blank", text: "  \n ", limit: 10, want: []string{}},
		{name: "short is untouched", text: " Hi there \n", limit: 20, want: []string{" Hi there \n"}},
		{name: "exactly the limit", text: "0123456789", limit: 10, want: []string{"0123456789"}},
		{name: "at a space", text: "hello world again", limit: 11, want: []string{"hello world", "again"}},
		{name: "never mid-word", text: "aaa bbbbbbb", limit: 8, want: []string{"aaa", "bbbbbbb"}},
		{name: "at a line break in the second half", text: "first line\nsecond line", limit: 16, want: []string{"first line", "second line"}},
		{name: "a line break too early is not used", text: "ab\ncdefgh ijkl mnop", limit: 15, want: []string{"ab\ncdefgh ijkl", "mnop"}},
		{name: "paragraph before line", text: "aaaa bbbb cccc\n\ndddd\neeee ffff", limit: 22, want: []string{"aaaa bbbb cccc", "dddd\neeee ffff"}},
		{name: "a word longer than the limit is cut", text: "https://example.org/a/very/long/link", limit: 12,
			want: []string{"https://exam", "ple.org/a/ve", "ry/long/link"}},
		{name: "emoji count two", text: "😀😀😀 😀😀", limit: 6, want: []string{"😀😀😀", "😀😀"}},
		{name: "a surrogate pair is never split", text: "😀😀😀", limit: 3, want: []string{"😀", "😀", "😀"}},
		{name: "1600 of words", text: words(1000), limit: MaxBody},
		{name: "numbered choices", text: words(330) + "\n1. More\n2. Link\n3. Menu", limit: MaxBody},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Split(tc.text, tc.limit)
			if tc.want != nil {
				if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
					t.Fatalf("Split = %q, want %q", got, tc.want)
				}
				return
			}
			for i, p := range got {
				if n := len(utf16.Encode([]rune(p))); n > tc.limit || n == 0 {
					t.Errorf("part %d has %d units", i, n)
				}
			}
			if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(tc.text), " ") {
				t.Errorf("parts do not reassemble word for word")
			}
		})
	}
}

func TestClassify(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	rest := func(status, code int) error {
		return &client.TwilioRestError{Status: status, Code: code, Message: "The 'To' number +447700900123 is not valid",
			MoreInfo: fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code)}
	}
	hdr := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return h
	}
	timeout := &url.Error{Op: "Post", URL: "https://api.twilio.com/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("i/o timeout")}}
	cases := []struct {
		name       string
		err        error
		status     int
		header     http.Header
		want       bot.SendError
		notInError string
	}{
		{name: "21610 stopped", err: rest(400, 21610), status: 400, want: bot.SendError{Code: "21610", Stopped: true}},
		{name: "20429", err: rest(429, 20429), status: 429, want: bot.SendError{Code: "20429", Retryable: true}},
		{name: "20429 with Retry-After seconds", err: rest(429, 20429), status: 429, header: hdr("Retry-After", "30"),
			want: bot.SendError{Code: "20429", Retryable: true, RetryAfter: 30 * time.Second}},
		{name: "429 with Retry-After date", err: rest(429, 0), status: 429, header: hdr("Retry-After", now.Add(time.Minute).Format(http.TimeFormat)),
			want: bot.SendError{Code: "http_429", Retryable: true, RetryAfter: time.Minute}},
		{name: "500", err: rest(500, 20500), status: 500, want: bot.SendError{Code: "20500", Retryable: true}},
		{name: "status missing from body, taken from response", err: rest(0, 20500), status: 502, want: bot.SendError{Code: "20500", Retryable: true}},
		{name: "21611 queue overflow", err: rest(400, 21611), status: 400, want: bot.SendError{Code: "21611", Retryable: true}},
		{name: "20003 credentials", err: rest(401, 20003), status: 401, want: bot.SendError{Code: "20003", Retryable: true}},
		{name: "30006 landline", err: rest(400, 30006), status: 400, want: bot.SendError{Code: "30006"}},
		{name: "21211 invalid number", err: rest(400, 21211), status: 400, want: bot.SendError{Code: "21211"}, notInError: "+447700900123"},
		{name: "21614 not mobile", err: rest(400, 21614), status: 400, want: bot.SendError{Code: "21614"}},
		{name: "21408 region", err: rest(400, 21408), status: 400, want: bot.SendError{Code: "21408"}},
		{name: "21617 too long", err: rest(400, 21617), status: 400, want: bot.SendError{Code: "21617"}},
		{name: "proxy's HTML 502", err: errors.New("error decoding the response for an HTTP error code: 502"), status: 502,
			want: bot.SendError{Code: "http_502", Retryable: true}},
		{name: "proxy's HTML 404", err: errors.New("error decoding the response for an HTTP error code: 404"), status: 404,
			want: bot.SendError{Code: "http_404"}},
		{name: "dial timeout", err: timeout, want: bot.SendError{Code: "network", Retryable: true}},
		{name: "deadline", err: &url.Error{Op: "Post", URL: "https://api.twilio.com/", Err: context.DeadlineExceeded},
			want: bot.SendError{Code: "network", Retryable: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.header
			if h == nil {
				h = http.Header{}
			}
			got := classify(tc.err, tc.status, h, now)
			if got.Code != tc.want.Code || got.Retryable != tc.want.Retryable || got.Stopped != tc.want.Stopped || got.RetryAfter != tc.want.RetryAfter {
				t.Errorf("classify = {%s retry %t stopped %t after %v}, want {%s retry %t stopped %t after %v}",
					got.Code, got.Retryable, got.Stopped, got.RetryAfter, tc.want.Code, tc.want.Retryable, tc.want.Stopped, tc.want.RetryAfter)
			}
			if !errors.Is(got, tc.err) {
				t.Errorf("the cause is not reachable from the SendError")
			}
			if tc.notInError != "" && strings.Contains(got.Error(), tc.notInError) {
				t.Errorf("error text %q quotes %q", got.Error(), tc.notInError)
			}
		})
	}
}

func TestMaskNumber(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"UK mobile", "+447700900123", "+4477••••••23"},
		{"US number", "+14155552671", "+1415•••••71"},
		{"short code", "85258", "•••58"},
		{"two characters", "12", "••"},
		{"empty", "", ""},
		{"not E.164", "whatsapp:+447700900123", "••••••••••••••••••••23"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskNumber(tc.in); got != tc.want {
				t.Errorf("MaskNumber(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestAPIURLRewrite checks that requests twilio-go addresses to api.twilio.com reach
// TWILIO_API_URL, path prefix included, with the credentials twilio-go sets.
func TestAPIURLRewrite(t *testing.T) {
	var got *http.Request
	next := roundTrip(func(r *http.Request) (*http.Response, error) {
		got = r
		return nil, errors.New("stop here")
	})
	base, _ := url.Parse("http://127.0.0.1:9/twilio/")
	tr := &callTransport{ctx: context.Background(), base: base, next: next}
	defer tr.close()
	req, _ := http.NewRequest(http.MethodPost, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", nil)
	req.SetBasicAuth("AC1", "token")
	_, _ = tr.RoundTrip(req)
	if got == nil {
		t.Fatal("no request")
	}
	if u := got.URL.String(); u != "http://127.0.0.1:9/twilio/2010-04-01/Accounts/AC1/Messages.json" {
		t.Errorf("URL %s", u)
	}
	if user, _, ok := got.BasicAuth(); !ok || user != "AC1" {
		t.Errorf("basic auth lost")
	}
	if req.URL.Host != "api.twilio.com" {
		t.Errorf("the caller's request was modified")
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
