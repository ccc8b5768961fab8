package dashboard_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/twilio"
)

// chromiumPath is Debian's chromium package, which `make test` and .ci/run install.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium with a fresh profile, or skips the test where Chromium is
// not installed (unless SIGNPOST_REQUIRE_BROWSER is set, as in CI, where that is a failure).
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("SIGNPOST_REQUIRE_BROWSER") != "" {
			t.Fatalf("browser tests are required but %s is missing: apt-get install -y chromium", chromiumPath)
		}
		t.Skipf("browser test skipped: %s is not installed (run `make chromium` as root, or apt-get install -y chromium)", chromiumPath)
	}
	profile, err := os.MkdirTemp("", "signpost-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// Chromium may still be writing its profile as it exits: remove it best-effort, not
	// through t.TempDir, whose cleanup fails the test on a directory that is not yet empty.
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// TestBrowserHandoffJourney drives the dashboard in headless Chromium against the real stack and
// a fake Twilio: a resident's crisis SMS raises an urgent handoff; a link worker logs in, sees
// it first in the queue, opens the person, claims, replies (the reply reaches Twilio), hands
// back, closes with an outcome, and finds it in the report. With SIGNPOST_SCREENSHOTS=DIR it
// saves the screenshots the README shows.
func TestBrowserHandoffJourney(t *testing.T) {
	ctx := browser(t)
	channeltest.GuardDefaultTransport(t)
	const sid = "AC0123456789abcdef0123456789abcdef"
	const resident = "+447700900777"
	s := storetest.Open(t, storetest.Dialects()[len(storetest.Dialects())-1])
	e := newEnvClock(t, s, "", &clock{real: true})
	tw := channeltest.NewFakeTwilio(t, sid)
	apiURL, _ := url.Parse(tw.URL)
	public, _ := url.Parse(e.srv.URL)
	sms, err := twilio.New(twilio.Config{AccountSID: sid, AuthToken: tw.AuthToken, From: "+447700900000", APIURL: apiURL,
		PublicURL: public, SendRate: 100}, e.engine, s, quiet, bot.NewMetrics())
	if err != nil {
		t.Fatal(err)
	}
	sms.Register(e.mux)
	disp := bot.NewDispatcher(s, map[string]bot.Sender{"sms": sms}, quiet, time.Now)
	disp.Poll = 50 * time.Millisecond
	e.engine.Sent = disp.Wake
	dctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { disp.Run(dctx) })
	t.Cleanup(func() { stop(); wg.Wait() })

	// A resident texts in, through the signed Twilio webhook, and ends with a crisis message.
	c := e.client()
	for i, text := range []string{"Hi", "yes", "SW9 8AB", "6", "7", "5", "2", "I've got debts and I'm lonely since my wife died",
		"I can't go on, I want to end my life"} {
		form := channeltest.InboundSMS("SM"+strings.Repeat("0", 31)+string(rune('a'+i)), resident, "+447700900000", text, sid)
		r := c.post("/webhooks/twilio/sms", form, "X-Twilio-Signature", channeltest.SignTwilio(t, tw.AuthToken, e.srv.URL+"/webhooks/twilio/sms", form))
		if r.status != 200 {
			t.Fatalf("webhook %q: %d %s", text, r.status, r.body)
		}
	}
	pid, err := s.PersonIDByAddress(context.Background(), "sms", resident)
	if err != nil {
		t.Fatal(err)
	}
	// Others in the queue, and a follow-up wellbeing check, so the pages look like a working day.
	e.resident("+447700900778", "Hi", "yes", "Croydon", "8", "8", "7", "3", "food", "LINK")
	e.resident("+447700900779", "Hi", "yes", "E1 6AN", "4", "5", "4", "6", "housing", "LINK")
	if err := s.InTx(context.Background(), func(tx *store.Tx) error {
		for i, item := range store.ONS4Items {
			if err := tx.AddScore(context.Background(), pid, "sms", "ons4", "1", "follow_up", item, []int{7, 8, 7, 4}[i],
				[]string{"medium", "high", "medium", "medium"}[i], time.Now()); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	e.account("sam@example.org", "linkworker", password)
	u, _ := s.UserByEmail(context.Background(), "sam@example.org")
	_, _ = s.DB().Exec(s.DB().Rebind(`UPDATE users SET name = ? WHERE id = ?`), "Sam", u.ID)

	shots := os.Getenv("SIGNPOST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var png []byte
			if err := chromedp.FullScreenshot(&png, 100).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name), png, 0o644)
		})
	}
	run := func(step string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			var loc, body string
			_ = chromedp.Run(ctx, chromedp.Location(&loc), chromedp.Text("main", &body, chromedp.ByQuery))
			t.Fatalf("%s: %v\nat %s:\n%.1500s", step, err, loc, body)
		}
	}
	var text string
	base := e.srv.URL

	run("log in",
		chromedp.Navigate(base+"/dashboard/"),
		chromedp.WaitVisible(`#email`, chromedp.ByQuery),
		chromedp.SendKeys(`#email`, "sam@example.org", chromedp.ByQuery),
		chromedp.SendKeys(`#password`, password, chromedp.ByQuery),
		chromedp.Submit(`#password`, chromedp.ByQuery),
		chromedp.WaitVisible(`table.queue`, chromedp.ByQuery),
		chromedp.Text(`table.queue tbody tr:first-child`, &text, chromedp.ByQuery),
	)
	if !strings.Contains(text, "Urgent") || !strings.Contains(text, pid) {
		t.Fatalf("first row of the queue = %q, want the urgent handoff of %s", text, pid)
	}
	// dashboard.js runs under the CSP: it fills the live count badge in the menu.
	var badge string
	run("live counts", chromedp.Poll(`document.querySelector(".badge").textContent !== ""`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text(`.badge`, &badge, chromedp.ByQuery))
	if badge != "3" {
		t.Errorf("live open count = %q, want 3", badge)
	}
	run("queue screenshot", shot("queue.png"))

	run("open the person and claim",
		chromedp.Click(`table.queue tbody tr:first-child a`, chromedp.ByQuery),
		chromedp.WaitVisible(`#transcript`, chromedp.ByQuery),
		chromedp.Click(`//button[normalize-space()="Claim and reply"]`, chromedp.BySearch),
		chromedp.WaitVisible(`#text`, chromedp.ByQuery),
	)
	before := len(tw.Messages())
	tw.WaitMessages(t, before, 5*time.Second)
	const reply = "Hello, I'm Sam, a link worker. Are you safe right now? I can call you today."
	run("reply",
		chromedp.SendKeys(`#text`, reply, chromedp.ByQuery),
		chromedp.Click(`//button[normalize-space()="Send reply"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//div[@role="status"][contains(., "on its way")]`, chromedp.BySearch),
	)
	deadline := time.Now().Add(10 * time.Second)
	var joined, replied bool
	for time.Now().Before(deadline) && !replied {
		for _, m := range tw.Messages() {
			joined = joined || (m.To == resident && strings.Contains(m.Body, "Sam"))
			replied = replied || (m.To == resident && m.Body == reply)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !joined || !replied {
		t.Fatalf("fake Twilio got joined=%v reply=%v; messages: %+v", joined, replied, tw.Messages())
	}
	run("person screenshot", chromedp.Sleep(5500*time.Millisecond), shot("person.png"))

	n := len(tw.Messages())
	run("hand back",
		chromedp.Click(`//button[normalize-space()="Hand back to the assistant"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//div[@role="status"][contains(., "assistant has the conversation")]`, chromedp.BySearch),
	)
	if msgs := tw.WaitMessages(t, n+1, 10*time.Second); !strings.Contains(msgs[n].Body, "assistant") {
		t.Errorf("after hand back the resident got %q", msgs[n].Body)
	}
	run("close with an outcome",
		chromedp.Click(`input[name=outcome][value=connected]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#service`, chromedp.ByQuery),
		chromedp.SetValue(`#service`, firstReferral(t, s, pid), chromedp.ByQuery),
		chromedp.Click(`//button[normalize-space()="Close handoff"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//div[@role="status"][contains(., "outcome recorded")]`, chromedp.BySearch),
		chromedp.Text(`section[aria-labelledby=history]`, &text, chromedp.ByQuery),
	)
	if !strings.Contains(text, "Connected") || !strings.Contains(text, "871731000000106") {
		t.Errorf("handoff history after closing = %q", text)
	}
	run("reports",
		chromedp.Click(`//a[normalize-space()="Reports"]`, chromedp.BySearch),
		chromedp.WaitVisible(`#ons4`, chromedp.ByQuery),
		chromedp.Text(`main`, &text, chromedp.ByQuery),
		shot("reports.png"),
	)
	for _, want := range []string{"People engaged: 3", "Connected", "Handoffs: 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func firstReferral(t *testing.T, s *store.Store, pid string) string {
	t.Helper()
	refs, err := s.PersonReferrals(context.Background(), pid)
	if err != nil || len(refs) == 0 {
		t.Fatalf("no referrals for %s: %v", pid, err)
	}
	return refs[0].ServiceID
}
