package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/jmoiron/sqlx/reflectx"
)

// On PostgreSQL a write transaction runs on pgx's own interface rather than database/sql, so that
// its statements can travel together. Through database/sql every statement is a round trip of its
// own (BEGIN and COMMIT too), and at the load test's peak half the machine's CPU was the system
// time of those round trips, on both sides of the socket: about ten a message. Here a statement
// whose caller needs only its error (Tx.queue) waits for the transaction's next round trip: the
// next statement that returns something, or the commit. BEGIN goes with the first statement.
// An inbound message is then two round trips: its arrival, and everything its step wrote with
// the COMMIT.
//
// The statements are those written for database/sql, with ? placeholders, and rows are scanned
// into the same db-tagged structs as sqlx scans them.

// pgTx is a PostgreSQL transaction on one connection, with the statements waiting to be sent.
type pgTx struct {
	conn    *pgx.Conn
	pending pgx.Batch
}

// pgInTx runs fn in a transaction on a connection of the pool, through pgx.
func (s *Store) pgInTx(ctx context.Context, fn func(*Tx) error) error {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer c.Close()
	return c.Raw(func(driverConn any) error {
		dc, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: unexpected PostgreSQL driver connection %T", driverConn)
		}
		p := &pgTx{conn: dc.Conn()}
		p.pending.Queue("BEGIN")
		err := runSafely(fn, &Tx{pg: p, dialect: Postgres})
		if err == nil {
			if err = p.commit(ctx); err == nil {
				return nil
			}
		}
		p.rollback()
		return err
	})
}

// flush sends the statements waiting, in one round trip, and runs their callbacks in order. The
// first failure is returned, and the statements after it are not run (PostgreSQL skips them).
func (p *pgTx) flush(ctx context.Context) error {
	if p.pending.Len() == 0 {
		return nil
	}
	b := p.pending
	p.pending = pgx.Batch{QueuedQueries: b.QueuedQueries[:0:0]}
	return p.conn.SendBatch(ctx, &b).Close()
}

func (p *pgTx) commit(ctx context.Context) error {
	if len(p.pending.QueuedQueries) == 1 && p.pending.QueuedQueries[0].SQL == "BEGIN" {
		return nil // nothing was run: nothing to commit
	}
	p.pending.Queue("COMMIT").Exec(func(ct pgconn.CommandTag) error {
		// A transaction that had failed answers COMMIT with ROLLBACK, and no error.
		if ct.String() != "COMMIT" {
			return errors.New("transaction was rolled back")
		}
		return nil
	})
	if err := p.flush(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rollback ends a failed transaction. If it cannot, the connection is closed, so that the pool
// discards it rather than hand out a connection inside a transaction (the driver checks that too).
func (p *pgTx) rollback() {
	if p.conn.IsClosed() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	pc := p.conn.PgConn()
	switch {
	case pc.IsBusy():
		// Left in the middle of a round trip (a panic while its results were read): what the
		// server still sends cannot be told from the next transaction's.
	case pc.TxStatus() == 'I': // no transaction open (BEGIN was never sent)
		return
	default: // in a transaction, or in one that failed
		if _, err := p.conn.Exec(ctx, "ROLLBACK"); err == nil {
			return
		}
	}
	_ = p.conn.Close(ctx)
}

// add adds a statement to the next round trip; the caller sets what to do with its result.
func (p *pgTx) add(q string, args []any) *pgx.QueuedQuery {
	pq, ok := rebound.load(q)
	if !ok {
		pq = sqlx.Rebind(sqlx.DOLLAR, q)
		rebound.store(q, pq)
	}
	return p.pending.Queue(pq, args...)
}

// pgResult is the sql.Result of a statement run through pgx.
type pgResult int64

func (r pgResult) LastInsertId() (int64, error) {
	return 0, errors.New("store: LastInsertId is not supported by PostgreSQL: use RETURNING")
}

func (r pgResult) RowsAffected() (int64, error) { return int64(r), nil }

func (p *pgTx) exec(ctx context.Context, q string, args []any) (sql.Result, error) {
	var n int64
	p.add(q, args).Exec(func(ct pgconn.CommandTag) error {
		n = ct.RowsAffected()
		return nil
	})
	if err := p.flush(ctx); err != nil {
		return nil, err
	}
	return pgResult(n), nil
}

func (p *pgTx) get(ctx context.Context, dest any, q string, args []any) error {
	p.queueGet(dest, nil, q, args)
	return p.flush(ctx)
}

// queueGet adds a query for one row to the next round trip, to be scanned into dest. If found is
// set, it says whether there was a row; otherwise no row is sql.ErrNoRows.
func (p *pgTx) queueGet(dest any, found *bool, q string, args []any) {
	p.add(q, args).Query(func(rows pgx.Rows) error {
		err := scanRows(rows, q, dest, true)
		if found != nil {
			*found = err == nil
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
		}
		return err
	})
}

func (p *pgTx) selectAll(ctx context.Context, dest any, q string, args []any) error {
	p.add(q, args).Query(func(rows pgx.Rows) error { return scanRows(rows, q, dest, false) })
	return p.flush(ctx)
}

// queueWrite adds a statement whose caller needs only its error to the next round trip; check,
// if set, judges the rows it affected. A failure is wrapped with the statement's first words,
// since it is returned by whichever call sends it.
func (p *pgTx) queueWrite(q string, args []any, check func(rows int64) error) {
	p.add(q, args).Fn = func(br pgx.BatchResults) error {
		ct, err := br.Exec()
		if err == nil && check != nil {
			err = check(ct.RowsAffected())
		}
		if err != nil {
			return fmt.Errorf("%s: %w", statementName(q), err)
		}
		return nil
	}
}

// statementName is the start of a statement, to say which one failed: "INSERT INTO needs".
func statementName(q string) string {
	f := strings.Fields(q)
	n := min(len(f), 3)
	if n > 0 && f[0] == "WITH" {
		n = min(len(f), 6)
	}
	return strings.Join(f[:n], " ")
}

// queue runs a write whose caller needs only its error. On PostgreSQL it is sent with the
// transaction's next round trip (the next statement that returns something, or the commit), and
// its error, if it fails, is returned there; elsewhere it runs at once. Either way a failure
// fails the transaction.
func (t *Tx) queue(ctx context.Context, q string, args ...any) error {
	return t.queueCheck(ctx, q, nil, args...)
}

// queueCheck is queue for a write whose affected rows check judges (a version that must match).
func (t *Tx) queueCheck(ctx context.Context, q string, check func(rows int64) error, args ...any) error {
	if t.pg != nil {
		t.pg.queueWrite(q, args, check)
		return nil
	}
	res, err := t.exec(ctx, q, args...)
	if err != nil || check == nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	return check(n)
}

// queueSelect runs a query whose rows the caller reads only once the transaction has ended. On
// PostgreSQL it is sent with the transaction's next round trip, at the latest the commit's, and
// dest is filled then; elsewhere it runs at once.
func (t *Tx) queueSelect(ctx context.Context, dest any, q string, args ...any) error {
	if t.pg == nil {
		return t.selectAll(ctx, dest, q, args...)
	}
	t.pg.add(q, args).Query(func(rows pgx.Rows) error {
		if err := scanRows(rows, q, dest, false); err != nil {
			return fmt.Errorf("%s: %w", statementName(q), err)
		}
		return nil
	})
	return nil
}

// queueIn is queue for a statement with a list argument (see execIn).
func (t *Tx) queueIn(ctx context.Context, q string, args ...any) error {
	if t.pg == nil {
		_, err := t.execIn(ctx, q, args...)
		return err
	}
	q, args, err := sqlx.In(q, args...)
	if err != nil {
		return err
	}
	t.pg.queueWrite(q, args, nil)
	return nil
}

var (
	scannerType = reflect.TypeFor[sql.Scanner]()
	pgMapper    = reflectx.NewMapperFunc("db", sqlx.NameMapper) // sqlx's own default mapping
	// rebound is each statement with $n placeholders for its ?s.
	rebound memo[string, string]
	// fieldsOf is, per statement and struct type, the struct field each column fills.
	fieldsOf memo[fieldsKey, [][]int]
)

// memo keeps what is derived from a statement, so that the hot path derives it once. It stops
// growing at memoSize entries: statements with a list argument differ with the list's length.
type memo[K comparable, V any] struct {
	m sync.Map
	n atomic.Int64
}

const memoSize = 1024

func (c *memo[K, V]) load(k K) (V, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

func (c *memo[K, V]) store(k K, v V) {
	if c.n.Add(1) <= memoSize {
		c.m.Store(k, v)
	}
}

type fieldsKey struct {
	q string
	t reflect.Type
}

// scanRows scans the rows of statement q into dest as sqlx would: a pointer to a slice takes
// every row, anything else the first (sql.ErrNoRows without one); a struct is filled by its db
// tags, every column naming a field, and any other type takes the single column.
func scanRows(rows pgx.Rows, q string, dest any, one bool) error {
	v := reflect.ValueOf(dest)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("store: scan into %T: not a non-nil pointer", dest)
	}
	v = v.Elem()
	base := v.Type()
	if !one {
		if base.Kind() != reflect.Slice {
			return fmt.Errorf("store: select into %T: not a pointer to a slice", dest)
		}
		base = base.Elem()
		v.SetLen(0)
	}
	isStruct := !scannable(base)
	var fields [][]int
	var targets []any
	for rows.Next() {
		// The columns are known once there is a row: a query that failed has none.
		if isStruct && fields == nil {
			var err error
			if fields, err = structFields(rows, q, base); err != nil {
				return fmt.Errorf("store: scan into %T: %w", dest, err)
			}
			targets = make([]any, len(fields))
		}
		elem := v
		if !one {
			elem = reflect.New(base).Elem()
		}
		var err error
		if fields == nil {
			err = rows.Scan(elem.Addr().Interface())
		} else {
			for i, f := range fields {
				targets[i] = reflectx.FieldByIndexes(elem, f).Addr().Interface()
			}
			err = rows.Scan(targets...)
		}
		if err != nil {
			return err
		}
		if one {
			return nil // the rest are closed, and their error returned, by the caller
		}
		v.Set(reflect.Append(v, elem))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if one {
		return sql.ErrNoRows
	}
	return nil
}

// structFields returns the field of struct type t that each column of q's rows fills. A
// statement's columns are the same every time it runs, so they are mapped once.
func structFields(rows pgx.Rows, q string, t reflect.Type) ([][]int, error) {
	key := fieldsKey{q, t}
	if f, ok := fieldsOf.load(key); ok {
		return f, nil
	}
	fds := rows.FieldDescriptions()
	cols := make([]string, len(fds))
	for i, fd := range fds {
		cols[i] = fd.Name
	}
	fields := pgMapper.TraversalsByName(t, cols)
	for i, f := range fields {
		if len(f) == 0 {
			return nil, fmt.Errorf("missing destination name %s", cols[i])
		}
	}
	fieldsOf.store(key, fields)
	return fields, nil
}

// scannable reports whether t is scanned whole from one column, as sqlx decides it: anything but
// a struct, a struct that scans itself (sql.Scanner), or one with no exported fields (time.Time).
func scannable(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(scannerType) || t.Kind() != reflect.Struct {
		return true
	}
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			return false
		}
	}
	return true
}
