// Package dashboard is the link workers' web dashboard: handoff queue, a person's record, human takeover, outcomes, reports and the audit log.
package dashboard

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
)

//go:embed templates static
var files embed.FS

// Config wires the dashboard.
type Config struct {
	Store  *store.Store
	Engine *bot.Engine
	Log    *slog.Logger
	// PublicURL is SIGNPOST_PUBLIC_URL: an https URL makes the session cookie Secure with the
	// __Host- prefix; plain http (a laptop) drops both, as browsers refuse them without TLS.
	PublicURL *url.URL
	// Location is the local time zone the dashboard shows times in.
	Location *time.Location
	// Now is the clock (tests move it to expire sessions); nil means time.Now.
	Now func() time.Time
	// IdleTimeout and AbsoluteTimeout end sessions: after this long without a request, and this
	// long after login whatever happens. Zero means 30 minutes and 12 hours.
	IdleTimeout, AbsoluteTimeout time.Duration
}

// Server serves /dashboard/.
type Server struct {
	cfg     Config
	store   *store.Store
	engine  *bot.Engine
	log     *slog.Logger
	now     func() time.Time
	secure  bool
	cookie  string
	mux     *http.ServeMux
	handler http.Handler
	pages   map[string]*template.Template
}

// Login throttling: this many failures within the window lock the account for lockFor.
const (
	maxFailures   = 10
	failureWindow = 5 * time.Minute
	lockFor       = 15 * time.Minute
)

// New returns the dashboard.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = 30 * time.Minute
	}
	if cfg.AbsoluteTimeout == 0 {
		cfg.AbsoluteTimeout = 12 * time.Hour
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, store: cfg.Store, engine: cfg.Engine, log: cfg.Log, now: cfg.Now, mux: http.NewServeMux()}
	s.secure = cfg.PublicURL != nil && cfg.PublicURL.Scheme == "https"
	s.cookie = "signpost_session"
	if s.secure {
		s.cookie = "__Host-signpost_session"
	} else if cfg.PublicURL != nil && !isLoopback(cfg.PublicURL.Hostname()) {
		s.log.Warn("dashboard served over plain http on a public address: session cookies are not Secure; use an https SIGNPOST_PUBLIC_URL")
	}
	var err error
	if s.pages, err = parsePages(s); err != nil {
		return nil, err
	}
	s.routes()
	// Every state change is refused when it comes from another origin (Sec-Fetch-Site, or Origin
	// against Host); forms also carry a per-session token (see auth).
	cop := http.NewCrossOriginProtection()
	if cfg.PublicURL != nil {
		if err := cop.AddTrustedOrigin(cfg.PublicURL.Scheme + "://" + cfg.PublicURL.Host); err != nil {
			return nil, err
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path)
		s.writeError(w, r, &httpError{status: http.StatusForbidden, msg: "This request came from another site and was refused."})
	}))
	s.handler = cop.Handler(s.mux)
	return s, nil
}

// Register adds the dashboard to a server's mux.
func (s *Server) Register(mux *http.ServeMux) {
	mux.Handle("/dashboard/", s)
	mux.Handle("GET /dashboard", http.RedirectHandler("/dashboard/", http.StatusMovedPermanently))
}

// ServeHTTP sets the security headers and serves the dashboard.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if s.secure {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if !strings.HasPrefix(r.URL.Path, "/dashboard/static/") {
		// Pages hold personal data: never keep them in a shared or back-button cache.
		h.Set("Cache-Control", "no-store")
	}
	s.handler.ServeHTTP(w, r)
}

// routes lists every route of the dashboard in one place.
func (s *Server) routes() {
	static, _ := fs.Sub(files, "static")
	s.mux.Handle("GET /dashboard/static/", http.StripPrefix("/dashboard/static/", http.FileServerFS(static)))

	s.handle("GET /dashboard/login", s.loginPage)
	s.handle("POST /dashboard/login", s.login)
	s.handle("POST /dashboard/logout", s.user(s.logout, anyone|mustChange))
	s.handle("GET /dashboard/password", s.user(s.passwordPage, anyone|mustChange))
	s.handle("POST /dashboard/password", s.user(s.changePassword, anyone|mustChange))

	s.handle("GET /dashboard/{$}", s.user(s.queue, anyone))
	s.handle("GET /dashboard/counts", s.user(s.counts, anyone))
	s.handle("GET /dashboard/people/{id}", s.user(s.person, anyone))
	s.handle("GET /dashboard/people/{id}/messages", s.user(s.messages, anyone))
	s.handle("POST /dashboard/people/{id}/reply", s.user(s.reply, anyone))
	s.handle("POST /dashboard/people/{id}/handback", s.user(s.handBack, anyone))
	s.handle("POST /dashboard/people/{id}/notes", s.user(s.addNote, anyone))
	s.handle("POST /dashboard/handoffs/{id}/claim", s.user(s.claim, anyone))
	s.handle("POST /dashboard/handoffs/{id}/close", s.user(s.close, anyone))

	s.handle("GET /dashboard/reports", s.user(s.reports, anyone))
	s.handle("GET /dashboard/exports/{kind}", s.user(s.export, anyone))

	s.handle("GET /dashboard/people/{id}/export.json", s.user(s.subjectAccess, adminOnly))
	s.handle("POST /dashboard/people/{id}/erase", s.user(s.erase, adminOnly))
	s.handle("GET /dashboard/audit", s.user(s.audit, adminOnly))
	s.handle("GET /dashboard/users", s.user(s.users, adminOnly))
	s.handle("POST /dashboard/users", s.user(s.addUser, adminOnly))

	s.handle("/dashboard/", func(w http.ResponseWriter, r *http.Request) error {
		return &httpError{status: http.StatusNotFound, msg: "There is no such page."}
	})
}

// handler is a dashboard handler: it returns its error to the one error handler.
type handler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(pattern string, h handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("dashboard panic", "path", r.URL.Path, "panic", v)
				s.writeError(w, r, errors.New("panic"))
			}
		}()
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// httpError is an error with a status and a message that is safe to show.
type httpError struct {
	status int
	msg    string
	err    error
}

func (e *httpError) Error() string {
	if e.err != nil {
		return e.msg + ": " + e.err.Error()
	}
	return e.msg
}

func (e *httpError) Unwrap() error { return e.err }

// writeError is the one error handler: safe text for the user, detail for the log.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Sorry, something went wrong. Please try again."
	var he *httpError
	switch {
	case errors.As(err, &he):
		status, msg = he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "There is no such page."
	case errors.Is(err, context.Canceled):
		return
	}
	if status >= 500 {
		s.log.Error("dashboard", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"error":` + jsonString(msg) + `}`))
		return
	}
	s.render(w, r, status, "error", map[string]any{"Title": http.StatusText(status), "Message": msg})
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// SweepSessions deletes the sessions that have timed out, idle or absolute; they can no longer
// be used, and a session row says who was logged in from where.
func (s *Server) SweepSessions(ctx context.Context) (int64, error) {
	now := s.now()
	return s.store.DeleteSessionsBefore(ctx, now.Add(-s.cfg.IdleTimeout), now.Add(-s.cfg.AbsoluteTimeout))
}

// RunSessionSweeper sweeps timed-out sessions every ten minutes until ctx ends.
func (s *Server) RunSessionSweeper(ctx context.Context) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if n, err := s.SweepSessions(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("sweep sessions", "err", err)
		} else if n > 0 {
			s.log.Info("timed-out sessions removed", "sessions", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
