package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/flows"
)

// Outgoing is one message for a channel to deliver.
type Outgoing struct {
	OutboxID int64
	PersonID string
	Channel  string
	// Address is the channel identity (phone number, chat id). Never log it.
	Address string
	Text    string
	Options []flows.Option
	// Attempt counts sends of this outbox row, from 1.
	Attempt int
}

// Sender delivers messages on one channel. It returns the provider's message id.
type Sender interface {
	Send(ctx context.Context, m Outgoing) (providerID string, err error)
}

// SendError is a failed send that says what to do about it.
type SendError struct {
	Code       string        // the provider's error code, for logs and metrics
	Retryable  bool          // a later attempt may succeed (rate limit, network, 5xx)
	Stopped    bool          // the person has opted out or blocked us: never retry, mark them stopped
	RetryAfter time.Duration // the provider's requested wait, if it gave one
	Err        error
}

func (e *SendError) Error() string {
	return fmt.Sprintf("send failed (code %s, retryable %t, stopped %t): %v", e.Code, e.Retryable, e.Stopped, e.Err)
}

func (e *SendError) Unwrap() error { return e.Err }

// Dispatcher sends queued messages through the channels' Senders.
type Dispatcher struct {
	Store   *store.Store
	Senders map[string]Sender
	Log     *slog.Logger
	Now     func() time.Time
	Metrics *Metrics
	// Lease is how long a claimed message may take to send before another worker may send it
	// again: the window in which a crash between send and record can repeat a send.
	Lease time.Duration
	// Batch is how many messages one claim takes.
	Batch int
	// MaxAttempts is how many sends are tried before a message is marked failed.
	MaxAttempts int
	// Poll is how often the queue is checked when nothing wakes the dispatcher.
	Poll time.Duration
	// Parallel is how many people's messages a batch sends at once (each person's in order).
	Parallel int
	// Loops is how many batches are claimed and sent at once: while one batch is being sent,
	// another can claim what has been queued since.
	Loops int

	wake chan struct{}
}

// NewDispatcher returns a Dispatcher with production defaults.
func NewDispatcher(s *store.Store, senders map[string]Sender, log *slog.Logger, now func() time.Time) *Dispatcher {
	// Sixteen sends in flight per instance. On PostgreSQL, two loops of eight: while one
	// batch is being sent, the other claims what has been queued since (measured on the load
	// test: 540 -> 665 inbound messages a second). On SQLite, one loop of sixteen with larger
	// batches: a second loop's claims and records competed with the webhooks for the one
	// writer, doubling their p99 for no more throughput; sixteen sends at once against eight
	// took the peak from about 1,450 to 1,660 a second. (A real provider answers in 100-200 ms,
	// so eight at once would cap an instance at about 50 messages a second.)
	loops, parallel, batch := 2, 8, 50
	if s.SerialWrites() {
		loops, parallel, batch = 1, 16, 100
	}
	return &Dispatcher{Store: s, Senders: senders, Log: log, Now: now, Lease: 2 * time.Minute, Batch: batch,
		MaxAttempts: 8, Poll: time.Second, Parallel: parallel, Loops: loops, wake: make(chan struct{}, 1)}
}

// Wake asks the dispatcher to look at the queue now.
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run sends queued messages until ctx is done, then sends what is already due (for up to
// DrainTimeout), so that replies to the last requests before a shutdown still go out.
func (d *Dispatcher) Run(ctx context.Context) {
	defer d.drain(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	for range max(d.Loops, 1) {
		wg.Go(func() { d.loop(ctx) })
	}
	wg.Wait()
}

// loop claims and sends batches while there is work, then waits to be woken.
func (d *Dispatcher) loop(ctx context.Context) {
	t := time.NewTicker(d.Poll)
	defer t.Stop()
	for {
		for {
			n, err := d.RunOnce(ctx)
			if err != nil && ctx.Err() == nil {
				d.Log.Error("dispatch", "err", err)
			}
			// Go round while there was work: a person's next message becomes claimable only
			// once the one before it is sent.
			if n == 0 || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-d.wake:
		case <-t.C:
		}
	}
}

// DrainTimeout bounds the sending done after Run's context ends.
const DrainTimeout = 5 * time.Second

func (d *Dispatcher) drain(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, DrainTimeout)
	defer cancel()
	for ctx.Err() == nil {
		n, err := d.RunOnce(ctx)
		if err != nil {
			d.Log.Error("dispatch while draining", "err", err)
			return
		}
		if n == 0 {
			return
		}
	}
}

func (d *Dispatcher) channels() []string {
	chs := make([]string, 0, len(d.Senders))
	for ch := range d.Senders {
		chs = append(chs, ch)
	}
	sort.Strings(chs)
	return chs
}

// RunOnce claims one batch of due messages and sends them in order. It returns how many it claimed.
func (d *Dispatcher) RunOnce(ctx context.Context) (int, error) {
	// The claim is not cancelled half-way: a claim that committed on the server while the
	// client saw a cancelled context would leave its rows leased and unsent until the lease
	// expired. Cancellation stops the loop in Run, between batches.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	items, err := d.Store.ClaimOutbox(cctx, d.channels(), d.Now(), d.Lease, d.Batch)
	cancel()
	if err != nil {
		return 0, err
	}
	// One person's messages go one after another, in order; different people's go side by side
	// (a send is a round trip to the provider, so one at a time would cap the rate).
	var order []string
	byPerson := map[string][]store.OutboxItem{}
	for _, it := range items {
		if byPerson[it.PersonID] == nil {
			order = append(order, it.PersonID)
		}
		byPerson[it.PersonID] = append(byPerson[it.PersonID], it)
	}
	rec := &sentRecorder{d: d, ctx: context.WithoutCancel(ctx)}
	work := make(chan []store.OutboxItem)
	var wg sync.WaitGroup
	for range min(d.parallel(), len(order)) {
		wg.Go(func() {
			for queue := range work {
				if err := d.sendInOrder(ctx, queue, rec); err != nil {
					rec.fail(err)
				}
			}
		})
	}
	for _, p := range order {
		work <- byPerson[p]
	}
	close(work)
	wg.Wait()
	return len(items), rec.finish()
}

// sendInOrder sends one person's claimed messages in order. When one does not go, the rest
// wait for it (a retry) or are dropped (the person stopped), so that a person never reads a
// reply before the question it answers.
func (d *Dispatcher) sendInOrder(ctx context.Context, queue []store.OutboxItem, rec *sentRecorder) error {
	var held bool
	var until time.Time // zero when the person stopped
	for _, it := range queue {
		// Sends use a context that outlives shutdown's cancellation briefly: a message we claimed
		// is better finished than left to the lease.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		var err error
		switch {
		case held && until.IsZero():
			err = d.Store.MarkCancelled(sctx, it, "opted out")
		case held:
			err = d.Store.MarkRetry(sctx, it, until, "waiting for an earlier message")
		default:
			var res sendResult
			res, err = d.send(sctx, it)
			if res.stopped || !res.retryAt.IsZero() {
				held, until = true, res.retryAt
			}
			if res.ok {
				err = rec.add(store.Sent{Item: it, ProviderID: res.providerID})
			}
		}
		cancel()
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *Dispatcher) parallel() int {
	if d.Parallel > 0 {
		return d.Parallel
	}
	return 1
}

// sentRecorder records successful sends in groups, one commit for several: a crash before a
// group is recorded can repeat at most that group's sends (up to sentGroup messages, or
// sentGroupAge of sending) when their lease expires. That is the documented at-least-once
// window of the outbox.
type sentRecorder struct {
	d     *Dispatcher
	ctx   context.Context
	mu    sync.Mutex
	sent  []store.Sent
	since time.Time
	err   error
}

func (r *sentRecorder) add(s store.Sent) error {
	r.mu.Lock()
	if len(r.sent) == 0 {
		r.since = time.Now()
	}
	r.sent = append(r.sent, s)
	var batch []store.Sent
	if len(r.sent) >= sentGroup || time.Since(r.since) >= sentGroupAge {
		batch, r.sent = r.sent, nil
	}
	r.mu.Unlock()
	if batch == nil {
		return nil
	}
	return r.d.Store.MarkSentBatch(r.ctx, batch)
}

func (r *sentRecorder) fail(err error) {
	r.mu.Lock()
	r.err = errors.Join(r.err, err)
	r.mu.Unlock()
}

// finish records what is left and reports any error.
func (r *sentRecorder) finish() error {
	r.mu.Lock()
	batch, err := r.sent, r.err
	r.sent = nil
	r.mu.Unlock()
	if len(batch) > 0 {
		err = errors.Join(err, r.d.Store.MarkSentBatch(r.ctx, batch))
	}
	return err
}

// The at-least-once window of sending: see RunOnce.
const (
	sentGroup    = 16
	sentGroupAge = 100 * time.Millisecond
)

type sendResult struct {
	ok         bool      // the provider accepted it; to be recorded
	providerID string    //
	retryAt    time.Time // not sent: the person's queue waits until then
	stopped    bool      // not sent: the person has opted out
}

// send delivers one message. A failure is recorded at once; a success is returned for RunOnce to
// record with others.
func (d *Dispatcher) send(ctx context.Context, it store.OutboxItem) (sendResult, error) {
	m := Outgoing{OutboxID: it.ID, PersonID: it.PersonID, Channel: it.Channel, Address: it.Address, Text: it.Body, Attempt: it.Attempts}
	if it.Options != "" {
		if err := json.Unmarshal([]byte(it.Options), &m.Options); err != nil {
			return sendResult{}, d.Store.MarkFailed(ctx, it, "unreadable options", false, d.Now())
		}
	}
	sender := d.Senders[it.Channel]
	if it.Address == "" {
		return sendResult{}, d.Store.MarkFailed(ctx, it, "no address for channel", false, d.Now())
	}
	providerID, err := sender.Send(ctx, m)
	if err == nil {
		d.Metrics.sent(it.Channel)
		return sendResult{ok: true, providerID: providerID}, nil
	}
	var se *SendError
	if !errors.As(err, &se) {
		se = &SendError{Code: "network", Retryable: true, Err: err}
	}
	d.Metrics.sendError(it.Channel, se.Code)
	log := d.Log.With("channel", it.Channel, "person", it.PersonID, "outbox", it.ID, "code", se.Code, "attempt", it.Attempts)
	switch {
	case se.Stopped:
		log.Info("person has stopped; not retrying")
		return sendResult{stopped: true}, d.Store.MarkFailed(ctx, it, "stopped: "+se.Code, true, d.Now())
	case se.Retryable && it.Attempts < d.MaxAttempts:
		wait := backoff(it.Attempts)
		if se.RetryAfter > wait {
			wait = se.RetryAfter
		}
		log.Warn("send failed; will retry", "in", wait.String(), "err", se.Err)
		next := d.Now().Add(wait)
		return sendResult{retryAt: next}, d.Store.MarkRetry(ctx, it, next, se.Code)
	default:
		log.Warn("send failed permanently", "err", se.Err)
		return sendResult{}, d.Store.MarkFailed(ctx, it, se.Code, false, d.Now())
	}
}

// backoff is exponential from 2s, capped at 10 minutes, with jitter so retries spread out.
func backoff(attempt int) time.Duration {
	d := 2 * time.Second << min(attempt-1, 9)
	d = min(d, 10*time.Minute)
	return d/2 + rand.N(d/2+1)
}
