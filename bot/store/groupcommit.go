package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// SQLite has one writer at a time, and a durable commit waits for the disk.
// Under load most of a write transaction's time is that wait. The group committer runs the
// write transactions queued at the same moment inside one SQLite transaction, each in a
// savepoint of its own, and commits them together: one disk flush for the group. Each caller
// still returns only after its changes are durable, and a caller whose function fails is rolled
// back to its savepoint alone. With nothing queued, a transaction commits at once, as before; under
// load the writer lingers briefly for company (groupLinger).
//
// The disk flush itself is taken off the writer, as PostgreSQL's WAL writer does: SQLite runs
// with synchronous(NORMAL), so a commit writes its WAL frames to the operating system without
// waiting for the disk, and the syncer then fsyncs the WAL file and only after that releases the
// callers of every group committed before the fsync began. The guarantee is FULL's (a caller
// returns once its changes are on disk), but the writer runs the next group while the disk
// works: it was a third of the writer's time. (Checkpoints are unchanged: under NORMAL, SQLite
// still syncs the WAL before copying it into the database.) What NORMAL alone would give up, a
// power cut losing transactions already answered, cannot happen: nobody is answered first.
// Other connections can read a commit before its fsync, so the dispatcher may send a reply whose
// state a power cut in that millisecond then loses: the person's next message finds the state
// from before it, as after any message lost in transit.

// maxGroup bounds a group, so that no caller waits behind an unbounded number of others.
const maxGroup = 64

// groupLinger is how long the writer waits for more transactions to join a group when the last
// group had more than one, as PostgreSQL's commit_delay does with commit_siblings: under load,
// larger groups share their pages' WAL frames, their commit and their fsync, and the writer
// leaves the CPU to the handlers meanwhile. One caller at a time never waits.
// Load test, interleaved pairs: 1,120 / 1,032 / 1,149 -> 1,211 / 1,208 / 1,253 inbound/s, webhook
// p99 37 / 41 / 35 -> 33 / 33 / 32 ms. (1 ms was no better than 300 µs.)
const groupLinger = 300 * time.Microsecond

type txRequest struct {
	ctx  context.Context
	fn   func(*Tx) error
	done chan error
}

type groupCommitter struct {
	s    *Store
	reqs chan txRequest
	stop chan struct{}
	// sync makes every commit so far durable (fsyncs the WAL file); committed groups wait in
	// synced for it.
	sync   func() error
	synced chan committed
	conn   *sqlx.Conn    // the writer's own connection, used only by run
	linger time.Duration // groupLinger; tests set their own
	wg     sync.WaitGroup
	close  sync.Once
}

// committed is a group whose transaction has committed, with each request's result, waiting
// to be made durable before its callers are told.
type committed struct {
	group   []txRequest
	results []error
}

func newGroupCommitter(s *Store, sync func() error) *groupCommitter {
	g := &groupCommitter{s: s, reqs: make(chan txRequest), stop: make(chan struct{}), sync: sync,
		synced: make(chan committed, maxGroup), linger: groupLinger}
	g.wg.Go(g.run)
	g.wg.Go(g.syncer)
	return g
}

// do runs fn in the next group and returns once the group has committed (or fn failed).
func (g *groupCommitter) do(ctx context.Context, fn func(*Tx) error) error {
	r := txRequest{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case g.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-g.stop:
		return errors.New("store: closed")
	}
	// Once queued, the result is awaited even if ctx ends: the work may already be committed.
	return <-r.done
}

func (g *groupCommitter) shutdown() {
	g.close.Do(func() { close(g.stop) })
	g.wg.Wait()
}

func (g *groupCommitter) run() {
	defer close(g.synced) // the syncer finishes what is committed, then stops
	defer func() {
		if g.conn != nil {
			g.conn.Close()
		}
	}()
	lastSize := 0
	for {
		var first txRequest
		select {
		case first = <-g.reqs:
		case <-g.stop:
			return
		}
		group := g.gather(first, lastSize > 1)
		lastSize = len(group)
		g.commit(group)
	}
}

// gather makes a group of first and the requests queued behind it. If linger is set (under
// load), it waits up to g.linger from the first for more to join.
func (g *groupCommitter) gather(first txRequest, linger bool) []txRequest {
	group := []txRequest{first}
	var timeout <-chan time.Time
	if linger {
		t := time.NewTimer(g.linger)
		defer t.Stop()
		timeout = t.C
	}
	for len(group) < maxGroup {
		select {
		case r := <-g.reqs:
			group = append(group, r)
			continue
		default:
		}
		if timeout == nil {
			break
		}
		select {
		case r := <-g.reqs:
			group = append(group, r)
		case <-timeout:
			return group
		case <-g.stop:
			return group
		}
	}
	return group
}

// syncer makes committed groups durable, as many at once as have committed meanwhile, and
// then answers their callers.
func (g *groupCommitter) syncer() {
	for c := range g.synced {
		batch := []committed{c}
	more:
		for {
			select {
			case c, ok := <-g.synced:
				if !ok {
					break more
				}
				batch = append(batch, c)
			default:
				break more
			}
		}
		err := g.sync()
		if err != nil {
			err = fmt.Errorf("store: committed, but could not be made durable: %w", err)
		}
		for _, c := range batch {
			for i, r := range c.group {
				res := c.results[i]
				if res == nil {
					res = err
				}
				r.done <- res
			}
		}
	}
}

// commit runs a group in one transaction, each request in its own savepoint, and hands it to
// the syncer once committed. A group that fails as a whole is answered at once.
func (g *groupCommitter) commit(group []txRequest) {
	results := make([]error, len(group))
	finish := func(err error) {
		for i, r := range group {
			if results[i] == nil {
				results[i] = err
			}
			r.done <- results[i]
		}
	}
	tx, err := g.begin()
	if err != nil {
		finish(fmt.Errorf("begin: %w", err))
		return
	}
	t := &Tx{tx: tx, dialect: g.s.dialect, stmts: g.s.stmts}
	ctx := context.Background()
	for i, r := range group {
		if err := r.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		if _, err := t.exec(ctx, "SAVEPOINT request"); err != nil {
			_ = tx.Rollback()
			finish(fmt.Errorf("savepoint: %w", err))
			return
		}
		if err := runSafely(r.fn, t); err != nil {
			results[i] = err
			if _, rerr := t.exec(ctx, "ROLLBACK TO request"); rerr != nil {
				_ = tx.Rollback()
				finish(fmt.Errorf("rollback to savepoint: %w", rerr))
				return
			}
		}
		if _, err := t.exec(ctx, "RELEASE request"); err != nil {
			_ = tx.Rollback()
			finish(fmt.Errorf("release savepoint: %w", err))
			return
		}
	}
	if err := tx.Commit(); err != nil {
		finish(fmt.Errorf("commit: %w", err))
		return
	}
	g.synced <- committed{group: group, results: results}
}

// begin starts a transaction on the writer's own connection. Writing always through the same
// connection keeps its page cache valid: in WAL mode a connection that finds the database
// changed by another discards its cache, and a writer moving round the pool re-read every page
// it touched (4% of the server's CPU went on pread at the load test's peak).
func (g *groupCommitter) begin() (*sqlx.Tx, error) {
	ctx := context.Background()
	if g.conn == nil {
		c, err := g.s.db.Connx(ctx)
		if err != nil {
			return nil, err
		}
		g.conn = c
	}
	tx, err := g.conn.BeginTxx(ctx, nil)
	if err != nil {
		// A broken connection is replaced at the next group.
		_ = g.conn.Close()
		g.conn = nil
	}
	return tx, err
}

// syncFile returns a function that fsyncs the file at path, opened afresh each time (SQLite may
// replace its WAL file). A file that does not exist has nothing to make durable: SQLite removes
// the WAL only after copying it into the database and syncing that.
func syncFile(path string) func() error {
	return func() error {
		f, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	}
}

// runSafely turns a panic in fn into an error, so that one bad request cannot take the
// committer, and every writer with it, down.
func runSafely(fn func(*Tx) error, tx *Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store: panic in transaction: %v\n%s", p, debug.Stack())
		}
	}()
	return fn(tx)
}
