package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Nudge is a scheduled follow-up message.
type Nudge struct {
	ID        string       `db:"id"`
	PersonID  string       `db:"person_id"`
	Kind      string       `db:"kind"`
	DedupeKey string       `db:"dedupe_key"`
	Service   string       `db:"service"`
	Detail    string       `db:"detail"`
	DueAt     time.Time    `db:"due_at"`
	Status    string       `db:"status"`
	Reason    string       `db:"reason"`
	CreatedAt time.Time    `db:"created_at"`
	DoneAt    sql.NullTime `db:"done_at"`
}

const nudgeColumns = `id, person_id, kind, dedupe_key, service, detail, due_at, status, reason, created_at, done_at`

// ClaimDueNudges leases up to limit pending nudges that are due. The query walks the partial
// index on due_at from the oldest, so its cost depends on how many are due, not on how many
// wait in the future. On PostgreSQL, SKIP LOCKED lets several workers claim side by side; a
// lease that expires (the worker died) makes a nudge claimable again.
func (s *Store) ClaimDueNudges(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Nudge, error) {
	now = UTC(now)
	var out []Nudge
	err := s.InTx(ctx, func(t *Tx) error {
		skip := ""
		if t.dialect == Postgres {
			skip = " FOR UPDATE SKIP LOCKED"
		}
		var ids []string
		if err := t.selectAll(ctx, &ids, `SELECT id FROM nudges WHERE status = 'pending' AND due_at <= ?
			AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_at LIMIT ?`+skip, now, now, limit); err != nil {
			return fmt.Errorf("claim nudges: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := t.queueIn(ctx, `UPDATE nudges SET lease_until = ? WHERE id IN (?)`, now.Add(lease), ids); err != nil {
			return fmt.Errorf("lease nudges: %w", err)
		}
		return t.selectIn(ctx, &out, `SELECT `+nudgeColumns+` FROM nudges WHERE id IN (?) ORDER BY due_at, id`, ids)
	})
	return out, err
}

// LockNudge re-reads a claimed nudge inside the transaction that acts on it.
func (t *Tx) LockNudge(ctx context.Context, id string) (Nudge, error) {
	var n Nudge
	err := t.get(ctx, &n, `SELECT `+nudgeColumns+` FROM nudges WHERE id = ?`+t.forUpdate(), id)
	return n, err
}

// FinishNudge marks a nudge sent, skipped or cancelled, with a reason for the latter two.
func (t *Tx) FinishNudge(ctx context.Context, id, status, reason string, now time.Time) error {
	return t.queue(ctx, `UPDATE nudges SET status = ?, reason = ?, done_at = ?, lease_until = NULL WHERE id = ?`,
		status, reason, UTC(now), id)
}

// DeferNudge moves a nudge to a later time (quiet hours, the weekly cap, an open crisis).
func (t *Tx) DeferNudge(ctx context.Context, id string, due time.Time, reason string) error {
	return t.queue(ctx, `UPDATE nudges SET due_at = ?, reason = ?, lease_until = NULL WHERE id = ?`, UTC(due), reason, id)
}

// NudgesSentSince lists when the person's nudges were sent since a time, oldest first.
func (t *Tx) NudgesSentSince(ctx context.Context, personID string, since time.Time) ([]time.Time, error) {
	var ts []time.Time
	err := t.selectAll(ctx, &ts, `SELECT done_at FROM nudges WHERE person_id = ? AND status = 'sent' AND done_at >= ?
		ORDER BY done_at`, personID, UTC(since))
	return ts, err
}

// HasUrgentHandoff reports whether the person has an open crisis handoff.
func (t *Tx) HasUrgentHandoff(ctx context.Context, personID string) (bool, error) {
	var n int
	err := t.get(ctx, &n, `SELECT COUNT(*) FROM handoffs WHERE person_id = ? AND urgent AND status <> 'closed'`, personID)
	return n > 0, err
}

// HasAssessmentSince reports whether the person recorded a score of an occasion since a time.
func (t *Tx) HasAssessmentSince(ctx context.Context, personID, occasion string, since time.Time) (bool, error) {
	var n int
	err := t.get(ctx, &n, `SELECT COUNT(*) FROM assessments WHERE person_id = ? AND occasion = ? AND completed_at >= ?`,
		personID, occasion, UTC(since))
	return n > 0, err
}

// PendingFollowups counts the person's suggestions not yet followed up.
func (t *Tx) PendingFollowups(ctx context.Context, personID string) (int, error) {
	var n int
	err := t.get(ctx, &n, `SELECT COUNT(*) FROM referrals WHERE person_id = ? AND NOT followed_up`, personID)
	return n, err
}

// Nudges lists scheduled nudges by due time (signpost nudges list).
func (s *Store) Nudges(ctx context.Context) ([]Nudge, error) {
	var ns []Nudge
	err := s.db.SelectContext(ctx, &ns, `SELECT `+nudgeColumns+` FROM nudges ORDER BY due_at, id`)
	return ns, err
}
