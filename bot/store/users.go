package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Roles of dashboard users.
const (
	RoleLinkWorker = "linkworker"
	RoleAdmin      = "admin"
)

// User is a dashboard account.
type User struct {
	ID                string       `db:"id"`
	Email             string       `db:"email"`
	Name              string       `db:"name"`
	Role              string       `db:"role"`
	PasswordHash      string       `db:"password_hash"`
	MustChange        bool         `db:"must_change"`
	PasswordExpiresAt sql.NullTime `db:"password_expires_at"`
	LockedUntil       sql.NullTime `db:"locked_until"`
	Disabled          bool         `db:"disabled"`
	CreatedAt         time.Time    `db:"created_at"`
	LastLoginAt       sql.NullTime `db:"last_login_at"`
}

// IsAdmin reports whether the user may read the audit log and manage accounts.
func (u User) IsAdmin() bool { return u.Role == RoleAdmin }

// ErrExists reports a unique value (an email) already taken.
var ErrExists = errors.New("already exists")

const userColumns = `id, email, name, role, password_hash, must_change, password_expires_at, locked_until, disabled,
	created_at, last_login_at`

// NormalizeEmail is the form in which emails are stored and looked up.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CreateUser adds an account; ErrExists if the email is taken.
func (s *Store) CreateUser(ctx context.Context, u User) error {
	u.Email = NormalizeEmail(u.Email)
	return s.InTx(ctx, func(t *Tx) error {
		var expires any
		if u.PasswordExpiresAt.Valid {
			expires = UTC(u.PasswordExpiresAt.Time)
		}
		res, err := t.exec(ctx, `INSERT INTO users (id, email, name, role, password_hash, must_change, password_expires_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
			u.ID, u.Email, u.Name, u.Role, u.PasswordHash, u.MustChange, expires, UTC(u.CreatedAt))
		if err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("user %s: %w", u.Email, ErrExists)
		}
		return nil
	})
}

// UserByEmail finds an account by email, or ErrNotFound.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	return s.user(ctx, `email = ?`, NormalizeEmail(email))
}

// UserByID finds an account by id, or ErrNotFound.
func (s *Store) UserByID(ctx context.Context, id string) (User, error) {
	return s.user(ctx, `id = ?`, id)
}

func (s *Store) user(ctx context.Context, where string, arg any) (User, error) {
	var u User
	err := s.db.GetContext(ctx, &u, s.db.Rebind(`SELECT `+userColumns+` FROM users WHERE `+where), arg)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// Users lists the accounts by email.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	var us []User
	err := s.db.SelectContext(ctx, &us, `SELECT `+userColumns+` FROM users ORDER BY email`)
	return us, err
}

// CountUsers counts the accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM users`)
	return n, err
}

// SetPassword replaces a user's password hash. mustChange marks it one-time (an admin reset);
// a password the user chose clears the flag and the expiry. Every session of the user ends.
func (s *Store) SetPassword(ctx context.Context, userID, hash string, mustChange bool, expires time.Time) error {
	return s.InTx(ctx, func(t *Tx) error {
		var exp any
		if mustChange && !expires.IsZero() {
			exp = UTC(expires)
		}
		if err := t.queue(ctx, `UPDATE users SET password_hash = ?, must_change = ?, password_expires_at = ?, locked_until = NULL
			WHERE id = ?`, hash, mustChange, exp, userID); err != nil {
			return err
		}
		return t.queue(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	})
}

// LockUser refuses logins to a user until a time.
func (s *Store) LockUser(ctx context.Context, userID string, until time.Time) error {
	_, err := s.write(ctx, `UPDATE users SET locked_until = ? WHERE id = ?`, UTC(until), userID)
	return err
}

// RecordLogin notes a successful login.
func (s *Store) RecordLogin(ctx context.Context, userID string, now time.Time) error {
	_, err := s.write(ctx, `UPDATE users SET last_login_at = ?, locked_until = NULL WHERE id = ?`, UTC(now), userID)
	return err
}
