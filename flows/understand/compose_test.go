package understand

import (
	"strings"
	"testing"
)

// TestComposeExamples pins the compositional tier's reading of typical
// phrasings no single phrase rule names, and of the innocent look-alikes that
// must stay quiet.
func TestComposeExamples(t *testing.T) {
	tests := []struct {
		in   string
		want CrisisKind // "" for none
	}{
		// Means + closeness; ideation + method + place.
		{"i have the tablets in front of me", CrisisSuicide},
		{"there's a rope in my room and i keep looking at it", CrisisSuicide},
		{"i keep thinking about driving into a wall", CrisisSuicide},
		{"i'm sitting on the roof of my block", CrisisSuicide},
		// Wishes for an end state, with gaps.
		{"part of me really wants to just disappear forever", CrisisSuicide},
		{"i don't think i really want to be on this planet anymore", CrisisSuicide},
		{"everyone's lives would be easier if i wasn't in them", CrisisSuicide},
		{"i wouldn't mind if i didn't wake up", CrisisSuicide},
		// Adding up weak signals.
		{"tonight's the night, i've made my mind up", CrisisSuicide},
		{"i'm sorry for everything, tell my mum i love her", CrisisSuicide},
		{"soon none of this will matter", CrisisSuicide},
		// Polish, with and without diacritics.
		{"nie mam już siły żyć", CrisisSuicide},
		{"nie mam juz sily zyc", CrisisSuicide},
		{"chcę po prostu zniknąć i nie wracać", CrisisSuicide},
		{"jutro mnie już nie będzie", CrisisSuicide},
		// Self-harm: harm verb + my body, instruments, slang.
		{"i carved words into my thigh", CrisisSelfHarm},
		{"i used a pencil sharpener blade on my arm", CrisisSelfHarm},
		{"been sh-ing again", CrisisSelfHarm},
		{"i cut my forearm with a kitchen knife on purpose", CrisisSelfHarm},
		{"robię sobie rany żyletką", CrisisSelfHarm},
		// Abuse: person + violence + me; control; fear; threats.
		{"my partner grabs my wrists and shakes me", CrisisAbuse},
		{"my carer shouts at me and doesn't give me food", CrisisAbuse},
		{"i'm scared of what he'll do when he gets home", CrisisAbuse},
		{"my partner says he'll take the kids away from me if i leave him", CrisisAbuse},
		{"i'm being made to work in a nail bar for no pay", CrisisAbuse},
		{"he says he'll kill the dog", CrisisAbuse},
		{"mój partner mnie popchnął i uderzył", CrisisAbuse},
		// Emergency: unresponsive people, stroke signs, intruders.
		{"my dad fell down the stairs and isn't moving", CrisisEmergency},
		{"my mum's face has dropped on one side", CrisisEmergency},
		{"there's a man in my flat and he won't leave", CrisisEmergency},
		{"someone is trying to kick my door in right now", CrisisEmergency},
		{"my friend says she's taken pills and is saying goodbye", CrisisEmergency},
		{"mój mąż się przewrócił i nie rusza się", CrisisEmergency},
		// Innocent look-alikes.
		{"i've made my mind up, i'm moving out of london", ""},
		{"tonight's the night of the school play", ""},
		{"i won't be around tomorrow, can we do friday", ""},
		{"my tablets are on the kitchen table", ""},
		{"how many paracetamol can i take in a day", ""},
		{"what's the quickest way to get to lewisham", ""},
		{"i cut my thumb opening a tin", ""},
		{"my cat scratched my arm", ""},
		{"my partner grabbed my hand and we ran for the bus", ""},
		{"my son takes my money to do my shopping for me", ""},
		{"i'm scared my mum will find out i failed", ""},
		{"my landlord won't let me have a cat", ""},
		{"there's a man in my flat fixing the boiler", ""},
		{"i want to disappear under my duvet all weekend", ""},
		{"i'd love to jump in the sea when it's hot", ""},
		{"i've done something stupid, i paid the wrong bill", ""},
		{"my son was choking on a grape yesterday but he's okay", ""},
		{"nie chcę żyć w tym mieszkaniu", ""},
		{"grozi mi eksmisja", ""},
	}
	for _, tt := range tests {
		c, ok := DetectCrisis(tt.in)
		if ok != (tt.want != "") || c.Kind != tt.want {
			t.Errorf("DetectCrisis(%q) = %+v, %v; want kind %q", tt.in, c, ok, tt.want)
		}
	}
}

// TestComposeLexicon checks the lexicon's shape: every kind has phrases, and
// every helper tag is used by some phrase.
func TestComposeLexicon(t *testing.T) {
	c := crisisComposer
	used := map[int]bool{}
	phrases := map[int]int{}
	for _, p := range c.phrases {
		if !p.excl {
			phrases[p.tag]++
		}
		for _, el := range p.elems {
			if el.op == elTag {
				used[el.n] = true
			}
		}
	}
	for id, tg := range c.tags {
		if phrases[id] == 0 {
			t.Errorf("tag %s has no phrases", tg.name)
		}
		if tg.kind == "" && !used[id] && !c.cancelers[id] {
			t.Errorf("helper tag %s is never used", tg.name)
		}
	}
	if _, err := newComposer("tag A\n=3 @NOPE x"); err == nil || !strings.Contains(err.Error(), "unknown tag") {
		t.Errorf("unknown tag not reported: %v", err)
	}
	if _, err := newComposer("tag A kind=suicide cap=2\n=1 x"); err == nil {
		t.Errorf("cap on a non-booster tag accepted")
	}
}
