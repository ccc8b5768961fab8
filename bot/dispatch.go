package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
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

	wake chan struct{}
}

// NewDispatcher returns a Dispatcher with production defaults.
func NewDispatcher(s *store.Store, senders map[string]Sender, log *slog.Logger, now func() time.Time) *Dispatcher {
	return &Dispatcher{Store: s, Senders: senders, Log: log, Now: now, Lease: 2 * time.Minute, Batch: 50,
		MaxAttempts: 8, Poll: time.Second, wake: make(chan struct{}, 1)}
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
	t := time.NewTicker(d.Poll)
	defer t.Stop()
	defer d.drain(context.WithoutCancel(ctx))
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
	items, err := d.Store.ClaimOutbox(ctx, d.channels(), d.Now(), d.Lease, d.Batch)
	if err != nil {
		return 0, err
	}
	// held records people whose earlier message in this batch did not go: their later ones wait
	// for it, so that a person never reads a reply before the question it answers.
	held := map[string]time.Time{}
	for _, it := range items {
		// Sends use a context that outlives shutdown's cancellation briefly: a message we claimed
		// is better finished than left to the lease.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		var err error
		if until, ok := held[it.PersonID]; ok {
			if until.IsZero() {
				err = d.Store.MarkCancelled(sctx, it, "opted out")
			} else {
				err = d.Store.MarkRetry(sctx, it, until, "waiting for an earlier message")
			}
		} else {
			var retryAt time.Time
			var stopped bool
			if retryAt, stopped, err = d.send(sctx, it); stopped || !retryAt.IsZero() {
				held[it.PersonID] = retryAt // zero when stopped: cancel the rest
			}
		}
		cancel()
		if err != nil {
			return len(items), err
		}
	}
	return len(items), nil
}

// send delivers one message and records the outcome. A message that did not go returns when
// the person's queue may move again, or stopped if the person has opted out.
func (d *Dispatcher) send(ctx context.Context, it store.OutboxItem) (retryAt time.Time, stopped bool, err error) {
	m := Outgoing{OutboxID: it.ID, PersonID: it.PersonID, Channel: it.Channel, Address: it.Address, Text: it.Body, Attempt: it.Attempts}
	if it.Options != "" {
		if err := json.Unmarshal([]byte(it.Options), &m.Options); err != nil {
			return time.Time{}, false, d.Store.MarkFailed(ctx, it, "unreadable options", false, d.Now())
		}
	}
	sender := d.Senders[it.Channel]
	if it.Address == "" {
		return time.Time{}, false, d.Store.MarkFailed(ctx, it, "no address for channel", false, d.Now())
	}
	providerID, err := sender.Send(ctx, m)
	if err == nil {
		d.Metrics.sent(it.Channel)
		return time.Time{}, false, d.Store.MarkSent(ctx, it, providerID, d.Now())
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
		return time.Time{}, true, d.Store.MarkFailed(ctx, it, "stopped: "+se.Code, true, d.Now())
	case se.Retryable && it.Attempts < d.MaxAttempts:
		wait := backoff(it.Attempts)
		if se.RetryAfter > wait {
			wait = se.RetryAfter
		}
		log.Warn("send failed; will retry", "in", wait.String(), "err", se.Err)
		next := d.Now().Add(wait)
		return next, false, d.Store.MarkRetry(ctx, it, next, se.Code)
	default:
		log.Warn("send failed permanently", "err", se.Err)
		return time.Time{}, false, d.Store.MarkFailed(ctx, it, se.Code, false, d.Now())
	}
}

// backoff is exponential from 2s, capped at 10 minutes, with jitter so retries spread out.
func backoff(attempt int) time.Duration {
	d := 2 * time.Second << min(attempt-1, 9)
	d = min(d, 10*time.Minute)
	return d/2 + rand.N(d/2+1)
}
