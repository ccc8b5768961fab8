package directory

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func weekly(byday []string, opens, closes string) Schedule {
	return Schedule{Freq: "WEEKLY", ByDay: byday, OpensAt: opens, ClosesAt: closes}
}

func TestNextOpen(t *testing.T) {
	loc := london(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	tuThu := weekly([]string{"TU", "TH"}, "10:00", "13:00")
	monday9 := weekly([]string{"MO"}, "09:00", "12:00")
	sunday10 := weekly([]string{"SU"}, "10:00", "12:00")

	tests := []struct {
		name      string
		schedules []Schedule
		now       time.Time
		want      time.Time // zero when NextOpen should report false
		wantUTC   string    // the instant, to prove BST/GMT is right; "" to skip
	}{
		// Tuesday 21 October 2025 (BST).
		{name: "before opening on an open day", schedules: []Schedule{tuThu}, now: at(2025, 10, 21, 8, 0), want: at(2025, 10, 21, 10, 0)},
		{name: "open now returns now", schedules: []Schedule{tuThu}, now: at(2025, 10, 21, 11, 15), want: at(2025, 10, 21, 11, 15)},
		{name: "exactly at opening is open now", schedules: []Schedule{tuThu}, now: at(2025, 10, 21, 10, 0), want: at(2025, 10, 21, 10, 0)},
		{name: "at closing time it has closed", schedules: []Schedule{tuThu}, now: at(2025, 10, 21, 13, 0), want: at(2025, 10, 23, 10, 0)},
		{name: "after closing goes to the next open day", schedules: []Schedule{tuThu}, now: at(2025, 10, 21, 14, 0), want: at(2025, 10, 23, 10, 0)},
		{name: "after the last day of the week wraps round", schedules: []Schedule{tuThu}, now: at(2025, 10, 24, 9, 0), want: at(2025, 10, 28, 10, 0)},
		{name: "earliest of several schedules", schedules: []Schedule{tuThu, weekly([]string{"WE"}, "18:00", "20:00")}, now: at(2025, 10, 21, 14, 0), want: at(2025, 10, 22, 18, 0)},
		{name: "no closing time: only future openings count", schedules: []Schedule{weekly([]string{"TU"}, "10:00", "")}, now: at(2025, 10, 21, 11, 0), want: at(2025, 10, 28, 10, 0)},
		{name: "overnight session still open after midnight", schedules: []Schedule{weekly([]string{"FR"}, "22:00", "02:00")}, now: at(2025, 10, 25, 1, 0), want: at(2025, 10, 25, 1, 0)},

		// Clocks go back at 02:00 BST on Sunday 26 October 2025.
		{name: "October: Saturday evening BST to Monday morning GMT", schedules: []Schedule{monday9}, now: at(2025, 10, 25, 20, 0), want: at(2025, 10, 27, 9, 0), wantUTC: "2025-10-27T09:00:00Z"},
		{name: "October: on the changeover Sunday", schedules: []Schedule{sunday10}, now: at(2025, 10, 26, 0, 30), want: at(2025, 10, 26, 10, 0), wantUTC: "2025-10-26T10:00:00Z"},
		{name: "October: the Saturday before is still BST", schedules: []Schedule{weekly([]string{"SA"}, "10:00", "12:00")}, now: at(2025, 10, 24, 12, 0), want: at(2025, 10, 25, 10, 0), wantUTC: "2025-10-25T09:00:00Z"},

		// Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
		{name: "March: Saturday evening GMT to Monday morning BST", schedules: []Schedule{monday9}, now: at(2026, 3, 28, 20, 0), want: at(2026, 3, 30, 9, 0), wantUTC: "2026-03-30T08:00:00Z"},
		{name: "March: on the changeover Sunday", schedules: []Schedule{sunday10}, now: at(2026, 3, 28, 23, 0), want: at(2026, 3, 29, 10, 0), wantUTC: "2026-03-29T09:00:00Z"},

		// Validity windows.
		{name: "valid_to in the past", schedules: []Schedule{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ValidTo: "2025-10-01"}}, now: at(2025, 10, 21, 8, 0)},
		{name: "valid_from skips the weeks before it", schedules: []Schedule{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ValidFrom: "2025-10-28"}}, now: at(2025, 10, 21, 8, 0), want: at(2025, 10, 28, 10, 0)},
		{name: "valid_to includes its own day", schedules: []Schedule{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ValidTo: "2025-10-21"}}, now: at(2025, 10, 21, 8, 0), want: at(2025, 10, 21, 10, 0)},
		{name: "more than 14 days ahead", schedules: []Schedule{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ValidFrom: "2025-11-18"}}, now: at(2025, 10, 21, 8, 0)},

		// Nothing usable.
		{name: "no schedules", now: at(2025, 10, 21, 8, 0)},
		{name: "monthly only", schedules: []Schedule{{Freq: "MONTHLY", ByDay: []string{"1TU"}, OpensAt: "10:00"}}, now: at(2025, 10, 21, 8, 0)},
		{name: "weekly without days", schedules: []Schedule{weekly(nil, "10:00", "12:00")}, now: at(2025, 10, 21, 8, 0)},
		{name: "weekly without opening time", schedules: []Schedule{weekly([]string{"TU"}, "", "12:00")}, now: at(2025, 10, 21, 8, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Service{Schedules: tt.schedules}.NextOpen(tt.now, loc)
			if tt.want.IsZero() {
				if ok {
					t.Fatalf("NextOpen = %v, want none", got)
				}
				return
			}
			if !ok {
				t.Fatalf("NextOpen found nothing, want %v", tt.want)
			}
			if !got.Equal(tt.want) {
				t.Errorf("NextOpen = %v, want %v", got, tt.want)
			}
			if got.Location() != loc {
				t.Errorf("NextOpen location = %v, want %v", got.Location(), loc)
			}
			if tt.wantUTC != "" && got.UTC().Format(time.RFC3339) != tt.wantUTC {
				t.Errorf("NextOpen in UTC = %s, want %s", got.UTC().Format(time.RFC3339), tt.wantUTC)
			}
		})
	}
}

func TestNextOpenNilLocationUsesNow(t *testing.T) {
	loc := london(t)
	now := time.Date(2025, 10, 21, 8, 0, 0, 0, loc)
	got, ok := Service{Schedules: []Schedule{weekly([]string{"TU"}, "10:00", "12:00")}}.NextOpen(now, nil)
	if want := time.Date(2025, 10, 21, 10, 0, 0, 0, loc); !ok || !got.Equal(want) {
		t.Errorf("NextOpen = %v, %v; want %v", got, ok, want)
	}
}

// The official example's schedule ran only on 1 January 2005.
func TestNextOpenOfficialExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "service_full.json"))
	if err != nil {
		t.Fatal(err)
	}
	services, _, err := Parse(data)
	if err != nil || len(services) != 1 {
		t.Fatalf("Parse: %v", err)
	}
	if got, ok := services[0].NextOpen(time.Date(2025, 10, 23, 9, 0, 0, 0, london(t)), london(t)); ok {
		t.Errorf("NextOpen = %v, want none (schedule expired in 2005)", got)
	}
}
