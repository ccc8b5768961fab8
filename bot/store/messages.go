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

// Arrive records an inbound message from p, whose conversation the transaction holds: it claims
// the provider's id (claimed is false for a delivery seen before, which the caller must treat as
// already handled) and records the time of contact. It returns the person as they are now. On
// PostgreSQL that is a fresh read under the person's row lock, and it matters: the statement that
// locked the conversation may have waited for another message's transaction, and PostgreSQL then
// re-read the conversation but not the person joined to it, whose consent or opt-out may have
// changed. There the three steps are one statement (one round trip instead of three).
func (t *Tx) Arrive(ctx context.Context, p Person, channel, providerID, body string, now time.Time) (Person, bool, error) {
	now = UTC(now)
	if t.dialect != Postgres {
		// SQLite's write transactions exclude each other: p is as it is now.
		claimed, err := t.ClaimInbound(ctx, p.ID, channel, providerID, body, now)
		if err != nil || !claimed {
			return p, false, err
		}
		if err := t.Touch(ctx, p.ID, now); err != nil {
			return p, false, err
		}
		p.LastContactAt = now
		return p, true, nil
	}
	var r struct {
		Person
		Claimed bool `db:"claimed"`
	}
	err := t.get(ctx, &r, `WITH m AS (INSERT INTO messages (person_id, channel, direction, provider_id, body, author, created_at)
			VALUES (?, ?, 'in', ?, ?, 'resident', ?) ON CONFLICT (channel, direction, provider_id) DO NOTHING RETURNING id),
		u AS (UPDATE people p SET last_contact_at = CASE WHEN EXISTS (SELECT 1 FROM m) THEN ? ELSE p.last_contact_at END
			WHERE p.id = ? RETURNING `+personColumns+`)
		SELECT u.*, EXISTS (SELECT 1 FROM m) AS claimed FROM u`,
		p.ID, channel, providerID, body, now, now, p.ID)
	if err != nil {
		return p, false, fmt.Errorf("claim inbound: %w", err)
	}
	return r.Person, r.Claimed, nil
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

// Enqueue records an outbound message and its outbox row, returning the outbox id.
func (t *Tx) Enqueue(ctx context.Context, o Outbound, now time.Time) (int64, error) {
	now = UTC(now)
	kind := o.Kind
	if kind == "" {
		kind = "reply"
	}
	var id int64
	if t.dialect == Postgres {
		// One round trip instead of two (PostgreSQL's CPU per statement is what bounds it here).
		if err := t.get(ctx, &id, `WITH m AS (INSERT INTO messages (person_id, channel, direction, body, options, author, status, created_at)
			VALUES (?, ?, 'out', ?, ?, ?, 'queued', ?) RETURNING id)
			INSERT INTO outbox (message_id, person_id, channel, kind, next_attempt_at, created_at)
			SELECT id, ?, ?, ?, ?, ? FROM m RETURNING id`,
			o.PersonID, o.Channel, o.Body, o.Options, o.Author, now, o.PersonID, o.Channel, kind, now, now); err != nil {
			return 0, fmt.Errorf("enqueue: %w", err)
		}
		return id, nil
	}
	// On SQLite, plain inserts and the connection's last row id: cheaper than RETURNING,
	// which runs the statement as a query.
	res, err := t.exec(ctx, `INSERT INTO messages (person_id, channel, direction, body, options, author, status, created_at)
		VALUES (?, ?, 'out', ?, ?, ?, 'queued', ?)`, o.PersonID, o.Channel, o.Body, o.Options, o.Author, now)
	if err != nil {
		return 0, fmt.Errorf("record outbound: %w", err)
	}
	msgID, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record outbound: %w", err)
	}
	if res, err = t.exec(ctx, `INSERT INTO outbox (message_id, person_id, channel, kind, next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, msgID, o.PersonID, o.Channel, kind, now, now); err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return res.LastInsertId()
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
