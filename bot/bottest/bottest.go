// Package bottest wires a real engine over a test store, with a clock tests can move and ids
// that never collide between engines sharing a database.
package bottest

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/flows"
)

// Quiet is a logger that discards everything.
var Quiet = slog.New(slog.DiscardHandler)

// Clock is a settable test clock, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now reads the clock.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Add moves the clock on.
func (c *Clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// ids numbers the ids of every test engine in the process.
var ids atomic.Int64

// NewID returns a readable id unique in the test process ("p_000042").
func NewID(prefix string) string { return fmt.Sprintf("%s%06d", prefix, ids.Add(1)) }

// NewEngine returns an engine with the embedded content, the sample directory and the
// contract's default delays, over s, reading the time from now.
func NewEngine(t testing.TB, s *store.Store, now func() time.Time) *bot.Engine {
	t.Helper()
	c, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := bot.NewDirectory(s)
	if err := dir.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	return &bot.Engine{Store: s, Machine: flows.New(c), Content: c, Directory: dir, Log: Quiet,
		Config: bot.Config{FollowupAfter: 72 * time.Hour, ReassessAfter: 1008 * time.Hour, Location: time.UTC},
		Now:    now, NewID: NewID}
}
