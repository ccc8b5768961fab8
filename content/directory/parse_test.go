package directory

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The official HSDS 3.0 examples must parse with every service accepted, quirks and all.
func TestParseOfficialExamples(t *testing.T) {
	tests := []struct {
		file       string
		phone      string
		londonWide bool
		schedules  int
	}{
		// service_full names a (non-London) service area and location, so it is neither
		// London-wide nor in a borough; its phone number is wrapped in quotes.
		{file: "service_full.json", phone: "+44 1234 234567", londonWide: false, schedules: 1},
		// The page example carries no area, location or phone at all.
		{file: "service_list.json", phone: "", londonWide: true, schedules: 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			services, rejected, err := Parse(data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(rejected) != 0 {
				t.Fatalf("rejected %+v, want none", rejected)
			}
			if len(services) != 1 {
				t.Fatalf("got %d services, want 1", len(services))
			}
			s := services[0]
			checks := []struct {
				field     string
				got, want any
			}{
				{"ID", s.ID, "ac148810-d857-441c-9679-408f346de14b"},
				{"Name", s.Name, "Community Counselling"},
				{"Organization", s.Organization, "Example Organization Inc."},
				{"Summary", s.Summary, "Counselling Services provided by trained professionals."},
				{"Phone", s.Phone, tt.phone},
				{"Email", s.Email, "email@example.com"},
				{"URL", s.URL, "http://example.com/counselling"},
				{"MinAge", s.MinAge, 12},
				{"MaxAge", s.MaxAge, 100},
				{"LondonWide", s.LondonWide, tt.londonWide},
				{"len(Boroughs)", len(s.Boroughs), 0},
				{"len(Needs)", len(s.Needs), 0}, // its only term is the placeholder "code"/"name"
				{"len(Schedules)", len(s.Schedules), tt.schedules},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
				}
			}
			if strings.HasSuffix(s.Description, " ") || !strings.HasPrefix(s.Description, "Counselling Services") {
				t.Errorf("Description = %q, want the trimmed description", s.Description)
			}
			if !json.Valid(s.Raw) || !bytes.Contains(s.Raw, []byte(`"wait_time": "wait_time"`)) {
				t.Errorf("Raw does not hold the original service JSON: %.80s", s.Raw)
			}
		})
	}

	t.Run("service_full schedule", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join("testdata", "service_full.json"))
		if err != nil {
			t.Fatal(err)
		}
		services, _, _ := Parse(data)
		if len(services) != 1 || len(services[0].Schedules) != 1 {
			t.Fatalf("want one service with one (deduplicated) schedule, got %+v", services)
		}
		got := services[0].Schedules[0]
		want := Schedule{
			Freq: "WEEKLY", ByDay: []string{"TH", "FR"}, OpensAt: "10:00", ClosesAt: "18:00",
			ValidFrom: "2005-01-01", ValidTo: "2005-01-01",
			Description: "The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.",
		}
		if !schedulesEqual(got, want) {
			t.Errorf("schedule = %+v\nwant       %+v", got, want)
		}
		// Raw is the input unchanged.
		if !bytes.Equal(services[0].Raw, bytes.TrimSpace(data)) {
			t.Error("Raw differs from the input file")
		}
	})
}

func schedulesEqual(a, b Schedule) bool {
	return a.Freq == b.Freq && slices.Equal(a.ByDay, b.ByDay) && a.OpensAt == b.OpensAt &&
		a.ClosesAt == b.ClosesAt && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo &&
		a.Description == b.Description
}

func TestParseShapes(t *testing.T) {
	one := `{"id": "a", "name": "Alpha"}`
	two := `{"id": "b", "name": "Beta"}`
	tests := []struct {
		name    string
		input   string
		wantIDs []string
		wantErr bool
	}{
		{name: "single object", input: one, wantIDs: []string{"a"}},
		{name: "single object with surrounding whitespace", input: "\n  " + one + "\n", wantIDs: []string{"a"}},
		{name: "single object with byte-order mark", input: "\uFEFF" + one, wantIDs: []string{"a"}},
		{name: "array", input: "[" + one + "," + two + "]", wantIDs: []string{"a", "b"}},
		{name: "empty array", input: "[]", wantIDs: nil},
		{name: "page", input: `{"total_items": 2, "page_number": 1, "contents": [` + one + "," + two + "]}", wantIDs: []string{"a", "b"}},
		{name: "page with no contents", input: `{"total_items": 0, "contents": []}`, wantIDs: nil},
		{name: "page with null contents", input: `{"total_items": 0, "contents": null}`, wantIDs: nil},
		{name: "empty input", input: "  ", wantErr: true},
		{name: "null", input: "null", wantErr: true},
		{name: "number", input: "42", wantErr: true},
		{name: "string", input: `"service"`, wantErr: true},
		{name: "truncated object", input: `{"id": "a"`, wantErr: true},
		{name: "truncated array", input: "[" + one, wantErr: true},
		{name: "page whose contents is not a list", input: `{"contents": {"id": "a"}}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			services, rejected, err := Parse([]byte(tt.input))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Parse succeeded with %d services, want an error", len(services))
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(rejected) != 0 {
				t.Errorf("rejected = %+v, want none", rejected)
			}
			var ids []string
			for _, s := range services {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, tt.wantIDs) {
				t.Errorf("ids = %q, want %q", ids, tt.wantIDs)
			}
		})
	}
}

func TestParseRejections(t *testing.T) {
	input := `[
		{"id": "ok-1", "name": "Accepted"},
		{"name": "No Id Here"},
		{"id": "no-name"},
		{"id": "closed", "name": "Closed Service", "status": "inactive"},
		{"id": "", "name": "", "status": "defunct"},
		42,
		{"id": "ok-2", "name": "Capitalised Status", "status": "Active"},
		{"id": "ok-3", "name": "Placeholder Status", "status": "status"},
		{"id": 7, "name": "Numeric Id"}
	]`
	services, rejected, err := Parse([]byte(input))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var ids []string
	for _, s := range services {
		ids = append(ids, s.ID)
	}
	if want := []string{"ok-1", "ok-2", "ok-3", "7"}; !slices.Equal(ids, want) {
		t.Errorf("accepted ids = %q, want %q", ids, want)
	}

	want := []struct {
		index        int
		id, name     string
		reasonPhrase []string
	}{
		{1, "", "No Id Here", []string{"missing id"}},
		{2, "no-name", "", []string{"missing name"}},
		{3, "closed", "Closed Service", []string{`status is "inactive"`}},
		{4, "", "", []string{"missing id", "missing name", `status is "defunct"`}},
		{5, "", "", []string{"not a JSON object"}},
	}
	if len(rejected) != len(want) {
		t.Fatalf("got %d rejections %+v, want %d", len(rejected), rejected, len(want))
	}
	for i, w := range want {
		r := rejected[i]
		t.Run(r.Reason, func(t *testing.T) {
			if r.Index != w.index || r.ID != w.id || r.Name != w.name {
				t.Errorf("rejection = %+v, want index %d id %q name %q", r, w.index, w.id, w.name)
			}
			for _, phrase := range w.reasonPhrase {
				if !strings.Contains(r.Reason, phrase) {
					t.Errorf("reason %q does not mention %q", r.Reason, phrase)
				}
			}
		})
	}
}

// A messy but usable feed: nothing here may cost the service.
func TestParseTolerance(t *testing.T) {
	input := `{
		"id": "messy-1",
		"name": "  Messy Feed Service ",
		"description": "  Helps people   with debts.\nSecond sentence here.  ",
		"status": "ACTIVE",
		"wait_time": "wait_time",
		"fees": 0,
		"minimum_age": "18",
		"maximum_age": 64.0,
		"url": 12345,
		"phones": [{"id": "p0", "number": null}, {"id": "p1", "number": " '020 7946 0999' "}],
		"organization": {"name": "Messy Org", "email": "org@example.org", "year_incorporated": "unknown"},
		"schedules": [
			{"freq": "weekly", "byday": ["monday", "Wed"], "opens_at": "9:30", "closes_at": "17:00:00+01:00",
			 "valid_from": "2025-01-01T00:00:00Z", "valid_to": "not a date", "timezone": 3},
			{"freq": "MONTHLY", "byday": "1MO", "opens_at": "noon"}
		],
		"service_areas": {"name": "Hackney & Islington"},
		"service_at_locations": [
			{"location": {"addresses": [{"address_1": "1 Harrow Road", "city": "London", "state_province": "LB Camden"}]}},
			{"location": {"addresses": "not a list"}},
			"junk"
		],
		"attributes": [
			{"taxonomy_term": {"code": "code", "name": "Debt advice and support"}},
			{"taxonomy_term": {"code": "mental_wellbeing"}},
			{"value": "Food bank"},
			{"value": 3},
			{"taxonomy_term": "not an object"},
			{"taxonomy_term": {"name": "Underwater basket weaving"}}
		]
	}`
	services, rejected, err := Parse([]byte(input))
	if err != nil || len(rejected) != 0 || len(services) != 1 {
		t.Fatalf("Parse = %d services, rejected %+v, err %v; want the one service accepted", len(services), rejected, err)
	}
	s := services[0]
	checks := []struct {
		field     string
		got, want any
	}{
		{"Name", s.Name, "Messy Feed Service"},
		{"Description", s.Description, "Helps people   with debts.\nSecond sentence here."},
		{"Summary", s.Summary, "Helps people with debts."},
		{"Phone (quotes stripped, null skipped)", s.Phone, "020 7946 0999"},
		{"Email (from organisation)", s.Email, "org@example.org"},
		{"URL (number rendered)", s.URL, "12345"},
		{"MinAge (string)", s.MinAge, 18},
		{"MaxAge (float)", s.MaxAge, 64},
		{"Needs", strings.Join(s.Needs, ","), "money,mental_wellbeing,food"},
		// "Harrow Road" in address_1 must not make it Harrow.
		{"Boroughs", strings.Join(s.Boroughs, ","), "Camden,Hackney,Islington"},
		{"LondonWide", s.LondonWide, false},
		{"len(Schedules)", len(s.Schedules), 2},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
	if len(s.Schedules) == 2 {
		want := Schedule{Freq: "WEEKLY", ByDay: []string{"MO", "WE"}, OpensAt: "09:30", ClosesAt: "17:00", ValidFrom: "2025-01-01"}
		if !schedulesEqual(s.Schedules[0], want) {
			t.Errorf("schedule 0 = %+v, want %+v", s.Schedules[0], want)
		}
		if got := s.Schedules[1]; got.Freq != "MONTHLY" || !slices.Equal(got.ByDay, []string{"1MO"}) || got.OpensAt != "" {
			t.Errorf("schedule 1 = %+v, want MONTHLY 1MO with no usable opening time", got)
		}
	}
}

func TestParseAreas(t *testing.T) {
	tests := []struct {
		name       string
		areas      string // JSON for service_areas, or "" for none
		locations  string // JSON for service_at_locations, or "" for none
		boroughs   string
		londonWide bool
	}{
		{name: "no area at all is London-wide", londonWide: true},
		{name: "Greater London", areas: `[{"name": "Greater London"}]`, londonWide: true},
		{name: "London-wide", areas: `[{"name": "London-wide"}]`, londonWide: true},
		{name: "National", areas: `[{"name": "National"}]`, londonWide: true},
		{name: "UK", areas: `[{"name": "UK"}]`, londonWide: true},
		{name: "borough and London", areas: `[{"name": "Lambeth"}, {"name": "London"}]`, boroughs: "Lambeth", londonWide: true},
		{name: "London Borough of", areas: `[{"name": "London Borough of Tower Hamlets"}]`, boroughs: "Tower Hamlets"},
		{name: "Royal Borough", areas: `[{"name": "Royal Borough of Kingston upon Thames"}]`, boroughs: "Kingston upon Thames"},
		{name: "short names", areas: `[{"name": "Kingston, Richmond and Hammersmith & Fulham"}]`, boroughs: "Hammersmith and Fulham,Kingston upon Thames,Richmond upon Thames"},
		{name: "City of London is a borough, not London-wide", areas: `[{"name": "City of London"}]`, boroughs: "City of London"},
		{name: "Brent Cross is in Barnet", areas: `[{"name": "Brent Cross and Barnet"}]`, boroughs: "Barnet"},
		{name: "Bromley-by-Bow is in Tower Hamlets", areas: `[{"name": "Bromley-by-Bow, Tower Hamlets"}]`, boroughs: "Tower Hamlets"},
		{name: "ORUK 1.0 service_area field", areas: `[{"service_area": "Newham"}]`, boroughs: "Newham"},
		{name: "area outside London", areas: `[{"name": "Manchester"}]`},
		{name: "address only, in a borough", locations: `[{"location": {"addresses": [{"city": "London", "region": "Croydon"}]}}]`, boroughs: "Croydon"},
		{name: "address only, outside London", locations: `[{"location": {"addresses": [{"city": "Leeds"}]}}]`},
		{name: "ORUK 1.0 physical_addresses", locations: `[{"location": {"physical_addresses": [{"address_2": "Hackney"}]}}]`, boroughs: "Hackney"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obj := `{"id": "x", "name": "X"`
			if tt.areas != "" {
				obj += `, "service_areas": ` + tt.areas
			}
			if tt.locations != "" {
				obj += `, "service_at_locations": ` + tt.locations
			}
			obj += "}"
			services, rejected, err := Parse([]byte(obj))
			if err != nil || len(services) != 1 {
				t.Fatalf("Parse: %v, rejected %+v", err, rejected)
			}
			s := services[0]
			if got := strings.Join(s.Boroughs, ","); got != tt.boroughs {
				t.Errorf("Boroughs = %q, want %q", got, tt.boroughs)
			}
			if s.LondonWide != tt.londonWide {
				t.Errorf("LondonWide = %v, want %v", s.LondonWide, tt.londonWide)
			}
		})
	}
}

func TestParseAgesFromEligibility(t *testing.T) {
	// Open Referral UK 1.0 kept ages in "eligibilitys".
	in := `{"id": "e", "name": "E", "eligibilitys": [{"eligibility": "young people", "minimum_age": 11, "maximum_age": "25"}]}`
	services, _, err := Parse([]byte(in))
	if err != nil || len(services) != 1 {
		t.Fatalf("Parse: %v", err)
	}
	if s := services[0]; s.MinAge != 11 || s.MaxAge != 25 {
		t.Errorf("ages = %d-%d, want 11-25", s.MinAge, s.MaxAge)
	}
}

func TestSummarise(t *testing.T) {
	long := "Free, friendly and confidential advice for anyone in the borough who is struggling with rent arrears, council tax debt, benefit problems or bills."
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "  ", want: ""},
		{name: "one short sentence", in: "Free debt advice.", want: "Free debt advice."},
		{name: "no final full stop", in: "Free debt advice", want: "Free debt advice"},
		{name: "first of several sentences", in: "Free debt advice. Call us today! Open Mondays.", want: "Free debt advice."},
		{name: "whitespace collapsed", in: "  Free\n debt\tadvice.  More here.", want: "Free debt advice."},
		{name: "abbreviation does not end the sentence", in: "Help with bills, e.g. gas and water. More.", want: "Help with bills, e.g. gas and water."},
		{name: "St. is an abbreviation", in: "Meet at St. Mary's hall on Fridays. Tea provided.", want: "Meet at St. Mary's hall on Fridays."},
		{name: "decimal and domain are not sentence ends", in: "Loans from 3.5 percent at example.org for members. Join today.", want: "Loans from 3.5 percent at example.org for members."},
		{name: "question ends a sentence", in: "Worried about money? We can help.", want: "Worried about money?"},
		{name: "long sentence shortened at a word boundary", in: long,
			want: "Free, friendly and confidential advice for anyone in the borough who is struggling with..."},
		{name: "one enormous word is cut", in: strings.Repeat("x", 120), want: strings.Repeat("x", 87) + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarise(tt.in)
			if got != tt.want {
				t.Errorf("Summarise(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > MaxSummary {
				t.Errorf("summary is %d characters, over %d", n, MaxSummary)
			}
		})
	}
}

func TestNeedsForTerm(t *testing.T) {
	tests := []struct {
		term string
		want string
	}{
		{"housing", "housing"},
		{"mental_wellbeing", "mental_wellbeing"},
		{"Young People", "young_people"},
		{"Homelessness", "housing"},
		{"Debt advice and support", "money"},
		{"Food Banks", "food"},
		{"Children's centres", "parenting"},
		{"Befriending", "loneliness"},
		{"Grief", "bereavement"},
		{"Young carers", "carers"},
		{"Children and young people mental health", "mental_wellbeing,young_people"},
		{"Weight loss", ""},         // "loss" alone is bereavement, but not inside another term
		{"Financial wellbeing", ""}, // nor is "wellbeing"
		{"code", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			if got := strings.Join(NeedsForTerm(tt.term), ","); got != tt.want {
				t.Errorf("NeedsForTerm(%q) = %q, want %q", tt.term, got, tt.want)
			}
		})
	}
}

func TestCanonicalBorough(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Hackney", "Hackney", true},
		{"  hackney ", "Hackney", true},
		{"London Borough of Hackney", "Hackney", true},
		{"Hackney Council", "Hackney", true},
		{"LB Barking & Dagenham", "Barking and Dagenham", true},
		{"Royal Borough of Kensington and Chelsea", "Kensington and Chelsea", true},
		{"Kingston", "Kingston upon Thames", true},
		{"richmond upon thames", "Richmond upon Thames", true},
		{"City of Westminster", "Westminster", true},
		{"City of London", "City of London", true},
		{"London", "", false},
		{"Brent Cross", "", false},
		{"Manchester", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := CanonicalBorough(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("CanonicalBorough(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
	for _, b := range Boroughs {
		if got, ok := CanonicalBorough(b); !ok || got != b {
			t.Errorf("CanonicalBorough(%q) = %q, %v; want itself", b, got, ok)
		}
	}
	if len(Boroughs) != 33 {
		t.Errorf("len(Boroughs) = %d, want 33", len(Boroughs))
	}
}

// FuzzParse checks that no input makes Parse (or the accessors it feeds) panic. The seeds run
// with every go test; `go test -fuzz=FuzzParse ./content/directory/` explores further.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"service_full.json", "service_list.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`[{"id": 1, "name": [], "schedules": [{"freq": 3, "byday": {}, "opens_at": "99:99"}]}, null, "x"]`))
	f.Add([]byte(`{"contents": [{"id": "a", "name": "b", "description": "` + strings.Repeat("word ", 40) + `"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		services, _, err := Parse(data)
		if err != nil {
			return
		}
		for _, s := range services {
			if s.ID == "" || s.Name == "" {
				t.Errorf("accepted a service without id or name: %+v", s)
			}
			if utf8.RuneCountInString(s.Summary) > MaxSummary {
				t.Errorf("summary too long: %q", s.Summary)
			}
			s.NextOpen(time.Date(2025, 10, 26, 1, 30, 0, 0, time.UTC), nil)
		}
		Rank(services, Query{Needs: Needs, Borough: "Hackney", Now: time.Now()})
	})
}
