package understand

import (
	"slices"
	"strings"
	"testing"
)

// TestPrefilterSound checks that the literal prefilter derived from each
// pattern never hides a match: run every pattern without the prefilter over
// every test message and demand mayMatch agrees whenever the regexp matches.
func TestPrefilterSound(t *testing.T) {
	var texts []string
	for _, f := range []string{"testdata/crisis.tsv", "testdata/needs.tsv", "testdata/crisis_holdout.tsv"} {
		for _, m := range loadTSVIfExists(t, f) {
			texts = append(texts, Normalize(m.text), normalizeJoined(m.text))
		}
	}
	var rules []*rule
	for i := range crisisRules {
		for j := range crisisRules[i].rules {
			rules = append(rules, &crisisRules[i].rules[j])
		}
	}
	for i := range needRules {
		rules = append(rules, &needRules[i].rule)
	}
	withAnchors := 0
	for _, r := range rules {
		if r.anchors != nil {
			withAnchors++
		}
		for _, text := range texts {
			if r.re.MatchString(text) && !r.mayMatch(text) {
				t.Errorf("prefilter %q hides a match of %s in %q", r.anchors, r.re, text)
			}
		}
	}
	t.Logf("%d of %d rules have a literal prefilter", withAnchors, len(rules))

	// The automaton path used in production must agree, sentence by sentence,
	// and the chunked regexps must match exactly when the whole pattern does.
	for _, rs := range []*ruleSet{crisisSet, needSet} {
		for _, text := range texts {
			for sentence := range strings.SplitSeq(text, " "+boundary+" ") {
				bits := rs.candidates(sentence)
				for i := range rs.rules {
					r := &rs.rules[i]
					whole := r.re.MatchString(sentence)
					if whole && bits[i/64]&(1<<(i%64)) == 0 {
						t.Errorf("automaton prefilter hides a match of %s in %q", r.re, sentence)
					}
					if chunked := len(findAll(r.res, sentence)) > 0; chunked != whole {
						t.Errorf("chunked %s: match %v, whole pattern %v on %q", r.re, chunked, whole, sentence)
					}
				}
			}
		}
	}
}

func TestSplitTopLevel(t *testing.T) {
	got := splitTopLevel(`a|(b|c)|[|]|\||d`)
	want := []string{"a", "(b|c)", "[|]", `\|`, "d"}
	if !slices.Equal(got, want) {
		t.Errorf("splitTopLevel = %q, want %q", got, want)
	}
}

// normalizeJoined is the text DetectCrisis matches against.
func normalizeJoined(s string) string {
	return strings.Join(normalizeTokens(s, true), " ")
}

// mayMatch applies one rule's literal prefilter on its own.
func (r *rule) mayMatch(text string) bool {
	if r.anchors == nil {
		return true
	}
	for _, a := range r.anchors {
		if strings.Contains(text, a) {
			return true
		}
	}
	return false
}

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`\bsuicid\w*`, []string{"suicid"}},
		{`\b(?:took|taken) too many\b`, []string{"taken too many", "took too many"}},
		{`\bkill(?:ing|ed)? myself\b`, []string{"kill myself", "killed myself", "killing myself"}},
		{`\w+`, nil},
		{`\bdv\b`, []string{"dv"}},
		{`\ba|cd\b`, nil}, // too short to filter on
	}
	for _, tt := range tests {
		got := requiredLiterals(tt.pattern)
		if !slices.Equal(got, tt.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
