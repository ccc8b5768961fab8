package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Person is one resident, known by a pseudonymous id.
type Person struct {
	ID             string       `db:"id"`
	Channel        string       `db:"channel"`
	Area           string       `db:"area"`
	Borough        string       `db:"borough"`
	AgeGroup       string       `db:"age_group"`
	Age            int          `db:"age"`
	Language       string       `db:"language"`
	Source         string       `db:"source"`
	FirstContactAt time.Time    `db:"first_contact_at"`
	LastContactAt  time.Time    `db:"last_contact_at"`
	Consented      sql.NullBool `db:"consented"`
	ConsentedAt    sql.NullTime `db:"consented_at"`
	OptedOut       bool         `db:"opted_out"`
	OptedOutAt     sql.NullTime `db:"opted_out_at"`
	// EraseRequestedAt is set while the person's own request to be forgotten waits to be done.
	EraseRequestedAt sql.NullTime `db:"erase_requested_at"`
}

// Conversation is a person's position in the flows. Version increases with every saved step.
type Conversation struct {
	PersonID  string    `db:"person_id"`
	Flow      string    `db:"flow"`
	State     string    `db:"state"`
	Data      string    `db:"data"`
	Mode      string    `db:"mode"` // bot or human
	Version   int64     `db:"version"`
	UpdatedAt time.Time `db:"updated_at"`
	// HandoffOpen is read with the conversation: whether the person has a handoff not closed.
	HandoffOpen bool `db:"handoff_open"`
}

// NewPerson describes a person to create on first contact.
type NewPerson struct {
	ID       string
	Channel  string
	Address  string
	Language string
	Source   string
	Flow     string
	State    string
	Now      time.Time
}

const personColumns = `p.id, p.channel, p.area, p.borough, p.age_group, p.age, p.language, p.source,
	p.first_contact_at, p.last_contact_at, p.consented, p.consented_at, p.opted_out, p.opted_out_at, p.erase_requested_at`

// conversationColumns reads a conversation c, and whether its person has a handoff open.
const conversationColumns = `c.person_id, c.flow, c.state, c.data, c.mode, c.version, c.updated_at,
	EXISTS (SELECT 1 FROM handoffs h WHERE h.person_id = c.person_id AND h.status <> 'closed') AS handoff_open`

// subjectQuery reads a person and their conversation by channel identity, in one statement.
const subjectQuery = `SELECT ` + personColumns + `, ` + conversationColumns + `
	FROM identities i JOIN people p ON p.id = i.person_id JOIN conversations c ON c.person_id = p.id
	WHERE i.channel = ? AND i.address = ?`

type subjectRow struct {
	Person
	Conversation
}

// FindSubject reads the person behind a channel identity and their conversation, outside any
// transaction and without locks: a snapshot that may be stale by the time it is used. The
// engine steps the flow on it ahead of its transaction, and keeps the result only if the
// transaction finds the same state. ErrNotFound means first contact.
func (s *Store) FindSubject(ctx context.Context, channel, address string) (Person, Conversation, error) {
	var r subjectRow
	err := s.get(ctx, &r, subjectQuery, channel, address)
	if errors.Is(err, sql.ErrNoRows) {
		return Person{}, Conversation{}, ErrNotFound
	}
	return r.Person, r.Conversation, err
}

// LockSubject finds the person behind a channel identity with their conversation, and holds
// the conversation until the transaction ends (on PostgreSQL a row lock; SQLite's write
// transactions exclude each other), so that one person's messages are stepped one at a time
// on every instance. On first contact it creates the person and their conversation. On
// PostgreSQL the person it returns may be stale if the lock was waited for: an inbound message
// goes through Arrive, which reads the person after the lock.
func (t *Tx) LockSubject(ctx context.Context, np NewPerson) (p Person, c Conversation, err error) {
	var r subjectRow
	if t.dialect == Postgres {
		err = t.get(ctx, &r, subjectQuery+` FOR UPDATE OF c`, np.Channel, np.Address)
	} else {
		err = t.get(ctx, &r, subjectQuery, np.Channel, np.Address)
	}
	switch {
	case err == nil:
		// On PostgreSQL the person may be stale if this statement waited for the lock.
		return r.Person, r.Conversation, nil
	case !errors.Is(err, sql.ErrNoRows):
		return p, c, fmt.Errorf("find person: %w", err)
	}
	if p, err = t.createPerson(ctx, np); err != nil {
		return p, c, err
	}
	c, err = t.LockConversation(ctx, p.ID)
	return p, c, err
}

// createPerson creates a person, their conversation and their identity. It asks for the
// transaction to be retried if another one created the identity first.
func (t *Tx) createPerson(ctx context.Context, np NewPerson) (Person, error) {
	now := UTC(np.Now)
	if err := t.queue(ctx, `INSERT INTO people (id, channel, language, source, first_contact_at, last_contact_at)
		VALUES (?, ?, ?, ?, ?, ?)`, np.ID, np.Channel, np.Language, np.Source, now, now); err != nil {
		return Person{}, fmt.Errorf("create person: %w", err)
	}
	if err := t.queue(ctx, `INSERT INTO conversations (person_id, flow, state, data, updated_at)
		VALUES (?, ?, ?, '{}', ?)`, np.ID, np.Flow, np.State, now); err != nil {
		return Person{}, fmt.Errorf("create conversation: %w", err)
	}
	res, err := t.exec(ctx, `INSERT INTO identities (channel, address, person_id, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (channel, address) DO NOTHING`, np.Channel, np.Address, np.ID, now)
	if err != nil {
		return Person{}, fmt.Errorf("create identity: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// Another transaction created this person first (two first messages at once).
		return Person{}, errRetry
	}
	return Person{ID: np.ID, Channel: np.Channel, AgeGroup: "unknown", Language: np.Language, Source: np.Source,
		FirstContactAt: now, LastContactAt: now}, nil
}

// Person loads a person by id.
func (s *Store) Person(ctx context.Context, id string) (Person, error) {
	var p Person
	err := s.db.GetContext(ctx, &p, s.db.Rebind(`SELECT `+personColumns+` FROM people p WHERE p.id = ?`), id)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// ErrNotFound reports a missing row.
var ErrNotFound = errors.New("not found")

// LockConversation loads a person's conversation and, on PostgreSQL, locks its row until the
// transaction ends, so that one person's messages are stepped one at a time on every instance.
func (t *Tx) LockConversation(ctx context.Context, personID string) (Conversation, error) {
	var c Conversation
	err := t.get(ctx, &c, `SELECT `+conversationColumns+` FROM conversations c WHERE c.person_id = ?`+t.forUpdate(), personID)
	if err != nil {
		return c, fmt.Errorf("load conversation: %w", err)
	}
	return c, nil
}

// SaveConversation writes a stepped conversation. The version check is a second guard behind
// the row lock: it fails loudly rather than lose an update.
func (t *Tx) SaveConversation(ctx context.Context, c Conversation, now time.Time) error {
	return t.queueCheck(ctx, `UPDATE conversations SET flow = ?, state = ?, data = ?, mode = ?, version = version + 1,
		updated_at = ? WHERE person_id = ? AND version = ?`, func(n int64) error {
		if n != 1 {
			return fmt.Errorf("save conversation %s: version %d is stale", c.PersonID, c.Version)
		}
		return nil
	}, c.Flow, c.State, c.Data, c.Mode, UTC(now), c.PersonID, c.Version)
}

// ContactResolution is how precisely a person's last contact is kept: a message within this
// long of the one recorded does not record it again. Retention counts in days, and a row not
// rewritten at each message saves PostgreSQL a new entry in each of the people table's indexes
// (last_contact_at is one of them; an update that leaves every indexed column as it was is done
// in place, as a HOT update).
const ContactResolution = time.Minute

// Touch records the time of a person's latest message (to ContactResolution).
func (t *Tx) Touch(ctx context.Context, personID string, now time.Time) error {
	now = UTC(now)
	return t.queue(ctx, `UPDATE people SET last_contact_at = ? WHERE id = ? AND last_contact_at < ?`,
		now, personID, now.Add(-ContactResolution))
}

// SetConsent records the answer to the consent question.
func (t *Tx) SetConsent(ctx context.Context, personID string, given bool, now time.Time) error {
	return t.queue(ctx, `UPDATE people SET consented = ?, consented_at = ? WHERE id = ?`, given, UTC(now), personID)
}

// SetOptedOut records STOP (true) or START (false). Stopping cancels the person's queued
// messages and pending nudges in the same transaction, so nothing is sent after it commits.
func (t *Tx) SetOptedOut(ctx context.Context, personID string, stopped bool, now time.Time) error {
	var at any
	if stopped {
		at = UTC(now)
	}
	if err := t.queue(ctx, `UPDATE people SET opted_out = ?, opted_out_at = ? WHERE id = ?`, stopped, at, personID); err != nil {
		return err
	}
	if !stopped {
		return nil
	}
	if err := t.queue(ctx, `UPDATE outbox SET status = 'cancelled' WHERE person_id = ? AND status = 'pending'`, personID); err != nil {
		return err
	}
	return t.queue(ctx, `UPDATE nudges SET status = 'cancelled', done_at = ? WHERE person_id = ? AND status = 'pending'`, UTC(now), personID)
}

// SetArea records where a person lives.
func (t *Tx) SetArea(ctx context.Context, personID, area, borough string) error {
	return t.queue(ctx, `UPDATE people SET area = ?, borough = ? WHERE id = ?`, area, borough, personID)
}

// SetAgeGroup records who a person is; age 0 keeps a known age.
func (t *Tx) SetAgeGroup(ctx context.Context, personID, group string, age int) error {
	return t.queue(ctx, `UPDATE people SET age_group = ?, age = CASE WHEN ? > 0 THEN ? ELSE age END WHERE id = ?`,
		group, age, age, personID)
}

// SetLanguage records a person's locale.
func (t *Tx) SetLanguage(ctx context.Context, personID, locale string) error {
	return t.queue(ctx, `UPDATE people SET language = ? WHERE id = ?`, locale, personID)
}

// PersonForUpdate loads a person inside a transaction.
func (t *Tx) PersonForUpdate(ctx context.Context, id string) (Person, error) {
	var p Person
	err := t.get(ctx, &p, `SELECT `+personColumns+` FROM people p WHERE p.id = ?`, id)
	return p, err
}
