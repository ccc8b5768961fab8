package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// SubjectAccess is everything held about one person, for a subject access request (UK GDPR
// article 15): `signpost export person` and the dashboard's download print it as JSON.
type SubjectAccess struct {
	GeneratedAt  time.Time        `json:"generated_at"`
	Person       SubjectPerson    `json:"person"`
	Identities   []SubjectIdent   `json:"identities"`
	Consents     []ConsentRecord  `json:"consents"`
	Conversation *SubjectConv     `json:"conversation"`
	Messages     []SubjectMessage `json:"messages"`
	Assessments  []SubjectScore   `json:"assessments"`
	Needs        []SubjectNeed    `json:"needs"`
	Referrals    []SubjectRef     `json:"referrals"`
	Handoffs     []SubjectHandoff `json:"handoffs"`
	Notes        []SubjectNote    `json:"notes"`
	Nudges       []SubjectNudge   `json:"nudges"`
	Audit        []SubjectAudit   `json:"audit"`
}

// SubjectPerson is the person's own row.
type SubjectPerson struct {
	ID               string     `db:"id" json:"person_id"`
	Channel          string     `db:"channel" json:"channel"`
	Area             string     `db:"area" json:"area"`
	Borough          string     `db:"borough" json:"borough"`
	AgeGroup         string     `db:"age_group" json:"age_group"`
	Age              int        `db:"age" json:"age,omitempty"`
	Language         string     `db:"language" json:"language"`
	Source           string     `db:"source" json:"source,omitempty"`
	FirstContactAt   time.Time  `db:"first_contact_at" json:"first_contact_at"`
	LastContactAt    time.Time  `db:"last_contact_at" json:"last_contact_at"`
	Consented        *bool      `db:"consented" json:"consented"`
	ConsentedAt      *time.Time `db:"consented_at" json:"consented_at"`
	OptedOut         bool       `db:"opted_out" json:"opted_out"`
	OptedOutAt       *time.Time `db:"opted_out_at" json:"opted_out_at"`
	EraseRequestedAt *time.Time `db:"erase_requested_at" json:"erase_requested_at,omitempty"`
}

// SubjectIdent is one channel identity: a phone number or Telegram chat id.
type SubjectIdent struct {
	Channel   string    `db:"channel" json:"channel"`
	Address   string    `db:"address" json:"address"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// SubjectConv is the conversation's state.
type SubjectConv struct {
	Flow      string          `db:"flow" json:"flow"`
	State     string          `db:"state" json:"state"`
	Data      json.RawMessage `db:"-" json:"data"`
	RawData   string          `db:"data" json:"-"`
	Mode      string          `db:"mode" json:"mode"`
	UpdatedAt time.Time       `db:"updated_at" json:"updated_at"`
}

// SubjectMessage is one message in or out.
type SubjectMessage struct {
	Direction string    `db:"direction" json:"direction"`
	Channel   string    `db:"channel" json:"channel"`
	Author    string    `db:"author" json:"author"`
	Body      string    `db:"body" json:"body"`
	Status    string    `db:"status" json:"status,omitempty"`
	CreatedAt time.Time `db:"created_at" json:"at"`
}

// SubjectScore is one answered wellbeing item.
type SubjectScore struct {
	Instrument  string    `db:"instrument" json:"instrument"`
	Version     string    `db:"version" json:"version"`
	Occasion    string    `db:"occasion" json:"occasion"`
	Item        string    `db:"item" json:"item"`
	Score       int       `db:"score" json:"score"`
	Band        string    `db:"band" json:"band"`
	CompletedAt time.Time `db:"completed_at" json:"completed_at"`
}

// SubjectNeed is one need area asked about.
type SubjectNeed struct {
	Need      string    `db:"need" json:"need"`
	Borough   string    `db:"borough" json:"borough"`
	Met       bool      `db:"met" json:"service_found"`
	CreatedAt time.Time `db:"created_at" json:"at"`
}

// SubjectRef is one service suggested.
type SubjectRef struct {
	ServiceID   string    `db:"service_id" json:"service_id"`
	ServiceName string    `db:"service_name" json:"service_name"`
	Need        string    `db:"need" json:"need"`
	SuggestedAt time.Time `db:"suggested_at" json:"suggested_at"`
	FollowedUp  bool      `db:"followed_up" json:"followed_up"`
	Contacted   *bool     `db:"contacted" json:"contacted"`
}

// SubjectHandoff is one request for a link worker.
type SubjectHandoff struct {
	ID          string     `db:"id" json:"handoff_id"`
	Channel     string     `db:"channel" json:"channel"`
	Reason      string     `db:"reason" json:"reason"`
	Urgent      bool       `db:"urgent" json:"urgent"`
	Status      string     `db:"status" json:"status"`
	OpenedAt    time.Time  `db:"opened_at" json:"opened_at"`
	ClaimedBy   string     `db:"claimed_by" json:"claimed_by"`
	ClosedAt    *time.Time `db:"closed_at" json:"closed_at"`
	Outcome     string     `db:"outcome" json:"outcome"`
	ServiceName string     `db:"outcome_service_name" json:"outcome_service_name,omitempty"`
	SNOMEDCode  string     `db:"snomed_code" json:"snomed_code,omitempty"`
}

// SubjectNote is a link worker's note.
type SubjectNote struct {
	Author    string    `db:"author" json:"author"`
	Body      string    `db:"body" json:"body"`
	CreatedAt time.Time `db:"created_at" json:"at"`
}

// SubjectNudge is a scheduled message.
type SubjectNudge struct {
	Kind    string     `db:"kind" json:"kind"`
	Service string     `db:"service" json:"service,omitempty"`
	DueAt   time.Time  `db:"due_at" json:"due_at"`
	Status  string     `db:"status" json:"status"`
	Reason  string     `db:"reason" json:"reason,omitempty"`
	DoneAt  *time.Time `db:"done_at" json:"done_at"`
}

// SubjectAudit is an audit entry about the person: who looked at or acted on their record.
type SubjectAudit struct {
	At     time.Time `db:"at" json:"at"`
	Actor  string    `db:"actor" json:"actor"`
	Action string    `db:"action" json:"action"`
	Detail string    `db:"detail" json:"detail,omitempty"`
}

// SubjectAccessReport gathers everything held about a person, or ErrNotFound. It reads in one
// transaction so the parts agree with each other.
func (s *Store) SubjectAccessReport(ctx context.Context, personID string, now time.Time) (SubjectAccess, error) {
	sa := SubjectAccess{GeneratedAt: UTC(now)}
	err := s.InTx(ctx, func(t *Tx) error {
		var ps []SubjectPerson
		if err := t.selectAll(ctx, &ps, `SELECT id, channel, area, borough, age_group, age, language, source, first_contact_at,
			last_contact_at, consented, consented_at, opted_out, opted_out_at, erase_requested_at
			FROM people WHERE id = ? AND erased_at IS NULL`, personID); err != nil {
			return err
		}
		if len(ps) == 0 {
			return ErrNotFound
		}
		sa.Person = ps[0]
		var convs []SubjectConv
		if err := t.selectAll(ctx, &convs, `SELECT flow, state, data, mode, updated_at FROM conversations WHERE person_id = ?`, personID); err != nil {
			return err
		}
		if len(convs) == 1 {
			c := convs[0]
			c.Data = json.RawMessage(c.RawData)
			if !json.Valid(c.Data) {
				c.Data, _ = json.Marshal(c.RawData)
			}
			sa.Conversation = &c
		}
		parts := []struct {
			dest any
			q    string
		}{
			{&sa.Identities, `SELECT channel, address, created_at FROM identities WHERE person_id = ? ORDER BY created_at, channel`},
			{&sa.Consents, `SELECT id, person_id, purpose, given, channel, notice_version, at FROM consents WHERE person_id = ? ORDER BY id`},
			{&sa.Messages, `SELECT direction, channel, author, body, status, created_at FROM messages WHERE person_id = ? ORDER BY id`},
			{&sa.Assessments, `SELECT instrument, version, occasion, item, score, band, completed_at FROM assessments
				WHERE person_id = ? ORDER BY completed_at, id`},
			{&sa.Needs, `SELECT need, borough, met, created_at FROM needs WHERE person_id = ? ORDER BY id`},
			{&sa.Referrals, `SELECT service_id, service_name, need, suggested_at, followed_up, contacted FROM referrals
				WHERE person_id = ? ORDER BY suggested_at, id`},
			{&sa.Handoffs, `SELECT id, channel, reason, urgent, status, opened_at, claimed_by, closed_at, outcome,
				outcome_service_name, snomed_code FROM handoffs WHERE person_id = ? ORDER BY opened_at, id`},
			{&sa.Notes, `SELECT author, body, created_at FROM notes WHERE person_id = ? ORDER BY id`},
			{&sa.Nudges, `SELECT kind, service, due_at, status, reason, done_at FROM nudges WHERE person_id = ? ORDER BY due_at, id`},
			{&sa.Audit, `SELECT at, actor, action, detail FROM audit_log WHERE subject = ? ORDER BY id`},
		}
		for _, p := range parts {
			if err := t.selectAll(ctx, p.dest, p.q, personID); err != nil {
				return fmt.Errorf("subject access: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return sa, err
	}
	// Empty lists print as [] rather than null: "nothing held" reads better than "unknown".
	sa.Identities, sa.Consents, sa.Messages = orEmpty(sa.Identities), orEmpty(sa.Consents), orEmpty(sa.Messages)
	sa.Assessments, sa.Needs, sa.Referrals = orEmpty(sa.Assessments), orEmpty(sa.Needs), orEmpty(sa.Referrals)
	sa.Handoffs, sa.Notes, sa.Nudges, sa.Audit = orEmpty(sa.Handoffs), orEmpty(sa.Notes), orEmpty(sa.Nudges), orEmpty(sa.Audit)
	return sa, nil
}

// orEmpty returns s, or an empty slice for nil.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
