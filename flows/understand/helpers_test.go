package understand

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// labelled is one line of a testdata TSV file.
type labelled struct {
	line  int
	text  string
	label string
}

// loadTSV reads message<TAB>label lines, skipping blank lines and # comments.
func loadTSV(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, label, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab in %q", path, n, line)
		}
		out = append(out, labelled{line: n, text: text, label: strings.TrimSpace(label)})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// loadTSVIfExists is loadTSV that returns nil for a missing file.
func loadTSVIfExists(t testing.TB, path string) []labelled {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	return loadTSV(t, path)
}
