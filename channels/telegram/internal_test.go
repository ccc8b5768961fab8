package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/signpost-nhs/signpost/flows"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"fits", "one two three", 20, []string{"one two three"}},
		{"exactly the limit", "abcde", 5, []string{"abcde"}},
		{"at the last space", "one two three four", 10, []string{"one two", "three four"}},
		{"at a line break in the second half", "first line\nsecond line here", 16, []string{"first line", "second line here"}},
		{"line break too early: at a space", "ab\ncdefgh ijk lmnop", 14, []string{"ab\ncdefgh ijk", "lmnop"}},
		{"a word longer than the limit", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"never between a surrogate pair", "😀😀😀", 3, []string{"😀", "😀", "😀"}},
		{"spaces at the cut are dropped", "aaaa    bbbb", 6, []string{"aaaa", "bbbb"}},
		{"empty", "", 10, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := split(tc.text, tc.max)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("split = %q, want %q", got, tc.want)
			}
			for _, p := range got {
				if n := len(utf16.Encode([]rune(p))); n > tc.max {
					t.Errorf("part %q is %d units", p, n)
				}
			}
		})
	}
}

func TestInbound(t *testing.T) {
	private := chat{ID: 42, Type: "private"}
	for _, tc := range []struct {
		name       string
		u          update
		want       string // Text, Source, Locale, Address joined by |
		callbackID string
		ok         bool
	}{
		{"text", update{UpdateID: 1, Message: &message{Chat: private, From: &user{ID: 42, LanguageCode: "pl-PL"}, Text: "Cześć"}},
			"Cześć||pl|42", "", true},
		{"deep link", update{UpdateID: 2, Message: &message{Chat: private, From: &user{ID: 42}, Text: "/start from_gp",
			Entities: []entity{{Type: "bot_command", Length: 6}}}}, "/start|from_gp||42", "", true},
		{"/start in the middle of text is text", update{UpdateID: 3, Message: &message{Chat: private, Text: "why /start x"}},
			"why /start x|||42", "", true},
		{"other command loses the bot's name", update{UpdateID: 4, Message: &message{Chat: private, Text: "/help@signpost_bot",
			Entities: []entity{{Type: "bot_command", Length: 18}}}}, "/help|||42", "", true},
		{"button", update{UpdateID: 5, CallbackQuery: &callbackQuery{ID: "cb1", From: user{ID: 42, LanguageCode: "en"},
			Message: &message{Chat: private}, Data: "young"}}, "young||en|42", "cb1", true},
		{"button on a message too old to include", update{UpdateID: 6, CallbackQuery: &callbackQuery{ID: "cb2", From: user{ID: 42},
			Data: "adult"}}, "adult|||42", "cb2", true},
		{"group", update{UpdateID: 7, Message: &message{Chat: chat{ID: -100, Type: "group"}, Text: "hi"}}, "", "", false},
		{"from a bot", update{UpdateID: 8, Message: &message{Chat: private, From: &user{ID: 9, IsBot: true}, Text: "hi"}}, "", "", false},
		{"neither", update{UpdateID: 9}, "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, cb, _, ok := inbound(tc.u)
			if ok != tc.ok || cb != tc.callbackID {
				t.Fatalf("ok %t callback %q, want %t %q", ok, cb, tc.ok, tc.callbackID)
			}
			if !ok {
				return
			}
			if got := strings.Join([]string{in.Text, in.Source, in.Locale, in.Address}, "|"); got != tc.want {
				t.Errorf("inbound %q, want %q", got, tc.want)
			}
			if in.ProviderID != fmt.Sprint(tc.u.UpdateID) || in.Channel != "telegram" {
				t.Errorf("provider id %q channel %q", in.ProviderID, in.Channel)
			}
		})
	}
}

func TestPrimaryTag(t *testing.T) {
	for in, want := range map[string]string{"pl": "pl", "pl-PL": "pl", "EN-gb": "en", "pt_BR": "pt", "": "", "x": "", "toolong": ""} {
		if got := primaryTag(in); got != want {
			t.Errorf("primaryTag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeyboardLabels(t *testing.T) {
	long := strings.Repeat("word ", 20)
	kb, ok := keyboard([]flows.Option{{Value: "a", Label: long}, {Value: "b", Label: ""}})
	if !ok {
		t.Fatal("no keyboard")
	}
	if got := kb.InlineKeyboard[0][0].Text; len([]rune(got)) > maxLabel || !strings.HasSuffix(got, "…") {
		t.Errorf("long label %q", got)
	}
	if got := kb.InlineKeyboard[1][0].Text; got != "b" {
		t.Errorf("empty label shown as %q, want the value", got)
	}
	if _, ok := keyboard([]flows.Option{{Value: "", Label: "x"}}); ok {
		t.Error("keyboard with empty callback data")
	}
}

func TestRedact(t *testing.T) {
	const tok = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
	inner := context.DeadlineExceeded
	err := &url.Error{Op: "Post", URL: "https://api.telegram.org/bot" + tok + "/sendMessage", Err: inner}
	got := redact(fmt.Errorf("send: %w", err), tok)
	if strings.Contains(got.Error(), "AAHdqTcv") {
		t.Errorf("token in %q", got)
	}
	if !errors.Is(got, context.DeadlineExceeded) {
		t.Error("redaction lost the cause")
	}
	for e := got; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), "AAHdqTcv") {
			t.Errorf("token reachable by Unwrap: %q", e)
		}
	}
	plain := errors.New("plain")
	if redact(plain, tok) != plain {
		t.Error("an error without the token was changed")
	}
}

func TestChatLimiter(t *testing.T) {
	l := newLimiters(1000, 1, 3)
	now := time.Now()
	lim := l.chat(1)
	for i := range 3 {
		if r := lim.ReserveN(now, 1); r.DelayFrom(now) != 0 {
			t.Fatalf("message %d of a burst delayed", i+1)
		}
	}
	if r := lim.ReserveN(now, 1); r.DelayFrom(now) < 900*time.Millisecond {
		t.Errorf("fourth message in a second delayed %s, want about 1s", r.DelayFrom(now))
	}
	if l.chat(1) != lim {
		t.Error("a chat's limiter was replaced while in use")
	}
	// Idle chats are dropped at the next sweep; busy ones kept.
	l.chat(2)
	l.swept = time.Time{}
	l.chat(3)
	if _, ok := l.chats[2]; ok {
		t.Error("idle chat kept")
	}
	if _, ok := l.chats[1]; !ok {
		t.Error("busy chat dropped")
	}
}
