package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Handoff is a request for a link worker, as the dashboard shows it.
type Handoff struct {
	ID                 string       `db:"id"`
	PersonID           string       `db:"person_id"`
	Channel            string       `db:"channel"`
	Reason             string       `db:"reason"`
	Urgent             bool         `db:"urgent"`
	Status             string       `db:"status"`
	OpenedAt           time.Time    `db:"opened_at"`
	ClaimedBy          string       `db:"claimed_by"`
	ClaimedAt          sql.NullTime `db:"claimed_at"`
	ClosedAt           sql.NullTime `db:"closed_at"`
	ClosedBy           string       `db:"closed_by"`
	Outcome            string       `db:"outcome"`
	OutcomeServiceID   string       `db:"outcome_service_id"`
	OutcomeServiceName string       `db:"outcome_service_name"`
	SNOMEDCode         string       `db:"snomed_code"`
	FirstResponseAt    sql.NullTime `db:"first_response_at"`
	// From the person, for the queue.
	Borough string `db:"borough"`
	Area    string `db:"area"`
	Mode    string `db:"mode"`
}

const handoffColumns = `h.id, h.person_id, h.channel, h.reason, h.urgent, h.status, h.opened_at, h.claimed_by, h.claimed_at,
	h.closed_at, h.closed_by, h.outcome, h.outcome_service_id, h.outcome_service_name, h.snomed_code, h.first_response_at,
	p.borough, p.area, COALESCE(c.mode, 'bot') AS mode`

const handoffFrom = ` FROM handoffs h JOIN people p ON p.id = h.person_id LEFT JOIN conversations c ON c.person_id = h.person_id`

// QueueFilter selects handoffs for the queue. Status "active" (the default) is open or claimed.
type QueueFilter struct {
	Status  string // active, open, claimed, closed, all
	Borough string
	Channel string
	Limit   int
}

// Queue lists handoffs: urgent first, then oldest first.
func (s *Store) Queue(ctx context.Context, f QueueFilter) ([]Handoff, error) {
	q := `SELECT ` + handoffColumns + handoffFrom + ` WHERE 1 = 1`
	var args []any
	switch f.Status {
	case "", "active":
		q += ` AND h.status <> 'closed'`
	case "all":
	default:
		q += ` AND h.status = ?`
		args = append(args, f.Status)
	}
	if f.Borough != "" {
		q += ` AND p.borough = ?`
		args = append(args, f.Borough)
	}
	if f.Channel != "" {
		q += ` AND h.channel = ?`
		args = append(args, f.Channel)
	}
	if f.Limit <= 0 {
		f.Limit = 500
	}
	order := ` ORDER BY h.urgent DESC, h.opened_at, h.id LIMIT ?`
	if f.Status == "closed" {
		order = ` ORDER BY h.closed_at DESC, h.id LIMIT ?`
	}
	var hs []Handoff
	err := s.db.SelectContext(ctx, &hs, s.db.Rebind(q+order), append(args, f.Limit)...)
	return hs, err
}

// QueueCounts summarises the queue for the dashboard's live counts.
type QueueCounts struct {
	Open    int `db:"open" json:"open"`
	Urgent  int `db:"urgent" json:"urgent"`
	Claimed int `db:"claimed" json:"claimed"`
	Mine    int `db:"mine" json:"mine"`
}

// CountQueue counts open and claimed handoffs; mine counts those claimed by worker.
func (s *Store) CountQueue(ctx context.Context, worker string) (QueueCounts, error) {
	var c QueueCounts
	err := s.db.GetContext(ctx, &c, s.db.Rebind(`SELECT
		COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0) AS open,
		COALESCE(SUM(CASE WHEN urgent THEN 1 ELSE 0 END), 0) AS urgent,
		COALESCE(SUM(CASE WHEN status = 'claimed' THEN 1 ELSE 0 END), 0) AS claimed,
		COALESCE(SUM(CASE WHEN status = 'claimed' AND claimed_by = ? THEN 1 ELSE 0 END), 0) AS mine
		FROM handoffs WHERE status <> 'closed'`), worker)
	return c, err
}

// QueueBoroughs lists the boroughs of people with handoffs, for the queue's filter.
func (s *Store) QueueBoroughs(ctx context.Context) ([]string, error) {
	var bs []string
	err := s.db.SelectContext(ctx, &bs, `SELECT DISTINCT p.borough FROM handoffs h JOIN people p ON p.id = h.person_id
		WHERE p.borough <> '' ORDER BY p.borough`)
	return bs, err
}

// Handoff loads one handoff, or ErrNotFound.
func (s *Store) Handoff(ctx context.Context, id string) (Handoff, error) {
	var h Handoff
	err := s.db.GetContext(ctx, &h, s.db.Rebind(`SELECT `+handoffColumns+handoffFrom+` WHERE h.id = ?`), id)
	if errors.Is(err, sql.ErrNoRows) {
		return h, ErrNotFound
	}
	return h, err
}

// PersonHandoffs lists a person's handoffs, newest first.
func (s *Store) PersonHandoffs(ctx context.Context, personID string) ([]Handoff, error) {
	var hs []Handoff
	err := s.db.SelectContext(ctx, &hs, s.db.Rebind(`SELECT `+handoffColumns+handoffFrom+` WHERE h.person_id = ?
		ORDER BY h.opened_at DESC, h.id`), personID)
	return hs, err
}

// LockHandoff loads a handoff inside a transaction, locking its row on PostgreSQL.
func (t *Tx) LockHandoff(ctx context.Context, id string) (Handoff, error) {
	var h Handoff
	err := t.get(ctx, &h, `SELECT id, person_id, channel, reason, urgent, status, opened_at, claimed_by, claimed_at, closed_at,
		closed_by, outcome, outcome_service_id, outcome_service_name, snomed_code, first_response_at
		FROM handoffs WHERE id = ?`+t.forUpdate(), id)
	if errors.Is(err, sql.ErrNoRows) {
		return h, ErrNotFound
	}
	return h, err
}

// OpenHandoffOf returns the person's handoff that is not closed, or ErrNotFound.
func (t *Tx) OpenHandoffOf(ctx context.Context, personID string) (Handoff, error) {
	var id string
	err := t.get(ctx, &id, `SELECT id FROM handoffs WHERE person_id = ? AND status <> 'closed' ORDER BY opened_at LIMIT 1`, personID)
	if errors.Is(err, sql.ErrNoRows) {
		return Handoff{}, ErrNotFound
	}
	if err != nil {
		return Handoff{}, err
	}
	return t.LockHandoff(ctx, id)
}

// ClaimHandoff records that a link worker has taken a handoff.
func (t *Tx) ClaimHandoff(ctx context.Context, id, worker string, now time.Time) error {
	return t.queue(ctx, `UPDATE handoffs SET status = 'claimed', claimed_by = ?, claimed_at = ? WHERE id = ?`, worker, UTC(now), id)
}

// RecordFirstResponse notes the time of a handoff's first reply from a link worker, once.
func (t *Tx) RecordFirstResponse(ctx context.Context, id string, now time.Time) error {
	return t.queue(ctx, `UPDATE handoffs SET first_response_at = ? WHERE id = ? AND first_response_at IS NULL`, UTC(now), id)
}

// HandoffClose is how a handoff ended.
type HandoffClose struct {
	Outcome     string
	ServiceID   string
	ServiceName string
	SNOMEDCode  string
	By          string
}

// CloseHandoff records a handoff's outcome.
func (t *Tx) CloseHandoff(ctx context.Context, id string, c HandoffClose, now time.Time) error {
	res, err := t.exec(ctx, `UPDATE handoffs SET status = 'closed', closed_at = ?, closed_by = ?, outcome = ?, outcome_service_id = ?,
		outcome_service_name = ?, snomed_code = ?, claimed_by = CASE WHEN claimed_by = '' THEN ? ELSE claimed_by END
		WHERE id = ? AND status <> 'closed'`, UTC(now), c.By, c.Outcome, c.ServiceID, c.ServiceName, c.SNOMEDCode, c.By, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("close handoff %s: %w", id, ErrNotFound)
	}
	return nil
}

// Note is a link worker's note on a person.
type Note struct {
	ID        int64     `db:"id"`
	PersonID  string    `db:"person_id"`
	Author    string    `db:"author"`
	Body      string    `db:"body"`
	CreatedAt time.Time `db:"created_at"`
}

// AddNote records a note on a person.
func (s *Store) AddNote(ctx context.Context, n Note) error {
	_, err := s.write(ctx, `INSERT INTO notes (person_id, author, body, created_at) VALUES (?, ?, ?, ?)`,
		n.PersonID, n.Author, n.Body, UTC(n.CreatedAt))
	return err
}

// Notes lists a person's notes, oldest first.
func (s *Store) Notes(ctx context.Context, personID string) ([]Note, error) {
	var ns []Note
	err := s.db.SelectContext(ctx, &ns, s.db.Rebind(`SELECT id, person_id, author, body, created_at FROM notes
		WHERE person_id = ? ORDER BY id`), personID)
	return ns, err
}

// Need is one need area a person asked about.
type Need struct {
	Need      string    `db:"need"`
	Borough   string    `db:"borough"`
	Met       bool      `db:"met"`
	CreatedAt time.Time `db:"created_at"`
}

// PersonNeeds lists a person's needs, oldest first.
func (s *Store) PersonNeeds(ctx context.Context, personID string) ([]Need, error) {
	var ns []Need
	err := s.db.SelectContext(ctx, &ns, s.db.Rebind(`SELECT need, borough, met, created_at FROM needs WHERE person_id = ? ORDER BY id`), personID)
	return ns, err
}

// PersonReferrals lists the services suggested to a person, oldest first.
func (s *Store) PersonReferrals(ctx context.Context, personID string) ([]ReferralRow, error) {
	var rs []ReferralRow
	err := s.db.SelectContext(ctx, &rs, s.db.Rebind(`SELECT person_id, service_id, service_name, need, suggested_at, followed_up, contacted
		FROM referrals WHERE person_id = ? ORDER BY suggested_at, id`), personID)
	return rs, err
}

// PersonNudges lists a person's nudges by due time.
func (s *Store) PersonNudges(ctx context.Context, personID string) ([]Nudge, error) {
	var ns []Nudge
	err := s.db.SelectContext(ctx, &ns, s.db.Rebind(`SELECT `+nudgeColumns+` FROM nudges WHERE person_id = ? ORDER BY due_at, id`), personID)
	return ns, err
}

// PersonAssessments lists a person's recorded scores, oldest first.
func (s *Store) PersonAssessments(ctx context.Context, personID string) ([]AssessmentRow, error) {
	var rs []AssessmentRow
	err := s.db.SelectContext(ctx, &rs, s.db.Rebind(`SELECT person_id, channel, instrument, occasion, item, score, band, completed_at
		FROM assessments WHERE person_id = ? ORDER BY completed_at, id`), personID)
	return rs, err
}

// ConversationMode returns "bot" or "human" for a person.
func (s *Store) ConversationMode(ctx context.Context, personID string) (string, error) {
	var m string
	err := s.db.GetContext(ctx, &m, s.db.Rebind(`SELECT mode FROM conversations WHERE person_id = ?`), personID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return m, err
}

// ReferralName returns the name of a service suggested to a person, or ErrNotFound if it was
// never suggested to them.
func (t *Tx) ReferralName(ctx context.Context, personID, serviceID string) (string, error) {
	var name string
	err := t.get(ctx, &name, `SELECT service_name FROM referrals WHERE person_id = ? AND service_id = ?`, personID, serviceID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return name, err
}
