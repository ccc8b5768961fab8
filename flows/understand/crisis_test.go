package understand

import (
	"fmt"
	"strings"
	"testing"
)

var crisisKinds = []CrisisKind{CrisisSuicide, CrisisSelfHarm, CrisisAbuse, CrisisEmergency}

// crisisReport evaluates DetectCrisis on a labelled set. Recall counts a crisis
// message as caught when it is flagged at all: any kind gets it to a link
// worker. Kind agreement is reported separately.
type crisisReport struct {
	total, caught, kindOK map[CrisisKind]int
	negatives, falsePos   int
	misses, fps, kindDiff []string
}

func evalCrisis(set []labelled) crisisReport {
	r := crisisReport{total: map[CrisisKind]int{}, caught: map[CrisisKind]int{}, kindOK: map[CrisisKind]int{}}
	for _, m := range set {
		c, ok := DetectCrisis(m.text)
		if m.label == "none" {
			r.negatives++
			if ok {
				r.falsePos++
				r.fps = append(r.fps, fmt.Sprintf("line %d %q -> %s (cue %q)", m.line, m.text, c.Kind, c.Cue))
			}
			continue
		}
		want := CrisisKind(m.label)
		r.total[want]++
		if !ok {
			r.misses = append(r.misses, fmt.Sprintf("line %d [%s] %q", m.line, want, m.text))
			continue
		}
		r.caught[want]++
		if c.Kind == want {
			r.kindOK[want]++
		} else {
			r.kindDiff = append(r.kindDiff, fmt.Sprintf("line %d %q: want %s got %s (cue %q)", m.line, m.text, want, c.Kind, c.Cue))
		}
	}
	return r
}

func (r crisisReport) log(t *testing.T, name string) (recall, fpRate float64) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-10s %6s %7s %8s %10s\n", name, "kind", "n", "caught", "recall", "kind-agree")
	var n, c int
	for _, k := range crisisKinds {
		if r.total[k] == 0 {
			continue
		}
		n += r.total[k]
		c += r.caught[k]
		fmt.Fprintf(&b, "%-10s %6d %7d %8.3f %10.3f\n", k, r.total[k], r.caught[k],
			float64(r.caught[k])/float64(r.total[k]), float64(r.kindOK[k])/float64(r.total[k]))
	}
	recall = float64(c) / float64(max(n, 1))
	fmt.Fprintf(&b, "%-10s %6d %7d %8.3f\n", "all", n, c, recall)
	if r.negatives > 0 {
		fpRate = float64(r.falsePos) / float64(r.negatives)
		fmt.Fprintf(&b, "non-crisis %d, false positives %d, FP rate %.3f\n", r.negatives, r.falsePos, fpRate)
	}
	for _, s := range r.fps {
		fmt.Fprintf(&b, "  FP   %s\n", s)
	}
	for _, s := range r.kindDiff {
		fmt.Fprintf(&b, "  KIND %s\n", s)
	}
	for _, s := range r.misses {
		fmt.Fprintf(&b, "  MISS %s\n", s)
	}
	t.Log(b.String())
	return recall, fpRate
}

// TestCrisisSet is the release gate: every crisis message in testdata/crisis.tsv
// must be flagged and at most 5% of the non-crisis ones. The set was written
// before the detector, then grew by rounds of held-out messages and
// development sets, each added only after its untuned recall was recorded (see
// the file's comments).
func TestCrisisSet(t *testing.T) {
	r := evalCrisis(loadTSV(t, "testdata/crisis.tsv"))
	_, fp := r.log(t, "testdata/crisis.tsv")
	if len(r.misses) > 0 {
		t.Errorf("%d crisis messages missed; recall must be 1.0 on the set", len(r.misses))
	}
	if fp > 0.05 {
		t.Errorf("false-positive rate %.3f > 0.05", fp)
	}
}

// crisisHoldouts are sets of messages written after the detector was frozen
// and never used to tune it, so they stay honest estimates of recall on
// unseen phrasings. Each present file is reported; a floor, where set, is the
// recall measured when the set was first run, untuned, minus a margin, and the
// ceiling is the spec's 5% false-positive rate.
var crisisHoldouts = []struct {
	path        string
	note        string
	recallFloor float64 // 0: report only
	fpCeiling   float64 // 0: report only
}{
	// Earlier rounds were folded into crisis.tsv after being measured; a new
	// crisis_holdout.tsv, if someone writes one, is reported too.
	{"testdata/crisis_holdout.tsv", "held out", 0, 0.05},
	// Round 5, written after the compositional tier was frozen. First run,
	// untuned: recall 35/40 = 0.875 (suicide 12/16, self-harm 7/8, abuse 9/9,
	// emergency 7/7), false positives 1/20.
	{"testdata/crisis_holdout3.tsv", "round 5, held out, not tuned on", 0.80, 0.05},
	// A blind set written by someone else for the final measurement: reported
	// only, never tuned on.
	{"testdata/crisis_holdout2.tsv", "blind, written by someone else, not tuned on", 0, 0},
}

// TestCrisisHoldouts reports recall and false positives on each held-out set
// present, one subtest per file (go test -run 'TestCrisisHoldouts/crisis_holdout3').
func TestCrisisHoldouts(t *testing.T) {
	for _, h := range crisisHoldouts {
		name := strings.TrimSuffix(h.path[strings.LastIndexByte(h.path, '/')+1:], ".tsv")
		t.Run(name, func(t *testing.T) {
			set := loadTSVIfExists(t, h.path)
			if set == nil {
				t.Skipf("%s not present", h.path)
			}
			r := evalCrisis(set)
			recall, fp := r.log(t, h.path+" ("+h.note+")")
			if h.recallFloor > 0 && recall < h.recallFloor {
				t.Errorf("holdout recall %.3f below floor %.2f", recall, h.recallFloor)
			}
			if h.fpCeiling > 0 && fp > h.fpCeiling {
				t.Errorf("holdout false-positive rate %.3f above %.2f", fp, h.fpCeiling)
			}
		})
	}
}

// TestNeedsMessagesAreNotCrises runs the detector over the needs set, 210
// everyday messages about rent, grief, stress and kids: extra negatives the
// crisis patterns were not written against.
func TestNeedsMessagesAreNotCrises(t *testing.T) {
	var fps []string
	set := loadTSV(t, "testdata/needs.tsv")
	for _, m := range set {
		if c, ok := DetectCrisis(m.text); ok {
			fps = append(fps, fmt.Sprintf("line %d %q -> %s (cue %q)", m.line, m.text, c.Kind, c.Cue))
		}
	}
	rate := float64(len(fps)) / float64(len(set))
	t.Logf("needs.tsv as negatives: %d/%d flagged (%.3f)\n%s", len(fps), len(set), rate, strings.Join(fps, "\n"))
	if rate > 0.05 {
		t.Errorf("false-positive rate %.3f on needs.tsv above 0.05", rate)
	}
}

func TestDetectCrisisExamples(t *testing.T) {
	tests := []struct {
		in   string
		want CrisisKind // "" for none
	}{
		{"I want to die", CrisisSuicide},
		{"I wish I was dead", CrisisSuicide},
		{"kill myself", CrisisSuicide},
		{"I'm not going to kill myself but I think about it", CrisisSuicide}, // strong cues survive negation
		{"i want to die lol", CrisisSuicide},                                 // and laughter
		{"I took 30 paracetamol and want to die", CrisisEmergency},           // most urgent kind wins
		{"my partner hits me", CrisisAbuse},
		{"cutting again", CrisisSelfHarm},
		{"chcę umrzeć", CrisisSuicide},
		{"CHCE UMRZEC", CrisisSuicide},
		{"I can't go on. Thanks for asking", CrisisSuicide},
		{"I can't go on holiday", ""},
		{"i'm going to kill him lol", ""},
		{"i'm going to kill him", CrisisEmergency},
		{"this queue is killing me", ""},
		{"dead tired", ""},
		{"", ""},
		{"7", ""},
	}
	for _, tt := range tests {
		c, ok := DetectCrisis(tt.in)
		if ok != (tt.want != "") || c.Kind != tt.want {
			t.Errorf("DetectCrisis(%q) = %+v, %v; want kind %q", tt.in, c, ok, tt.want)
		}
		if ok && c.Cue == "" {
			t.Errorf("DetectCrisis(%q): empty cue", tt.in)
		}
	}
}
