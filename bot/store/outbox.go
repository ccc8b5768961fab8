package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// OutboxItem is a claimed message ready to send.
type OutboxItem struct {
	ID        int64     `db:"id"`
	MessageID int64     `db:"message_id"`
	PersonID  string    `db:"person_id"`
	Channel   string    `db:"channel"`
	Kind      string    `db:"kind"`
	Attempts  int       `db:"attempts"`
	Body      string    `db:"body"`
	Options   string    `db:"options"`
	Address   string    `db:"address"`
	CreatedAt time.Time `db:"created_at"`
}

// claimLockKey names the PostgreSQL advisory lock that claims take turns on.
const claimLockKey int64 = 0x5349474e504f5354 // "SIGNPOST"

// ClaimOutbox leases up to limit due messages on the given channels for sending. A lease that
// expires (the worker died between claim and record) makes the row due again: this is the one
// window in which a message can be sent twice. Rows for people who have stopped are cancelled
// here, at send time, except the STOP confirmation itself; so are those of people who asked to
// be forgotten, except that request's confirmation.
func (s *Store) ClaimOutbox(ctx context.Context, channels []string, now time.Time, lease time.Duration, limit int) ([]OutboxItem, error) {
	if len(channels) == 0 {
		return nil, nil
	}
	now = UTC(now)
	var items []OutboxItem
	err := s.InTx(ctx, func(t *Tx) error {
		if t.dialect == Postgres {
			return t.claimOutboxPG(ctx, &items, channels, now, lease, limit)
		}
		q, args, err := sqlx.In(claimableQuery, channels, now, now, now, now, limit)
		if err != nil {
			return err
		}
		var ids []int64
		if err := t.selectAll(ctx, &ids, q, args...); err != nil {
			return fmt.Errorf("claim outbox: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := t.queueIn(ctx, `UPDATE outbox SET status = 'cancelled', last_error = 'opted out'
			WHERE id IN (?) AND kind <> 'confirm' AND EXISTS (SELECT 1 FROM people p WHERE p.id = outbox.person_id
				AND (p.opted_out OR p.erase_requested_at IS NOT NULL))`, ids); err != nil {
			return fmt.Errorf("cancel for opted out: %w", err)
		}
		if err := t.queueIn(ctx, `UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?
			WHERE id IN (?) AND status IN ('pending', 'sending')`, now.Add(lease), ids); err != nil {
			return fmt.Errorf("lease outbox: %w", err)
		}
		// A person has one identity per channel (the one they first wrote from).
		return t.selectIn(ctx, &items, `SELECT o.id, o.message_id, o.person_id, o.channel, o.kind, o.attempts, m.body, m.options,
			COALESCE(i.address, '') AS address, o.created_at
			FROM outbox o JOIN messages m ON m.id = o.message_id
			LEFT JOIN identities i ON i.person_id = o.person_id AND i.channel = o.channel
			WHERE o.id IN (?) AND o.status = 'sending' ORDER BY o.next_attempt_at, o.id`, ids)
	})
	return items, err
}

// claimableQuery selects the ids of the rows a claim may take, oldest first. A person's messages
// go in order: a row waits while an earlier one of theirs is being sent or waits for a retry.
// The conditions are written so that the partial indexes of waiting rows serve the scans: their
// cost follows the rows waiting, not the millions already sent. Within a person, rows queued
// together share next_attempt_at, and id keeps their order. (The list of channels is the same
// for the life of the process, so this one statement is prepared once and cached.)
const claimableQuery = `SELECT id FROM outbox o
	WHERE channel IN (?) AND status IN ('pending', 'sending') AND next_attempt_at <= ?
	AND (status = 'pending' OR lease_until < ?)
	AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.person_id = o.person_id AND e.id < o.id
		AND ((e.status = 'sending' AND e.lease_until >= ?) OR (e.status = 'pending' AND e.next_attempt_at > ?)))
	ORDER BY next_attempt_at, id LIMIT ?`

// claimOutboxPG is ClaimOutbox's transaction on PostgreSQL: the claim is one statement, sent with
// its lock and the commit in one round trip (at modest load a claim takes a message or two, and
// there were three round trips to each). items is filled when the transaction commits.
func (t *Tx) claimOutboxPG(ctx context.Context, items *[]OutboxItem, channels []string, now time.Time, lease time.Duration, limit int) error {
	// Claims take turns, across every dispatcher of every instance, as they do on SQLite's one
	// writer. Without this, while one claim had locked a person's due row but not yet committed
	// its lease, another would skip that row (SKIP LOCKED) and could claim the same person's
	// next one: both sent, possibly out of order. The lock is a statement of its own, so that
	// the claim's snapshot is taken after it, and sees the lease of the claim before. A claim is
	// one statement, so the turns are short; sending is not inside them.
	if err := t.queue(ctx, `SELECT pg_advisory_xact_lock(?)`, claimLockKey); err != nil {
		return err
	}
	// The rows of people who have stopped are cancelled, the others leased, and the leased ones
	// read with their message and address. The two updates change different rows.
	q, args, err := sqlx.In(`WITH c AS (`+claimableQuery+` FOR UPDATE SKIP LOCKED),
		x AS (UPDATE outbox SET status = 'cancelled', last_error = 'opted out' FROM c
			WHERE outbox.id = c.id AND outbox.kind <> 'confirm' AND EXISTS (SELECT 1 FROM people p
				WHERE p.id = outbox.person_id AND (p.opted_out OR p.erase_requested_at IS NOT NULL))
			RETURNING outbox.id),
		l AS (UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ? FROM c
			WHERE outbox.id = c.id AND outbox.id NOT IN (SELECT id FROM x)
			RETURNING outbox.id, outbox.message_id, outbox.person_id, outbox.channel, outbox.kind, outbox.attempts,
				outbox.next_attempt_at, outbox.created_at)
		SELECT l.id, l.message_id, l.person_id, l.channel, l.kind, l.attempts, m.body, m.options,
			COALESCE(i.address, '') AS address, l.created_at
		FROM l JOIN messages m ON m.id = l.message_id
		LEFT JOIN identities i ON i.person_id = l.person_id AND i.channel = l.channel
		ORDER BY l.next_attempt_at, l.id`, channels, now, now, now, now, limit, now.Add(lease))
	if err != nil {
		return err
	}
	return t.queueSelect(ctx, items, q, args...)
}

// Sent is a message the provider accepted, with its id there.
type Sent struct {
	Item       OutboxItem
	ProviderID string
}

// MarkSentBatch records several accepted messages in one transaction. If the group cannot be
// recorded, each is recorded alone, and one whose provider id cannot be stored (a provider that
// repeated an id) is recorded without it: a message that went must never look unsent, or it
// would be sent again when its lease expires.
func (s *Store) MarkSentBatch(ctx context.Context, sent []Sent) error {
	err := s.InTx(ctx, func(t *Tx) error { return t.markSent(ctx, sent) })
	if err == nil || len(sent) == 0 {
		return err
	}
	var errs []error
	for _, m := range sent {
		err := s.MarkSent(ctx, m.Item, m.ProviderID)
		if err != nil && m.ProviderID != "" {
			err = s.MarkSent(ctx, m.Item, "")
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// MarkSent records a message accepted by the provider; its delivery status then follows the
// provider's callbacks.
func (s *Store) MarkSent(ctx context.Context, item OutboxItem, providerID string) error {
	return s.InTx(ctx, func(t *Tx) error { return t.markSent(ctx, []Sent{{Item: item, ProviderID: providerID}}) })
}

// markSent records sends. The outbox holds what is still to be sent: a sent row is deleted, and
// the message keeps the provider's id and its delivery status. (Marking the row sent instead
// cost PostgreSQL a new row version and an entry in each of its indexes, every message.)
func (t *Tx) markSent(ctx context.Context, sent []Sent) error {
	for _, m := range sent {
		var pid any
		if m.ProviderID != "" {
			pid = m.ProviderID
		}
		if t.dialect == Postgres {
			// One statement a message, all of a batch's in one round trip.
			if err := t.queue(ctx, `WITH o AS (DELETE FROM outbox WHERE id = ?)
				UPDATE messages SET status = 'accepted', provider_id = ? WHERE id = ?`, m.Item.ID, pid, m.Item.MessageID); err != nil {
				return err
			}
			continue
		}
		if err := t.queue(ctx, `DELETE FROM outbox WHERE id = ?`, m.Item.ID); err != nil {
			return err
		}
		if err := t.queue(ctx, `UPDATE messages SET status = 'accepted', provider_id = ? WHERE id = ?`, pid, m.Item.MessageID); err != nil {
			return err
		}
	}
	return nil
}

// MarkRetry puts a message back in the queue after a temporary failure.
func (s *Store) MarkRetry(ctx context.Context, item OutboxItem, next time.Time, reason string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.queue(ctx, `UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?`,
			UTC(next), reason, item.ID)
	})
}

// MarkCancelled drops a claimed message that must not be sent.
func (s *Store) MarkCancelled(ctx context.Context, item OutboxItem, reason string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.queue(ctx, `UPDATE outbox SET status = 'cancelled', lease_until = NULL, last_error = ? WHERE id = ?`, reason, item.ID)
	})
}

// MarkFailed gives up on a message; stopped also records that the person has opted out (the
// provider told us so), which cancels everything else queued for them.
func (s *Store) MarkFailed(ctx context.Context, item OutboxItem, reason string, stopped bool, now time.Time) error {
	return s.InTx(ctx, func(t *Tx) error {
		if err := t.queue(ctx, `UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = ? WHERE id = ?`, reason, item.ID); err != nil {
			return err
		}
		if err := t.queue(ctx, `UPDATE messages SET status = 'failed' WHERE id = ?`, item.MessageID); err != nil {
			return err
		}
		if stopped {
			return t.SetOptedOut(ctx, item.PersonID, true, now)
		}
		return nil
	})
}

// QueueStats is what /metrics shows of the queues.
type QueueStats struct {
	OutboxPending    int64   `db:"outbox_pending"`
	OutboxOldestSecs float64 `db:"-"`
	NudgesDue        int64   `db:"nudges_due"`
	HandoffsOpen     int64   `db:"handoffs_open"`
	HandoffsUrgent   int64   `db:"handoffs_urgent"`
}

// Stats reads the queue sizes for metrics.
func (s *Store) Stats(ctx context.Context, now time.Time) (QueueStats, error) {
	now = UTC(now)
	var st QueueStats
	err := s.db.GetContext(ctx, &st, s.db.Rebind(`SELECT
		(SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')) AS outbox_pending,
		(SELECT COUNT(*) FROM nudges WHERE status = 'pending' AND due_at <= ?) AS nudges_due,
		(SELECT COUNT(*) FROM handoffs WHERE status <> 'closed') AS handoffs_open,
		(SELECT COUNT(*) FROM handoffs WHERE status <> 'closed' AND urgent) AS handoffs_urgent`), now)
	if err != nil {
		return st, err
	}
	var oldest []time.Time
	if err := s.db.SelectContext(ctx, &oldest, `SELECT created_at FROM outbox WHERE status IN ('pending', 'sending')
		ORDER BY id LIMIT 1`); err != nil {
		return st, err
	}
	if len(oldest) == 1 {
		st.OutboxOldestSecs = now.Sub(oldest[0]).Seconds()
	}
	return st, nil
}
