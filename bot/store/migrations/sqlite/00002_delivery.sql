-- +goose Up
-- Every delivery status a provider reports, as it arrived (callbacks repeat and come out of order).
CREATE TABLE delivery_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    status      TEXT NOT NULL,
    error_code  TEXT NOT NULL DEFAULT '',
    received_at TIMESTAMP NOT NULL
);
CREATE INDEX delivery_events_provider ON delivery_events (channel, provider_id);

-- +goose Down
DROP TABLE delivery_events;
