package twilio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/twilio/twilio-go/client"
	api "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels"
	"github.com/signpost-nhs/signpost/content"
)

// MaxBody is the longest body Twilio accepts in one message: longer is refused with 21617
// (https://www.twilio.com/docs/api/errors/21617). Twilio counts characters as UCS-2 does, so
// an emoji is two.
const MaxBody = 1600

// apiTimeout bounds one REST call, connection to decoded answer: Twilio answers a create in
// well under a second, and a hung call would hold the dispatcher.
const apiTimeout = 15 * time.Second

// Twilio error codes the channel acts on (https://www.twilio.com/docs/api/errors).
const (
	codeAuth          = 20003 // authentication failed: our credentials, not the message
	codeTooMany       = 20429 // too many concurrent requests
	codeStopped       = 21610 // the recipient replied STOP: Twilio refuses until START
	codeQueueOverflow = 21611 // the sender's queue holds 10 hours already
)

// progress remembers the parts of a long message already accepted, so that a retry after a
// failure on part two does not send part one again.
type progress struct {
	parts, sent int
	first       string
	at          time.Time
}

// Send delivers one outbox message as SMS. A body over MaxBody goes as several messages, in
// order, and the first one's SID identifies it. Send waits for the send rate first, so it
// belongs on the dispatcher's goroutine, never on a webhook's.
func (c *Channel) Send(ctx context.Context, m bot.Outgoing) (string, error) {
	parts := Split(channels.PlainText(m.Text, m.Options), MaxBody)
	if len(parts) == 0 {
		return "", &bot.SendError{Code: "empty", Err: errors.New("twilio: empty message")}
	}
	start, first := c.resume(m.OutboxID, len(parts))
	segments := 0
	for i := start; i < len(parts); i++ {
		if err := c.limiter.Wait(ctx); err != nil {
			// Cancelled (shutdown) or the wait would outlast ctx's deadline: nothing was sent.
			return "", &bot.SendError{Code: "rate_wait", Retryable: true, Err: fmt.Errorf("twilio: waiting to send: %w", err)}
		}
		sid, err := c.create(ctx, m.Address, parts[i])
		if err != nil {
			// A retry resumes after the parts already sent; any other outcome ends the message.
			if se := (*bot.SendError)(nil); !errors.As(err, &se) || !se.Retryable {
				c.forget(m.OutboxID)
			}
			return "", err
		}
		if i == 0 {
			first = sid
		}
		n, _ := content.Segments(parts[i])
		segments += n
		if i+1 < len(parts) {
			c.remember(m.OutboxID, progress{parts: len(parts), sent: i + 1, first: first})
		}
	}
	c.forget(m.OutboxID)
	c.log.Debug("sms sent", "outbox", m.OutboxID, "person", m.PersonID, "parts", len(parts)-start, "segments", segments)
	return first, nil
}

// create sends one message through twilio-go. The client is built per call: twilio-go takes no
// context, so a per-call transport carries ctx into the request and keeps the HTTP status
// and headers of the answer (Retry-After, and the status of an error body that is not Twilio
// JSON). It is a few small structs; connections are pooled by the shared transport beneath.
func (c *Channel) create(ctx context.Context, to, body string) (string, error) {
	tr := &callTransport{ctx: ctx, base: c.apiBase, next: c.cfg.Transport}
	defer tr.close()
	cl := &client.Client{
		Credentials: client.NewCredentials(c.cfg.AccountSID, c.cfg.AuthToken),
		HTTPClient: &http.Client{Timeout: apiTimeout, Transport: tr,
			// As twilio-go's own default client: an API answer is never a redirect to follow.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
	}
	cl.SetAccountSid(c.cfg.AccountSID)
	p := (&api.CreateMessageParams{}).SetTo(to).SetBody(body).SetStatusCallback(c.callback)
	if c.cfg.From != "" {
		p.SetFrom(c.cfg.From)
	}
	if c.cfg.MessagingServiceSID != "" {
		p.SetMessagingServiceSid(c.cfg.MessagingServiceSID)
	}
	// The service's base URL is api.twilio.com; the transport points it at APIURL.
	msg, err := api.NewApiServiceWithClient(cl).CreateMessage(p)
	switch {
	case err != nil && tr.status >= 200 && tr.status < 300:
		// Twilio took the message but its answer did not decode: sending again would
		// deliver it twice, so count it sent, without a SID to match callbacks to.
		c.log.Warn("twilio accepted a message with an unreadable answer", "err", err)
		return "", nil
	case err != nil:
		return "", classify(err, tr.status, tr.header, c.now())
	case msg.Sid == nil:
		c.log.Warn("twilio accepted a message without a sid")
		return "", nil
	}
	return *msg.Sid, nil
}

// classify turns a failed create into a SendError that tells the dispatcher what to do.
func classify(err error, status int, h http.Header, now time.Time) *bot.SendError {
	var te *client.TwilioRestError
	if errors.As(err, &te) {
		if te.Status != 0 {
			status = te.Status
		}
		se := &bot.SendError{Code: strconv.Itoa(te.Code), Err: &APIError{Status: status, Code: te.Code, MoreInfo: te.MoreInfo, err: te}}
		if te.Code == 0 {
			se.Code = "http_" + strconv.Itoa(status)
		}
		switch {
		case te.Code == codeStopped:
			se.Stopped = true
		case te.Code == codeTooMany || status == http.StatusTooManyRequests:
			se.Retryable, se.RetryAfter = true, retryAfter(h, now)
		case te.Code == codeQueueOverflow, status >= 500:
			se.Retryable = true
		case te.Code == codeAuth || status == http.StatusUnauthorized:
			// Wrong credentials fail every message alike: retrying (with backoff) lets them
			// go out once an operator fixes the configuration, instead of dropping them all.
			se.Retryable = true
		}
		// Everything else is about this message or recipient (30006 landline, 21211 invalid
		// number, 21614 not a mobile, 21408 region not enabled, 21617 too long): permanent.
		return se
	}
	if status >= 400 {
		// An error body that is not Twilio's JSON: a proxy or load balancer answered.
		return &bot.SendError{Code: "http_" + strconv.Itoa(status), Err: err,
			Retryable: status == http.StatusTooManyRequests || status >= 500, RetryAfter: retryAfter(h, now)}
	}
	// No answer at all: a refused or reset connection, DNS, a timeout, a cancelled context.
	return &bot.SendError{Code: "network", Retryable: true, Err: err}
}

// APIError is a Twilio REST error without its message text, which can quote the phone number
// ("The 'To' number +44... is not a valid phone number"): the dispatcher logs send errors.
// The full *client.TwilioRestError is reachable with errors.As.
type APIError struct {
	Status, Code int
	MoreInfo     string
	err          *client.TwilioRestError
}

func (e *APIError) Error() string {
	return fmt.Sprintf("twilio: HTTP %d, error %d (%s)", e.Status, e.Code, e.MoreInfo)
}

func (e *APIError) Unwrap() error { return e.err }

// retryAfter reads a Retry-After header, in seconds or as an HTTP date; 0 if absent.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// callTransport sends one create call's request to APIURL under the send's context, and
// keeps what twilio-go throws away of the answer.
type callTransport struct {
	ctx    context.Context
	base   *url.URL
	next   http.RoundTripper
	status int
	header http.Header
	stops  []func()
}

func (t *callTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	// twilio-go builds requests on context.Background(); keep the http.Client's deadline in
	// them and add the send's cancellation. Released in close, after the body is read.
	ctx, cancel := context.WithCancelCause(r.Context())
	stop := context.AfterFunc(t.ctx, func() { cancel(context.Cause(t.ctx)) })
	t.stops = append(t.stops, func() { stop(); cancel(nil) })
	out := r.Clone(ctx)
	out.URL.Scheme, out.URL.Host = t.base.Scheme, t.base.Host
	out.URL.Path, out.URL.RawPath = strings.TrimSuffix(t.base.Path, "/")+r.URL.Path, ""
	out.Host = ""
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(out)
	if resp != nil {
		t.status, t.header = resp.StatusCode, resp.Header
	}
	return resp, err
}

func (t *callTransport) close() {
	for _, f := range t.stops {
		f()
	}
}

// resume returns where to start a message: after the parts a failed earlier attempt already
// sent. Progress is kept in memory only; after a restart a long message starts again.
func (c *Channel) resume(outboxID int64, parts int) (start int, first string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.partial[outboxID]
	if !ok || outboxID == 0 || p.parts != parts {
		return 0, ""
	}
	return p.sent, p.first
}

func (c *Channel) remember(outboxID int64, p progress) {
	if outboxID == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p.at = time.Now()
	// Entries the dispatcher gave up on are never resumed: drop them after a day.
	for id, old := range c.partial {
		if p.at.Sub(old.at) > 24*time.Hour {
			delete(c.partial, id)
		}
	}
	c.partial[outboxID] = p
}

func (c *Channel) forget(outboxID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.partial, outboxID)
}

// Split cuts text into messages of at most limit UTF-16 units, in order. It cuts at the last
// paragraph or line break in the second half of the allowance, else at the last space, so that
// a numbered choice or a service's details stay together and no word is cut; only a single
// "word" longer than limit (a long link) is cut where it must be. Text within the limit is
// returned as it is.
func Split(text string, limit int) []string {
	if units(text) <= limit {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return []string{text}
	}
	var parts []string
	text = strings.TrimSpace(text)
	for units(text) > limit {
		cut := cutPoint(text, limit)
		parts = append(parts, strings.TrimRightFunc(text[:cut], unicode.IsSpace))
		text = strings.TrimLeftFunc(text[cut:], unicode.IsSpace)
	}
	if text != "" {
		parts = append(parts, text)
	}
	return parts
}

// cutPoint returns the byte offset at which to end the next part of text.
func cutPoint(text string, limit int) int {
	end, n := 0, 0 // end: the longest prefix within limit, at a rune boundary
	for i, r := range text {
		w := 1
		if r > 0xFFFF {
			w = 2 // a surrogate pair, never split
		}
		if n+w > limit {
			break
		}
		n += w
		end = i + utf8.RuneLen(r)
	}
	window := text[:end]
	half := len(window) / 2
	if i := strings.LastIndex(window, "\n\n"); i > 0 && i >= half {
		return i
	}
	if i := strings.LastIndex(window, "\n"); i > 0 && i >= half {
		return i
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsSpace(r) {
		return end
	}
	if i := strings.LastIndexFunc(window, unicode.IsSpace); i > 0 {
		return i
	}
	if end == 0 { // a limit narrower than one character: cut after it anyway
		_, end = utf8.DecodeRuneInString(text)
	}
	return end
}

// units counts text's UTF-16 code units, as Twilio counts its 1,600 characters.
func units(text string) int {
	n := 0
	for _, r := range text {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
