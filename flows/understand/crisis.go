package understand

import (
	"regexp"
	"strings"
)

// CrisisKind classifies a crisis signal so the caller can offer the right route.
type CrisisKind string

// Crisis kinds, in the order DetectCrisis prefers them when a message carries several.
const (
	CrisisSuicide   CrisisKind = "suicide"   // suicidal ideation / intent / plan
	CrisisSelfHarm  CrisisKind = "self_harm" // self-harm, current or urges
	CrisisAbuse     CrisisKind = "abuse"     // domestic abuse, sexual abuse, child abuse, being hurt/threatened, unsafe at home, coercive control, forced marriage, trafficking
	CrisisEmergency CrisisKind = "emergency" // immediate danger, overdose taken, medical emergency, can't keep myself safe, harm to others
)

// Crisis is a detected crisis signal.
type Crisis struct {
	Kind CrisisKind
	// Cue is the matched phrase in normalised form, for the link worker. It is
	// sensitive: callers must never log it at info level.
	Cue string
}

// DetectCrisis reports whether text signals a crisis, and which kind.
//
// It is built for recall: a miss can cost a life, a false alarm costs a link
// worker a minute. The text is normalised (Normalize, keeping sentence
// boundaries) and read by two tiers.
//
// The phrase tier (this file) matches each sentence against curated phrase
// patterns per kind. Strong cues ("suicide", "kill myself", "end my life",
// "self harm", "overdose" ...) always fire, whatever else the message says:
// negations ("I'm not going to kill myself but...") and laughter ("I want to
// die lol") included. Weak cues (for example "can't go on", "I'm going to
// kill him", "hurt myself") each carry figures of speech or innocent contexts
// that cancel them ("can't go on holiday", "... lol", "hurt myself playing
// football"); some also name innocent context anywhere in the message
// (rule.unless: "by accident", "my nose is bleeding").
//
// "die", "dying", "dead" and "death" in a first-person sentence are a broad,
// weak cue: talk of dying is worth a link worker's minute unless it is a
// figure of speech ("dead tired", "dying to try it", "to die for", "bored to
// death") or about someone else's death ("my dad died last year"; bereavement
// is a need, not a crisis). "kill" alone is never a cue, so "this queue is
// killing me" stays quiet.
//
// The compositional tier (compose.go, crisis_lexicon.go) generalises beyond
// listed phrasings: it tags concepts (a means, closeness, a household member,
// a violent verb, an ending, a farewell, a decision, "tonight") and builds
// signals from how they combine — pills + "in front of me", a harm verb + "my
// thigh", "my partner" + "grabs" + "my wrists", "want" + "to not exist" —
// and from weak hints that add up ("tonight's the night" + "made my mind
// up"). See compose.go for the scoring.
//
// When several kinds match, the most urgent wins: emergency (act now), then
// suicide, self-harm, abuse. Safe for concurrent use.
func DetectCrisis(text string) (Crisis, bool) {
	toks := normalizeTokens(text, true)
	norm := strings.Join(toks, " ")
	if norm == "" {
		return Crisis{}, false
	}
	var found Crisis
	crisisSet.eachSentence(norm, func(i int, r *rule, sentence string) bool {
		if s, e, ok := r.find(sentence, norm); ok {
			found = Crisis{Kind: crisisKindOf[i], Cue: sentence[s:e]}
			return false
		}
		return true
	})
	if found.Kind == CrisisEmergency {
		return found, true
	}
	// The compositional tier (compose.go, crisis_lexicon.go) catches what no
	// phrase names; the more urgent of the two answers wins.
	if c, ok := composeCrisis(toks, norm); ok && (found.Kind == "" || crisisRank[c.Kind] < crisisRank[found.Kind]) {
		found = c
	}
	return found, found.Kind != ""
}

// crisisRank orders kinds by urgency, most urgent first.
var crisisRank = map[CrisisKind]int{CrisisEmergency: 0, CrisisSuicide: 1, CrisisSelfHarm: 2, CrisisAbuse: 3}

// composeCrisis runs the compositional tier and returns the most urgent kind
// that reaches the threshold.
func composeCrisis(toks []string, norm string) (Crisis, bool) {
	st := crisisComposer.run(toks)
	if len(st.hits) == 0 {
		return Crisis{}, false
	}
	laughing := -1 // unknown: the regexp runs only when a score is borderline
	for _, k := range []CrisisKind{CrisisEmergency, CrisisSuicide, CrisisSelfHarm, CrisisAbuse} {
		r := st.score(k)
		if r.score < composeThreshold {
			continue
		}
		if r.score == composeThreshold {
			// Laughter raises the bar by one: "i hate my life lol".
			if laughing < 0 {
				laughing = 0
				if laughRe.MatchString(norm) {
					laughing = 1
				}
			}
			if laughing == 1 {
				continue
			}
		}
		return Crisis{Kind: k, Cue: st.cueText(r.cue)}, true
	}
	return Crisis{}, false
}

// crisisSet holds every crisis rule in priority order; crisisKindOf[i] is the
// kind of rule i.
var crisisSet, crisisKindOf = func() (*ruleSet, []CrisisKind) {
	var rules []rule
	var kinds []CrisisKind
	for _, kr := range crisisRules {
		for _, r := range kr.rules {
			rules = append(rules, r)
			kinds = append(kinds, kr.kind)
		}
	}
	return newRuleSet(rules), kinds
}()

type kindRules struct {
	kind  CrisisKind
	rules []rule
}

// crisisRules are checked in priority order.
var crisisRules = []kindRules{
	{CrisisEmergency, compileCues(emergencyCues)},
	{CrisisSuicide, compileCues(suicideCues)},
	{CrisisSelfHarm, compileCues(selfHarmCues)},
	{CrisisAbuse, compileCues(abuseCues)},
}

// cue is the source form of a rule. Patterns run over one sentence of
// normalised text at a time: lower case, ASCII-folded, contractions canonical
// ("i'm", "can't", "don't", "won't"); "$" is the end of the sentence. {NAME}
// macros expand from cueMacros.
type cue struct {
	pattern string
	// exclusion, if set, makes the cue weak: see rule.
	exclusion string
	jokey     bool
	// requires and unless: see rule.requires and rule.unless.
	requires string
	unless   string
}

func compileCues(cs []cue) []rule {
	rs := make([]rule, 0, len(cs))
	for _, c := range cs {
		r := newRule(expandMacros(c.pattern), expandMacros(c.exclusion), c.jokey)
		if c.requires != "" {
			r.requires = regexp.MustCompile(c.requires)
		}
		if c.unless != "" {
			r.unless = regexp.MustCompile(expandMacros(c.unless))
		}
		rs = append(rs, r)
	}
	return rs
}

func expandMacros(p string) string {
	// Macros may use macros; two passes are enough for this table.
	for range 2 {
		p = macroReplacer.Replace(p)
	}
	return p
}

var cueMacros = []string{
	// People who abuse: partners, family, carers, strangers. Possessives are optional.
	// No possessive prefix: the patterns are unanchored, so "partner" already
	// matches inside "my partner", and a shorter program runs faster.
	"{PERSON}", `(?:partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|fiance|fiancee|dad|father|stepdad|step dad|stepfather|mum|mom|mam|mother|stepmum|step mum|stepmother|brother|sister|stepbrother|uncle|aunt|auntie|cousin|grandad|grandpa|grandma|nan|son|daughter|carer|landlord|flatmate|housemate|neighbour|boss|employer|family|parents|in laws|brother in law|father in law|mother in law|he|she|they|someone|somebody|people|man|guy|men|pimp|gang|dealer)`,
	"{VIOLENT}", `(?:hits|hit|hitting|beats|beat|beating|beaten|punches|punched|punching|kicks|kicked|kicking|slaps|slapped|slapping|chokes|choked|choking|strangles|strangled|strangling|pushes|pushed|pushing|shoves|shoved|shoving|attacks|attacked|attacking|batters|battered|battering|rapes|raped|raping|abuses|abused|abusing|assaults|assaulted|molests|molested|smacks|smacked|smacking|throttles|throttled|headbutted|headbutts|grabs|grabbed|drags|dragged|throws|threw|spits on|spat on|hurts|hurt|hurting|bites|bit|burns|burned|burnt|whips|whipped|belts|belted|stabbed|stabs|slashed|threatens|threatened|threatening|locks|locked|ties|tied|pins|pinned|restrains|restrained|terrorises|terrorizes|intimidates|bullies|bullied|harasses|harassed|stalks|stalked|scratches|scratched)`,
	"{VICTIM}", `(?:me|us|my (?:mum|mom|mam|mother|sister|brother|kids|children|son|daughter|baby|face|head|arm|arms|body|stomach|back|neck|throat|legs?)|the (?:kids|children|baby)|mum|mom|her)`,
	// Medicines people overdose on.
	"{MEDS}", `(?:pills|tablets|tabs|meds|medication|medicine|medicines|paracetamol|ibuprofen|aspirin|codeine|co codamol|cocodamol|painkillers|pain killers|antidepressants|anti depressants|sertraline|citalopram|fluoxetine|mirtazapine|amitriptyline|diazepam|valium|zopiclone|pregabalin|gabapentin|tramadol|morphine|oxycodone|insulin|lithium|quetiapine|olanzapine|propranolol|sleeping (?:pills|tablets)|capsules|prescription)`,
	"{QTY}", `(?:(?:a|the|my|her|his|whole|full|entire|an entire) (?:bottle|box|packet|pack|strip|tub|blister pack|sheet|pot|jar)s?|bottles|boxes|packets|packs|strips|all|too many|too much|loads|lots|a load|a lot|a handful|handfuls|a whole|the whole|whole|every|entire|full|the rest|double|[1-9][0-9]+|ten|eleven|twelve|fifteen|sixteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|dozens|a dozen|a bunch|a pile|a stack|a fistful|a shitload|the lot|everything)`,
	// Intent or contemplation, as opposed to an act already done.
	"{INTENT}", `(?:thinking (?:of|about)|thought about|going to|gonna|planning (?:to|on)|plan to|want to|wanna|might|tempted to|considering|about to|ready to|i'll|i will|urge to)`,
	"{WANT}", `(?:want|wants|wanted|wanting|wish|wishing|wished|planning|plan|ready|trying|tried|decided|hope|hoping|deserve|need|needs|i'd like|would like|like|longing|longed|begging)`,
}

var macroReplacer = strings.NewReplacer(cueMacros...)

// Figures of speech and innocent contexts shared by several weak cues.
const (
	// deathFigures cancels the broad death-word tier: figures of speech with
	// die/dead/death, dead things that are not people, and someone else's death
	// (bereavement is a need, not a crisis).
	deathFigures = `\b(?:dying|die|died|dead) (?:to|for|of (?:boredom|laughter|laughing|hunger|thirst|embarrassment|cringe|shame|heat|cold|cancer|old age|covid|a heart attack|natural causes|(?:the |a )?(?:flu|cold|hangover|man flu|tiredness|exhaustion))|laughing|happy|inside lol)\b` +
		`|\bto die for\b|\bdie laughing\b|\b(?:nearly|almost|could have|could've|practically|basically|literally) died\b` +
		`|\bdie (?:my|your|her|his|their|the|it) (?:hair|roots|fringe|beard|eyebrows|clothes|jeans|shoes|top|pink|blue|red|black|purple|blonde|green)\b|\bdead (?:from (?:laughing|laughter)|against|tired|good|easy|on|end|ends|set|serious|nice|cheap|quiet|heat|ringer|centre|center|on my feet|beat|weight|zone|of night|lucky|funny|proud|excited|chuffed|jealous|posh|hard|slow|boring|busy|loud|sweet|cute|fit|bad|rough|cold|hot|expensive|keen|worried|scared|nervous|stressed)\b` +
		`|\bdrop dead\b|\b(?:bored|scared|sick|worried|frightened|stressed|freezing|starved|tickled|done) to death\b|\bdeath (?:stare|threats?|metal|row|trap|wish list)\b|\bover my dead body\b|\bwalking dead\b` +
		`|\b(?:battery|batteries|phone|phone's|laptop|laptop's|car|car's|plant|plants|signal|wifi|conversation|tv|fridge|boiler|engine|hope|dream|business|tablet|screen|charger|ipad|computer|bulb|torch|remote|headphones|earphones|line|mouse|bird|fish|fly|flies|spider|mouse|rat|tree|trees|flowers|grass|leaves|party|town|high street|market)(?: \w+){0,2} (?:is |are |was |were |has |have |had |just |keeps |kept |'s |about to |going to |will |might |gonna )?(?:died|dying|dead|die)\b` +
		`|\b(?:my|our|his|her|their|the|a|an|your|mum's|dad's)(?: [\w']+){0,3} (?:died|dead|death|dying|passed)\b` +
		`|\b(?:he|she|they|it|who|which|that|someone|somebody|everyone|people|nobody)(?:'s| is| was| has| had| have| were| are)? (?:just |recently |suddenly |sadly |already )?(?:died|dead|dying|passed)\b` +
		`|\b(?:died|death|passed) (?:last|in|on|of|from|when|after|before|suddenly|peacefully|two|three|four|five|a|an|\d+|this|recently|years|months|weeks|days)\b` +
		`|\b(?:since|after|before|when|until) (?:\w+ ){0,2}(?:died|death|passed)\b|\bdeath of\b|\b(?:\w+)'s death\b|\bdeath in the family\b|\bdeath certificate\b|\bdead (?:bird|fox|rat|mouse|animal|body|bodies|people|person|relatives?|parents|husband|wife|son|daughter|mum|dad|brother|sister)\b` +
		`|\b(?:i'm|i am|i get|i feel|always|really|so|very|get) (?:scared|afraid|frightened|terrified|worried|anxious) (?:of|about) (?:my \w+ )?(?:dying|death)\b|\bfear of (?:dying|death)\b|\bnear death\b|\bdeath bed\b|\bdeathbed\b|\bdead ?line\b|\bbrain dead\b|\bdead (?:inside )?lol\b`

	// accidentUnless is innocent context anywhere in a message that cancels
	// weak self-harm and violence cues: accidents, pets, small children.
	accidentUnless = `\b(?:boxing|punch(?:ing)? (?:the|a) (?:bag|pads)|sparring|at the gym|football|rugby|netball|cycling|lifting|by accident|accidentally|by mistake|not on purpose|playing|play fighting|teething|tantrums?|meltdowns?|toddler|toy|in (?:his|her|their) sleep|fell (?:off|over|down)|tripped|slipped|mosquito\w*|bites from|c section|caesarean|chickenpox|eczema|blood tests?|from (?:the|a|my) (?:fall|accident|operation|op|surgery))\b`

	// childUnless is accident or small-child context that cancels weak
	// violence cues: "my son hit me with his toy car by accident".
	childUnless = `\b(?:by accident|accidentally|by mistake|not on purpose|play fighting|teething|tantrums?|meltdowns?|toddler|toy|in (?:his|her|their) sleep)\b`

	// helpUnless is help, not control: family handling money or a phone for
	// someone, or a parent's rules for a child.
	helpUnless = `\b(?:to help me|helps me|help me (?:with|budget|manage)|for safe ?keeping|because i (?:lose|forget|spend)|so i don't (?:lose|forget|spend)|do my shopping|shopping for me|at bedtime|till i'm|until i'm|appointee|power of attorney|lasting power)\b`

	// awayUnless is an ordinary absence: "i won't be here next week, i'm on holiday".
	awayUnless = `\b(?:on holiday|away|abroad|at work|working|busy|appointment|can we|could we|can you|rearrange|reschedule|another day|instead|visiting|staying with|moving|in hospital|back on|back next|back in|i'm off|on leave|on nights|on a course|at my (?:mum|mom|dad|nan|sister|brother|mate|friend)'?s)\b`

	accidentContext = `(?:shaving|cooking|in the kitchen|on (?:the|a|my) \w+|at (?:work|the gym|football|school)|playing \w+|playing|by accident|accidentally|while \w+ing|when i fell|falling|gardening|moving|lifting|on the oven|on the iron|with (?:the|a) (?:kettle|iron|oven|pan))`
)

var emergencyCues = []cue{
	// Overdose taken (or thinking about one: that is routed to suicide first).
	{pattern: `\boverdos\w*|\bo ?d'?(?:d|ed)\b|\b(?:took|taken|take|taking|had|did|done|do) an? od\b`,
		exclusion: `\b(?:think|thinking|thought|thoughts|considering|considered|planning|plan|want|wanting|wanna) (?:about |of |to )?(?:\w+ )?overdos\w*|\bod'?d (?:on (?:chocolate|sugar|coffee|caffeine|netflix))|\b(?:overdos\w*|od'?d|od'?ing) on (?:chocolate|sugar|coffee|caffeine|netflix|cake|sweets|christmas|tv|crisps|carbs|work|telly|sunshine|vitamin c|cheese|love)\b`},
	// Pills taken (or about to be). Intent without the act ("thinking of
	// taking all my tablets") is ideation: excluded here, caught as suicide.
	{pattern: `\b(?:took|taken|take|taking|swallowed|swallow|swallowing|necked|downed|ate|eaten|popped|had|have had|just took)\b(?: [\w']+){0,3}? {QTY}\b(?: [\w']+){0,5}? {MEDS}\b`,
		exclusion: `\b{INTENT} (?:just )?(?:take|taking|swallow|swallowing|down|downing|neck|necking)\b`},
	{pattern: `\b(?:took|taken|had|swallowed|necked|downed|popped) too many\b`,
		exclusion: `too many (?:drinks|pints|beers|shots|biscuits|sweets|chocolates|cakes|coffees|days|times|hours|risks|chances|calls|selfies)`},
	{pattern: `\b(?:drank|drunk|drink|drinking|swallowed|swallow|ate|took|taken|had|eaten) (?:some |a bottle of |bottle of |a cup of |a load of |the |a |loads of )?(?:bleach|poison|antifreeze|anti freeze|weedkiller|weed killer|rat poison|screenwash|detergent|drain cleaner|cleaning products?|batteries|a battery|washing tablets?|fabric softener|methadone)\b`},
	{pattern: `\bmix(?:ed|ing)? (?:my |all my |the |some )?{MEDS} (?:with|and) (?:alcohol|vodka|drink|booze|wine|gin|whisky|whiskey|beer|cider|rum)\b`},
	// Cannot keep safe / in danger now.
	{pattern: `\b(?:can't|won't be able to|unable to|not able to|don't think i can|don't know if i can|struggling to|don't know how to) (?:keep|stay) (?:myself |me )?safe\b`},
	// "Not safe" at home is abuse (below); anywhere else it is treated as now.
	{pattern: `\b(?:(?:i'm|i am|i feel|feeling|i'm really|i'm just) (?:not |un)safe|(?:i don't|i do not|don't) feel safe)(?: right now| tonight| now| at the moment| anymore| here)?\b`,
		exclusion: `\bsafe (?:at|in) (?:home|my (?:house|home|flat|room|area)|the (?:house|flat|area))\b|\bsafe (?:with|around|walking|on the|at night|going out|in (?:the|my|this) (?:area|neighbourhood|estate|street|block)|in london)\b`},
	{pattern: `\bin (?:immediate |real |serious )?danger\b`},
	// Harm to others.
	{pattern: `\b(?:going to|want to|will|i'll|might|could|about to|scared i'll|afraid i'll|worried i'll|scared i might|afraid i might|worried i might|scared i'm going to|afraid i'm going to|worried i'm going to|feel like i'm going to|urge to|urges to|thoughts of|thoughts about|thinking about|thinking of|i'm going to|i'm gonna|gonna|feel like) (?:really )?(?:hurt|kill|harm|stab|attack|strangle|smother|shake|murder|beat up|batter|hurting|killing|harming|stabbing|attacking|strangling|smothering|shaking) (?:someone|somebody|him|her|them|you|my (?:baby|child|kids|children|son|daughter|partner|husband|wife|boyfriend|girlfriend|mum|dad|mother|father|neighbour|boss|flatmate|housemate|ex|brother|sister)|the (?:baby|kids|children)|people|everyone|anyone|somebody)\b`,
		exclusion: `\b(?:could|i'll|gonna|going to) kill (?:him|her|them) (?:for|if he|if she|when (?:he|she|they) (?:get|gets) home)`, jokey: true},
	// Medical emergencies.
	{pattern: `\b(?:can't|cannot|struggling to|unable to|hardly|barely) breathe\b|\bchest pains?\b|\b(?:unconscious|unresponsive|not breathing|isn't breathing|stopped breathing|not waking up|won't wake up|can't wake (?:him|her|them|my \w+)|not responding)\b|\b(?:having|is having|he's having|she's having|i'm having|think (?:i'm|he's|she's) having) an? (?:stroke|heart attack|seizure|fit|allergic reaction|asthma attack)\b|\banaphyla\w*`,
		exclusion: `\b(?:hope|hoping|wish|want|pray|praying) (?:that )?(?:i )?(?:don't|won't|never|not) wake up|\b(?:i )?(?:don't|do not) want to wake up|\bkids? won't wake up (?:for|in time)|\bcould(?:n't)? (?:hardly|barely) breathe\b|\b(?:hardly|barely) breathe (?:for|with)\b`, unless: `\b(?:heat|humid\w*|so hot|too hot|weather|stuffy|blocked nose|hay ?fever|sometimes|at night|when i (?:run|exercise|walk|climb)|laughing|for laughing|in this (?:heat|queue|crowd|traffic))\b`},
	{pattern: `\bbleeding (?:a lot|loads|heavily|badly|everywhere|and (?:it )?won't stop|won't stop|so much|out|really bad)\b|\bcan't stop (?:the )?bleeding\b|\b(?:it|the bleeding|blood|bleeding) won't stop\b|\blost (?:a lot of|loads of|so much) blood\b|\bcut (?:too |really |very |so )?deep\b`,
		exclusion: `\b(?:that|what (?:she|he|they) said|words?|comments?|it) cut (?:me )?deep`, unless: `\b(?:nose|nosebleeds?|gums?|periods?|piles|haemorrhoids|pads?|tampons?)\b`},
	{pattern: `\b(?:call|calling|called|need|get|send|ring) (?:an |the |me an |me a |for an )?(?:ambulance|999)\b`, unless: `\b(?:last (?:week|month|year|night|time)|yesterday|ago|(?:is|was|she's|he's|they're|i'm) (?:home|fine|ok|okay|better|out)(?: now)?|home now|discharged)\b`},
	// Intruders and weapons.
	{pattern: `\b(?:he's|he has|she's|she has|they've|they have|someone's|someone has|somebody has|he|she|they|someone|somebody|a man|a guy|my ex|my partner|my husband|my boyfriend)(?: has| have| is| are)? (?:got|has|have|had|pulled|pulling|holding|came at me with|is holding|waving|threatening me with) (?:a|an|his|her|the) (?:knife|gun|weapon|machete|blade|bat|hammer|axe)\b`},
	{pattern: `\b(?:man|men|guy|someone|somebody|he|she|they|ex|partner|husband|boyfriend|people|gang|neighbour)(?: [\w']+){0,4} (?:with|holding|carrying|waving|has|had|got|pulled) (?:a|an) (?:knife|gun|machete|weapon|axe)\b`},
	{pattern: `\b(?:someone|somebody|he|she|they|a man|men|people|my ex)(?:'s| is| are| was| were)? (?:trying to|tried to|try to) (?:get|break|force (?:their|his|her) way|kick the door) (?:in\b|into (?:my|the|our) (?:house|flat|home|room|place))|\b(?:is|are|'s|'re|someone|somebody) breaking in(?:to)?\b`},
	{pattern: `\b(?:flat|house|home|kitchen|building|room|block|bedroom) (?:is |'s )?on fire\b|\bthere's a fire\b|\bsmoke everywhere\b`},
	// Polish.
	{pattern: `\bprzedawkow\w*`},
	{pattern: `\b(?:polknel\w*|polknal\w*|polkne|polknac|lyknel\w*|lyknal\w*)\b(?: \w+){0,3} (?:tabletk\w*|tabletek|lek(?:i|ow)|pigul\w*|proszk\w*|paracetamol\w*|opakowanie)`},
	{pattern: `\b(?:wzial\w*|wziel\w*|zazyl\w*|lyknel\w*|polknel\w*)\b(?: \w+){0,2} (?:za duzo|wszystkie|cale opakowanie|cala paczke|mnostwo|garsc|[1-9][0-9]+|dwadziescia|trzydziesci|kilkanascie|kilkadziesiat)\b`},
	{pattern: `\bza duzo (?:tabletek|lekow|pigulek|proszkow)\b`},
	{pattern: `\bnie moge oddychac\b|\bw niebezpieczenstwie\b|\bstracil\w* przytomnosc\b|\bnieprzytomn\w*|\bwezwij\w* (?:karetke|pogotowie)|\bkrwawi\w* (?:mocno|bardzo|caly czas|i nie)`},
	{pattern: `\bzrobie komus krzywde\b|\b(?:zabije|zabic|zabijam) (?:go|ja|ich|kogos)\b`, jokey: true},
	{pattern: `\bnie jestem bezpieczn\w*`, exclusion: `nie jestem bezpieczn\w* w domu`},
}

var suicideCues = []cue{
	// Strong: the words themselves.
	{pattern: `\bsuicid\w*|\bunaliv\w*|\bsamoboj\w*`},
	{pattern: `\bkill(?:ing|ed|s)? (?:myself|yourself|meself)\b`},
	{pattern: `\b(?:end|ending|ended|take|taking|took|kill|killing) (?:my|me) (?:own )?life\b|\bend(?:ing)? it all\b|\bend it (?:tonight|today|now)\b`},
	{pattern: `\b{WANT} (?:to )?(?:just |really |fucking |fking |fkn |so |honestly |actually |literally |seriously |simply |finally )*(?:die|be dead)\b`,
		exclusion: `\bdie (?:my|your|her|his|their|the|it) (?:hair|roots|fringe|beard|eyebrows|clothes|jeans|shoes|top|pink|blue|red|black|purple|blonde|green)\b|\bdie it\b|\bcross my heart and hope to die\b|\bdie (?:laughing|of laughter|of embarrassment|of shame|happy)\b`},
	{pattern: `\bfeel(?:ing)? like (?:dying|i'm dying|i want to die)\b`, jokey: true,
		exclusion: `\bdying (?:of|from|with) (?:the )?(?:flu|cold|covid|heat|hunger|boredom|a cold|laughter|thirst|man flu|hangover)\b`},
	{pattern: `\b(?:hope|wish|pray|praying|hoping) (?:that )?i (?:just |would |could |will |'d |do )?(?:die|get hit by|get run over|don't make it|get killed|drop dead)`},
	{pattern: `\bi (?:should|might as well|may as well|ought to|deserve to|need to|want to|wanna) (?:just )?(?:die|be dead)\b`,
		exclusion: `\bdie (?:my|your|her|his|their|the|it) (?:hair|roots|fringe|beard|eyebrows|clothes|jeans|shoes|top|pink|blue|red|black|purple|blonde|green)\b|\bdie it\b|\bdie (?:laughing|of laughter|of embarrassment|of shame|happy)\b`},
	{pattern: `\b(?:going|gonna) to (?:just )?die\b|\bi'm (?:going to|gonna) die\b`,
		exclusion: `\bdie (?:of|from|laughing|if|when|before|happy|old|alone|for|with)\b`, jokey: true},
	{pattern: `\b{WANT} (?:to )?(?:dye)\b`, exclusion: `\bdye (?:my|your|her|his|the|it|them|hair|a|some)\b`},
	// Wishing to be dead / not exist.
	{pattern: `\bwish (?:i|i'd) (?:was |were |had |'d |could be |would be )?(?:dead|never been born|never born|not born|not here|gone|not alive|not around)\b`},
	{pattern: `\bwish i (?:wasn't|weren't|was not|were not|hadn't been|wasnt) (?:alive|here|born|around|on this earth|in this world|living)\b`},
	{pattern: `\bwish i (?:didn't|don't|could not|couldn't|would not|wouldn't|didn't have to|did not) (?:exist|wake up|have to wake up|live)\b`},
	{pattern: `\b(?:wish|want|wanna|wanted|hope) (?:i could |to )?(?:just )?(?:die|disappear forever|vanish|stop existing|not exist|sleep forever|fall asleep forever|go to sleep forever|end it|end everything|stop breathing|not wake up|never wake up|be gone|be erased|fade away|go away forever|not be here|not be alive)\b`,
		exclusion: `\bdie (?:my|your|her|his|their|the|it) (?:hair|roots|fringe|beard|eyebrows|clothes|jeans|shoes|top|pink|blue|red|black|purple|blonde|green)\b|\bdie it\b|\bdie (?:laughing|of laughter|of embarrassment|of shame|happy)\b|\b(?:not be here|be gone) (?:for|at|in|on|when|by|until|till|tomorrow|next|this)\b|\bend it (?:with|between)\b`},
	{pattern: `\bbetter off dead\b|\b(?:better|easier|happier|nicer|simpler) (?:off )?(?:for (?:everyone|everybody|them|all of them|all|people|my \w+) )?(?:if i (?:just )?(?:wasn't|weren't|was not|were not) (?:here|around|alive|born|in the picture)|if i (?:just )?(?:was|were) (?:gone|dead|not here|not around)|if i (?:just )?(?:died|disappeared|vanished|didn't exist|was never born|wasn't born|killed myself|left forever|went away forever)|without me|when i'm gone|once i'm gone|after i'm gone|with me gone|with me dead)\b`},
	{pattern: `\b(?:rather|sooner|prefer to) (?:be dead|not be alive|not exist|not be here|not wake up|not live)\b`},
	{pattern: `\brather die\b`, exclusion: `\brather die than (?:go|do|be seen|wear|eat|work|sit|listen|watch|spend|ask|call|pay|admit|lose)`},
	// Not wanting to live / be here.
	{pattern: `\b(?:don't|didn't|never|no longer|not|won't) (?:even |really |honestly |actually |just )?(?:want|wanna|wish) (?:to )?(?:be alive|live|living|be here|exist|wake up|carry on|go on|keep going|keep living|be around|continue|be on this earth|be in this world|see tomorrow|see another day|face tomorrow|face another day|do this anymore|be me|be in this life)\b`,
		exclusion: `\b(?:live|living|be here|exist|be around) (?:in|with|at|near|there|on|by|next|round|around|somewhere|anywhere|together|alone|for|until|till|when|if|far|close|abroad|here|like that)\b|\bwake up (?:early|at|so early|for|tomorrow morning|in the morning|before)\b|\b(?:go|carry) on (?:holiday|a|the|my|trips?|that|to|with|at|in|there|out|social|public|this (?:trip|course|diet)|about|paying|working)\b|\bdo this anymore (?:job|course|work)`},
	{pattern: `\bpoint (?:of |in |to )?(?:living|life|being alive|being here|existing|going on|carrying on|anything|it all|me|waking up|getting up|anymore|everything|continuing|keeping going|trying anymore|trying)\b`,
		exclusion: `\bpoint (?:of |in )?me (?:applying|going|trying|asking|coming|doing|calling|filling)`},
	{pattern: `\b(?:nothing|no reason|no reasons|nothing left|no one|nobody|nothing much|not much|no point) (?:to|for me to|worth|left to|for) (?:live|living|go on|carry on|stay|stay alive|keep going|be here|wake up)\b|\breasons? (?:to|for) (?:live|living|stay alive|keep going|go on|be alive|being alive)\b`},
	{pattern: `\b(?:not|isn't|ain't|no longer|never|nothing) (?:\w+ )?worth (?:living|being alive|staying alive|living for)\b|\blife(?:'s| is)? (?:not|isn't|ain't|no longer) worth (?:it|living)\b`},
	{pattern: `\b(?:tired|sick|exhausted|done|weary|fed up) (?:of|with) (?:living|life|being alive|existing|being here|breathing|this life|my life|it all|everything|trying|being me)\b|\bhad enough of (?:life|living|everything|it all|being alive|this life|my life|existing)\b|\bmam dosc (?:zycia|wszystkiego|tego zycia|juz wszystkiego|juz zycia|zyc)\b`, exclusion: `\b(?:living|life) (?:in|paycheck|pay cheque|hand to mouth|with|here|there|off|on|next|near|at|out of|under|in this|in a|from)\b`},
	{pattern: `\bhate (?:being alive|living|existing|my life|my existence|myself|life|being me)\b`,
		exclusion: `\bhate (?:living|life) (?:in|with|here|there|near|on)\b`, jokey: true},
	{pattern: `\b(?:stop|never|not) existing\b|\bcease to exist\b|\bdisappear\w* (?:forever|for good|permanently|for ever|and never come back)\b|\bvanish (?:forever|for good)\b`},
	{pattern: `\b(?:want|wanna|wish|wanted) (?:to |i could )?(?:just )?(?:disappear|vanish)\b`,
		exclusion: `\b(?:disappear|vanish) (?:for (?:a|the) (?:bit|while|week|weekend|day|few|month)|to|on|into (?:my|the|a)|off|abroad|under|from (?:social|facebook|instagram))`},
	{pattern: `\b(?:sleep|asleep) (?:forever|for ever|and (?:never|not) wake(?: up)?|permanently)\b|\b(?:hope|hoping|pray|praying|wish|want) (?:that )?(?:i )?(?:don't|do not|won't|never|wouldn't|will not|not|to not|to never) (?:ever )?wake up\b`},
	{pattern: `\bnever (?:to )?wake up\b`,
		exclusion: `\bnever wake up (?:on time|early|in time|before|when|for|till|until|at|without|to my alarm|with|feeling|rested|refreshed)`},
	// Goodbyes, notes, final messages.
	{pattern: `\b(?:saying|say|writing|written|wrote|write|sending|sent|texting|texted) (?:my )?goodbyes?\b|\bsaid (?:my )?goodbyes\b|\bsaid goodbye to (?:everyone|everybody|people|my (?:family|kids|friends|children|loved ones))\b`,
		exclusion: `\bgoodbyes? to (?:the|my) (?:job|old|house|flat|office|team|colleagues)\b`},
	{pattern: `\bgoodbye (?:everyone|everybody|all|world|forever|for ever|cruel world|my friends|guys)\b|\bthis is (?:goodbye|the end|it for me)\b|\bbye forever\b`},
	{pattern: `\b(?:written|wrote|writing|write|left|leaving|leave|finished) (?:a |my |the )?(?:suicide |goodbye |last |final )?(?:note|notes|letter|letters)(?: to| for)? (?:my |the )?(?:family|kids|children|mum|mom|dad|wife|husband|partner|everyone|friends|loved ones|girlfriend|boyfriend|son|daughter|parents)\b|\b(?:written|wrote|finished|writing) (?:my|a) (?:suicide |goodbye |last |final )?note\b|\b(?:suicide|goodbye|final|farewell) (?:note|letter)s?\b`},
	{pattern: `\bin case i'm (?:not here|not around|gone|dead|no longer here)\b|\bwhen i'm (?:gone|dead|no longer here)\b`},
	{pattern: `\b(?:won't|will not|not going to|might not|may not|probably won't|don't think i'll|doubt i'll|i won't) (?:be (?:here|around|alive)|make it|survive|last) (?:much longer|for much longer|for long|long|tomorrow|till tomorrow|to tomorrow|by tomorrow|next week|after tonight|in the morning|through the night|till morning|the night|anymore|soon|another day|the weekend)\b`, unless: awayUnless},
	{pattern: `\bthis (?:is|will be) my (?:last|final) (?:message|text|goodbye|night|day|words)\b|\b(?:you|they|no one|nobody|you'll|they'll) (?:won't|will not|will never|never)? ?(?:hear from|see) me (?:again|anymore)\b|\bby the time (?:you|anyone|someone|they) (?:read|reads|see|sees|get|gets) this\b`},
	{pattern: `\b(?:giving|given|gave|give) away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b|\b(?:giving|given|gave|give) (?:all )?(?:of )?my (?:stuff|things|belongings|possessions) away\b`},
	// Means and plans.
	{pattern: `\b(?:pills|tablets|meds|medication|paracetamol|rope|noose|blades?|razor|knife|gun|poison)\b(?: [\w']+){0,3} (?:ready|sorted|lined up|saved up|set up|stockpiled|hidden away|counted out|all counted)\b`, unless: `\b(?:pharmacy|chemist|prescriptions?|collect\w*|pick(?:ed)? up|gp|dosette|surgery)\b`},
	{pattern: `\b(?:stockpil\w*|hoard\w*|saving up|saved up|collecting|collected|been saving|counting) (?:up )?(?:my |all my |the |some |enough |loads of )?(?:pills|tablets|meds|medication|paracetamol|painkillers|sleeping pills|sleeping tablets)\b|\benough (?:pills|tablets|meds|paracetamol|painkillers) to\b`},
	{pattern: `\bhow many (?:pills|tablets|paracetamol|painkillers|sleeping pills|sleeping tablets)\b(?: [\w']+){0,8}? (?:die|kill|fatal|lethal|overdose|od)\b|\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b`},
	{pattern: `\b(?:researching|researched|looking up|looked up|googling|googled|searching|searched|reading about) (?:\w+ ){0,3}(?:ways to die|how to die|how to kill|painless|overdose|lethal|how to end)\b|\bways to (?:die|kill myself|end (?:it|my life))\b|\bhow (?:to|do you|do i|can i|would i) (?:die|kill myself|end (?:it|my life)|end it all)\b`},
	{pattern: `\b(?:planned|planning|plan|worked out|decided|figured out|know|thought about) (?:out )?(?:how|when|where) (?:i'd|i'll|i will|i would|i'm going to|to|i can) (?:do it|end it|die|go|kill myself)\b|\b(?:have|got|made|make|making) a plan (?:to|for) (?:end|die|kill|how)`},
	{pattern: `\b(?:noose|hang myself|hanging myself|hanged myself)\b|\bpowies\w* sie\b`},
	{pattern: `\b(?:bought|buy|buying|got|have|found|tied|tying|tie) (?:a |the |some )?rope\b`},
	{pattern: `\b(?:jump|jumping|jumped|throw myself|throwing myself|threw myself|leap|leaping|step|stepping|walk|walking|lie|lying|fall|falling|drive|driving|crash|crashing|run|running) (?:my car )?(?:off|from|in front of|under|onto|into|down|over) (?:a |the |this |my |an )?(?:\w+ )?(?:bridge|roof|building|cliff|balcony|train|tube|bus|car|lorry|truck|traffic|tracks|platform|river|thames|sea|canal|window|tower|block|car park|motorway|road|edge)\b`,
		exclusion: `\b(?:jump|jumped|jumping|step|stepped|stepping|get|got|fall|fell|falling|walk|walking|run|running) (?:off|down|onto) (?:the |a )?(?:bus|train|tube|platform|road)\b|\binto (?:the |a )?(?:bus|train|car|road)\b|\b(?:walk|walking|run|running|drive|driving) (?:into|down|onto|over|under) (?:the |a )?(?:\w+ )?(?:road|bridge|car park|tower|building|block)\b|\bfall(?:ing)? (?:off|from) (?:a |the |my )?(?:\w+ )?(?:bus|tube|train|car)\b`},
	{pattern: `\b(?:i'm|i am|standing|stood|sitting|sat|i'm standing|i'm sat|i'm sitting) (?:on|at|by) (?:the |a |this )?(?:edge of (?:the |a )?)?(?:bridge|ledge|roof|rooftop|cliff|edge|tracks|railway|platform edge)\b`, exclusion: `\bedge of (?:my|the|your) (?:seat|bed|chair|sofa|bath|pool)\b|\bbridge (?:club|road|street|lane)\b`},
	{pattern: `\b(?:skocze|skoczyc|rzuce sie|rzucic sie) (?:z|pod) (?:mostu|dachu|okna|balkonu|pociag|samochod|autobus|tramwaj)\b`},
	// Inability to go on.
	{pattern: `\bcan't (?:go on|carry on|keep going|keep living|live like this|face another day|face tomorrow|face life|live with myself|keep fighting|see a way out|see a future|see any way out)\b`,
		exclusion: `\b(?:debt|debts|arrears|bills|overdraft)\b(?: [\w']+)* see (?:a|any) way out\b|\btold (?:my|the|him|her) (?:\w+ )?(?:that )?i can't (?:go on|carry on)\b|\b(?:go|carry) on (?:holiday|holidays|a|an|the|my|our|his|her|their|trips?|that|to|at|in|there|out|social|public|paying|working|doing|seeing|waiting|being|about|and on|this (?:trip|course|bus|train|site|website|app|diet)|with (?:my|the|a|him|her|them|work|school|college|this (?:job|course|diet)))\b|\bkeep going (?:to|back|out|on|with|at|in|round|over)\b|\bkeep fighting (?:with|for|the)\b`},
	{pattern: `\bcan't (?:do|take|cope with|handle|stand|bear|deal with|manage) (?:it |this |life |any of this |everything |this life |living )?(?:anymore|no more|any longer|much longer)\b|\bcan't cope (?:anymore|no more|any longer|much longer|with (?:life|living|anything|everything))\b`},
	{pattern: `\bwant out\b`,
		exclusion: `\bwant out (?:of (?:this|my|the|our) (?:contract|tenancy|job|relationship|marriage|house|flat|area|course|deal|lease|group|chat|list|scheme)|of here)\b`},
	{pattern: `\b(?:think|thinking|thought|thoughts|considering|considered|contemplating|fantasi[sz]ing|dreaming|obsessing|obsessed) (?:about |of )?(?:ending it|ending my life|ending things|ending everything|killing myself|taking my (?:own )?life|dying|death|my death|my funeral|being dead|jumping|hanging|overdosing|not being (?:here|alive|around)|not existing|disappearing|ways to die|how to die)\b`,
		exclusion: `\bending things with\b|\bjumping (?:ship|in the pool|on|into (?:the )?pool|at the chance|the queue|jacks|for joy)\b`},
	{pattern: `\b(?:dark|intrusive|bad|scary|horrible|morbid|self destructive|death) thoughts\b|\bthoughts (?:of|about) (?:death|dying|ending|killing|harming|hurting|not being|jumping)\b`, exclusion: `\bthoughts about (?:my |the |our )?(?:future|money|exams?|job|work|bills|debts?|health|relationship|ex|kids|interview|landlord|flat|house|move)\b`},
	{pattern: `\b(?:going to|gonna|might|will|i'll|scared i'll|afraid i'll|worried i'll|scared i might|afraid i might|worried i might|feel like|want to|about to|could|tempted to|scared i'm going to|afraid i'm going to|worried i'm going to|scared im going to) (?:do|doing) something (?:stupid|silly|drastic|bad|dangerous|i'll regret|to myself)\b`},
	{pattern: `\b(?:tried|try|trying|attempted|attempt|attempting) (?:to )?(?:kill|killing|end|ending|take|taking) (?:myself|my life|my own life|it all)\b|\b(?:last|previous|another|suicide) attempt\b`},
	{pattern: `\b(?:please|someone|somebody|anyone|just|god|can someone|can somebody|i want someone to|i wish someone would) (?:just )?(?:please )?kill me\b`, jokey: true},
	{pattern: `\bwant (?:it|it all|everything|this|the pain|life|my life|all of it|the world) to (?:stop|end|be over|go away)(?: (?:forever|for good|permanently|now))?\b|\b(?:everything|it all|my life) to end\b`, exclusion: `\bover with\b`},
	{pattern: `\b(?:don't|do not|dont) deserve to (?:live|be alive|be here|exist|be happy)\b|\bshouldn't (?:be alive|exist|have been born|be here)\b`,
		exclusion: `\bshouldn't be here (?:on|at|in|today|yet)`},
	{pattern: `\b(?:why am i|why i'm|why was i|why i was) (?:still )?(?:alive|here|born|living|breathing)\b|\bwhy (?:bother|should i) (?:living|live|being alive|going on|carrying on)\b`},
	{pattern: `\b(?:no one|nobody|none of them|they|everyone|my family|people|anyone|anybody)(?: would| will|'d|'ll)? (?:even )?(?:miss me|notice (?:if i|i'm gone|i was gone|when i'm gone)|notice i'm gone|cares? (?:if|when|that) i(?: \w+){0,2} (?:died|die|dead|gone|disappeared|here|around|killed myself|exist|existed))\b|\bmiss me (?:if|when) i\b|\bwould (?:anyone|anybody|they|people) (?:even )?(?:miss me|notice|care)\b`},
	{pattern: `\b(?:i'm|i am|i feel like|i feel|feel like|feeling like|just|such|being) (?:such |just |a |nothing but |only |a massive |a huge |a total |the )*burden\b`, jokey: true,
		exclusion: `\bburden (?:asking|to ask|when i ask|by asking|on (?:the|my) (?:nhs|council|services|gp))\b`},
	{pattern: `\b(?:no|can't see a|can't see any|don't see a|don't see any|see no|there's no|there is no|isn't a|can't find a|only one|one) (?:other )?(?:way out|escape|future|light at the end|other way|other option|hope left)\b`,
		exclusion: `\bway out of (?:it|this) (?:debt|mess|situation|contract|tenancy|flat|job)\b|\bway out of (?:debt|this debt|my debt|the debt|arrears|my overdraft|my contract|the contract|the building|the station|the estate|london|this area)\b|\b(?:way out|escape) (?:of|from) (?:the|my) (?:debt|contract|tenancy|job|area|estate)\b|\bfuture (?:for (?:the|this) (?:business|company|shop)|in (?:this|that) (?:job|company))`, unless: `\b(?:debt|debts|arrears|bills|overdraft|loans?|council tax|rent|money)\b`},
	{pattern: `\b(?:going to|gonna|want to|wanna|planning to|plan to|ready to|about to|will|i'll|might|should|just|gotta|need to|have to|decided to|tempted to|thinking of|thinking about|feel like|feeling like|thought about|going to just) (?:just )?end(?:ing)? (?:it|things|everything|this|my suffering|the pain|it now|it tonight|it today)\b`,
		exclusion: `\bend(?:ing)? (?:it|things|this) (?:with|between)\b|\bend (?:this|the) (?:call|chat|conversation|contract|tenancy|relationship|argument|meeting|session|subscription)\b|\bend it (?:early|here)\b`},
	{pattern: `\b{INTENT} (?:just )?(?:take|taking|swallow|swallowing|down|downing|neck|necking)\b(?: [\w']+){0,3}? {QTY}\b(?: [\w']+){0,5}? {MEDS}\b`},
	{pattern: `\b(?:not going to|won't|will not|wont) be (?:here|around|alive) (?:after|by|past|beyond|at|on|for) (?:this|the|tonight|today|tomorrow|christmas|my birthday|next|the end)\b`, unless: awayUnless},
	{pattern: `\b(?:looking|staring|stare|look|looked|stared|keep looking|keep staring) (?:at|over|down at|into) (?:the |a |my )?(?:\w+ )?(?:tracks|railway line|bridge|ledge|drop|pills|tablets|rope|blade|razor|oncoming traffic)\b`},
	{pattern: `\b(?:imagining|imagine|imagined|picture|picturing|pictured|planning|planned|plan|thinking about|think about|thought about|dreaming about|dream about) my (?:own )?(?:funeral|death|suicide)\b|\bmy own funeral\b`},
	{pattern: `\bgiv(?:e|en|ing) up on (?:life|living|everything|myself|it all|being alive)\b|\bgave up on (?:life|living|everything|myself|it all)\b|\bi(?:'ve| have|'m)? (?:give|given|giving|gave) up$`, jokey: true},
	{pattern: `\b(?:should|deserve to|ought to|better off if i|might as well) (?:just )?(?:be dead|die)\b`},
	{pattern: `\b(?:going to|gonna|about to|want to|i'll|ready to) jump$`},
	{pattern: `\bi've had enough$|\bhad enough of (?:everything|it all|this life)\b`, jokey: true},
	// Broad tier: death words in a first-person message, unless they are a
	// figure of speech or about someone else's death. The brief's rule: a
	// message must not be flagged *only* because of "die"/"dead" in a figure
	// of speech; outside one, talk of dying is worth a link worker's minute.
	{pattern: `\b(?:die|dying|dead|death|died)\b`, exclusion: deathFigures, jokey: true,
		requires: `\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b`},
	{pattern: `\bif i (?:just |simply |ever )?(?:died|disappeared|vanished|was gone|were gone|wasn't here|weren't here|wasn't around|was dead|were dead|didn't wake up|killed myself|ended it|ended my life|was no longer here|stopped existing)\b`},
	{pattern: `\b(?:don't|can't|cannot|couldn't) see (?:myself|me) (?:being |still )?(?:here|alive|around|living|getting through|making it) (?:next|in|by|much|for|this|at|to|through|past)\b`},
	{pattern: `\b(?:sorted|sorting|sort|put|putting|got|getting) (?:out )?(?:all )?my (?:affairs|things|stuff|paperwork) in order\b|\bsorted (?:out )?my affairs\b|\b(?:wrote|written|writing|made|making|updated|updating|sorted) (?:a|my) will\b`},
	{pattern: `\b(?:meds|pills|tablets|medication|paracetamol|painkillers|antidepressants)\b(?: [\w']+){0,8} (?:sav(?:e|ing|ed)|stor(?:e|ing|ed)|hid(?:e|ing)?|hoard(?:ing|ed)?|keep(?:ing)?|collect(?:ing|ed)?) (?:them|it|some|the rest)(?: up| away| back)?\b|\bstopped taking (?:my )?(?:meds|medication|tablets|pills|antidepressants) (?:so|to|and sav|and sto)`},
	{pattern: `\b(?:nearly|almost) (?:did it|went through with it|jumped|ended it|killed myself|took them|took the pills)\b|\bwent through with it\b|\bdidn't go through with it\b`,
		exclusion: `\bjumped (?:out of my skin|for joy|the queue|at the chance)\b`},
	{pattern: `\bonly (?:way out|escape|option left|answer left|thing left to do)\b|\b(?:peace|rest|sleep|silence) (?:forever|for ever|for good|permanently)\b|\beternal (?:sleep|rest|peace)\b`,
		exclusion: `\bway out of (?:debt|this debt|my debt|the debt|arrears|my overdraft|my contract|the contract|the building|the station|the estate|london|this area)\b`},
	// Polish.
	{pattern: `\bnie dozyj\w* (?:jutra|rana|konca|do|nastepnego)\b|\b(?:umre|umrzec|smierc|smierci|zgin\w*) (?:dzisiaj|dzis|tej nocy|jutro)\b`},
	{pattern: `\bnie chce (?:juz )?(?:tu|tutaj) byc\b|\bnie chce (?:juz )?istniec\b|\bnie chce (?:juz )?byc na tym swiecie\b|\bmysle o (?:smierci|odebraniu sobie zycia|tym zeby sie zabic|tym zeby umrzec)\b|\bnikt (?:nie bedzie|by nie|nie) (?:za mna )?teskni\w*|\bmysle (?:zeby|by|o tym zeby) (?:sie zabic|umrzec|skonczyc ze soba)\b`},
	{pattern: `\b(?:chce|chcialbym|chcialabym|chcialam|chcialem|wole|wolalbym|wolalabym|pragne|marze|wolalabym|lepiej|chyba|musze|powinienem|powinnam) (?:\w+ ){0,2}umrzec\b|\bumrzec (?:juz|teraz|dzisiaj)\b`},
	{pattern: `\bnie chce (?:juz )?(?:mi sie )?(?:juz )?zyc\b|\bnie mam po co zyc\b|\bnie ma po co zyc\b|\bpo co (?:mam )?(?:dalej )?zyc\b`, exclusion: `\bzyc (?:w|tu|tutaj|z|na|pod|bez|obok|razem)\b`},
	{pattern: `\b(?:nie widze|nie ma|bez|nie widze juz|nie ma juz) (?:zadnego )?sensu (?:zycia|zyc|dalej zyc|istnienia|niczego|tego wszystkiego)\b|\bzycie (?:nie ma|stracilo|straci) sensu\b`},
	{pattern: `\b(?:lepiej|latwiej) (?:\w+ ){0,3}(?:beze mnie|gdyby mnie nie bylo|jak mnie nie bedzie|bez mnie)\b`},
	{pattern: `\b(?:skonczyc|skoncze|skonczyl\w*) ze soba\b|\bze soba skonczyc\b|\b(?:chce|chcialbym|chcialabym) (?:to )?(?:wszystko )?skonczyc\b`},
	{pattern: `\b(?:zabic|zabije|zabij|zabilam|zabilem|zabila|zabil|zabijam) sie\b|\bsie zabic\b|\bsie zabije\b|\bodebrac sobie zycie\b|\bodbiore sobie zycie\b`},
	{pattern: `\b(?:chce|chcialbym|chcialabym) zniknac\b|\bzniknac na zawsze\b|\bjestem ciezarem\b`},
	{pattern: `\bnie dam (?:juz )?rady (?:dluzej|juz|tak dalej|zyc|zyc dalej)\b|\bnie moge tak dluzej\b|\bnie wytrzymam (?:juz|dluzej)\b`},
	{pattern: `\b(?:zasnac|usnac) i (?:sie )?(?:nie|juz nie|nigdy nie|juz sie nie) (?:obudzic|obudze)\b|\bnie (?:chce sie |chce )obudzic\b`},
	{pattern: `\bzegnam sie (?:z|ze) (?:wszystkimi|wami|toba|wszystkim|swiatem|rodzina)\b|\bzegnajcie\b`},
}

var selfHarmCues = []cue{
	{pattern: `\bself (?:harm\w*|injur\w*|mutilat\w*)|\bself destructive\b`},
	{pattern: `\b(?:relaps\w*|urges?|urging|doing|did|do|started|start|stopped|stop|clean from|free from|clean of|back on|back to|into|addicted to|craving|cravings|days|weeks|months|years) (?:on |to |into |from |of |for )?sh\b|\bsh (?:urges?|again|relapse|scars?|wounds?|cuts?|marks|free|clean|tonight)\b`},
	{pattern: `\b(?:cut|cuts|cutting|slice|slicing|sliced|slit|slitting|carve|carving|carved|scratch|scratching|scratched|burn|burning|burnt|burned|punch|punching|punched|bite|biting|stab|stabbing|stabbed|harm|harming|harmed|hurt|hurting|hurts|hit|hitting|starve|starving|starved|strangle|strangling|choke|choking|bruise|bruising|bruised|beat|beating|punish|punishing|mutilate|mutilating|cutting up) (?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|body|face|hips?|chest))\b`,
		exclusion: `\bcut(?:ting)? myself (?:off|out|short|some slack|a slice|a piece)\b|\b(?:cat|cats|dog|dogs|kitten|puppy|he|she|they|it|someone|somebody|son|daughter|baby|toddler|partner|husband|wife|mum|dad|brother|sister|friend|boyfriend|girlfriend|kids?) (?:\w+ )?(?:cut|cuts|scratched|scratches|bit|bites|burned|burnt|hit|hits|hurt|hurts|bruised|stabbed|punched)\b|\b(?:cut|cuts|cutting|burn|burnt|burned|burning|hurt|hurting|scratched|scratch|bite|bit|biting|hit|hitting|bruised|stab|stabbed) (?:myself|my \w+) ` + accidentContext + `|\b(?:starving|starve|starved) myself (?:of|to save|because (?:i|we) (?:have|can't)|so (?:my|the) kids)|\b(?:punish|punishing) myself (?:for (?:eating|not|being late|forgetting)|by (?:eating|working))|\b(?:burn|burning|burnt) my (?:tongue|mouth|lips|fingers?|hand) on|\bbeat myself up (?:about|over)\b|\bbeating myself up (?:about|over)\b`, unless: accidentUnless},
	{pattern: `\b(?:bang|banging|banged|hit|hitting|smash|smashing) my head (?:against|on|off|into) (?:the |a )?(?:wall|floor|door|mirror)`,
		exclusion: `\bbrick wall\b|\b(?:hit|banged) my head on (?:the|a) (?:cupboard|door|shelf|car)`},
	{pattern: `\bcutting (?:again|tonight|last night|every day|every night|deeper|more|myself|for (?:weeks|months|years))\b|\b(?:started|start|starting|been|keep|kept|stopped|stop|quit|quitting|relapsed|relapse|urge to|urges to|want to|wanna|need to|going to|tempted to|thinking about|thinking of|clean from|free from|addicted to|craving|can't stop|cant stop) (?:cutting|cut|burning|to cut|to burn)\b`,
		exclusion: `\b(?:cut|cutting) (?:down|back|out|off|up|costs|ties|corners|my hair|hair|the|a|an|it|them|my hours|my losses|in|through|across|back on|loose|short|spending|sugar|carbs|meat|my benefits|my money)\b|\b(?:burning|burn) (?:calories|fat|off|the|a|some|my hours|bridges|the candle|incense|candles)\b|\bstarted cutting (?:back|down|costs)\b`},
	{pattern: `\b(?:fresh|new|deep) cuts on\b|\bcuts on my (?:arms?|wrists?|legs?|thighs?|stomach|body)\b|\b(?:arms?|wrists?|legs?|thighs?|stomach|body)(?: is| are)? (?:covered|full) (?:in|of|with) (?:cuts|scars|burns|bruises|marks)\b`, unless: accidentUnless},
	{pattern: `\b(?:got|get|getting|took|take|grab|grabbed|holding|hold|found|picked up|looking at|staring at|hid|hidden|hiding) (?:out )?(?:the |a |my |some |out the )?(?:blade|blades|razor|razors|razor blades?)\b`,
		exclusion: `\brazors? (?:for|to shave)\b|\b(?:got|get|grab) (?:a|some) (?:new )?razors?\b`},
	{pattern: `\b(?:want|need|wanna|deserve|crave|craving) (?:to )?(?:feel|cause myself|be in|feel the) pain\b|\bdeserve to (?:be hurt|suffer|be punished|feel pain)\b`},
	{pattern: `\b(?:make|made|making) myself (?:sick|throw up|vomit|bleed)\b|\b(?:till|until|til|untill) (?:i|it|they|my \w+) (?:bleed|bleeds|bled|bruise|bruises|bruised)\b`},
	{pattern: `\bpunch(?:ed|ing)? (?:the |a )?walls?\b(?: [\w']+){0,4} (?:bleed|bled|bleeding|broke|hurt)`},
	{pattern: `\brelaps\w* (?:on |with |into )?(?:sh|self harm\w*|cutting|burning)\b`},
	// A bare relapse is a risk signal in this service; relapses into drink or drugs are excluded.
	{pattern: `\brelaps(?:ed|ing|e)\b`,
		exclusion: `\brelaps\w* (?:on|into|with|back into|back on) (?:drink|drinking|alcohol|drugs|smoking|cigarettes|booze|weed|coke|crack|heroin|gambling|the bottle|my diet|junk food)\b|\b(?:cancer|illness|ms|symptoms|condition|depression|anxiety)(?:'s| has| is)? relaps\w*`},
	{pattern: `\bwith (?:a|the|my) (?:razor|blade|razor blade|compass|pencil sharpener blade)\b`,
		exclusion: `\bshav\w*|\bwith (?:a|the|my) razor (?:for|to shave)\b`},
	{pattern: `\b(?:picking|pick|picked|scratching|scratch) (?:at )?my (?:skin|arms?|legs?|face|scabs?) (?:until|till|til) (?:it|they|i) (?:bleed|bleeds|bled)\b`},
	// Polish.
	{pattern: `\b(?:pociel\w*|pocial\w*|pociac|ciac|cielam|cielem|tne|tniesz|poranil\w*|przypalil\w*|przypalam|podrapal\w*|drapie) sobie (?:rece|reke|nogi|noge|uda|udo|nadgarstk\w*|skore|brzuch|ramiona|ramie|twarz)\b`},
	{pattern: `\b(?:tne|tniesz|pocie|pocielam|pocielem|pociela|pocial|pociac|ciac|cielam|cielem|cial|ciela|tnac|potne|pocne) sie\b|\bsie (?:tne|potne|pocielam|pocielem|pociac|okaleczam|okaleczylam|okaleczylem)\b|\bokalecz\w*|\bsamookalecz\w*|\bsobie krzywd\w*|\bkrzywdz\w* (?:sie|siebie|samego siebie|sama siebie)\b|\b(?:przypalam|przypalilam|przypalilem) sie\b`},
}

var abuseCues = []cue{
	{pattern: `\bdomestic (?:abuse|violence|violent)\b|\bdv\b`},
	{pattern: `\b(?:abusive|violent|controlling|coercive) (?:partner|husband|hubby|wife|boyfriend|girlfriend|ex|relationship|marriage|family|home|household|parents?|dad|father|mum|mother|stepdad|stepmum|brother|son|daughter|man|men|person|behaviour)\b`},
	{pattern: `\b(?:being|been|was|were|am|i'm|getting|get|got|gets) (?:\w+ )?(?:abused|assaulted|raped|molested|groomed|trafficked|beaten|battered|attacked|hit|hurt|threatened|strangled|choked|exploited|kicked|punched|slapped|stabbed)\b`,
		exclusion: `\b(?:hit|hurt|beaten|attacked|kicked) (?:by (?:a|the) (?:ball|bus|car|bike|door|branch|wave|recession|cuts|news|bill|dog)|at (?:work|football|the gym|chess|school sports)|playing|in (?:a|the) (?:match|game|accident))\b|\b(?:got|get|getting|was) hurt (?:at|playing|in|on)\b|\bbeaten (?:at|in|by (?:a|the) (?:team|score))\b|\bgot hit (?:with (?:a|the) (?:bill|fine|charge))`},
	{pattern: `\b(?:sexual|sexually|physical|physically|emotional|emotionally|financial|financially|psychological|psychologically|verbal|verbally|child|domestic|elder) (?:abuse|abused|abusing|assault|assaulted|exploitation|exploited|violence)\b|\b(?:rape|raped|raping|rapist|molest\w*|coercive control|forced marriage|honour based|honour violence|fgm|female genital|trafficked|trafficking|modern slavery|sextort\w*|revenge porn)\b`},
	{pattern: `\b(?:abuse|abused|abusing|abuser|abusive|groom(?:ed|ing))\b`,
		exclusion: `\b(?:alcohol|substance|drug|drugs|solvent) abuse\b|\babuse of (?:power|alcohol|drugs|the system|position)\b|\b(?:dog|pet|cat|horse) groom\w*|\bgrooming (?:salon|parlour|business|my dog|the dog)\b`},
	// Someone doing violence to the resident (or to someone at home with them).
	{pattern: `\b{PERSON}\b(?: [\w']+){0,2} {VIOLENT} {VICTIM}\b`,
		exclusion: `\b(?:hurt|hurts|hurting|burnt|burned|cut|bit|hit|bumped|banged|scratched|bruised) (?:her|his|their) (?:own )?(?:back|knee|leg|arm|ankle|wrist|hand|head|foot|shoulder|neck|hip|finger|toe|eye|tooth|teeth|tongue|lip|face|elbow|knees|legs|arms|hands|feet)\b|\b(?:fell|fall|falls|tripped|trips|slipped|slips)(?: over| down)? (?:and|then) (?:hit|hurt|bumped|banged|cut|scratched|bit)\b|\bbeat (?:me|us) (?:at|in|to|by|\d)|\bhit (?:me|us) (?:up|back|with (?:the news|it))|\b(?:it|that|this|then|reality) hit me\b|\bhurt (?:my feelings)|\bpush(?:es|ed|ing)? (?:me|us) (?:to|into|too hard|hard to|forward)\b|\bbit (?:me|us) (?:more|less)\b|\bthreatening to (?:evict|take me to court|report|sue|call the council|end the tenancy)|\bthreatened (?:me )?with (?:eviction|court|bailiffs|legal action)\b`, unless: childUnless},
	{pattern: `\b(?:kicked|threw|thrown|kicks|throws) (?:me|us) (?:out|down|against|across|into)\b`, exclusion: `\b(?:kicked|threw|thrown|kicks|throws) (?:me|us) out\b`},
	// Financial and coercive control.
	{pattern: `\b(?:controls?|controlling) (?:all )?(?:of )?(?:my|our|the) (?:money|finances|bank|cards?|wages|benefits|phone|life|everything)\b|\b{PERSON}(?: \w+){0,2} (?:takes?|took|taken|steals?|stole|stolen|keeps?|kept|has|hides?|hid|hidden) (?:all )?(?:of )?(?:my|our) (?:money|bank card|bank cards|cards|wages|benefits|pension|passport|documents|papers|id|phone)\b`, unless: helpUnless},
	{pattern: `\b(?:won't|doesn't|don't|didn't|never|wouldn't|not) let(?:ting)? (?:me|us) (?:leave(?: the house| him| her)?|see (?:my )?(?:friends|family|anyone|mum|mom|dad|sister|brother|kids|children)|have (?:my own )?(?:money|a phone|my phone|a job|friends|any money|access)|use (?:my )?(?:phone|bank)|talk to (?:anyone|my (?:friends|family))|speak to (?:anyone|my (?:friends|family))|contact (?:anyone|my (?:friends|family))|work|get a job|go anywhere|go out(?: alone| on my own| without him| without her)?|out of (?:the house|his sight|her sight|the flat)|go home)\b|\b(?:not|never) allowed (?:to )?(?:leave|go out|see (?:my )?(?:friends|family|anyone)|have (?:money|my own money|a phone|friends)|use (?:my )?phone|talk to anyone|speak to anyone|contact anyone|work|go anywhere|out)\b`, unless: `\b(?:visa|immigration|asylum|home office|right to work|sick note|brp|pregnan\w*|maternity|till i'm|until i'm)\b`},
	{pattern: `\b(?:checks|checking|goes through|reads|tracks|tracking|monitors|monitoring|looks through|went through) (?:all )?(?:of )?my (?:phone|messages|texts|emails|location|bank|whatsapp|social media)\b|\blocks? me (?:in|out)\b|\blocked me (?:in|out)\b`, unless: helpUnless},
	// Fear and safety at home.
	{pattern: `\b(?:scared|afraid|frightened|terrified|petrified|fear|too scared|feared|fearful|worried) (?:to|of) (?:go|going|be|being|get|getting|return|returning|come|coming|stay|staying) (?:back )?(?:home|back|in the house|in my house|at home|near him|near her|with him|with her|alone with)\b`,
		exclusion: `\b(?:go|going|get|getting|come|coming) back (?:to|into) (?:work|school|college|uni|the gym|education|my job|the office|driving|dating|the doctor|the gp)\b`},
	{pattern: `\b(?:scared|afraid|frightened|terrified|petrified|fear|fearful|scared to death) (?:of|for) (?:what )?(?:him|her|them|(?:(?:my|his|her|our|the|mum's|mums|dad's|dads) )?{PERSON})\b|\b(?:scared|afraid|frightened|terrified|fear|fearing) (?:for )?(?:my|our) (?:life|lives|safety)\b`,
		exclusion: `\b(?:scared|afraid|frightened|terrified|petrified|worried|fear|fearful) (?:of|for) (?:my |the |his |her |our )?\w+ (?:\w+ing|health|future|exams?|safety|results)\b|\b(?:scared|afraid|frightened|terrified|petrified|fear|fearful) (?:of|for) (?:my |the )?(?:landlord|boss|neighbour)(?:'s)? (?:reaction|finding out)|\b(?:scared|afraid) (?:of|for) (?:my |the )?(?:son|daughter|kids|children|brother|sister|mum|dad)(?:'s)? (?:health|future|exams|safety)\b`},
	{pattern: `\b(?:don't|do not|never|doesn't|can't|cant) feel safe\b|\b(?:not|isn't|un|never) ?safe (?:at|in) (?:home|my (?:house|home|flat|room)|the (?:house|flat))\b|\bhome (?:isn't|is not|doesn't feel|don't feel|is never) safe\b|\bcan't go (?:back )?home\b`,
		exclusion: `\bfeel safe (?:walking|on (?:the|public)|at night|going out|in (?:the|my|this) (?:area|neighbourhood|estate|street|block|city)|in london|on my own outside)\b|\bcan't go home (?:yet|until|till|til|before|early|for)\b`},
	// Threats.
	{pattern: `\b(?:threaten\w*|threats?) (?:me|us|my (?:kids|family|children|life|son|daughter)|to (?:kill|hurt|stab|beat|hit|harm|take (?:the|my) (?:kids|children|baby)|burn|shoot|rape|share|post|send|leak|expose|deport|have me|get me|take my))\b|\bdeath threats?\b`},
	{pattern: `\b(?:he|she|they|someone|somebody|{PERSON})(?:'ll|'d|'s| will| would| is going to| is gonna| are going to| going to| gonna| wants to| tried to| tries to| threatened to| threatens to| is trying to| said (?:he|she|they)(?:'ll|'d| will| would)| says (?:he|she|they)(?:'ll|'d| will| would)) (?:kill|hurt|stab|beat|hit|shoot|murder|batter|rape|strangle|choke) (?:me|us|my (?:kids|children|baby|family|son|daughter|mum|mom))\b`,
		exclusion: `\bkill (?:me|us) (?:if i'm late|for being late|if i forget|for forgetting|if i miss|if i don't (?:tidy|clean|do my|pass)|if i fail|when (?:she|he|they) (?:sees|see) (?:my|the) (?:room|mess|bill|grades|hair|results|report))`, jokey: true},
	{pattern: `\b(?:someone|somebody|a man|a guy|a woman|he|she|they|my ex|people|a car)(?:'s| is| are| has been| have been| keeps| kept| was| were)? (?:following|followed|stalking|stalked|watching|waiting outside|turning up at|turned up at|showing up at|outside) (?:me|my (?:house|home|flat|door|work|school))\b|\b(?:being|been) (?:followed|stalked|watched|harassed)\b|\bstalk(?:er|ing|ed)\b|\bharass\w*|\bturned up at my (?:door|house|flat|work)\b`,
		exclusion: `\b(?:following|followed) me (?:on|back)\b|\bfollowing me (?:on|around) (?:instagram|insta|twitter|tiktok|facebook|x)\b`},
	// Sexual abuse and exploitation.
	{pattern: `\b{PERSON}(?: [\w']+){0,2} (?:touches|touched|touching|touch|fondles|fondled|gropes|groped|feels up|felt up) (?:me|my (?:body|bum|bottom|breasts?|chest|privates|private parts|legs|thighs?|crotch))\b|\binappropriate(?:ly)? touch\w*|\btouch\w* (?:me )?inappropriately\b`},
	{pattern: `\b(?:does|did|doing|do) (?:things|stuff|bad things|sexual things|weird things) to me\b|\b(?:makes|made|making|forces|forced|forcing|wants|wanted) me (?:to )?(?:do (?:things|stuff|sexual things)|touch (?:him|her|them)|have sex|sleep with|watch porn|send (?:pics|pictures|nudes|photos))\b|\b(?:send|sending|sent|sends) (?:me )?(?:nudes|nude pics|nude pictures|dick pics)\b|\bask(?:s|ed|ing)? (?:me )?for (?:nudes|nude pics|pics of me|pictures of me|photos of me)\b|\bno one will believe me\b|\bnot (?:to|supposed to) tell anyone\b|\bour (?:little )?secret\b`},
	// Forced marriage, trafficking, debt bondage.
	{pattern: `\b(?:forc\w*|make|making|made|pressur\w*|push\w*) (?:me )?(?:to |into )?(?:marry|marrying|get married|getting married|a marriage|an arranged marriage|marriage)\b`},
	{pattern: `\b(?:took|taken|take|takes|keep|keeps|kept|holding|hold|confiscated) (?:my|our) (?:passport|passports|documents|papers|id)\b|\b(?:work|working|worked) (?:to pay (?:back |off )?(?:a |the |my |their |his |her )?debt)\b|\b(?:make|makes|made|force|forces|forced) (?:me|us) (?:to )?work (?:for (?:free|no money|nothing)|without pay|to pay)`},
	{pattern: `\bviolent (?:towards|to|with|at) (?:me|us|my)\b|\b{PERSON}(?: \w+){0,2} (?:is|gets|get|becomes|was|has been|can be|turns) (?:really |very |so )?(?:violent|aggressive|abusive)\b`},
	{pattern: `\b(?:hits|beats|kicks|punches|slaps|chokes|strangles|rapes|pushes|shoves|batters|smacks|throttles|bites|attacks|assaults|abuses|molests|scares|frightens|terrifies|intimidates) (?:me|us)\b|\b(?:and|then|also) {VIOLENT} {VICTIM}\b`,
		exclusion: `\b(?:hurt|hurts|hurting|burnt|burned|cut|bit|hit|bumped|banged|scratched|bruised) (?:her|his|their) (?:own )?(?:back|knee|leg|arm|ankle|wrist|hand|head|foot|shoulder|neck|hip|finger|toe|eye|tooth|teeth|tongue|lip|face|elbow|knees|legs|arms|hands|feet)\b|\b(?:fell|fall|falls|tripped|trips|slipped|slips)(?: over| down)? (?:and|then) (?:hit|hurt|bumped|banged|cut|scratched|bit)\b|\b(?:beats|hits) (?:me|us) (?:at|in|to|up|with the news)\b|\b(?:it|reality|this|that|then) hits me\b|\bthe (?:sun|light|wind|smell|heat|cold) hits me\b|\bbeat (?:me|us) (?:at|in|to|by|\d)|\bhit (?:me|us) (?:up|back|with (?:the news|it))\b|\bpush(?:es|ed)? (?:me|us) (?:to|into|too hard|hard to|forward)\b|\b(?:attacks|attacked) (?:me|us) (?:on|online|in (?:the )?(?:comments|group chat))\b`, unless: childUnless},
	{pattern: `\b(?:throws|threw|throwing|thrown|chucks|chucked) (?:things|stuff|plates|objects|\w+) at (?:me|us|my head)\b`},
	{pattern: `\b(?:takes?|took|taken|keeps?|kept|steals?|stole|stolen|withholds?|withheld) (?:all )?(?:of )?my (?:bank card|bank cards|wages|benefits|pension|passport|documents|id|salary|pay|universal credit|child benefit)\b|\b(?:won't|doesn't|don't|never|refuses to|wouldn't) (?:give|let) me (?:any |my own |my |have )?(?:money|access to (?:money|the bank|my account|our account))\b`, unless: helpUnless},
	{pattern: `\bif (?:i|you) (?:ever )?(?:tell|told|say anything to) (?:anyone|anybody|someone|somebody|my mum|my mom|my dad|the police|a teacher|the teacher|social services)\b|\b(?:told|tells) me not to tell\b`},
	{pattern: `\b(?:sending|sends|sent|getting|got|receiving|received|had|having|keeps sending) (?:me )?(?:death )?(?:threats|threatening (?:messages|texts|calls|letters|emails|voicemails))\b|\bthreats from\b|\bthreatening (?:messages|texts|calls|voicemails)\b`},
	{pattern: `\b(?:comes|came|coming|gets|got|getting|creeps|crept|sneaks|snuck) into my (?:room|bed|bedroom) (?:at night|when|while|every night)\b|\b(?:comes|came|gets|got) into (?:bed|my bed) with me\b`},
	{pattern: `\b(?:get|getting|be|being) married\b(?: [\w']+){0,6} (?:don't want|do not want|against my will|not my choice|no choice|don't love|scared)\b|\b(?:sending|send|sent|taking|take|took) (?:me|us) (?:abroad|back home|away|overseas|to \w+) (?:to|and) (?:get married|marry|be married)\b`},
	{pattern: `\bask\w* (?:me )?(?:for|to send) (?:pictures|pics|photos|videos|nudes|selfies)\b|\bolder (?:man|men|guy|boy|woman|lad)\b(?: [\w']+){0,6} (?:asking|asks|asked|wants|wanted|messag\w*|send\w*|meet|meeting|groom\w*)\b`,
		exclusion: `\b(?:pictures|pics|photos|videos) of (?:the|my (?:flat|house|damp|mould|id|passport|payslip|bills?|letters?|home|room)|your id)\b`},
	{pattern: `\bcontrols? (?:who i see|where i go|what i (?:wear|eat|do|spend|say)|everything i do)\b|\bagainst my will\b|\b(?:kept|keeping|keeps|held|holding) (?:me )?(?:prisoner|hostage|captive)\b|\bforced (?:himself|herself) on me\b`},
	{pattern: `\b(?:he|she|they|{PERSON})(?:'ll|'d| will| would| is going to| said (?:he|she|they)(?:'ll|'d| will| would)| threatened to| threatens to) (?:\w+ (?:me )?(?:out )?and )?{VIOLENT} {VICTIM}\b`,
		exclusion: `\bbeat (?:me|us) (?:at|in|to|by)\b|\bhit (?:me|us) (?:up|back)\b`, jokey: true},
	// Polish.
	{pattern: `\b(?:bije|bil|bila|bija|pobil|pobila|uderzyl|uderzyla|uderza|kopie|kopnal|szarpie|szarpal|dusi|dusil|dusila|popycha|popchnal|gwalci|zgwalcil|molestuje|molestowal|dotyka|dotykal|grozi|grozil|grozila|groza|zastrasza|straszy|znecal|zneca|terroryzuje|kontroluje|sledzi) (?:mnie|mi|nas)\b|\b(?:mnie|mi|nas) (?:bije|bil|bila|bija|pobil|uderzyl|uderzyla|kopie|szarpie|dusi|dusil|popycha|zgwalcil|molestuje|molestowal|dotyka|dotykal|grozi|grozil|zastrasza|straszy)\b`, exclusion: `\bgrozi (?:mi|nam) (?:eksmisj\w*|komornik\w*|kar\w*|mandat\w*|zwolnien\w*|utrat\w*|wyrzuceni\w*)|\b(?:mi|nam) grozi (?:eksmisj\w*|komornik\w*|kar\w*|mandat\w*|zwolnien\w*)`},
	{pattern: `\b(?:ojciec|ojczym|maz|partner|chlopak|brat|syn|matka|tata|mama|on|ona)\b(?: \w+){0,2} (?:bije|bil|uderza|uderzyl|kopie|dusi|grozi|zastrasza|szarpie|popycha)\b`, exclusion: `\b(?:uderzyl|uderzyla|uderza|bije|bil|bila) sie\b`},
	{pattern: `\bprzemoc\w*|\bzgwalc\w*|\bmolest\w*|\bwykorzyst\w* seksualn\w*|\bzneca\w* sie\b`},
	{pattern: `\b(?:boje sie|strach|balam sie|balem sie|boimy sie) (?:\w+ ){0,2}(?:wrocic|wracac|isc|pojsc) do domu\b|\bboje sie (?:meza|partnera|ojca|ojczyma|matki|brata|syna|go|jej|ich|bylego|o swoje zycie|o zycie)\b`},
	{pattern: `\bnie czuje sie bezpieczn\w*|\bnie jestem bezpieczn\w* w domu\b`},
	{pattern: `\bzmusza\w* (?:mnie |nas )?do (?:slubu|malzenstwa|seksu|pracy|wyjscia za maz|ozenku)\b|\bnie pozwala mi (?:wychodzic|wyjsc|widywac|spotykac|rozmawiac|pracowac|miec)\b|\bzabral\w* (?:mi )?(?:paszport|dokumenty|pieniadze)\b`},
}
