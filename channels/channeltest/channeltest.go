// Package channeltest is the shared harness for channel tests: fake provider servers on
// localhost that speak the providers' real wire formats, payloads exactly as the providers send
// them, and a guard that fails any request leaving localhost.
package channeltest

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
)

// LocalOnly wraps a transport so that any request to a host other than loopback fails the test
// and never leaves the machine.
func LocalOnly(t testing.TB, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		host := r.URL.Hostname()
		if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" {
			t.Errorf("request left localhost: %s %s", r.Method, redact(r.URL.String()))
			return nil, fmt.Errorf("channeltest: refused non-local request to %s", host)
		}
		return next.RoundTrip(r)
	})
}

// GuardDefaultTransport makes http.DefaultTransport refuse non-local requests for the test.
func GuardDefaultTransport(t testing.TB) {
	old := http.DefaultTransport
	http.DefaultTransport = LocalOnly(t, old)
	t.Cleanup(func() { http.DefaultTransport = old })
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// redact hides a Telegram bot token in a URL.
func redact(u string) string {
	if i := strings.Index(u, "/bot"); i >= 0 {
		if j := strings.Index(u[i+4:], "/"); j >= 0 {
			return u[:i+4] + "REDACTED" + u[i+4+j:]
		}
	}
	return u
}
