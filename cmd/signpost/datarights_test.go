package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestForgetAndSubjectAccessCommands runs `export person` and `forget` against a conversation
// held in the terminal chat's database.
func TestForgetAndSubjectAccessCommands(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "p.db")
	getenv := env("SIGNPOST_DATABASE_URL", db)
	runOK(t, getenv, "hello\nyes\nE1 6AN\n7\n7\n7\n3\nrent\n", "chat", "--channel", "sms", "--from", "+447700900555")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pid, err := s.PersonIDByAddress(context.Background(), "sms", "+447700900555")
	if err != nil {
		t.Fatal(err)
	}

	out := runOK(t, getenv, "", "export", "person", "--person", pid)
	var doc struct {
		Person struct {
			PersonID string `json:"person_id"`
		}
		Identities []struct{ Address string }
		Messages   []struct{ Body string }
		Consents   []struct{ Purpose string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("export person is not JSON: %v\n%s", err, out)
	}
	if doc.Person.PersonID != pid || len(doc.Identities) != 1 || doc.Identities[0].Address != "+447700900555" ||
		len(doc.Messages) < 8 || len(doc.Consents) != 1 {
		t.Errorf("export person = %+v", doc)
	}

	out = runOK(t, getenv, "", "forget", "--person", pid)
	if !strings.Contains(out, "erased "+pid) || !strings.Contains(out, "1 identities") {
		t.Errorf("forget printed %q", out)
	}
	if hits := storetest.FindText(t, s, "+447700900555"); len(hits) != 0 {
		t.Errorf("the number is still held in %v", hits)
	}
	es, err := s.AuditLog(context.Background(), store.AuditFilter{Subject: pid})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Action != store.AuditErase || es[1].Action != store.AuditExport || !strings.HasPrefix(es[0].Actor, "command line") {
		t.Errorf("audit = %+v", es)
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"forget unknown", []string{"forget", "--person", pid}, 1, "no person"},
		{"forget without person", []string{"forget"}, 2, "--person ID is required"},
		{"forget bad flag", []string{"forget", "--id", "x"}, 2, "flag provided but not defined"},
		{"forget extra", []string{"forget", "--person", "x", "y"}, 2, "unexpected argument"},
		{"export unknown person", []string{"export", "person", "--person", "p_nobody"}, 1, "no person"},
		{"export person without id", []string{"export", "person"}, 2, "--person ID is required"},
		{"bad retention", []string{"migrate"}, 2, "SIGNPOST_RETENTION"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := getenv
			if tc.name == "bad retention" {
				e = env("SIGNPOST_DATABASE_URL", db, "SIGNPOST_RETENTION", "a year")
			}
			var out, errs bytes.Buffer
			err := run(context.Background(), append([]string{"signpost"}, tc.args...), e, strings.NewReader(""), &out, &errs)
			if code := exitCode(err, &errs); code != tc.code {
				t.Errorf("exit %d, want %d (%v)", code, tc.code, err)
			}
			if got := strings.TrimSpace(errs.String()); !strings.Contains(got, tc.want) || strings.Contains(got, "\n") {
				t.Errorf("stderr %q: want one line with %q", got, tc.want)
			}
		})
	}
}

// TestForgetInChat: a resident's FORGET, confirmed, is carried out after the confirmation.
func TestForgetInChat(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "f.db")
	getenv := env("SIGNPOST_DATABASE_URL", db)
	out := runOK(t, getenv, "hello\nyes\nE1 6AN\nFORGET\nYES\n", "chat", "--channel", "sms", "--from", "+447700900556")
	if !strings.Contains(out, "being deleted") {
		t.Fatalf("no confirmation:\n%s", out)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hits := storetest.FindText(t, s, "+447700900556"); len(hits) != 0 {
		t.Errorf("the number is still held in %v", hits)
	}
	if hits := storetest.FindText(t, s, "E1 6AN"); len(hits) != 0 {
		t.Errorf("their message is still held in %v", hits)
	}
}

// TestReadyzFailsWithoutDatabase: readiness is the database answering.
func TestReadyzFailsWithoutDatabase(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			s, err := store.Open(context.Background(), storetest.URL(t, d))
			if err != nil {
				t.Fatal(err)
			}
			a := &app{store: s, log: slog.New(slog.DiscardHandler)}
			h := readyz(a)
			check := func(want int) {
				t.Helper()
				rr := httptest.NewRecorder()
				h.ServeHTTP(rr, httptest.NewRequest("GET", "/readyz", nil))
				if rr.Code != want {
					t.Errorf("readyz = %d %q, want %d", rr.Code, rr.Body.String(), want)
				}
			}
			check(http.StatusOK)
			s.Close() // the database goes away
			check(http.StatusServiceUnavailable)
		})
	}
}

// TestMetricsChangeUnderTraffic scrapes /metrics before and after a few messages.
func TestMetricsChangeUnderTraffic(t *testing.T) {
	base, _ := serve(t, env("SIGNPOST_ADDR", "127.0.0.1:0", "SIGNPOST_DATABASE_URL", "sqlite:"+filepath.Join(t.TempDir(), "m.db")))
	scrape := func() string {
		t.Helper()
		r, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return string(b)
	}
	value := func(metrics, name string) float64 {
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` ([0-9.e+]+)$`).FindStringSubmatch(metrics)
		if m == nil {
			return 0
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v
	}
	before := scrape()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	for _, text := range []string{"hello", "yes", "I want to end my life"} {
		body, _ := json.Marshal(map[string]string{"text": text})
		req, _ := http.NewRequest("POST", base+"/try/messages", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		r, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 200 {
			t.Fatalf("POST /try/messages: %d", r.StatusCode)
		}
	}
	after := scrape()
	for _, c := range []struct {
		name string
		inc  float64
	}{
		{`signpost_inbound_messages_total{channel="web"}`, 3},
		{`signpost_crisis_handoffs_total{kind="suicide"}`, 1},
		{`signpost_handoffs_urgent_open`, 1},
		{`signpost_handoffs_open`, 1},
	} {
		if got := value(after, c.name) - value(before, c.name); got != c.inc {
			t.Errorf("%s rose by %v, want %v", c.name, got, c.inc)
		}
	}
	if value(after, `signpost_outbound_sent_total{channel="web"}`) <= value(before, `signpost_outbound_sent_total{channel="web"}`) &&
		!strings.Contains(after, "signpost_outbox_depth") {
		t.Errorf("neither sends nor the outbox show in the metrics:\n%.2000s", after)
	}
}
