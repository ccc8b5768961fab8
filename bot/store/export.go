package store

import (
	"context"
	"database/sql"
	"time"
)

// Period bounds an export; a zero time is open.
type Period struct{ From, To time.Time }

func (p Period) args() (from, to time.Time) {
	from, to = p.From, p.To
	if from.IsZero() {
		from = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return UTC(from), UTC(to)
}

// AssessmentRow is one line of the assessments export.
type AssessmentRow struct {
	PersonID    string    `db:"person_id"`
	Channel     string    `db:"channel"`
	Instrument  string    `db:"instrument"`
	Occasion    string    `db:"occasion"`
	Item        string    `db:"item"`
	Score       int       `db:"score"`
	Band        string    `db:"band"`
	CompletedAt time.Time `db:"completed_at"`
}

// Assessments lists recorded scores completed in the period.
func (s *Store) Assessments(ctx context.Context, p Period) ([]AssessmentRow, error) {
	from, to := p.args()
	var rows []AssessmentRow
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT person_id, channel, instrument, occasion, item, score, band, completed_at
		FROM assessments WHERE completed_at >= ? AND completed_at < ? ORDER BY completed_at, id`), from, to)
	return rows, err
}

// ReferralRow is one line of the referrals export.
type ReferralRow struct {
	PersonID    string       `db:"person_id"`
	ServiceID   string       `db:"service_id"`
	ServiceName string       `db:"service_name"`
	Need        string       `db:"need"`
	SuggestedAt time.Time    `db:"suggested_at"`
	FollowedUp  bool         `db:"followed_up"`
	Contacted   sql.NullBool `db:"contacted"`
}

// Referrals lists services suggested in the period.
func (s *Store) Referrals(ctx context.Context, p Period) ([]ReferralRow, error) {
	from, to := p.args()
	var rows []ReferralRow
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT person_id, service_id, service_name, need, suggested_at, followed_up, contacted
		FROM referrals WHERE suggested_at >= ? AND suggested_at < ? ORDER BY suggested_at, id`), from, to)
	return rows, err
}

// People lists people first in contact in the period.
func (s *Store) People(ctx context.Context, p Period) ([]Person, error) {
	from, to := p.args()
	var rows []Person
	err := s.db.SelectContext(ctx, &rows, s.db.Rebind(`SELECT `+personColumns+` FROM people p
		WHERE p.first_contact_at >= ? AND p.first_contact_at < ? ORDER BY p.first_contact_at, p.id`), from, to)
	return rows, err
}

// Handoffs lists handoffs opened in the period, oldest first: the handoffs export, and what
// the reports count.
func (s *Store) Handoffs(ctx context.Context, p Period) ([]Handoff, error) {
	from, to := p.args()
	var hs []Handoff
	err := s.db.SelectContext(ctx, &hs, s.db.Rebind(`SELECT `+handoffColumns+handoffFrom+`
		WHERE h.opened_at >= ? AND h.opened_at < ? ORDER BY h.opened_at, h.id`), from, to)
	return hs, err
}
