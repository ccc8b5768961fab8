package store

import (
	"context"
	"time"
)

// RemovedText replaces message text and notes purged after the retention period. The rows stay,
// so that counts of messages and notes (and everything the reports read) keep working.
const RemovedText = "[removed after retention period]"

// Purged reports what a retention run removed.
type Purged struct {
	Messages int64
	Notes    int64
}

// PurgeBefore removes the text of messages and notes of every person whose last contact was
// before cutoff. It is idempotent: text already removed is not touched again.
func (s *Store) PurgeBefore(ctx context.Context, cutoff time.Time) (Purged, error) {
	var p Purged
	cutoff = UTC(cutoff)
	err := s.InTx(ctx, func(t *Tx) error {
		res, err := t.exec(ctx, `UPDATE messages SET body = ?, options = ''
			WHERE body <> ? AND person_id IN (SELECT id FROM people WHERE last_contact_at < ?)
			AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id AND o.status IN ('pending', 'sending'))`,
			RemovedText, RemovedText, cutoff)
		if err != nil {
			return err
		}
		p.Messages, _ = res.RowsAffected()
		res, err = t.exec(ctx, `UPDATE notes SET body = ? WHERE body <> ? AND person_id IN (SELECT id FROM people WHERE last_contact_at < ?)`,
			RemovedText, RemovedText, cutoff)
		if err != nil {
			return err
		}
		p.Notes, _ = res.RowsAffected()
		return nil
	})
	return p, err
}
