package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// statusRank orders delivery statuses: a message's status only ever moves up, so a late
// "sent" never overwrites "delivered", and a final status (delivered, undelivered, failed)
// never goes backwards. See https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
var statusRank = map[string]int{
	"queued": 1, "accepted": 1, "scheduled": 1, "sending": 2, "sent": 3,
	"delivered": 4, "undelivered": 4, "failed": 4, "canceled": 4, "read": 5,
}

// RecordDelivery records a provider's status callback for an outbound message and moves the
// message's status forward if the new status is later. It reports whether the message is known.
func (s *Store) RecordDelivery(ctx context.Context, channel, providerID, status, errorCode string, now time.Time) (known bool, err error) {
	err = s.InTx(ctx, func(t *Tx) error {
		if err := t.queue(ctx, `INSERT INTO delivery_events (channel, provider_id, status, error_code, received_at) VALUES (?, ?, ?, ?, ?)`,
			channel, providerID, status, errorCode, UTC(now)); err != nil {
			return err
		}
		var cur struct {
			ID     int64  `db:"id"`
			Status string `db:"status"`
		}
		err := t.get(ctx, &cur, `SELECT id, status FROM messages WHERE channel = ? AND direction = 'out' AND provider_id = ?`+t.forUpdate(),
			channel, providerID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		known = true
		if statusRank[status] <= statusRank[cur.Status] || (statusRank[cur.Status] == 4 && status != "read") {
			return nil
		}
		return t.queue(ctx, `UPDATE messages SET status = ? WHERE id = ?`, status, cur.ID)
	})
	return known, err
}

// MessageStatus returns an outbound message's current delivery status by provider id.
func (s *Store) MessageStatus(ctx context.Context, channel, providerID string) (string, error) {
	var st string
	err := s.db.GetContext(ctx, &st, s.db.Rebind(`SELECT status FROM messages WHERE channel = ? AND direction = 'out' AND provider_id = ?`),
		channel, providerID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return st, err
}

// Setting reads a small durable setting, "" if unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v []string
	if err := s.db.SelectContext(ctx, &v, s.db.Rebind(`SELECT value FROM kv WHERE key = ?`), key); err != nil {
		return "", err
	}
	if len(v) == 0 {
		return "", nil
	}
	return v[0], nil
}

// SetSetting writes a small durable setting.
func (s *Store) SetSetting(ctx context.Context, key, value string, now time.Time) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.queue(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, key, value, UTC(now))
	})
}

// MarkStopped records that a provider told us the person behind an address opted out or
// blocked us (Twilio's STOP handling, Telegram's 403), cancelling what is queued for them.
func (s *Store) MarkStopped(ctx context.Context, channel, address string, now time.Time) error {
	return s.InTx(ctx, func(t *Tx) error {
		var ids []string
		if err := t.selectAll(ctx, &ids, `SELECT person_id FROM identities WHERE channel = ? AND address = ?`, channel, address); err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.SetOptedOut(ctx, id, true, now); err != nil {
				return err
			}
		}
		return nil
	})
}
