package channels

import "net/http"

// ProviderTransport is the HTTP transport for a provider's API: Go's default, but keeping as
// many idle connections to the provider as the dispatcher sends in parallel. The default keeps
// two per host, so under load every other send opened a new connection (a TLS handshake, for
// a real provider; on the load test's loopback, 4% of the server's CPU went on connect and close).
// When http.DefaultTransport has been replaced (tests fence it to localhost), it is used as it is.
func ProviderTransport() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t = t.Clone()
	t.MaxIdleConns = 0 // no overall limit; per host below
	t.MaxIdleConnsPerHost = 64
	return t
}
