package flows_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/content/directory"
	"github.com/signpost-nhs/signpost/flows"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/")

// sampleFinder ranks the embedded sample directory, as the engine does by default.
type sampleFinder struct{}

func (sampleFinder) Find(q directory.Query) []directory.Match {
	return directory.Rank(directory.Sample(), q)
}

// london is a Wednesday morning in Europe/London.
var london, _ = time.LoadLocation("Europe/London")
var now = time.Date(2026, 11, 25, 10, 0, 0, 0, london)

// converse plays a resident's messages through the machine the way the engine does: the
// profile follows the effects, the state follows the result. It returns the transcript.
func converse(t *testing.T, m *flows.Machine, channel string, profile flows.Profile, inputs []string) string {
	t.Helper()
	keys := flows.RequiredKeys()
	var b strings.Builder
	st := flows.Initial()
	for _, in := range inputs {
		res, err := m.Step(context.Background(), st, flows.Input{Text: in, Channel: channel, Profile: profile,
			Finder: sampleFinder{}, Now: now, Loc: london})
		if err != nil {
			t.Fatalf("step %q in %s: %v", in, st.Name, err)
		}
		fmt.Fprintf(&b, "> %s\n", in)
		for _, r := range res.Replies {
			if r.Key != "services.list" && !slices.Contains(keys, r.Key) {
				t.Errorf("reply key %q is missing from flows.RequiredKeys", r.Key)
			}
			if strings.Contains(r.Text, "[") && strings.Contains(r.Text, "]") && !strings.Contains(r.Text, "http") {
				t.Errorf("reply %q looks like a missing content key", r.Text)
			}
			for _, line := range strings.Split(r.Text, "\n") {
				fmt.Fprintf(&b, "< %s\n", line)
			}
			if r.EvenIfStopped {
				fmt.Fprintf(&b, "<   (sent even to a person who has stopped)\n")
			}
			for i, o := range r.Options {
				fmt.Fprintf(&b, "<   %d. %s [%s]\n", i+1, o.Label, o.Value)
			}
		}
		for _, e := range res.Effects {
			fmt.Fprintf(&b, "  = %T%+v\n", e, e)
			switch e := e.(type) {
			case flows.Consent:
				profile.Consented = e.Given
			case flows.OptOut:
				profile.OptedOut = e.Stopped
			case flows.SetArea:
				profile.Borough = e.Borough
			case flows.SetAgeGroup:
				profile.AgeGroup = e.Group
				if e.Age > 0 {
					profile.Age = e.Age
				}
			case flows.SetLanguage:
				profile.Locale = e.Locale
			case flows.OpenHandoff:
				profile.HandoffOpen = true
			}
		}
		fmt.Fprintf(&b, "  @ %s\n", res.State.Name)
		st = res.State
	}
	return b.String()
}

func TestTranscripts(t *testing.T) {
	c, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := flows.New(c)
	cases := []struct {
		name    string
		channel string
		profile flows.Profile
		inputs  []string
	}{
		{"sms_journey", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"Hello", "yes", "E1 6AN", "7", "8/10", "six", "3",
			"I'm behind on my rent and I feel lonely", "MORE", "LINK", "LINK", "MENU", "2", "5", "5", "5", "5"}},
		{"stop_and_start", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "YES", "STOP", "hello?", "Stop", "i want to die", "START", "skip"}},
		{"stop_is_one_word", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "please don't stop", "cancel", "help", "LINK", "start"}},
		{"telegram_young_person", flows.ChannelTelegram, flows.Profile{Locale: "en"}, []string{
			"/start school-42", "yes", "hackny", "young", "15", "5", "6", "4", "7", "bullying at school and exams"}},
		{"telegram_parent", flows.ChannelTelegram, flows.Profile{Locale: "en"}, []string{
			"/start", "yes", "SKIP", "1", "10", "9", "8", "1", "1 9"}},
		{"ons_retries", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "yes", "Tower Hamlet", "11", "7.5", "-1", "SKIP", " 7 ", "seven", "10"}},
		{"crisis_any_state", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "I want to kill myself", "yes", "N1", "this queue is killing me", "4", "i dont want to be here anymore"}},
		{"declined", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "no", "what is this", "HELP", "yes", "MENU"}},
		{"polish", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "POLSKI", "tak", "SE15", "7", "7", "7", "3", "mam długi i czuję się samotna"}},
		{"telegram_polish_hint", flows.ChannelTelegram, flows.Profile{Locale: "pl"}, []string{
			"/start", "tak", "Croydon", "3", "STOP"}},
		// FORGET asks first; anything but YES keeps everything and goes back to where they were.
		{"forget", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "yes", "FORGET", "no", "E1 6AN", "forget", "YES"}},
		{"forget_after_stop", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "STOP", "FORGET", "YES"}},
		{"forget_polish", flows.ChannelTelegram, flows.Profile{Locale: "pl"}, []string{
			"/start", "ZAPOMNIJ", "TAK"}},
		// Every crisis reply carries Childline for under-19s: before the age is known, and after.
		{"crisis_young_person", flows.ChannelTelegram, flows.Profile{Locale: "en"}, []string{
			"/start", "I want to kill myself", "yes", "SKIP", "young", "15", "I want to end my life"}},
		// Declining consent still gets the crisis routes, HELP and LINK.
		{"declined_still_safe", flows.ChannelSMS, flows.Profile{Locale: "en"}, []string{
			"hi", "no", "HELP", "LINK", "I want to end my life"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := converse(t, m, tc.channel, tc.profile, tc.inputs)
			path := filepath.Join("testdata", tc.name+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./flows -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript differs from %s (go test ./flows -update to accept):\n%s", path, diff(string(want), got))
			}
		})
	}
}

// diff shows the first differing lines.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d\nwant: %s\n got: %s", i+1, wl, gl)
		}
	}
	return ""
}

func TestBands(t *testing.T) {
	cases := []struct {
		item  string
		score int
		want  string
	}{
		{"life_satisfaction", 0, "low"}, {"life_satisfaction", 4, "low"}, {"life_satisfaction", 5, "medium"},
		{"worthwhile", 6, "medium"}, {"happiness", 7, "high"}, {"happiness", 8, "high"}, {"happiness", 9, "very_high"},
		{"worthwhile", 10, "very_high"}, {"anxiety", 0, "very_low"}, {"anxiety", 1, "very_low"}, {"anxiety", 2, "low"},
		{"anxiety", 3, "low"}, {"anxiety", 4, "medium"}, {"anxiety", 5, "medium"}, {"anxiety", 6, "high"}, {"anxiety", 10, "high"},
	}
	for _, tc := range cases {
		if got := flows.Band(tc.item, tc.score); got != tc.want {
			t.Errorf("Band(%s, %d) = %s, want %s", tc.item, tc.score, got, tc.want)
		}
	}
}

func TestFlowCheck(t *testing.T) {
	c, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if problems := flows.New(c).Check(); len(problems) > 0 {
		t.Errorf("flow problems: %v", problems)
	}
	for _, p := range c.Check(flows.RequiredKeys()) {
		if p.Error {
			t.Errorf("content: %s", p)
		}
	}
}

func TestIsStop(t *testing.T) {
	for _, s := range []string{"STOP", "stop", "Stop.", " stopall ", "UNSUBSCRIBE", "cancel", "End", "QUIT"} {
		if !flows.IsStop(s) {
			t.Errorf("IsStop(%q) = false", s)
		}
	}
	for _, s := range []string{"don't stop", "stop it please", "stopping", "the end is near", ""} {
		if flows.IsStop(s) {
			t.Errorf("IsStop(%q) = true", s)
		}
	}
}

// BenchmarkStep measures one step, FSM rebuilt from the stored state as in production.
func BenchmarkStep(b *testing.B) {
	c, err := content.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	m := flows.New(c)
	st := flows.State{Flow: flows.Journey, Name: flows.StateONS2}
	in := flows.Input{Text: "7", Channel: flows.ChannelSMS, Profile: flows.Profile{Locale: "en", Consented: true}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Step(context.Background(), st, in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNeedsInWordsFromMenuAndSuggestions checks that needs said in words at the menu or under a
// list of services start a new search, through the FSM's own transitions.
func TestNeedsInWordsFromMenuAndSuggestions(t *testing.T) {
	c, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := flows.New(c)
	for _, from := range []string{flows.StateMenu, flows.StateSuggested} {
		res, err := m.Step(context.Background(), flows.State{Flow: flows.Journey, Name: from, Data: flows.Data{Needs: []string{"food"}, Shown: 3}},
			flows.Input{Text: "I can't pay my rent", Channel: flows.ChannelSMS, Finder: sampleFinder{}, Now: now, Loc: london,
				Profile: flows.Profile{Locale: "en", Consented: true, AgeGroup: flows.AgeAdult}})
		if err != nil {
			t.Fatalf("from %s: %v", from, err)
		}
		if res.State.Name != flows.StateSuggested || res.State.Data.Shown == 0 || res.State.Data.Needs[0] != "housing" {
			t.Errorf("from %s: state %s, data %+v; want new suggestions for housing", from, res.State.Name, res.State.Data)
		}
		if len(res.Replies) == 0 || res.Replies[0].Key != "services.list" {
			t.Errorf("from %s: replies %+v; want a list of services first", from, res.Replies)
		}
	}
}
