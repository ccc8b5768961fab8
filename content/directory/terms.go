package directory

import (
	"slices"
	"strings"
	"unicode"
)

// needTerms maps whole taxonomy terms (normalised by normaliseTerm) to need codes. Feeds use the
// Signpost codes themselves, or the everyday words of their own taxonomies.
var needTerms = map[string]string{
	// housing
	"housing": "housing", "housing advice": "housing", "homelessness": "housing", "homeless": "housing",
	"rough sleeping": "housing", "tenancy": "housing", "tenancy support": "housing", "tenants": "housing",
	"renting": "housing", "private renting": "housing", "eviction": "housing", "accommodation": "housing",
	"housing support": "housing", "temporary accommodation": "housing",
	// money
	"money": "money", "money advice": "money", "debt": "money", "debt advice": "money", "benefits": "money",
	"welfare benefits": "money", "welfare rights": "money", "financial": "money", "finance": "money",
	"financial inclusion": "money", "financial support": "money", "budgeting": "money",
	"income maximisation": "money", "cost of living": "money", "fuel poverty": "money",
	"money and debt": "money", "grants": "money",
	// work
	"work": "work", "employment": "work", "employment support": "work", "jobs": "work", "job search": "work",
	"employability": "work", "careers": "work", "careers advice": "work", "back to work": "work",
	"skills and training": "work", "apprenticeships": "work", "training": "work",
	// loneliness
	"loneliness": "loneliness", "social isolation": "loneliness", "isolation": "loneliness",
	"befriending": "loneliness", "social activities": "loneliness", "social groups": "loneliness",
	"lunch clubs": "loneliness", "lunch club": "loneliness", "friendship": "loneliness",
	"companionship": "loneliness", "social connection": "loneliness", "community groups": "loneliness",
	// mental_wellbeing
	"mental wellbeing": "mental_wellbeing", "mental health": "mental_wellbeing", "wellbeing": "mental_wellbeing",
	"emotional wellbeing": "mental_wellbeing", "emotional support": "mental_wellbeing",
	"counselling": "mental_wellbeing", "talking therapies": "mental_wellbeing", "anxiety": "mental_wellbeing",
	"depression": "mental_wellbeing", "stress": "mental_wellbeing", "mindfulness": "mental_wellbeing",
	"mental health and wellbeing": "mental_wellbeing",
	// physical_activity
	"physical activity": "physical_activity", "exercise": "physical_activity", "sport": "physical_activity",
	"sports": "physical_activity", "fitness": "physical_activity", "walking": "physical_activity",
	"walking groups": "physical_activity", "dance": "physical_activity", "swimming": "physical_activity",
	"yoga": "physical_activity", "cycling": "physical_activity", "leisure": "physical_activity",
	"sport and physical activity": "physical_activity",
	// food
	"food": "food", "food bank": "food", "food banks": "food", "foodbank": "food", "foodbanks": "food",
	"food pantry": "food", "community fridge": "food", "meals": "food", "hot meals": "food",
	"community meals": "food", "free meals": "food", "community kitchen": "food", "food poverty": "food",
	"food support": "food",
	// carers
	"carers": "carers", "carer": "carers", "unpaid carers": "carers", "carer support": "carers",
	"young carers": "carers", "respite": "carers", "respite care": "carers",
	// parenting
	"parenting": "parenting", "parents": "parenting", "parent": "parenting", "family support": "parenting",
	"families": "parenting", "early years": "parenting", "childrens centres": "parenting",
	"family hubs": "parenting", "family hub": "parenting", "new parents": "parenting",
	"perinatal": "parenting", "breastfeeding": "parenting", "parent and toddler": "parenting",
	// bereavement
	"bereavement": "bereavement", "bereavement support": "bereavement", "grief": "bereavement",
	"bereaved": "bereavement", "loss": "bereavement", "suicide bereavement": "bereavement",
	// young_people
	"young people": "young_people", "youth": "young_people", "youth clubs": "young_people",
	"youth club": "young_people", "youth work": "young_people", "youth services": "young_people",
	"teenagers": "young_people", "children and young people": "young_people", "young adults": "young_people",
}

// needKeywords are phrases distinctive enough to recognise inside a longer term such as
// "Debt advice and support". Ambiguous words ("loss", "wellbeing", "training") are left to
// needTerms: "weight loss" is not bereavement and "financial wellbeing" is not mental health.
var needKeywords = []struct{ phrase, need string }{
	{"housing", "housing"}, {"homeless", "housing"}, {"homelessness", "housing"}, {"tenancy", "housing"},
	{"tenants", "housing"}, {"eviction", "housing"},
	{"debt", "money"}, {"benefits", "money"}, {"money", "money"}, {"budgeting", "money"},
	{"employment", "work"}, {"jobs", "work"}, {"employability", "work"}, {"careers", "work"},
	{"loneliness", "loneliness"}, {"isolation", "loneliness"}, {"befriending", "loneliness"},
	{"mental health", "mental_wellbeing"}, {"counselling", "mental_wellbeing"},
	{"emotional wellbeing", "mental_wellbeing"}, {"mental wellbeing", "mental_wellbeing"},
	{"exercise", "physical_activity"}, {"physical activity", "physical_activity"}, {"sport", "physical_activity"},
	{"sports", "physical_activity"}, {"fitness", "physical_activity"},
	{"food", "food"}, {"foodbank", "food"}, {"meals", "food"},
	{"carers", "carers"}, {"carer", "carers"},
	{"parenting", "parenting"}, {"parents", "parenting"},
	{"bereavement", "bereavement"}, {"bereaved", "bereavement"}, {"grief", "bereavement"},
	{"youth", "young_people"}, {"young people", "young_people"},
}

// NeedsForTerm returns the need codes a taxonomy term (a code, a name or a free value) stands
// for, in the order of Needs; nil when the term is not recognised.
func NeedsForTerm(term string) []string {
	t := normaliseTerm(term)
	if t == "" {
		return nil
	}
	if need, ok := needTerms[t]; ok {
		return []string{need}
	}
	found := map[string]bool{}
	padded := " " + t + " "
	for _, k := range needKeywords {
		if strings.Contains(padded, " "+k.phrase+" ") {
			found[k.need] = true
		}
	}
	return inNeedOrder(found)
}

func inNeedOrder(found map[string]bool) []string {
	var out []string
	for _, n := range Needs {
		if found[n] {
			out = append(out, n)
		}
	}
	return out
}

// serviceNeeds collects need codes from HSDS 3.0 attributes (taxonomy_term code and name, or the
// attribute's value) and from Open Referral UK 1.0 service_taxonomys.
func serviceNeeds(o object) []string {
	found := map[string]bool{}
	add := func(term string) {
		for _, n := range NeedsForTerm(term) {
			found[n] = true
		}
	}
	for _, a := range o.objs("attributes") {
		tt := a.obj("taxonomy_term")
		add(tt.str("code"))
		add(tt.str("name"))
		add(a.str("value"))
	}
	for _, st := range o.objs("service_taxonomys") {
		tx := st.obj("taxonomy")
		add(tx.str("id"))
		add(tx.str("name"))
	}
	return inNeedOrder(found)
}

// normaliseTerm lower-cases, spells "&" as "and", drops apostrophes ("children's" ->
// "childrens") and turns other punctuation and underscores into single spaces.
func normaliseTerm(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	var b strings.Builder
	space := true
	for _, r := range s {
		switch {
		case r == '\'' || r == '\u2019':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// boroughAliases maps normalised names to canonical boroughs. The shortened forms are how people
// and feeds usually write them ("Kingston", "Hammersmith & Fulham", "Royal Borough of Greenwich").
var boroughAliases = func() map[string]string {
	m := map[string]string{}
	for _, b := range Boroughs {
		m[normaliseTerm(b)] = b
	}
	for alias, b := range map[string]string{
		"barking":             "Barking and Dagenham",
		"dagenham":            "Barking and Dagenham",
		"hammersmith":         "Hammersmith and Fulham",
		"fulham":              "Hammersmith and Fulham",
		"kensington":          "Kensington and Chelsea",
		"chelsea":             "Kensington and Chelsea",
		"kingston":            "Kingston upon Thames",
		"richmond":            "Richmond upon Thames",
		"the city":            "City of London",
		"square mile":         "City of London",
		"city of westminster": "Westminster",
	} {
		m[alias] = b
	}
	return m
}()

// exactOnlyAliases are too generic to look for inside a sentence.
var exactOnlyAliases = map[string]bool{"the city": true, "square mile": true}

// notBoroughs are places whose names contain a borough's name but lie elsewhere: Brent Cross is
// in Barnet, Bromley-by-Bow in Tower Hamlets, Harrow Road runs through Westminster and Brent.
var notBoroughs = []string{"brent cross", "bromley by bow", "harrow road", "kingston upon hull", "sutton coldfield"}

// CanonicalBorough returns the canonical name of a London borough written in any usual way
// ("hackney", "LB Hackney", "London Borough of Hackney", "Kingston"), and whether it is one.
func CanonicalBorough(s string) (string, bool) {
	t := normaliseTerm(s)
	for _, prefix := range []string{"london borough of ", "royal borough of ", "the royal borough of ", "borough of ", "lb ", "rb "} {
		t = strings.TrimPrefix(t, prefix)
	}
	for _, suffix := range []string{" council", " london borough", " borough"} {
		t = strings.TrimSuffix(t, suffix)
	}
	b, ok := boroughAliases[t]
	return b, ok
}

// boroughsIn finds every borough named anywhere in a free-text area name such as
// "Hackney and Islington" or "Residents of the London Borough of Camden".
func boroughsIn(text string) []string {
	t := " " + normaliseTerm(text) + " "
	for _, n := range notBoroughs {
		t = strings.ReplaceAll(t, " "+n+" ", " ")
	}
	var out []string
	for alias, b := range boroughAliases {
		if exactOnlyAliases[alias] || slices.Contains(out, b) {
			continue
		}
		if strings.Contains(t, " "+alias+" ") {
			out = append(out, b)
		}
	}
	return out
}

// londonWideAreas are service_area names meaning "anyone in London can use this".
var londonWideAreas = map[string]bool{
	"london": true, "greater london": true, "london wide": true, "londonwide": true, "pan london": true,
	"all london": true, "all of london": true, "across london": true, "all london boroughs": true,
	"national": true, "nationwide": true, "uk": true, "uk wide": true, "united kingdom": true,
	"england": true, "england and wales": true, "great britain": true,
}

// serviceAreas works out where a service is offered: boroughs named by its service_areas or by
// its locations' addresses, and whether it is London-wide. A service that names no area and no
// address at all (a national phone line, say) is treated as London-wide.
func serviceAreas(o object) (boroughs []string, londonWide bool) {
	found := map[string]bool{}
	anyArea := false
	for _, a := range o.objs("service_areas") {
		// HSDS 3.0 calls the field "name"; Open Referral UK 1.0 called it "service_area".
		for _, name := range []string{a.str("name"), a.str("service_area")} {
			if name == "" {
				continue
			}
			anyArea = true
			if londonWideAreas[normaliseTerm(name)] {
				londonWide = true
			}
			for _, b := range boroughsIn(name) {
				found[b] = true
			}
		}
	}
	for _, sal := range o.objs("service_at_locations") {
		loc := sal.obj("location")
		addrs := append(loc.objs("addresses"), loc.objs("physical_addresses")...)
		for _, addr := range addrs {
			anyArea = true
			// Address fields are matched whole: "Harrow Road" in address_1 is not Harrow.
			for _, f := range []string{"address_2", "city", "region", "state_province"} {
				if b, ok := CanonicalBorough(addr.str(f)); ok {
					found[b] = true
				}
			}
		}
	}
	for _, b := range Boroughs {
		if found[b] {
			boroughs = append(boroughs, b)
		}
	}
	if !anyArea {
		londonWide = true
	}
	return boroughs, londonWide
}
