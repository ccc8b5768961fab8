package directory

import (
	"strings"
	"testing"
)

func TestSampleDirectory(t *testing.T) {
	services, rejected, err := Parse(sampleJSON)
	if err != nil {
		t.Fatalf("Parse(sample): %v", err)
	}
	if len(rejected) != 0 {
		t.Fatalf("sample has rejections: %+v", rejected)
	}
	if len(services) < 90 {
		t.Errorf("sample has %d services, want at least 90", len(services))
	}

	perNeed := map[string]int{}
	boroughs := map[string]bool{}
	londonWide, weekly, withAges := 0, 0, 0
	ids := map[string]bool{}
	phones := map[string]bool{}
	for _, s := range services {
		if ids[s.ID] {
			t.Errorf("duplicate id %q", s.ID)
		}
		ids[s.ID] = true
		// It must be obvious to anyone reading the data that it is not real.
		if !strings.HasPrefix(s.ID, "sample-") {
			t.Errorf("id %q does not start with sample-", s.ID)
		}
		if !strings.HasSuffix(s.Description, "This is a fictional sample listing.") {
			t.Errorf("%s: description does not say it is fictional", s.ID)
		}
		// Ofcom's drama range, so no real line is ever called.
		if len(s.Phone) != len("020 7946 0000") || !strings.HasPrefix(s.Phone, "020 7946 0") {
			t.Errorf("%s: phone %q is not in 020 7946 0xxx", s.ID, s.Phone)
		}
		if phones[s.Phone] {
			t.Errorf("%s: phone %q used twice", s.ID, s.Phone)
		}
		phones[s.Phone] = true
		if !strings.HasSuffix(s.Email, "@example.org") || !strings.HasPrefix(s.URL, "https://example.org/") {
			t.Errorf("%s: email %q or url %q not under example.org", s.ID, s.Email, s.URL)
		}
		// Summaries go straight into SMS: whole sentences, no truncation, GSM-friendly ASCII.
		if s.Summary == "" || strings.HasSuffix(s.Summary, "...") {
			t.Errorf("%s: summary %q is empty or truncated", s.ID, s.Summary)
		}
		for _, text := range []string{s.Name, s.Description, s.Organization} {
			for _, r := range text {
				if r > 0x7e {
					t.Errorf("%s: non-ASCII character %q would force UCS-2", s.ID, r)
				}
			}
		}
		if s.Organization == "" {
			t.Errorf("%s: no organisation", s.ID)
		}
		if len(s.Needs) == 0 {
			t.Errorf("%s: no needs", s.ID)
		}
		for _, n := range s.Needs {
			perNeed[n]++
		}
		if len(s.Boroughs) == 0 && !s.LondonWide {
			t.Errorf("%s: neither in a borough nor London-wide", s.ID)
		}
		for _, b := range s.Boroughs {
			boroughs[b] = true
		}
		if s.LondonWide {
			londonWide++
		}
		for _, sc := range s.Schedules {
			if sc.Freq == "WEEKLY" && len(sc.ByDay) > 0 && sc.OpensAt != "" && sc.ClosesAt != "" {
				weekly++
				break
			}
		}
		if s.MinAge > 0 || s.MaxAge > 0 {
			withAges++
		}
	}
	for _, n := range Needs {
		if perNeed[n] < 6 {
			t.Errorf("need %s has %d services, want at least 6", n, perNeed[n])
		}
	}
	if len(boroughs) < 12 {
		t.Errorf("sample covers %d boroughs, want at least 12", len(boroughs))
	}
	if londonWide < 12 {
		t.Errorf("sample has %d London-wide services, want about 15", londonWide)
	}
	if weekly < len(services)*2/5 {
		t.Errorf("only %d of %d services have weekly opening times, want about half", weekly, len(services))
	}
	if withAges < 10 {
		t.Errorf("only %d services have age limits, want several", withAges)
	}
	t.Logf("%d services, %d London-wide, %d with weekly times, %d with ages, %d boroughs; per need %v",
		len(services), londonWide, weekly, withAges, len(boroughs), perNeed)
}

func TestSampleIsParsedOnceAndCopied(t *testing.T) {
	a := Sample()
	if len(a) < 90 {
		t.Fatalf("Sample() has %d services, want at least 90", len(a))
	}
	a[0] = Service{ID: "changed"}
	if b := Sample(); b[0].ID == "changed" {
		t.Error("changing the slice Sample returned changed the next call's result")
	}
}
