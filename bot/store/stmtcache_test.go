package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// Statements are prepared once and reused; the cache stops growing at its bound, and the
// statements past it still run; a statement prepared before a schema change still works after.
func TestStatementCache(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t, filepath.Join(t.TempDir(), "cache.db"))
	now := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	cached := func() int {
		s.stmts.mu.RLock()
		defer s.stmts.mu.RUnlock()
		return len(s.stmts.stmts)
	}
	before := cached()
	for i := range 50 {
		err := s.InTx(ctx, func(tx *Tx) error {
			_, err := tx.exec(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)`, fmt.Sprintf("k%d", i), "v", now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The insert, and the group committer's savepoint statements.
	if got := cached() - before; got < 1 || got > 4 {
		t.Fatalf("50 runs of one insert added %d cached statements, want 1 to 4", got)
	}

	// More distinct statements than the bound: all run, the cache stays bounded.
	err := s.InTx(ctx, func(tx *Tx) error {
		for i := range maxCachedStmts + 20 {
			var n int
			if err := tx.get(ctx, &n, fmt.Sprintf("SELECT count(*) + %d FROM kv", i)); err != nil {
				return err
			}
			if n != 50+i {
				return fmt.Errorf("statement %d: got %d, want %d", i, n, 50+i)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := cached(); got != maxCachedStmts {
		t.Fatalf("cache holds %d statements, want the bound %d", got, maxCachedStmts)
	}

	// A cached statement survives a schema change (SQLite prepares it again).
	s.stmts.close()
	q := `SELECT * FROM kv WHERE key = ?`
	type row struct {
		Key       string    `db:"key"`
		Value     string    `db:"value"`
		UpdatedAt time.Time `db:"updated_at"`
		Extra     *string   `db:"extra"`
	}
	var r row
	err = s.InTx(ctx, func(tx *Tx) error {
		var before struct {
			Key       string    `db:"key"`
			Value     string    `db:"value"`
			UpdatedAt time.Time `db:"updated_at"`
		}
		if err := tx.get(ctx, &before, q, "k1"); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `ALTER TABLE kv ADD COLUMN extra TEXT`); err != nil {
			return err
		}
		return tx.get(ctx, &r, q, "k1")
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Key != "k1" || r.Value != "v" || r.Extra != nil {
		t.Fatalf("after the schema change: %+v", r)
	}
}

// openSQLite opens and migrates a SQLite store at path, closed when the test ends.
func openSQLite(t *testing.T, path string) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// A statement with a list argument is another statement for every length of list: it runs, and
// stays out of the cache.
func TestListStatementsStayOutOfTheCache(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t, filepath.Join(t.TempDir(), "in.db"))
	before := len(s.stmts.stmts)
	err := s.InTx(ctx, func(tx *Tx) error {
		for n := 1; n <= 20; n++ {
			keys := make([]string, n)
			for i := range keys {
				keys[i] = fmt.Sprintf("k%d", i)
			}
			if _, err := tx.execIn(ctx, `DELETE FROM kv WHERE key IN (?)`, keys); err != nil {
				return err
			}
			var got []string
			if err := tx.selectIn(ctx, &got, `SELECT key FROM kv WHERE key IN (?)`, keys); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The group committer's savepoint statements may have joined; 40 list statements must not.
	if got := len(s.stmts.stmts) - before; got > 3 {
		t.Fatalf("%d statements cached by 40 runs of list statements", got)
	}
}
