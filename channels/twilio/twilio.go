// Package twilio is the SMS channel: Twilio's inbound-message and status-callback webhooks in,
// and the Messages REST API out.
package twilio

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/twilio/twilio-go/client"
	"golang.org/x/time/rate"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/channels"
	"github.com/signpost-nhs/signpost/flows"
)

// Routes Twilio is configured to call; signatures are checked against PublicURL + these.
const (
	InboundPath = "/webhooks/twilio/sms"
	StatusPath  = "/webhooks/twilio/status"
)

// channel is the engine's name for SMS.
const channel = flows.ChannelSMS

// DefaultSendRate is TWILIO_SEND_RATE's default, the allowance of a UK long code. Twilio
// queues what a sender cannot send at once, for hours, so a reply sent faster than this only
// waits at Twilio behind the queue, and an overfull queue fails with 21611
// (https://help.twilio.com/articles/115002943027).
const DefaultSendRate = 10

// Config configures the SMS channel.
type Config struct {
	AccountSID, AuthToken string
	// From (a phone number) or MessagingServiceSID (MG...) is the sender. With both, Twilio
	// sends from From within the service.
	From, MessagingServiceSID string
	// APIURL is TWILIO_API_URL; nil means https://api.twilio.com. A path in it is kept as a
	// prefix, for a fake or a forward proxy.
	APIURL *url.URL
	// PublicURL is SIGNPOST_PUBLIC_URL: Twilio signs the URL it was told to call, which behind
	// a TLS-terminating proxy is not the URL this server sees, so signatures are checked
	// against PublicURL + path. Status callbacks are requested at PublicURL + StatusPath.
	PublicURL *url.URL
	// SendRate is TWILIO_SEND_RATE, the most messages sent per second from the sender; 0
	// means DefaultSendRate.
	SendRate float64
	// Transport, if set, carries the REST API's requests (tests wrap it to stay on localhost);
	// nil means http.DefaultTransport.
	Transport http.RoundTripper
}

// Channel is the SMS channel: webhook handlers and a bot.Sender over Twilio's REST API.
type Channel struct {
	cfg       Config
	validator client.RequestValidator
	apiBase   *url.URL
	publicURL string // without a trailing slash
	callback  string
	engine    *bot.Engine
	store     *store.Store
	log       *slog.Logger // with the channel attribute, for the channel's own lines
	baseLog   *slog.Logger // for the shared webhook wrapper, which adds the attribute itself
	metrics   *bot.Metrics
	limiter   *rate.Limiter

	mu      sync.Mutex
	partial map[int64]progress // long messages part-sent, by outbox id
}

var _ bot.Sender = (*Channel)(nil)

// sidPattern is what twilio-go accepts as credentials: it refuses to send anything else
// (errors 21222 and 21224), so catch it at start-up rather than on the first reply.
var sidPattern = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// New returns the SMS channel.
func New(cfg Config, eng *bot.Engine, st *store.Store, log *slog.Logger, m *bot.Metrics) (*Channel, error) {
	switch {
	case eng == nil || st == nil || log == nil:
		return nil, errors.New("twilio: engine, store and logger are required")
	case !sidPattern.MatchString(cfg.AccountSID):
		return nil, errors.New("twilio: TWILIO_ACCOUNT_SID must be set and alphanumeric")
	case !sidPattern.MatchString(cfg.AuthToken):
		return nil, errors.New("twilio: TWILIO_AUTH_TOKEN must be set and alphanumeric")
	case cfg.From == "" && cfg.MessagingServiceSID == "":
		return nil, errors.New("twilio: set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID")
	case cfg.PublicURL == nil || cfg.PublicURL.Scheme == "" || cfg.PublicURL.Host == "":
		return nil, errors.New("twilio: SIGNPOST_PUBLIC_URL must be an absolute URL")
	case cfg.SendRate < 0:
		return nil, fmt.Errorf("twilio: TWILIO_SEND_RATE %v is negative", cfg.SendRate)
	}
	api := cfg.APIURL
	if api == nil {
		api = &url.URL{Scheme: "https", Host: "api.twilio.com"}
	}
	if api.Scheme == "" || api.Host == "" {
		return nil, fmt.Errorf("twilio: TWILIO_API_URL %q is not an absolute URL", api.Redacted())
	}
	if cfg.SendRate == 0 {
		cfg.SendRate = DefaultSendRate
	}
	if cfg.Transport == nil {
		cfg.Transport = channels.ProviderTransport()
	}
	public := strings.TrimSuffix(cfg.PublicURL.String(), "/")
	return &Channel{
		cfg:       cfg,
		validator: client.NewRequestValidator(cfg.AuthToken),
		apiBase:   api,
		publicURL: public,
		callback:  public + StatusPath,
		engine:    eng,
		store:     st,
		log:       log.With("channel", channel),
		baseLog:   log,
		metrics:   m,
		// A burst of one spaces sends evenly: Twilio counts per second, and a burst would
		// only wait in Twilio's queue instead of ours.
		limiter: rate.NewLimiter(rate.Limit(cfg.SendRate), 1),
		partial: map[int64]progress{},
	}, nil
}

// Register adds Twilio's two webhook routes.
func (c *Channel) Register(mux *http.ServeMux) {
	mux.Handle("POST "+InboundPath, channels.Webhook(channel, c.baseLog, c.metrics, c.inbound))
	mux.Handle("POST "+StatusPath, channels.Webhook(channel+"_status", c.baseLog, c.metrics, c.status))
}

// now is the engine's clock, so that tests move one clock for everything.
func (c *Channel) now() time.Time {
	if c.engine.Now != nil {
		return c.engine.Now()
	}
	return time.Now()
}

// MaskNumber hides most of a phone number for the rare log line that needs one: the country
// code and the start of the number (which say what kind of number it is) and the last two
// digits (to tell test numbers apart) stay, e.g. "+447700900123" -> "+4477••••••23".
// Anything short is masked but for its last two characters.
func MaskNumber(e164 string) string {
	r := []rune(e164)
	keep := 0
	if len(r) >= 10 && r[0] == '+' {
		keep = 5
	}
	if len(r) <= keep+2 {
		keep = 0
	}
	if len(r) <= 2 {
		return strings.Repeat("•", len(r))
	}
	return string(r[:keep]) + strings.Repeat("•", len(r)-keep-2) + string(r[len(r)-2:])
}
