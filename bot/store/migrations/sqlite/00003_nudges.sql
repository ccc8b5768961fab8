-- +goose Up
-- What a nudge is about (the service a follow-up names) and why one was skipped.
ALTER TABLE nudges ADD COLUMN service TEXT NOT NULL DEFAULT '';
ALTER TABLE nudges ADD COLUMN reason TEXT NOT NULL DEFAULT '';
CREATE INDEX nudges_person_done ON nudges (person_id, done_at);

-- +goose Down
DROP INDEX nudges_person_done;
ALTER TABLE nudges DROP COLUMN reason;
ALTER TABLE nudges DROP COLUMN service;
