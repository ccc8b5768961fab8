package store

import (
	"context"
	"time"
)

// AddScore records one answered item of a wellbeing instrument.
func (t *Tx) AddScore(ctx context.Context, personID, channel, instrument, version, occasion, item string, score int, band string, now time.Time) error {
	return t.queue(ctx, `INSERT INTO assessments (person_id, channel, instrument, version, occasion, item, score, band, completed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, personID, channel, instrument, version, occasion, item, score, band, UTC(now))
}

// AddNeed records a need area a person asked about; met is false when no service matched.
func (t *Tx) AddNeed(ctx context.Context, personID, need, borough string, met bool, now time.Time) error {
	return t.queue(ctx, `INSERT INTO needs (person_id, need, borough, met, created_at) VALUES (?, ?, ?, ?, ?)`,
		personID, need, borough, met, UTC(now))
}

// MarkUnmet marks the person's latest record of need as having found no service.
func (t *Tx) MarkUnmet(ctx context.Context, personID, need string) error {
	return t.queue(ctx, `UPDATE needs SET met = FALSE WHERE id = (SELECT MAX(id) FROM needs WHERE person_id = ? AND need = ?)`,
		personID, need)
}

// AddReferral records a service suggested to a person; suggesting it again changes nothing.
func (t *Tx) AddReferral(ctx context.Context, personID, serviceID, serviceName, need string, now time.Time) error {
	return t.queue(ctx, `INSERT INTO referrals (person_id, service_id, service_name, need, suggested_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, service_id) DO NOTHING`, personID, serviceID, serviceName, need, UTC(now))
}

// OpenHandoff opens a handoff unless the person already has an open one; an urgent request
// upgrades an open one. It returns the open handoff's id.
func (t *Tx) OpenHandoff(ctx context.Context, id, personID, channel, reason string, urgent bool, now time.Time) (string, error) {
	var existing []struct {
		ID     string `db:"id"`
		Urgent bool   `db:"urgent"`
	}
	if err := t.selectAll(ctx, &existing, `SELECT id, urgent FROM handoffs WHERE person_id = ? AND status <> 'closed'
		ORDER BY opened_at LIMIT 1`, personID); err != nil {
		return "", err
	}
	if len(existing) == 1 {
		if urgent && !existing[0].Urgent {
			if err := t.queue(ctx, `UPDATE handoffs SET urgent = TRUE, reason = ? WHERE id = ?`, reason, existing[0].ID); err != nil {
				return "", err
			}
		}
		return existing[0].ID, nil
	}
	_, err := t.exec(ctx, `INSERT INTO handoffs (id, person_id, channel, reason, urgent, opened_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, personID, channel, reason, urgent, UTC(now))
	return id, err
}

// ScheduleNudge creates a pending nudge unless one with the same dedupe key exists.
func (t *Tx) ScheduleNudge(ctx context.Context, id, personID, kind, key, service, detail string, due, now time.Time) error {
	return t.queue(ctx, `INSERT INTO nudges (id, person_id, kind, dedupe_key, service, detail, due_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, dedupe_key) DO NOTHING`,
		id, personID, kind, key, service, detail, UTC(due), UTC(now))
}

// RecordContact records the answer to a follow-up on the person's suggestions not yet followed up.
func (t *Tx) RecordContact(ctx context.Context, personID string, contacted bool) error {
	return t.queue(ctx, `UPDATE referrals SET followed_up = TRUE, contacted = ? WHERE person_id = ? AND NOT followed_up`,
		contacted, personID)
}

// CancelNudges cancels a person's pending nudges.
func (t *Tx) CancelNudges(ctx context.Context, personID string, now time.Time) error {
	return t.queue(ctx, `UPDATE nudges SET status = 'cancelled', done_at = ? WHERE person_id = ? AND status = 'pending'`,
		UTC(now), personID)
}
