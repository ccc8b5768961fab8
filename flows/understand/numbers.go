package understand

import (
	"regexp"
	"strconv"
)

// ParseScore accepts an answer 0..10: "7", " 7 ", "7/10", "7 out of 10", "seven", "a 7", "siedem" (Polish), "10!".
// Returns ok=false for "11", "7.5", "-1", "", "dunno", two different numbers.
//
// Surrounding words are ignored ("I'd say a 7 today"); the same number twice is
// fine ("7, yeah 7"). Keycap emoji count as digits ("7️⃣").
func ParseScore(text string) (int, bool) {
	t := foldLower(text)
	if decimalRe.MatchString(t) || negativeRe.MatchString(t) {
		return 0, false
	}
	// "7/10", "7 out of 10", "7 na 10": the scale is not an answer.
	t = outOfTenRe.ReplaceAllString(t, " ")
	v, ok := singleValue(numberMentions(t))
	if !ok || v < 0 || v > 10 {
		return 0, false
	}
	return v, true
}

// ParseAge: "15", "I'm 15", "15 years old", "fifteen", "mam 15 lat"; plausible range 5..120.
//
// When a message holds several numbers, the one stated as an age wins
// ("I'm 15 and my brother is 12" -> 15); otherwise a message with more than one
// distinct number is ambiguous and rejected.
func ParseAge(text string) (int, bool) {
	t := foldLower(text)
	if decimalRe.MatchString(t) || negativeRe.MatchString(t) {
		return 0, false
	}
	ms := numberMentions(t)
	var ctx []numMention
	for _, m := range ms {
		if m.contextual {
			ctx = append(ctx, m)
		}
	}
	v, ok := singleValue(ctx)
	if !ok {
		if len(ctx) > 0 {
			return 0, false
		}
		v, ok = singleValue(ms)
	}
	if !ok || v < 5 || v > 120 {
		return 0, false
	}
	return v, true
}

var (
	decimalRe  = regexp.MustCompile(`[0-9][.,][0-9]`)
	negativeRe = regexp.MustCompile(`(?:^|[^0-9a-z])-\s*[0-9]`)
	outOfTenRe = regexp.MustCompile(`\s*(?:/|\bout of|\boutta|\bon|\bna|\bz|\bfrom|\bof)\s*(?:10|ten|dziesieciu|dziesiec)\b`)
)

// numMention is a number found in text.
type numMention struct {
	value int
	pos   int // byte offset of its first token
	// contextual: stated as an age ("I'm 15", "15 years old", "mam 15 lat")
	// and not followed by another unit ("I'm 2 months behind").
	contextual bool
}

// singleValue returns the value when all mentions agree on one.
func singleValue(ms []numMention) (int, bool) {
	if len(ms) == 0 {
		return 0, false
	}
	for _, m := range ms[1:] {
		if m.value != ms[0].value {
			return 0, false
		}
	}
	return ms[0].value, true
}

type numTok struct {
	s     string
	pos   int
	digit bool
	glued bool // a digit run touching a letter, as in "e16an" or "b12"
}

// splitNumTokens splits folded text into letter-words (with inner
// apostrophes) and digit runs. "15yo" gives "15" (glued), "yo"; "e16an" gives
// "e", "16" (glued), "an".
func splitNumTokens(s string) []numTok {
	var toks []numTok
	start := -1
	kind := 0 // 1 letters, 2 digits
	for i := 0; i <= len(s); i++ {
		k := 0
		if i < len(s) {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z' || c >= 0x80:
				k = 1
			case c >= '0' && c <= '9':
				k = 2
			case c == '\'' && kind == 1 && i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z':
				k = 1
			}
		}
		if k != kind {
			if start >= 0 {
				toks = append(toks, numTok{s: s[start:i], pos: start, digit: kind == 2,
					glued: kind == 2 && (start > 0 && isLetterByte(s[start-1]) || i < len(s) && isLetterByte(s[i]))})
			}
			start = -1
			if k != 0 {
				start = i
			}
			kind = k
		}
	}
	return toks
}

var (
	unitWords = map[string]int{
		"zero": 0, "nil": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		// Polish, folded (pięć -> piec).
		"jeden": 1, "jedna": 1, "jedno": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "piec": 5,
		"szesc": 6, "siedem": 7, "osiem": 8, "dziewiec": 9, "dziesiec": 10, "jedenascie": 11,
		"dwanascie": 12, "trzynascie": 13, "czternascie": 14, "pietnascie": 15, "szesnascie": 16,
		"siedemnascie": 17, "osiemnascie": 18, "dziewietnascie": 19,
	}
	tensWords = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90,
		"dwadziescia": 20, "trzydziesci": 30, "czterdziesci": 40, "piecdziesiat": 50,
		"szescdziesiat": 60, "siedemdziesiat": 70, "osiemdziesiat": 80, "dziewiecdziesiat": 90,
	}
	// "one" after these is a pronoun: "no one", "the one", "someone".
	notNumberBefore = toSet("no any some every the this that which each little only")
	ageBefore       = toSet("i'm im am age aged mam turned turning turn be skonczylam skonczylem")
	ageAfter        = toSet("years year yrs yr yo y lat lata latek roku olds")
	ageVetoAfter    = toSet("months month weeks week days day hours hour minutes mins min pounds quid grand k times people kids children am pm percent miesiecy tygodni dni")
)

// numberMentions finds the numbers in folded text, in digits or words
// (English or Polish, compounds like "twenty one" and "a hundred and five").
func numberMentions(s string) []numMention {
	toks := splitNumTokens(s)
	var out []numMention
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		val, n := 0, 0
		switch {
		case tk.digit:
			// Digits fused with letters are codes ("e16an", "b12"), except an
			// age written as "15yo" or "15yrs".
			fusedUnit := i+1 < len(toks) && toks[i+1].pos == tk.pos+len(tk.s) && ageAfter[toks[i+1].s] &&
				(tk.pos == 0 || !isLetterByte(s[tk.pos-1]))
			if tk.glued && !fusedUnit || len(tk.s) > 4 {
				continue
			}
			val, _ = strconv.Atoi(tk.s)
			n = 1
		default:
			val, n = wordNumber(toks, i)
			if n == 0 {
				continue
			}
			if tk.s == "one" && i > 0 && notNumberBefore[toks[i-1].s] {
				continue
			}
		}
		m := numMention{value: val, pos: tk.pos}
		prev, prev2 := "", ""
		if i > 0 {
			prev = toks[i-1].s
		}
		if i > 1 {
			prev2 = toks[i-2].s
		}
		next := ""
		if i+n < len(toks) {
			next = toks[i+n].s
		}
		ctx := ageBefore[prev] || ageAfter[next] || (prev == "is" && (prev2 == "age" || prev2 == "wiek"))
		m.contextual = ctx && !ageVetoAfter[next]
		out = append(out, m)
		i += n - 1
	}
	return out
}

// wordNumber parses a number written in words starting at toks[i], returning
// its value and how many tokens it used (0 if none).
func wordNumber(toks []numTok, i int) (int, int) {
	w := func(j int) string {
		if j < len(toks) && !toks[j].digit {
			return toks[j].s
		}
		return ""
	}
	j := i
	val := 0
	if (w(j) == "a" || w(j) == "one") && w(j+1) == "hundred" {
		j++
	}
	if w(j) == "hundred" || w(j) == "sto" {
		val = 100
		j++
		if w(j) == "and" {
			if _, ok := tensWords[w(j+1)]; ok {
				j++
			} else if _, ok := unitWords[w(j+1)]; ok {
				j++
			}
		}
	}
	if t, ok := tensWords[w(j)]; ok {
		val += t
		j++
		if u, ok := unitWords[w(j)]; ok && u >= 1 && u <= 9 {
			val += u
			j++
		}
	} else if u, ok := unitWords[w(j)]; ok {
		val += u
		j++
	}
	if j == i || (j == i+1 && w(i) == "a") {
		return 0, 0
	}
	return val, j - i
}
