-- +goose Up
-- Background jobs find their work through indexes, so that their cost follows the work and not
-- the number of people: retention walks people_last_contact and skips those purged since their
-- last contact; erasure finds pending requests through a partial index.
ALTER TABLE people ADD COLUMN text_purged_at TIMESTAMP;
CREATE INDEX people_erase_pending ON people (erase_requested_at)
    WHERE erase_requested_at IS NOT NULL AND erased_at IS NULL;

-- +goose Down
DROP INDEX people_erase_pending;
ALTER TABLE people DROP COLUMN text_purged_at;
