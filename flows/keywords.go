package flows

import (
	"strconv"
	"strings"
	"unicode"
)

// keyword returns the message as one upper-case word with surrounding punctuation removed
// ("Stop." -> "STOP"), or "" when it is more than one word. Commands are single words so that
// "please don't stop" is not an opt-out: this is how Twilio matches its opt-out keywords too.
func keyword(text string) string {
	t := strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if t == "" || strings.IndexFunc(t, unicode.IsSpace) >= 0 {
		return ""
	}
	return strings.ToUpper(t)
}

// Twilio's default opt-out and opt-in keywords
// (https://help.twilio.com/articles/223134027), plus Polish equivalents.
var (
	stopWords  = set("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "STOPP")
	startWords = set("START", "UNSTOP", "YES", "TAK")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isStop(word string) bool  { return stopWords[word] }
func isStart(word string) bool { return startWords[word] }

// yesNo reads a consent answer.
func yesNo(text string) string {
	switch keyword(strings.TrimSpace(strings.ToLower(text))) {
	case "YES", "Y", "YEP", "YEAH", "YA", "OK", "OKAY", "SURE", "1", "TAK", "T", "AGREE":
		return "yes"
	case "NO", "N", "NOPE", "NAH", "2", "NIE":
		return "no"
	}
	t := strings.ToLower(text)
	switch {
	case strings.HasPrefix(t, "yes"), strings.HasPrefix(t, "ok"), strings.HasPrefix(t, "tak"):
		return "yes"
	case strings.HasPrefix(t, "no ") || strings.HasPrefix(t, "nie "):
		return "no"
	}
	return ""
}

// languageWord maps a language's name typed as one word to its locale ("POLSKI" -> "pl").
func languageWord(word string) string {
	switch word {
	case "POLSKI", "POLISH":
		return "pl"
	case "ENGLISH", "ANGIELSKI":
		return "en"
	}
	return ""
}

// choose matches an answer to one of the options: by number ("2"), by value (a Telegram
// button's callback data) or by the label's words ("young person").
func choose(text string, opts []Option) (string, bool) {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
	if t == "" {
		return "", false
	}
	if n, err := strconv.Atoi(t); err == nil {
		if n >= 1 && n <= len(opts) {
			return opts[n-1].Value, true
		}
		return "", false
	}
	for _, o := range opts {
		if t == strings.ToLower(o.Value) || t == strings.ToLower(strings.TrimFunc(o.Label, unicode.IsPunct)) {
			return o.Value, true
		}
	}
	// A distinctive word of one label only ("parent", "young"), ignoring short common words.
	found := ""
	for _, o := range opts {
		for _, w := range strings.Fields(strings.ToLower(o.Label)) {
			w = strings.TrimFunc(w, unicode.IsPunct)
			if len([]rune(w)) < 4 || !strings.Contains(" "+t+" ", " "+w+" ") {
				continue
			}
			if found != "" && found != o.Value {
				return "", false
			}
			found = o.Value
		}
	}
	return found, found != ""
}

// isNumbers reports whether text is only numbers and separators ("1 3", "2,5").
func isNumbers(text string) bool {
	digit := false
	for _, r := range text {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsSpace(r) || r == ',' || r == '.' || r == '&' || r == '+':
		default:
			return false
		}
	}
	return digit
}
