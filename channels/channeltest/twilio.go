package channeltest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/twilio/twilio-go/client"

	"github.com/signpost-nhs/signpost/content"
)

// FakeSMS is one message-create request the fake Twilio received.
type FakeSMS struct {
	Sid                 string // "SM" + 32 hex digits; empty for a rejected request
	To                  string
	From                string
	MessagingServiceSid string
	Body                string
	StatusCallback      string
	// Code is the Twilio error code a rejected request was answered with.
	Code int
	// Form is the whole request form, for assertions on fields not named above.
	Form url.Values
}

// FakeTwilio is a Twilio REST API on 127.0.0.1 that answers the Messages resource the way
// Twilio does (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource),
// so that the real twilio-go client can be driven against it.
type FakeTwilio struct {
	// URL is the base URL to use as TWILIO_API_URL.
	URL string
	// AccountSID and AuthToken are the only credentials the fake accepts (HTTP Basic auth);
	// anything else is answered 401 like Twilio.
	AccountSID string
	AuthToken  string

	mu       sync.Mutex
	accepted []FakeSMS
	rejected []FakeSMS
	fails    []fakeFailure
	changed  chan struct{} // closed and replaced whenever a request is recorded
}

type fakeFailure struct{ status, code int }

// NewFakeTwilio starts a fake Twilio for accountSID with a random auth token, stopped when
// the test ends.
func NewFakeTwilio(t testing.TB, accountSID string) *FakeTwilio {
	t.Helper()
	f := &FakeTwilio{AccountSID: accountSID, AuthToken: randomHex(16), changed: make(chan struct{})}
	srv := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

// Messages returns the messages Twilio accepted, in the order it received them.
func (f *FakeTwilio) Messages() []FakeSMS {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FakeSMS(nil), f.accepted...)
}

// Rejected returns the message-create requests answered with an error (FailNext or
// validation), in order.
func (f *FakeTwilio) Rejected() []FakeSMS {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FakeSMS(nil), f.rejected...)
}

// WaitMessages waits until at least n messages have been accepted and returns them all; it
// fails the test after timeout.
func (f *FakeTwilio) WaitMessages(t testing.TB, n int, timeout time.Duration) []FakeSMS {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		got, changed := len(f.accepted), f.changed
		f.mu.Unlock()
		if got >= n {
			return f.Messages()
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("fake Twilio: %d messages after %v, want %d", got, timeout, n)
			return nil
		}
	}
}

// FailNext answers the next n message-create requests with a Twilio error of the HTTP status
// and error code (https://www.twilio.com/docs/api/errors), e.g. FailNext(400, 21610, 1) for
// a recipient who has replied STOP, or FailNext(429, 20429, 1) for too many requests.
func (f *FakeTwilio) FailNext(status, code int, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range n {
		f.fails = append(f.fails, fakeFailure{status, code})
	}
}

func (f *FakeTwilio) serve(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || !equal(user, f.AccountSID) || !equal(pass, f.AuthToken) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Twilio API"`)
		twilioError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	if r.Method != http.MethodPost || r.URL.Path != "/2010-04-01/Accounts/"+f.AccountSID+"/Messages.json" {
		twilioError(w, http.StatusNotFound, 20404, "The requested resource "+r.URL.Path+" was not found")
		return
	}
	if err := r.ParseForm(); err != nil {
		twilioError(w, http.StatusBadRequest, 20001, "Unable to parse the request")
		return
	}
	m := FakeSMS{To: r.PostForm.Get("To"), From: r.PostForm.Get("From"), MessagingServiceSid: r.PostForm.Get("MessagingServiceSid"),
		Body: r.PostForm.Get("Body"), StatusCallback: r.PostForm.Get("StatusCallback"), Form: r.PostForm}

	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.notify()
	// Twilio's own validation, for the mistakes a sender could make.
	status, code, msg := 0, 0, ""
	switch {
	case len(f.fails) > 0:
		status, code, msg = f.fails[0].status, f.fails[0].code, "Injected failure"
		f.fails = f.fails[1:]
	case m.To == "":
		status, code, msg = http.StatusBadRequest, 21604, "A 'To' phone number is required."
	case m.From == "" && m.MessagingServiceSid == "":
		status, code, msg = http.StatusBadRequest, 21603, "A 'From' phone number is required."
	case m.Body == "" && r.PostForm.Get("MediaUrl") == "":
		status, code, msg = http.StatusBadRequest, 21602, "Message body is required."
	case len(utf16.Encode([]rune(m.Body))) > 1600:
		status, code, msg = http.StatusBadRequest, 21617, "The concatenated message body exceeds the 1600 character limit."
	}
	if status != 0 {
		m.Code = code
		f.rejected = append(f.rejected, m)
		twilioError(w, status, code, msg)
		return
	}
	m.Sid = "SM" + randomHex(16)
	f.accepted = append(f.accepted, m)
	writeMessage(w, f.AccountSID, m)
}

func (f *FakeTwilio) notify() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// writeMessage answers 201 with a Message resource shaped like Twilio's.
func writeMessage(w http.ResponseWriter, accountSID string, m FakeSMS) {
	now := time.Now().UTC().Format(time.RFC1123Z)
	segments, _ := content.Segments(m.Body)
	status, numSegments, from, service := "queued", strconv.Itoa(segments), any(m.From), any(nil)
	if m.MessagingServiceSid != "" {
		// A Messaging Service picks the sender later: Twilio says "accepted", no segments yet.
		status, numSegments, service = "accepted", "0", m.MessagingServiceSid
		if m.From == "" {
			from = nil
		}
	}
	uri := "/2010-04-01/Accounts/" + accountSID + "/Messages/" + m.Sid
	writeJSON(w, http.StatusCreated, map[string]any{
		"account_sid":           accountSID,
		"api_version":           "2010-04-01",
		"body":                  m.Body,
		"date_created":          now,
		"date_sent":             nil,
		"date_updated":          now,
		"direction":             "outbound-api",
		"error_code":            nil,
		"error_message":         nil,
		"from":                  from,
		"messaging_service_sid": service,
		"num_media":             "0",
		"num_segments":          numSegments,
		"price":                 nil,
		"price_unit":            "GBP",
		"sid":                   m.Sid,
		"status":                status,
		"subresource_uris":      map[string]string{"media": uri + "/Media.json"},
		"to":                    m.To,
		"uri":                   uri + ".json",
	})
}

// twilioError writes Twilio's REST error body (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
func twilioError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"code": code, "message": msg,
		"more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), "status": status})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// SignTwilio returns the X-Twilio-Signature Twilio would send with form posted to fullURL:
// base64 HMAC-SHA1, keyed by the auth token, of the URL followed by each parameter's name
// and value, sorted by name (https://www.twilio.com/docs/usage/security#validating-requests).
// It checks the result with twilio-go's own validator, so a test cannot pass against a
// signer that production would disagree with.
func SignTwilio(t testing.TB, authToken, fullURL string, form url.Values) string {
	t.Helper()
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := fullURL
	single := true
	for _, k := range keys {
		vs := append([]string(nil), form[k]...)
		sort.Strings(vs)
		single = single && len(vs) == 1
		for _, v := range vs {
			s += k + v
		}
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(s))
	sig := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if single { // twilio-go's validator reads one value per name
		params := make(map[string]string, len(form))
		for k := range form {
			params[k] = form.Get(k)
		}
		v := client.NewRequestValidator(authToken)
		if !v.Validate(fullURL, params, sig) {
			t.Fatalf("SignTwilio: twilio-go does not accept the signature for %s", fullURL)
		}
	}
	return sig
}

// InboundSMS returns the form Twilio posts to an incoming-message webhook for an SMS
// (https://www.twilio.com/docs/messaging/guides/webhook-request), with UK numbers.
func InboundSMS(sid, from, to, body, accountSID string) url.Values {
	segments, _ := content.Segments(body)
	return url.Values{
		"ToCountry":     {"GB"},
		"ToState":       {""},
		"SmsMessageSid": {sid},
		"NumMedia":      {"0"},
		"ToCity":        {""},
		"FromZip":       {""},
		"SmsSid":        {sid},
		"FromState":     {""},
		"SmsStatus":     {"received"},
		"FromCity":      {""},
		"Body":          {body},
		"FromCountry":   {"GB"},
		"To":            {to},
		"ToZip":         {""},
		"NumSegments":   {strconv.Itoa(max(segments, 1))},
		"MessageSid":    {sid},
		"AccountSid":    {accountSID},
		"From":          {from},
		"ApiVersion":    {"2010-04-01"},
	}
}

// StatusCallback returns the form Twilio posts to a message's StatusCallback URL
// (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). ErrorCode is
// sent only with a failed or undelivered status, so an empty errorCode leaves it out.
func StatusCallback(sid, status, errorCode, accountSID, to, from string) url.Values {
	v := url.Values{
		"SmsSid":        {sid},
		"SmsStatus":     {status},
		"MessageStatus": {status},
		"To":            {to},
		"MessageSid":    {sid},
		"AccountSid":    {accountSID},
		"From":          {from},
		"ApiVersion":    {"2010-04-01"},
	}
	if errorCode != "" {
		v.Set("ErrorCode", errorCode)
	}
	if status == "delivered" || status == "undelivered" {
		v.Set("RawDlrDoneDate", time.Now().UTC().Format("0601021504"))
	}
	return v
}
