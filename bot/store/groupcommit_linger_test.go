package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// Under load the writer lingers for more transactions to join a group; with nothing queued
// and no load it commits at once.
func TestGroupLingersOnlyUnderLoad(t *testing.T) {
	req := func() txRequest { return txRequest{ctx: context.Background(), done: make(chan error, 1)} }
	g := &groupCommitter{reqs: make(chan txRequest), linger: time.Hour}

	gathered := make(chan []txRequest, 1)
	go func() { gathered <- g.gather(req(), false) }()
	select {
	case group := <-gathered:
		if len(group) != 1 {
			t.Errorf("without load: a group of %d, want 1", len(group))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("without load, the writer waited for company")
	}

	// Lingering, it takes in requests that arrive one by one after it started (each after the
	// queue was found empty), up to a full group.
	go func() { gathered <- g.gather(req(), true) }()
	for i := range maxGroup - 1 {
		time.Sleep(time.Millisecond)
		select {
		case g.reqs <- req():
		case group := <-gathered:
			t.Fatalf("lingering: the group closed at %d after %d late arrivals, want it to wait for more", len(group), i)
		}
	}
	if group := <-gathered; len(group) != maxGroup {
		t.Errorf("lingering: a group of %d, want %d", len(group), maxGroup)
	}

	// And it stops lingering after its time.
	g.linger = 20 * time.Millisecond
	start := time.Now()
	if group := g.gather(req(), true); len(group) != 1 || time.Since(start) < g.linger {
		t.Errorf("lingering with nothing coming: a group of %d after %v, want 1 after %v", len(group), time.Since(start), g.linger)
	}
}

// Transactions one at a time never wait for company: the writer lingers only after a group of
// more than one.
func TestOneTransactionAtATimeCommitsAtOnce(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t, filepath.Join(t.TempDir(), "linger.db"))
	s.group.linger = time.Hour
	for i := range 5 {
		done := make(chan error, 1)
		go func() {
			done <- s.InTx(ctx, func(tx *Tx) error {
				_, err := tx.exec(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, 'x', ?)`, fmt.Sprint("k", i), time.Now())
				return err
			})
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("transaction %d, alone, waited for company", i)
		}
	}
}
