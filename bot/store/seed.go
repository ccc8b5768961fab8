package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Seed fills the database with n residents' worth of realistic history, for load and scale
// tests: each person has an identity, a conversation at the menu, consent, four baseline ONS4
// scores, a need, a suggested service, a short transcript and one pending nudge due in the
// future. Person i has the pseudonym "p_seed%08d" and the number +4478%09d. Rows go in with
// multi-row inserts, chunk people at a time; progress is called after each chunk.
func (s *Store) Seed(ctx context.Context, from, n int, now time.Time, progress func(done int)) error {
	const chunk = 500
	now = UTC(now)
	first := now.Add(-60 * 24 * time.Hour)
	boroughs := []string{"Hackney", "Tower Hamlets", "Newham", "Southwark", "Lambeth", "Lewisham", "Camden", "Islington"}
	items := []string{"life_satisfaction", "worthwhile", "happiness", "anxiety"}
	needs := []string{"housing", "money", "loneliness", "mental_wellbeing", "food", "work"}
	for start := from; start < from+n; start += chunk {
		end := min(start+chunk, from+n)
		err := s.InTx(ctx, func(t *Tx) error {
			var b bulk
			for i := start; i < end; i++ {
				id := fmt.Sprintf("p_seed%08d", i)
				at := first.Add(time.Duration(i%86400) * time.Second)
				borough := boroughs[i%len(boroughs)]
				b.add("INSERT INTO people (id, channel, area, borough, age_group, language, first_contact_at, last_contact_at, consented, consented_at) VALUES ",
					"(?, 'sms', 'E8', ?, 'adult', 'en', ?, ?, TRUE, ?)", id, borough, at, at.Add(time.Hour), at)
				b.add("INSERT INTO identities (channel, address, person_id, created_at) VALUES ",
					"('sms', ?, ?, ?)", fmt.Sprintf("+4478%09d", i), id, at)
				b.add("INSERT INTO conversations (person_id, flow, state, data, updated_at) VALUES ",
					"(?, 'journey', 'menu', '{}', ?)", id, at.Add(time.Hour))
				for k, item := range items {
					score := (i + k*3) % 11
					band := "low"
					switch {
					case item == "anxiety" && score >= 6:
						band = "high"
					case item != "anxiety" && score >= 7:
						band = "high"
					}
					b.add("INSERT INTO assessments (person_id, channel, instrument, version, occasion, item, score, band, completed_at) VALUES ",
						"(?, 'sms', 'ons4', 'ons4-harmonised-2018', 'baseline', ?, ?, ?, ?)", id, item, score, band, at)
				}
				need := needs[i%len(needs)]
				b.add("INSERT INTO needs (person_id, need, borough, met, created_at) VALUES ", "(?, ?, ?, TRUE, ?)", id, need, borough, at)
				b.add("INSERT INTO referrals (person_id, service_id, service_name, need, suggested_at) VALUES ",
					"(?, ?, ?, ?, ?)", id, "sample-seed-"+need, "Seeded "+need+" service", need, at)
				b.add("INSERT INTO messages (person_id, channel, direction, body, author, status, created_at) VALUES ",
					"(?, 'sms', 'in', 'rent and lonely', 'resident', '', ?)", id, at)
				b.add("INSERT INTO messages (person_id, channel, direction, body, author, status, created_at) VALUES ",
					"(?, 'sms', 'out', 'Some services that could help: ...', 'bot', 'delivered', ?)", id, at)
				b.add("INSERT INTO nudges (id, person_id, kind, dedupe_key, service, due_at, created_at) VALUES ",
					"(?, ?, 'reassess', 'reassess:seed', '', ?, ?)", fmt.Sprintf("n_seed%08d", i), id,
					now.Add(time.Duration(24+i%(30*24))*time.Hour), at)
			}
			return b.exec(ctx, t)
		})
		if err != nil {
			return fmt.Errorf("seed people %d-%d: %w", start, end-1, err)
		}
		if progress != nil {
			progress(end - from)
		}
	}
	return nil
}

// bulk gathers rows for multi-row INSERTs, one statement per table, in the order first used.
type bulk struct {
	order []string
	rows  map[string][]string
	args  map[string][]any
}

func (b *bulk) add(head, row string, args ...any) {
	if b.rows == nil {
		b.rows, b.args = map[string][]string{}, map[string][]any{}
	}
	if _, ok := b.rows[head]; !ok {
		b.order = append(b.order, head)
	}
	b.rows[head] = append(b.rows[head], row)
	b.args[head] = append(b.args[head], args...)
}

func (b *bulk) exec(ctx context.Context, t *Tx) error {
	for _, head := range b.order {
		// SQLite allows 32,766 parameters a statement; PostgreSQL 65,535.
		rows, args := b.rows[head], b.args[head]
		per := len(args) / len(rows)
		step := max(1, 30000/per)
		for i := 0; i < len(rows); i += step {
			j := min(i+step, len(rows))
			if _, err := t.exec(ctx, head+strings.Join(rows[i:j], ", "), args[i*per:j*per]...); err != nil {
				return err
			}
		}
	}
	return nil
}
