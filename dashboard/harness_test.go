package dashboard_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/bottest"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/dashboard"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// clock is a settable test clock shared by the engine and the dashboard.
type clock struct {
	mu   sync.Mutex
	t    time.Time
	real bool // follow the wall clock (browser tests)
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.real {
		return time.Now()
	}
	return c.t
}
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a dashboard over a real store and engine, served by httptest.
type env struct {
	t      *testing.T
	store  *store.Store
	engine *bot.Engine
	clk    *clock
	dash   *dashboard.Server
	srv    *httptest.Server
	mux    *http.ServeMux
}

func newEnv(t *testing.T, s *store.Store, public string) *env {
	t.Helper()
	return newEnvClock(t, s, public, &clock{t: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)})
}

func newEnvClock(t *testing.T, s *store.Store, public string, clk *clock) *env {
	t.Helper()
	e := bottest.NewEngine(t, s, clk.Now)
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	e.Log = quiet
	t.Cleanup(srv.Close)
	if public == "" {
		public = srv.URL
	}
	u, _ := url.Parse(public)
	d, err := dashboard.New(dashboard.Config{Store: s, Engine: e, Log: quiet, PublicURL: u, Location: time.UTC, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	d.Register(mux)
	return &env{t: t, store: s, engine: e, clk: clk, dash: d, srv: srv, mux: mux}
}

// account creates a user with a password already chosen (no one-time password to change).
func (e *env) account(email, role, password string) {
	e.t.Helper()
	ctx := context.Background()
	if _, err := dashboard.CreateAccount(ctx, e.store, email, "", role, e.clk.Now()); err != nil {
		e.t.Fatal(err)
	}
	u, err := e.store.UserByEmail(ctx, email)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.store.SetPassword(ctx, u.ID, dashboard.HashPassword(password), false, time.Time{}); err != nil {
		e.t.Fatal(err)
	}
}

// client is a browser-like HTTP client that does not follow redirects.
type client struct {
	t    *testing.T
	http *http.Client
	base string
	csrf string
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: e.t, base: e.srv.URL, http: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type response struct {
	status   int
	body     string
	location string
	header   http.Header
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	r, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	if m := csrfField.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return response{status: r.StatusCode, body: string(b), location: r.Header.Get("Location"), header: r.Header}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

// post submits a form as a same-origin browser would, with the page's CSRF token.
func (c *client) post(path string, form url.Values, headers ...string) response {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok && c.csrf != "" {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

func (c *client) login(email, password string) response {
	c.t.Helper()
	return c.post("/dashboard/login", url.Values{"email": {email}, "password": {password}})
}

// loggedIn returns a client with a session, its CSRF token loaded.
func (e *env) loggedIn(email, password string) *client {
	e.t.Helper()
	c := e.client()
	if r := c.login(email, password); r.status != http.StatusSeeOther || r.location != "/dashboard/" {
		e.t.Fatalf("login %s: %d to %q\n%s", email, r.status, r.location, r.body)
	}
	if r := c.get("/dashboard/"); r.status != 200 {
		e.t.Fatalf("queue after login: %d", r.status)
	}
	return c
}

// resident sends messages as one SMS resident through the engine.
func (e *env) resident(address string, texts ...string) string {
	e.t.Helper()
	var id string
	for _, text := range texts {
		e.clk.Add(time.Minute)
		h, err := e.engine.Handle(context.Background(), bot.Inbound{Channel: "sms", Address: address, Text: text})
		if err != nil {
			e.t.Fatalf("%q: %v", text, err)
		}
		id = h.PersonID
	}
	return id
}

func (e *env) audit(action string) []store.AuditEntry {
	e.t.Helper()
	es, err := e.store.AuditLog(context.Background(), store.AuditFilter{Action: action})
	if err != nil {
		e.t.Fatal(err)
	}
	return es
}

func dashboardCreate(e *env, email string) (string, error) {
	return dashboard.CreateAccount(context.Background(), e.store, email, "", "linkworker", e.clk.Now())
}
