package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/time/rate"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels"
	"github.com/signpost-nhs/signpost/flows"
)

// Bot API limits (https://core.telegram.org/bots/api#sendmessage,
// https://core.telegram.org/bots/api#inlinekeyboardbutton).
const (
	// maxText is the most characters in one message. Telegram counts UTF-16 code units (its
	// entity offsets are in them too), so that is what split counts.
	maxText = 4096
	// maxCallbackData is the most bytes of a button's callback_data.
	maxCallbackData = 64
	// maxLabel is the most characters of a button label Signpost shows; longer ones are cut.
	maxLabel = 64
	// maxButtons is the most buttons Telegram accepts in one inline keyboard.
	maxButtons = 100
)

// Send delivers one message with sendMessage: choices become an inline keyboard, one button
// per row, whose presses come back as the choice's Value; a text over 4,096 characters goes as
// several messages, the keyboard on the last. It waits for the rate limiters first, so it runs
// on the dispatcher's goroutine, never on the webhook path. The provider id is the person's id
// and the last message_id: Telegram numbers messages per chat, so message_id alone would repeat
// across people.
func (c *Channel) Send(ctx context.Context, m bot.Outgoing) (string, error) {
	// A chat id is a plain integer; ParseInt would also take "+447700900123", a phone number.
	chatID, err := strconv.ParseInt(m.Address, 10, 64)
	if err != nil || chatID == 0 || strings.HasPrefix(m.Address, "+") {
		return "", &bot.SendError{Code: "bad_address", Err: errors.New("telegram: the address is not a chat id")}
	}
	parts, kb := render(m.Text, m.Options)
	// A long message whose later part failed resumes after the parts already delivered, so a
	// retry does not repeat them.
	first := c.progress.resumeAt(m.OutboxID, len(parts))
	var last int64
	for i := first; i < len(parts); i++ {
		if err := c.limits.wait(ctx, chatID); err != nil {
			c.progress.set(m.OutboxID, i)
			return "", &bot.SendError{Code: "rate_wait", Retryable: true, Err: err}
		}
		msg := tgbotapi.NewMessage(chatID, parts[i])
		// A list of services would otherwise show a preview of the first link only.
		msg.DisableWebPagePreview = true
		if i == len(parts)-1 && kb != nil {
			msg.ReplyMarkup = *kb
		}
		rctx, cancel := context.WithTimeout(ctx, requestTimeout)
		// Request rather than Send: Send decodes the whole Message into the library's 2021 types,
		// and a decode failure after Telegram accepted the message would make us send it again.
		resp, err := c.api(rctx).Request(msg)
		cancel()
		if err != nil {
			se := sendError(c.redact(err))
			if se.Retryable {
				c.progress.set(m.OutboxID, i)
			} else {
				c.progress.set(m.OutboxID, 0)
			}
			return "", se
		}
		var sent struct {
			MessageID int64 `json:"message_id"`
		}
		if err := json.Unmarshal(resp.Result, &sent); err != nil {
			// Telegram accepted it; only its id is unknown.
			c.log.Warn("telegram sendMessage result unreadable", "outbox", m.OutboxID, "err", err)
		}
		last = sent.MessageID
	}
	c.progress.set(m.OutboxID, 0)
	owner := m.PersonID
	if owner == "" {
		owner = "outbox-" + strconv.FormatInt(m.OutboxID, 10)
	}
	return owner + "/" + strconv.FormatInt(last, 10), nil
}

// render returns the message's parts and its keyboard. Choices whose values do not fit in
// callback data (or too many of them) are written as numbered text instead, which the flows
// also understand.
func render(text string, opts []flows.Option) ([]string, *tgbotapi.InlineKeyboardMarkup) {
	var kb *tgbotapi.InlineKeyboardMarkup
	if len(opts) > 0 {
		if k, ok := keyboard(opts); ok {
			kb = &k
		} else {
			text = channels.PlainText(text, opts)
		}
	}
	return split(text, maxText), kb
}

func keyboard(opts []flows.Option) (tgbotapi.InlineKeyboardMarkup, bool) {
	if len(opts) > maxButtons {
		return tgbotapi.InlineKeyboardMarkup{}, false
	}
	rows := make([][]tgbotapi.InlineKeyboardButton, 0, len(opts))
	for _, o := range opts {
		if o.Value == "" || len(o.Value) > maxCallbackData {
			return tgbotapi.InlineKeyboardMarkup{}, false
		}
		label := strings.TrimSpace(o.Label)
		if label == "" {
			label = o.Value
		}
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(truncate(label, maxLabel), o.Value)))
	}
	return tgbotapi.NewInlineKeyboardMarkup(rows...), true
}

// truncate shortens s to at most n characters, ending in an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}

// split cuts s into parts of at most max UTF-16 code units: at the last line break in the
// second half of the window, else at the last space, else (one very long word) anywhere
// between characters. The whitespace at a cut is dropped.
func split(s string, max int) []string {
	var parts []string
	for utf16Len(s) > max {
		cut := prefix(s, max)
		head := s[:cut]
		at := strings.LastIndexByte(head, '\n')
		if at < cut/2 {
			at = strings.LastIndexFunc(head, unicode.IsSpace)
		}
		part := ""
		if at > 0 {
			part = strings.TrimRightFunc(s[:at], unicode.IsSpace)
		}
		if part == "" {
			parts = append(parts, head)
			s = s[cut:]
			continue
		}
		parts = append(parts, part)
		s = strings.TrimLeftFunc(s[at:], unicode.IsSpace)
	}
	if s != "" || len(parts) == 0 {
		parts = append(parts, s)
	}
	return parts
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// prefix returns the byte length of the longest prefix of s within max UTF-16 code units.
func prefix(s string, max int) int {
	n := 0
	for i, r := range s {
		n += utf16.RuneLen(r)
		if n > max {
			return i
		}
	}
	return len(s)
}

// sendError says what the dispatcher should do about a failed call
// (https://core.telegram.org/bots/api#making-requests; error codes in
// https://core.telegram.org/api/errors). err must already be redacted.
func sendError(err error) *bot.SendError {
	var te *tgbotapi.Error
	if !errors.As(err, &te) {
		// No answer from Telegram (network, timeout) or not its JSON (a proxy's error page):
		// the message may or may not have gone, and trying again is the better risk.
		return &bot.SendError{Code: "network", Retryable: true, Err: err}
	}
	se := &bot.SendError{Code: strconv.Itoa(te.Code), Err: err}
	switch {
	case te.Code == http.StatusForbidden:
		// "bot was blocked by the user", "user is deactivated", "bot can't initiate
		// conversation with a user": this chat will not take our messages.
		se.Stopped = true
	case te.Code == http.StatusTooManyRequests:
		se.Retryable = true
		se.RetryAfter = time.Duration(te.RetryAfter) * time.Second
	case te.Code >= 500:
		se.Retryable = true
	case te.Code == http.StatusUnauthorized || te.Code == http.StatusNotFound:
		// The token was revoked or the API URL is wrong: every send fails until an operator
		// fixes it, and the queue should survive that.
		se.Retryable = true
	}
	return se
}

// transient reports whether a failed call may succeed later by itself.
func transient(err error) bool {
	var te *tgbotapi.Error
	return !errors.As(err, &te) || te.Code == http.StatusTooManyRequests || te.Code >= 500
}

// limiters pace sends: one limiter for the bot overall and one per chat, as Telegram asks
// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
type limiters struct {
	global    *rate.Limiter
	chatRate  rate.Limit
	chatBurst int

	mu    sync.Mutex
	chats map[int64]*rate.Limiter
	swept time.Time
}

func newLimiters(global, perChat float64, burst int) *limiters {
	return &limiters{global: rate.NewLimiter(rate.Limit(global), 1), chatRate: rate.Limit(perChat), chatBurst: burst,
		chats: map[int64]*rate.Limiter{}}
}

// wait blocks until a message may go to chat.
func (l *limiters) wait(ctx context.Context, chat int64) error {
	if err := l.chat(chat).Wait(ctx); err != nil {
		return err
	}
	return l.global.Wait(ctx)
}

// chat returns the chat's limiter. Limiters whose bucket has refilled are dropped once a
// minute: a fresh one behaves the same, so the map holds only recently active chats.
func (l *limiters) chat(chat int64) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.swept) > time.Minute {
		for id, lim := range l.chats {
			if lim.TokensAt(now) >= float64(l.chatBurst) {
				delete(l.chats, id)
			}
		}
		l.swept = now
	}
	lim := l.chats[chat]
	if lim == nil {
		lim = rate.NewLimiter(l.chatRate, l.chatBurst)
		l.chats[chat] = lim
	}
	return lim
}

// size reports how many chats have a limiter, for tests.
func (l *limiters) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.chats)
}

// progress records, per outbox row, how many parts of a long message were delivered before a
// retryable failure. It is in memory: a retry after a restart repeats the delivered parts.
type progress struct {
	mu    sync.Mutex
	parts map[int64]int
}

// resumeAt returns the first part of outbox still to send.
func (p *progress) resumeAt(outbox int64, parts int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.parts[outbox]; n < parts {
		return n
	}
	return 0
}

// set records that the first delivered parts of outbox went; 0 forgets it.
func (p *progress) set(outbox int64, delivered int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if delivered == 0 {
		delete(p.parts, outbox)
		return
	}
	if p.parts == nil {
		p.parts = map[int64]int{}
	}
	p.parts[outbox] = delivered
}
