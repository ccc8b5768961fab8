package understand

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// rule is one phrase pattern over normalised text.
//
// A match is discarded when a match of excl overlaps it: exclusions name the
// figure of speech or the innocent context of a weak cue ("go on holiday" for
// "can't go on", "kill me if i'm late" for "my mum will kill me"). Requiring an
// overlap, rather than any exclusion anywhere in the message, means an
// innocent phrase in one sentence can never cancel a real cue in another.
type rule struct {
	re   *regexp.Regexp   // the whole pattern, for reference and tests
	res  []*regexp.Regexp // the same pattern in chunks (see compileChunks)
	excl []*regexp.Regexp
	// jokey rules are also cancelled by laughter ("lol", "haha", 😂): "I'm going
	// to kill him lol" is venting. Only weak cues are jokey; "I want to die lol"
	// is still a crisis.
	jokey bool
	// requires, if set, must also match the text the rule runs on (one
	// sentence, for crisis rules) for a match to count.
	requires *regexp.Regexp
	// unless, if set, cancels the rule when it matches anywhere in the whole
	// message: innocent context that need not touch the cue ("my son hit me
	// with his toy car by accident", "my nose is bleeding a lot").
	unless *regexp.Regexp
	// anchors: at least one of these substrings occurs in every text the
	// pattern can match (derived from the pattern, see requiredLiterals). nil
	// means no usable literal was found and the regexp always runs.
	anchors []string
}

func newRule(pattern, exclusion string, jokey bool) rule {
	r := rule{re: regexp.MustCompile(pattern), res: compileChunks(pattern), jokey: jokey}
	if exclusion != "" {
		r.excl = compileChunks(exclusion)
	}
	r.anchors = requiredLiterals(pattern)
	return r
}

// maxChunkInsts keeps each compiled chunk under Go's backtracking limit
// (500 instructions): below it regexp uses a bit-state backtracker that is
// several times faster on short texts than the NFA simulation it falls back
// to for bigger programs.
const maxChunkInsts = 450

// compileChunks splits pattern at its top-level "|" and compiles runs of
// alternatives that fit in maxChunkInsts. A match of the pattern is a match
// of one of the chunks, so callers take the leftmost over all chunks.
func compileChunks(pattern string) []*regexp.Regexp {
	parts := splitTopLevel(pattern)
	var out []*regexp.Regexp
	cur := ""
	for _, p := range parts {
		next := p
		if cur != "" {
			next = cur + "|" + p
		}
		if cur != "" && progSize(next) > maxChunkInsts {
			out = append(out, regexp.MustCompile(cur))
			next = p
		}
		cur = next
	}
	if cur != "" {
		out = append(out, regexp.MustCompile(cur))
	}
	return out
}

func progSize(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	return len(prog.Inst)
}

// splitTopLevel splits a regexp at "|" outside groups and classes.
func splitTopLevel(p string) []string {
	var parts []string
	depth, start, inClass := 0, 0, false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			parts = append(parts, p[start:i])
			start = i + 1
		}
	}
	return append(parts, p[start:])
}

// findAll returns the matches of any of res in text, sorted by start.
func findAll(res []*regexp.Regexp, text string) [][]int {
	if len(res) == 1 {
		return res[0].FindAllStringIndex(text, -1)
	}
	var ms [][]int
	for _, re := range res {
		ms = append(ms, re.FindAllStringIndex(text, -1)...)
	}
	slices.SortFunc(ms, func(a, b []int) int { return a[0] - b[0] })
	return ms
}

// laughRe spots laughter anywhere in a message; it cancels jokey (weak) cues.
var laughRe = regexp.MustCompile(`\b(?:lol|lool|lmao|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|jk|joking|kidding|xd)\b`)

// find returns the leftmost match of r in text that no exclusion overlaps.
// whole is the full message text laughter is looked for in (text may be one
// sentence of it). Callers apply the literal prefilter first (a ruleSet).
func (r *rule) find(text, whole string) (start, end int, ok bool) {
	ms := findAll(r.res, text)
	if len(ms) == 0 {
		return 0, 0, false
	}
	if r.requires != nil && !r.requires.MatchString(text) {
		return 0, 0, false
	}
	if r.jokey && laughRe.MatchString(whole) {
		return 0, 0, false
	}
	if r.unless != nil && r.unless.MatchString(whole) {
		return 0, 0, false
	}
	var ex [][]int
	if r.excl != nil {
		ex = findAll(r.excl, text)
	}
	for _, m := range ms {
		if !overlaps(m, ex) {
			return m[0], m[1], true
		}
	}
	return 0, 0, false
}

func overlaps(m []int, spans [][]int) bool {
	for _, s := range spans {
		if s[0] < m[1] && m[0] < s[1] {
			return true
		}
	}
	return false
}

// requiredLiterals returns a set of literal strings such that every match of
// pattern contains at least one of them, or nil if it finds no useful set.
// Deriving the prefilter from the pattern itself (rather than listing trigger
// words by hand) means it can never drift out of step with the pattern and
// silently hide a crisis cue.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	info := literalInfo(re.Simplify())
	set := info.best()
	if set == nil {
		return nil
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// litInfo describes a sub-expression: exact is the full set of strings it can
// match (nil if unknown or too many), req a set one of which every match
// contains (nil if unknown).
type litInfo struct {
	exact []string
	req   []string
}

const maxLitSet = 64

// quality ranks a required set by its least informative member: the letters
// left once the commonest words are removed, since " i'm " or " got " occur in
// most messages and would let the rule run almost always. Set size matters
// little (one automaton pass checks them all), so it only breaks near-ties. A
// set with a member under 2 bytes is useless.
func quality(set []string) int {
	if len(set) == 0 {
		return -1
	}
	m := 1 << 30
	for _, s := range set {
		if len(s) < 2 {
			return -1
		}
		m = min(m, informativeness(s))
	}
	// Even a set of common words beats running the regexp on every message.
	return max(m*4-len(set)/32, 0)
}

// commonWords are too frequent in messages to be worth filtering on.
var commonWords = toSet("i i'm im am me my the a an to and been being get got gets getting was were have has had is are of in on at it you he she they not don't can't just so really want going will would could should up out with for this that all be do did like feel what when if or but no")

// informativeness counts the bytes of lit outside common words. A literal cut
// mid-word ("suicid") counts in full: only whole common words are discounted.
func informativeness(lit string) int {
	n := 0
	for _, w := range strings.Fields(lit) {
		if !commonWords[w] {
			n += len(w)
		}
	}
	return n
}

func (li litInfo) best() []string {
	cands := [][]string{li.req}
	if li.exact != nil {
		cands = append(cands, li.exact)
	}
	var best []string
	bq := -1
	for _, c := range cands {
		if q := quality(c); q > bq {
			best, bq = c, q
		}
	}
	return best
}

func literalInfo(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return litInfo{}
		}
		return litInfo{exact: []string{string(re.Rune)}}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: []string{""}}
	case syntax.OpCharClass:
		// Small classes like [ss] or ['] expand; larger ones are unknown.
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
				if len(set) > 4 {
					return litInfo{}
				}
			}
		}
		return litInfo{exact: set}
	case syntax.OpCapture:
		return literalInfo(re.Sub[0])
	case syntax.OpQuest:
		sub := literalInfo(re.Sub[0])
		if sub.exact != nil && len(sub.exact) < maxLitSet {
			return litInfo{exact: append(slices.Clone(sub.exact), "")}
		}
		return litInfo{}
	case syntax.OpPlus:
		sub := literalInfo(re.Sub[0])
		return litInfo{req: sub.best()}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			sub := literalInfo(re.Sub[0])
			return litInfo{req: sub.best()}
		}
		return litInfo{}
	case syntax.OpAlternate:
		var exact, req []string
		exactOK, reqOK := true, true
		for _, s := range re.Sub {
			si := literalInfo(s)
			if si.exact != nil && exactOK {
				exact = append(exact, si.exact...)
			} else {
				exactOK = false
			}
			b := si.best()
			if b == nil {
				reqOK = false
			} else {
				req = append(req, b...)
			}
		}
		out := litInfo{}
		if exactOK && len(exact) <= maxLitSet {
			out.exact = exact
		}
		if reqOK {
			out.req = req
		}
		return out
	case syntax.OpConcat:
		// Walk the parts, growing a cross product of exact strings while it
		// stays small; every completed run of exact parts is a candidate
		// required set, and so is each part's own required set.
		var cands [][]string
		cur := []string{""}
		for _, s := range re.Sub {
			si := literalInfo(s)
			if si.exact != nil && cur != nil && len(cur)*len(si.exact) <= maxLitSet {
				next := make([]string, 0, len(cur)*len(si.exact))
				for _, a := range cur {
					for _, b := range si.exact {
						next = append(next, a+b)
					}
				}
				cur = next
				continue
			}
			if cur != nil {
				cands = append(cands, cur)
			}
			if si.exact != nil {
				cur = slices.Clone(si.exact)
			} else {
				cur = []string{""}
				if b := si.best(); b != nil {
					cands = append(cands, b)
				}
			}
		}
		out := litInfo{}
		if len(cands) == 0 {
			out.exact = cur
			return out
		}
		cands = append(cands, cur)
		bq := -1
		for _, c := range cands {
			if q := quality(c); q > bq {
				out.req, bq = c, q
			}
		}
		return out
	}
	return litInfo{}
}

// ruleSet is an ordered list of rules sharing one literal prefilter pass.
type ruleSet struct {
	rules []rule
	ac    *acMatcher
	// anchorRules[id] lists the rules that anchor id can trigger.
	anchorRules [][]uint16
	always      []uint64 // bitset of rules without anchors: they always run
}

func newRuleSet(rules []rule) *ruleSet {
	if len(rules) > 1<<16 {
		panic("understand: too many rules")
	}
	rs := &ruleSet{rules: rules, always: make([]uint64, (len(rules)+63)/64)}
	ids := map[string]int{}
	var anchors []string
	for i, r := range rules {
		if r.anchors == nil {
			rs.always[i/64] |= 1 << (i % 64)
			continue
		}
		for _, a := range r.anchors {
			id, ok := ids[a]
			if !ok {
				id = len(anchors)
				ids[a] = id
				anchors = append(anchors, a)
				rs.anchorRules = append(rs.anchorRules, nil)
			}
			rs.anchorRules[id] = append(rs.anchorRules[id], uint16(i))
		}
	}
	rs.ac = newACMatcher(anchors)
	return rs
}

// candidates returns the bitset of rules that may match text.
func (rs *ruleSet) candidates(text string) []uint64 {
	bits := make([]uint64, len(rs.always))
	copy(bits, rs.always)
	rs.ac.scan(text, func(id int32) {
		for _, r := range rs.anchorRules[id] {
			bits[r/64] |= 1 << (r % 64)
		}
	})
	return bits
}

// each calls f for each candidate rule in order until f returns false.
func (rs *ruleSet) each(text string, f func(i int, r *rule) bool) {
	bits := rs.candidates(text)
	for i := range rs.rules {
		if bits[i/64]&(1<<(i%64)) != 0 {
			if !f(i, &rs.rules[i]) {
				return
			}
		}
	}
}

// eachSentence splits text at boundary tokens and calls f for each (rule,
// sentence) pair where the prefilter lets the rule through, rules in order,
// until f returns false. Running a regexp over one sentence rather than the
// whole message keeps long messages cheap: most rules trigger in one sentence.
func (rs *ruleSet) eachSentence(text string, f func(i int, r *rule, sentence string) bool) {
	var sentences []string
	var bits [][]uint64
	for s := range strings.SplitSeq(text, " "+boundary+" ") {
		sentences = append(sentences, s)
		bits = append(bits, rs.candidates(s))
	}
	for i := range rs.rules {
		for k, s := range sentences {
			if bits[k][i/64]&(1<<(i%64)) != 0 {
				if !f(i, &rs.rules[i], s) {
					return
				}
			}
		}
	}
}
