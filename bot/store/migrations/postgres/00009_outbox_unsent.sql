-- +goose Up
-- The outbox holds only what is still to be sent (or could not be): a sent row is deleted, and
-- its message keeps the provider's id and the delivery status. Rows marked sent before are
-- removed here, with the column that said when.
DELETE FROM outbox WHERE status = 'sent';
ALTER TABLE outbox DROP COLUMN sent_at;

-- +goose Down
ALTER TABLE outbox ADD COLUMN sent_at TIMESTAMPTZ;
