package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Erasure (UK GDPR article 17) removes everything that identifies a person or that they told us,
// and keeps their contribution to the reports as anonymous counts.
//
// Design: the person's rows that the reports and CSV exports count (people, assessments, needs,
// referrals, handoffs) are re-keyed to a fresh random pseudonym, with free text, age, source and
// every identifier removed; everything else (identities, messages and their outbox rows and
// delivery events, notes, conversation state, nudges, the consent ledger) is deleted. The
// alternative, a separate table of aggregate counts, would make every report query read two
// sources and lose the pairing of ONS4 baseline and follow-up scores that the report's paired
// change needs; re-keying keeps the report code unchanged and its totals exactly the same.
//
// The new pseudonym is linked to nothing: not to the old id (which the audit log still names),
// not to an identity, not to a message. Handoff ids are re-keyed too, because audit entries name
// them ("handoff h_..."). A handoff still open is closed with outcome "erased": nobody can be
// contacted any more. What remains (channel, postcode district or borough, age group, language,
// the times of contact, scores, need categories, services suggested, handoff outcomes) no longer
// relates to an identifiable person.

// ErasedOutcome closes a handoff that was still open when its person was erased.
const ErasedOutcome = "erased"

// Erase describes one erasure.
type Erase struct {
	PersonID string
	// NewID generates the pseudonym ("x_") and the new handoff ids ("h_").
	NewID func(prefix string) string
	Now   time.Time
	// Audit: who asked (a dashboard user's email, "command line", "resident"), from where, why.
	Actor, IP, Reason string
}

// Erased reports what an erasure removed.
type Erased struct {
	PersonID   string `json:"person_id"`
	Identities int64  `json:"identities"`
	Messages   int64  `json:"messages"`
	Notes      int64  `json:"notes"`
	Nudges     int64  `json:"nudges"`
	Consents   int64  `json:"consents"`
	// Kept counts the rows kept, anonymous, for the reports.
	Kept int64 `json:"anonymous_rows_kept"`
}

// ErrErased reports a person who is already erased (an anonymous row).
var ErrErased = errors.New("already erased")

// ErasePerson erases a person in one transaction and writes the audit entry in it. An unknown
// person is ErrNotFound.
func (s *Store) ErasePerson(ctx context.Context, e Erase) (Erased, error) {
	var out Erased
	err := s.InTx(ctx, func(t *Tx) error {
		var err error
		out, err = t.ErasePerson(ctx, e)
		return err
	})
	return out, err
}

// ErasePerson erases a person inside a transaction (see Store.ErasePerson).
func (t *Tx) ErasePerson(ctx context.Context, e Erase) (Erased, error) {
	out := Erased{PersonID: e.PersonID}
	now := UTC(e.Now)
	old := e.PersonID
	// Lock the person's conversation first, in the order Engine.Handle locks (conversation, then
	// the person's row), so that a message being stepped for them finishes before this erasure,
	// or starts after it as a new contact.
	if _, err := t.exec(ctx, `SELECT 1 FROM conversations WHERE person_id = ?`+t.forUpdate(), old); err != nil {
		return out, fmt.Errorf("erase: lock conversation: %w", err)
	}
	var erasedAt []sql.NullTime
	if err := t.selectAll(ctx, &erasedAt, `SELECT erased_at FROM people WHERE id = ?`+t.forUpdate(), old); err != nil {
		return out, fmt.Errorf("erase: %w", err)
	}
	if len(erasedAt) == 0 {
		return out, ErrNotFound
	}
	if erasedAt[0].Valid {
		return out, ErrErased
	}
	pseudonym := e.NewID("x_")
	if _, err := t.exec(ctx, `INSERT INTO people (id, channel, area, borough, age_group, age, language, source,
		first_contact_at, last_contact_at, consented, consented_at, opted_out, opted_out_at, erased_at)
		SELECT ?, channel, area, borough, age_group, 0, language, '', first_contact_at, last_contact_at,
			consented, consented_at, opted_out, opted_out_at, ?
		FROM people WHERE id = ?`, pseudonym, now, old); err != nil {
		return out, fmt.Errorf("erase: pseudonym: %w", err)
	}
	for _, table := range []string{"assessments", "needs", "referrals"} {
		res, err := t.exec(ctx, `UPDATE `+table+` SET person_id = ? WHERE person_id = ?`, pseudonym, old)
		if err != nil {
			return out, fmt.Errorf("erase: re-key %s: %w", table, err)
		}
		n, _ := res.RowsAffected()
		out.Kept += n
	}
	var handoffs []string
	if err := t.selectAll(ctx, &handoffs, `SELECT id FROM handoffs WHERE person_id = ? ORDER BY opened_at, id`, old); err != nil {
		return out, err
	}
	for _, id := range handoffs {
		if _, err := t.exec(ctx, `UPDATE handoffs SET id = ?, person_id = ?,
			status = CASE WHEN status = 'closed' THEN status ELSE 'closed' END,
			outcome = CASE WHEN status = 'closed' THEN outcome ELSE ? END,
			closed_at = COALESCE(closed_at, ?)
			WHERE id = ?`, e.NewID("h_"), pseudonym, ErasedOutcome, now, id); err != nil {
			return out, fmt.Errorf("erase: re-key handoff: %w", err)
		}
		out.Kept++
	}
	// Delivery events name the provider's message ids, which the provider can map to a number.
	if _, err := t.exec(ctx, `DELETE FROM delivery_events WHERE provider_id IN
		(SELECT provider_id FROM messages WHERE person_id = ? AND provider_id IS NOT NULL)`, old); err != nil {
		return out, fmt.Errorf("erase: delivery events: %w", err)
	}
	del := func(q string, n *int64) error {
		res, err := t.exec(ctx, q, old)
		if err != nil {
			return fmt.Errorf("erase: %s: %w", q, err)
		}
		if n != nil {
			*n, _ = res.RowsAffected()
		}
		return nil
	}
	for _, d := range []struct {
		q string
		n *int64
	}{
		{`DELETE FROM outbox WHERE person_id = ?`, nil}, // cancels anything still queued
		{`DELETE FROM messages WHERE person_id = ?`, &out.Messages},
		{`DELETE FROM notes WHERE person_id = ?`, &out.Notes},
		{`DELETE FROM nudges WHERE person_id = ?`, &out.Nudges},
		{`DELETE FROM consents WHERE person_id = ?`, &out.Consents},
		{`DELETE FROM conversations WHERE person_id = ?`, nil},
		{`DELETE FROM identities WHERE person_id = ?`, &out.Identities},
		{`DELETE FROM people WHERE id = ?`, nil},
	} {
		if err := del(d.q, d.n); err != nil {
			return out, err
		}
	}
	reason := e.Reason
	if reason == "" {
		reason = "erased"
	}
	detail := fmt.Sprintf("%s: %d identities, %d messages, %d notes, %d nudges, %d consent records removed; %d anonymous rows kept",
		reason, out.Identities, out.Messages, out.Notes, out.Nudges, out.Consents, out.Kept)
	if err := t.Audit(ctx, AuditEntry{At: now, Actor: e.Actor, Action: AuditErase, Subject: old, Detail: detail, IP: e.IP}); err != nil {
		return out, err
	}
	return out, nil
}

// RequestErasure records a resident's own confirmed request to be forgotten. Everything queued
// for them and their pending nudges are cancelled in the same transaction; the confirmation the
// step queues after this (kind "confirm") is the last message they get. The erasure itself runs
// once that confirmation has gone (see DueErasures).
func (t *Tx) RequestErasure(ctx context.Context, personID string, now time.Time) error {
	now = UTC(now)
	if err := t.queue(ctx, `UPDATE people SET erase_requested_at = ? WHERE id = ? AND erase_requested_at IS NULL`, now, personID); err != nil {
		return err
	}
	if err := t.queue(ctx, `UPDATE outbox SET status = 'cancelled', last_error = 'erasure requested'
		WHERE person_id = ? AND status = 'pending'`, personID); err != nil {
		return err
	}
	return t.queue(ctx, `UPDATE nudges SET status = 'cancelled', reason = 'erasure requested', done_at = ?
		WHERE person_id = ? AND status = 'pending'`, now, personID)
}

// DueErasures lists people whose own erasure request is ready to carry out: nothing of theirs
// waits in the outbox (the final confirmation has been sent, or has failed), or the request is
// older than grace (a channel that is switched off must not keep their data for ever). A crisis
// message sent after the request holds it until a link worker has closed that urgent handoff.
func (s *Store) DueErasures(ctx context.Context, now time.Time, grace time.Duration) ([]string, error) {
	var ids []string
	err := s.db.SelectContext(ctx, &ids, s.db.Rebind(`SELECT p.id FROM people p
		WHERE p.erase_requested_at IS NOT NULL AND p.erased_at IS NULL
		AND (p.erase_requested_at < ? OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.person_id = p.id AND o.status IN ('pending', 'sending')))
		AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.person_id = p.id AND h.urgent AND h.status <> 'closed'
			AND h.opened_at >= p.erase_requested_at)
		ORDER BY p.erase_requested_at LIMIT 100`), UTC(now.Add(-grace)))
	return ids, err
}
