package telegram_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/telegram"
	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/flows"
)

// token has the shape of a real bot token; its secret half must never appear in an error or log.
const (
	token       = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
	tokenSecret = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
	secret      = "signpost_webhook-secret_0123456789"
	chatA       = int64(512345678)
	chatB       = int64(698765432)
)

var quiet = slog.New(slog.DiscardHandler)

type clock = bottest.Clock

func newEngine(t testing.TB, s *store.Store, clk *clock) *bot.Engine {
	return bottest.NewEngine(t, s, clk.Now)
}

// harness is a real engine, store and dispatcher, the Telegram channel serving its webhook
// on a local server, and a fake Bot API, with nothing leaving localhost.
type harness struct {
	t    *testing.T
	s    *store.Store
	clk  *clock
	eng  *bot.Engine
	fake *channeltest.FakeTelegram
	srv  *httptest.Server
	mux  *http.ServeMux
	ch   *telegram.Channel
	disp *bot.Dispatcher
}

func newHarness(t *testing.T, s *store.Store, webhookSecret string) *harness {
	t.Helper()
	channeltest.GuardDefaultTransport(t)
	h := &harness{t: t, s: s, clk: bottest.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))}
	h.fake = channeltest.NewFakeTelegram(t, token)
	h.eng = newEngine(t, s, h.clk)
	h.mux = http.NewServeMux()
	h.srv = httptest.NewServer(h.mux)
	t.Cleanup(h.srv.Close)
	h.ch = h.newChannel(webhookSecret, quiet)
	h.ch.Register(h.mux)
	h.disp = bot.NewDispatcher(s, map[string]bot.Sender{flows.ChannelTelegram: h.ch}, quiet, h.clk.Now)
	return h
}

func (h *harness) config(webhookSecret string) telegram.Config {
	api, err := url.Parse(h.fake.URL)
	if err != nil {
		h.t.Fatal(err)
	}
	pub, err := url.Parse(h.srv.URL)
	if err != nil {
		h.t.Fatal(err)
	}
	// A high per-chat rate keeps the tests quick; the limiter has its own test.
	return telegram.Config{Token: token, WebhookSecret: webhookSecret, APIURL: api, PublicURL: pub, ChatRate: 1000,
		Transport: channeltest.LocalOnly(h.t, nil)}
}

func (h *harness) newChannel(webhookSecret string, log *slog.Logger) *telegram.Channel {
	h.t.Helper()
	ch, err := telegram.New(context.Background(), h.config(webhookSecret), h.eng, h.s, log, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	return ch
}

// post delivers a webhook request as Telegram does; header "" sends no secret.
func (h *harness) post(body []byte, header string) int {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.srv.URL+"/webhooks/telegram", bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if header != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", header)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// mustPost delivers an update with the right secret and wants 200.
func (h *harness) mustPost(body []byte) {
	h.t.Helper()
	if code := h.post(body, secret); code != http.StatusOK {
		h.t.Fatalf("webhook answered %d, want 200", code)
	}
}

// deliver runs the dispatcher until nothing is due and returns everything sent so far.
func (h *harness) deliver() []channeltest.FakeTGMessage {
	h.t.Helper()
	for {
		n, err := h.disp.RunOnce(context.Background())
		if err != nil {
			h.t.Fatal(err)
		}
		if n == 0 {
			return h.fake.Sent()
		}
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

func (h *harness) person(chat int64) store.Person {
	h.t.Helper()
	id, err := h.s.PersonIDByAddress(context.Background(), flows.ChannelTelegram, fmt.Sprint(chat))
	if err != nil {
		h.t.Fatalf("person for chat: %v", err)
	}
	p, err := h.s.Person(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return p
}

func texts(ms []channeltest.FakeTGMessage) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestWebhookSecret(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		hello := channeltest.TextUpdate(1, chatA, "hello", "en")
		for _, tc := range []struct {
			name   string
			header string
			body   []byte
			want   int
		}{
			{"missing secret", "", hello, http.StatusUnauthorized},
			{"wrong secret", "not-the-secret", hello, http.StatusUnauthorized},
			{"secret with a prefix", secret + "x", hello, http.StatusUnauthorized},
			{"secret in the wrong case", strings.ToUpper(secret), hello, http.StatusUnauthorized},
			{"missing secret, bad JSON", "", []byte("{"), http.StatusUnauthorized},
			{"right secret, bad JSON", secret, []byte(`{"update_id":`), http.StatusBadRequest},
			{"right secret, no update_id", secret, []byte(`{}`), http.StatusBadRequest},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := h.post(tc.body, tc.header); got != tc.want {
					t.Errorf("status %d, want %d", got, tc.want)
				}
			})
		}
		for _, table := range []string{"people", "identities", "messages", "outbox"} {
			if n := h.count(`SELECT COUNT(*) FROM ` + table); n != 0 {
				t.Errorf("%d rows in %s after rejected requests", n, table)
			}
		}
		h.mustPost(hello)
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
			t.Errorf("%d inbound messages after an accepted update, want 1", n)
		}
	})
}

func TestWebhookRouteInPollingMode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, "") // polling mode
		for _, header := range []string{"", secret} {
			if got := h.post(channeltest.TextUpdate(1, chatA, "hello", "en"), header); got != http.StatusNotFound {
				t.Errorf("secret %q: status %d, want 404", header, got)
			}
		}
		if n := h.count(`SELECT COUNT(*) FROM messages`); n != 0 {
			t.Errorf("%d messages stored", n)
		}
	})
}

func TestWebhookRegistration(t *testing.T) {
	channeltest.GuardDefaultTransport(t)
	for _, tc := range []struct {
		name, public, want string
	}{
		{"public URL at the root", "https://signpost.example.org", "https://signpost.example.org/webhooks/telegram"},
		{"trailing slash", "https://signpost.example.org/", "https://signpost.example.org/webhooks/telegram"},
		{"behind a path prefix", "https://nhs.example.org/signpost/", "https://nhs.example.org/signpost/webhooks/telegram"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := channeltest.NewFakeTelegram(t, token)
			api, _ := url.Parse(fake.URL)
			pub, _ := url.Parse(tc.public)
			ch, err := telegram.New(context.Background(), telegram.Config{Token: token, WebhookSecret: secret, APIURL: api,
				PublicURL: pub, Transport: channeltest.LocalOnly(t, nil)}, nil, nil, quiet, nil)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := ch.Run(ctx); err != nil {
				t.Fatalf("Run: %v", err)
			}
			u, sec := fake.Webhook()
			if u != tc.want || sec != secret {
				t.Errorf("webhook = %q with secret %q, want %q with %q", u, sec, tc.want, secret)
			}
			if got := fake.AllowedUpdates(); got != `["message","callback_query"]` {
				t.Errorf("allowed_updates = %s", got)
			}
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	channeltest.GuardDefaultTransport(t)
	fake := channeltest.NewFakeTelegram(t, token)
	api, _ := url.Parse(fake.URL)
	pub, _ := url.Parse("https://signpost.example.org")
	for _, tc := range []struct {
		name string
		cfg  telegram.Config
		want string
	}{
		{"no token", telegram.Config{APIURL: api}, "no bot token"},
		{"wrong token", telegram.Config{Token: "123456789:WRONGwrongWRONGwrongWRONGwrong", APIURL: api}, "401"},
		{"secret with characters Telegram refuses", telegram.Config{Token: token, APIURL: api, PublicURL: pub, WebhookSecret: "no spaces!"}, "TELEGRAM_WEBHOOK_SECRET"},
		{"webhook without a public URL", telegram.Config{Token: token, APIURL: api, WebhookSecret: secret}, "SIGNPOST_PUBLIC_URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Transport = channeltest.LocalOnly(t, nil)
			_, err := telegram.New(context.Background(), tc.cfg, nil, nil, quiet, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "WRONGwrong") {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
}

func TestDuplicateAndConcurrentDeliveries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		upd := channeltest.TextUpdate(1001, chatA, "hello", "en")
		// Telegram retries a webhook it thinks failed, sometimes while the first is running.
		var wg sync.WaitGroup
		codes := make([]int, 6)
		for i := range codes {
			wg.Go(func() { codes[i] = h.post(upd, secret) })
		}
		wg.Wait()
		for i, c := range codes {
			if c != http.StatusOK {
				t.Errorf("delivery %d: status %d, want 200", i, c)
			}
		}
		queued := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
		if queued == 0 {
			t.Fatal("no reply queued")
		}
		h.mustPost(upd) // and once more, later
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
			t.Errorf("%d inbound messages, want 1", n)
		}
		if n := h.count(`SELECT COUNT(*) FROM people`); n != 1 {
			t.Errorf("%d people, want 1", n)
		}
		sent := h.deliver()
		if len(sent) != queued {
			t.Errorf("sent %d messages, want the %d of one reply: %q", len(sent), queued, texts(sent))
		}
	})
}

func TestStartPayloadAndLanguage(t *testing.T) {
	c, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		for i, tc := range []struct {
			name, text, lang   string
			wantSource, wantLn string
		}{
			{"deep link, Polish app", "/start clinic_42", "pl", "clinic_42", "pl"},
			{"deep link, regional language tag", "/start gp-Hackney-2026", "pl-PL", "gp-Hackney-2026", "pl"},
			{"hand-typed payload is sanitised", "/start leaflet #3!", "en", "leaflet3", "en"},
			{"payload over 64 characters is cut", "/start " + strings.Repeat("a", 70), "en", strings.Repeat("a", 64), "en"},
			{"plain /start", "/start", "en-GB", "", "en"},
			{"command addressed to the bot", "/start@signpost_test_bot school_7", "en", "school_7", "en"},
			{"unsupported language falls back to English", "/start", "de", "", "en"},
			{"no language code", "hello", "", "", "en"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				chat := chatA + int64(i)
				before := len(h.fake.Sent())
				h.mustPost(channeltest.TextUpdate(100+i, chat, tc.text, tc.lang))
				p := h.person(chat)
				if p.Source != tc.wantSource || p.Language != tc.wantLn {
					t.Errorf("source %q language %q, want %q and %q", p.Source, p.Language, tc.wantSource, tc.wantLn)
				}
				sent := h.deliver()[before:]
				want := c.Text(tc.wantLn, "consent.ask")
				var found bool
				for _, m := range sent {
					if m.ChatID != chat {
						t.Errorf("reply went to another chat")
					}
					found = found || strings.Contains(m.Text, want)
				}
				if !found {
					t.Errorf("no %s consent question in %q", tc.wantLn, texts(sent))
				}
			})
		}
	})
}

func TestKeyboardAndButtonPress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		for i, text := range []string{"hello", "YES", "E8 1AA"} {
			h.mustPost(channeltest.TextUpdate(10+i, chatA, text, "en"))
		}
		sent := h.deliver()
		last := sent[len(sent)-1]
		if len(last.Keyboard) != 3 {
			t.Fatalf("who question %q has keyboard %+v, want 3 rows", last.Text, last.Keyboard)
		}
		for _, row := range last.Keyboard {
			if len(row) != 1 {
				t.Errorf("row %+v, want one button per row", row)
			}
			if b := row[0]; b.CallbackData == "" || len(b.CallbackData) > 64 || b.Text == "" {
				t.Errorf("button %+v: want a label and 1-64 bytes of callback data", b)
			}
		}
		if strings.Contains(last.Text, "1.") {
			t.Errorf("choices written out as text as well as buttons: %q", last.Text)
		}
		parent := last.Keyboard[0][0]
		if parent.CallbackData != "parent" {
			t.Fatalf("first button %+v, want the parent choice", parent)
		}
		h.mustPost(channeltest.CallbackUpdate(20, chatA, parent.CallbackData))
		if got := h.fake.Answered(); len(got) != 1 || got[0] != channeltest.CallbackID(20) {
			t.Errorf("answered callback queries %q, want [%s]", got, channeltest.CallbackID(20))
		}
		if p := h.person(chatA); p.AgeGroup != flows.AgeParentCarer {
			t.Errorf("age group %q after pressing %q, want %q", p.AgeGroup, parent.Text, flows.AgeParentCarer)
		}
		if after := h.deliver(); len(after) == len(sent) {
			t.Error("no reply to the button press")
		}
		// A redelivered press is not handled twice, and its query is answered again (Telegram
		// refuses, which is fine).
		before := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
		h.mustPost(channeltest.CallbackUpdate(20, chatA, parent.CallbackData))
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`); n != before {
			t.Errorf("redelivered press queued %d more messages", n-before)
		}
		if n := len(h.fake.Calls("answerCallbackQuery")); n != 2 {
			t.Errorf("%d answerCallbackQuery calls, want 2", n)
		}
	})
}

func TestCallbackAnsweredWhenHandlingFails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		telegram.SetHandle(h.ch, func(context.Context, bot.Inbound) (bot.Handled, error) {
			return bot.Handled{}, errors.New("database on fire")
		})
		if code := h.post(channeltest.CallbackUpdate(30, chatA, "parent"), secret); code != http.StatusInternalServerError {
			t.Errorf("status %d, want 500 so that Telegram retries", code)
		}
		if got := h.fake.Answered(); len(got) != 1 {
			t.Errorf("answered %q, want the query answered although handling failed", got)
		}
	})
}

func TestUpdatesThatAreNotForTheBot(t *testing.T) {
	group := `{"update_id":40,"message":{"message_id":7,"from":{"id":512345678,"is_bot":false,"first_name":"Sam","language_code":"en"},
		"chat":{"id":-1001234567890,"title":"Parents of Year 6","type":"supergroup"},"date":1764000000,"text":"hello"}}`
	groupButton := `{"update_id":41,"callback_query":{"id":"5800000000000041","from":{"id":512345678,"is_bot":false,"first_name":"Sam"},
		"message":{"message_id":8,"chat":{"id":-1001234567890,"title":"Parents","type":"supergroup"},"date":1764000000,"text":"Choose"},
		"chat_instance":"-77","data":"parent"}}`
	pinned := `{"update_id":42,"message":{"message_id":9,"from":{"id":512345678,"is_bot":false,"first_name":"Sam"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,
		"pinned_message":{"message_id":5,"chat":{"id":512345678,"type":"private"},"date":1764000000,"text":"hi"}}}`
	edited := `{"update_id":43,"edited_message":{"message_id":10,"from":{"id":512345678,"is_bot":false,"first_name":"Sam"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,"edit_date":1764000100,"text":"hello"}}`
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		for _, tc := range []struct {
			name     string
			body     string
			answered int
		}{
			{"group chat message", group, 0},
			{"button in a group chat is still answered", groupButton, 1},
			{"service message", pinned, 0},
			{"edited message (not asked for)", edited, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := len(h.fake.Answered())
				h.mustPost([]byte(tc.body))
				if n := h.count(`SELECT COUNT(*) FROM messages`); n != 0 {
					t.Errorf("%d messages stored", n)
				}
				if n := len(h.fake.Answered()) - before; n != tc.answered {
					t.Errorf("%d callback queries answered, want %d", n, tc.answered)
				}
			})
		}
	})
}

func TestNonTextMessages(t *testing.T) {
	sticker := `{"update_id":50,"message":{"message_id":11,"from":{"id":512345678,"is_bot":false,"first_name":"Sam","language_code":"en"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,
		"sticker":{"file_id":"CAACAgIAAxkBAAI","file_unique_id":"AgAD","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍"}}}`
	photo := `{"update_id":51,"message":{"message_id":12,"from":{"id":512345678,"is_bot":false,"first_name":"Sam","language_code":"en"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,
		"photo":[{"file_id":"AgACAgQ","file_unique_id":"AQAD","width":90,"height":67,"file_size":1100}]}}`
	captioned := `{"update_id":52,"message":{"message_id":13,"from":{"id":512345678,"is_bot":false,"first_name":"Sam","language_code":"en"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,
		"photo":[{"file_id":"AgACAgQ","file_unique_id":"AQAD","width":90,"height":67}],"caption":"HELP"}}`
	voice := `{"update_id":53,"message":{"message_id":14,"from":{"id":512345678,"is_bot":false,"first_name":"Sam","language_code":"en"},
		"chat":{"id":512345678,"first_name":"Sam","type":"private"},"date":1764000000,
		"voice":{"file_id":"AwACAgQ","file_unique_id":"AgAD","duration":3,"mime_type":"audio/ogg"}}}`
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		for _, tc := range []struct {
			name, body, want string
		}{
			{"sticker", sticker, "[sticker]"},
			{"photo", photo, "[photo]"},
			{"photo with a caption", captioned, "HELP"},
			{"voice note", voice, "[voice]"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := len(h.deliver())
				h.mustPost([]byte(tc.body))
				var body string
				if err := s.DB().Get(&body, s.DB().Rebind(`SELECT body FROM messages WHERE direction = 'in' ORDER BY id DESC LIMIT 1`)); err != nil {
					t.Fatal(err)
				}
				if body != tc.want {
					t.Errorf("stored as %q, want %q", body, tc.want)
				}
				if len(h.deliver()) == before {
					t.Error("no answer")
				}
			})
		}
	})
}

func TestBlockedPersonIsStopped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		h.mustPost(channeltest.TextUpdate(60, chatA, "hello", "en"))
		h.fake.Block(chatA)
		h.deliver()
		if p := h.person(chatA); !p.OptedOut {
			t.Error("person not marked opted out after 403 blocked")
		}
		calls := len(h.fake.Calls("sendMessage"))
		if n := h.count(`SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')`); n != 0 {
			t.Errorf("%d messages still queued for a person who blocked the bot", n)
		}
		h.clk.Add(time.Hour)
		h.deliver()
		if n := len(h.fake.Calls("sendMessage")); n != calls {
			t.Errorf("%d more sends after the block", n-calls)
		}
	})
}

func TestRateLimitedSendWaitsRetryAfter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		h.mustPost(channeltest.TextUpdate(70, chatA, "hello", "en"))
		queued := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
		h.fake.FailNext(http.StatusTooManyRequests, "Too Many Requests: retry after 30", 30, 1)
		sentRows := func() int {
			return h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out' AND status = 'accepted'`)
		}
		h.deliver()
		if n := sentRows(); n >= queued {
			t.Fatalf("%d of %d sent although one was rate limited", n, queued)
		}
		h.clk.Add(25 * time.Second) // past the dispatcher's own first backoff, not past retry_after
		h.deliver()
		if n := sentRows(); n >= queued {
			t.Errorf("retried before retry_after")
		}
		h.clk.Add(6 * time.Second)
		h.deliver()
		if n := sentRows(); n != queued {
			t.Errorf("%d of %d sent after retry_after", n, queued)
		}
		if n := len(h.fake.Sent()); n != queued {
			t.Errorf("Telegram got %d messages, want %d", n, queued)
		}
	})
}

func TestProviderIDsUniqueAcrossChats(t *testing.T) {
	// Telegram numbers messages per chat, so two people's first replies share message_id 1;
	// the provider id must still be unique, or recording the second send fails and it repeats.
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		h.mustPost(channeltest.TextUpdate(80, chatA, "hello", "en"))
		h.mustPost(channeltest.TextUpdate(81, chatB, "hello", "en"))
		queued := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
		sent := h.deliver()
		if len(sent) != queued {
			t.Errorf("sent %d, want %d", len(sent), queued)
		}
		if n := h.count(`SELECT COUNT(DISTINCT provider_id) FROM messages WHERE direction = 'out' AND provider_id IS NOT NULL`); n != queued {
			t.Errorf("%d distinct provider ids for %d messages", n, queued)
		}
		var ids []string
		if err := s.DB().Select(&ids, `SELECT provider_id FROM messages WHERE direction = 'out'`); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if strings.Contains(id, fmt.Sprint(chatA)) || strings.Contains(id, fmt.Sprint(chatB)) {
				t.Errorf("provider id %q holds a chat id", id)
			}
		}
	})
}

func TestSend(t *testing.T) {
	long := strings.Repeat("Community fridge open every weekday. ", 200) // about 7,400 characters
	wide := strings.Repeat("😀", 3000)                                    // 6,000 UTF-16 units, no spaces
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		ctx := context.Background()
		for i, tc := range []struct {
			name      string
			text      string
			opts      []flows.Option
			wantParts int
			keyboard  bool
			numbered  bool
		}{
			{"plain text", "Hello", nil, 1, false, false},
			{"choices as buttons", "Who is this for?", []flows.Option{{Value: "parent", Label: "A parent"}, {Value: "young", Label: "A young person"}}, 1, true, false},
			{"callback data over 64 bytes falls back to numbers", "Pick one",
				[]flows.Option{{Value: strings.Repeat("x", 65), Label: "Too long"}, {Value: "ok", Label: "Fine"}}, 1, false, true},
			{"long text split at word boundaries, buttons on the last part", long, []flows.Option{{Value: "more", Label: "More"}}, 2, true, false},
			{"one long word split between characters", wide, nil, 2, false, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				chat := chatA + int64(i)
				before := len(h.fake.Sent())
				id, err := h.ch.Send(ctx, bot.Outgoing{OutboxID: int64(i + 1), PersonID: fmt.Sprintf("p_%d", i), Channel: "telegram",
					Address: fmt.Sprint(chat), Text: tc.text, Options: tc.opts, Attempt: 1})
				if err != nil {
					t.Fatal(err)
				}
				sent := h.fake.Sent()[before:]
				if len(sent) != tc.wantParts {
					t.Fatalf("%d messages, want %d", len(sent), tc.wantParts)
				}
				if want := fmt.Sprintf("p_%d/%d", i, sent[len(sent)-1].MessageID); id != want {
					t.Errorf("provider id %q, want %q", id, want)
				}
				var joined []string
				for j, m := range sent {
					if n := len(utf16.Encode([]rune(m.Text))); n > telegram.MaxText {
						t.Errorf("part %d has %d characters", j, n)
					}
					if hasKB := len(m.Keyboard) > 0; hasKB != (tc.keyboard && j == len(sent)-1) {
						t.Errorf("part %d keyboard %v", j, m.Keyboard)
					}
					joined = append(joined, m.Text)
				}
				if tc.numbered && !strings.Contains(sent[0].Text, "\n1. Too long\n2. Fine") {
					t.Errorf("text %q, want numbered choices", sent[0].Text)
				}
				if tc.text == long {
					if got := strings.TrimSpace(strings.Join(joined, " ")); got != strings.TrimSpace(long) {
						t.Error("parts do not rejoin into the text at a space: a word was split")
					}
				}
				if tc.text == wide && strings.Join(joined, "") != wide {
					t.Error("parts do not rejoin into the text")
				}
			})
		}
	})
}

func TestSendErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, secret)
		for _, tc := range []struct {
			name       string
			code       int
			desc       string
			retryAfter int
			want       bot.SendError
		}{
			{"blocked", 403, "Forbidden: bot was blocked by the user", 0, bot.SendError{Code: "403", Stopped: true}},
			{"deactivated", 403, "Forbidden: user is deactivated", 0, bot.SendError{Code: "403", Stopped: true}},
			{"flood wait", 429, "Too Many Requests: retry after 7", 7, bot.SendError{Code: "429", Retryable: true, RetryAfter: 7 * time.Second}},
			{"server error", 502, "Bad Gateway", 0, bot.SendError{Code: "502", Retryable: true}},
			{"chat not found", 400, "Bad Request: chat not found", 0, bot.SendError{Code: "400"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				h.fake.FailNext(tc.code, tc.desc, tc.retryAfter, 1)
				_, err := h.ch.Send(context.Background(), bot.Outgoing{OutboxID: 1, PersonID: "p_1", Address: fmt.Sprint(chatA), Text: "hi"})
				var se *bot.SendError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v, want a *bot.SendError", err)
				}
				if se.Code != tc.want.Code || se.Stopped != tc.want.Stopped || se.Retryable != tc.want.Retryable || se.RetryAfter != tc.want.RetryAfter {
					t.Errorf("got code %s stopped %t retryable %t after %s, want %+v", se.Code, se.Stopped, se.Retryable, se.RetryAfter, tc.want)
				}
			})
		}
		t.Run("not a chat id", func(t *testing.T) {
			_, err := h.ch.Send(context.Background(), bot.Outgoing{OutboxID: 1, Address: "+447700900123", Text: "hi"})
			var se *bot.SendError
			if !errors.As(err, &se) || se.Retryable || se.Stopped {
				t.Errorf("err = %v, want a permanent SendError", err)
			}
		})
	})
}

// refuse is a transport that answers getMe from the fake and fails everything else as a
// network would, with the request URL (and so the token) in Go's error text.
func refuse(t *testing.T) http.RoundTripper {
	local := channeltest.LocalOnly(t, nil)
	return roundTrip(func(r *http.Request) (*http.Response, error) {
		if strings.HasSuffix(r.URL.Path, "/getMe") {
			return local.RoundTrip(r)
		}
		return nil, errors.New("connection reset by peer")
	})
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestTokenNeverInErrorsOrLogs(t *testing.T) {
	channeltest.GuardDefaultTransport(t)
	fake := channeltest.NewFakeTelegram(t, token)
	api, _ := url.Parse(fake.URL)
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := storetest.Open(t, store.SQLite)
	ch, err := telegram.New(context.Background(), telegram.Config{Token: token, APIURL: api, Transport: refuse(t)}, nil, s, log, nil)
	if err != nil {
		t.Fatal(err)
	}
	telegram.SetBackoff(ch, time.Millisecond)
	leaks := func(what, text string) {
		t.Helper()
		if strings.Contains(text, tokenSecret) {
			t.Errorf("%s shows the token: %s", what, text)
		}
	}

	_, err = ch.Send(context.Background(), bot.Outgoing{OutboxID: 1, PersonID: "p_1", Address: fmt.Sprint(chatA), Text: "hi"})
	var se *bot.SendError
	if !errors.As(err, &se) || !se.Retryable || se.Code != "network" {
		t.Errorf("err = %v, want a retryable network SendError", err)
	}
	leaks("Send error", err.Error())
	for e := err; e != nil; e = errors.Unwrap(e) {
		leaks("wrapped Send error", e.Error())
	}

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := ch.Run(ctx); err != nil {
		leaks("Run error", err.Error())
	}
	mu.Lock()
	out := logs.String()
	mu.Unlock()
	if !strings.Contains(out, "deleteWebhook failed") {
		t.Errorf("no failure logged: %s", out)
	}
	leaks("log", out)

	// A wrong API URL fails in New; that error is redacted too.
	bad, _ := url.Parse("http://127.0.0.1:1")
	_, err = telegram.New(context.Background(), telegram.Config{Token: token, APIURL: bad, Transport: channeltest.LocalOnly(t, nil)}, nil, nil, quiet, nil)
	if err == nil {
		t.Fatal("New succeeded against a closed port")
	}
	leaks("New error", err.Error())
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
