-- +goose Up
-- Link workers' and admins' dashboard accounts. Passwords are argon2id hashes (PHC strings).
CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL DEFAULT '',
    role                TEXT NOT NULL CHECK (role IN ('linkworker', 'admin')),
    password_hash       TEXT NOT NULL,
    -- A one-time password must be replaced at first login, and expires unused.
    must_change         BOOLEAN NOT NULL DEFAULT TRUE,
    password_expires_at TIMESTAMP,
    locked_until        TIMESTAMP,
    disabled            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP NOT NULL,
    last_login_at       TIMESTAMP
);

-- Only a hash of the session id is stored: a copy of the database cannot be used to log in.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Who did what, when: logins, views of a person, replies, exports, erasures. Never deleted with
-- a person (subject holds the pseudonymous id only).
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TIMESTAMP NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL DEFAULT '',
    ip      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, action, at);

-- Link workers' notes on a person.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notes_person ON notes (person_id, id);

-- How a handoff ended: the service a person was connected to, the SNOMED CT code recorded, and
-- when a link worker first replied (time to first response).
ALTER TABLE handoffs ADD COLUMN outcome_service_id TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN outcome_service_name TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN snomed_code TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN first_response_at TIMESTAMP;

-- +goose Down
ALTER TABLE handoffs DROP COLUMN first_response_at;
ALTER TABLE handoffs DROP COLUMN closed_by;
ALTER TABLE handoffs DROP COLUMN snomed_code;
ALTER TABLE handoffs DROP COLUMN outcome_service_name;
ALTER TABLE handoffs DROP COLUMN outcome_service_id;
DROP TABLE notes;
DROP TABLE audit_log;
DROP TABLE sessions;
DROP TABLE users;
