package understand

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello   World", "hello world"},
		{"  I’m SOOOOO tired!!!  ", "i'm soo tired"},
		{"im sad", "i'm sad"},
		{"I am sad", "i'm sad"},
		{"I'm sad", "i'm sad"},
		{"u ok?", "you ok"},
		{"ur mum", "your mum"},
		{"cant cope", "can't cope"},
		{"I cannot cope", "i can't cope"},
		{"i can not cope", "i can't cope"},
		{"I do not know", "i don't know"},
		{"dont", "don't"},
		{"wanna kms", "want to kill myself"},
		{"kmsss", "kill myself"},
		{"gonna go", "going to go"},
		{"idk", "i don't know"},
		{"kys", "kill yourself"},
		{"ffs", "for fuck's sake"},
		{"i want to die", "i want to die"},
		{"i want to dieeeee", "i want to die"},
		{"i want 2 die", "i want to die"},
		{"i want 2 and 5", "i want 2 and 5"},
		{"suicde", "suicide"},
		{"sucide", "suicide"},
		{"suiside", "suicide"},
		{"feeling sucidial", "feeling suicidal"}, // fuzzy: not in the misspelling table
		{"i want to kil myslef", "i want to kill myself"},
		{"kill my self", "kill myself"},
		{"took 30 paracetomol", "took 30 paracetamol"},
		{"self-harm", "self harm"},
		{"selfharm", "self harm"},
		{"any more", "anymore"},
		{"Chcę umrzeć", "chce umrzec"},
		{"ŻAŁOBA", "zaloba"},
		{"mąż mnie bije", "maz mnie bije"},
		{"café", "cafe"},
		{"rent & food", "rent and food"},
		{"£50 debt", "£ 50 debt"},
		{"7/10", "7 10"},
		{"lol 😂", "lol lol"},
		{"", ""},
		{"...", ""},
		{"mum's", "mum's"},
		{"'quoted'", "quoted"},
		{"1000", "1000"},
		{"overdone it at the gym", "overdone it at the gym"},
		{"homless", "homeless"},
		{"привет", "привет"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeKeepsBoundaries(t *testing.T) {
	got := normalizeJoined("I can't go on. Thanks!! Bye")
	if want := "i can't go on . thanks . bye"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"hackney", "hackney", 2, 0},
		{"hackny", "hackney", 2, 1},
		{"wandsworht", "wandsworth", 2, 1}, // transposition
		{"kitten", "sitting", 5, 3},
		{"abc", "xyz123", 1, 2}, // over the limit: limit+1
		{"", "abc", 5, 3},
	}
	for _, tt := range tests {
		if got := damerauLevenshtein(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("damerauLevenshtein(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
