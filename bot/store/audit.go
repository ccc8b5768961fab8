package store

import (
	"context"
	"time"
)

// Audit actions.
const (
	AuditLoginSuccess  = "login.success"
	AuditLoginFailure  = "login.failure"
	AuditLogout        = "logout"
	AuditPassword      = "password.change"
	AuditViewPerson    = "person.view"
	AuditClaim         = "handoff.claim"
	AuditReply         = "person.reply"
	AuditHandBack      = "handoff.hand_back"
	AuditClose         = "handoff.close"
	AuditNote          = "person.note"
	AuditExport        = "export"
	AuditErase         = "person.erase"
	AuditUserAdd       = "user.add"
	AuditAccountLocked = "account.locked"
)

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	ID      int64     `db:"id"`
	At      time.Time `db:"at"`
	Actor   string    `db:"actor"`
	Action  string    `db:"action"`
	Subject string    `db:"subject"`
	Detail  string    `db:"detail"`
	IP      string    `db:"ip"`
}

// Audit appends an entry to the audit log.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	_, err := s.write(ctx, `INSERT INTO audit_log (at, actor, action, subject, detail, ip) VALUES (?, ?, ?, ?, ?, ?)`,
		UTC(e.At), e.Actor, e.Action, e.Subject, e.Detail, e.IP)
	return err
}

// Audit appends an entry to the audit log inside a transaction.
func (t *Tx) Audit(ctx context.Context, e AuditEntry) error {
	return t.queue(ctx, `INSERT INTO audit_log (at, actor, action, subject, detail, ip) VALUES (?, ?, ?, ?, ?, ?)`,
		UTC(e.At), e.Actor, e.Action, e.Subject, e.Detail, e.IP)
}

// AuditFilter selects audit entries; empty fields match everything.
type AuditFilter struct {
	Actor, Action, Subject string
	Limit                  int
}

// AuditLog lists audit entries, newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 200
	}
	q := `SELECT id, at, actor, action, subject, detail, ip FROM audit_log WHERE 1 = 1`
	var args []any
	if f.Actor != "" {
		q += ` AND actor = ?`
		args = append(args, f.Actor)
	}
	if f.Action != "" {
		q += ` AND action = ?`
		args = append(args, f.Action)
	}
	if f.Subject != "" {
		q += ` AND subject = ?`
		args = append(args, f.Subject)
	}
	q += ` ORDER BY id DESC LIMIT ?`
	args = append(args, f.Limit)
	var es []AuditEntry
	err := s.db.SelectContext(ctx, &es, s.db.Rebind(q), args...)
	return es, err
}

// CountAudit counts an actor's entries of an action since a time (login failures for throttling).
func (s *Store) CountAudit(ctx context.Context, actor, action string, since time.Time) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, s.db.Rebind(`SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ? AND at >= ?`),
		actor, action, UTC(since))
	return n, err
}
