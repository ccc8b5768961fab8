package understand

import "testing"

func TestParseScore(t *testing.T) {
	tests := []struct {
		in     string
		want   int
		wantOK bool
	}{
		{"7", 7, true},
		{" 7 ", 7, true},
		{"7/10", 7, true},
		{"7 / 10", 7, true},
		{"7 out of 10", 7, true},
		{"7 out of ten", 7, true},
		{"seven", 7, true},
		{"Seven!", 7, true},
		{"a 7", 7, true},
		{"I'd say a 7 today", 7, true},
		{"siedem", 7, true},
		{"7 na 10", 7, true},
		{"pięć", 5, true},
		{"piec", 5, true},
		{"10!", 10, true},
		{"10/10", 10, true},
		{"ten out of ten", 10, true},
		{"0", 0, true},
		{"zero", 0, true},
		{"7, yeah 7", 7, true},
		{"7️⃣", 7, true},
		{"about 3 i think", 3, true},
		{"11", 0, false},
		{"eleven", 0, false},
		{"7.5", 0, false},
		{"7,5", 0, false},
		{"-1", 0, false},
		{"", 0, false},
		{"dunno", 0, false},
		{"7 or 8", 0, false},
		{"6-7", 0, false},
		{"between 5 and 6", 0, false},
		{"100", 0, false},
		{"no one asked", 0, false},
		{"E1 6AN", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseScore(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseScore(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseAge(t *testing.T) {
	tests := []struct {
		in     string
		want   int
		wantOK bool
	}{
		{"15", 15, true},
		{"I'm 15", 15, true},
		{"im 15", 15, true},
		{"i am 15", 15, true},
		{"15 years old", 15, true},
		{"15yo", 15, true},
		{"15 y/o", 15, true},
		{"fifteen", 15, true},
		{"I'm fifteen", 15, true},
		{"twenty one", 21, true},
		{"twenty-one", 21, true},
		{"a hundred and five", 105, true},
		{"mam 15 lat", 15, true},
		{"piętnaście", 15, true},
		{"dwadzieścia jeden", 21, true},
		{"aged 67", 67, true},
		{"I'm 15 and my brother is 12", 15, true},
		{"turned 80 last week", 80, true},
		{"5", 5, true},
		{"120", 120, true},
		{"4", 0, false},
		{"121", 0, false},
		{"", 0, false},
		{"old enough", 0, false},
		{"15 or 16", 0, false},
		{"15.5", 0, false},
		{"-15", 0, false},
		{"e16an", 0, false},
		{"born in 1990", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseAge(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseAge(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}
