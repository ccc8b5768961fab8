// Package directory reads Open Referral UK (HSDS 3.0) community-service data and ranks services for a resident's needs.
//
// Real feeds are loosely typed: numbers arrive as strings and strings as numbers, phone numbers
// come wrapped in quotes and unused fields hold placeholders such as "wait_time": "wait_time".
// Parse therefore decodes each service into generic JSON values and picks out only what
// Signpost uses, so that a quirk in a field we ignore never costs a resident a service. A service
// is rejected only when it cannot be identified (no id or name) or is not active.
//
// See https://docs.openreferral.org/en/latest/hsds/schema_reference.html for HSDS 3.0 and
// https://openreferraluk.org for the UK profile.
package directory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Needs are the need codes Signpost understands, in the order residents are offered them.
var Needs = []string{
	"housing",
	"money",
	"work",
	"loneliness",
	"mental_wellbeing",
	"physical_activity",
	"food",
	"carers",
	"parenting",
	"bereavement",
	"young_people",
}

// Boroughs are the canonical names of the 32 London boroughs and the City of London.
var Boroughs = []string{
	"Barking and Dagenham",
	"Barnet",
	"Bexley",
	"Brent",
	"Bromley",
	"Camden",
	"City of London",
	"Croydon",
	"Ealing",
	"Enfield",
	"Greenwich",
	"Hackney",
	"Hammersmith and Fulham",
	"Haringey",
	"Harrow",
	"Havering",
	"Hillingdon",
	"Hounslow",
	"Islington",
	"Kensington and Chelsea",
	"Kingston upon Thames",
	"Lambeth",
	"Lewisham",
	"Merton",
	"Newham",
	"Redbridge",
	"Richmond upon Thames",
	"Southwark",
	"Sutton",
	"Tower Hamlets",
	"Waltham Forest",
	"Wandsworth",
	"Westminster",
}

// Service is one community service, flattened from HSDS 3.0 to what Signpost needs.
type Service struct {
	ID           string
	Name         string
	Organization string // organization.name if present
	Description  string // full description, trimmed
	Summary      string // one short line (<= 90 chars) for SMS: the first sentence of Description
	Phone        string // first phone number found, quotes stripped, trimmed
	Email        string
	URL          string
	Needs        []string // need codes from the service's taxonomy terms, in the order of Needs
	Boroughs     []string // canonical borough names, in the order of Boroughs
	LondonWide   bool     // serves all of London (or the UK), or gives no area at all
	MinAge       int      // 0 = no minimum
	MaxAge       int      // 0 = no maximum
	Schedules    []Schedule
	Raw          json.RawMessage // the original JSON of this service, unchanged
}

// Schedule is one HSDS schedule (an iCalendar-style recurrence) reduced to what NextOpen uses.
type Schedule struct {
	Freq        string   // "WEEKLY", "MONTHLY", "" ...
	ByDay       []string // "MO", "TU", ... (MONTHLY rules may carry a position, e.g. "1MO")
	OpensAt     string   // "HH:MM"
	ClosesAt    string   // "HH:MM"
	ValidFrom   string   // "YYYY-MM-DD" or ""
	ValidTo     string   // "YYYY-MM-DD" or ""
	Description string
}

// Rejection records a service that Parse could not accept, and why.
type Rejection struct {
	Index  int    // position of the service in the input (0 for a single service)
	ID     string // the service's id, if it had one
	Name   string // the service's name, if it had one
	Reason string
}

// MaxSummary is the longest Summary, in characters: room for the name and a phone number in a
// 160-character SMS segment.
const MaxSummary = 90

// Parse reads HSDS 3.0 / Open Referral UK JSON in any of its three shapes: a single service
// object, a JSON array of services, or a paginated page {"total_items": .., "contents": [...]}.
//
// A problem with one service becomes a Rejection and parsing continues; err is reserved for
// input that is not JSON of one of those shapes.
func Parse(data []byte) (services []Service, rejected []Rejection, err error) {
	// Windows tools often save JSON with a byte-order mark, which encoding/json refuses.
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(data) == 0 {
		return nil, nil, errors.New("directory: empty input")
	}

	var items []json.RawMessage
	switch data[0] {
	case '[':
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, nil, fmt.Errorf("directory: reading list of services: %w", err)
		}
	case '{':
		var top map[string]json.RawMessage
		if err := json.Unmarshal(data, &top); err != nil {
			return nil, nil, fmt.Errorf("directory: reading service object: %w", err)
		}
		// Only the page shape has "contents"; an HSDS service never does.
		if contents, ok := top["contents"]; ok {
			if !bytes.Equal(bytes.TrimSpace(contents), []byte("null")) {
				if err := json.Unmarshal(contents, &items); err != nil {
					return nil, nil, fmt.Errorf("directory: page \"contents\" is not a list of services: %w", err)
				}
			}
		} else {
			items = []json.RawMessage{bytes.Clone(data)}
		}
	default:
		return nil, nil, errors.New("directory: expected a service object, a list of services or a page with \"contents\"")
	}

	for i, raw := range items {
		svc, rej := parseService(raw)
		if rej != nil {
			rej.Index = i
			rejected = append(rejected, *rej)
			continue
		}
		services = append(services, svc)
	}
	return services, rejected, nil
}

// parseService flattens one service, or says why it cannot be used.
func parseService(raw json.RawMessage) (Service, *Rejection) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers exact and let asString render them as written
	var v any
	if err := dec.Decode(&v); err != nil {
		return Service{}, &Rejection{Reason: "not valid JSON: " + err.Error()}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return Service{}, &Rejection{Reason: "not a JSON object"}
	}
	o := object(m)

	s := Service{
		ID:          o.str("id"),
		Name:        o.str("name"),
		Description: strings.TrimSpace(o.str("description")),
		Email:       o.str("email"),
		URL:         o.str("url"),
		Raw:         raw,
	}

	var reasons []string
	if s.ID == "" {
		reasons = append(reasons, "missing id")
	}
	if s.Name == "" {
		reasons = append(reasons, "missing name")
	}
	if status := o.str("status"); status != "" && !strings.EqualFold(status, "active") {
		reasons = append(reasons, fmt.Sprintf("status is %q, not \"active\"", status))
	}
	if len(reasons) > 0 {
		return Service{}, &Rejection{ID: s.ID, Name: s.Name, Reason: strings.Join(reasons, "; ")}
	}

	org := o.obj("organization")
	s.Organization = org.str("name")
	// A service without its own contact details is still reachable through its organisation.
	if s.Email == "" {
		s.Email = org.str("email")
	}
	if s.URL == "" {
		s.URL = firstNonEmpty(org.str("website"), org.str("url"))
	}
	s.Summary = Summarise(s.Description)
	s.Phone = firstPhone(o)
	s.Needs = serviceNeeds(o)
	s.Boroughs, s.LondonWide = serviceAreas(o)
	s.MinAge, s.MaxAge = serviceAges(o)
	s.Schedules = serviceSchedules(o)
	return s, nil
}

// firstPhone looks for a number on the service, then on its contacts and locations, then on its
// organisation: the nearest number is the most useful one to text a resident.
func firstPhone(o object) string {
	var groups [][]object
	groups = append(groups, o.objs("phones"))
	for _, c := range o.objs("contacts") {
		groups = append(groups, c.objs("phones"))
	}
	for _, sal := range o.objs("service_at_locations") {
		groups = append(groups, sal.objs("phones"))
		for _, c := range sal.objs("contacts") {
			groups = append(groups, c.objs("phones"))
		}
		groups = append(groups, sal.obj("location").objs("phones"))
	}
	groups = append(groups, o.obj("organization").objs("phones"))
	for _, phones := range groups {
		for _, p := range phones {
			if n := cleanPhone(p.str("number")); n != "" {
				return n
			}
		}
	}
	return ""
}

// cleanPhone strips the stray quotes some feeds put inside the string ("\"+44 1234 234567\"").
func cleanPhone(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "\"'"))
}

// serviceAges reads HSDS 3.0 minimum_age/maximum_age, falling back to the structured
// eligibility records of Open Referral UK 1.0 and HSDS 2. Free-text eligibility_description is
// deliberately not parsed: parenting services say "for parents of children aged 0-5", and reading
// that as the resident's age range would hide them from the parents they are for.
func serviceAges(o object) (minAge, maxAge int) {
	minAge, _ = o.int("minimum_age")
	maxAge, _ = o.int("maximum_age")
	if minAge == 0 && maxAge == 0 {
		for _, key := range []string{"eligibilitys", "eligibility", "eligibilities"} {
			for _, e := range o.objs(key) {
				if v, ok := e.int("minimum_age"); ok && v > 0 && (minAge == 0 || v < minAge) {
					minAge = v
				}
				if v, ok := e.int("maximum_age"); ok && v > maxAge {
					maxAge = v
				}
			}
		}
	}
	// Negative or nonsense values mean "no limit" rather than "nobody".
	minAge = max(minAge, 0)
	maxAge = max(maxAge, 0)
	if maxAge > 0 && maxAge < minAge {
		maxAge = 0
	}
	return minAge, maxAge
}

// serviceSchedules reads the service's own schedules (HSDS 3.0 "schedules", Open Referral UK
// 1.0 "regular_schedules") and those of its service_at_locations, dropping duplicates: the
// official example repeats the same schedule at each level.
func serviceSchedules(o object) []Schedule {
	var raw []object
	raw = append(raw, o.objs("schedules")...)
	raw = append(raw, o.objs("regular_schedules")...)
	for _, sal := range o.objs("service_at_locations") {
		raw = append(raw, sal.objs("schedules")...)
		raw = append(raw, sal.objs("regular_schedules")...)
	}
	var out []Schedule
	seen := map[string]bool{}
	for _, r := range raw {
		sc := Schedule{
			Freq:        strings.ToUpper(r.str("freq")),
			ByDay:       parseByDay(r["byday"]),
			OpensAt:     normaliseClock(r.str("opens_at")),
			ClosesAt:    normaliseClock(r.str("closes_at")),
			ValidFrom:   normaliseDate(r.str("valid_from")),
			ValidTo:     normaliseDate(r.str("valid_to")),
			Description: strings.TrimSpace(r.str("description")),
		}
		key := fmt.Sprintf("%#v", sc)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, sc)
	}
	return out
}

// dayCodes maps the ways feeds write weekdays to iCalendar BYDAY codes.
var dayCodes = map[string]string{
	"MO": "MO", "MON": "MO", "MONDAY": "MO",
	"TU": "TU", "TUE": "TU", "TUES": "TU", "TUESDAY": "TU",
	"WE": "WE", "WED": "WE", "WEDNESDAY": "WE",
	"TH": "TH", "THU": "TH", "THUR": "TH", "THURS": "TH", "THURSDAY": "TH",
	"FR": "FR", "FRI": "FR", "FRIDAY": "FR",
	"SA": "SA", "SAT": "SA", "SATURDAY": "SA",
	"SU": "SU", "SUN": "SU", "SUNDAY": "SU",
}

// parseByDay accepts "TH,FR", "TH FR", ["TH","FR"] or day names, and keeps positional MONTHLY
// codes such as "1MO" or "-1FR" as written.
func parseByDay(v any) []string {
	var parts []string
	switch t := v.(type) {
	case string:
		parts = strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	case []any:
		for _, e := range t {
			parts = append(parts, asString(e))
		}
	}
	var out []string
	for _, p := range parts {
		p = strings.ToUpper(strings.TrimSpace(p))
		if p == "" || p == "BYDAY" {
			continue
		}
		if code, ok := dayCodes[p]; ok {
			p = code
		}
		out = append(out, p)
	}
	return out
}

// normaliseClock turns "10:00:00", "10:00", "9:30" or "10:00:00+01:00" into "HH:MM", or "" when
// the value is not a time of day. "24:00" is kept: it is a common way to write "until midnight".
func normaliseClock(s string) string {
	h, m, ok := parseClock(s)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// parseClock reads the hour and minute at the start of s.
func parseClock(s string) (hour, minute int, ok bool) {
	s = strings.TrimSpace(s)
	hs, rest, found := strings.Cut(s, ":")
	if !found || len(hs) == 0 || len(hs) > 2 || len(rest) < 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(rest[:2])
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, 0, false
	}
	return h, m, true
}

// normaliseDate keeps the "YYYY-MM-DD" part of a date or date-time, or "" if there is none.
func normaliseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	d := s[:10]
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return ""
	}
	if !isDate(d) {
		return ""
	}
	return d
}

func isDate(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	y, e1 := strconv.Atoi(d[:4])
	mo, e2 := strconv.Atoi(d[5:7])
	day, e3 := strconv.Atoi(d[8:])
	return e1 == nil && e2 == nil && e3 == nil && y > 0 && mo >= 1 && mo <= 12 && day >= 1 && day <= 31
}

// Summarise returns the first sentence of a description, shortened at a word boundary to at most
// MaxSummary characters (ending in "..." when shortened). It uses only ASCII punctuation of its own
// so that it never pushes an SMS into UCS-2.
func Summarise(desc string) string {
	s := strings.Join(strings.Fields(desc), " ")
	if s == "" {
		return ""
	}
	if end := sentenceEnd(s); end > 0 {
		s = s[:end]
	}
	if utf8.RuneCountInString(s) <= MaxSummary {
		return s
	}
	runes := []rune(s)
	limit := MaxSummary - len("...")
	cut := string(runes[:limit])
	if runes[limit] != ' ' {
		// Drop the partial word, unless that would leave almost nothing (one enormous word).
		if i := strings.LastIndexByte(cut, ' '); i > limit/3 {
			cut = cut[:i]
		}
	}
	cut = strings.TrimRight(cut, " ,;:-(/&")
	return cut + "..."
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "eg": true, "i.e": true, "ie": true, "etc": true, "inc": true, "ltd": true,
	"st": true, "dr": true, "mr": true, "mrs": true, "ms": true, "no": true, "approx": true,
	"incl": true, "vs": true,
}

// sentenceEnd returns the byte offset just after the first sentence's closing punctuation, or 0
// if s is one sentence.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue // "3.5", "example.org"
		}
		if i+1 >= len(s) {
			return 0
		}
		// The next sentence starts with a capital, digit or quote; "e.g. the" does not.
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '\'') {
			continue
		}
		if c == '.' {
			start := strings.LastIndexByte(s[:i], ' ') + 1
			word := strings.ToLower(s[start:i])
			if abbreviations[word] || utf8.RuneCountInString(word) == 1 {
				continue
			}
		}
		return i + 1
	}
	return 0
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// object is a decoded JSON object with tolerant accessors: a field of the wrong type reads as
// empty rather than failing the service.
type object map[string]any

// str returns a string field, rendering numbers and booleans as written. A value equal to its own
// field name ("wait_time": "wait_time") is a placeholder left by a template and reads as empty.
func (o object) str(key string) string {
	s := asString(o[key])
	if strings.EqualFold(s, key) {
		return ""
	}
	return s
}

// int returns a whole-number field given as a number or a numeric string.
func (o object) int(key string) (int, bool) {
	switch t := o[key].(type) {
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return int(n), true
		}
		if f, err := t.Float64(); err == nil {
			return int(f), true
		}
	case string:
		s := strings.TrimSpace(t)
		if n, err := strconv.Atoi(s); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return int(f), true
		}
	}
	return 0, false
}

// obj returns a nested object, or nil (which reads as empty).
func (o object) obj(key string) object {
	m, _ := o[key].(map[string]any)
	return m
}

// objs returns a list of objects, skipping elements that are not objects. A lone object where a
// list was expected is treated as a list of one.
func (o object) objs(key string) []object {
	switch t := o[key].(type) {
	case map[string]any:
		return []object{t}
	case []any:
		out := make([]object, 0, len(t))
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func asString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case bool:
		return strconv.FormatBool(t)
	}
	return ""
}
