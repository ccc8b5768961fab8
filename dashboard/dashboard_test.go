package dashboard_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

const (
	worker   = "sam@example.org"
	admin    = "ada@example.org"
	password = "correct horse battery staple"
)

func TestNoAccessWithoutLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		pid := e.resident("+447700900001", "Hi", "yes", "I want to end my life")
		c := e.client()
		for _, path := range []string{"/dashboard/", "/dashboard/people/" + pid, "/dashboard/reports", "/dashboard/audit",
			"/dashboard/users", "/dashboard/exports/people.csv"} {
			r := c.get(path)
			if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/dashboard/login?next=") {
				t.Errorf("GET %s without login: %d to %q, want a redirect to the login page", path, r.status, r.location)
			}
			if strings.Contains(r.body, "end my life") || strings.Contains(r.body, "Conversation") {
				t.Errorf("GET %s without login leaked the person's record", path)
			}
		}
		req, _ := http.NewRequest("GET", e.srv.URL+"/dashboard/counts", nil)
		req.Header.Set("Accept", "application/json")
		if r := c.do(req); r.status != http.StatusUnauthorized {
			t.Errorf("counts without login: %d, want 401", r.status)
		}
		if r := c.post("/dashboard/people/"+pid+"/reply", url.Values{"text": {"hi"}}); r.status != http.StatusSeeOther ||
			r.location != "/dashboard/login" {
			t.Errorf("POST reply without login: %d to %q", r.status, r.location)
		}
		if ms, _ := s.Transcript(context.Background(), pid); strings.Contains(ms[len(ms)-1].Body, "hi") && ms[len(ms)-1].Author != "bot" {
			t.Error("a reply was sent without login")
		}
		// The login page itself is public and sets the security headers.
		r := c.get("/dashboard/login")
		if r.status != 200 {
			t.Fatalf("login page: %d", r.status)
		}
		csp := r.header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "style-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("CSP %q lacks %q", csp, want)
			}
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
			t.Errorf("security headers: %v", r.header)
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, "style=") {
			t.Error("inline script or style on the login page")
		}
	})
}

func TestCSRF(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		pid := e.resident("+447700900002", "Hi", "yes")
		c := e.loggedIn(worker, password)
		note := func(text string, headers ...string) int {
			return c.post("/dashboard/people/"+pid+"/notes", url.Values{"note": {text}}, headers...).status
		}
		if code := note("cross-site", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"); code != http.StatusForbidden {
			t.Errorf("cross-site POST: %d, want 403", code)
		}
		if code := note("other origin", "Sec-Fetch-Site", "", "Origin", "https://evil.example"); code != http.StatusForbidden {
			t.Errorf("POST from another Origin: %d, want 403", code)
		}
		if code := c.post("/dashboard/people/"+pid+"/notes", url.Values{"note": {"no token"}, "csrf": {"forged"}}).status; code != http.StatusForbidden {
			t.Errorf("POST with a wrong CSRF token: %d, want 403", code)
		}
		if code := note("legitimate"); code != http.StatusSeeOther {
			t.Errorf("same-origin POST with token: %d, want 303", code)
		}
		notes, _ := s.Notes(context.Background(), pid)
		if len(notes) != 1 || notes[0].Body != "legitimate" || notes[0].Author != worker {
			t.Errorf("notes = %+v, want only the legitimate one", notes)
		}
		// A cross-site login attempt (login CSRF) is refused too.
		if r := e.client().post("/dashboard/login", url.Values{"email": {worker}, "password": {password}},
			"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"); r.status != http.StatusForbidden {
			t.Errorf("cross-site login: %d, want 403", r.status)
		}
	})
}

func TestLockout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		c := e.client()
		for i := range 10 {
			e.clk.Add(10 * time.Second)
			r := c.login(worker, "wrong password "+string(rune('a'+i)))
			if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "not recognised") {
				t.Fatalf("failure %d: %d", i+1, r.status)
			}
		}
		r := c.login(worker, password)
		if r.status != http.StatusUnauthorized {
			t.Fatalf("right password on a locked account: %d, want 401", r.status)
		}
		if !strings.Contains(r.body, "not recognised") {
			t.Error("a locked account gets a different message from a wrong password")
		}
		if n := len(e.audit(store.AuditLoginFailure)); n != 11 {
			t.Errorf("%d failed logins audited, want 11", n)
		}
		if n := len(e.audit(store.AuditAccountLocked)); n != 1 {
			t.Errorf("%d lock entries, want 1", n)
		}
		// An unknown email is failed and audited the same way, with the same message.
		if r := c.login("nobody@example.org", password); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "not recognised") {
			t.Errorf("unknown email: %d", r.status)
		}
		e.clk.Add(16 * time.Minute)
		if r := c.login(worker, password); r.status != http.StatusSeeOther {
			t.Errorf("login after the lock expired: %d, want 303", r.status)
		}
		if n := len(e.audit(store.AuditLoginSuccess)); n != 1 {
			t.Errorf("%d successful logins audited, want 1", n)
		}
	})
}

func TestSessionExpiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		c := e.loggedIn(worker, password)
		e.clk.Add(29 * time.Minute)
		if r := c.get("/dashboard/"); r.status != 200 {
			t.Fatalf("after 29 idle minutes: %d, want 200", r.status)
		}
		e.clk.Add(31 * time.Minute)
		if r := c.get("/dashboard/"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/dashboard/login") {
			t.Fatalf("after 31 idle minutes: %d to %q, want the login page", r.status, r.location)
		}
		// Active all day, the session still ends 12 hours after login.
		c = e.loggedIn(worker, password)
		for range 12*3 - 1 {
			e.clk.Add(20 * time.Minute)
			if r := c.get("/dashboard/"); r.status != 200 {
				t.Fatalf("active session ended early at %v: %d", e.clk.Now(), r.status)
			}
		}
		e.clk.Add(21 * time.Minute)
		if r := c.get("/dashboard/"); r.status != http.StatusSeeOther {
			t.Errorf("after 12 hours: %d, want a redirect to log in", r.status)
		}
		// Logging out ends the session on the server, not only in the browser.
		c = e.loggedIn(worker, password)
		var cookie *http.Cookie
		u, _ := url.Parse(e.srv.URL)
		for _, ck := range c.http.Jar.Cookies(u) {
			cookie = ck
		}
		if r := c.post("/dashboard/logout", nil); r.status != http.StatusSeeOther {
			t.Fatalf("logout: %d", r.status)
		}
		replay := e.client()
		replay.http.Jar.SetCookies(u, []*http.Cookie{cookie})
		if r := replay.get("/dashboard/"); r.status != http.StatusSeeOther {
			t.Errorf("the cookie of a logged-out session still works: %d", r.status)
		}
	})
}

func TestSessionCookie(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	for _, tc := range []struct {
		public, name string
		secure       bool
	}{
		{"https://signpost.example.org", "__Host-signpost_session", true},
		{"", "signpost_session", false}, // plain http on localhost
	} {
		e := newEnv(t, s, tc.public)
		e.account(strings.ReplaceAll(tc.name, "_", "")+"@example.org", "linkworker", password)
		r := e.client().login(strings.ReplaceAll(tc.name, "_", "")+"@example.org", password)
		var got *http.Cookie
		for _, ck := range (&http.Response{Header: r.header}).Cookies() {
			got = ck
		}
		if got == nil || got.Name != tc.name || got.Secure != tc.secure || !got.HttpOnly ||
			got.SameSite != http.SameSiteStrictMode || got.Path != "/" || len(got.Value) < 40 {
			t.Errorf("public URL %q: cookie %+v", tc.public, got)
		}
	}
}

func TestRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		e.account(admin, "admin", password)
		lw := e.loggedIn(worker, password)
		for _, path := range []string{"/dashboard/audit", "/dashboard/users"} {
			if r := lw.get(path); r.status != http.StatusForbidden {
				t.Errorf("link worker GET %s: %d, want 403", path, r.status)
			}
		}
		if r := lw.post("/dashboard/users", url.Values{"email": {"eve@example.org"}, "role": {"admin"}}); r.status != http.StatusForbidden {
			t.Errorf("link worker adding an admin: %d, want 403", r.status)
		}
		if _, err := s.UserByEmail(context.Background(), "eve@example.org"); err != store.ErrNotFound {
			t.Error("a link worker created an account")
		}
		if r := lw.get("/dashboard/"); strings.Contains(r.body, "/dashboard/audit") {
			t.Error("the link worker's menu links to the audit log")
		}
		ad := e.loggedIn(admin, password)
		r := ad.get("/dashboard/audit")
		if r.status != 200 || !strings.Contains(r.body, "login.success") {
			t.Errorf("admin audit page: %d", r.status)
		}
		r = ad.post("/dashboard/users", url.Values{"email": {"kim@example.org"}, "name": {"Kim"}, "role": {"linkworker"}})
		if r.status != 200 || !strings.Contains(r.body, "one-time password") {
			t.Fatalf("admin adding an account: %d", r.status)
		}
		if n := len(e.audit(store.AuditUserAdd)); n != 1 {
			t.Errorf("%d user.add entries", n)
		}
	})
}

// TestOneTimePassword: a new account must choose its own password before anything else.
func TestOneTimePassword(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	e := newEnv(t, s, "")
	ctx := context.Background()
	pw, err := dashboardCreate(e, "new@example.org")
	if err != nil {
		t.Fatal(err)
	}
	c := e.client()
	if r := c.login("new@example.org", pw); r.status != http.StatusSeeOther || r.location != "/dashboard/password" {
		t.Fatalf("first login: %d to %q, want the password page", r.status, r.location)
	}
	if r := c.get("/dashboard/reports"); r.location != "/dashboard/password" {
		t.Errorf("before choosing a password, reports redirect to %q", r.location)
	}
	c.get("/dashboard/password")
	if r := c.post("/dashboard/password", url.Values{"current": {pw}, "password": {"short"}, "confirm": {"short"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("short password: %d", r.status)
	}
	long := strings.Repeat("long enough passphrase ", 3) // 69 characters, no composition rules
	if r := c.post("/dashboard/password", url.Values{"current": {pw}, "password": {long}, "confirm": {long}}); r.status != http.StatusSeeOther {
		t.Fatalf("good password: %d", r.status)
	}
	if r := c.get("/dashboard/reports"); r.status != 200 {
		t.Errorf("after choosing a password: %d", r.status)
	}
	u, _ := s.UserByEmail(ctx, "new@example.org")
	if u.MustChange || !strings.HasPrefix(u.PasswordHash, "$argon2id$") {
		t.Errorf("user after change: must change %v, hash %q", u.MustChange, u.PasswordHash[:10])
	}
	if r := e.client().login("new@example.org", pw); r.status != http.StatusUnauthorized {
		t.Errorf("the one-time password still works: %d", r.status)
	}
	// An unused one-time password expires.
	pw2, _ := dashboardCreate(e, "late@example.org")
	e.clk.Add(8 * 24 * time.Hour)
	if r := e.client().login("late@example.org", pw2); r.status != http.StatusUnauthorized {
		t.Errorf("an expired one-time password: %d, want 401", r.status)
	}
}

func TestSweepSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		idle := e.loggedIn(worker, password)
		e.clk.Add(20 * time.Minute)
		active := e.loggedIn(worker, password)
		e.clk.Add(15 * time.Minute) // the first is 35 minutes idle, the second 15
		n, err := e.dash.SweepSessions(context.Background())
		if err != nil || n != 1 {
			t.Fatalf("swept %d sessions (%v), want the 1 idle one", n, err)
		}
		var left int
		s.DB().Get(&left, `SELECT COUNT(*) FROM sessions`)
		if left != 1 {
			t.Errorf("%d sessions left, want 1", left)
		}
		if r := active.get("/dashboard/"); r.status != 200 {
			t.Errorf("the active session was swept: %d", r.status)
		}
		if r := idle.get("/dashboard/"); r.status != http.StatusSeeOther {
			t.Errorf("the idle session still works: %d", r.status)
		}
	})
}
