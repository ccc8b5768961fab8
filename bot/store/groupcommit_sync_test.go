package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A write transaction returns only once the WAL is synced after its commit; a failed sync
// fails it (committed, but not durable: the caller must not answer as if it were).
func TestGroupCommitWaitsForTheDisk(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t, filepath.Join(t.TempDir(), "sync.db"))
	syncing := make(chan chan error)
	s.group.shutdown()
	s.group = newGroupCommitter(s, func() error {
		reply := make(chan error)
		syncing <- reply
		return <-reply
	})
	write := func(key string) chan error {
		done := make(chan error, 1)
		go func() {
			done <- s.InTx(ctx, func(tx *Tx) error {
				_, err := tx.exec(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, 'x', ?)`, key, time.Now())
				return err
			})
		}()
		return done
	}

	done := write("a")
	reply := <-syncing // committed, now syncing
	select {
	case err := <-done:
		t.Fatalf("InTx returned (%v) before its commit was on disk", err)
	case <-time.After(50 * time.Millisecond):
	}
	reply <- nil
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	done = write("b")
	reply = <-syncing
	reply <- errors.New("disk on fire")
	if err := <-done; err == nil || !strings.Contains(err.Error(), "durable") {
		t.Fatalf("InTx after a failed sync: err = %v, want an error saying it is not durable", err)
	}
}

// The real sync fsyncs the WAL file SQLite writes, and a WAL that is not there has nothing to sync.
func TestSyncFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wal.db")
	s := openSQLite(t, path)
	if _, err := s.write(ctx, `INSERT INTO kv (key, value, updated_at) VALUES ('k', 'v', ?)`, time.Now()); err != nil {
		t.Fatal(err)
	}
	// The file the group committer syncs is the one SQLite appended the commit to.
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("WAL file at %s-wal: %v (size %v)", path, err, fi)
	}
	if err := syncFile(path + "-wal")(); err != nil {
		t.Fatal(err)
	}
	if err := syncFile(path + "-missing")(); err != nil {
		t.Fatalf("sync of a missing WAL: %v", err)
	}
}
