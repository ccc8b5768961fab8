package understand

import (
	"regexp"
	"strings"
)

// Area is where a resident lives, as precisely as they told us.
type Area struct {
	Outward string // postcode outward code, upper case ("E1"); "" when a borough was named
	Borough string // canonical London borough name, "" for a postcode outside London
}

// Boroughs are the 33 London local authorities (32 boroughs and the City of
// London) by their canonical names.
var Boroughs = []string{
	"Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon",
	"Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
	"Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
	"Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets",
	"Waltham Forest", "Wandsworth", "Westminster",
}

// ParseArea accepts a UK postcode (full "E1 6AN", "e16an", or outward only "E1"; validates the format) and returns
// the outward code upper-cased ("E1") plus the London borough it is in (for London districts), or a London borough
// name fuzzy-matched ("tower hamlet", "hackny", "kensington", "richmond") returning the canonical name. SKIP handled by caller.
//
// A postcode anywhere in the text wins over a place name ("I'm in Hackney, E8
// 1AA" -> E8). Besides borough names and their short forms ("K&C", "fulham"),
// well-known neighbourhoods map to their borough ("Peckham" -> Southwark,
// "Romford" -> Havering): residents name where they live, not their council.
// Typos are tolerated on longer names (one edit for 6-8 letters, two for 9+,
// three for 14+), never on the first letter. Anything else is rejected.
func ParseArea(text string) (Area, bool) {
	t := foldLower(text)
	if a, ok := parsePostcode(t); ok {
		return a, true
	}
	if b, ok := matchBorough(t); ok {
		return Area{Borough: b}, true
	}
	return Area{}, false
}

var (
	// Full postcode, inward part with or without the space.
	fullPostcodeRe = regexp.MustCompile(`\b([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})\b`)
	outwardRe      = regexp.MustCompile(`\b([a-z]{1,2}[0-9][a-z0-9]?)\b`)
	// The inward code's letters never include C, I, K, M, O or V.
	inwardLettersOK = regexp.MustCompile(`^[0-9][abdefghjlnpqrstuwxyz]{2}$`)
)

func parsePostcode(t string) (Area, bool) {
	malformed := false
	for _, m := range fullPostcodeRe.FindAllStringSubmatch(t, -1) {
		if !inwardLettersOK.MatchString(m[2]) {
			malformed = true
			continue
		}
		if a, ok := outwardArea(strings.ToUpper(m[1])); ok {
			return a, true
		}
	}
	if malformed {
		// A full postcode with an impossible inward code is a typo; guessing
		// from its outward half would route the resident on bad data.
		return Area{}, false
	}
	// "E1 6 AN" and similar: all the text is one postcode with odd spacing.
	if compact := strings.Join(strings.Fields(t), ""); len(compact) >= 5 && len(compact) <= 7 {
		if m := fullPostcodeRe.FindStringSubmatch(compact); m != nil && m[0] == compact && inwardLettersOK.MatchString(m[2]) {
			if a, ok := outwardArea(strings.ToUpper(m[1])); ok {
				return a, true
			}
		}
	}
	for _, m := range outwardRe.FindAllStringSubmatch(t, -1) {
		if a, ok := outwardArea(strings.ToUpper(m[1])); ok {
			return a, true
		}
	}
	return Area{}, false
}

// outwardArea validates an upper-case outward code and looks up its borough.
func outwardArea(out string) (Area, bool) {
	i := 0
	for i < len(out) && out[i] >= 'A' && out[i] <= 'Z' {
		i++
	}
	area, district := out[:i], out[i:]
	if !postcodeAreas[area] || !validDistrict(area, district) {
		return Area{}, false
	}
	if b, ok := districtBorough[out]; ok {
		return Area{Outward: out, Borough: b}, true
	}
	if last := out[len(out)-1]; last >= 'A' && last <= 'Z' {
		if b, ok := districtBorough[out[:len(out)-1]]; ok {
			return Area{Outward: out, Borough: b}, true
		}
	}
	if innerLondonAreas[area] {
		return Area{}, false
	}
	return Area{Outward: out, Borough: ""}, true
}

// validDistrict checks the district part of an outward code: one or two
// digits, or one digit and a letter. The digit-letter form (W1T, EC1A, SW1X,
// E1W, N1C, NW1W, SE1P) exists only in central London.
func validDistrict(area, d string) bool {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	switch {
	case len(d) == 1:
		return isDigit(d[0])
	case len(d) == 2 && isDigit(d[0]) && isDigit(d[1]):
		return true
	case len(d) == 2 && isDigit(d[0]):
		return innerLondonAreas[area] && strings.IndexByte("ABCDEFGHJKMNPRSTUVWXY", d[1]) >= 0
	}
	return false
}

// boroughAlias is a name residents use for a borough.
type boroughAlias struct {
	key     string // lower case, spaces removed
	borough string
	fuzzy   bool // typos allowed (distinctive names only)
}

var boroughAliases = func() []boroughAlias {
	var as []boroughAlias
	add := func(borough string, fuzzy bool, names ...string) {
		for _, n := range names {
			as = append(as, boroughAlias{key: compactName(n), borough: borough, fuzzy: fuzzy})
		}
	}
	for _, b := range Boroughs {
		add(b, true, b)
	}
	// Short forms and the halves of double-barrelled names.
	add("Barking and Dagenham", true, "barking", "dagenham", "b and d", "barking dagenham")
	add("Hammersmith and Fulham", true, "hammersmith", "fulham", "h and f", "lbhf", "hammersmith fulham")
	add("Kensington and Chelsea", true, "kensington", "chelsea", "k and c", "rbkc", "kensington chelsea")
	add("Kingston upon Thames", true, "kingston", "kingston on thames")
	add("Richmond upon Thames", true, "richmond", "richmond on thames")
	add("Waltham Forest", true, "waltham", "walthamstow")
	add("Tower Hamlets", true, "tower hamlet", "towerhamlets")
	add("City of London", false, "city", "the city", "square mile", "city of london")
	// Neighbourhoods, each in the borough most of it lies in. Exact match only
	// unless the name is long and distinctive, to keep "willing" from being Welling.
	hoods := map[string][]string{
		"Tower Hamlets":          {"whitechapel", "bethnal green", "bow", "poplar", "mile end", "stepney", "limehouse", "canary wharf", "isle of dogs", "wapping", "shadwell", "spitalfields"},
		"Hackney":                {"dalston", "shoreditch", "homerton", "stoke newington", "stamford hill", "clapton", "hoxton", "london fields"},
		"Newham":                 {"stratford", "east ham", "west ham", "plaistow", "canning town", "forest gate", "manor park", "beckton", "custom house"},
		"Waltham Forest":         {"leyton", "leytonstone", "chingford"},
		"Redbridge":              {"ilford", "woodford", "gants hill", "wanstead"},
		"Havering":               {"romford", "hornchurch", "upminster", "rainham", "harold wood", "collier row"},
		"Barking and Dagenham":   {"chadwell heath", "becontree"},
		"Bexley":                 {"bexleyheath", "sidcup", "erith", "welling", "crayford", "belvedere"},
		"Greenwich":              {"woolwich", "eltham", "charlton", "thamesmead", "plumstead", "abbey wood", "blackheath"},
		"Lewisham":               {"catford", "deptford", "new cross", "brockley", "sydenham", "forest hill", "hither green"},
		"Southwark":              {"peckham", "camberwell", "bermondsey", "rotherhithe", "dulwich", "elephant and castle", "walworth", "nunhead"},
		"Lambeth":                {"brixton", "streatham", "clapham", "stockwell", "vauxhall", "kennington", "west norwood", "waterloo", "herne hill"},
		"Wandsworth":             {"battersea", "putney", "tooting", "balham", "earlsfield", "roehampton"},
		"Merton":                 {"wimbledon", "mitcham", "morden", "colliers wood", "raynes park"},
		"Croydon":                {"thornton heath", "purley", "norbury", "south norwood", "addiscombe", "coulsdon", "new addington", "selhurst"},
		"Bromley":                {"orpington", "beckenham", "penge", "chislehurst", "biggin hill", "west wickham", "anerley"},
		"Sutton":                 {"carshalton", "cheam", "wallington", "worcester park"},
		"Kingston upon Thames":   {"surbiton", "new malden", "chessington", "tolworth"},
		"Richmond upon Thames":   {"twickenham", "teddington", "barnes", "kew", "hampton", "whitton", "mortlake"},
		"Hounslow":               {"feltham", "chiswick", "brentford", "isleworth", "heston", "cranford"},
		"Ealing":                 {"southall", "acton", "greenford", "northolt", "hanwell", "perivale"},
		"Hillingdon":             {"uxbridge", "ruislip", "west drayton", "yiewsley", "northwood", "heathrow"},
		"Harrow":                 {"wealdstone", "pinner", "stanmore", "rayners lane", "south harrow"},
		"Brent":                  {"wembley", "willesden", "kilburn", "harlesden", "kingsbury", "neasden", "kensal green"},
		"Barnet":                 {"finchley", "hendon", "edgware", "golders green", "colindale", "whetstone", "mill hill", "high barnet", "burnt oak"},
		"Enfield":                {"edmonton", "palmers green", "southgate", "ponders end", "enfield town"},
		"Haringey":               {"tottenham", "wood green", "hornsey", "muswell hill", "crouch end", "harringay"},
		"Islington":              {"holloway", "highbury", "archway", "angel", "clerkenwell", "finsbury park", "barnsbury"},
		"Camden":                 {"camden town", "kentish town", "hampstead", "holborn", "kings cross", "king's cross", "euston", "swiss cottage", "west hampstead", "belsize park"},
		"Westminster":            {"soho", "mayfair", "marylebone", "pimlico", "paddington", "victoria", "maida vale", "bayswater", "covent garden", "st john's wood", "church street"},
		"Kensington and Chelsea": {"notting hill", "earls court", "earl's court", "south kensington", "north kensington", "ladbroke grove"},
		"Hammersmith and Fulham": {"shepherds bush", "shepherd's bush", "white city", "west kensington", "parsons green"},
	}
	for b, names := range hoods {
		for _, n := range names {
			add(b, len(compactName(n)) >= 8, n)
		}
	}
	return as
}()

// compactName lower-cases and folds n, reads "&" as "and" and drops
// everything but letters, so "Kensington & Chelsea" is "kensingtonandchelsea".
func compactName(n string) string {
	n = strings.ReplaceAll(foldLower(n), "&", " and ")
	var b strings.Builder
	for i := 0; i < len(n); i++ {
		if c := n[i]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// boroughNoise are words around a place name that carry nothing: "I live in
// the London Borough of Hackney" is "hackney".
var boroughNoise = toSet("i i'm im live living lives in at the london borough royal of council near area my is it's its we're we are around from postcode")

// maxEdits is the number of typos tolerated in a name of n letters.
func maxEdits(n int) int {
	switch {
	case n >= 14:
		return 3
	case n >= 9:
		return 2
	case n >= 6:
		return 1
	}
	return 0
}

func matchBorough(t string) (string, bool) {
	t = strings.ReplaceAll(t, "&", " and ")
	var words []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	}) {
		w = strings.Trim(w, "'")
		if w != "" {
			words = append(words, w)
		}
	}
	bestD, bestLen, bestPos := 99, 0, 0
	best := ""
	// The whole text with noise words removed is tried first, then every run
	// of 1-4 words: "tower hamlet", "k & c", "i live in hackny".
	var content []string
	for _, w := range words {
		if !boroughNoise[w] {
			content = append(content, w)
		}
	}
	try := func(gram string, pos int) {
		g := compactName(gram)
		if len(g) < 3 {
			return
		}
		for _, a := range boroughAliases {
			d := 0
			if g != a.key {
				limit := maxEdits(len(a.key))
				if !a.fuzzy || limit == 0 || g[0] != a.key[0] || abs(len(g)-len(a.key)) > limit {
					continue
				}
				if d = damerauLevenshtein(g, a.key, limit); d > limit {
					continue
				}
			}
			// Prefer fewer edits, then the longer name ("kensington and
			// chelsea" over "chelsea"), then the earlier mention.
			if d < bestD || d == bestD && (len(a.key) > bestLen || len(a.key) == bestLen && pos < bestPos) {
				best, bestD, bestLen, bestPos = a.borough, d, len(a.key), pos
			}
		}
	}
	if len(content) > 0 && len(content) <= 4 {
		try(strings.Join(content, " "), 0)
	}
	for n := 1; n <= 4; n++ {
		for i := 0; i+n <= len(words); i++ {
			if boroughNoise[words[i]] && words[i] != "city" {
				continue
			}
			try(strings.Join(words[i:i+n], " "), i)
		}
	}
	return best, best != ""
}
