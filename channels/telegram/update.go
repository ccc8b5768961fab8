package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels"
)

// update is the part of a Telegram Update that Signpost reads
// (https://core.telegram.org/bots/api#update). It is decoded here rather than into
// tgbotapi.Update because that type is frozen at Bot API 5.x (2021): a field whose type
// Telegram has changed since would fail the whole decode, and in polling mode one such update
// would then block every later one.
type update struct {
	UpdateID      int64          `json:"update_id"`
	Message       *message       `json:"message"`
	CallbackQuery *callbackQuery `json:"callback_query"`
}

// message is https://core.telegram.org/bots/api#message, the fields Signpost reads.
type message struct {
	MessageID int64    `json:"message_id"`
	From      *user    `json:"from"`
	Chat      chat     `json:"chat"`
	Text      string   `json:"text"`
	Caption   string   `json:"caption"`
	Entities  []entity `json:"entities"`
	// fields holds every top-level field, to tell a sticker or photo from a service message.
	fields map[string]json.RawMessage
}

func (m *message) UnmarshalJSON(b []byte) error {
	type plain message
	if err := json.Unmarshal(b, (*plain)(m)); err != nil {
		return err
	}
	return json.Unmarshal(b, &m.fields)
}

type user struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	LanguageCode string `json:"language_code"`
}

type chat struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
}

type entity struct {
	Type   string `json:"type"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// callbackQuery is a press of an inline keyboard button
// (https://core.telegram.org/bots/api#callbackquery).
type callbackQuery struct {
	ID      string   `json:"id"`
	From    user     `json:"from"`
	Message *message `json:"message"`
	Data    string   `json:"data"`
}

// mediaKinds are the message contents a person can send that carry no text, in the order they
// are checked: an animation also sets document, and a venue also sets location
// (https://core.telegram.org/bots/api#message). A message with none of them and no text is a
// service message (a pinned message, a payment, ...) and gets no answer.
var mediaKinds = []string{"sticker", "photo", "animation", "video_note", "video", "voice", "audio",
	"document", "venue", "location", "contact", "poll", "dice", "story", "paid_media", "game"}

// nonText is the text a message without text reaches the engine as: "[sticker]", "[photo]",
// "[voice]". The bot cannot read these, so the flows answer them as they answer anything they
// do not understand (by asking again), and link workers see in the transcript what was sent. A
// photo or video with a caption reaches the engine as its caption instead.
func nonText(kind string) string { return "[" + kind + "]" }

// Why an update was not handed to the engine, for the debug log.
const (
	ignoreKind    = "not a message or button press"
	ignoreGroup   = "not a private chat"
	ignoreBot     = "from a bot"
	ignoreService = "service message"
	ignoreData    = "button without data"
)

// inbound maps an update to the engine's Inbound. callbackID is set for a button press, which
// must be answered whatever happens next; reason says why ok is false.
func inbound(u update) (in bot.Inbound, callbackID, reason string, ok bool) {
	in = bot.Inbound{Channel: channelName, ProviderID: strconv.FormatInt(u.UpdateID, 10)}
	switch {
	case u.Message != nil:
		m := u.Message
		// Signpost is a one-to-one service: a group would mix several people's answers.
		if m.Chat.Type != "private" {
			return in, "", ignoreGroup, false
		}
		if m.From != nil && m.From.IsBot {
			return in, "", ignoreBot, false
		}
		in.Address = strconv.FormatInt(m.Chat.ID, 10)
		if m.From != nil {
			in.Locale = primaryTag(m.From.LanguageCode)
		}
		switch {
		case m.Text != "":
			in.Text, in.Source = command(m.Text, m.Entities)
		case strings.TrimSpace(m.Caption) != "":
			in.Text = m.Caption
		default:
			kind := m.mediaKind()
			if kind == "" {
				return in, "", ignoreService, false
			}
			in.Text = nonText(kind)
		}
		return in, "", "", true
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		// The button's message is in the chat the reply goes to. Without it (a message too old
		// for Telegram to include), the presser's id is the private chat's id.
		chatID, chatType := q.From.ID, "private"
		if q.Message != nil && q.Message.Chat.ID != 0 {
			chatID, chatType = q.Message.Chat.ID, q.Message.Chat.Type
		}
		if chatType != "private" {
			return in, q.ID, ignoreGroup, false
		}
		if q.Data == "" {
			return in, q.ID, ignoreData, false
		}
		in.Address = strconv.FormatInt(chatID, 10)
		in.Locale = primaryTag(q.From.LanguageCode)
		in.Text = q.Data
		return in, q.ID, "", true
	}
	return in, "", ignoreKind, false
}

func (m *message) mediaKind() string {
	for _, k := range mediaKinds {
		if v, ok := m.fields[k]; ok && string(v) != "null" {
			return k
		}
	}
	return ""
}

// command handles bot commands. "/start PAYLOAD" is a deep link
// (https://core.telegram.org/bots/features#deep-linking): the engine gets "/start" and the
// payload as the person's source. "/help@SignpostBot" becomes "/help", so the keyword matches.
func command(text string, ents []entity) (string, string) {
	if len(ents) == 0 || ents[0].Type != "bot_command" || ents[0].Offset != 0 || !strings.HasPrefix(text, "/") {
		return text, ""
	}
	cmd, rest, _ := strings.Cut(text, " ")
	cmd, _, _ = strings.Cut(cmd, "@")
	if strings.EqualFold(cmd, "/start") {
		return "/start", sanitizePayload(rest)
	}
	if rest != "" {
		return cmd + " " + rest, ""
	}
	return cmd, ""
}

// sanitizePayload keeps what Telegram allows in a deep-link parameter: up to 64 characters of
// A-Z, a-z, 0-9, _ and - (https://core.telegram.org/bots/features#deep-linking). Anything
// else was typed by hand and is dropped.
func sanitizePayload(p string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(p) {
		if b.Len() == 64 {
			break
		}
		if r == '_' || r == '-' || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// primaryTag returns an IETF language tag's primary subtag, lower case: "pl-PL" -> "pl".
// Telegram's language_code is the tag of the person's app language.
func primaryTag(code string) string {
	tag, _, _ := strings.Cut(code, "-")
	tag, _, _ = strings.Cut(tag, "_")
	if len(tag) < 2 || len(tag) > 3 || !utf8.ValidString(tag) {
		return ""
	}
	return strings.ToLower(tag)
}

// webhook receives one update from Telegram. It answers 200 only after the engine's
// transaction has committed, so a 5xx makes Telegram deliver the update again; the engine
// ignores a second delivery of the same update_id.
func (c *Channel) webhook(w http.ResponseWriter, r *http.Request) error {
	if !c.Webhook() {
		return &channels.HTTPError{Status: http.StatusNotFound, Msg: "not found"}
	}
	got := r.Header.Get(secretHeader)
	if subtle.ConstantTimeCompare([]byte(got), []byte(c.secret)) != 1 {
		return &channels.HTTPError{Status: http.StatusUnauthorized, Msg: "unauthorized"}
	}
	var u update
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return &channels.HTTPError{Status: http.StatusBadRequest, Msg: "bad update JSON", Err: err}
	}
	if u.UpdateID <= 0 {
		return &channels.HTTPError{Status: http.StatusBadRequest, Msg: "update without update_id"}
	}
	return c.process(r.Context(), u)
}

// process hands one update to the engine. A button press is always answered, even when
// handling fails: until it is, the person's app shows a spinner on the button
// (https://core.telegram.org/bots/api#answercallbackquery).
func (c *Channel) process(ctx context.Context, u update) error {
	in, callbackID, reason, ok := inbound(u)
	if callbackID != "" {
		defer c.answer(ctx, callbackID)
	}
	if !ok {
		c.log.Debug("telegram update ignored", "update", u.UpdateID, "reason", reason)
		return nil
	}
	_, err := c.handle(ctx, in)
	return err
}

// answer acknowledges a button press. It is a method that returns true, so it goes through
// Request, not Send, which would try to decode a Message.
func (c *Channel) answer(ctx context.Context, id string) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), answerTimeout)
	defer cancel()
	_, err := c.api(actx).Request(tgbotapi.NewCallback(id, ""))
	var te *tgbotapi.Error
	switch {
	case err == nil:
	case errors.As(err, &te) && te.Code == http.StatusBadRequest:
		// A redelivered update's query is already answered, or too old.
		c.log.Debug("telegram answerCallbackQuery refused", "err", err)
	default:
		c.log.Warn("telegram answerCallbackQuery failed", "err", c.redact(err))
	}
}
