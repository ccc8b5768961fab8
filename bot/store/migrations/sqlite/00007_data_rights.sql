-- +goose Up
-- The consent ledger: every answer a person gave about what we may do with their data, with the
-- privacy notice they were shown and the channel, written in the transaction of the step that
-- asked. Purposes: store_answers (the consent question), share_with_link_worker (LINK).
CREATE TABLE consents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id      TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose        TEXT NOT NULL,
    given          BOOLEAN NOT NULL,
    channel        TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    at             TIMESTAMP NOT NULL
);
CREATE INDEX consents_person ON consents (person_id, id);

-- Erasure: a resident's own request (FORGET, confirmed) waits here until its confirmation has
-- gone out; erased_at marks the anonymous row that keeps an erased person's counts.
ALTER TABLE people ADD COLUMN erase_requested_at TIMESTAMP;
ALTER TABLE people ADD COLUMN erased_at TIMESTAMP;
-- Retention finds people by their last contact.
CREATE INDEX people_last_contact ON people (last_contact_at);

-- +goose Down
DROP INDEX people_last_contact;
ALTER TABLE people DROP COLUMN erased_at;
ALTER TABLE people DROP COLUMN erase_requested_at;
DROP TABLE consents;
