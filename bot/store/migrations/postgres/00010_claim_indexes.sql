-- +goose Up
-- The outbox claim checks, for each row it would take, that no earlier row of the same person
-- is still waiting or being sent: this index holds just those rows, by person. Without it
-- PostgreSQL could intersect outbox_person with the whole of outbox_due for every row claimed.
CREATE INDEX outbox_person_waiting ON outbox (person_id, id) WHERE status IN ('pending', 'sending');
-- A claim reads each message's address by person and channel; by person alone, PostgreSQL could
-- intersect it with identities_pkey's every identity on the channel.
DROP INDEX identities_person;
CREATE INDEX identities_person ON identities (person_id, channel);

-- +goose Down
DROP INDEX identities_person;
CREATE INDEX identities_person ON identities (person_id);
DROP INDEX outbox_person_waiting;
