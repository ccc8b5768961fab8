package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Session is a logged-in dashboard session. Only a hash of its id is stored.
type Session struct {
	IDHash     string    `db:"id_hash"`
	UserID     string    `db:"user_id"`
	CSRFToken  string    `db:"csrf_token"`
	CreatedAt  time.Time `db:"created_at"`
	LastSeenAt time.Time `db:"last_seen_at"`
}

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, sess Session) error {
	_, err := s.write(ctx, `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at)
		VALUES (?, ?, ?, ?, ?)`, sess.IDHash, sess.UserID, sess.CSRFToken, UTC(sess.CreatedAt), UTC(sess.LastSeenAt))
	return err
}

// SessionByHash loads a session and its user, or ErrNotFound.
func (s *Store) SessionByHash(ctx context.Context, idHash string) (Session, User, error) {
	var row struct {
		Session
		User `db:"u"`
	}
	err := s.db.GetContext(ctx, &row, s.db.Rebind(`SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
		u.id AS "u.id", u.email AS "u.email", u.name AS "u.name", u.role AS "u.role", u.password_hash AS "u.password_hash",
		u.must_change AS "u.must_change", u.password_expires_at AS "u.password_expires_at", u.locked_until AS "u.locked_until",
		u.disabled AS "u.disabled", u.created_at AS "u.created_at", u.last_login_at AS "u.last_login_at"
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`), idHash)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, User{}, ErrNotFound
	}
	return row.Session, row.User, err
}

// TouchSession records activity on a session (the idle timeout counts from here).
func (s *Store) TouchSession(ctx context.Context, idHash string, now time.Time) error {
	_, err := s.write(ctx, `UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?`, UTC(now), idHash)
	return err
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	_, err := s.write(ctx, `DELETE FROM sessions WHERE id_hash = ?`, idHash)
	return err
}

// DeleteSessionsBefore removes sessions idle since before idle or created before absolute.
func (s *Store) DeleteSessionsBefore(ctx context.Context, idle, absolute time.Time) (int64, error) {
	res, err := s.write(ctx, `DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?`,
		UTC(idle), UTC(absolute))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
