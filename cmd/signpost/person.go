package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/user"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
)

// cliActor names the operator in the audit log: the command line and the OS account that ran it.
func cliActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "command line (" + u.Username + ")"
	}
	return "command line"
}

// personFlag reads --person ID for forget and export person.
func personFlag(name, synopsis string, args []string, stdout io.Writer) (string, error) {
	fs := newFlags(name, synopsis, stdout)
	id := fs.String("person", "", "the person's pseudonymous id (person_id in the exports and the dashboard)")
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", &usageError{fmt.Sprintf("%s: unexpected argument %q", name, fs.Arg(0))}
	}
	*id = strings.TrimSpace(*id)
	if *id == "" {
		return "", &usageError{fmt.Sprintf("%s: --person ID is required", name)}
	}
	return *id, nil
}

// cmdForget erases one person (see store.ErasePerson): identities, messages, notes and answers
// go; anonymous counts stay so the reports do not change.
func cmdForget(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	id, err := personFlag("forget", "forget --person ID", args, stdout)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	e, err := a.store.ErasePerson(ctx, store.Erase{PersonID: id, NewID: bot.NewID, Now: time.Now(), Actor: cliActor(),
		Reason: "signpost forget"})
	switch {
	case errors.Is(err, store.ErrNotFound):
		return &exitError{code: 1, msg: fmt.Sprintf("forget: no person %q (already erased, or never known)", id)}
	case errors.Is(err, store.ErrErased):
		return &exitError{code: 1, msg: fmt.Sprintf("forget: %q is the anonymous record of a person already erased", id)}
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "erased %s: %d identities, %d messages, %d notes, %d nudges, %d consent records removed; %d anonymous rows kept for the reports\n",
		id, e.Identities, e.Messages, e.Notes, e.Nudges, e.Consents, e.Kept)
	return nil
}

// exportPerson prints everything held about one person as JSON (a subject access request),
// and audits it.
func exportPerson(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	id, err := personFlag("export person", "export person --person ID", args, stdout)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	now := time.Now()
	sa, err := a.store.SubjectAccessReport(ctx, id, now)
	if errors.Is(err, store.ErrNotFound) {
		return &exitError{code: 1, msg: fmt.Sprintf("export person: no person %q", id)}
	}
	if err != nil {
		return err
	}
	if err := a.store.Audit(ctx, store.AuditEntry{At: now, Actor: cliActor(), Action: store.AuditExport, Subject: id,
		Detail: "subject access (JSON)"}); err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(sa)
}
