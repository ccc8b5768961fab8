package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestTakeover claims a handoff, replies, hands back and closes it, checking what the resident
// is sent and that the bot stays silent (but for the safety net) while a person has them.
func TestTakeover(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := bottest.NewClock(time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC))
		e := newEngine(t, s, clk)
		woken := 0
		e.Sent = func() { woken++ }
		const addr = "+447700900123"
		say := func(text string) bot.Handled {
			t.Helper()
			clk.Add(time.Minute)
			h, err := e.Handle(ctx, bot.Inbound{Channel: "sms", Address: addr, Text: text})
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			return h
		}
		for _, text := range []string{"Hi", "yes", "SW9 8AB", "6", "7", "5", "2", "I've got debts and I'm lonely since my wife died", "LINK"} {
			say(text)
		}
		q, err := s.Queue(ctx, store.QueueFilter{})
		if err != nil || len(q) != 1 {
			t.Fatalf("queue = %+v, %v; want one handoff", q, err)
		}
		h := q[0]
		refs, err := s.PersonReferrals(ctx, h.PersonID)
		if err != nil || len(refs) == 0 {
			t.Fatalf("referrals = %v, %v", refs, err)
		}
		sam := bot.Worker{Email: "sam@example.org", Name: "Sam"}
		kim := bot.Worker{Email: "kim@example.org", Name: "Kim"}
		lastOut := func() store.Message {
			t.Helper()
			ms, err := s.Transcript(ctx, h.PersonID)
			if err != nil {
				t.Fatal(err)
			}
			for i := len(ms) - 1; i >= 0; i-- {
				if ms[i].Direction == "out" {
					return ms[i]
				}
			}
			t.Fatal("no outbound message")
			return store.Message{}
		}

		if err := e.Reply(ctx, h.PersonID, sam, "hello"); !errors.Is(err, bot.ErrNotClaimed) {
			t.Errorf("reply before claiming: %v, want ErrNotClaimed", err)
		}
		clk.Add(time.Minute)
		woken = 0
		if _, err := e.Claim(ctx, h.ID, sam); err != nil {
			t.Fatal(err)
		}
		if m := lastOut(); !strings.Contains(m.Body, "Sam") || m.Author != "bot" {
			t.Errorf("after claim the resident got %q (author %s), want the human.joined message naming Sam", m.Body, m.Author)
		}
		if woken != 1 {
			t.Errorf("claim woke the dispatcher %d times, want 1", woken)
		}
		if mode, _ := s.ConversationMode(ctx, h.PersonID); mode != "human" {
			t.Errorf("mode after claim = %q", mode)
		}
		if _, err := e.Claim(ctx, h.ID, kim); !errors.Is(err, bot.ErrClaimedByOther) {
			t.Errorf("second worker's claim: %v, want ErrClaimedByOther", err)
		}
		if got := say("hello? is anyone there"); len(got.Replies) != 0 {
			t.Errorf("the bot answered while a person had the conversation: %+v", got.Replies)
		}
		if got := say("I want to end my life"); len(got.Replies) == 0 || !strings.Contains(got.Replies[0].Text+got.Replies[len(got.Replies)-1].Text, "116 123") {
			t.Errorf("the safety net did not answer a crisis message in human mode: %+v", got.Replies)
		}
		if err := e.Reply(ctx, h.PersonID, kim, "hi"); !errors.Is(err, bot.ErrClaimedByOther) {
			t.Errorf("reply by another worker: %v", err)
		}
		if err := e.Reply(ctx, h.PersonID, sam, "   "); !errors.Is(err, bot.ErrBadReply) {
			t.Errorf("empty reply: %v", err)
		}
		clk.Add(time.Minute)
		if err := e.Reply(ctx, h.PersonID, sam, "Hello, I'm Sam. Are you safe right now?"); err != nil {
			t.Fatal(err)
		}
		if m := lastOut(); m.Body != "Hello, I'm Sam. Are you safe right now?" || m.Author != sam.Email || m.Channel != "sms" {
			t.Errorf("reply recorded as %+v", m)
		}
		got, _ := s.Handoff(ctx, h.ID)
		if !got.FirstResponseAt.Valid || !got.FirstResponseAt.Time.Equal(store.UTC(clk.Now())) {
			t.Errorf("first response at %v, want %v", got.FirstResponseAt, clk.Now())
		}

		if err := e.HandBack(ctx, h.PersonID, sam); err != nil {
			t.Fatal(err)
		}
		if m := lastOut(); !strings.Contains(m.Body, "assistant") {
			t.Errorf("hand back told the resident %q, want human.left", m.Body)
		}
		if got := say("MENU"); len(got.Replies) == 0 {
			t.Error("the bot stayed silent after hand back")
		}

		for _, c := range []bot.Closing{{Outcome: "connected"}, {Outcome: "connected", ServiceID: "not-suggested"}} {
			if _, err := e.Close(ctx, h.ID, sam, c); !errors.Is(err, bot.ErrNeedService) {
				t.Errorf("close %+v: %v, want ErrNeedService", c, err)
			}
		}
		if _, err := e.Close(ctx, h.ID, sam, bot.Closing{Outcome: "vanished"}); !errors.Is(err, bot.ErrBadOutcome) {
			t.Errorf("bad outcome: %v", err)
		}
		if _, err := e.Close(ctx, h.ID, kim, bot.Closing{Outcome: "declined"}); !errors.Is(err, bot.ErrClaimedByOther) {
			t.Errorf("close by another worker: %v", err)
		}
		if _, err := e.Close(ctx, h.ID, sam, bot.Closing{Outcome: "connected", ServiceID: refs[0].ServiceID}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Handoff(ctx, h.ID)
		if got.Status != "closed" || got.Outcome != "connected" || got.SNOMEDCode != "871731000000106" ||
			got.OutcomeServiceName != refs[0].ServiceName || got.ClosedBy != sam.Email {
			t.Errorf("closed handoff = %+v", got)
		}
		if _, err := e.Close(ctx, h.ID, sam, bot.Closing{Outcome: "declined"}); !errors.Is(err, bot.ErrClosed) {
			t.Errorf("closing twice: %v", err)
		}
	})
}

func TestSNOMEDFor(t *testing.T) {
	for outcome, want := range map[string]string{
		bot.OutcomeConnected: "871731000000106", bot.OutcomeSignposted: "871731000000106",
		bot.OutcomeDeclined: "871711000000103", bot.OutcomeNotContacted: "",
	} {
		if got := bot.SNOMEDFor(outcome); got != want {
			t.Errorf("SNOMEDFor(%s) = %q, want %q", outcome, got, want)
		}
	}
}
