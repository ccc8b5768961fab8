package directory

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Query describes the resident a ranking is for.
type Query struct {
	Needs   []string // need codes, in the resident's order
	Borough string   // canonical borough, or "" when not known
	Age     int      // 0 = unknown, assumed adult
	Now     time.Time
	Loc     *time.Location
}

// Match is a service suggested for one of the resident's needs.
type Match struct {
	Service Service
	Need    string // the first of the resident's needs that the service serves
}

// adultAge is the age below which a service is for young people only. An SMS resident is an adult
// unless they say otherwise, so a service for under-18s is not offered to someone of unknown age.
const adultAge = 18

// Rank returns the services that serve any of q.Needs, best first:
//
//   - Services in q.Borough come first, then London-wide ones; when q.Borough is set, services
//     that are neither are left out. When q.Borough is "", London-wide services come first, then
//     the rest.
//   - Within each tier the resident's needs take turns (round-robin, in the resident's order),
//     so that someone who asked about housing and loneliness does not see three housing services
//     before the first loneliness one.
//   - For one need, services opening soonest come first (open now counts as soonest), then those
//     with no schedule or opening later than 14 days; ties go by name, then id.
//   - Services the resident is outside the age range of are left out.
//
// Each service appears once, for the first of the resident's needs it serves; services with the
// same non-empty ID are treated as one. The output is deterministic for the same input.
func Rank(services []Service, q Query) []Match {
	needs := dedupe(q.Needs)
	if len(needs) == 0 {
		return nil
	}
	borough := q.Borough
	if b, ok := CanonicalBorough(borough); ok {
		borough = b
	}

	type candidate struct {
		svc      Service
		need     string
		tier     int
		opens    time.Time
		hasOpens bool
	}
	// buckets[tier][needIndex] holds the candidates for one need in one tier.
	buckets := [2][][]candidate{make([][]candidate, len(needs)), make([][]candidate, len(needs))}
	seen := map[string]bool{}

	for _, s := range services {
		if s.ID != "" {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
		}
		ni := slices.IndexFunc(needs, func(n string) bool { return slices.Contains(s.Needs, n) })
		if ni < 0 || !ageFits(s, q.Age) {
			continue
		}
		tier := 0
		switch {
		case borough != "" && slices.Contains(s.Boroughs, borough):
			tier = 0
		case borough != "" && s.LondonWide:
			tier = 1
		case borough != "":
			continue // serves other parts of London only
		case s.LondonWide:
			tier = 0
		default:
			tier = 1
		}
		c := candidate{svc: s, need: needs[ni], tier: tier}
		if !q.Now.IsZero() {
			c.opens, c.hasOpens = s.NextOpen(q.Now, q.Loc)
		}
		buckets[tier][ni] = append(buckets[tier][ni], c)
	}

	var out []Match
	for tier := range buckets {
		for _, b := range buckets[tier] {
			slices.SortFunc(b, func(x, y candidate) int {
				if x.hasOpens != y.hasOpens {
					if x.hasOpens {
						return -1
					}
					return 1
				}
				if c := x.opens.Compare(y.opens); x.hasOpens && c != 0 {
					return c
				}
				if c := cmp.Compare(strings.ToLower(x.svc.Name), strings.ToLower(y.svc.Name)); c != 0 {
					return c
				}
				if c := cmp.Compare(x.svc.Name, y.svc.Name); c != 0 {
					return c
				}
				return cmp.Compare(x.svc.ID, y.svc.ID)
			})
		}
		// Round-robin: the i-th service of each need, for i = 0, 1, 2, ...
		for i := 0; ; i++ {
			took := false
			for _, b := range buckets[tier] {
				if i < len(b) {
					out = append(out, Match{Service: b[i].svc, Need: b[i].need})
					took = true
				}
			}
			if !took {
				break
			}
		}
	}
	return out
}

// ageFits reports whether a resident of the given age (0 = unknown, assumed adult) may use s.
func ageFits(s Service, age int) bool {
	if age <= 0 {
		return s.MaxAge == 0 || s.MaxAge >= adultAge
	}
	if s.MinAge > 0 && age < s.MinAge {
		return false
	}
	if s.MaxAge > 0 && age > s.MaxAge {
		return false
	}
	return true
}

// dedupe keeps the first occurrence of each need, in order.
func dedupe(needs []string) []string {
	var out []string
	for _, n := range needs {
		n = strings.TrimSpace(n)
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
