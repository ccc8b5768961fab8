package channels

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/signpost-nhs/signpost/bot"
)

// MaxWebhookBody caps a provider's request body. Twilio's inbound form and a Telegram update
// are a few kilobytes; anything near this is not from them.
const MaxWebhookBody = 64 << 10

// HTTPError is a webhook failure with the status the provider should see. Msg is safe to show;
// Err is logged.
type HTTPError struct {
	Status int
	Msg    string
	Err    error
}

func (e *HTTPError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%d %s: %v", e.Status, e.Msg, e.Err)
	}
	return fmt.Sprintf("%d %s", e.Status, e.Msg)
}

func (e *HTTPError) Unwrap() error { return e.Err }

// WebhookFunc handles one provider request. It writes the success response itself and returns
// an error otherwise (an *HTTPError for a status other than 500).
type WebhookFunc func(w http.ResponseWriter, r *http.Request) error

// Webhook wraps a provider's handler with what every webhook needs: a body limit, panic
// recovery, one error writer, a log line without personal data, and latency metrics.
func Webhook(channel string, log *slog.Logger, m *bot.Metrics, h WebhookFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		r.Body = http.MaxBytesReader(rw, r.Body, MaxWebhookBody)
		defer func() {
			if p := recover(); p != nil {
				log.Error("webhook panic", "channel", channel, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if !rw.wrote {
					http.Error(rw, "internal error", http.StatusInternalServerError)
				}
				rw.status = http.StatusInternalServerError
			}
			m.ObserveWebhook(channel, rw.status, time.Since(start))
		}()
		err := h(rw, r)
		if err == nil {
			return
		}
		var he *HTTPError
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &he):
		case errors.As(err, &tooBig):
			he = &HTTPError{Status: http.StatusRequestEntityTooLarge, Msg: "request body too large", Err: err}
		default:
			he = &HTTPError{Status: http.StatusInternalServerError, Msg: "internal error", Err: err}
		}
		level := slog.LevelWarn
		if he.Status >= 500 {
			level = slog.LevelError
		}
		log.Log(r.Context(), level, "webhook rejected", "channel", channel, "status", he.Status, "err", he.Error())
		if !rw.wrote {
			http.Error(rw, he.Msg, he.Status)
		}
		rw.status = he.Status
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}
