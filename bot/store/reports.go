package store

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// Count is one bar of a report: a label and a number.
type Count struct {
	Key string `db:"key"`
	N   int    `db:"n"`
}

// BoroughNeed counts unmet needs of one kind in one borough.
type BoroughNeed struct {
	Borough string `db:"borough"`
	Need    string `db:"need"`
	N       int    `db:"n"`
}

// OutcomeStat summarises closed handoffs with one outcome.
type OutcomeStat struct {
	Outcome string
	N       int
	// Responded counts those with a link worker's reply; MedianResponse is the median time from
	// opening to that first reply.
	Responded      int
	MedianResponse time.Duration
}

// ItemChange is the paired change in one ONS4 item between a person's baseline and latest
// follow-up, averaged over the N people who answered both.
type ItemChange struct {
	Item         string
	N            int
	BaselineMean float64
	FollowUpMean float64
	MeanChange   float64
}

// Report is what commissioners see for a period.
type Report struct {
	Period Period
	People int
	// Engagement: people first in contact in the period.
	ByChannel, ByBorough, ByAgeGroup, ByWeek []Count
	// Needs recorded in the period, by category (each person once per need).
	Needs []Count
	// Needs for which no service matched, by borough.
	Unmet []BoroughNeed
	// Handoffs opened in the period, by outcome ("open" and "claimed" for those not closed).
	Handoffs       []OutcomeStat
	HandoffsTotal  int
	Responded      int
	MedianResponse time.Duration
	// ONS4 baseline against follow-up, paired by person.
	ONS4 []ItemChange
}

// ONS4Items are the ONS personal wellbeing items in the harmonised order.
var ONS4Items = []string{"life_satisfaction", "worthwhile", "happiness", "anxiety"}

// Report builds the commissioners' report for a period. Grouping by week is done here rather
// than in SQL, so that it reads the same on SQLite and PostgreSQL.
func (s *Store) Report(ctx context.Context, p Period) (Report, error) {
	r := Report{Period: p}
	people, err := s.People(ctx, p)
	if err != nil {
		return r, err
	}
	r.People = len(people)
	channel, borough, age, week := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, pp := range people {
		channel[pp.Channel]++
		b := pp.Borough
		if b == "" {
			b = "(not given)"
		}
		borough[b]++
		age[pp.AgeGroup]++
		week[WeekOf(pp.FirstContactAt).Format("2006-01-02")]++
	}
	r.ByChannel, r.ByBorough, r.ByAgeGroup = byCount(channel), byCount(borough), byCount(age)
	r.ByWeek = byKey(week)

	from, to := p.args()
	if err := s.db.SelectContext(ctx, &r.Needs, s.db.Rebind(`SELECT need AS key, COUNT(DISTINCT person_id) AS n FROM needs
		WHERE created_at >= ? AND created_at < ? GROUP BY need ORDER BY n DESC, need`), from, to); err != nil {
		return r, err
	}
	if err := s.db.SelectContext(ctx, &r.Unmet, s.db.Rebind(`SELECT CASE WHEN borough = '' THEN '(not given)' ELSE borough END AS borough,
		need, COUNT(DISTINCT person_id) AS n FROM needs WHERE NOT met AND created_at >= ? AND created_at < ?
		GROUP BY borough, need ORDER BY n DESC, borough, need`), from, to); err != nil {
		return r, err
	}

	hs, err := s.Handoffs(ctx, p)
	if err != nil {
		return r, err
	}
	r.HandoffsTotal = len(hs)
	stats := map[string][]time.Duration{}
	counts := map[string]int{}
	var all []time.Duration
	for _, h := range hs {
		key := h.Outcome
		if h.Status != "closed" || key == "" {
			key = h.Status
		}
		counts[key]++
		if h.FirstResponseAt.Valid {
			d := h.FirstResponseAt.Time.Sub(h.OpenedAt)
			stats[key] = append(stats[key], d)
			all = append(all, d)
		}
	}
	for k, n := range counts {
		r.Handoffs = append(r.Handoffs, OutcomeStat{Outcome: k, N: n, Responded: len(stats[k]), MedianResponse: median(stats[k])})
	}
	slices.SortFunc(r.Handoffs, func(a, b OutcomeStat) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Outcome, b.Outcome)) })
	r.Responded, r.MedianResponse = len(all), median(all)

	scores, err := s.Assessments(ctx, p)
	if err != nil {
		return r, err
	}
	r.ONS4 = PairedChange(scores)
	return r, nil
}

// PairedChange compares each person's first baseline score with their latest follow-up, per ONS4
// item; people without both are left out.
func PairedChange(rows []AssessmentRow) []ItemChange {
	type pair struct {
		base, follow       int
		hasBase, hasFollow bool
	}
	pairs := map[string]map[string]*pair{} // item -> person -> pair
	for _, a := range rows {               // oldest first
		if a.Instrument != "ons4" {
			continue
		}
		m := pairs[a.Item]
		if m == nil {
			m = map[string]*pair{}
			pairs[a.Item] = m
		}
		pp := m[a.PersonID]
		if pp == nil {
			pp = &pair{}
			m[a.PersonID] = pp
		}
		switch a.Occasion {
		case "baseline":
			if !pp.hasBase {
				pp.base, pp.hasBase = a.Score, true
			}
		case "follow_up":
			pp.follow, pp.hasFollow = a.Score, true
		}
	}
	out := make([]ItemChange, 0, len(ONS4Items))
	for _, item := range ONS4Items {
		c := ItemChange{Item: item}
		var sb, sf int
		for _, pp := range pairs[item] {
			if pp.hasBase && pp.hasFollow {
				c.N++
				sb += pp.base
				sf += pp.follow
			}
		}
		if c.N > 0 {
			c.BaselineMean = float64(sb) / float64(c.N)
			c.FollowUpMean = float64(sf) / float64(c.N)
			c.MeanChange = c.FollowUpMean - c.BaselineMean
		}
		out = append(out, c)
	}
	return out
}

// WeekOf returns the Monday (UTC) starting t's ISO week.
func WeekOf(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

func byCount(m map[string]int) []Count {
	cs := byKey(m)
	slices.SortStableFunc(cs, func(a, b Count) int { return cmp.Compare(b.N, a.N) })
	return cs
}

func byKey(m map[string]int) []Count {
	cs := make([]Count, 0, len(m))
	for k, n := range m {
		cs = append(cs, Count{Key: k, N: n})
	}
	slices.SortFunc(cs, func(a, b Count) int { return cmp.Compare(a.Key, b.Key) })
	return cs
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
