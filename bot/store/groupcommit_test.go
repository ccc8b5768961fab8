package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestConcurrentTransactionsFailAlone runs many write transactions at once (on SQLite they are
// committed in groups): every successful one is kept, and a failing or panicking one is rolled
// back alone, without taking its group with it.
func TestConcurrentTransactionsFailAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const n = 120
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				errs[i] = s.InTx(ctx, func(tx *store.Tx) error {
					if _, err := tx.Exec(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, 'x', ?)`,
						fmt.Sprintf("k%03d", i), t0); err != nil {
						return err
					}
					switch i % 10 {
					case 3:
						return errors.New("refused")
					case 7:
						panic("bad request")
					}
					return nil
				})
			})
		}
		wg.Wait()
		var kept []string
		if err := s.DB().Select(&kept, `SELECT key FROM kv ORDER BY key`); err != nil {
			t.Fatal(err)
		}
		if len(kept) != n-2*n/10 {
			t.Errorf("%d rows kept, want %d", len(kept), n-2*n/10)
		}
		for i, err := range errs {
			switch i % 10 {
			case 3:
				if err == nil || err.Error() != "refused" {
					t.Errorf("transaction %d: err %v, want refused", i, err)
				}
			case 7:
				if err == nil || !strings.Contains(err.Error(), "panic") {
					t.Errorf("transaction %d: err %v, want the panic as an error", i, err)
				}
			default:
				if err != nil {
					t.Errorf("transaction %d: %v", i, err)
				}
			}
		}
	})
}

// A transaction alone in its group that fails leaves nothing behind, and the next one commits.
func TestFailingTransactionAloneRollsBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		insert := func(key string, fail bool) error {
			return s.InTx(ctx, func(tx *store.Tx) error {
				if _, err := tx.Exec(ctx, `INSERT INTO kv (key, value, updated_at) VALUES (?, 'x', ?)`, key, t0); err != nil {
					return err
				}
				if fail {
					return errors.New("refused")
				}
				return nil
			})
		}
		if err := insert("gone", true); err == nil || err.Error() != "refused" {
			t.Fatalf("err = %v, want refused", err)
		}
		if err := insert("kept", false); err != nil {
			t.Fatal(err)
		}
		var keys []string
		if err := s.DB().Select(&keys, `SELECT key FROM kv ORDER BY key`); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(keys) != "[kept]" {
			t.Fatalf("rows %v, want [kept]", keys)
		}
	})
}
