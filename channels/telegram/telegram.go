// Package telegram is the Telegram channel: Bot API updates in by webhook or long polling, replies out through sendMessage with choices as inline keyboards.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/channels"
	"github.com/signpost-nhs/signpost/flows"
)

// Channel name, as in the engine's Inbound and the outbox.
const channelName = flows.ChannelTelegram

// WebhookPath is where Telegram posts updates in webhook mode.
const WebhookPath = "/webhooks/telegram"

// secretHeader carries the webhook's secret_token on every update Telegram posts
// (https://core.telegram.org/bots/api#setwebhook).
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// allowedUpdates are the only update kinds Signpost asks for: a person's messages and their
// presses of inline keyboard buttons (https://core.telegram.org/bots/api#update).
const allowedUpdates = `["message","callback_query"]`

// validSecret is Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -
// (https://core.telegram.org/bots/api#setwebhook).
var validSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// Defaults.
const (
	defaultAPIURL   = "https://api.telegram.org"
	defaultSendRate = 30 // Telegram's overall limit for a bot (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this)
	defaultChatRate = 1  // "avoid sending more than one message per second" in one chat (same FAQ)
	// chatBurst lets a reply of two or three messages (a welcome and a question) go out at once:
	// the FAQ allows short bursts over the per-chat rate.
	chatBurst = 3
	// pollTimeout is the long-poll wait of getUpdates: under the 30 s idle timeouts that
	// proxies and load balancers commonly apply.
	pollTimeout = 25 * time.Second
	// requestTimeout bounds every other Bot API call.
	requestTimeout = 15 * time.Second
	// answerTimeout bounds answerCallbackQuery, which runs on the webhook path.
	answerTimeout = 5 * time.Second
)

// Config configures the channel.
type Config struct {
	Token string
	// WebhookSecret, when set, selects webhook mode: Telegram must send it with every update.
	// When unset the channel long-polls getUpdates.
	WebhookSecret string
	// APIURL is the Bot API base URL (TELEGRAM_API_URL); requests go to {APIURL}/bot{token}/{method}.
	// Default https://api.telegram.org.
	APIURL *url.URL
	// PublicURL is Signpost's public base URL; the webhook is registered at PublicURL + /webhooks/telegram.
	PublicURL *url.URL
	// SendRate is the most messages sent per second overall (TELEGRAM_SEND_RATE, default 30).
	SendRate float64
	// ChatRate is the most messages sent per second to one chat (default 1, with short bursts).
	ChatRate float64
	// Transport carries the Bot API requests; nil means http.DefaultTransport. Tests pass
	// channeltest.LocalOnly.
	Transport http.RoundTripper
}

// Channel is the Telegram channel: the webhook handler, the long-polling loop and the Sender.
type Channel struct {
	bot      *tgbotapi.BotAPI
	http     *http.Client
	token    string
	secret   string
	hookURL  string
	store    *store.Store
	log      *slog.Logger
	metrics  *bot.Metrics
	limits   *limiters
	progress progress
	now      func() time.Time

	// handle runs one inbound message; the engine's Handle, replaced in tests to inject failures.
	handle func(context.Context, bot.Inbound) (bot.Handled, error)
	// Polling knobs; tests shorten the backoff.
	pollTimeout time.Duration
	backoffMin  time.Duration
	backoffMax  time.Duration
	// maxUpdateAttempts is how often one polled update may fail, with the database reachable,
	// before it is skipped so that it cannot block every later update.
	maxUpdateAttempts int
}

var _ bot.Sender = (*Channel)(nil)

// New connects to the Bot API (the client library calls getMe, which also checks the token)
// and returns the channel.
func New(ctx context.Context, cfg Config, eng *bot.Engine, st *store.Store, log *slog.Logger, m *bot.Metrics) (*Channel, error) {
	if cfg.Token == "" {
		return nil, errors.New("telegram: no bot token")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Channel{token: cfg.Token, secret: cfg.WebhookSecret, store: st, log: log, metrics: m,
		now: time.Now, pollTimeout: pollTimeout, backoffMin: time.Second, backoffMax: time.Minute, maxUpdateAttempts: 5}
	c.handle = func(context.Context, bot.Inbound) (bot.Handled, error) {
		return bot.Handled{}, errors.New("telegram: no engine")
	}
	if eng != nil {
		c.handle = eng.Handle
		if eng.Now != nil {
			c.now = eng.Now
		}
	}
	if c.secret != "" {
		if !validSecret.MatchString(c.secret) {
			return nil, errors.New("telegram: TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
		}
		if cfg.PublicURL == nil || cfg.PublicURL.Host == "" {
			return nil, errors.New("telegram: webhook mode needs SIGNPOST_PUBLIC_URL")
		}
		c.hookURL = cfg.PublicURL.JoinPath(WebhookPath).String()
	}
	api := defaultAPIURL
	if cfg.APIURL != nil {
		api = strings.TrimSuffix(cfg.APIURL.String(), "/")
	}
	sendRate, chatRate := cfg.SendRate, cfg.ChatRate
	if sendRate <= 0 {
		sendRate = defaultSendRate
	}
	if chatRate <= 0 {
		chatRate = defaultChatRate
	}
	c.limits = newLimiters(sendRate, chatRate, chatBurst)
	// The long poll must end before the client gives up on it; every other call has its own,
	// shorter context deadline.
	tr := cfg.Transport
	if tr == nil {
		tr = channels.ProviderTransport()
	}
	c.http = &http.Client{Transport: tr, Timeout: pollTimeout + 20*time.Second}
	// The endpoint is a format string for the library's Sprintf: escape any % in the URL.
	endpoint := strings.ReplaceAll(api, "%", "%%") + "/bot%s/%s"
	ictx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	b, err := tgbotapi.NewBotAPIWithClient(cfg.Token, endpoint, ctxClient{ctx: ictx, c: c.http})
	if err != nil {
		var te *tgbotapi.Error
		if errors.As(err, &te) && te.Code == http.StatusUnauthorized {
			return nil, errors.New("telegram: the bot token was rejected (401 Unauthorized); check TELEGRAM_BOT_TOKEN")
		}
		return nil, fmt.Errorf("telegram: getMe: %w", c.redact(err))
	}
	b.Client = c.http
	c.bot = b
	return c, nil
}

// Webhook reports whether the channel runs in webhook mode.
func (c *Channel) Webhook() bool { return c.secret != "" }

// Register adds POST /webhooks/telegram. In polling mode the route answers 404: updates
// arrive through getUpdates only.
func (c *Channel) Register(mux *http.ServeMux) {
	mux.Handle("POST "+WebhookPath, channels.Webhook(channelName, c.log, c.metrics, c.webhook))
}

// Run starts receiving updates. In webhook mode it registers the webhook and returns; in
// polling mode it deletes any webhook and polls getUpdates until ctx is done.
func (c *Channel) Run(ctx context.Context) error {
	if c.Webhook() {
		return c.registerWebhook(ctx)
	}
	return c.poll(ctx)
}

// registerWebhook calls setWebhook with the secret token, which the library's WebhookConfig
// cannot carry. Failures that may pass (network, 5xx, 429) are retried until ctx is done;
// Telegram's refusal (a 4xx such as "HTTPS url must be provided") is returned.
func (c *Channel) registerWebhook(ctx context.Context) error {
	params := tgbotapi.Params{"url": c.hookURL, "secret_token": c.secret, "allowed_updates": allowedUpdates}
	for attempt := 0; ; attempt++ {
		rctx, cancel := context.WithTimeout(ctx, requestTimeout)
		_, err := c.api(rctx).MakeRequest("setWebhook", params)
		cancel()
		if err == nil {
			c.log.Info("telegram webhook registered", "url", c.hookURL)
			return nil
		}
		err = c.redact(err)
		if ctx.Err() != nil {
			return nil
		}
		if !transient(err) {
			return fmt.Errorf("telegram: setWebhook: %w", err)
		}
		c.log.Warn("telegram setWebhook failed; retrying", "err", err, "attempt", attempt+1)
		if !c.sleep(ctx, c.backoff(attempt)) {
			return nil
		}
	}
}

// api returns the client bound to ctx. The library (frozen at v5.5.1) builds requests without
// a context, so each call gets a shallow copy whose HTTP client attaches ctx: cancellation and
// deadlines then reach the request.
func (c *Channel) api(ctx context.Context) *tgbotapi.BotAPI {
	b := *c.bot
	b.Client = ctxClient{ctx: ctx, c: c.http}
	return &b
}

// ctxClient is a tgbotapi.HTTPClient that sends every request with its context.
type ctxClient struct {
	ctx context.Context
	c   *http.Client
}

func (d ctxClient) Do(r *http.Request) (*http.Response, error) { return d.c.Do(r.WithContext(d.ctx)) }

// redact removes the bot token from an error's text. Transport errors quote the request URL,
// which holds the token (.../bot123:SECRET/sendMessage). The chain below the first error that
// no longer mentions the token is kept, so errors.Is still sees timeouts and cancellation.
func (c *Channel) redact(err error) error { return redact(err, c.token) }

func redact(err error, token string) error {
	if err == nil || token == "" {
		return err
	}
	secrets := []string{token}
	if _, s, ok := strings.Cut(token, ":"); ok && len(s) >= 8 {
		secrets = append(secrets, s)
	}
	leaks := func(e error) bool {
		for _, s := range secrets {
			if strings.Contains(e.Error(), s) {
				return true
			}
		}
		return false
	}
	if !leaks(err) {
		return err
	}
	msg := err.Error()
	for _, s := range secrets {
		msg = strings.ReplaceAll(msg, s, "REDACTED")
	}
	inner := errors.Unwrap(err)
	for inner != nil && leaks(inner) {
		inner = errors.Unwrap(inner)
	}
	return &redactedError{msg: msg, err: inner}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// sleep waits d or until ctx is done, reporting whether the full wait passed.
func (c *Channel) sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// backoff doubles from backoffMin up to backoffMax.
func (c *Channel) backoff(attempt int) time.Duration {
	d := c.backoffMin << min(attempt, 16)
	if d <= 0 || d > c.backoffMax {
		d = c.backoffMax
	}
	return d
}
