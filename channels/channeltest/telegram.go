package channeltest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
)

// FakePollWait is the longest a fake getUpdates waits for an update when none is queued,
// however long the client asked to wait: tests poll quickly.
const FakePollWait = 100 * time.Millisecond

// FakeBotID is the fake bot's user id in the updates built here.
const FakeBotID = 7000000001

// FakeTelegram is a fake Telegram Bot API (https://core.telegram.org/bots/api) on 127.0.0.1:
// it serves /bot{token}/{method} in Telegram's wire format for getMe, setWebhook,
// deleteWebhook, getWebhookInfo, getUpdates, sendMessage and answerCallbackQuery, and records
// what it is asked.
type FakeTelegram struct {
	// URL is the base URL to use as TELEGRAM_API_URL.
	URL   string
	Token string

	mu       sync.Mutex
	sent     []FakeTGMessage
	answered []string
	calls    []FakeTGCall
	hookURL  string
	secret   string
	allowed  string
	updates  []tgQueuedUpdate
	fails    map[string][]tgFailure
	blocked  map[int64]bool
	msgIDs   map[int64]int64
	wake     chan struct{} // closed and replaced when an update is queued or a message sent
}

// FakeTGMessage is one message the fake was asked to send.
type FakeTGMessage struct {
	ChatID    int64
	MessageID int64
	Text      string
	// ReplyMarkup is the reply_markup parameter as sent, "" without one.
	ReplyMarkup string
	// Keyboard is the inline keyboard from ReplyMarkup, row by row.
	Keyboard [][]FakeTGButton
}

// FakeTGButton is one inline keyboard button.
type FakeTGButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// FakeTGCall is one request to the fake: the method and its parameters.
type FakeTGCall struct {
	Method string
	Params url.Values
}

type tgQueuedUpdate struct {
	id  int64
	raw json.RawMessage
}

type tgFailure struct {
	code       int
	desc       string
	retryAfter int
}

// NewFakeTelegram starts a fake Bot API for token, closed when the test ends.
func NewFakeTelegram(t testing.TB, token string) *FakeTelegram {
	t.Helper()
	f := &FakeTelegram{Token: token, fails: map[string][]tgFailure{}, blocked: map[int64]bool{},
		msgIDs: map[int64]int64{}, wake: make(chan struct{})}
	srv := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

// Sent returns the messages sent so far, in order.
func (f *FakeTelegram) Sent() []FakeTGMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FakeTGMessage(nil), f.sent...)
}

// WaitSent waits until at least n messages have been sent and returns them; it fails the test
// after timeout.
func (f *FakeTelegram) WaitSent(t testing.TB, n int, timeout time.Duration) []FakeTGMessage {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		sent, wake := append([]FakeTGMessage(nil), f.sent...), f.wake
		f.mu.Unlock()
		if len(sent) >= n {
			return sent
		}
		select {
		case <-wake:
		case <-deadline.C:
			t.Fatalf("telegram: %d messages sent after %s, want %d", len(sent), timeout, n)
			return nil
		}
	}
}

// Answered returns the ids of the callback queries answered, in order.
func (f *FakeTelegram) Answered() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.answered...)
}

// Webhook returns the webhook's URL and secret token as last set ("" when none is set).
func (f *FakeTelegram) Webhook() (url, secret string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hookURL, f.secret
}

// AllowedUpdates returns the allowed_updates parameter of the last setWebhook.
func (f *FakeTelegram) AllowedUpdates() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.allowed
}

// Calls returns the requests made for method (any method when ""), in order.
func (f *FakeTelegram) Calls(method string) []FakeTGCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []FakeTGCall
	for _, c := range f.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			out = append(out, c)
		}
	}
	return out
}

// QueueUpdate queues an update for getUpdates: JSON as []byte, json.RawMessage or string, or
// any value to marshal. Like Telegram, the fake keeps it until getUpdates is called with an
// offset above its update_id.
func (f *FakeTelegram) QueueUpdate(u any) {
	var raw json.RawMessage
	switch v := u.(type) {
	case []byte:
		raw = v
	case json.RawMessage:
		raw = v
	case string:
		raw = json.RawMessage(v)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			panic(fmt.Sprintf("channeltest: QueueUpdate: %v", err))
		}
		raw = b
	}
	var id struct {
		UpdateID int64 `json:"update_id"`
	}
	if err := json.Unmarshal(raw, &id); err != nil {
		panic(fmt.Sprintf("channeltest: QueueUpdate: %v", err))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, tgQueuedUpdate{id: id.UpdateID, raw: raw})
	f.wakeLocked()
}

// Pending returns how many queued updates Telegram would still deliver (not yet confirmed).
func (f *FakeTelegram) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.updates)
}

// FailNext makes the next n sendMessage calls fail with a Bot API error: code, description
// and, when retryAfter > 0, parameters.retry_after.
func (f *FakeTelegram) FailNext(code int, description string, retryAfter int, n int) {
	f.FailMethod("sendMessage", code, description, retryAfter, n)
}

// FailMethod makes the next n calls of method fail like FailNext.
func (f *FakeTelegram) FailMethod(method string, code int, description string, retryAfter int, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := strings.ToLower(method)
	for range n {
		f.fails[m] = append(f.fails[m], tgFailure{code: code, desc: description, retryAfter: retryAfter})
	}
}

// Block makes sendMessage to chatID fail as Telegram does once the person has blocked the bot.
func (f *FakeTelegram) Block(chatID int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.blocked[chatID] = true
}

func (f *FakeTelegram) wakeLocked() {
	close(f.wake)
	f.wake = make(chan struct{})
}

func (f *FakeTelegram) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || token != f.Token {
		writeTG(w, http.StatusUnauthorized, tgError(http.StatusUnauthorized, "Unauthorized", 0))
		return
	}
	params, err := tgParams(r)
	if err != nil {
		writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: "+err.Error(), 0))
		return
	}
	// Method names are case-insensitive (https://core.telegram.org/bots/api#making-requests).
	m := strings.ToLower(method)
	f.mu.Lock()
	f.calls = append(f.calls, FakeTGCall{Method: method, Params: params})
	var fail *tgFailure
	if q := f.fails[m]; len(q) > 0 {
		fail, f.fails[m] = &q[0], q[1:]
	}
	f.mu.Unlock()
	if fail != nil {
		writeTG(w, fail.code, tgError(fail.code, fail.desc, fail.retryAfter))
		return
	}
	switch m {
	case "getme":
		id, _, _ := strings.Cut(f.Token, ":")
		botID, _ := strconv.ParseInt(id, 10, 64)
		tgOK(w, map[string]any{"id": botID, "is_bot": true, "first_name": "Signpost", "username": "signpost_test_bot",
			"can_join_groups": false, "can_read_all_group_messages": false, "supports_inline_queries": false})
	case "setwebhook":
		f.mu.Lock()
		f.hookURL, f.secret, f.allowed = params.Get("url"), params.Get("secret_token"), params.Get("allowed_updates")
		f.mu.Unlock()
		tgOKDesc(w, true, "Webhook was set")
	case "deletewebhook":
		f.mu.Lock()
		f.hookURL, f.secret, f.allowed = "", "", ""
		f.mu.Unlock()
		tgOKDesc(w, true, "Webhook was deleted")
	case "getwebhookinfo":
		u, _ := f.Webhook()
		tgOK(w, map[string]any{"url": u, "has_custom_certificate": false, "pending_update_count": f.Pending()})
	case "getupdates":
		f.getUpdates(w, r, params)
	case "sendmessage":
		f.sendMessage(w, params)
	case "answercallbackquery":
		f.answerCallback(w, params)
	default:
		writeTG(w, http.StatusNotFound, tgError(http.StatusNotFound, "Not Found", 0))
	}
}

// getUpdates confirms the updates below offset, then returns what is left, waiting briefly
// when nothing is.
func (f *FakeTelegram) getUpdates(w http.ResponseWriter, r *http.Request, params url.Values) {
	offset, _ := strconv.ParseInt(params.Get("offset"), 10, 64)
	timeout, _ := strconv.Atoi(params.Get("timeout"))
	limit, _ := strconv.Atoi(params.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	wait := min(time.Duration(timeout)*time.Second, FakePollWait)
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		if f.hookURL != "" {
			f.mu.Unlock()
			writeTG(w, http.StatusConflict, tgError(http.StatusConflict,
				"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 0))
			return
		}
		if offset > 0 {
			kept := f.updates[:0]
			for _, u := range f.updates {
				if u.id >= offset {
					kept = append(kept, u)
				}
			}
			f.updates = kept
		}
		var out []json.RawMessage
		for _, u := range f.updates {
			if len(out) == limit {
				break
			}
			out = append(out, u.raw)
		}
		wake := f.wake
		f.mu.Unlock()
		if len(out) > 0 {
			tgOK(w, out)
			return
		}
		select {
		case <-wake:
		case <-deadline.C:
			tgOK(w, []json.RawMessage{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func (f *FakeTelegram) sendMessage(w http.ResponseWriter, params url.Values) {
	chatID, err := strconv.ParseInt(params.Get("chat_id"), 10, 64)
	if err != nil || chatID == 0 {
		writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: chat not found", 0))
		return
	}
	text := params.Get("text")
	switch n := len(utf16.Encode([]rune(text))); {
	case strings.TrimSpace(text) == "":
		writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: message text is empty", 0))
		return
	case n > 4096:
		writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: message is too long", 0))
		return
	}
	msg := FakeTGMessage{ChatID: chatID, Text: text, ReplyMarkup: params.Get("reply_markup")}
	if msg.ReplyMarkup != "" && msg.ReplyMarkup != "null" {
		var rm struct {
			InlineKeyboard [][]FakeTGButton `json:"inline_keyboard"`
		}
		if err := json.Unmarshal([]byte(msg.ReplyMarkup), &rm); err != nil {
			writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: can't parse reply keyboard markup JSON object", 0))
			return
		}
		for _, row := range rm.InlineKeyboard {
			for _, b := range row {
				if b.CallbackData == "" || len(b.CallbackData) > 64 {
					writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest, "Bad Request: BUTTON_DATA_INVALID", 0))
					return
				}
			}
		}
		msg.Keyboard = rm.InlineKeyboard
	}
	f.mu.Lock()
	if f.blocked[chatID] {
		f.mu.Unlock()
		writeTG(w, http.StatusForbidden, tgError(http.StatusForbidden, "Forbidden: bot was blocked by the user", 0))
		return
	}
	// Telegram numbers messages per chat.
	f.msgIDs[chatID]++
	msg.MessageID = f.msgIDs[chatID]
	f.sent = append(f.sent, msg)
	f.wakeLocked()
	f.mu.Unlock()
	id, _, _ := strings.Cut(f.Token, ":")
	botID, _ := strconv.ParseInt(id, 10, 64)
	tgOK(w, map[string]any{"message_id": msg.MessageID,
		"from": map[string]any{"id": botID, "is_bot": true, "first_name": "Signpost", "username": "signpost_test_bot"},
		"chat": map[string]any{"id": chatID, "first_name": "Sam", "type": "private"},
		"date": time.Now().Unix(), "text": text})
}

func (f *FakeTelegram) answerCallback(w http.ResponseWriter, params url.Values) {
	id := params.Get("callback_query_id")
	f.mu.Lock()
	seen := id == ""
	for _, a := range f.answered {
		seen = seen || a == id
	}
	if !seen {
		f.answered = append(f.answered, id)
	}
	f.mu.Unlock()
	if seen {
		writeTG(w, http.StatusBadRequest, tgError(http.StatusBadRequest,
			"Bad Request: query is too old and response timeout expired or query ID is invalid", 0))
		return
	}
	tgOKDesc(w, true, "")
}

// tgParams reads a Bot API request's parameters from the query string and a form, multipart
// or JSON body, as Telegram accepts all of them.
func tgParams(r *http.Request) (url.Values, error) {
	ct := r.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "application/json"):
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			return nil, err
		}
		v := r.URL.Query()
		for k, x := range m {
			if s, ok := x.(string); ok {
				v.Set(k, s)
				continue
			}
			b, _ := json.Marshal(x)
			v.Set(k, string(b))
		}
		return v, nil
	case strings.HasPrefix(ct, "multipart/form-data"):
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return nil, err
		}
	default:
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
	}
	return r.Form, nil
}

func tgError(code int, desc string, retryAfter int) map[string]any {
	e := map[string]any{"ok": false, "error_code": code, "description": desc}
	if retryAfter > 0 {
		e["parameters"] = map[string]any{"retry_after": retryAfter}
	}
	return e
}

func tgOK(w http.ResponseWriter, result any) {
	writeTG(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

func tgOKDesc(w http.ResponseWriter, result any, desc string) {
	body := map[string]any{"ok": true, "result": result}
	if desc != "" {
		body["description"] = desc
	}
	writeTG(w, http.StatusOK, body)
}

func writeTG(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// TextUpdate returns an Update carrying a text message in a private chat, exactly as Telegram
// sends it (https://core.telegram.org/bots/api#update): a text starting with a command
// ("/start PAYLOAD") carries its bot_command entity. languageCode "" leaves language_code out,
// as Telegram does when the app's language is unknown.
func TextUpdate(updateID int, chatID int64, text, languageCode string) []byte {
	msg := map[string]any{"message_id": updateID, "from": tgUser(chatID, languageCode), "chat": tgChat(chatID),
		"date": time.Now().Unix(), "text": text}
	if strings.HasPrefix(text, "/") {
		cmd, _, _ := strings.Cut(text, " ")
		msg["entities"] = []map[string]any{{"offset": 0, "length": len(utf16.Encode([]rune(cmd))), "type": "bot_command"}}
	}
	return tgMarshal(map[string]any{"update_id": updateID, "message": msg})
}

// CallbackUpdate returns an Update for a press of an inline keyboard button whose
// callback_data is data, on a message the bot sent to chatID
// (https://core.telegram.org/bots/api#callbackquery). Its query id is CallbackID(updateID).
func CallbackUpdate(updateID int, chatID int64, data string) []byte {
	return tgMarshal(map[string]any{"update_id": updateID, "callback_query": map[string]any{
		"id":   CallbackID(updateID),
		"from": tgUser(chatID, "en"),
		"message": map[string]any{"message_id": updateID, "date": time.Now().Unix(), "chat": tgChat(chatID),
			"from": map[string]any{"id": FakeBotID, "is_bot": true, "first_name": "Signpost", "username": "signpost_test_bot"},
			"text": "Choose one",
		},
		"chat_instance": "-" + strconv.FormatInt(chatID*7+3, 10),
		"data":          data,
	}})
}

// CallbackID is the callback query id in CallbackUpdate(updateID, ...).
func CallbackID(updateID int) string { return fmt.Sprintf("58%015d", updateID) }

func tgUser(id int64, languageCode string) map[string]any {
	u := map[string]any{"id": id, "is_bot": false, "first_name": "Sam"}
	if languageCode != "" {
		u["language_code"] = languageCode
	}
	return u
}

func tgChat(id int64) map[string]any {
	return map[string]any{"id": id, "first_name": "Sam", "type": "private"}
}

func tgMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
