package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/dashboard"
)

const usersUsage = "users add --email E --role linkworker|admin [--name NAME] | users list"

func cmdUsers(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flagArgs, pos := splitArgs(args)
	fs := newFlags("users", usersUsage, stdout)
	email := fs.String("email", "", "the new account's email (add)")
	role := fs.String("role", "", "linkworker or admin (add)")
	name := fs.String("name", "", "first name residents see when this person joins a conversation (add; default: from the email)")
	if err := parseFlags(fs, flagArgs); err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "add" && pos[0] != "list") {
		return &usageError{"usage: signpost " + usersUsage}
	}
	if pos[0] == "add" && (*email == "" || *role == "") {
		return &usageError{"users add: --email and --role are required"}
	}
	if pos[0] == "add" && *role != store.RoleLinkWorker && *role != store.RoleAdmin {
		return &usageError{fmt.Sprintf("users add: --role must be linkworker or admin, not %q", *role)}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	if pos[0] == "list" {
		us, err := a.store.Users(ctx)
		if err != nil {
			return err
		}
		w := csv.NewWriter(stdout)
		w.Write([]string{"email", "name", "role", "created_at", "last_login_at", "state"})
		for _, u := range us {
			last := ""
			if u.LastLoginAt.Valid {
				last = ts(u.LastLoginAt.Time)
			}
			w.Write([]string{u.Email, u.Name, u.Role, ts(u.CreatedAt), last, userState(u, time.Now())})
		}
		w.Flush()
		return w.Error()
	}
	pw, err := dashboard.CreateAccount(ctx, a.store, *email, *name, *role, time.Now())
	if errors.Is(err, store.ErrExists) {
		return &usageError{fmt.Sprintf("users add: there is already an account for %s", store.NormalizeEmail(*email))}
	}
	if err != nil {
		return &usageError{"users add: " + err.Error()}
	}
	fmt.Fprintf(stdout, "Created %s (%s).\nOne-time password: %s\nIt works for 7 days and must be changed at first login at %s/dashboard/\n",
		store.NormalizeEmail(*email), *role, pw, a.cfg.PublicURL)
	return nil
}

func userState(u store.User, now time.Time) string {
	switch {
	case u.Disabled:
		return "disabled"
	case u.LockedUntil.Valid && now.Before(u.LockedUntil.Time):
		return "locked"
	case u.MustChange:
		return "awaiting_first_login"
	}
	return "active"
}

// firstAdmin creates admin@localhost with a one-time password when the database has no
// dashboard account yet, so that a newcomer running `make run` can log in. It returns the
// message to print, or "" when accounts exist.
func firstAdmin(ctx context.Context, s *store.Store) (string, error) {
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	pw, err := dashboard.CreateAccount(ctx, s, "admin@localhost", "Admin", store.RoleAdmin, time.Now())
	if errors.Is(err, store.ErrExists) {
		return "", nil // another instance created it first
	}
	if err != nil {
		return "", err
	}
	return "No dashboard accounts yet, so one was created: log in as admin@localhost with the one-time password\n  " + pw +
		"\n(shown only this once; you will choose your own password). Add link workers with `signpost users add`.", nil
}
