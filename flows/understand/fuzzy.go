package understand

// damerauLevenshtein returns the optimal-string-alignment distance between a
// and b (insertions, deletions, substitutions and adjacent transpositions each
// cost 1), comparing bytes. It gives up early, returning limit+1, once every
// alignment already costs more than limit: callers only ask "is it within k?",
// and the early exit keeps the fuzzy look-ups cheap on every inbound message.
func damerauLevenshtein(a, b string, limit int) int {
	la, lb := len(a), len(b)
	if abs(la-lb) > limit {
		return limit + 1
	}
	// Three rolling rows: two back (for transpositions), previous, current.
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
