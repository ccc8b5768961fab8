package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
)

// TestServeWithProviders runs `signpost serve` with Twilio and Telegram configured against fake
// providers on localhost, and takes a resident through the journey on each, as the providers
// would: signed Twilio webhooks, Telegram updates with the secret token, button presses.
func TestServeWithProviders(t *testing.T) {
	channeltest.GuardDefaultTransport(t)
	const (
		sid      = "AC0123456789abcdef0123456789abcdef"
		tgToken  = "123456:TEST-token_abc"
		secret   = "s3cret-token_for-webhooks"
		public   = "https://signpost.example.org"
		resident = "+447700900555"
	)
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			tw := channeltest.NewFakeTwilio(t, sid)
			tg := channeltest.NewFakeTelegram(t, tgToken)
			base, stop := serve(t, env(
				"SIGNPOST_ADDR", "127.0.0.1:0", "SIGNPOST_DATABASE_URL", storetest.URL(t, d), "SIGNPOST_PUBLIC_URL", public,
				"TWILIO_ACCOUNT_SID", sid, "TWILIO_AUTH_TOKEN", tw.AuthToken, "TWILIO_FROM", "+447700900000",
				"TWILIO_API_URL", tw.URL, "TELEGRAM_BOT_TOKEN", tgToken, "TELEGRAM_WEBHOOK_SECRET", secret,
				"TELEGRAM_API_URL", tg.URL))

			// --- SMS ---
			post := func(path string, form url.Values, sign bool) int {
				t.Helper()
				req, _ := http.NewRequest("POST", base+path, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if sign {
					req.Header.Set("X-Twilio-Signature", channeltest.SignTwilio(t, tw.AuthToken, public+path, form))
				}
				r, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				r.Body.Close()
				return r.StatusCode
			}
			if code := post("/webhooks/twilio/sms", channeltest.InboundSMS("SMbad", resident, "+447700900000", "hello", sid), false); code != 403 {
				t.Errorf("unsigned webhook: %d, want 403", code)
			}
			sent := 0
			sms := func(n int, text string, wantReplies int) []string {
				t.Helper()
				form := channeltest.InboundSMS(fmt.Sprintf("SM%032d", n), resident, "+447700900000", text, sid)
				if code := post("/webhooks/twilio/sms", form, true); code != 200 {
					t.Fatalf("webhook %q: %d", text, code)
				}
				// Twilio retries: the same MessageSid again is answered 200 and causes nothing.
				if code := post("/webhooks/twilio/sms", form, true); code != 200 {
					t.Fatalf("retried webhook %q: %d", text, code)
				}
				sent += wantReplies
				msgs := tw.WaitMessages(t, sent, 10*time.Second)
				var bodies []string
				for _, m := range msgs[sent-wantReplies:] {
					if m.To != resident || m.StatusCallback != public+"/webhooks/twilio/status" {
						t.Errorf("sent to %s with callback %q", m.To, m.StatusCallback)
					}
					bodies = append(bodies, m.Body)
				}
				return bodies
			}
			if got := strings.Join(sms(1, "Hi", 2), "\n"); !strings.Contains(got, "Reply STOP to stop") || !strings.Contains(got, "YES") {
				t.Errorf("welcome: %q", got)
			}
			sms(2, "yes", 1)
			sms(3, "SW9 8AB", 3)
			for i, score := range []string{"6", "7", "5"} {
				sms(4+i, score, 1)
			}
			if got := strings.Join(sms(7, "2", 2), "\n"); !strings.Contains(got, "1. Housing") {
				t.Errorf("needs question: %q", got)
			}
			if got := strings.Join(sms(8, "I've got debts and I'm lonely since my wife died", 2), "\n"); !strings.Contains(got, "020 7946") {
				t.Errorf("suggestions: %q", got)
			}
			if got := strings.Join(sms(9, "STOP", 1), "\n"); !strings.Contains(got, "START") {
				t.Errorf("stop: %q", got)
			}
			time.Sleep(100 * time.Millisecond)
			if n := len(tw.Messages()); n != sent {
				t.Errorf("%d SMS sent, want %d (a duplicate webhook caused a reply?)", n, sent)
			}

			// --- Telegram ---
			hook, gotSecret := tg.Webhook()
			if hook != public+"/webhooks/telegram" || gotSecret != secret {
				t.Errorf("webhook registered at %q with secret %q", hook, gotSecret)
			}
			update := func(body []byte, token string) int {
				t.Helper()
				req, _ := http.NewRequest("POST", base+"/webhooks/telegram", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if token != "" {
					req.Header.Set("X-Telegram-Bot-Api-Secret-Token", token)
				}
				r, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				r.Body.Close()
				return r.StatusCode
			}
			const chat = 424242
			if code := update(channeltest.TextUpdate(1, chat, "/start gp-practice-7", "en"), "wrong"); code != 401 {
				t.Errorf("wrong secret: %d, want 401", code)
			}
			steps := []struct {
				body    []byte
				replies int
				want    string
			}{
				{channeltest.TextUpdate(1, chat, "/start gp-practice-7", "en"), 2, "Send STOP"},
				{channeltest.TextUpdate(2, chat, "yes", "en"), 1, "postcode"},
				{channeltest.TextUpdate(3, chat, "Lewisham", "en"), 2, "Who are you looking for"},
				{channeltest.CallbackUpdate(4, chat, "parent"), 2, "satisfied"},
			}
			tgSent := 0
			for _, st := range steps {
				if code := update(st.body, secret); code != 200 {
					t.Fatalf("update: %d", code)
				}
				update(st.body, secret) // delivered twice: no second reply
				tgSent += st.replies
				msgs := tg.WaitSent(t, tgSent, 10*time.Second)
				var texts []string
				for _, m := range msgs[tgSent-st.replies:] {
					texts = append(texts, m.Text)
				}
				if got := strings.Join(texts, "\n"); !strings.Contains(got, st.want) {
					t.Errorf("replies %q lack %q", got, st.want)
				}
			}
			if who := tg.Sent()[4]; len(who.Keyboard) != 3 || who.Keyboard[0][0].CallbackData != "parent" {
				t.Errorf("who question keyboard: %+v", who.Keyboard)
			}
			if len(tg.Answered()) != 1 {
				t.Errorf("answered %d callback queries, want 1", len(tg.Answered()))
			}
			r, err := http.Get(base + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			metrics, _ := io.ReadAll(r.Body)
			r.Body.Close()
			for _, want := range []string{`signpost_webhook_duration_seconds_count{channel="sms",status="403"} 1`,
				`signpost_webhook_duration_seconds_count{channel="sms",status="200"} 18`,
				`signpost_webhook_duration_seconds_count{channel="telegram",status="401"} 1`,
				`signpost_inbound_duplicates_total{channel="sms"} 9`, `signpost_outbound_sent_total{channel="telegram"}`} {
				if !strings.Contains(string(metrics), want) {
					t.Errorf("metrics lack %q", want)
				}
			}
			if err := stop(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
