package store

import (
	"context"
	"fmt"
	"time"
)

// Message is one message in or out, as the transcript shows it.
type Message struct {
	ID         int64     `db:"id"`
	PersonID   string    `db:"person_id"`
	Channel    string    `db:"channel"`
	Direction  string    `db:"direction"`
	ProviderID *string   `db:"provider_id"`
	Body       string    `db:"body"`
	Options    string    `db:"options"`
	Author     string    `db:"author"`
	Status     string    `db:"status"`
	CreatedAt  time.Time `db:"created_at"`
}

// ClaimInbound records an inbound message unless the provider's id was seen before on this
// channel; claimed is false for a duplicate, which the caller must treat as already handled.
func (t *Tx) ClaimInbound(ctx context.Context, personID, channel, providerID, body string, now time.Time) (claimed bool, err error) {
	res, err := t.exec(ctx, `INSERT INTO messages (person_id, channel, direction, provider_id, body, author, created_at)
		VALUES (?, ?, 'in', ?, ?, 'resident', ?) ON CONFLICT (channel, direction, provider_id) DO NOTHING`,
		personID, channel, providerID, body, UTC(now))
	if err != nil {
		return false, fmt.Errorf("claim inbound: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Arrive records an inbound message from the person behind a channel identity, creating them on
// first contact, and holds their conversation until the transaction ends (see LockSubject). It
// claims the provider's id (claimed is false for a delivery seen before, which the caller must
// treat as already handled), records the time of contact (see Touch), and returns the person as
// they are now. On PostgreSQL that is a read taken after the conversation's lock, and it
// matters: the statement that locked the conversation may have waited for another message's
// transaction, and PostgreSQL then re-read the conversation but not the person joined to it,
// whose consent or opt-out may have changed. There the lock and the arrival go in one round trip.
func (t *Tx) Arrive(ctx context.Context, np NewPerson, providerID, body string) (p Person, c Conversation, claimed bool, err error) {
	now := UTC(np.Now)
	if t.pg == nil {
		// SQLite's write transactions exclude each other: the person read is as they are now.
		if p, c, err = t.LockSubject(ctx, np); err != nil {
			return p, c, false, err
		}
		claimed, err = t.ClaimInbound(ctx, p.ID, np.Channel, providerID, body, now)
		if err != nil || !claimed {
			return p, c, false, err
		}
		if err := t.Touch(ctx, p.ID, now); err != nil {
			return p, c, false, err
		}
		if p.LastContactAt.Before(now.Add(-ContactResolution)) {
			p.LastContactAt = now
		}
		return p, c, true, nil
	}
	var a struct {
		Person
		Claimed bool `db:"claimed"`
	}
	var locked, arrived bool
	lockAndArrive := func() error {
		// The person is read by the arrival, after the lock: the lock reads only the
		// conversation. The arrival, a statement of its own, sees what the transaction the
		// lock waited for committed.
		t.pg.queueGet(&c, &locked, `SELECT `+conversationColumns+` FROM identities i JOIN conversations c ON c.person_id = i.person_id
			WHERE i.channel = ? AND i.address = ? FOR UPDATE OF c`, []any{np.Channel, np.Address})
		t.pg.queueGet(&a, &arrived, `WITH i AS (SELECT person_id FROM identities WHERE channel = ? AND address = ?),
			m AS (INSERT INTO messages (person_id, channel, direction, provider_id, body, author, created_at)
				SELECT person_id, ?, 'in', ?, ?, 'resident', ? FROM i
				ON CONFLICT (channel, direction, provider_id) DO NOTHING RETURNING id),
			u AS (UPDATE people p SET last_contact_at = CASE WHEN EXISTS (SELECT 1 FROM m) AND p.last_contact_at < ? THEN ?
					ELSE p.last_contact_at END
				FROM i WHERE p.id = i.person_id RETURNING `+personColumns+`)
			SELECT u.*, EXISTS (SELECT 1 FROM m) AS claimed FROM u`,
			[]any{np.Channel, np.Address, np.Channel, providerID, body, now, now.Add(-ContactResolution), now})
		if err := t.pg.flush(ctx); err != nil {
			return fmt.Errorf("arrive: %w", err)
		}
		return nil
	}
	if err := lockAndArrive(); err != nil {
		return p, c, false, err
	}
	if !locked {
		if arrived {
			// The person was created by another transaction between the two statements, and
			// this one arrived without the lock: start again.
			return p, c, false, errRetry
		}
		// First contact: create them (or start again if another transaction just did), then
		// lock and arrive.
		if _, err := t.createPerson(ctx, np); err != nil {
			return p, c, false, err
		}
		if err := lockAndArrive(); err != nil {
			return p, c, false, err
		}
	}
	if !arrived {
		return p, c, false, fmt.Errorf("arrive: person %s has no %s identity", c.PersonID, np.Channel)
	}
	return a.Person, c, a.Claimed, nil
}

// Outbound is a message to queue for sending.
type Outbound struct {
	PersonID string
	Channel  string
	Body     string
	Options  string // JSON list of options, or ""
	Author   string // "bot" or a link worker's email
	Kind     string // "reply", or "confirm" for the STOP confirmation
}

// Enqueue records an outbound message and its outbox row.
func (t *Tx) Enqueue(ctx context.Context, o Outbound, now time.Time) error {
	now = UTC(now)
	kind := o.Kind
	if kind == "" {
		kind = "reply"
	}
	if t.dialect == Postgres {
		// One statement, which goes with the transaction's next round trip.
		return t.queue(ctx, `WITH m AS (INSERT INTO messages (person_id, channel, direction, body, options, author, status, created_at)
			VALUES (?, ?, 'out', ?, ?, ?, 'queued', ?) RETURNING id)
			INSERT INTO outbox (message_id, person_id, channel, kind, next_attempt_at, created_at)
			SELECT id, ?, ?, ?, ?, ? FROM m`,
			o.PersonID, o.Channel, o.Body, o.Options, o.Author, now, o.PersonID, o.Channel, kind, now, now)
	}
	// On SQLite, plain inserts and the connection's last row id: cheaper than RETURNING,
	// which runs the statement as a query.
	res, err := t.exec(ctx, `INSERT INTO messages (person_id, channel, direction, body, options, author, status, created_at)
		VALUES (?, ?, 'out', ?, ?, ?, 'queued', ?)`, o.PersonID, o.Channel, o.Body, o.Options, o.Author, now)
	if err != nil {
		return fmt.Errorf("record outbound: %w", err)
	}
	msgID, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("record outbound: %w", err)
	}
	if _, err = t.exec(ctx, `INSERT INTO outbox (message_id, person_id, channel, kind, next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, msgID, o.PersonID, o.Channel, kind, now, now); err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	return nil
}

// Transcript returns a person's messages, oldest first.
func (s *Store) Transcript(ctx context.Context, personID string) ([]Message, error) {
	var ms []Message
	err := s.db.SelectContext(ctx, &ms, s.db.Rebind(`SELECT id, person_id, channel, direction, provider_id, body, options,
		author, status, created_at FROM messages WHERE person_id = ? ORDER BY id`), personID)
	return ms, err
}

// PersonIDByAddress returns the person behind a channel identity, or ErrNotFound.
func (s *Store) PersonIDByAddress(ctx context.Context, channel, address string) (string, error) {
	var ids []string
	if err := s.db.SelectContext(ctx, &ids, s.db.Rebind(`SELECT person_id FROM identities WHERE channel = ? AND address = ?`),
		channel, address); err != nil {
		return "", err
	}
	if len(ids) == 0 {
		return "", ErrNotFound
	}
	return ids[0], nil
}

// MessagesAfter returns a person's messages with ids above after, oldest first, at most limit.
func (s *Store) MessagesAfter(ctx context.Context, personID string, after int64, limit int) ([]Message, error) {
	var ms []Message
	err := s.db.SelectContext(ctx, &ms, s.db.Rebind(`SELECT id, person_id, channel, direction, provider_id, body, options,
		author, status, created_at FROM messages WHERE person_id = ? AND id > ? ORDER BY id LIMIT ?`), personID, after, limit)
	return ms, err
}
