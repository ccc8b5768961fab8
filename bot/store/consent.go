package store

import (
	"context"
	"time"
)

// Consent purposes: what a person agreed (or declined) to.
const (
	// PurposeStoreAnswers is the consent question: keep their answers to suggest support.
	PurposeStoreAnswers = "store_answers"
	// PurposeShareWithLinkWorker is asking for a link worker (LINK): share what we hold with one.
	PurposeShareWithLinkWorker = "share_with_link_worker"
)

// ConsentRecord is one line of the consent ledger.
type ConsentRecord struct {
	ID            int64     `db:"id" json:"-"`
	PersonID      string    `db:"person_id" json:"-"`
	Purpose       string    `db:"purpose" json:"purpose"`
	Given         bool      `db:"given" json:"given"`
	Channel       string    `db:"channel" json:"channel"`
	NoticeVersion string    `db:"notice_version" json:"privacy_notice_version"`
	At            time.Time `db:"at" json:"at"`
}

// RecordConsent appends to the consent ledger, in the transaction of the step that asked.
func (t *Tx) RecordConsent(ctx context.Context, c ConsentRecord) error {
	return t.queue(ctx, `INSERT INTO consents (person_id, purpose, given, channel, notice_version, at) VALUES (?, ?, ?, ?, ?, ?)`,
		c.PersonID, c.Purpose, c.Given, c.Channel, c.NoticeVersion, UTC(c.At))
}

// Consents lists a person's consent ledger, oldest first.
func (s *Store) Consents(ctx context.Context, personID string) ([]ConsentRecord, error) {
	var cs []ConsentRecord
	err := s.db.SelectContext(ctx, &cs, s.db.Rebind(`SELECT id, person_id, purpose, given, channel, notice_version, at
		FROM consents WHERE person_id = ? ORDER BY id`), personID)
	return cs, err
}
