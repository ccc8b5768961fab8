package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// env builds a getenv from pairs.
func env(pairs ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return func(k string) string { return m[k] }
}

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

var listening = regexp.MustCompile(`listening on (http://[0-9.:]+)`)

// serve starts `signpost serve` through run on port 0 and waits until /readyz answers.
func serve(t *testing.T, getenv func(string) string) (base string, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"signpost", "serve"}, getenv, strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for base == "" {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}
	for {
		r, err := http.Get(base + "/readyz")
		if err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("never ready: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var once sync.Once
	var stopErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(30 * time.Second):
				stopErr = errors.New("serve did not stop")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { _ = stop() })
	return base, stop
}

func TestServeEndToEnd(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			dbURL := storetest.URL(t, d)
			base, stop := serve(t, env("SIGNPOST_ADDR", "127.0.0.1:0", "SIGNPOST_DATABASE_URL", dbURL))

			for _, path := range []string{"/healthz", "/readyz", "/try", "/try/static/try.js"} {
				r, err := http.Get(base + path)
				if err != nil {
					t.Fatal(err)
				}
				r.Body.Close()
				if r.StatusCode != 200 {
					t.Errorf("GET %s: %d", path, r.StatusCode)
				}
			}
			// The profiler is never on the public listener.
			if r, err := http.Get(base + "/debug/pprof/"); err != nil {
				t.Fatal(err)
			} else if r.Body.Close(); r.StatusCode != http.StatusNotFound {
				t.Errorf("GET /debug/pprof/ on the public address: %d, want 404", r.StatusCode)
			}

			// A resident chats on the /try page: the same engine, the web channel.
			jar, _ := cookiejar.New(nil)
			client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
			say := func(text string) []string {
				t.Helper()
				body, _ := json.Marshal(map[string]string{"text": text})
				r, err := client.Post(base+"/try/messages", "application/json", bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				defer r.Body.Close()
				if r.StatusCode != 200 {
					b, _ := io.ReadAll(r.Body)
					t.Fatalf("POST /try/messages %q: %d %s", text, r.StatusCode, b)
				}
				var out struct {
					Messages []struct{ From, Text string }
				}
				if err := json.NewDecoder(r.Body).Decode(&out); err != nil {
					t.Fatal(err)
				}
				var texts []string
				for _, m := range out.Messages {
					if m.From == "signpost" {
						texts = append(texts, m.Text)
					}
				}
				return texts
			}
			if got := strings.Join(say("hello"), "\n"); !strings.Contains(got, "Signpost") || !strings.Contains(got, "YES") {
				t.Errorf("welcome = %q", got)
			}
			if got := strings.Join(say("yes"), "\n"); !strings.Contains(got, "postcode") {
				t.Errorf("after consent = %q", got)
			}
			if got := strings.Join(say("I can't go on, I want to end my life"), "\n"); !strings.Contains(got, "116 123") || !strings.Contains(got, "999") ||
				!strings.Contains(got, "85258") || !strings.Contains(got, "0800 1111") || !strings.Contains(got, "111") {
				t.Errorf("crisis reply = %q", got)
			}

			r, err := http.Get(base + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			metrics, _ := io.ReadAll(r.Body)
			r.Body.Close()
			for _, want := range []string{`signpost_inbound_messages_total{channel="web"} 3`, "signpost_handoffs_urgent_open 1",
				"signpost_outbox_depth "} {
				if !strings.Contains(string(metrics), want) {
					t.Errorf("metrics lack %q:\n%.3000s", want, metrics)
				}
			}
			if err := stop(); err != nil {
				t.Fatalf("graceful stop: %v", err)
			}

			// The state outlived the process: the urgent handoff and the outbox are in the database.
			s, err := store.Open(context.Background(), dbURL)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var urgent, queued int
			s.DB().Get(&urgent, `SELECT COUNT(*) FROM handoffs WHERE urgent`)
			s.DB().Get(&queued, `SELECT COUNT(*) FROM outbox`)
			if urgent != 1 || queued != 0 {
				t.Errorf("after stop: %d urgent handoffs (want 1), %d unsent outbox rows (want 0)", urgent, queued)
			}
		})
	}
}

func TestChat(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "chat.db")
	in := strings.NewReader("hello\nyes\nE1 6AN\n7\n7\n7\n3\nrent\nSTOP\n")
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"signpost", "chat"}, env("SIGNPOST_DATABASE_URL", db), in, &out, &errs); err != nil {
		t.Fatalf("chat: %v\n%s", err, errs.String())
	}
	got := out.String()
	for _, want := range []string{"Reply STOP to stop", "Where do you live?", "Tower Hamlets",
		"satisfied are you with your life nowadays", "1. Housing", "2. Money and debt", "Some services that could help:",
		"You won't get any more messages"} {
		if !strings.Contains(got, want) {
			t.Errorf("chat output lacks %q:\n%s", want, got)
		}
	}
	// The same person, the same database: the conversation carries on in a second session.
	out.Reset()
	if err := run(context.Background(), []string{"signpost", "chat"}, env("SIGNPOST_DATABASE_URL", db),
		strings.NewReader("START\n"), &out, &errs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Welcome back") {
		t.Errorf("second session: %s", out.String())
	}
}

func TestCommandLineErrors(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  []string
		code int
		want string
	}{
		{"no command", []string{"signpost"}, nil, 2, "no command"},
		{"unknown command", []string{"signpost", "frobnicate"}, nil, 2, "unknown command"},
		{"bad flag", []string{"signpost", "chat", "--nope"}, nil, 2, "flag provided but not defined"},
		{"bad channel", []string{"signpost", "chat", "--channel", "fax"}, nil, 2, "--channel"},
		{"bad duration", []string{"signpost", "migrate"}, []string{"SIGNPOST_FOLLOWUP_AFTER", "3 days"}, 2, "SIGNPOST_FOLLOWUP_AFTER"},
		{"bad quiet hours", []string{"signpost", "migrate"}, []string{"SIGNPOST_QUIET_HOURS", "late"}, 2, "SIGNPOST_QUIET_HOURS"},
		{"bad url", []string{"signpost", "migrate"}, []string{"SIGNPOST_PUBLIC_URL", "not a url"}, 2, "SIGNPOST_PUBLIC_URL"},
		{"bad timezone", []string{"signpost", "migrate"}, []string{"SIGNPOST_TIMEZONE", "Mars/Olympus"}, 2, "SIGNPOST_TIMEZONE"},
		{"bad debug address", []string{"signpost", "migrate"}, []string{"SIGNPOST_DEBUG_ADDR", "everywhere"}, 2, "SIGNPOST_DEBUG_ADDR"},
		{"bad database", []string{"signpost", "migrate"}, []string{"SIGNPOST_DATABASE_URL", "mysql://x"}, 2, "SIGNPOST_DATABASE_URL"},
		{"bad export", []string{"signpost", "export", "everything"}, nil, 2, "unknown export"},
		{"help", []string{"signpost", "--help"}, nil, 0, ""},
		{"command help", []string{"signpost", "chat", "--help"}, nil, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := append([]string{"SIGNPOST_DATABASE_URL", "sqlite:" + filepath.Join(t.TempDir(), "x.db")}, tc.env...)
			var out, errs bytes.Buffer
			err := run(context.Background(), tc.args, env(e...), strings.NewReader(""), &out, &errs)
			code := exitCode(err, &errs)
			if code != tc.code {
				t.Fatalf("exit %d, want %d (err %v)", code, tc.code, err)
			}
			if lines := strings.Count(strings.TrimSpace(errs.String()), "\n") + 1; tc.code == 2 && lines > 1 && !strings.Contains(errs.String(), "Usage") {
				t.Errorf("error is %d lines, want one: %q", lines, errs.String())
			}
			if tc.want != "" && !strings.Contains(errs.String(), tc.want) {
				t.Errorf("stderr %q lacks %q", errs.String(), tc.want)
			}
			if strings.Contains(errs.String(), "goroutine") || strings.Contains(errs.String(), "panic") {
				t.Errorf("stack trace on stderr: %s", errs.String())
			}
			if tc.code == 0 && !strings.Contains(out.String(), "Usage") {
				t.Errorf("help printed %q", out.String())
			}
		})
	}
}

func TestMain(m *testing.M) {
	// The load tool starts `signpost serve` as its own executable: in a test, this binary.
	if os.Getenv(asMainEnv) == "1" {
		main()
	}
	// Tests must never leave localhost; no provider is configured here.
	os.Unsetenv("TWILIO_ACCOUNT_SID")
	os.Unsetenv("TELEGRAM_BOT_TOKEN")
	os.Exit(m.Run())
}

// asMainEnv makes the test binary run as the signpost command (for the processes it starts).
const asMainEnv = "SIGNPOST_TEST_AS_MAIN"
