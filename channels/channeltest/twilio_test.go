package channeltest_test

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/twilio/twilio-go/client"
	api "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/signpost-nhs/signpost/channels/channeltest"
)

const sid = "AC0123456789abcdef0123456789abcdef"

// rewrite sends twilio-go's requests for api.twilio.com to the fake.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = r.base.Scheme, r.base.Host, ""
	return r.next.RoundTrip(out)
}

func service(t *testing.T, f *channeltest.FakeTwilio, token string) *api.ApiService {
	t.Helper()
	base, err := url.Parse(f.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := &client.Client{Credentials: client.NewCredentials(sid, token),
		HTTPClient: &http.Client{Timeout: 10 * time.Second, Transport: rewrite{base, channeltest.LocalOnly(t, nil)}}}
	c.SetAccountSid(sid)
	return api.NewApiServiceWithClient(c)
}

// TestFakeTwilioWithTwilioGo drives the fake with the real client library: what it answers
// must decode as Twilio's answers do.
func TestFakeTwilioWithTwilioGo(t *testing.T) {
	f := channeltest.NewFakeTwilio(t, sid)
	svc := service(t, f, f.AuthToken)
	send := func(p *api.CreateMessageParams) (*api.ApiV2010Message, error) { return svc.CreateMessage(p) }

	msg, err := send((&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001").
		SetBody("Hello").SetStatusCallback("https://signpost.example.org/webhooks/twilio/status"))
	if err != nil {
		t.Fatal(err)
	}
	if msg.Sid == nil || !regexp.MustCompile(`^SM[0-9a-f]{32}$`).MatchString(*msg.Sid) {
		t.Errorf("sid %v, want SM and 32 hex digits", msg.Sid)
	}
	if msg.Status == nil || *msg.Status != "queued" || msg.To == nil || *msg.To != "+447700900123" || msg.NumSegments == nil || *msg.NumSegments != "1" {
		t.Errorf("message %+v", msg)
	}
	got := f.WaitMessages(t, 1, time.Second)
	if m := got[0]; m.Sid != *msg.Sid || m.Body != "Hello" || m.From != "+447700900001" ||
		m.StatusCallback != "https://signpost.example.org/webhooks/twilio/status" {
		t.Errorf("recorded %+v", m)
	}

	msg, err = send((&api.CreateMessageParams{}).SetTo("+447700900123").SetMessagingServiceSid("MG0123456789abcdef0123456789abcdef").SetBody("Hi"))
	if err != nil {
		t.Fatal(err)
	}
	if *msg.Status != "accepted" || msg.MessagingServiceSid == nil {
		t.Errorf("messaging service send: %+v", msg)
	}

	cases := []struct {
		name         string
		svc          *api.ApiService
		params       *api.CreateMessageParams
		fail         [2]int // FailNext status and code, if any
		status, code int
	}{
		{name: "wrong auth token", svc: service(t, f, "wrongtoken"), params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001").SetBody("x"),
			status: 401, code: 20003},
		{name: "injected 21610", svc: svc, params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001").SetBody("x"),
			fail: [2]int{400, 21610}, status: 400, code: 21610},
		{name: "injected 20429", svc: svc, params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001").SetBody("x"),
			fail: [2]int{429, 20429}, status: 429, code: 20429},
		{name: "no To", svc: svc, params: (&api.CreateMessageParams{}).SetFrom("+447700900001").SetBody("x"), status: 400, code: 21604},
		{name: "no sender", svc: svc, params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetBody("x"), status: 400, code: 21603},
		{name: "no body", svc: svc, params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001"), status: 400, code: 21602},
		{name: "over 1600 characters", svc: svc, params: (&api.CreateMessageParams{}).SetTo("+447700900123").SetFrom("+447700900001").
			SetBody(strings.Repeat("a", 1601)), status: 400, code: 21617},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.fail[0] != 0 {
				f.FailNext(tc.fail[0], tc.fail[1], 1)
			}
			_, err := tc.svc.CreateMessage(tc.params)
			var te *client.TwilioRestError
			if !errors.As(err, &te) || te.Status != tc.status || te.Code != tc.code || te.MoreInfo == "" {
				t.Fatalf("err = %v, want Twilio error %d/%d", err, tc.status, tc.code)
			}
		})
	}
	if n := len(f.Messages()); n != 2 {
		t.Errorf("%d messages accepted, want 2", n)
	}
	if n := len(f.Rejected()); n != len(cases)-1 { // the 401 is refused before it is a message
		t.Errorf("%d requests rejected, want %d", n, len(cases)-1)
	}
}

// TestSignTwilio checks the signer against a known signature: the vector in twilio-go's own
// request_validator_test.go (auth token 12345).
func TestSignTwilio(t *testing.T) {
	form := url.Values{
		"Digits":                {"1234"},
		"CallSid":               {"CA1234567890ABCDE"},
		"To":                    {"+18005551212"},
		"Caller":                {"+14158675309"},
		"From":                  {"+14158675309"},
		"ReasonConferenceEnded": {"test"},
		"Reason":                {"Participant"},
	}
	got := channeltest.SignTwilio(t, "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form)
	if want := "vOEb5UThFn24KEfnOFLQY2AE5FY="; got != want {
		t.Errorf("signature %q, want %q", got, want)
	}
}

func TestPayloads(t *testing.T) {
	in := channeltest.InboundSMS("SM1", "+447700900123", "+447700900001", "Cześć", sid)
	for _, k := range []string{"MessageSid", "SmsSid", "SmsMessageSid", "AccountSid", "From", "To", "Body", "NumMedia", "NumSegments", "FromCountry", "ApiVersion"} {
		if _, ok := in[k]; !ok {
			t.Errorf("inbound form has no %s", k)
		}
	}
	st := channeltest.StatusCallback("SM1", "undelivered", "30006", sid, "+447700900123", "+447700900001")
	if st.Get("MessageStatus") != "undelivered" || st.Get("ErrorCode") != "30006" || st.Get("MessageSid") != "SM1" {
		t.Errorf("status callback %v", st)
	}
	if _, ok := channeltest.StatusCallback("SM1", "sent", "", sid, "+447700900123", "+447700900001")["ErrorCode"]; ok {
		t.Error("ErrorCode sent without an error")
	}
}
