package understand

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boundary is the token the internal normaliser emits for sentence punctuation
// (. ! ? , ; : and new lines) when asked to keep it. Crisis patterns use it to
// tell "I can't go on. Thanks" from "I can't go on holiday": without it, the
// words of two sentences run together once punctuation is collapsed.
const boundary = "."

// Normalize lower-cases, folds curly quotes/apostrophes to ASCII, strips accents only for matching where safe (keep Polish letters usable: match both "ł" and "l" forms), collapses repeated letters (>2 -> 2, "sooooo" -> "soo"), expands common text-speak (u->you, ur->your, im->i'm / i am, cant->can't, wanna->want to, gonna->going to, dont, idk, kms = kill myself, kys, ffs...), fixes common misspellings (e.g. "suicde", "sucide", "suiside" -> "suicide", "kil" -> "kill", "myslef" -> "myself"), and collapses whitespace/punctuation.
//
// The result is meant for matching, not for display. Details:
//
//   - Latin letters with diacritics are folded to their base letter, Polish
//     included (ł->l, ę->e, ż->z ...). Many Polish residents text without
//     diacritics because they do not fit the GSM-7 SMS alphabet, so folding is
//     what makes "chcę umrzeć" and "chce umrzec" the same text. Non-Latin
//     scripts are kept as they are.
//   - Contractions are canonicalised to the apostrophe form: "im", "i am" and
//     "I’m" all become "i'm"; "cannot"/"can not"/"cant" become "can't"; "do not"
//     becomes "don't" (likewise won't, didn't, isn't ...). "any more" becomes
//     "anymore" and "my self" "myself".
//   - Currency symbols survive as their own token ("£5" -> "£ 5") because they
//     tell an amount from a menu number; "&" and "+" become "and"; laughing
//     emoji become "lol" (it cancels some figure-of-speech cues); all other
//     punctuation and symbols collapse to single spaces.
//   - Long crisis and need words with one slip (two for long words) of a
//     known spelling are corrected ("sucidial", "paracetomol", "homless").
func Normalize(s string) string {
	return strings.Join(normalizeTokens(s, false), " ")
}

// normalizeTokens is Normalize returning tokens; with keepBoundaries, runs of
// sentence punctuation become a single boundary token.
func normalizeTokens(s string, keepBoundaries bool) []string {
	return rewriteMulti(expandTokens(tokenize(s, keepBoundaries)))
}

// foldRune lower-cases r and maps it to the ASCII form used for matching. It
// returns "" for runes that carry no meaning for matching (variation selectors,
// keycap marks) and the rune itself otherwise.
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	}
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		return f
	}
	return string(r)
}

// foldTable maps accented Latin letters (already lower-cased), typographic
// quotes and dashes to ASCII.
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ą': "a", 'ā': "a", 'ă': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ę': "e", 'ē': "e", 'ė': "e", 'ě': "e",
	'ğ': "g", 'ģ': "g",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ķ': "k", 'ł': "l", 'ľ': "l", 'ĺ': "l", 'ļ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ņ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ř': "r",
	'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
	// Apostrophes as phones type them.
	'\u2018': "'", '\u2019': "'", '\u201b': "'", '\u02bc': "'", '\u00b4': "'", '\u2032': "'", '`': "'",
	// Dashes and quotes.
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-", '\u2212': "-",
	'\u201c': "\"", '\u201d': "\"", '\u201e': "\"", '\u00ab': "\"", '\u00bb': "\"",
	'\u2026': ".", // ellipsis
	'\u00a0': " ", // no-break space
	// Keycap digits ("7️⃣") are a digit followed by these: drop them so the digit stays.
	'\ufe0f': "", '\u20e3': "",
}

// laughRunes are emoji people use for "I'm laughing"; 💀 is "I'm dead (of laughter)".
var laughRunes = map[rune]bool{'😂': true, '🤣': true, '😆': true, '😹': true, '💀': true}

// foldLower applies foldRune to every rune: lower-case ASCII-folded text with
// punctuation intact. The number and postcode parsers start from this because
// they care about "7/10", "7.5" and "-1", which Normalize would flatten.
func foldLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// tokenize splits folded text into word tokens (letters, digits and inner
// apostrophes), collapsing letter runs longer than two.
func tokenize(s string, keepBoundaries bool) []string {
	toks := make([]string, 0, 16)
	var cur []byte
	flush := func() {
		if len(cur) == 0 {
			return
		}
		// Trailing apostrophes ("mums'") carry nothing for matching.
		for len(cur) > 0 && cur[len(cur)-1] == '\'' {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			toks = append(toks, collapseRuns(string(cur)))
		}
		cur = cur[:0]
	}
	emit := func(t string) {
		flush()
		if t == boundary {
			if !keepBoundaries || len(toks) == 0 || toks[len(toks)-1] == boundary {
				return
			}
		}
		toks = append(toks, t)
	}
	for _, r := range s {
		if laughRunes[r] {
			emit("lol")
			continue
		}
		f := foldRune(r)
		if f == "" {
			continue
		}
		for _, c := range f {
			switch {
			case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9'):
				cur = append(cur, byte(c))
			case c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)):
				cur = utf8.AppendRune(cur, c)
			case c == '\'':
				// Keep an apostrophe only inside a word ("don't", "mum's").
				if len(cur) > 0 && cur[len(cur)-1] != '\'' {
					cur = append(cur, '\'')
				}
			case c == '£' || c == '$' || c == '€':
				emit("£")
			case c == '&' || c == '+':
				emit("and")
			case c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == '\n' || c == '\r':
				emit(boundary)
			default:
				flush()
			}
		}
	}
	flush()
	// A leading apostrophe ("'cause") or one left before a separator is noise.
	for i, t := range toks {
		toks[i] = strings.TrimLeft(t, "'")
	}
	if keepBoundaries {
		for len(toks) > 0 && toks[len(toks)-1] == boundary {
			toks = toks[:len(toks)-1]
		}
		for len(toks) > 0 && toks[0] == boundary {
			toks = toks[1:]
		}
	}
	return toks
}

// collapseRuns shortens runs of the same letter to at most two ("sooooo" ->
// "soo"). Digits are left alone: "1000" is a number, not an elongation.
func collapseRuns(t string) string {
	run, changed := 1, false
	for i := 1; i < len(t); i++ {
		if t[i] == t[i-1] && isLetterByte(t[i]) {
			run++
			if run > 2 {
				changed = true
				break
			}
		} else {
			run = 1
		}
	}
	if !changed {
		return t
	}
	b := make([]byte, 0, len(t))
	run = 0
	for i := 0; i < len(t); i++ {
		if i > 0 && t[i] == t[i-1] && isLetterByte(t[i]) {
			run++
		} else {
			run = 1
		}
		if run <= 2 {
			b = append(b, t[i])
		}
	}
	return string(b)
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' }

// squeeze collapses every run of a repeated letter to one ("kmss" -> "kms",
// "diee" -> "die"). It is used only as a second lookup key: elongated words
// keep two letters in the output unless the squeezed form is a known word.
func squeeze(t string) string {
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if i > 0 && t[i] == t[i-1] && isLetterByte(t[i]) {
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}

// expandTokens applies the one-token rewrites: text-speak, misspellings, and
// fuzzy correction of long key words.
func expandTokens(toks []string) []string {
	out := make([]string, 0, len(toks)+4)
	for _, t := range toks {
		if r, ok := lookupToken(t); ok {
			if strings.IndexByte(r, ' ') < 0 {
				out = append(out, r)
			} else {
				out = append(out, strings.Fields(r)...)
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

func lookupToken(t string) (string, bool) {
	if r, ok := tokenRewrites[t]; ok {
		return r, true
	}
	if strings.IndexByte(t, '\'') >= 0 {
		// "can't" is already canonical; "i'd" and friends are left alone.
		return "", false
	}
	if sq := squeeze(t); sq != t {
		if r, ok := tokenRewrites[sq]; ok {
			return r, true
		}
		if elongatable[sq] {
			return sq, true
		}
	}
	if r, ok := fuzzyCorrect(t); ok {
		return r, true
	}
	return "", false
}

// elongatable words are restored from a stretched spelling ("dieeee", "killl",
// "helppp"). Only words that matter for meaning are listed: the spec keeps
// "sooooo" as "soo", and a general squeeze would turn "too" into "to".
var elongatable = toSet("die dead kill help please hate sad alone lonely tired done bye goodbye myself pain hurt scared lol no yes ok okay")

// tokenRewrites maps one token to its canonical spelling (possibly several words).
var tokenRewrites = map[string]string{
	// Text-speak.
	"u": "you", "ya": "you", "yu": "you", "ur": "your", "urself": "yourself", "r": "are", "n": "and", "nd": "and",
	"im": "i'm", "ive": "i've", "iam": "i'm", "cant": "can't", "cnt": "can't", "carnt": "can't", "cannot": "can't",
	"dont": "don't", "dnt": "don't", "didnt": "didn't", "doesnt": "doesn't", "wont": "won't", "isnt": "isn't",
	"wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't",
	"hadnt": "hadn't", "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't", "aint": "ain't",
	"thats": "that's", "whats": "what's", "wats": "what's", "wots": "what's", "theres": "there's",
	"theyre": "they're", "youre": "you're", "youll": "you'll", "itll": "it'll", "hed": "he'd",
	"wanna": "want to", "wana": "want to", "wna": "want to", "wnna": "want to", "wanto": "want to",
	"gonna": "going to", "gna": "going to", "gunna": "going to", "gona": "going to", "finna": "going to",
	"imma": "i'm going to", "ima": "i'm going to", "gotta": "got to", "hafta": "have to",
	"idk": "i don't know", "dunno": "don't know", "idc": "i don't care", "idgaf": "i don't care",
	"kms": "kill myself", "kmsl": "kill myself", "kys": "kill yourself", "ffs": "for fuck's sake",
	"tbh": "to be honest", "rn": "right now", "atm": "at the moment", "smh": "shaking my head",
	"bc": "because", "bcos": "because", "bcoz": "because", "cos": "because", "coz": "because", "cuz": "because",
	"cus": "because", "becuz": "because", "becos": "because",
	"pls": "please", "plz": "please", "plez": "please", "plse": "please", "ppl": "people", "abt": "about",
	"bout": "about", "wiv": "with", "wid": "with",
	"2day": "today", "2nite": "tonight", "2night": "tonight", "tonite": "tonight", "2moro": "tomorrow",
	"2morrow": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow", "tmoz": "tomorrow", "b4": "before",
	"m8": "mate", "sum1": "someone", "some1": "someone", "no1": "no one", "noone": "no one", "any1": "anyone",
	"every1": "everyone", "evry1": "everyone", "wat": "what", "wot": "what", "wen": "when", "wud": "would",
	"cud": "could", "shud": "should", "gf": "girlfriend", "bf": "boyfriend", "hubby": "husband", "hubs": "husband",
	"bro": "brother", "luv": "love", "hav": "have", "gud": "good", "nite": "night", "thx": "thanks",
	"ty": "thank you", "wrk": "work", "nomore": "no more", "selfharm": "self harm",
	"selfharming": "self harming", "selfharmed": "self harmed", "slefharm": "self harm", "tho": "though",
	"gettin": "getting", "goin": "going", "doin": "doing", "feelin": "feeling", "nothin": "nothing",
	"somethin": "something", "livin": "living", "tryin": "trying", "killin": "killing", "cuttin": "cutting",
	"wen't": "went", "okay": "ok",
	// Misspellings of words that matter.
	"suicde": "suicide", "sucide": "suicide", "suiside": "suicide", "suicid": "suicide", "suecide": "suicide",
	"siucide": "suicide", "suicdie": "suicide", "sucicide": "suicide", "suacide": "suicide", "suiced": "suicide",
	"suicude": "suicide", "sucied": "suicide", "suside": "suicide", "sueside": "suicide",
	"suicidel": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal",
	"suicidial": "suicidal", "suicidle": "suicidal", "sucidial": "suicidal", "suicedal": "suicidal",
	"suicial": "suicidal", "susidal": "suicidal", "suisidle": "suicidal",
	"kil": "kill", "kiling": "killing", "kiled": "killed", "kilin": "killing",
	"myslef": "myself", "mysef": "myself", "mysel": "myself", "myslf": "myself", "mysefl": "myself",
	"myelf": "myself", "myseld": "myself", "mself": "myself", "myselff": "myself", "myselfe": "myself",
	"meself": "myself", "maself": "myself", "miself": "myself",
	"overdozed": "overdosed", "ovrdosed": "overdosed", "overdossed": "overdosed", "overdoesed": "overdosed",
	"overdoze": "overdose", "ovrdose": "overdose", "odd'd": "od'd",
	"paracetemol": "paracetamol", "paracetomol": "paracetamol", "parcetamol": "paracetamol",
	"paracetmol": "paracetamol", "paracitamol": "paracetamol", "paracatamol": "paracetamol",
	"paracetamole": "paracetamol", "paracetamols": "paracetamol", "paracetemols": "paracetamol",
	"tabelts": "tablets", "tablest": "tablets", "tablits": "tablets", "pils": "pills",
	"harmimg": "harming", "cuting": "cutting", "dissapear": "disappear", "disapear": "disappear",
	"dissappear": "disappear", "disapper": "disappear", "goodby": "goodbye",
	"lonley": "lonely", "lonly": "lonely", "lonelly": "lonely", "lonleyness": "loneliness", "lonliness": "loneliness",
	"anxous": "anxious", "anxios": "anxious", "anxius": "anxious", "axious": "anxious", "anxiuos": "anxious",
	"depresed": "depressed", "depresd": "depressed", "depressd": "depressed", "deppressed": "depressed",
	"stresed": "stressed", "stresd": "stressed", "depresion": "depression", "depreshun": "depression",
	"anxity": "anxiety", "anxeity": "anxiety", "anxiaty": "anxiety", "anxeity's": "anxiety",
	"homless": "homeless", "benifits": "benefits", "benefts": "benefits", "benifit": "benefit",
	"morgage": "mortgage", "lanlord": "landlord", "landlrd": "landlord", "councel": "council", "counsil": "council",
	"excercise": "exercise", "exersize": "exercise", "exercize": "exercise", "excersise": "exercise",
	"grieveing": "grieving", "greiving": "grieving", "berevement": "bereavement", "bereavment": "bereavement",
	"bullyed": "bullied", "bulling": "bullying", "realy": "really", "evicited": "evicted",
	"fitt": "fit", "foodbanks": "foodbank", "jobcenter": "jobcentre",
}

// fuzzyVocab are the long words worth correcting from a one-slip typo. They are
// all 7+ letters: shorter words have too many real-word neighbours
// ("kill"/"bill", "die"/"dye") for blind correction to be safe.
var fuzzyVocab = []string{
	"suicide", "suicidal", "overdose", "overdosed", "overdosing", "paracetamol", "disappear",
	"samobojstwo", "samobojstwie", "samobojcze", "samobojczych",
	"landlord", "homeless", "eviction", "evicted", "depressed", "depression", "anxiety", "anxious",
	"exercise", "benefits", "bereavement", "universal", "redundant", "unemployed", "mortgage",
	"loneliness", "isolated", "grieving", "bullying", "arrears", "bailiffs", "foodbank", "jobcentre",
	"temporary", "accommodation",
}

// fuzzyStop are real words within one edit of a vocabulary word.
var fuzzyStop = toSet("overdone overdoes overdue isolates universe anxiously")

// fuzzyByFirst indexes fuzzyVocab by first letter: a typo rarely hits the first
// letter, and the index keeps the per-token cost to a handful of comparisons.
var fuzzyByFirst = func() map[byte][]string {
	m := map[byte][]string{}
	for _, w := range fuzzyVocab {
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

var fuzzyExact = toSet(strings.Join(fuzzyVocab, " "))

func fuzzyCorrect(t string) (string, bool) {
	if len(t) < 7 || fuzzyExact[t] || fuzzyStop[t] {
		return "", false
	}
	cands := fuzzyByFirst[t[0]]
	if len(cands) == 0 {
		return "", false
	}
	for i := 0; i < len(t); i++ {
		if !isLetterByte(t[i]) {
			return "", false
		}
	}
	best, bestD := "", 99
	for _, w := range cands {
		limit := 1
		if len(w) >= 10 {
			limit = 2
		}
		if abs(len(w)-len(t)) > limit {
			continue
		}
		if d := damerauLevenshtein(t, w, limit); d <= limit && d < bestD {
			best, bestD = w, d
		}
	}
	return best, best != ""
}

// contractions maps "X not" to the contracted form the patterns use.
var contractions = map[string]string{
	"can": "can't", "do": "don't", "does": "doesn't", "did": "didn't", "will": "won't", "is": "isn't",
	"was": "wasn't", "are": "aren't", "were": "weren't", "would": "wouldn't", "could": "couldn't",
	"should": "shouldn't", "have": "haven't", "has": "hasn't", "had": "hadn't",
}

// twoBeforeVerb are words after which a "2" is text-speak for "to" ("want 2 die").
var twoBeforeVerb = toSet("want wanted going need needs have has got trying try ready able used about deserve decided planning plan hope like")

// twoNotTo are words after "2" showing it is a number after all ("want 2 and 5").
var twoNotTo = toSet("and or please thanks maybe too also of x the a more only things")

// rewriteMulti applies rewrites that span two tokens.
func rewriteMulti(in []string) []string {
	out := make([]string, 0, len(in))
	for i := 0; i < len(in); i++ {
		t := in[i]
		next := ""
		if i+1 < len(in) {
			next = in[i+1]
		}
		switch {
		case next == "self" && (t == "my" || t == "your" || t == "him" || t == "her" || t == "it"):
			out = append(out, t+"self")
			i++
			continue
		case next == "selves" && (t == "them" || t == "our" || t == "your"):
			out = append(out, t+"selves")
			i++
			continue
		case t == "i" && (next == "am" || next == "m"):
			out = append(out, "i'm")
			i++
			continue
		case next == "not" && contractions[t] != "":
			out = append(out, contractions[t])
			i++
			continue
		case t == "any" && next == "more":
			out = append(out, "anymore")
			i++
			continue
		case t == "good" && next == "bye":
			out = append(out, "goodbye")
			i++
			continue
		case t == "no" && next == "body":
			out = append(out, "nobody")
			i++
			continue
		case t == "some" && next == "one":
			out = append(out, "someone")
			i++
			continue
		case t == "2" && len(out) > 0 && twoBeforeVerb[out[len(out)-1]] && next != "" && isAlpha(next) && !twoNotTo[next]:
			out = append(out, "to")
			continue
		}
		out = append(out, t)
	}
	return out
}

func isAlpha(t string) bool {
	for i := 0; i < len(t); i++ {
		if !isLetterByte(t[i]) {
			return false
		}
	}
	return t != ""
}

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
