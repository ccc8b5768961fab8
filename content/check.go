package content

import (
	"fmt"
	"regexp"
	"sort"
)

// Problem is one finding of a content check.
type Problem struct {
	Error   bool // an error fails the check; a warning is reported
	Locale  string
	Key     string
	Message string
}

func (p Problem) String() string {
	level := "warning"
	if p.Error {
		level = "error"
	}
	where := p.Locale
	if p.Key != "" {
		where += " " + p.Key
	}
	return fmt.Sprintf("%s: %s: %s", level, where, p.Message)
}

// MaxSegments is the most SMS segments one message may take: Twilio refuses bodies over 1,600
// characters, and long messages cost more and read worse.
const MaxSegments = 4

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Check validates the messages: every key English has, in every locale (a gap falls back to
// English, so it is a warning outside English); the keys the flows use; placeholders that match
// English's; SMS segments; and characters that force UCS-2 (which halves what a segment holds).
func (b *Bundle) Check(required []string) []Problem {
	var ps []Problem
	en := b.locales[DefaultLocale]
	for _, k := range required {
		if s, ok := en[k]; !ok || s == "" {
			ps = append(ps, Problem{Error: true, Locale: DefaultLocale, Key: k, Message: "missing: the flows use this key"})
		}
	}
	for _, loc := range b.Locales() {
		msgs := b.locales[loc]
		var ucs2 []string
		for _, k := range b.Keys(DefaultLocale) {
			if _, ok := msgs[k]; !ok {
				ps = append(ps, Problem{Locale: loc, Key: k, Message: "missing: falls back to English"})
			}
		}
		for _, k := range b.Keys(loc) {
			s := msgs[k]
			if s == "" {
				ps = append(ps, Problem{Error: true, Locale: loc, Key: k, Message: "empty message"})
				continue
			}
			if _, ok := en[k]; !ok && loc != DefaultLocale {
				ps = append(ps, Problem{Locale: loc, Key: k, Message: "not in English: never used"})
			}
			if loc != DefaultLocale {
				if want, got := placeholders(en[k]), placeholders(s); en[k] != "" && want != got {
					ps = append(ps, Problem{Error: true, Locale: loc, Key: k,
						Message: fmt.Sprintf("placeholders %s differ from English's %s", got, want)})
				}
			}
			n, enc := Segments(s)
			if n > MaxSegments {
				ps = append(ps, Problem{Error: true, Locale: loc, Key: k,
					Message: fmt.Sprintf("%d SMS segments (%s); at most %d", n, enc, MaxSegments)})
			}
			if bad := NonGSM(s); len(bad) > 0 {
				if loc == DefaultLocale {
					ps = append(ps, Problem{Error: true, Locale: loc, Key: k,
						Message: fmt.Sprintf("characters %q force UCS-2 on SMS (%d segments)", string(bad), n)})
				} else {
					ucs2 = append(ucs2, k)
				}
			}
		}
		if len(ucs2) > 0 {
			// A language's own letters (Polish ł, ę...) are expected: one line per locale.
			ps = append(ps, Problem{Locale: loc, Message: fmt.Sprintf(
				"%d of %d messages use letters outside GSM-7 and go as UCS-2 on SMS (70 characters a segment)",
				len(ucs2), len(msgs))})
		}
	}
	return ps
}

func placeholders(s string) string {
	found := placeholder.FindAllString(s, -1)
	sort.Strings(found)
	return fmt.Sprint(found)
}
