package store

import (
	"context"
	"sync"

	"github.com/jmoiron/sqlx"
)

// On SQLite, parsing and planning a statement costs more than running it: a message's ten or
// so statements spent a fifth of the server's CPU in sqlite3_prepare, inside the one writer,
// where it bounds throughput. The cache prepares each statement once per connection and
// reuses it. (PostgreSQL needs none: pgx caches prepared statements per connection itself.)

// maxCachedStmts bounds the cache. The SQL is written in the code, so a few hundred distinct
// statements is all there is; a query built with a varying shape past the bound is prepared
// each time, as without the cache.
const maxCachedStmts = 512

type stmtCache struct {
	db    *sqlx.DB
	mu    sync.RWMutex
	stmts map[string]*sqlx.Stmt
}

func newStmtCache(db *sqlx.DB) *stmtCache {
	return &stmtCache{db: db, stmts: map[string]*sqlx.Stmt{}}
}

// get returns the statement for q, prepared on the database (database/sql prepares it again on
// each connection that runs it, once). It returns nil when the cache is full.
func (c *stmtCache) get(ctx context.Context, q string) (*sqlx.Stmt, error) {
	c.mu.RLock()
	st, ok := c.stmts[q]
	c.mu.RUnlock()
	if ok {
		return st, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[q]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := c.db.PreparexContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.stmts {
		_ = st.Close()
		delete(c.stmts, q)
	}
}
