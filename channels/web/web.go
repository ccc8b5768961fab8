// Package web is the demo channel behind the public /try page: anyone can chat with the
// assistant as a resident, through the same engine and content as SMS and Telegram.
package web

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/flows"
)

//go:embed static
var static embed.FS

const cookieName = "signpost_try"

// maxText caps a typed message; the page's box allows less.
const maxText = 1000

// Channel is the web demo channel: HTTP handlers for the page and a Sender for the outbox.
type Channel struct {
	engine *bot.Engine
	store  *store.Store
	log    *slog.Logger

	mu      sync.Mutex
	clients map[string]*client
}

type client struct {
	limiter *rate.Limiter
	seen    time.Time
}

var _ bot.Sender = (*Channel)(nil)

// New returns the web channel.
func New(e *bot.Engine, s *store.Store) *Channel {
	return &Channel{engine: e, store: s, log: e.Log, clients: map[string]*client{}}
}

// Send delivers a reply to the page: it is already in the transcript the page polls, so
// sending is recording that it went.
func (c *Channel) Send(_ context.Context, m bot.Outgoing) (string, error) {
	return "web-" + strconv.FormatInt(m.OutboxID, 10), nil
}

// Register adds the page's routes.
func (c *Channel) Register(mux *http.ServeMux) {
	sub, _ := fs.Sub(static, "static")
	files := http.FileServerFS(sub)
	mux.HandleFunc("GET /try", func(w http.ResponseWriter, r *http.Request) {
		securityHeaders(w)
		http.ServeFileFS(w, r, sub, "try.html")
	})
	mux.Handle("GET /try/static/", http.StripPrefix("/try/static/", files))
	mux.HandleFunc("GET /try/messages", c.messages)
	mux.HandleFunc("POST /try/messages", c.post)
}

func securityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
}

// allow rate-limits each client (by address) to a message a second with bursts of five.
func (c *Channel) allow(r *http.Request, now time.Time) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.clients) > 10000 {
		for k, v := range c.clients {
			if now.Sub(v.seen) > 10*time.Minute {
				delete(c.clients, k)
			}
		}
	}
	cl := c.clients[host]
	if cl == nil {
		cl = &client{limiter: rate.NewLimiter(1, 5)}
		c.clients[host] = cl
	}
	cl.seen = now
	return cl.limiter.AllowN(now, 1)
}

// session returns the visitor's pseudonymous session id, setting the cookie on first use.
func session(w http.ResponseWriter, r *http.Request, create bool) string {
	if ck, err := r.Cookie(cookieName); err == nil && len(ck.Value) == 32 {
		return ck.Value
	}
	if !create {
		return ""
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/try", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 7 * 24 * 3600})
	return id
}

type message struct {
	ID      int64          `json:"id"`
	From    string         `json:"from"` // "you" or "signpost"
	Text    string         `json:"text"`
	Options []flows.Option `json:"options,omitempty"`
}

func (c *Channel) post(w http.ResponseWriter, r *http.Request) {
	if !c.allow(r, time.Now()) {
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusTooManyRequests, "Slow down a little, then try again.")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	var body struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "Send JSON like {\"text\": \"hello\"}.")
		return
	}
	text := strings.TrimSpace(body.Text)
	if text == "" || len(text) > maxText {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("A message must have 1 to %d characters.", maxText))
		return
	}
	id := session(w, r, true)
	if _, err := c.engine.Handle(r.Context(), bot.Inbound{Channel: flows.ChannelWeb, Address: id, Text: text}); err != nil {
		c.log.Error("web inbound", "err", err)
		writeError(w, http.StatusInternalServerError, "Sorry, something went wrong. Please try again.")
		return
	}
	c.writeMessages(w, r, id)
}

func (c *Channel) messages(w http.ResponseWriter, r *http.Request) {
	c.writeMessages(w, r, session(w, r, false))
}

func (c *Channel) writeMessages(w http.ResponseWriter, r *http.Request, sess string) {
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	out := []message{}
	if sess != "" {
		pid, err := c.store.PersonIDByAddress(r.Context(), flows.ChannelWeb, sess)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			c.log.Error("web messages", "err", err)
			writeError(w, http.StatusInternalServerError, "Sorry, something went wrong.")
			return
		}
		if pid != "" {
			ms, err := c.store.MessagesAfter(r.Context(), pid, after, 200)
			if err != nil {
				c.log.Error("web messages", "err", err)
				writeError(w, http.StatusInternalServerError, "Sorry, something went wrong.")
				return
			}
			for _, m := range ms {
				msg := message{ID: m.ID, From: "you", Text: m.Body}
				if m.Direction == "out" {
					msg.From = "signpost"
					if m.Options != "" {
						_ = json.Unmarshal([]byte(m.Options), &msg.Options)
					}
				}
				out = append(out, msg)
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(map[string]any{"messages": out})
}

func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
