package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
)

// SQLite has one writer at a time, and with synchronous(FULL) every commit waits for the disk.
// Under load most of a write transaction's time is that wait. The group committer runs the
// write transactions queued at the same moment inside one SQLite transaction, each in a
// savepoint of its own, and commits them together: one disk flush for the group. Each caller
// still returns only after its changes are durable, and a caller whose function fails is rolled
// back to its savepoint alone. With nothing queued, a transaction commits at once, as before.

// maxGroup bounds a group, so that no caller waits behind an unbounded number of others.
const maxGroup = 64

type txRequest struct {
	ctx  context.Context
	fn   func(*Tx) error
	done chan error
}

type groupCommitter struct {
	s     *Store
	reqs  chan txRequest
	stop  chan struct{}
	wg    sync.WaitGroup
	close sync.Once
}

func newGroupCommitter(s *Store) *groupCommitter {
	g := &groupCommitter{s: s, reqs: make(chan txRequest), stop: make(chan struct{})}
	g.wg.Go(g.run)
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
	for {
		var first txRequest
		select {
		case first = <-g.reqs:
		case <-g.stop:
			return
		}
		group := []txRequest{first}
	more:
		for len(group) < maxGroup {
			select {
			case r := <-g.reqs:
				group = append(group, r)
			default:
				break more
			}
		}
		g.commit(group)
	}
}

// commit runs a group in one transaction, each request in its own savepoint.
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
	tx, err := g.s.db.BeginTxx(context.Background(), nil)
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
	finish(nil)
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
