package channels_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/signpost-nhs/signpost/channels"
)

// Parallel sends reuse their connections: after the first round, no new ones are opened.
func TestProviderTransportKeepsConnections(t *testing.T) {
	var opened atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "{}")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	tr := channels.ProviderTransport()
	if _, ok := tr.(*http.Transport); !ok {
		t.Fatalf("ProviderTransport() = %T, want a tuned *http.Transport", tr)
	}
	client := &http.Client{Transport: tr}
	const parallel, rounds = 16, 20
	for range rounds {
		var wg sync.WaitGroup
		for range parallel {
			wg.Go(func() {
				r, err := client.Get(srv.URL)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, r.Body)
				r.Body.Close()
			})
		}
		wg.Wait()
	}
	// Go's default transport keeps 2 idle connections per host and opens up to parallel-2
	// new ones each round: about 280 here. Kept connections need parallel, plus a few: a
	// connection goes back to the idle pool just after its body is read, so a request of the
	// next round can start before it is back and dial one more.
	if n, limit := opened.Load(), int64(2*parallel); n > limit {
		t.Errorf("%d connections opened for %d rounds of %d parallel requests, want at most %d", n, rounds, parallel, limit)
	}
}
