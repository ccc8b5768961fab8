package channeltest_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/signpost-nhs/signpost/channels/channeltest"
)

const tgToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"

// tgClient is the real client library pointed at the fake.
func tgClient(t *testing.T, f *channeltest.FakeTelegram, token string) (*tgbotapi.BotAPI, error) {
	t.Helper()
	return tgbotapi.NewBotAPIWithClient(token, f.URL+"/bot%s/%s",
		&http.Client{Transport: channeltest.LocalOnly(t, nil), Timeout: 5 * time.Second})
}

func TestFakeTelegramWithTheClientLibrary(t *testing.T) {
	channeltest.GuardDefaultTransport(t)
	f := channeltest.NewFakeTelegram(t, tgToken)
	b, err := tgClient(t, f, tgToken)
	if err != nil {
		t.Fatalf("getMe: %v", err)
	}
	if !b.Self.IsBot || b.Self.ID != 123456789 {
		t.Errorf("getMe = %+v", b.Self)
	}

	t.Run("wrong token", func(t *testing.T) {
		_, err := tgClient(t, f, "123456789:wrong")
		var te *tgbotapi.Error
		if !errors.As(err, &te) || te.Code != http.StatusUnauthorized || te.Message != "Unauthorized" {
			t.Errorf("err = %#v, want Telegram's 401 Unauthorized", err)
		}
	})

	t.Run("sendMessage with a keyboard", func(t *testing.T) {
		msg := tgbotapi.NewMessage(42, "Who is this for?")
		msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(
			tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("A parent", "parent")))
		got, err := b.Send(msg)
		if err != nil {
			t.Fatal(err)
		}
		sent := f.WaitSent(t, 1, time.Second)
		m := sent[len(sent)-1]
		if m.ChatID != 42 || m.Text != "Who is this for?" || got.MessageID != int(m.MessageID) {
			t.Errorf("recorded %+v, client got message %d", m, got.MessageID)
		}
		if len(m.Keyboard) != 1 || m.Keyboard[0][0] != (channeltest.FakeTGButton{Text: "A parent", CallbackData: "parent"}) {
			t.Errorf("keyboard %+v", m.Keyboard)
		}
		if _, err := b.Send(tgbotapi.NewMessage(43, "hi")); err != nil {
			t.Fatal(err)
		}
		if ms := f.Sent(); ms[len(ms)-1].MessageID != 1 {
			t.Errorf("another chat's first message has id %d, want 1: ids are per chat", ms[len(ms)-1].MessageID)
		}
	})

	t.Run("failures", func(t *testing.T) {
		for _, tc := range []struct {
			name       string
			code       int
			desc       string
			retryAfter int
		}{
			{"flood wait", 429, "Too Many Requests: retry after 5", 5},
			{"blocked", 403, "Forbidden: bot was blocked by the user", 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				f.FailNext(tc.code, tc.desc, tc.retryAfter, 1)
				_, err := b.Send(tgbotapi.NewMessage(42, "hi"))
				var te *tgbotapi.Error
				if !errors.As(err, &te) || te.Code != tc.code || te.Message != tc.desc || te.RetryAfter != tc.retryAfter {
					t.Errorf("err = %#v", err)
				}
				if _, err := b.Send(tgbotapi.NewMessage(42, "hi")); err != nil {
					t.Errorf("second send: %v, want only one failure", err)
				}
			})
		}
		f.Block(99)
		var te *tgbotapi.Error
		if _, err := b.Send(tgbotapi.NewMessage(99, "hi")); !errors.As(err, &te) || te.Code != 403 {
			t.Errorf("send to a blocking chat: %v", err)
		}
	})

	t.Run("webhook", func(t *testing.T) {
		if _, err := b.MakeRequest("setWebhook", tgbotapi.Params{"url": "https://example.org/webhooks/telegram",
			"secret_token": "s3cret", "allowed_updates": `["message"]`}); err != nil {
			t.Fatal(err)
		}
		if u, s := f.Webhook(); u != "https://example.org/webhooks/telegram" || s != "s3cret" || f.AllowedUpdates() != `["message"]` {
			t.Errorf("webhook %q %q %q", u, s, f.AllowedUpdates())
		}
		var te *tgbotapi.Error
		if _, err := b.GetUpdates(tgbotapi.NewUpdate(0)); !errors.As(err, &te) || te.Code != http.StatusConflict {
			t.Errorf("getUpdates with a webhook set: %v, want 409", err)
		}
		if _, err := b.Request(tgbotapi.DeleteWebhookConfig{}); err != nil {
			t.Fatal(err)
		}
		if u, _ := f.Webhook(); u != "" {
			t.Errorf("webhook %q after deleteWebhook", u)
		}
	})

	t.Run("getUpdates confirms by offset", func(t *testing.T) {
		f.QueueUpdate(channeltest.TextUpdate(10, 42, "hello", "en"))
		f.QueueUpdate(channeltest.CallbackUpdate(11, 42, "parent"))
		cfg := tgbotapi.NewUpdate(0)
		cfg.Timeout = 25
		start := time.Now()
		ups, err := b.GetUpdates(cfg)
		if err != nil || len(ups) != 2 {
			t.Fatalf("got %d updates, %v", len(ups), err)
		}
		if again, _ := b.GetUpdates(cfg); len(again) != 2 {
			t.Errorf("unconfirmed updates not served again: %d", len(again))
		}
		cfg.Offset = 11
		if rest, _ := b.GetUpdates(cfg); len(rest) != 1 || rest[0].UpdateID != 11 {
			t.Errorf("offset 11 gave %d updates", len(rest))
		}
		cfg.Offset = 12
		if rest, _ := b.GetUpdates(cfg); len(rest) != 0 || f.Pending() != 0 {
			t.Errorf("offset 12 gave %d updates, %d pending", len(rest), f.Pending())
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("an empty long poll took %s", d)
		}
	})

	t.Run("answerCallbackQuery", func(t *testing.T) {
		id := channeltest.CallbackID(11)
		if _, err := b.Request(tgbotapi.NewCallback(id, "")); err != nil {
			t.Fatal(err)
		}
		if got := f.Answered(); len(got) != 1 || got[0] != id {
			t.Errorf("answered %q", got)
		}
		var te *tgbotapi.Error
		if _, err := b.Request(tgbotapi.NewCallback(id, "")); !errors.As(err, &te) || te.Code != 400 {
			t.Errorf("second answer: %v, want 400 as Telegram", err)
		}
	})

	t.Run("unknown method", func(t *testing.T) {
		var te *tgbotapi.Error
		if _, err := b.MakeRequest("sendTelepathy", nil); !errors.As(err, &te) || te.Code != 404 {
			t.Errorf("err = %v, want 404", err)
		}
	})
}

func TestTelegramPayloads(t *testing.T) {
	var u tgbotapi.Update
	if err := json.Unmarshal(channeltest.TextUpdate(7, 512345678, "/start clinic_42", "pl"), &u); err != nil {
		t.Fatal(err)
	}
	m := u.Message
	if u.UpdateID != 7 || m == nil || m.Chat.ID != 512345678 || m.Chat.Type != "private" || m.From.LanguageCode != "pl" ||
		!m.IsCommand() || m.Command() != "start" || m.CommandArguments() != "clinic_42" {
		t.Errorf("text update decoded as %+v / %+v", u, m)
	}
	var plain tgbotapi.Update
	if err := json.Unmarshal(channeltest.TextUpdate(8, 1, "hello", ""), &plain); err != nil || plain.Message.IsCommand() || plain.Message.From.LanguageCode != "" {
		t.Errorf("plain text update: %v %+v", err, plain.Message)
	}
	var cb tgbotapi.Update
	if err := json.Unmarshal(channeltest.CallbackUpdate(9, 512345678, "young"), &cb); err != nil {
		t.Fatal(err)
	}
	q := cb.CallbackQuery
	if q == nil || q.ID != channeltest.CallbackID(9) || q.Data != "young" || q.Message.Chat.ID != 512345678 || q.From.ID != 512345678 {
		t.Errorf("callback update decoded as %+v", q)
	}
	if _, err := strconv.ParseUint(q.ID, 10, 64); err != nil {
		t.Errorf("callback id %q is not numeric like Telegram's", q.ID)
	}
}
