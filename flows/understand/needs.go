package understand

import (
	"slices"
	"strconv"
	"strings"
)

// NeedCodes are the need areas in the order of the numbered list residents are
// shown (1 = housing ... 11 = young_people).
var NeedCodes = []string{"housing", "money", "work", "loneliness", "mental_wellbeing", "physical_activity", "food", "carers", "parenting", "bereavement", "young_people"}

// ParseNeeds understands numbers ("1 3", "1,3", "2 and 5"), need words ("rent, lonely") and free sentences
// ("I'm behind on my rent and I feel lonely" -> housing, money, loneliness). Numbers refer to the numbered
// list in the order of NeedCodes (1 = housing ...). Returns need codes, deduplicated, in first-mention order.
//
// Free text is matched against phrase patterns per need (English and Polish,
// after Normalize). Some phrases imply two needs: "rent arrears" and "behind on
// my rent" are housing and money; "can't afford" anything is money; a young
// carer is carers and young_people. A digit counts as a list choice unless it
// is plainly a quantity or an age ("2 kids", "3 months", "I'm 15", "£5").
// Returns nil when nothing is understood.
func ParseNeeds(text string) []string {
	toks := normalizeTokens(text, false)
	if len(toks) == 0 {
		return nil
	}
	norm := strings.Join(toks, " ")
	type hit struct{ pos, order int }
	first := map[string]hit{}
	note := func(code string, pos int) {
		order := slices.Index(NeedCodes, code)
		if h, ok := first[code]; !ok || pos < h.pos {
			first[code] = hit{pos, order}
		}
	}
	// Menu numbers, located by byte offset in norm for ordering.
	off := 0
	for i, t := range toks {
		if n, ok := menuNumber(toks, i); ok {
			note(NeedCodes[n-1], off)
		}
		off += len(t) + 1
	}
	needSet.each(norm, func(i int, r *rule) bool {
		if s, _, ok := r.find(norm, norm); ok {
			for _, c := range needRules[i].codes {
				note(c, s)
			}
		}
		return true
	})
	if pos, ok := youngAgePos(norm); ok {
		note("young_people", pos)
	}
	if len(first) == 0 {
		return nil
	}
	out := make([]string, 0, len(first))
	for c := range first {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b string) int {
		ha, hb := first[a], first[b]
		if ha.pos != hb.pos {
			return ha.pos - hb.pos
		}
		return ha.order - hb.order
	})
	return out
}

// menuNumber reports whether toks[i] is a choice from the numbered list.
func menuNumber(toks []string, i int) (int, bool) {
	n, err := strconv.Atoi(toks[i])
	if err != nil || n < 1 || n > len(NeedCodes) || len(toks[i]) > 2 {
		return 0, false
	}
	if i > 0 && notMenuBefore[toks[i-1]] {
		return 0, false
	}
	if i+1 < len(toks) && notMenuAfter[toks[i+1]] {
		return 0, false
	}
	return n, true
}

// Words around a digit that show it is a quantity, an age, a time or money,
// not a menu choice: "2 kids", "3 months", "I'm 15", "£5", "5 of us", "at 3".
var (
	notMenuBefore = toSet("i'm age aged is was turned turning of £ year years flat room floor bus over under mam at about around after before until till since by only mum dad mother father")
	notMenuAfter  = toSet("kids kid children child boys girls sons daughters year years yr yrs yo month months week weeks day days night nights hour hours hrs hr minutes mins min pounds pound quid grand k p pence times people bed beds bedroom bedrooms am pm o'clock stone kg lbs miles jobs pills tablets meals of lat lata latek dzieci miesiecy miesiace tygodni dni zl zlotych funtow percent shifts sessions bills letters more out years' stones")
)

// youngAgePos finds a self-stated age of 10-24 ("I'm 15", "15 years old",
// "mam 15 lat"): youth services take referrals in that range.
func youngAgePos(norm string) (int, bool) {
	if !strings.ContainsAny(norm, "0123456789") && !strings.Contains(norm, "teen") && !strings.Contains(norm, "nascie") {
		return 0, false
	}
	for _, m := range numberMentions(norm) {
		if m.contextual && m.value >= 10 && m.value <= 24 {
			return m.pos, true
		}
	}
	return 0, false
}

// needSet is needRules behind one prefilter pass.
var needSet = func() *ruleSet {
	rules := make([]rule, len(needRules))
	for i, n := range needRules {
		rules[i] = n.rule
	}
	return newRuleSet(rules)
}()

type needRule struct {
	rule
	codes []string
}

func nr(codes, pattern, exclusion string) needRule {
	return needRule{rule: newRule(pattern, exclusion, false), codes: strings.Split(codes, ",")}
}

// Relatives and people someone might care for.
const careesPattern = `(?:mum|mom|mam|mother|dad|father|parents?|husband|wife|partner|nan|nana|nanny|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|grandparents?|brother|sister|aunt|auntie|uncle|neighbour|friend|disabled \w+|elderly \w+|poorly \w+|sick \w+|ill \w+|her|him|them)`

// needRules: patterns over Normalize output. Order does not matter (the
// earliest match position decides order); codes lists what a phrase implies.
var needRules = []needRule{
	// Housing, and phrases that are housing and money at once.
	nr("housing,money", `\b(?:rent|rental) arrears\b|\barrears (?:on|with) (?:my |the |our )?rent\b|\bbehind (?:on|with) (?:my |the |our )?(?:rent|mortgage)\b|\b(?:can't|struggling to|struggle to|unable to|can't afford to|couldn't|can't keep up with|help (?:me )?(?:to )?) (?:pay|afford|cover|make|keep up with) (?:my |the |our )?(?:rent|mortgage)\b|\brent (?:is going up|went up|increase\w*|rise|rises|too high|is too much|is so high|is crazy|keeps going up|going up|up again|is going up again)\b|\b(?:putting|put|puts) (?:the |my |our )?rent up\b|\bhousing benefit\b|\baffordable housing\b`, ""),
	nr("housing,money", `\bzaleglosc\w* (?:w|z) czynsz\w*|\bnie stac (?:mnie|nas) na (?:czynsz|mieszkanie|wynajem)`, ""),
	nr("housing", `\b(?:housing|homeless\w*|landlord|landlords|landlady|letting agent|letting agency|estate agent|tenancy|tenant|tenants|evict\w*|section 21|s21|section 8|notice to quit|repossess\w*|mortgage\w*|hostel|b and b|bnb|sofa surf\w*|sofa surfing|couch surf\w*|sleeping rough|rough sleep\w*|on the streets|sleeping on the street|sleeping in my car|temporary accommodation|temp accommodation|emergency accommodation|supported accommodation|accommodation|housing association|social housing|housing list|housing register|overcrowd\w*|damp|mould\w*|mold|moldy|leak\w*|disrepair|boiler|bedsit|council (?:house|flat|housing|property|home|place))\b`, `\b(?:water|gas) leak\b`),
	nr("housing", `\brent(?:s|ed|ing)?\b`, `\brent(?:ing|ed)? (?:a )?(?:car|van|bike|dvd|film|movie)\b`),
	nr("housing", `\b(?:need|needs|looking for|find|finding|get|getting|move|moving|want|wants|applied for|apply for|waiting for|bid on|bidding for)(?: to)?(?: a| an| new| another| somewhere| some)? (?:new |bigger |smaller |cheaper |council |social |private |safe |better |proper )?(?:flat|house|home|place to (?:live|stay)|place|room|bedsit|property|somewhere to (?:live|stay))\b|\b(?:nowhere|no where|no place|not got anywhere|haven't got anywhere) to (?:live|stay|sleep|go)\b|\b(?:moving|move|moved) (?:house|home|flat|out)\b|\bkicked (?:me |us )?out\b|\bthrown out\b|\bthrew (?:me|us) out\b|\b(?:one|1|2|two) bed(?:room)? flat\b|\b(?:my|the|our) (?:flat|house)(?:'s| is| has) (?:damp|cold|falling apart|too small|overcrowded|a mess)\b|\bwants? me out\b|\bheating (?:isn't|is not|not|has stopped|stopped|broken|doesn't|won't)\b`, ""),
	nr("housing", `\bmieszkani\w*|\bmieszkan\b|\bczynsz\w*|\beksmisj\w*|\beksmit\w*|\bbezdomn\w*|\bwynajm\w*|\bwynajem\w*|\bwlasciciel\w*|\bwilgo\w*|\bplesn\w*|\bzakwaterowani\w*|\bdach nad glowa\b|\bnie mam gdzie (?:mieszkac|spac|sie podziac)\b`, ""),
	// Money.
	nr("money", `\b(?:money|debts?|indebted|owe|owes|owing|arrears|bills?|broke|skint|poverty|benefits?|universal credit|uc|pip|esa|jsa|pension credit|council tax|bailiffs?|debt collectors?|enforcement agents?|sanction\w*|loans?|overdraft|overdrawn|credit cards?|payday|cost of living|budget\w*|finances|financial\w*|income|wages?|salary|afford\w*|hardship|grants?|cash|energy bills?|gas and electric\w*|electricity|prepayment|meter|topping up|ccj|iva|bankrupt\w*|child benefit|tax credits?|allowance|dwp|hmrc|fined|parking fine|penalty charge|cost|costs|expensive|pay (?:day|off|back)|earning|earnings|nappies)\b`,
		`\bcost (?:me|him|her|us) my\b`),
	nr("money", `(?:^| )£ ?[0-9]|\b(?:can't|cannot|struggling to|struggle to|unable to|couldn't|help (?:me )?(?:to )?|how (?:do|can) i) pay\b|\b(?:hasn't|haven't|didn't|not) (?:paid|been paid)\b|\bpaid me\b`, ""),
	nr("money", `\bpieniad\w*|\bpieniedz\w*|\bkas[ay]\b|\bdlug\w*|\bzadluz\w*|\brachun\w*|\bzasil\w*|\bkredyt\w*|\bpozycz\w*|\bkomornik\w*|\bpodat\w*|\boplat\w*|\bfinans\w*|\bbieda\b|\bbiedn\w*|\bnie stac (?:mnie|nas)\b|\bbrak (?:kasy|pieniedzy|srodkow)\b|\bzaleglosc\w*|\bpensj\w*|\bemerytur\w*|\bwyplat\w*`, ""),
	// Work.
	nr("work", `\b(?:jobs?|jobless|employment|unemploy\w*|employer|self employed|redundan\w*|jobcentre|job centre|job seekers?|jobseeker's|jobseekers|cv|resume|interviews?|sacked|fired|laid off|zero hours?|careers?|apprentice\w*|colleagues?|coworkers?|co workers?|workplace|workload|shifts?|promotion|payslip|tribunal|volunteer\w*|work experience|work coach|retrain\w*|training course|job search\w*|job hunt\w*|internship|boss|overtime)\b|\b(?:was|got|been|being) let go\b`,
		`\bfired up\b`),
	nr("work", `\b(?:at|from|for|after|before|into|out of|off|back to|find|finding|get|getting|need|needs|want|wants|looking for|look for|lost|lose|losing|no|any|more|part time|full time|paid|unpaid|my|about|with|go to|going to|return to|returning to|started|start|starting|stopped|stop|quit|quitting|leave|left|leaving|hate|hates|hating|can't find|can't get|been out of|unable to|fit for|fit to|stress at|stressed at|problems at|issues at|trouble at|want to|need to|able to|back at|to find|to get) work\b|\bwork (?:coach|capability|search|experience|place|placement|hours|shifts|permit|visa|life|stress|stressful|colleagues|problems|issues|related|pressure|is (?:stressful|hard|awful|killing|horrible|too much))\b|\b(?:i'm|i was|i've been|been|i'm not|i've not been|i haven't been|not been|stopped|started|start|starting|back|while|when|still|currently|husband|wife|partner|we|i|and) working\b|\bi (?:work|worked)\b|\b(?:work|working) (?:nights|days|full time|part time|long hours|two jobs|2 jobs|from home|shifts|weekends|overtime|as a|as an|in a)\b`,
		`\bwork (?:out|on (?:my|myself|it|this))\b|\b(?:it|this|that|doesn't|didn't|don't|won't|does|did|will|would|might|could|should|never) work\b|\bworking (?:out|on (?:my|myself|it|this))\b`),
	nr("work", `\bprac(?:a|y|e|ie|ach|uje|uja|ujesz|owac|owalem|owalam|owala|owal|odawc\w*|ownik\w*)\b|\bbezrobotn\w*|\bzwolni\w*|\burzad pracy\b|\brozmow\w* kwalifikacyjn\w*|\betat\w*|\bzatrudni\w*`, `\bpracowni\w* socjaln\w*`),
	// Loneliness.
	nr("loneliness", `\b(?:lonely|loneliness|lonesome|isolated|isolation|isolating|no friends|any friends|few friends|make friends|making friends|new friends|find friends|friendship|no one to talk to|nobody to talk to|no one to speak to|no one to see|someone to talk to|somebody to talk to|anyone to talk to|no company|for company|some company|companionship|befriend\w*|social (?:groups?|clubs?|activities|life|contact|events)|socialis\w*|socializ\w*|meet (?:new )?people|meeting (?:new )?people|meet others|get out of the house|get out more|go out more|on my own|by myself|don't see anyone|don't really see anyone|never see anyone|don't know anyone|don't have anyone|haven't got anyone|have no one|got no one|have nobody|got nobody|no one visits|nobody visits|no one cares|nobody cares|stuck (?:in|at) (?:the house|home|indoors)|housebound|lunch club|coffee morning|community group|alone|don't leave the house|never leave the house|can't leave the house)\b`,
		`\b(?:leave|left|leaves) (?:me|us|him|her|them) alone\b|\braising (?:\w+ )?(?:kids|children) on my own\b`),
	nr("loneliness", `\bsamotn\w*|\bosamotni\w*|\bizolacj\w*|\bodizolowan\w*|\bnie mam (?:przyjaciol|znajomych|nikogo|z kim|do kogo)\b|\b(?:jestem|czuje sie|mieszkam|zostalam|zostalem|zupelnie|calkiem|calkowicie|caly dzien|ciagle) (?:sam|sama)\b|\bpoznac (?:nowych )?(?:ludzi|kogos|znajomych)\b|\bbrakuje mi (?:ludzi|towarzystwa|kontaktu)\b|\btowarzystw\w*`,
		`\bsamotn\w* (?:matk\w*|mam\w*|ojc\w*|tat\w*|rodzic\w*)`),
	// Mental wellbeing.
	nr("mental_wellbeing", `\b(?:anxious|anxiety|anxieties|depress\w*|low mood|mood|moods|stress|stressed|stressful|stressing|panic\w*|mental health|mentally|mental|wellbeing|well being|overwhelm\w*|burnt out|burned out|burnout|insomnia|can't sleep|not sleeping|no sleep|trouble sleeping|struggle to sleep|struggling to sleep|sleep problems|worried sick|constant(?:ly)? worr\w*|worry all the time|worrying all the time|can't stop worrying|nervous|nerves|on edge|ocd|ptsd|trauma\w*|bipolar|schizo\w*|psychosis|eating disorder|anorexi\w*|bulimi\w*|self esteem|confidence|counsel\w*|therap\w*|cbt|psycholog\w*|psychiatr\w*|mindfulness|hopeless\w*|worthless|numb|empty inside|crying|cry all the time|sad|sadness|unhappy|miserable|can't cope|not coping|struggling to cope|coping|emotional\w*|anger issues|anger management|breakdown|head (?:is )?(?:all over the place|a mess|in a mess)|sort my head out|in a dark place|wound up|on medication for)\b`,
		`\bmood for\b|\bconfidence (?:trick|interval)\b`),
	nr("mental_wellbeing", `\b(?:feel|feeling|feelings|felt|been|i'm|i am|so|really|very|always) (?:so |really |very |a bit |quite |pretty |super |a little |kind of |kinda )?(?:down|low|flat|rubbish|crap|shit|awful|terrible|empty|numb|hopeless|worthless|useless|blue|miserable|sad|overwhelmed|stressed|anxious|depressed|upset|on edge|not myself|not right|broken)\b|\bstruggling (?:mentally|emotionally|to cope|with (?:life|everything|my (?:mental health|head|mind|feelings|thoughts)))\b|\b(?:i'm|i am|been|i've been|really) (?:really )?struggling(?: (?:a lot|lately|at the moment|right now|so much|badly))?$`,
		`\b(?:down|low) (?:on|in) (?:money|funds|cash|food|credit|battery)\b|\bflat (?:is|has|in|on)\b`),
	nr("mental_wellbeing", `\bstres\w*|\bdepresj\w*|\bnerwic\w*|\bniepokoj\w*|\bbezsennosc\w*|\bnie moge spac\b|\bnie spie\b|\bsmutn\w*|\bprzygnebi\w*|\bzalaman\w*|\bzdrowi\w* psychiczn\w*|\bpsychiczn\w*|\bpsycholog\w*|\bpsychiatr\w*|\bterapi\w*|\bnie radze sobie\b|\bprzytlocz\w*|\b(?:ataki|atak|napady|napad|stany|zaburzenia) (?:paniki|lekowe|leku|lekowy)\b|\bpanik\w*|\b(?:mam|odczuwam|ciagly|ciagle|czuje) lek\b`, ""),
	// Physical activity.
	nr("physical_activity", `\b(?:exercis\w*|get fit|getting fit|keep fit|keeping fit|stay fit|fitness|fitter|unfit|gym|gyms|walking|walks|hiking|running|jogging|run|runs|parkrun|park run|couch to 5k|swim|swimming|football|footie|netball|basketball|badminton|tennis|cricket|rugby|boxing|martial arts|yoga|pilates|tai chi|zumba|dance|dancing|cycling|bike|bikes|sport|sports|sporty|physical activity|physically active|more active|get active|be active|being active|stay active|staying active|keep active|lose weight|losing weight|weight loss|overweight|obese|obesity|put on (?:so much |a lot of )?weight|bowls|golf|climbing|rowing|aerobics|move more|moving more|go for a walk|going for walks|go for walks|walk more|stretching)\b`,
		`\brun(?:s|ning)? (?:out|down|late|away|around after|a business|the)\b|\bran out\b|\bwalking (?:distance|all over|out)\b|\bsport on tv\b`),
	nr("physical_activity", `\bcwicz\w*|\bsport\w*|\bsilowni\w*|\bspacer\w*|\bbiega\w*|\brower\w*|\bpilk\w* nozn\w*|\bplywa\w*|\bbasen\w*|\bschudn\w*|\bodchudz\w*|\bnadwag\w*|\botylosc\w*|\baktywnosc\w* fizyczn\w*|\bkondycj\w*|\bwiecej ruchu\b|\bruszac sie\b|\bjog[aie]\b|\btaniec\b|\btanczyc\b|\bgimnastyk\w*`, ""),
	// Food.
	nr("food", `\b(?:food|foodbank|food bank|food banks|hungry|hunger|starving|starve|meals?|skip(?:ping|ped)? meals|eat|eating|groceries|grocery|food shopping|nothing to eat|no food|empty (?:fridge|cupboards?)|fridge|cupboards?|pantry|community fridge|soup kitchen|free school meals|school meals|food vouchers?|cook|cooking|healthy eating|diet|nutrition|breakfast club|feed (?:my|the|our) (?:kids|children|family|baby)|feeding (?:my|the|our) (?:kids|children|family|baby)|formula|baby milk)\b`,
		`\beating disorder\b|\blunch club\b|\beat(?:ing)? (?:me|away at me) (?:up|alive)\b|\bwhat's eating\b`),
	nr("food", `\bjedzeni\w*|\bjesc\b|\bzjesc\b|\bjem\b|\bzywnos\w*|\bglodn\w*|\bglod\b|\bposil\w*|\bobiad\w*|\bsniadani\w*|\bkolacj\w*|\bzakupy spozywcze\b|\blodowk\w*|\bgotowac\b|\bgotuje\b`, ""),
	// Carers (and young carers, who are also young people).
	nr("carers,young_people", `\byoung carers?\b`, ""),
	nr("carers,money", `\bcarer'?s allowance\b`, ""),
	nr("carers", `\b(?:carer|carers|caring (?:for|role|responsibilities)|caring|cares for|care for|unpaid care\w*|respite|dementia|alzheimer's|alzheimers|care home|home care|full time carer)\b|\b(?:looking after|look after|looks after|looked after|support|supporting|do everything for) (?:my |our |a |his |her )?`+careesPattern+`\b|\bdisabled (?:son|daughter|child|husband|wife|partner|mum|dad|brother|sister)\b`,
		`\btake care of myself\b|\bcare for myself\b`),
	nr("carers", `\bopiek\w*|\bzajmuje sie (?:chor\w*|mam\w*|tat\w*|mez\w*|zon\w*|babci\w*|dziadk\w*|rodzic\w*|niepelnospraw\w*)|\bniepelnospraw\w*`, ""),
	// Parenting.
	nr("parenting", `\b(?:my|our|the|his|her|me and my) (?:(?:little|eldest|oldest|youngest|disabled|autistic|poorly|new|two|three|2|3|teenage|baby|adult|grown up|step) )?(?:kids?|children|child|son|sons|daughter|daughters|baby|babies|toddler|teen|teens|teenager|teenagers|boy|boys|girl|girls|little one|little ones|youngest|eldest|oldest|stepson|stepdaughter|step son|step daughter|twins|newborn|infant)\b|\b(?:kids?|children|child|kid's|child's|children's|kids')\b|\b(?:parenting|parent|single (?:mum|mom|dad|parent|mother|father)|new (?:mum|mom|dad|parent|baby)|mum of|mom of|dad of|mother of|father of|pregnant|pregnancy|postnatal|post natal|antenatal|maternity|paternity|breastfeed\w*|childcare|child care|nursery|school run|tantrums?|toddler|toddlers|newborn|nappies|nappy|baby|babies|stepchildren|step children|raising (?:\w+ )?(?:kids|children))\b`,
		`\b(?:the|other) kids at (?:school|college|my school)\b|\blost (?:our|my|a|the) baby\b|\bbaby loss\b|\bchild(?:'s)? (?:maintenance )?(?:benefit|tax credit)\b|\bwhen i was a (?:child|kid)\b|\bas a (?:child|kid)\b`),
	nr("parenting", `\bdzieck\w*|\bdzieci\w*|\bsyn(?:a|em|ek|ka|kiem|owi|u|owie|ow)?\b|\bcork(?:a|i|e|iem)\b|\bcoreczk\w*|\bcorce\b|\bniemowl\w*|\bnoworod\w*|\bwychowani\w*|\brodzicielst\w*|\bmacierzyn\w*|\bciaz\w*|\bsamotn\w* (?:matk\w*|mam\w*|ojc\w*|tat\w*|rodzic\w*)|\bprzedszkol\w*|\bzlob\w*`, ""),
	// Bereavement.
	nr("bereavement", `\b(?:grief|grieving|griev\w*|bereave\w*|bereaved|mourning|mourn|widow|widowed|widower|funeral|funerals|passed away|passed on|miscarriage|miscarried|stillbirth|stillborn|baby loss|death|died|dying|passed|loss)\b|\blost (?:my|our|a) (?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|child|baby|brother|sister|nan|nana|gran|granny|grandma|grandad|grandpa|grandfather|grandmother|best friend|friend|boyfriend|girlfriend|fiance|fiancee|uncle|aunt|auntie|cousin|twin|dog|cat|pet|parents?|family|loved one|little one)\b`,
		`\b(?:battery|phone|laptop|car|plant|plants|signal|wifi|conversation|tv|fridge|boiler|engine|hope|dream|business|tablet|screen|charger|ipad|computer)(?:'s)? (?:has |had |just |is |keeps |kept )?(?:died|dying|dead|passed)\b|\b(?:nearly|almost|practically|basically|could have|i|i've|could've|would have|would've) (?:died|passed)\b|\bdied (?:laughing|of (?:embarrassment|boredom|laughter|shame))\b|\bdying (?:to|for|of (?:boredom|laughter|hunger|thirst|embarrassment))\b|\bpassed (?:my|the|a|an|out|by|through|it|them|him|her|me)\b|\bdeath (?:threats?|stare|metal)\b|\b(?:bored|scared|worried) to death\b|\bloss of (?:appetite|income|earnings|job|my job|hearing|sight|weight|interest|motivation|confidence|benefits)\b|\b(?:weight|hair|hearing|job|memory|sight) loss\b|\bat a loss\b`),
	nr("bereavement", `\bzalob\w*|\bzmarl\w*|\bumarl\w*|\bsmierc\w*|\bpogrzeb\w*|\bporonieni\w*|\bwdow\w*|\bstracil\w* (?:mez\w*|zon\w*|mam\w*|mat\w*|tat\w*|ojc\w*|syn\w*|cork\w*|dzieck\w*|brat\w*|siostr\w*|babci\w*|dziad\w*|przyjaci\w*|partner\w*)`, ""),
	// Young people.
	nr("young_people", `\b(?:school|schools|schoolwork|bully\w*|bullied|exams?|gcses?|gcse's|a levels?|college|sixth form|uni|university|student|students|youth|youth club|youth centre|young person|young people|teen|teens|teenager|teenage|homework|teachers?|classmates|year (?:7|8|9|10|11|12|13|seven|eight|nine|ten|eleven|twelve|thirteen)|neet)\b`,
		`\b(?:my|our|his|her) (?:teen|teenager|teenagers|teens)\b|\bschool (?:run|meals|uniform)\b|\bfree school\b|\bschool trip\b`),
	nr("young_people", `\bszkol(?:a|e|y|ie|ach|ami|ny|na|ne)?\b|\begzamin\w*|\bmatur\w*|\bnastolat\w*|\bmlodziez\w*|\buczen\b|\buczennic\w*|\buczniow\w*|\bliceum\b|\btechnikum\b|\bgnebi\w*|\bprzesladuj\w*|\bprzesladowa\w*|\bdokuczaj\w*|\bdreczy\w*|\bwysmiewa\w*|\bw klasie\b|\bnauczyciel\w*`, ""),
}
