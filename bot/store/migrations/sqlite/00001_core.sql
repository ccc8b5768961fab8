-- +goose Up
-- People are pseudonymous: person_id is random and nothing here identifies anyone. Phone numbers
-- and Telegram chat ids live only in identities.
CREATE TABLE people (
    id               TEXT PRIMARY KEY,
    channel          TEXT NOT NULL,
    area             TEXT NOT NULL DEFAULT '',
    borough          TEXT NOT NULL DEFAULT '',
    age_group        TEXT NOT NULL DEFAULT 'unknown',
    age              INTEGER NOT NULL DEFAULT 0,
    language         TEXT NOT NULL DEFAULT 'en',
    source           TEXT NOT NULL DEFAULT '',
    first_contact_at TIMESTAMP NOT NULL,
    last_contact_at  TIMESTAMP NOT NULL,
    consented        BOOLEAN,
    consented_at     TIMESTAMP,
    opted_out        BOOLEAN NOT NULL DEFAULT FALSE,
    opted_out_at     TIMESTAMP
);
CREATE INDEX people_first_contact ON people (first_contact_at);

CREATE TABLE identities (
    channel    TEXT NOT NULL,
    address    TEXT NOT NULL,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (channel, address)
);
CREATE INDEX identities_person ON identities (person_id);

CREATE TABLE conversations (
    person_id  TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    flow       TEXT NOT NULL,
    state      TEXT NOT NULL,
    data       TEXT NOT NULL DEFAULT '{}',
    mode       TEXT NOT NULL DEFAULT 'bot',
    version    INTEGER NOT NULL DEFAULT 0,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    provider_id TEXT,
    body        TEXT NOT NULL,
    options     TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
-- The provider's id is unique per channel and direction: claiming an inbound message is an
-- INSERT that does nothing on conflict, so a retried webhook is a no-op.
CREATE UNIQUE INDEX messages_provider ON messages (channel, direction, provider_id);
CREATE INDEX messages_person ON messages (person_id, id);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until     TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    -- kind "confirm" marks the STOP confirmation, the one message sent to a person who has stopped.
    kind            TEXT NOT NULL DEFAULT 'reply',
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (channel, next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE handoffs (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    urgent      BOOLEAN NOT NULL DEFAULT FALSE,
    status      TEXT NOT NULL DEFAULT 'open',
    opened_at   TIMESTAMP NOT NULL,
    claimed_by  TEXT NOT NULL DEFAULT '',
    claimed_at  TIMESTAMP,
    closed_at   TIMESTAMP,
    outcome     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handoffs_queue ON handoffs (status, urgent, opened_at);
CREATE INDEX handoffs_person ON handoffs (person_id);

CREATE TABLE assessments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    channel      TEXT NOT NULL,
    instrument   TEXT NOT NULL,
    version      TEXT NOT NULL,
    occasion     TEXT NOT NULL,
    item         TEXT NOT NULL,
    score        INTEGER NOT NULL,
    band         TEXT NOT NULL,
    completed_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_person ON assessments (person_id);
CREATE INDEX assessments_completed ON assessments (completed_at);

CREATE TABLE needs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    need       TEXT NOT NULL,
    borough    TEXT NOT NULL DEFAULT '',
    met        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX needs_person ON needs (person_id);

CREATE TABLE referrals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    service_id   TEXT NOT NULL,
    service_name TEXT NOT NULL,
    need         TEXT NOT NULL,
    suggested_at TIMESTAMP NOT NULL,
    followed_up  BOOLEAN NOT NULL DEFAULT FALSE,
    contacted    BOOLEAN,
    UNIQUE (person_id, service_id)
);
CREATE INDEX referrals_suggested ON referrals (suggested_at);

CREATE TABLE nudges (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    dedupe_key  TEXT NOT NULL,
    due_at      TIMESTAMP NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending',
    lease_until TIMESTAMP,
    created_at  TIMESTAMP NOT NULL,
    done_at     TIMESTAMP,
    UNIQUE (person_id, dedupe_key)
);
CREATE INDEX nudges_due ON nudges (due_at) WHERE status = 'pending';

CREATE TABLE services (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- Small durable settings, such as the Telegram long-polling offset.
CREATE TABLE kv (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE kv;
DROP TABLE services;
DROP TABLE nudges;
DROP TABLE referrals;
DROP TABLE needs;
DROP TABLE assessments;
DROP TABLE handoffs;
DROP TABLE outbox;
DROP TABLE messages;
DROP TABLE conversations;
DROP TABLE identities;
DROP TABLE people;
