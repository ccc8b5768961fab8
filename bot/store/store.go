// Package store keeps Signpost's state in SQL through sqlx: SQLite (modernc, embedded) by
// default, PostgreSQL when several instances share one database. The SQL sits next to the
// function that runs it; migrations are embedded, one set per dialect. Write transactions run
// in SQLite's one writer, several committed together (groupcommit.go), or on PostgreSQL through
// pgx, their statements sharing round trips (pgtx.go).
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/jmoiron/sqlx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations
var migrations embed.FS

func init() {
	// modernc registers as "sqlite", which sqlx does not know; it uses ? placeholders.
	sqlx.BindDriver("sqlite", sqlx.QUESTION)
}

// Dialect names the SQL database in use.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is Signpost's storage. It is safe for concurrent use.
type Store struct {
	db      *sqlx.DB
	url     string
	dialect Dialect
	// group serialises write transactions on SQLite inside this process and commits those
	// queued together as one (see groupcommit.go). SQLite allows one writer at a time anyway;
	// queueing here is fair and fast, where SQLite's busy handler would sleep and retry.
	group *groupCommitter
	// stmts holds prepared statements for write transactions on SQLite (see stmtcache.go).
	stmts *stmtCache
}

// ErrBadURL reports an unusable SIGNPOST_DATABASE_URL.
var ErrBadURL = errors.New("database URL must be sqlite:PATH or postgres://...")

// Open connects to the database named by rawURL: "sqlite:PATH" or "postgres://...".
// It does not migrate.
func Open(ctx context.Context, rawURL string) (*Store, error) {
	switch {
	case strings.HasPrefix(rawURL, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//")
		if path == "" || path == ":memory:" {
			return nil, fmt.Errorf("%w (sqlite needs a file path, got %q)", ErrBadURL, rawURL)
		}
		if strings.ContainsAny(path, "?#%") {
			// SQLite reads the path as a URI: these would open another file than the one
			// named (and than the WAL file the group committer syncs).
			return nil, fmt.Errorf("%w (a sqlite path may not contain ?, # or %%, got %q)", ErrBadURL, rawURL)
		}
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("database directory: %w", err)
			}
		}
		// busy_timeout and _txlock=immediate avoid SQLITE_BUSY on read-then-write transactions;
		// synchronous(NORMAL) with the group committer's own fsync of the WAL makes "we
		// answered the webhook" mean "it is on disk", as FULL would (see groupcommit.go);
		// _time_format=sqlite stores times so that SQL date functions understand them;
		// temp_store(MEMORY) keeps the group commit's savepoint journal off the disk.
		dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)" +
			"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate&_time_format=sqlite"
		db, err := sqlx.Open("sqlite", dsn)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
		db.SetConnMaxIdleTime(0)
		s := &Store{db: db, dialect: SQLite, url: rawURL}
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		s.stmts = newStmtCache(db)
		s.group = newGroupCommitter(s, syncFile(path+"-wal"))
		return s, nil
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		if _, err := url.Parse(rawURL); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
		}
		// The driver name decides placeholders: "pgx" is known to sqlx as $1-style.
		db, err := sqlx.Open("pgx", rawURL)
		if err != nil {
			return nil, err
		}
		// Enough for the webhooks, the dispatcher and the scheduler of one instance; several
		// instances (and test packages run side by side) share PostgreSQL's 100 connections.
		// Connections are kept while in use (a new one is a new server process: closing them
		// at once cost half the throughput under load) and given back after 30 idle seconds.
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		db.SetConnMaxIdleTime(30 * time.Second)
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		return &Store{db: db, dialect: Postgres, url: rawURL}, nil
	}
	return nil, fmt.Errorf("%w (got %q)", ErrBadURL, RedactURL(rawURL))
}

// RedactURL hides a password in a database URL, for messages and logs.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}

// URL returns the database URL the store was opened with.
func (s *Store) URL() string { return s.url }

// SerialWrites reports whether write transactions run one at a time (SQLite, through the
// group committer): work moved out of a transaction then frees the writer for everyone else.
// On PostgreSQL transactions run side by side, and a read ahead of one is only a round trip more.
func (s *Store) SerialWrites() bool { return s.group != nil }

// Dialect reports the database in use.
func (s *Store) Dialect() Dialect { return s.dialect }

// DB exposes the handle for read-only reports and tests.
func (s *Store) DB() *sqlx.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	if s.group != nil {
		s.group.shutdown()
	}
	if s.stmts != nil {
		s.stmts.close()
	}
	return s.db.Close()
}

// Ping checks the database answers (readiness).
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.GetContext(ctx, &one, "SELECT 1")
}

// MaintenanceProblem reports a database setting that will slow Signpost down as it runs, or ""
// for none. On PostgreSQL that is autovacuum switched off: the outbox and the nudges are queues,
// every message sent leaves a dead row, and claims slow as dead rows pile up (after 570,000
// sends on an unvacuumed test database, an outbox claim took 9.5 ms on average instead of 2).
func (s *Store) MaintenanceProblem(ctx context.Context) (string, error) {
	if s.dialect != Postgres {
		return "", nil
	}
	var autovacuum string
	if err := s.db.GetContext(ctx, &autovacuum, `SELECT current_setting('autovacuum')`); err != nil {
		return "", err
	}
	return autovacuumProblem(autovacuum), nil
}

// autovacuumProblem is MaintenanceProblem's verdict on PostgreSQL's autovacuum setting.
func autovacuumProblem(setting string) string {
	if setting == "on" {
		return ""
	}
	return "PostgreSQL's autovacuum is off: the outbox and nudge queues will slow down as sent rows pile up; " +
		"turn it on, or VACUUM ANALYZE the outbox and nudges tables regularly"
}

// Migrate applies the embedded migrations. On PostgreSQL a session advisory lock lets several
// instances start at once: one migrates, the others wait and find nothing to do.
func (s *Store) Migrate(ctx context.Context) error {
	dir, dialect := "migrations/sqlite", goose.DialectSQLite3
	var opts []goose.ProviderOption
	if s.dialect == Postgres {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
		// Retry each second (not the default five) so that instances starting together wait little.
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(dialect, s.db.DB, fsys, opts...)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Tx is a write transaction: on SQLite a database/sql transaction (inside the group committer's),
// on PostgreSQL one run through pgx, whose statements can share round trips (see pgtx.go).
type Tx struct {
	tx      *sqlx.Tx // SQLite
	pg      *pgTx    // PostgreSQL
	dialect Dialect
	stmts   *stmtCache // nil: prepare each statement as it runs
}

// errRetry asks InTx to run the transaction again (a race lost to another transaction).
var errRetry = errors.New("store: retry transaction")

// InTx runs fn in a write transaction and commits it if fn returns nil. A transaction that lost
// a race (two first messages from one new person) is retried.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	for attempt := 0; ; attempt++ {
		var err error
		if s.group != nil {
			err = s.group.do(ctx, fn)
		} else {
			err = s.pgInTx(ctx, fn)
		}
		if errors.Is(err, errRetry) && attempt < 3 {
			continue
		}
		return err
	}
}

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if t.pg != nil {
		return t.pg.exec(ctx, q, args)
	}
	st, err := t.prepared(ctx, q)
	switch {
	case err != nil:
		return nil, err
	case st == nil:
		return t.tx.ExecContext(ctx, t.tx.Rebind(q), args...)
	}
	return st.ExecContext(ctx, args...)
}

func (t *Tx) get(ctx context.Context, dest any, q string, args ...any) error {
	if t.pg != nil {
		return t.pg.get(ctx, dest, q, args)
	}
	st, err := t.prepared(ctx, q)
	switch {
	case err != nil:
		return err
	case st == nil:
		return t.tx.GetContext(ctx, dest, t.tx.Rebind(q), args...)
	}
	return st.GetContext(ctx, dest, args...)
}

func (t *Tx) selectAll(ctx context.Context, dest any, q string, args ...any) error {
	if t.pg != nil {
		return t.pg.selectAll(ctx, dest, q, args)
	}
	st, err := t.prepared(ctx, q)
	switch {
	case err != nil:
		return err
	case st == nil:
		return t.tx.SelectContext(ctx, dest, t.tx.Rebind(q), args...)
	}
	return st.SelectContext(ctx, dest, args...)
}

// execIn runs a statement with a list argument, expanded by sqlx.In into one placeholder per
// element. Every length of list is another statement, so it is prepared as it runs and never
// enters the statement cache (which such variants would fill, each prepared from inside the writer).
func (t *Tx) execIn(ctx context.Context, q string, args ...any) (sql.Result, error) {
	q, args, err := sqlx.In(q, args...)
	if err != nil {
		return nil, err
	}
	if t.pg != nil {
		return t.pg.exec(ctx, q, args)
	}
	return t.tx.ExecContext(ctx, t.tx.Rebind(q), args...)
}

// selectIn is execIn for a query.
func (t *Tx) selectIn(ctx context.Context, dest any, q string, args ...any) error {
	q, args, err := sqlx.In(q, args...)
	if err != nil {
		return err
	}
	if t.pg != nil {
		return t.pg.selectAll(ctx, dest, q, args)
	}
	return t.tx.SelectContext(ctx, dest, t.tx.Rebind(q), args...)
}

// get reads one row outside any transaction, through the statement cache where there is one.
func (s *Store) get(ctx context.Context, dest any, q string, args ...any) error {
	if s.stmts != nil {
		st, err := s.stmts.get(ctx, q)
		if err != nil {
			return err
		}
		if st != nil {
			return st.GetContext(ctx, dest, args...)
		}
	}
	return s.db.GetContext(ctx, dest, s.db.Rebind(q), args...)
}

// prepared returns q's cached statement bound to this transaction, or nil without a cache.
func (t *Tx) prepared(ctx context.Context, q string) (*sqlx.Stmt, error) {
	if t.stmts == nil {
		return nil, nil
	}
	st, err := t.stmts.get(ctx, q)
	if err != nil || st == nil {
		return nil, err
	}
	return t.tx.StmtxContext(ctx, st), nil
}

// forUpdate locks the selected rows on PostgreSQL. SQLite needs no row locks: its write
// transactions begin IMMEDIATE and exclude each other.
func (t *Tx) forUpdate() string {
	if t.dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// UTC normalises a time for storage: UTC, microsecond precision (PostgreSQL's), so that what is
// read back equals what was written on both databases.
func UTC(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// write runs one statement as a write transaction of its own (on SQLite through the group
// committer, so that it is durable when it returns).
func (s *Store) write(ctx context.Context, q string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.InTx(ctx, func(t *Tx) error {
		var err error
		res, err = t.exec(ctx, q, args...)
		return err
	})
	return res, err
}

// Exec runs a statement in the transaction, for bulk loads in tests and seeding tools.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.exec(ctx, q, args...)
}
