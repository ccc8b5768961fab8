-- +goose Up
-- What a reminder says of the session it is about ("26/11 10:00").
ALTER TABLE nudges ADD COLUMN detail TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE nudges DROP COLUMN detail;
