package storetest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Columns lists every table of the database and its columns, read from the database's own
// catalogue, so that a test written today also covers a table added tomorrow.
func Columns(t testing.TB, s *store.Store) map[string][]string {
	t.Helper()
	db := s.DB()
	out := map[string][]string{}
	if s.Dialect() == store.Postgres {
		var rows []struct {
			Table  string `db:"table_name"`
			Column string `db:"column_name"`
		}
		if err := db.Select(&rows, `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out[r.Table] = append(out[r.Table], r.Column)
		}
		return out
	}
	var tables []string
	if err := db.Select(&tables, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`); err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		var cols []string
		if err := db.Select(&cols, `SELECT name FROM pragma_table_info(?)`, tb); err != nil {
			t.Fatal(err)
		}
		out[tb] = cols
	}
	return out
}

// FindText searches every column of every table for text and returns "table.column (n rows)"
// for each column that holds it.
func FindText(t testing.TB, s *store.Store, text string) []string {
	t.Helper()
	var hits []string
	for table, cols := range Columns(t, s) {
		for _, col := range cols {
			var n int
			q := fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE CAST(%s AS TEXT) LIKE ?`, quote(table), quote(col))
			if err := s.DB().Get(&n, s.DB().Rebind(q), "%"+text+"%"); err != nil {
				t.Fatalf("search %s.%s: %v", table, col, err)
			}
			if n > 0 {
				hits = append(hits, fmt.Sprintf("%s.%s (%d rows)", table, col, n))
			}
		}
	}
	sort.Strings(hits)
	return hits
}

// RowsOf counts, for every table with a person_id column, the rows that belong to a person
// (people itself by its id).
func RowsOf(t testing.TB, s *store.Store, personID string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for table, cols := range Columns(t, s) {
		col := ""
		for _, c := range cols {
			if c == "person_id" {
				col = c
			}
		}
		if table == "people" {
			col = "id"
		}
		if col == "" {
			continue
		}
		var n int
		if err := s.DB().Get(&n, s.DB().Rebind(fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s = ?`, quote(table), col)), personID); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }
