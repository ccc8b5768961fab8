package understand

import (
	"fmt"
	"strconv"
	"strings"
)

// This file is the engine of the compositional crisis tier (see
// crisis_lexicon.go for the vocabulary and DetectCrisis for how the tiers
// combine).
//
// The phrase tier in crisis.go names whole phrasings; it is precise but only
// knows the sentences someone thought of. This tier instead tags concepts —
// "a means" (pills, rope, a bridge), "closeness" (in front of me, lined up),
// "a person in the household", "a violent verb", "an ending" (not be here,
// for good), "a farewell", "a decision", "tonight" — and builds crisis
// signals from how they combine in a sentence: means + closeness, a harm verb
// + my body, a partner + a violent verb + me. Concept words generalise to
// phrasings nobody listed; composition keeps the single words, which are
// innocent on their own, from alarming.
//
// A lexicon is a list of sections. Each section defines one tag:
//
//	tag NAME kind=suicide booster cap=2 cancels=OTHER,TAGS scope=msg
//	=W phrase; phrase; ...      (W is the weight the phrases give the kind)
//	! phrase; ...               (exclusions: a hit of NAME overlapping one is dropped)
//
// Phrase syntax, token by token over the normalised text: "word"; "a/b/c"
// for alternatives; "word*" for a prefix; "[x/y]" for an optional token;
// "~N" for a gap of up to N tokens; "_" for exactly one token; "$" for the
// end of a sentence; "%num" for a count of 8 or more; "@TAG" for any hit of
// another tag. Phrases never cross a sentence boundary.
//
// Tags without a kind are helpers (people, body parts, means). A tag with
// cancels= removes hits of the listed tags from every sentence it occurs in
// ("chopping onions" cancels a self-harm reading of "cut my hand"), or from
// the whole message with scope=msg.
//
// Scoring, per kind: base is the sum of the weights of non-booster hits, with
// overlapping hits counted once (the heaviest), so several weak hints can add
// up to a signal ("i'm worthless" + "the world doesn't need me"). Boosters
// ("tonight", "decided", "want") add their weight, up to their cap, only when
// base > 0 and only where they do not overlap a counted hit. A kind fires at
// composeThreshold, or one above it when the message laughs ("lol", 😂).
// When it fires only by adding up (no single hit reaches the threshold) the
// message must not be only about someone else (thirdPersonOnly).

const composeThreshold = 3

type ctag struct {
	name    string
	kind    CrisisKind
	booster bool
	cap     int
	cancels []int
	msg     bool // cancels in the whole message, not just its sentence
}

const (
	elWord = iota
	elGap
	elAny
	elEnd
	elTag
	elNum
)

type celem struct {
	op       uint8
	n        int // gap size or tag id
	words    []string
	wordSet  map[string]bool // words, when there are many
	prefixes []string
}

func (e *celem) matchWord(t string) bool {
	if e.wordSet != nil {
		if e.wordSet[t] {
			return true
		}
	} else {
		for _, w := range e.words {
			if w == t {
				return true
			}
		}
	}
	for _, p := range e.prefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

type cphrase struct {
	src    string
	elems  []celem
	tag    int
	weight int
	excl   bool
	level  int
}

type levelIndex struct {
	byWord map[string][]int32
	byPre  map[string][]int32 // first two bytes of a prefix
}

type composer struct {
	tags      []ctag
	tagByName map[string]int
	phrases   []cphrase
	nlevels   int
	// wordIdx indexes every phrase that starts with a word (exclusions and
	// all levels together), so each token is looked up once per message;
	// tagIdx[level] indexes phrases that start with a tag.
	wordIdx   levelIndex
	tagIdx    []map[int][]int32
	hasExcl   []bool // tag id -> has exclusions
	cancelers []bool // tag id -> cancels others in its sentence
}

type chit struct {
	tag    int16
	s, e   int16
	weight int8
	dead   bool
	sent   int16
	next   int32 // next hit starting at the same token
}

func mustComposer(src string) *composer {
	c, err := newComposer(src)
	if err != nil {
		panic(err)
	}
	return c
}

func newComposer(src string) (*composer, error) {
	c := &composer{tagByName: map[string]int{}}
	type rawPhrase struct {
		text   string
		tag    int
		weight int
		excl   bool
	}
	var raws []rawPhrase
	cur := -1
	weight := 0
	cancelNames := map[int][]string{}
	for ln, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "tag "):
			f := strings.Fields(line[4:])
			t := ctag{name: f[0]}
			for _, opt := range f[1:] {
				k, v, _ := strings.Cut(opt, "=")
				switch k {
				case "kind":
					t.kind = CrisisKind(v)
				case "booster":
					t.booster = true
				case "cap":
					n, err := strconv.Atoi(v)
					if err != nil {
						return nil, fmt.Errorf("lexicon line %d: %v", ln+1, err)
					}
					t.cap = n
				case "cancels":
					cancelNames[len(c.tags)] = strings.Split(v, ",")
				case "scope":
					if v != "msg" {
						return nil, fmt.Errorf("lexicon line %d: unknown scope %q", ln+1, v)
					}
					t.msg = true
				default:
					return nil, fmt.Errorf("lexicon line %d: unknown option %q", ln+1, opt)
				}
			}
			if t.cap > 0 && !t.booster {
				return nil, fmt.Errorf("lexicon line %d: cap applies to boosters only", ln+1)
			}
			if _, dup := c.tagByName[t.name]; dup {
				return nil, fmt.Errorf("lexicon line %d: tag %s defined twice", ln+1, t.name)
			}
			cur = len(c.tags)
			c.tagByName[t.name] = cur
			c.tags = append(c.tags, t)
			weight = 0
		case cur < 0:
			return nil, fmt.Errorf("lexicon line %d: phrase before any tag", ln+1)
		case line[0] == '=':
			ws, rest, _ := strings.Cut(line[1:], " ")
			n, err := strconv.Atoi(ws)
			if err != nil {
				return nil, fmt.Errorf("lexicon line %d: bad weight %q", ln+1, ws)
			}
			weight = n
			for _, p := range strings.Split(rest, ";") {
				if p = strings.TrimSpace(p); p != "" {
					raws = append(raws, rawPhrase{p, cur, weight, false})
				}
			}
		case line[0] == '!':
			for _, p := range strings.Split(line[1:], ";") {
				if p = strings.TrimSpace(p); p != "" {
					raws = append(raws, rawPhrase{p, cur, 0, true})
				}
			}
		default:
			for _, p := range strings.Split(line, ";") {
				if p = strings.TrimSpace(p); p != "" {
					raws = append(raws, rawPhrase{p, cur, weight, false})
				}
			}
		}
	}
	c.hasExcl = make([]bool, len(c.tags))
	c.cancelers = make([]bool, len(c.tags))
	for id, names := range cancelNames {
		for _, n := range names {
			t, ok := c.tagByName[n]
			if !ok {
				return nil, fmt.Errorf("tag %s cancels unknown tag %s", c.tags[id].name, n)
			}
			c.tags[id].cancels = append(c.tags[id].cancels, t)
		}
		c.cancelers[id] = true
	}
	for _, r := range raws {
		variants, err := expandOptional(strings.Fields(r.text))
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %v", r.text, err)
		}
		for _, v := range variants {
			p := cphrase{src: r.text, tag: r.tag, weight: r.weight, excl: r.excl}
			for _, tok := range v {
				el, err := c.parseElem(tok)
				if err != nil {
					return nil, fmt.Errorf("phrase %q: %v", r.text, err)
				}
				p.elems = append(p.elems, el)
			}
			if len(p.elems) == 0 {
				continue
			}
			if f := p.elems[0].op; f != elWord && f != elTag && f != elNum {
				return nil, fmt.Errorf("phrase %q must start with a word, a number or a tag", r.text)
			}
			if p.excl {
				for _, el := range p.elems {
					if el.op == elTag {
						return nil, fmt.Errorf("exclusion %q may not use tags", r.text)
					}
				}
				c.hasExcl[r.tag] = true
			}
			c.phrases = append(c.phrases, p)
		}
	}
	if err := c.assignLevels(); err != nil {
		return nil, err
	}
	c.wordIdx = levelIndex{byWord: map[string][]int32{}, byPre: map[string][]int32{}}
	for i := range c.phrases {
		p := &c.phrases[i]
		if !p.excl {
			c.nlevels = max(c.nlevels, p.level+1)
		}
	}
	c.tagIdx = make([]map[int][]int32, c.nlevels)
	for i := range c.tagIdx {
		c.tagIdx[i] = map[int][]int32{}
	}
	for i := range c.phrases {
		p := &c.phrases[i]
		idx := &c.wordIdx
		first := p.elems[0]
		switch first.op {
		case elTag:
			c.tagIdx[p.level][first.n] = append(c.tagIdx[p.level][first.n], int32(i))
		case elNum:
			idx.byWord["%num"] = append(idx.byWord["%num"], int32(i))
		default:
			for _, w := range first.words {
				idx.byWord[w] = append(idx.byWord[w], int32(i))
			}
			for _, pre := range first.prefixes {
				idx.byPre[pre[:2]] = append(idx.byPre[pre[:2]], int32(i))
			}
		}
	}
	return c, nil
}

// expandOptional expands a phrase's tokens into plain variants: "[x]" is
// optional, and an alternative holding underscores ("in_front_of/next_to")
// stands for several tokens, so it becomes a variant of its own. Plain
// one-word alternatives stay grouped in one token ("a/b/c").
func expandOptional(toks []string) ([][]string, error) {
	out := [][]string{nil}
	for _, t := range toks {
		optional := false
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			optional, t = true, t[1:len(t)-1]
		}
		var options [][]string
		if t == "_" || !strings.Contains(t, "_") {
			options = append(options, []string{t})
		} else {
			var simple []string
			for _, alt := range strings.Split(t, "/") {
				if strings.Contains(alt, "_") {
					options = append(options, strings.Split(alt, "_"))
				} else {
					simple = append(simple, alt)
				}
			}
			if len(simple) > 0 {
				options = append(options, []string{strings.Join(simple, "/")})
			}
		}
		if optional {
			options = append(options, nil)
		}
		next := make([][]string, 0, len(out)*len(options))
		for _, o := range out {
			for _, opt := range options {
				v := append(append([]string(nil), o...), opt...)
				next = append(next, v)
			}
		}
		out = next
		if len(out) > 512 {
			return nil, fmt.Errorf("too many variants")
		}
	}
	return out, nil
}

func (c *composer) parseElem(tok string) (celem, error) {
	switch {
	case tok == "$":
		return celem{op: elEnd}, nil
	case tok == "_":
		return celem{op: elAny}, nil
	case tok == "%num":
		return celem{op: elNum}, nil
	case tok[0] == '~':
		n, err := strconv.Atoi(tok[1:])
		if err != nil || n < 1 {
			return celem{}, fmt.Errorf("bad gap %q", tok)
		}
		return celem{op: elGap, n: n}, nil
	case tok[0] == '@':
		id, ok := c.tagByName[tok[1:]]
		if !ok {
			return celem{}, fmt.Errorf("unknown tag %s", tok)
		}
		return celem{op: elTag, n: id}, nil
	}
	var e celem
	for _, alt := range strings.Split(tok, "/") {
		if alt == "" {
			return celem{}, fmt.Errorf("empty alternative in %q", tok)
		}
		if strings.HasSuffix(alt, "*") {
			pre := alt[:len(alt)-1]
			if len(pre) < 2 {
				return celem{}, fmt.Errorf("prefix %q too short", alt)
			}
			e.prefixes = append(e.prefixes, pre)
			continue
		}
		e.words = append(e.words, alt)
	}
	e.op = elWord
	if len(e.words) > 6 {
		e.wordSet = toSet(strings.Join(e.words, " "))
	}
	return e, nil
}

// assignLevels orders phrases so that every tag a phrase refers to is
// complete before the phrase is matched.
func (c *composer) assignLevels() error {
	tagLevel := make([]int, len(c.tags))
	for iter := 0; ; iter++ {
		if iter > len(c.tags)+2 {
			return fmt.Errorf("cycle among lexicon tags")
		}
		changed := false
		for i := range c.phrases {
			p := &c.phrases[i]
			lvl := 0
			for _, el := range p.elems {
				if el.op == elTag {
					lvl = max(lvl, tagLevel[el.n]+1)
				}
			}
			if lvl != p.level {
				p.level = lvl
				changed = true
			}
			if !p.excl && lvl > tagLevel[p.tag] {
				tagLevel[p.tag] = lvl
				changed = true
			}
		}
		if !changed {
			return nil
		}
	}
}

// composeState is the per-message matching state.
type composeState struct {
	c      *composer
	toks   []string
	sent   []int16 // sentence index of each token
	head   []int32 // first hit starting at each token, -1 for none
	hits   []chit
	excl   []chit
	cancel map[int64]bool // sentence<<32 | tag -> cancelled
}

func isNumTok(t string) bool {
	if t == "" {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return bigNumberWords[t]
		}
		n = n*10 + int(t[i]-'0')
		if n > 100000 {
			return true
		}
	}
	return n >= 8
}

var bigNumberWords = toSet("eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen dozens")

// match returns the end of the shortest match of p's elements from k at token i, or -1.
func (st *composeState) match(p *cphrase, k, i int) int {
	if k == len(p.elems) {
		return i
	}
	e := &p.elems[k]
	n := len(st.toks)
	switch e.op {
	case elWord:
		if i < n && st.toks[i] != boundary && e.matchWord(st.toks[i]) {
			return st.match(p, k+1, i+1)
		}
	case elNum:
		if i < n && isNumTok(st.toks[i]) {
			return st.match(p, k+1, i+1)
		}
	case elAny:
		if i < n && st.toks[i] != boundary {
			return st.match(p, k+1, i+1)
		}
	case elEnd:
		if i == n || st.toks[i] == boundary {
			return st.match(p, k+1, i)
		}
	case elGap:
		for g := 0; g <= e.n; g++ {
			if g > 0 && (i+g-1 >= n || st.toks[i+g-1] == boundary) {
				break
			}
			if r := st.match(p, k+1, i+g); r >= 0 {
				return r
			}
		}
	case elTag:
		if i >= n {
			return -1
		}
		for h := st.head[i]; h >= 0; h = st.hits[h].next {
			hh := &st.hits[h]
			if int(hh.tag) == e.n && !hh.dead {
				if r := st.match(p, k+1, int(hh.e)); r >= 0 {
					return r
				}
			}
		}
	}
	return -1
}

func (st *composeState) excluded(tag int, s, e int) bool {
	for _, x := range st.excl {
		if int(x.tag) == tag && int(x.s) < e && s < int(x.e) {
			return true
		}
	}
	return false
}

func (st *composeState) add(p *cphrase, s, e int) {
	if st.c.hasExcl[p.tag] && st.excluded(p.tag, s, e) {
		return
	}
	// One hit per (tag, start, end): keep the heaviest.
	for h := st.head[s]; h >= 0; h = st.hits[h].next {
		hh := &st.hits[h]
		if int(hh.tag) == p.tag && int(hh.e) == e {
			if int(hh.weight) < p.weight {
				hh.weight = int8(p.weight)
			}
			return
		}
	}
	dead := st.cancelled(st.sent[s], p.tag)
	st.hits = append(st.hits, chit{tag: int16(p.tag), s: int16(s), e: int16(e), weight: int8(p.weight), dead: dead, sent: st.sent[s], next: st.head[s]})
	st.head[s] = int32(len(st.hits) - 1)
}

func (c *composer) run(toks []string) *composeState {
	n := len(toks)
	st := &composeState{c: c, toks: toks, sent: make([]int16, n), head: make([]int32, n)}
	var sn int16
	for i, t := range toks {
		if t == boundary {
			sn++
		}
		st.sent[i] = sn
		st.head[i] = -1
	}
	// Word-started candidates of every level, looked up once per token.
	cstart := make([]int32, n+1)
	var cands []int32
	for i, t := range toks {
		cstart[i] = int32(len(cands))
		if t == boundary {
			continue
		}
		cands = append(cands, c.wordIdx.byWord[t]...)
		if len(t) >= 2 {
			cands = append(cands, c.wordIdx.byPre[t[:2]]...)
		}
		if isNumTok(t) {
			cands = append(cands, c.wordIdx.byWord["%num"]...)
		}
	}
	cstart[n] = int32(len(cands))
	for i := range toks {
		for _, pi := range cands[cstart[i]:cstart[i+1]] {
			p := &c.phrases[pi]
			if !p.excl {
				continue
			}
			if e := st.match(p, 0, i); e >= 0 {
				st.excl = append(st.excl, chit{tag: int16(p.tag), s: int16(i), e: int16(e)})
			}
		}
	}
	for lvl := 0; lvl < c.nlevels; lvl++ {
		byTag := c.tagIdx[lvl]
		for i := range toks {
			for _, pi := range cands[cstart[i]:cstart[i+1]] {
				p := &c.phrases[pi]
				if p.excl || p.level != lvl {
					continue
				}
				if e := st.match(p, 0, i); e > i {
					st.add(p, i, e)
				}
			}
			if len(byTag) == 0 {
				continue
			}
			// Collect the tags first: adding hits at i grows the list.
			var tags [8]int
			nt := 0
			for h := st.head[i]; h >= 0; h = st.hits[h].next {
				if !st.hits[h].dead && nt < len(tags) {
					tags[nt] = int(st.hits[h].tag)
					nt++
				}
			}
			for _, tg := range tags[:nt] {
				for _, pi := range byTag[tg] {
					p := &c.phrases[pi]
					if e := st.match(p, 0, i); e > i {
						st.add(p, i, e)
					}
				}
			}
		}
		if lvl == 0 {
			st.applyCancels()
		}
	}
	return st
}

// applyCancels records, after the word-level pass, which tags each sentence
// cancels, and kills the level-0 hits concerned; later levels check the
// record as they add hits. Canceller tags must be word-level.
func (st *composeState) applyCancels() {
	// Two rounds, so that a canceller can itself be cancelled: "on purpose"
	// cancels the accident context that would cancel "cut my arm".
	var first map[int64]bool
	for round := 0; round < 2; round++ {
		st.cancel = nil
		for _, h := range st.hits {
			if h.dead || !st.c.cancelers[h.tag] || first[cancelKey(h.sent, int(h.tag))] || first[cancelKey(-1, int(h.tag))] {
				continue
			}
			if st.cancel == nil {
				st.cancel = map[int64]bool{}
			}
			sent := h.sent
			if st.c.tags[h.tag].msg {
				sent = -1
			}
			for _, t := range st.c.tags[h.tag].cancels {
				st.cancel[cancelKey(sent, t)] = true
			}
		}
		if st.cancel == nil {
			return
		}
		first = st.cancel
	}
	if st.cancel == nil {
		return
	}
	for i := range st.hits {
		h := &st.hits[i]
		if st.cancelled(h.sent, int(h.tag)) {
			h.dead = true
		}
	}
}

func cancelKey(sent int16, tag int) int64 { return int64(sent)<<32 | int64(tag) }

// cancelled reports whether hits of tag are cancelled in sentence sent.
func (st *composeState) cancelled(sent int16, tag int) bool {
	return st.cancel != nil && (st.cancel[cancelKey(sent, tag)] || st.cancel[cancelKey(-1, tag)])
}

// composeResult is what the tier found for one kind.
type composeResult struct {
	score int
	cue   [2]int // token span of the heaviest contributing hit
}

// score adds up the hits of kind k.
func (st *composeState) score(k CrisisKind) composeResult {
	var res composeResult
	type span struct{ s, e, w int }
	var counted []span
	best := -1
	// Base: clusters of overlapping hits count their heaviest member once.
	for i := range st.hits {
		h := &st.hits[i]
		t := &st.c.tags[h.tag]
		if h.dead || t.kind != k || t.booster || h.weight <= 0 {
			continue
		}
		merged := false
		for j := range counted {
			c := &counted[j]
			if int(h.s) < c.e && c.s < int(h.e) {
				if int(h.weight) > c.w {
					c.w = int(h.weight)
				}
				c.s, c.e = min(c.s, int(h.s)), max(c.e, int(h.e))
				merged = true
				break
			}
		}
		if !merged {
			counted = append(counted, span{int(h.s), int(h.e), int(h.weight)})
		}
	}
	base := 0
	for j, c := range counted {
		base += c.w
		if best < 0 || c.w > counted[best].w {
			best = j
		}
	}
	if base == 0 {
		return res
	}
	res.cue = [2]int{counted[best].s, counted[best].e}
	single := counted[best].w
	// Boosters.
	boost := map[int16]int{}
	for i := range st.hits {
		h := &st.hits[i]
		t := &st.c.tags[h.tag]
		if h.dead || t.kind != k || !t.booster {
			continue
		}
		over := false
		for _, c := range counted {
			if int(h.s) < c.e && c.s < int(h.e) {
				over = true
				break
			}
		}
		if !over && int(h.weight) > boost[h.tag] {
			boost[h.tag] = int(h.weight)
		}
	}
	for tg, w := range boost {
		if cp := st.c.tags[tg].cap; cp > 0 && w > cp {
			w = cp
		}
		base += w
	}
	res.score = base
	if single < composeThreshold && st.thirdPersonOnly() {
		res.score = 0
	}
	return res
}

// firstPersonWords mark a message as about the sender (Polish included:
// "mnie", "się" and the first-person verbs that carry the pronoun).
var firstPersonWords = toSet("i i'm i've i'd i'll me my myself mine ja mnie mi sie siebie sobie moj moja moje mojego mojej mam jestem chce")

// thirdPersonWords mark a message as about someone else.
var thirdPersonWords = toSet("he she they he's she's they're his her their him them he'll she'll they'll he'd she'd on ona oni jego jej ich")

// thirdPersonOnly reports whether the message talks about someone else and
// never about the sender. Signals that are built up from weak hints count
// only when the sender may be talking about themselves: "soon none of this
// will matter" has no pronoun at all and is read as the sender's own.
func (st *composeState) thirdPersonOnly() bool {
	third := false
	for _, t := range st.toks {
		if firstPersonWords[t] {
			return false
		}
		if thirdPersonWords[t] {
			third = true
		}
	}
	return third
}

func (st *composeState) cueText(span [2]int) string {
	return strings.Join(st.toks[span[0]:span[1]], " ")
}
