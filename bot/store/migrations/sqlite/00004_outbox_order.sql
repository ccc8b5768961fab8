-- +goose Up
-- The dispatcher keeps each person's messages in order: it looks for their earlier rows.
CREATE INDEX outbox_person ON outbox (person_id, id);

-- +goose Down
DROP INDEX outbox_person;
