package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost-nhs/signpost/content"
)

func TestFallbackToEnglish(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "locales"), 0o755); err != nil {
		t.Fatal(err)
	}
	// An operator's override: a new locale with one key, and one English key reworded.
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, "locales", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("cy.yaml", "language.name: Cymraeg\nhelp: Help yn Gymraeg\n")
	write("en.yaml", "menu.ask: What now?\n")
	b, err := content.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ locale, key, want string }{
		{"cy", "help", "Help yn Gymraeg"},
		{"cy", "stopped", "You won't get any more messages from Signpost. Reply START to start again."},
		{"en", "menu.ask", "What now?"},
		{"en", "who.ask", "Who are you looking for support for?"},
		{"xx", "menu.ask", "What now?"},
		{"en", "no.such.key", "[no.such.key]"},
	}
	for _, tc := range cases {
		if got := b.Text(tc.locale, tc.key); got != tc.want {
			t.Errorf("Text(%s, %s) = %q, want %q", tc.locale, tc.key, got, tc.want)
		}
	}
	if got := b.Text("en", "area.ok", "place", "Hackney"); got != "Thanks, Hackney." {
		t.Errorf("placeholder: %q", got)
	}
	if got := b.Locales(); strings.Join(got, ",") != "en,cy,pl" {
		t.Errorf("locales = %v", got)
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, err := content.LoadDir(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("a missing content directory loaded")
	}
}

func TestSegments(t *testing.T) {
	cases := []struct {
		name string
		text string
		n    int
		enc  content.Encoding
	}{
		{"empty", "", 0, content.GSM7},
		{"short", "Reply YES to continue.", 1, content.GSM7},
		{"160 GSM-7 fits one", strings.Repeat("a", 160), 1, content.GSM7},
		{"161 GSM-7 needs two", strings.Repeat("a", 161), 2, content.GSM7},
		{"306 GSM-7 is two", strings.Repeat("a", 306), 2, content.GSM7},
		{"307 GSM-7 is three", strings.Repeat("a", 307), 3, content.GSM7},
		{"pound sign is GSM-7", "£5 off", 1, content.GSM7},
		{"euro costs two septets", strings.Repeat("€", 80), 1, content.GSM7},
		{"81 euros overflow", strings.Repeat("€", 81), 2, content.GSM7},
		// 306 septets fit two segments only if the escape pair may straddle them; it may not.
		{"escape pair never split", strings.Repeat("a", 152) + "€" + strings.Repeat("a", 152), 3, content.GSM7},
		{"curly quote forces UCS-2", "It’s fine", 1, content.UCS2},
		{"70 UCS-2 fits one", strings.Repeat("ł", 70), 1, content.UCS2},
		{"71 UCS-2 needs two", strings.Repeat("ł", 71), 2, content.UCS2},
		{"134 UCS-2 is two", strings.Repeat("ł", 134), 2, content.UCS2},
		{"135 UCS-2 is three", strings.Repeat("ł", 135), 3, content.UCS2},
		{"emoji is two units", strings.Repeat("😀", 35), 1, content.UCS2},
		{"emoji overflow", strings.Repeat("😀", 36), 2, content.UCS2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, enc := content.Segments(tc.text)
			if n != tc.n || enc != tc.enc {
				t.Errorf("Segments = %d %s, want %d %s", n, enc, tc.n, tc.enc)
			}
		})
	}
}

func TestCheckFindsProblems(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "locales"), 0o755)
	os.WriteFile(filepath.Join(dir, "locales", "en.yaml"), []byte(
		"help: “Curly” quotes\nwelcome: Hi {name}\nlong: "+strings.Repeat("word ", 150)+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "locales", "pl.yaml"), []byte("welcome: Cześć {imie}\n"), 0o644)
	b, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, p := range b.Check([]string{"help", "stopped"}) {
		if p.Error {
			errs = append(errs, p.String())
		}
	}
	got := strings.Join(errs, "\n")
	for _, want := range []string{"en stopped: missing", "en help: characters", "en long: 5 SMS segments", "pl welcome: placeholders"} {
		if !strings.Contains(got, want) {
			t.Errorf("check errors lack %q:\n%s", want, got)
		}
	}
}
