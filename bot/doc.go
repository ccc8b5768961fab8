// Package bot is Signpost's domain core: the engine that turns one inbound message into state
// changes and outbound messages, and the dispatcher that sends them.
//
// The architecture, from the outside in:
//
//   - A channel (package channels/...) turns a provider's webhook or poll into an Inbound and
//     calls Engine.Handle. It answers the provider as soon as Handle returns.
//   - Engine.Handle runs one message for one person in one database transaction: find or create
//     the person, lock their conversation (a row lock on PostgreSQL, the single writer on
//     SQLite), claim the message by its provider id (a duplicate delivery stops here), step the
//     flows (package flows: pure, no I/O), and write the new state, the effects and the replies
//     with their outbox rows. Nothing is sent inside the transaction.
//   - The Dispatcher claims due outbox rows under a lease, sends them through the channel's
//     Sender and records the result. A send that fails is retried with backoff unless the error
//     says it never will succeed, or that the person has stopped.
//
// Clock and ID generation are fields, so tests move time and run in parallel.
package bot
