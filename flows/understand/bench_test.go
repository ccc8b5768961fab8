package understand

import (
	"strings"
	"testing"
)

// BenchmarkDetectCrisis runs on every inbound message, so it must stay cheap.
// Each op is one message, cycling through the whole labelled set (crisis and
// non-crisis, short answers and long sentences).
func BenchmarkDetectCrisis(b *testing.B) {
	set := loadTSV(b, "testdata/crisis.tsv")
	msgs := make([]string, len(set))
	for i, m := range set {
		msgs[i] = m.text
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		DetectCrisis(msgs[i%len(msgs)])
		i++
	}
}

// BenchmarkDetectCrisisLong is a worst-ish case: a long, rambling non-crisis
// message that touches many anchor words without matching.
func BenchmarkDetectCrisisLong(b *testing.B) {
	msg := strings.Repeat("I'm so tired of the noise, my feet are killing me and I can't go on holiday this year because the rent went up and my partner says we can't afford it. ", 3)
	b.ReportAllocs()
	for b.Loop() {
		DetectCrisis(msg)
	}
}

func BenchmarkParseNeeds(b *testing.B) {
	set := loadTSV(b, "testdata/needs.tsv")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ParseNeeds(set[i%len(set)].text)
		i++
	}
}
