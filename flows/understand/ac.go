package understand

// acMatcher is an Aho–Corasick automaton over byte strings, compiled to a dense
// DFA over a compressed alphabet. DetectCrisis runs on every inbound message:
// one pass of this over the text tells which of ~150 phrase rules could match
// at all, so only those few regexps run. Checking each rule's literals with
// strings.Contains instead cost more than all the regexps together.
type acMatcher struct {
	class  [256]uint8 // byte -> symbol class; 0 means "in no pattern"
	nclass int
	delta  []int32   // delta[state*nclass+class] = next state
	out    [][]int32 // pattern ids that end at each state, fail links included
}

func newACMatcher(patterns []string) *acMatcher {
	m := &acMatcher{nclass: 1}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				m.class[p[i]] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	if m.nclass > 255 {
		panic("understand: alphabet too large for acMatcher")
	}
	// Trie.
	type node struct {
		next map[uint8]int32
		out  []int32
	}
	nodes := []node{{next: map[uint8]int32{}}}
	for id, p := range patterns {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := m.class[p[i]]
			n, ok := nodes[s].next[c]
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, node{next: map[uint8]int32{}})
				nodes[s].next[c] = n
			}
			s = n
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	// Breadth-first: failure links, then the dense transition table.
	nc := m.nclass
	m.delta = make([]int32, len(nodes)*nc)
	m.out = make([][]int32, len(nodes))
	fail := make([]int32, len(nodes))
	queue := make([]int32, 0, len(nodes))
	for c := 1; c < nc; c++ {
		if n, ok := nodes[0].next[uint8(c)]; ok {
			m.delta[c] = n
			queue = append(queue, n)
		}
	}
	m.out[0] = nodes[0].out
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(append([]int32(nil), nodes[s].out...), m.out[fail[s]]...)
		for c := 1; c < nc; c++ {
			if n, ok := nodes[s].next[uint8(c)]; ok {
				fail[n] = m.delta[int(fail[s])*nc+c]
				m.delta[int(s)*nc+c] = n
				queue = append(queue, n)
			} else {
				m.delta[int(s)*nc+c] = m.delta[int(fail[s])*nc+c]
			}
		}
	}
	return m
}

// scan calls hit for every pattern occurrence in text (possibly repeatedly).
func (m *acMatcher) scan(text string, hit func(id int32)) {
	s := int32(0)
	nc := int32(m.nclass)
	for i := 0; i < len(text); i++ {
		s = m.delta[s*nc+int32(m.class[text[i]])]
		for _, id := range m.out[s] {
			hit(id)
		}
	}
}
