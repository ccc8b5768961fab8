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

// purgeBatch bounds one purge transaction, so that the single SQLite writer is never held long.
const purgeBatch = 500

// PurgeBefore removes the text of messages and notes of people whose last contact was before
// cutoff, a batch of people at a time. It walks the index on last contact and marks each
// person purged, so a run costs what it removes, not the size of the database. It is
// idempotent: a person is purged again only after a later contact has grown old in turn.
func (s *Store) PurgeBefore(ctx context.Context, cutoff, now time.Time) (Purged, error) {
	var total Purged
	cutoff = UTC(cutoff)
	for {
		var p Purged
		var n int
		err := s.InTx(ctx, func(t *Tx) error {
			var ids []string
			if err := t.selectAll(ctx, &ids, `SELECT id FROM people WHERE last_contact_at < ?
				AND (text_purged_at IS NULL OR text_purged_at < last_contact_at) ORDER BY last_contact_at LIMIT ?`,
				cutoff, purgeBatch); err != nil {
				return err
			}
			n = len(ids)
			if n == 0 {
				return nil
			}
			res, err := t.execIn(ctx, `UPDATE messages SET body = ?, options = ''
				WHERE person_id IN (?) AND body <> ?
				AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id AND o.status IN ('pending', 'sending'))`,
				RemovedText, ids, RemovedText)
			if err != nil {
				return err
			}
			p.Messages, _ = res.RowsAffected()
			if res, err = t.execIn(ctx, `UPDATE notes SET body = ? WHERE person_id IN (?) AND body <> ?`, RemovedText, ids, RemovedText); err != nil {
				return err
			}
			p.Notes, _ = res.RowsAffected()
			_, err = t.execIn(ctx, `UPDATE people SET text_purged_at = ? WHERE id IN (?)`, UTC(now), ids)
			return err
		})
		if err != nil {
			return total, err
		}
		total.Messages += p.Messages
		total.Notes += p.Notes
		if n < purgeBatch {
			return total, nil
		}
	}
}
