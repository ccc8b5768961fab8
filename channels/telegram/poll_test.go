package telegram_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/telegram"
)

// run starts ch.Run and returns a function that stops it (a crash, as far as the channel can
// tell) and waits for it to return.
func run(t *testing.T, ch *telegram.Channel) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ch.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Error("Run did not stop")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func offset(t *testing.T, s *store.Store) string {
	t.Helper()
	v, err := s.Setting(context.Background(), "telegram.offset")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// counting hands messages to the engine and counts them.
func counting(eng *bot.Engine, n *atomic.Int32) func(context.Context, bot.Inbound) (bot.Handled, error) {
	return func(ctx context.Context, in bot.Inbound) (bot.Handled, error) {
		n.Add(1)
		return eng.Handle(ctx, in)
	}
}

func TestPollingStoresOffsetOnlyAfterProcessing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, "")
		// A webhook left from running in webhook mode: getUpdates fails until it is deleted.
		if err := h.newChannel(secret, quiet).Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		h.fake.QueueUpdate(channeltest.TextUpdate(500, chatA, "hello", "en"))

		// Processing fails, again and again, then the process dies.
		var failures atomic.Int32
		ch := h.newChannel("", quiet)
		telegram.SetBackoff(ch, 5*time.Millisecond)
		telegram.SetHandle(ch, func(context.Context, bot.Inbound) (bot.Handled, error) {
			failures.Add(1)
			return bot.Handled{}, errors.New("crash")
		})
		stop := run(t, ch)
		waitFor(t, "the update to fail three times", func() bool { return failures.Load() >= 3 })
		stop()
		if u, _ := h.fake.Webhook(); u != "" {
			t.Errorf("webhook %q still set in polling mode", u)
		}
		if v := offset(t, s); v != "" {
			t.Errorf("offset %q stored for an update that was never handled", v)
		}
		for _, c := range h.fake.Calls("getUpdates") {
			if o := c.Params.Get("offset"); o != "" {
				t.Errorf("getUpdates with offset %s confirmed the failed update", o)
			}
		}
		if n := h.fake.Pending(); n != 1 {
			t.Fatalf("Telegram holds %d updates, want the failed one", n)
		}

		// After a restart it is fetched again and handled; only then is the offset stored.
		var handled atomic.Int32
		ch = h.newChannel("", quiet)
		telegram.SetHandle(ch, counting(h.eng, &handled))
		stop = run(t, ch)
		waitFor(t, "offset 501 to be stored", func() bool { return offset(t, s) == "501" })
		waitFor(t, "Telegram to be told", func() bool { return h.fake.Pending() == 0 })
		stop()
		if n := handled.Load(); n != 1 {
			t.Errorf("handled %d times, want 1", n)
		}
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 1 {
			t.Errorf("%d inbound messages, want 1", n)
		}
		if sent := h.deliver(); len(sent) == 0 {
			t.Error("no reply sent")
		}

		// A restart starts from the stored offset: were Telegram to offer the update again, it
		// is confirmed, not handled.
		polls := len(h.fake.Calls("getUpdates"))
		h.fake.QueueUpdate(channeltest.TextUpdate(500, chatA, "hello", "en"))
		var again atomic.Int32
		ch = h.newChannel("", quiet)
		telegram.SetHandle(ch, counting(h.eng, &again))
		stop = run(t, ch)
		waitFor(t, "a poll", func() bool { return len(h.fake.Calls("getUpdates")) > polls })
		stop()
		if first := h.fake.Calls("getUpdates")[polls]; first.Params.Get("offset") != "501" {
			t.Errorf("first poll after restart has offset %q, want 501", first.Params.Get("offset"))
		}
		if first := h.fake.Calls("getUpdates")[polls]; first.Params.Get("allowed_updates") != `["message","callback_query"]` {
			t.Errorf("allowed_updates = %q", first.Params.Get("allowed_updates"))
		}
		if n := again.Load(); n != 0 {
			t.Errorf("restart handled %d updates again", n)
		}
	})
}

func TestPollingSkipsAnUpdateThatKeepsFailing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := newHarness(t, s, "")
		ch := h.newChannel("", quiet)
		telegram.SetBackoff(ch, time.Millisecond)
		telegram.SetMaxUpdateAttempts(ch, 3)
		var poison atomic.Int32
		telegram.SetHandle(ch, func(ctx context.Context, in bot.Inbound) (bot.Handled, error) {
			if in.ProviderID == "600" {
				poison.Add(1)
				return bot.Handled{}, errors.New("a bug in a flow")
			}
			return h.eng.Handle(ctx, in)
		})
		h.fake.QueueUpdate(channeltest.TextUpdate(600, chatA, "hello", "en"))
		h.fake.QueueUpdate(channeltest.TextUpdate(601, chatB, "hello", "en"))
		h.fake.QueueUpdate(`{"update_id":602,"message":"not an object"}`)
		h.fake.QueueUpdate(channeltest.CallbackUpdate(603, chatB, "YES"))
		stop := run(t, ch)
		waitFor(t, "offset 604", func() bool { return offset(t, s) == "604" })
		stop()
		if n := poison.Load(); n != 3 {
			t.Errorf("failing update tried %d times, want 3", n)
		}
		if n := h.count(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`); n != 2 {
			t.Errorf("%d inbound messages, want the 2 readable ones after the failing one", n)
		}
		if got := h.fake.Answered(); len(got) != 1 || got[0] != channeltest.CallbackID(603) {
			t.Errorf("answered %q, want the polled button press", got)
		}
	})
}
