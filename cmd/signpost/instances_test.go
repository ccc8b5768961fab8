package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
	"github.com/signpost-nhs/signpost/channels/channeltest"
)

// TestThreeInstances runs three `signpost serve` instances on one PostgreSQL database behind a
// round-robin proxy, started together (so their migrations race), and sends them concurrent
// messages from the same people and duplicate deliveries: no update is lost, each message is
// handled once and each outbox row reaches Twilio once.
func TestThreeInstances(t *testing.T) {
	if len(storetest.Dialects()) < 2 {
		t.Skip(storetest.PostgresEnv + " is not set: several instances need PostgreSQL")
	}
	channeltest.GuardDefaultTransport(t)
	const sid = "AC0123456789abcdef0123456789abcdef"
	const public = "https://signpost.example.org"
	tw := channeltest.NewFakeTwilio(t, sid)
	dbURL := storetest.URL(t, store.Postgres)
	getenv := env("SIGNPOST_ADDR", "127.0.0.1:0", "SIGNPOST_DATABASE_URL", dbURL, "SIGNPOST_PUBLIC_URL", public,
		"TWILIO_ACCOUNT_SID", sid, "TWILIO_AUTH_TOKEN", tw.AuthToken, "TWILIO_FROM", "+447700900000",
		"TWILIO_API_URL", tw.URL, "TWILIO_SEND_RATE", "1000")

	bases := make([]string, 3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range bases {
		wg.Go(func() {
			b, _ := serve(t, getenv) // all three migrate the same empty database at once
			mu.Lock()
			bases[i] = b
			mu.Unlock()
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	var next atomic.Uint64
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		u, _ := url.Parse(bases[next.Add(1)%3])
		r.SetURL(u)
	}})
	defer proxy.Close()

	post := func(msgSid, from, body string) error {
		form := channeltest.InboundSMS(msgSid, from, "+447700900000", body, sid)
		req, _ := http.NewRequest("POST", proxy.URL+"/webhooks/twilio/sms", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Twilio-Signature", channeltest.SignTwilio(t, tw.AuthToken, public+"/webhooks/twilio/sms", form))
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		r.Body.Close()
		if r.StatusCode != 200 {
			return fmt.Errorf("status %d", r.StatusCode)
		}
		return nil
	}

	const people, each = 6, 8
	var sendWG sync.WaitGroup
	for p := range people {
		for m := range each {
			sendWG.Go(func() {
				from := fmt.Sprintf("+4477009008%02d", p)
				if err := post(fmt.Sprintf("SM%02d%030d", p, m), from, "hello"); err != nil {
					t.Error(err)
				}
			})
		}
	}
	// One message delivered three times at once, one to each instance.
	for range 3 {
		sendWG.Go(func() {
			if err := post("SMdup000000000000000000000000000", "+447700900899", "hello"); err != nil {
				t.Error(err)
			}
		})
	}
	sendWG.Wait()

	s := openForCheck(t, dbURL)
	var versions []int
	if err := s.DB().Select(&versions, `SELECT version FROM conversations ORDER BY person_id`); err != nil {
		t.Fatal(err)
	}
	lost := 0
	for _, v := range versions {
		if v != each && v != 1 {
			lost++
		}
	}
	var inbound, peopleN, replies int
	s.DB().Get(&inbound, `SELECT COUNT(*) FROM messages WHERE direction = 'in'`)
	s.DB().Get(&peopleN, `SELECT COUNT(*) FROM people`)
	s.DB().Get(&replies, `SELECT COUNT(*) FROM messages WHERE direction = 'out'`)
	if lost > 0 || peopleN != people+1 || inbound != people*each+1 {
		t.Errorf("versions %v (want %d each, 1 for the duplicate), %d people, %d inbound; want %d people, %d inbound",
			versions, each, peopleN, inbound, people+1, people*each+1)
	}
	// Every queued reply reaches Twilio once, whichever instance's dispatcher sends it.
	got := tw.WaitMessages(t, replies, 20*time.Second)
	time.Sleep(300 * time.Millisecond)
	if n := len(tw.Messages()); n != replies {
		t.Errorf("Twilio received %d messages for %d replies", n, replies)
	}
	var unsent int
	s.DB().Get(&unsent, `SELECT COUNT(*) FROM outbox`)
	if unsent != 0 || len(got) == 0 {
		t.Errorf("%d outbox rows unsent", unsent)
	}
}

// openForCheck opens the database the instances share, for the test's own queries.
func openForCheck(t *testing.T, dbURL string) *store.Store {
	t.Helper()
	s, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
