package store

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// openPostgres opens a store on the test PostgreSQL database with a single connection, so that
// each transaction reuses the one before's. The tests here need no tables.
func openPostgres(t *testing.T) *Store {
	t.Helper()
	u := os.Getenv("SIGNPOST_TEST_POSTGRES_URL")
	if u == "" {
		t.Skip("SIGNPOST_TEST_POSTGRES_URL is not set")
	}
	s, err := Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.db.SetMaxOpenConns(1)
	return s
}

// A panic while a round trip's results are read leaves the connection in the middle of it: it
// must not serve the next transaction.
func TestPanicMidRoundTripDoesNotPoisonTheConnection(t *testing.T) {
	s := openPostgres(t)
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *Tx) error {
		tx.pg.add(`SELECT 1`, nil).Query(func(pgx.Rows) error { panic("boom") })
		return tx.pg.flush(ctx)
	})
	if err == nil || !strings.Contains(err.Error(), "panic") {
		t.Fatalf("InTx = %v, want the panic as an error", err)
	}
	var one int
	if err := s.InTx(ctx, func(tx *Tx) error { return tx.get(ctx, &one, `SELECT 1`) }); err != nil || one != 1 {
		t.Errorf("the next transaction: %d, %v", one, err)
	}
}

// A transaction in which a statement failed cannot commit, even if its function went on as if
// nothing had happened: PostgreSQL answers its COMMIT with ROLLBACK.
func TestFailedTransactionDoesNotCommit(t *testing.T) {
	s := openPostgres(t)
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *Tx) error {
		_, _ = tx.exec(ctx, `SELECT 1 / 0`) // the error is dropped
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "rolled back") {
		t.Errorf("InTx = %v, want the transaction reported rolled back", err)
	}
}

func TestAutovacuumProblem(t *testing.T) {
	for _, tc := range []struct {
		setting string
		problem bool
	}{{"on", false}, {"off", true}} {
		if got := autovacuumProblem(tc.setting); (got != "") != tc.problem || (tc.problem && !strings.Contains(got, "autovacuum is off")) {
			t.Errorf("autovacuum %s: %q", tc.setting, got)
		}
	}
}
