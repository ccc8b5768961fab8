package directory

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// svc builds a test service; where is a borough name, "LW" for London-wide, or "" for neither.
func svc(id string, needs []string, where string, opts ...func(*Service)) Service {
	s := Service{ID: id, Name: id, Needs: needs}
	switch where {
	case "LW":
		s.LondonWide = true
	case "":
	default:
		s.Boroughs = []string{where}
	}
	for _, o := range opts {
		o(&s)
	}
	return s
}

func ages(minAge, maxAge int) func(*Service) {
	return func(s *Service) { s.MinAge, s.MaxAge = minAge, maxAge }
}

func opens(byday, at, closes string) func(*Service) {
	return func(s *Service) {
		s.Schedules = append(s.Schedules, Schedule{Freq: "WEEKLY", ByDay: []string{byday}, OpensAt: at, ClosesAt: closes})
	}
}

func ids(ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Service.ID)
	}
	return strings.Join(out, " ")
}

func TestRank(t *testing.T) {
	loc := london(t)
	// Tuesday 21 October 2025, 11:00 BST.
	now := time.Date(2025, 10, 21, 11, 0, 0, 0, loc)
	housing := []string{"housing"}

	tests := []struct {
		name     string
		services []Service
		q        Query
		want     string // ids in order
	}{
		{
			name: "borough first, then London-wide; other boroughs left out",
			services: []Service{
				svc("lw-a", housing, "LW"),
				svc("camden-a", housing, "Camden"),
				svc("hackney-a", housing, "Hackney"),
				svc("nowhere-a", housing, ""),
				svc("hackney-b", housing, "Hackney"),
			},
			q:    Query{Needs: housing, Borough: "Hackney"},
			want: "hackney-a hackney-b lw-a",
		},
		{
			name: "borough written loosely is canonicalised",
			services: []Service{
				svc("lw-a", housing, "LW"),
				svc("hackney-a", housing, "Hackney"),
			},
			q:    Query{Needs: housing, Borough: "london borough of hackney"},
			want: "hackney-a lw-a",
		},
		{
			name: "service in the borough and London-wide counts as in the borough",
			services: []Service{
				svc("lw-a", housing, "LW"),
				svc("both", housing, "Hackney", func(s *Service) { s.LondonWide = true }),
			},
			q:    Query{Needs: housing, Borough: "Hackney"},
			want: "both lw-a",
		},
		{
			name: "no borough: London-wide first, then everything else",
			services: []Service{
				svc("camden-a", housing, "Camden"),
				svc("lw-b", housing, "LW"),
				svc("nowhere-a", housing, ""),
				svc("lw-a", housing, "LW"),
			},
			q:    Query{Needs: housing},
			want: "lw-a lw-b camden-a nowhere-a",
		},
		{
			name: "services for other needs are left out",
			services: []Service{
				svc("food-a", []string{"food"}, "LW"),
				svc("housing-a", housing, "LW"),
				svc("no-needs", nil, "LW"),
			},
			q:    Query{Needs: housing},
			want: "housing-a",
		},
		{
			name: "unknown age is assumed adult: under-18 services left out",
			services: []Service{
				svc("youth-11-16", housing, "LW", ages(11, 16)),
				svc("youth-11-25", housing, "LW", ages(11, 25)),
				svc("youth-11-18", housing, "LW", ages(11, 18)),
				svc("adults", housing, "LW", ages(18, 0)),
				svc("over-60s", housing, "LW", ages(60, 0)),
				svc("anyone", housing, "LW"),
			},
			q:    Query{Needs: housing},
			want: "adults anyone over-60s youth-11-18 youth-11-25",
		},
		{
			name: "a 15 year old sees youth services, not adult-only ones",
			services: []Service{
				svc("youth-11-16", housing, "LW", ages(11, 16)),
				svc("youth-16-25", housing, "LW", ages(16, 25)),
				svc("adults", housing, "LW", ages(18, 0)),
				svc("anyone", housing, "LW"),
			},
			q:    Query{Needs: housing, Age: 15},
			want: "anyone youth-11-16",
		},
		{
			name: "a 70 year old sees over-60s services, not youth ones",
			services: []Service{
				svc("youth-11-25", housing, "LW", ages(11, 25)),
				svc("over-60s", housing, "LW", ages(60, 0)),
				svc("working-age", housing, "LW", ages(18, 66)),
			},
			q:    Query{Needs: housing, Age: 70},
			want: "over-60s",
		},
		{
			name: "needs take turns within a tier",
			services: []Service{
				svc("h1", housing, "Hackney"),
				svc("h2", housing, "Hackney"),
				svc("h3", housing, "Hackney"),
				svc("l1", []string{"loneliness"}, "Hackney"),
				svc("l2", []string{"loneliness"}, "Hackney"),
				svc("lw-h", housing, "LW"),
				svc("lw-l", []string{"loneliness"}, "LW"),
			},
			q:    Query{Needs: []string{"housing", "loneliness"}, Borough: "Hackney"},
			want: "h1 l1 h2 l2 h3 lw-h lw-l",
		},
		{
			name: "the resident's order of needs decides who goes first",
			services: []Service{
				svc("h1", housing, "LW"),
				svc("h2", housing, "LW"),
				svc("l1", []string{"loneliness"}, "LW"),
			},
			q:    Query{Needs: []string{"loneliness", "housing", "loneliness"}},
			want: "l1 h1 h2",
		},
		{
			name: "a service serving two needs appears once, under the first",
			services: []Service{
				svc("both", []string{"loneliness", "housing"}, "LW"),
				svc("h1", housing, "LW"),
			},
			q:    Query{Needs: []string{"housing", "loneliness"}},
			want: "both h1",
		},
		{
			name: "open now, then opening soon, then later, then no schedule",
			services: []Service{
				svc("a-no-schedule", housing, "LW"),
				svc("b-next-week", housing, "LW", opens("MO", "09:00", "17:00")),
				svc("c-this-afternoon", housing, "LW", opens("TU", "14:00", "16:00")),
				svc("d-open-now", housing, "LW", opens("TU", "10:00", "12:00")),
				svc("e-monthly-only", housing, "LW", func(s *Service) {
					s.Schedules = []Schedule{{Freq: "MONTHLY", ByDay: []string{"1TU"}, OpensAt: "10:00"}}
				}),
			},
			q:    Query{Needs: housing, Now: now, Loc: loc},
			want: "d-open-now c-this-afternoon b-next-week a-no-schedule e-monthly-only",
		},
		{
			name: "two open now tie on time and go by name",
			services: []Service{
				svc("zeta", housing, "LW", opens("TU", "10:00", "12:00")),
				svc("Alpha", housing, "LW", opens("TU", "09:00", "12:00")),
			},
			q:    Query{Needs: housing, Now: now, Loc: loc},
			want: "Alpha zeta",
		},
		{
			name: "without a clock, order is by name",
			services: []Service{
				svc("b", housing, "LW", opens("TU", "10:00", "12:00")),
				svc("a", housing, "LW"),
			},
			q:    Query{Needs: housing},
			want: "a b",
		},
		{
			name: "the same id twice is one service",
			services: []Service{
				svc("dup", housing, "LW"),
				svc("dup", housing, "LW"),
			},
			q:    Query{Needs: housing},
			want: "dup",
		},
		{
			name:     "no needs, no matches",
			services: []Service{svc("h1", housing, "LW")},
			q:        Query{},
			want:     "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.services, tt.q)
			if ids(got) != tt.want {
				t.Errorf("Rank = %q\n      want %q", ids(got), tt.want)
			}
		})
	}
}

func TestRankMatchNeed(t *testing.T) {
	got := Rank([]Service{svc("both", []string{"housing", "loneliness"}, "LW")}, Query{Needs: []string{"loneliness", "housing"}})
	if len(got) != 1 || got[0].Need != "loneliness" {
		t.Fatalf("Rank = %+v, want one match for loneliness", got)
	}
}

// The same services in any order give the same ranking.
func TestRankDeterministic(t *testing.T) {
	loc := london(t)
	services := Sample()
	q := Query{
		Needs:   []string{"loneliness", "food", "mental_wellbeing"},
		Borough: "Hackney",
		Now:     time.Date(2025, 10, 25, 20, 0, 0, 0, loc),
		Loc:     loc,
	}
	want := ids(Rank(services, q))
	if want == "" {
		t.Fatal("Rank found nothing in the sample")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(services)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := ids(Rank(shuffled, q)); got != want {
			t.Fatalf("Rank of shuffled input =\n%s\nwant\n%s", got, want)
		}
	}
}

// An end-to-end check on the sample: a Hackney resident asking about housing and loneliness.
func TestRankSample(t *testing.T) {
	loc := london(t)
	got := Rank(Sample(), Query{
		Needs:   []string{"housing", "loneliness"},
		Borough: "Hackney",
		Now:     time.Date(2025, 10, 21, 9, 0, 0, 0, loc),
		Loc:     loc,
	})
	if len(got) < 3 {
		t.Fatalf("got %d matches, want at least 3", len(got))
	}
	if got[0].Need != "housing" || got[1].Need != "loneliness" {
		t.Errorf("first two needs = %s, %s; want housing then loneliness", got[0].Need, got[1].Need)
	}
	seenLondonWide := false
	for i, m := range got {
		inHackney := slices.Contains(m.Service.Boroughs, "Hackney")
		if !inHackney && !m.Service.LondonWide {
			t.Errorf("match %d %q is neither in Hackney nor London-wide", i, m.Service.ID)
		}
		if inHackney && seenLondonWide {
			t.Errorf("match %d %q (Hackney) comes after a London-wide service", i, m.Service.ID)
		}
		if !inHackney {
			seenLondonWide = true
		}
		if m.Service.MaxAge > 0 && m.Service.MaxAge < adultAge {
			t.Errorf("match %q is for under-18s but the resident's age is unknown", m.Service.ID)
		}
	}
}
