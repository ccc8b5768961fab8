package directory

import (
	"strings"
	"time"
)

// lookahead is how far ahead NextOpen looks: a service that next opens in three weeks is not
// worth presenting as "open soon".
const lookahead = 14 * 24 * time.Hour

var weekdayCodes = map[string]time.Weekday{
	"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday,
}

// NextOpen returns the next time, at or after now and within 14 days, that the service opens
// according to its WEEKLY schedules (those with ByDay and OpensAt), or now itself if it is open
// now. It reports false when no schedule is usable or nothing opens within 14 days.
//
// Opening times are wall-clock times in loc (Europe/London for Signpost), so each day's opening is
// built with time.Date rather than by adding hours: that keeps 09:00 at 09:00 across the BST/GMT
// changes. A nil loc means now's own location. Schedules with an interval other than weekly, or
// bank-holiday exceptions, are not modelled: HSDS feeds rarely fill them in reliably.
func (s Service) NextOpen(now time.Time, loc *time.Location) (time.Time, bool) {
	if loc == nil {
		loc = now.Location()
	}
	now = now.In(loc)
	limit := now.Add(lookahead)
	y, m, d := now.Date()

	var best time.Time
	found := false
	for _, sc := range s.Schedules {
		if !strings.EqualFold(sc.Freq, "WEEKLY") {
			continue
		}
		oh, om, ok := parseClock(sc.OpensAt)
		if !ok {
			continue
		}
		ch, cm, hasClose := parseClock(sc.ClosesAt)
		days := map[time.Weekday]bool{}
		for _, code := range sc.ByDay {
			if wd, ok := weekdayCodes[code]; ok {
				days[wd] = true
			}
		}
		if len(days) == 0 {
			continue
		}
		// Start a day early: a session that began yesterday evening may still be running.
		for off := -1; off <= 14; off++ {
			day := time.Date(y, m, d+off, 0, 0, 0, 0, loc)
			if !days[day.Weekday()] || !sc.validOn(day) {
				continue
			}
			dy, dm, dd := day.Date()
			open := time.Date(dy, dm, dd, oh, om, 0, 0, loc)
			if hasClose {
				closes := time.Date(dy, dm, dd, ch, cm, 0, 0, loc)
				if !closes.After(open) {
					closes = time.Date(dy, dm, dd+1, ch, cm, 0, 0, loc) // closes after midnight
				}
				if !now.Before(open) && now.Before(closes) {
					return now, true
				}
			}
			if open.Before(now) || open.After(limit) {
				continue
			}
			if !found || open.Before(best) {
				best, found = open, true
			}
		}
	}
	return best, found
}

// validOn reports whether day falls inside the schedule's valid_from..valid_to (inclusive).
// "YYYY-MM-DD" strings compare correctly as text.
func (sc Schedule) validOn(day time.Time) bool {
	ds := day.Format(time.DateOnly)
	if sc.ValidFrom != "" && ds < sc.ValidFrom {
		return false
	}
	if sc.ValidTo != "" && ds > sc.ValidTo {
		return false
	}
	return true
}
