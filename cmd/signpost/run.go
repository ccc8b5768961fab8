package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/flows"
)

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// exitCode maps run's error to the process exit status, printing it as one line.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "signpost:", err)
	var ue *usageError
	var ce *configError
	var ee *exitError
	switch {
	case errors.As(err, &ue), errors.As(err, &ce):
		return 2
	case errors.As(err, &ee):
		return ee.code
	}
	return 1
}

// exitError carries a command's own exit status (content check's 1 for an error found).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

const usage = `Signpost: a self-care assistant for social prescribing.

Usage: signpost COMMAND [flags]

Commands:
  serve                     run the HTTP server (webhooks, dashboard, try-it page, health, metrics)
                            and the background workers; migrates the database on start
  chat [--channel C] [--from ID]
                            chat in the terminal as a resident (no credentials needed)
  migrate                   apply database migrations and exit
  directory import FILE     import community services (Open Referral UK / HSDS 3.0 JSON)
  content check [DIR]       validate messages, flows and the directory; exit status 1 on an error
  export KIND [--from DATE] [--to DATE]
                            CSV on stdout: assessments, handoffs, referrals, people
  export person --person ID everything held about one person, as JSON (subject access)
  forget --person ID        erase one person: identities, messages, notes and answers; anonymous
                            counts are kept so reports do not change
  nudges list               CSV of scheduled nudges
  loadtest [--people N] [--instances N] [--rate R] [--database URL]
                            play residents through the journey against servers it starts, over
                            signed Twilio webhooks with a fake Twilio; report speed and memory
  seed --people N           fill the database with N residents' history, for scale tests
  users add --email E --role linkworker|admin [--name NAME]
                            create a dashboard account; prints a one-time password
  users list                CSV of dashboard accounts

Run 'signpost COMMAND --help' for a command's flags. Configuration is by environment variables:
SIGNPOST_ADDR, SIGNPOST_DATABASE_URL, SIGNPOST_PUBLIC_URL, SIGNPOST_CONTENT_DIR, SIGNPOST_TIMEZONE,
SIGNPOST_QUIET_HOURS, SIGNPOST_FOLLOWUP_AFTER, SIGNPOST_REASSESS_AFTER, SIGNPOST_NUDGES_PER_WEEK,
SIGNPOST_RETENTION, TWILIO_*, TELEGRAM_*.
`

// run is the whole program, wired from its arguments and environment so that tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "serve":
		return cmdServe(ctx, rest, getenv, stdout, stderr)
	case "chat":
		return cmdChat(ctx, rest, getenv, stdin, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, rest, getenv, stdout, stderr)
	case "directory":
		return cmdDirectory(ctx, rest, getenv, stdout, stderr)
	case "content":
		return cmdContent(rest, getenv, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, getenv, stdout, stderr)
	case "nudges":
		return cmdNudges(ctx, rest, getenv, stdout, stderr)
	case "loadtest":
		return cmdLoadtest(ctx, rest, getenv, stdout, stderr)
	case "seed":
		return cmdSeed(ctx, rest, getenv, stdout, stderr)
	case "users":
		return cmdUsers(ctx, rest, getenv, stdout, stderr)
	case "forget":
		return cmdForget(ctx, rest, getenv, stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// newFlags returns a flag set that reports errors as usage errors and prints help to stdout.
func newFlags(name, synopsis string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "Usage: signpost %s\n", synopsis)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args, printing help for --help and turning other errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp // the flag package has already printed fs.Usage
		}
		return &usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	return nil
}

// app is what most commands need: configuration, the database and the content.
type app struct {
	cfg     config
	store   *store.Store
	content *content.Bundle
	log     *slog.Logger
}

func openApp(ctx context.Context, getenv func(string) string, log *slog.Logger, migrate bool) (*app, error) {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return nil, err
	}
	c, err := content.LoadDir(cfg.ContentDir)
	if err != nil {
		return nil, &configError{"SIGNPOST_CONTENT_DIR", cfg.ContentDir, err.Error()}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		if errors.Is(err, store.ErrBadURL) {
			return nil, &configError{"SIGNPOST_DATABASE_URL", "(hidden)", err.Error()}
		}
		return nil, err
	}
	if migrate {
		if err := st.Migrate(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	return &app{cfg: cfg, store: st, content: c, log: log}, nil
}

// engine wires the conversation engine over the app's store and content.
func (a *app) engine(ctx context.Context, metrics *bot.Metrics) (*bot.Engine, error) {
	dir := bot.NewDirectory(a.store)
	if err := dir.Refresh(ctx); err != nil {
		return nil, fmt.Errorf("load directory: %w", err)
	}
	return &bot.Engine{
		Store: a.store, Machine: flows.New(a.content), Content: a.content, Directory: dir, Log: a.log,
		Config: bot.Config{FollowupAfter: a.cfg.FollowupAfter, ReassessAfter: a.cfg.ReassessAfter, Location: a.cfg.Location},
		Now:    time.Now, NewID: bot.NewID, Metrics: metrics,
	}, nil
}

func cmdMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", "migrate", stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{"migrate takes no arguments"}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}

func cmdChat(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("chat", "chat [--channel console|sms|telegram] [--from ID]", stdout)
	channel := fs.String("channel", flows.ChannelConsole, "chat as a resident on this channel: console (like SMS), sms or telegram")
	from := fs.String("from", "", "the resident's identity on the channel (default: one per channel)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	defaults := map[string]string{flows.ChannelConsole: "terminal", flows.ChannelSMS: "+447700900001", flows.ChannelTelegram: "100000001"}
	def, ok := defaults[*channel]
	if !ok {
		return &usageError{fmt.Sprintf("chat: --channel must be console, sms or telegram, not %q", *channel)}
	}
	if *from == "" {
		*from = def
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	eng, err := a.engine(ctx, nil)
	if err != nil {
		return err
	}
	disp := bot.NewDispatcher(a.store, map[string]bot.Sender{*channel: newConsoleSender(stdout)}, a.log, time.Now)
	fmt.Fprintf(stdout, "Chatting with Signpost as %s on %s. Type a message and press Enter; Ctrl-D ends.\n\n", *from, *channel)
	if err := newChat(eng, disp, *channel, *from, stdin, stdout).Run(ctx); err != nil {
		return err
	}
	// A FORGET confirmed in the chat is carried out now that its confirmation has been shown.
	hk := &bot.Housekeeper{Store: a.store, Retention: a.cfg.Retention, Log: a.log, Now: time.Now, NewID: bot.NewID}
	_, err = hk.RunOnce(ctx)
	return err
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// splitArgs separates a command's positional arguments from its flags, so that
// `directory import FILE` and `content check DIR` accept flags on either side.
func splitArgs(args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") {
			flags = append(flags, args[i])
			if !strings.Contains(args[i], "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") &&
				args[i] != "--help" && args[i] != "-h" {
				i++
				flags = append(flags, args[i])
			}
			continue
		}
		positional = append(positional, args[i])
	}
	return flags, positional
}
