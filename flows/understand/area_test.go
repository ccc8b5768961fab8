package understand

import "testing"

func TestParseArea(t *testing.T) {
	tests := []struct {
		in     string
		want   Area
		wantOK bool
	}{
		// Full postcodes, any spacing and case.
		{"E1 6AN", Area{"E1", "Tower Hamlets"}, true},
		{"e16an", Area{"E1", "Tower Hamlets"}, true},
		{" e1  6an ", Area{"E1", "Tower Hamlets"}, true},
		{"E1 6 AN", Area{"E1", "Tower Hamlets"}, true},
		{"SW1A 1AA", Area{"SW1A", "Westminster"}, true},
		{"W1T 3JH", Area{"W1T", "Camden"}, true},
		{"EC2A 4NE", Area{"EC2A", "Hackney"}, true},
		{"ec4m 7rf", Area{"EC4M", "City of London"}, true},
		{"SE15 5BX", Area{"SE15", "Southwark"}, true},
		{"N17 0AP", Area{"N17", "Haringey"}, true},
		{"nw10 7ne", Area{"NW10", "Brent"}, true},
		{"CR0 2RF", Area{"CR0", "Croydon"}, true},
		{"RM6 4XX", Area{"RM6", "Barking and Dagenham"}, true},
		{"IG11 7LX", Area{"IG11", "Barking and Dagenham"}, true},
		{"DA15 7AB", Area{"DA15", "Bexley"}, true},
		{"KT1 1EU", Area{"KT1", "Kingston upon Thames"}, true},
		{"TW9 1DN", Area{"TW9", "Richmond upon Thames"}, true},
		{"UB3 4AA", Area{"UB3", "Hillingdon"}, true},
		{"HA0 4AB", Area{"HA0", "Brent"}, true},
		{"my postcode is e8 1aa thanks", Area{"E8", "Hackney"}, true},
		// Outward only.
		{"E1", Area{"E1", "Tower Hamlets"}, true},
		{"se1", Area{"SE1", "Southwark"}, true},
		{"W2", Area{"W2", "Westminster"}, true},
		{"i live in N4", Area{"N4", "Haringey"}, true},
		{"BR1", Area{"BR1", "Bromley"}, true},
		// Valid but outside London: outward only, no borough.
		{"M1 1AE", Area{"M1", ""}, true},
		{"B12 9QH", Area{"B12", ""}, true},
		{"DA1 1DX", Area{"DA1", ""}, true},
		{"KT7 0QY", Area{"KT7", ""}, true},
		{"EH1", Area{"EH1", ""}, true},
		// Postcode wins over a place name.
		{"Hackney, E8 1AA", Area{"E8", "Hackney"}, true},
		// Boroughs, exact and fuzzy.
		{"Tower Hamlets", Area{"", "Tower Hamlets"}, true},
		{"tower hamlet", Area{"", "Tower Hamlets"}, true},
		{"towerhamlets", Area{"", "Tower Hamlets"}, true},
		{"hackny", Area{"", "Hackney"}, true},
		{"HACKNEY", Area{"", "Hackney"}, true},
		{"kensington", Area{"", "Kensington and Chelsea"}, true},
		{"K&C", Area{"", "Kensington and Chelsea"}, true},
		{"kensington & chelsea", Area{"", "Kensington and Chelsea"}, true},
		{"Royal Borough of Kensington and Chelsea", Area{"", "Kensington and Chelsea"}, true},
		{"richmond", Area{"", "Richmond upon Thames"}, true},
		{"hammersmith", Area{"", "Hammersmith and Fulham"}, true},
		{"fulham", Area{"", "Hammersmith and Fulham"}, true},
		{"kingston", Area{"", "Kingston upon Thames"}, true},
		{"city", Area{"", "City of London"}, true},
		{"City of London", Area{"", "City of London"}, true},
		{"barking", Area{"", "Barking and Dagenham"}, true},
		{"dagenham", Area{"", "Barking and Dagenham"}, true},
		{"waltham", Area{"", "Waltham Forest"}, true},
		{"walthamstow", Area{"", "Waltham Forest"}, true},
		{"wandsworht", Area{"", "Wandsworth"}, true},
		{"Lewisham please", Area{"", "Lewisham"}, true},
		{"i live in the london borough of haringey", Area{"", "Haringey"}, true},
		{"Islington council", Area{"", "Islington"}, true},
		{"greenwhich", Area{"", "Greenwich"}, true},
		{"Hillingdon", Area{"", "Hillingdon"}, true},
		{"barnet", Area{"", "Barnet"}, true},
		{"barnes", Area{"", "Richmond upon Thames"}, true},
		{"hounslo", Area{"", "Hounslow"}, true},
		// Neighbourhoods.
		{"Peckham", Area{"", "Southwark"}, true},
		{"romford", Area{"", "Havering"}, true},
		{"i'm in brixton", Area{"", "Lambeth"}, true},
		{"stratford", Area{"", "Newham"}, true},
		// Rejects.
		{"hello", Area{}, false},
		{"yes", Area{}, false},
		{"no", Area{}, false},
		{"", Area{}, false},
		{"london", Area{}, false},
		{"south london", Area{}, false},
		{"rent", Area{}, false},
		{"7", Area{}, false},
		{"HI5 6AN", Area{}, false},  // no HI postcode area
		{"E1 6CI", Area{}, false},   // C and I never appear in the inward code
		{"E99", Area{}, false},      // no such East London district
		{"SW25 1AA", Area{}, false}, // nor South West
		{"Q1 1AA", Area{}, false},   // Q is not an area
		{"M1A 1AA", Area{}, false},  // digit-letter districts are central London only
		{"i need help", Area{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseArea(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseArea(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestDistrictTableBoroughsCanonical(t *testing.T) {
	known := map[string]bool{}
	for _, b := range Boroughs {
		known[b] = true
	}
	if len(Boroughs) != 33 {
		t.Errorf("len(Boroughs) = %d, want 33", len(Boroughs))
	}
	covered := map[string]bool{}
	for d, b := range districtBorough {
		if !known[b] {
			t.Errorf("district %s maps to non-canonical borough %q", d, b)
		}
		covered[b] = true
		if a, ok := outwardArea(d); !ok || a.Borough != b {
			t.Errorf("outwardArea(%q) = %+v, %v", d, a, ok)
		}
	}
	for _, b := range Boroughs {
		if !covered[b] {
			t.Errorf("no district maps to %s", b)
		}
	}
	for _, a := range boroughAliases {
		if !known[a.borough] {
			t.Errorf("alias %q maps to non-canonical borough %q", a.key, a.borough)
		}
	}
}

func TestBoroughNamesRoundTrip(t *testing.T) {
	for _, b := range Boroughs {
		if got, ok := ParseArea(b); !ok || got.Borough != b || got.Outward != "" {
			t.Errorf("ParseArea(%q) = %+v, %v", b, got, ok)
		}
	}
}
