package directory

import (
	_ "embed"
	"slices"
	"sync"
)

// sampleJSON is a fictional London directory (every id starts with "sample-"), so that Signpost
// has something sensible to suggest before a real Open Referral UK feed is imported.
//
//go:embed sample/london-sample.json
var sampleJSON []byte

var (
	sampleOnce     sync.Once
	sampleServices []Service
)

// Sample returns the embedded fictional London directory. It is parsed once, on first use; if the
// embedded file were ever broken it returns what could be parsed (a test guards against that)
// rather than panicking. The returned slice is a copy, but the Services share their inner
// slices with every other caller: treat them as read-only.
func Sample() []Service {
	sampleOnce.Do(func() {
		sampleServices, _, _ = Parse(sampleJSON)
	})
	return slices.Clone(sampleServices)
}
