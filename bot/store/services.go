package store

import (
	"context"
	"time"
)

// UpsertService stores one directory service's JSON by id; inserted reports a new service,
// changed an update that altered it.
func (t *Tx) UpsertService(ctx context.Context, id, name, source string, raw []byte, now time.Time) (inserted, changed bool, err error) {
	var old []string
	if err := t.selectAll(ctx, &old, `SELECT data FROM services WHERE id = ?`, id); err != nil {
		return false, false, err
	}
	now = UTC(now)
	if len(old) == 0 {
		_, err := t.exec(ctx, `INSERT INTO services (id, name, source, data, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, name, source, string(raw), now, now)
		return err == nil, false, err
	}
	if old[0] == string(raw) {
		return false, false, nil
	}
	_, err = t.exec(ctx, `UPDATE services SET name = ?, source = ?, data = ?, updated_at = ? WHERE id = ?`, name, source, string(raw), now, id)
	return false, err == nil, err
}

// ServicesJSON returns every stored service's JSON, by id.
func (s *Store) ServicesJSON(ctx context.Context) ([][]byte, error) {
	var rows []string
	if err := s.db.SelectContext(ctx, &rows, `SELECT data FROM services ORDER BY id`); err != nil {
		return nil, err
	}
	out := make([][]byte, len(rows))
	for i, r := range rows {
		out[i] = []byte(r)
	}
	return out, nil
}
