package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/looplab/fsm"

	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/content/directory"
	"github.com/signpost-nhs/signpost/flows/understand"
)

// Journey is the name of the resident's journey flow: welcome and consent, area, who, ONS4,
// needs and suggestions, and the menu that leads back into it.
const Journey = "journey"

// States of the journey.
const (
	StateStart     = "start"
	StateConsent   = "consent"
	StateDeclined  = "declined"
	StateArea      = "area"
	StateWho       = "who"
	StateAge       = "age"
	StateONS1      = "ons_life_satisfaction"
	StateONS2      = "ons_worthwhile"
	StateONS3      = "ons_happiness"
	StateONS4      = "ons_anxiety"
	StateNeeds     = "needs"
	StateSuggested = "suggested"
	StateMenu      = "menu"
	StateLanguage  = "language"
	StateFollowup  = "followup"
	StateForget    = "forget"
)

// ONS4 items in the harmonised order, with the state that asks each.
var onsItems = []struct{ State, Item string }{
	{StateONS1, "life_satisfaction"},
	{StateONS2, "worthwhile"},
	{StateONS3, "happiness"},
	{StateONS4, "anxiety"},
}

// ONS4Version identifies the instrument wording stored with each score.
const ONS4Version = "ons4-harmonised-2018"

// afterConsent lists the states from which the global MENU and LINK commands apply.
var afterConsent = []string{StateArea, StateWho, StateAge, StateONS1, StateONS2, StateONS3, StateONS4,
	StateNeeds, StateSuggested, StateMenu, StateLanguage, StateFollowup}

// journeyEvents is the journey's transition table. The FSM built from it decides whether a
// handler's event is legal in the current state; `signpost content check` walks it to find
// states that cannot be reached.
var journeyEvents = fsm.Events{
	{Name: "begin", Src: []string{StateStart}, Dst: StateConsent},
	{Name: "agree", Src: []string{StateConsent, StateDeclined}, Dst: StateArea},
	{Name: "decline", Src: []string{StateConsent}, Dst: StateDeclined},
	{Name: "ask_who", Src: []string{StateArea}, Dst: StateWho},
	{Name: "ask_age", Src: []string{StateWho}, Dst: StateAge},
	{Name: "assess", Src: []string{StateArea, StateWho, StateAge, StateMenu}, Dst: StateONS1},
	{Name: "next", Src: []string{StateONS1}, Dst: StateONS2},
	{Name: "next", Src: []string{StateONS2}, Dst: StateONS3},
	{Name: "next", Src: []string{StateONS3}, Dst: StateONS4},
	{Name: "next", Src: []string{StateONS4}, Dst: StateNeeds},
	{Name: "finish", Src: []string{StateONS4}, Dst: StateMenu},
	{Name: "find", Src: []string{StateMenu, StateSuggested}, Dst: StateNeeds},
	// Needs said in words at the menu or under suggestions go straight to (new) suggestions.
	{Name: "suggest", Src: []string{StateNeeds, StateMenu, StateSuggested}, Dst: StateSuggested},
	{Name: "menu", Src: afterConsent, Dst: StateMenu},
	{Name: "language", Src: append([]string{StateConsent, StateDeclined}, afterConsent...), Dst: StateLanguage},
	{Name: "chosen", Src: []string{StateLanguage}, Dst: StateMenu},
	{Name: "chosen_before_consent", Src: []string{StateLanguage}, Dst: StateConsent},
	// Nudges: the scheduler steps a conversation into a follow-up or a wellbeing re-check.
	{Name: "nudge_followup", Src: afterConsent, Dst: StateFollowup},
	{Name: "nudge_reassess", Src: afterConsent, Dst: StateONS1},
	{Name: "contacted", Src: []string{StateFollowup}, Dst: StateMenu},
	{Name: "other_services", Src: []string{StateFollowup}, Dst: StateSuggested},
	// FORGET asks for confirmation from anywhere; the answer returns to where the person was.
	{Name: "forget", Src: append([]string{StateStart, StateConsent, StateDeclined}, afterConsent...), Dst: StateForget},
}

// Machine runs the flows over a content bundle.
type Machine struct {
	content *content.Bundle
	states  map[string]stateDef
}

type stateDef struct {
	// prompt says what the state asks, on entering it.
	prompt func(s *step)
	// handle reads the input and returns the event to fire, or "" to stay.
	handle func(s *step) string
}

// New returns a Machine speaking the given content.
func New(c *content.Bundle) *Machine {
	m := &Machine{content: c}
	m.states = map[string]stateDef{
		StateStart:     {handle: handleStart},
		StateConsent:   {prompt: promptConsent, handle: handleConsent},
		StateDeclined:  {prompt: func(s *step) { s.say("consent.declined") }, handle: handleDeclined},
		StateArea:      {prompt: func(s *step) { s.say("area.ask") }, handle: handleArea},
		StateWho:       {prompt: promptWho, handle: handleWho},
		StateAge:       {prompt: func(s *step) { s.say("age.ask") }, handle: handleAge},
		StateNeeds:     {prompt: promptNeeds, handle: handleNeeds},
		StateSuggested: {prompt: promptSuggested, handle: handleSuggested},
		StateMenu:      {prompt: promptMenu, handle: handleMenu},
		StateLanguage:  {prompt: promptLanguage, handle: handleLanguage},
		StateFollowup:  {prompt: promptFollowup, handle: handleFollowup},
		StateForget:    {prompt: func(s *step) { s.say("forget.ask") }, handle: func(*step) string { return "" }}, // answered by forget
	}
	for i, it := range onsItems {
		m.states[it.State] = stateDef{prompt: promptONS(i), handle: handleONS(i)}
	}
	return m
}

// Initial is the state of a new conversation.
func Initial() State { return State{Flow: Journey, Name: StateStart} }

// step is the scratch space of one Step call.
type step struct {
	m      *Machine
	in     Input
	data   Data
	state  string
	locale string
	res    Result
	text   string // the input, trimmed
	word   string // the input as a single upper-case keyword, or ""
}

// Step runs one inbound message through the flows. It is pure: same state and input, same result.
func (m *Machine) Step(ctx context.Context, st State, in Input) (Result, error) {
	if st.Name == "" {
		st = Initial()
	}
	s := &step{m: m, in: in, data: st.Data, state: st.Name, locale: in.Profile.Locale,
		text: strings.TrimSpace(in.Text)}
	if s.locale == "" || !m.content.Has(s.locale) {
		s.locale = content.DefaultLocale
	}
	s.word = keyword(s.text)
	if err := s.run(ctx); err != nil {
		return Result{}, err
	}
	s.res.State = State{Flow: Journey, Name: s.state, Data: s.data}
	return s.res, nil
}

func (s *step) run(ctx context.Context) error {
	p := s.in.Profile
	if p.Erasing {
		// They asked to be forgotten and were told that was the last message. Only the safety net
		// still answers (and its urgent handoff holds the erasure until a link worker closes it).
		if crisis, ok := understand.DetectCrisis(s.text); ok {
			s.effect(OpenHandoff{Reason: string(crisis.Kind), Urgent: true})
			s.sayCrisis()
			for i := range s.res.Replies {
				s.res.Replies[i].EvenIfStopped = true
			}
		}
		return nil
	}
	// STOP comes first, always.
	if isStop(s.word) {
		s.effect(OptOut{Stopped: true}, CancelNudges{})
		if !p.OptedOut {
			s.sayAlways("stopped")
		}
		return nil
	}
	crisis, isCrisis := understand.DetectCrisis(s.text)
	if p.OptedOut && !isCrisis && (s.state == StateForget || isForget(s.word)) {
		// A person who has stopped can still ask to be forgotten; the question and its answer
		// go to them even so.
		if err := s.forget(ctx); err != nil {
			return err
		}
		for i := range s.res.Replies {
			s.res.Replies[i].EvenIfStopped = true
		}
		return nil
	}
	if p.OptedOut {
		switch {
		case isStart(s.word):
			s.effect(OptOut{Stopped: false})
			s.say("started")
			if s.state == StateStart {
				return s.fire(ctx, "begin")
			}
			s.prompt() // where they left off
		case isCrisis:
			// They asked us not to message them, and they stay opted out; but someone in crisis
			// who writes to us gets the crisis routes in reply, and a person sees it.
			s.effect(OpenHandoff{Reason: string(crisis.Kind), Urgent: true})
			s.sayCrisis()
			for i := range s.res.Replies {
				s.res.Replies[i].EvenIfStopped = true
			}
		case s.word == "HELP" || s.word == "INFO" || s.word == "POMOC":
			// HELP is answered even after STOP (as carriers require of SMS services).
			s.sayAlways("help")
			s.sayAlways("help.stopped")
		}
		return nil
	}
	if isCrisis {
		s.effect(OpenHandoff{Reason: string(crisis.Kind), Urgent: true})
		s.sayCrisis()
		return nil
	}
	// A request to be forgotten is answered even while a link worker has the conversation.
	if isForget(s.word) || s.state == StateForget {
		return s.forget(ctx)
	}
	if p.Human {
		return nil // a link worker is replying; the bot stays quiet
	}
	switch s.word {
	case "HELP", "INFO", "POMOC":
		s.say("help")
		s.say("help.stop", "stop_hint", s.stopHint())
		return nil
	case "LANGUAGE", "JEZYK", "JĘZYK":
		if s.state != StateStart {
			return s.fire(ctx, "language")
		}
	}
	if loc := languageWord(s.word); loc != "" && s.m.content.Has(loc) && loc != s.locale {
		s.locale = loc
		s.effect(SetLanguage{Locale: loc})
		s.say("language.set")
		if s.state == StateStart {
			return s.fire(ctx, "begin")
		}
		if s.state == StateConsent || s.state == StateDeclined {
			s.prompt()
			return nil
		}
		return s.fire(ctx, "menu")
	}
	// Asking for a person works before consent too: that request is the consent to share.
	if s.word == "LINK" && s.state != StateStart {
		s.link()
		return nil
	}
	if p.Consented && s.word == "MENU" && s.isAfterConsent() {
		return s.fire(ctx, "menu")
	}
	def := s.m.states[s.state]
	if def.handle == nil {
		return fmt.Errorf("flows: state %q has no handler", s.state)
	}
	return s.fire(ctx, def.handle(s))
}

// fire moves the conversation by event through a freshly built FSM and prompts the new state.
func (s *step) fire(ctx context.Context, event string) error {
	if event == "" {
		return nil
	}
	f := fsm.NewFSM(s.state, journeyEvents, nil)
	// A cancelled context would leave the FSM stuck in transition; the step is pure and quick.
	err := f.Event(context.WithoutCancel(ctx), event)
	var noTransition fsm.NoTransitionError
	switch {
	case err == nil:
	case errors.As(err, &noTransition):
	default:
		return fmt.Errorf("flows: %s in state %s: %w", event, s.state, err)
	}
	from := s.state
	s.state = f.Current()
	if s.state != from {
		s.data.Retries = 0
	}
	s.prompt()
	return nil
}

func (s *step) prompt() {
	if p := s.m.states[s.state].prompt; p != nil {
		p(s)
	}
}

func (s *step) isAfterConsent() bool {
	for _, st := range afterConsent {
		if st == s.state {
			return true
		}
	}
	return false
}

func (s *step) effect(e ...Effect) { s.res.Effects = append(s.res.Effects, e...) }

func (s *step) say(key string, args ...string) {
	s.res.Replies = append(s.res.Replies, Reply{Key: key, Text: s.m.content.Text(s.locale, key, args...)})
}

// sayAlways says something that goes even to a person who has stopped: the STOP confirmation
// and the answer to HELP.
func (s *step) sayAlways(key string, args ...string) {
	s.say(key, args...)
	s.res.Replies[len(s.res.Replies)-1].EvenIfStopped = true
}

func (s *step) ask(key string, opts []Option) {
	s.res.Replies = append(s.res.Replies, Reply{Key: key, Text: s.m.content.Text(s.locale, key), Options: opts})
}

func (s *step) t(key string, args ...string) string { return s.m.content.Text(s.locale, key, args...) }

func (s *step) stopHint() string {
	if s.in.Channel == ChannelSMS || s.in.Channel == ChannelConsole {
		return s.t("stop_hint.sms")
	}
	return s.t("stop_hint.other")
}

// sayCrisis answers a crisis with the crisis routes. Childline's line goes to everyone: an
// under-19 on SMS is assumed an adult until they say otherwise, and an adult loses nothing by
// reading it, where a young person who misses it might.
func (s *step) sayCrisis() {
	s.say("crisis")
	s.say("crisis.young")
}

func (s *step) link() {
	if s.in.Profile.HandoffOpen {
		s.say("link.already")
		return
	}
	s.effect(OpenHandoff{Reason: "link_request"})
	s.say("link.opened")
}

// asksWho reports whether the channel asks who the person is: Telegram is where parents, carers
// and young people come; SMS assumes an adult unless they say otherwise.
func (s *step) asksWho() bool {
	return s.in.Channel == ChannelTelegram || s.in.Channel == ChannelWeb
}

// --- forget ---

// isForget reports the keyword that asks for erasure.
func isForget(word string) bool { return word == "FORGET" || word == "ZAPOMNIJ" }

// forget asks a person to confirm that they want everything held about them deleted, and acts
// on the answer: YES (or TAK) and nothing else confirms, since it cannot be undone.
func (s *step) forget(ctx context.Context) error {
	if s.state != StateForget {
		s.data.Before = s.state
		return s.fire(ctx, "forget")
	}
	if isForget(s.word) {
		s.say("forget.ask")
		return nil
	}
	if s.word == "YES" || s.word == "TAK" {
		s.effect(Forget{})
		s.sayAlways("forget.done")
		return nil
	}
	// Back to where they were, which the FSM cannot name as one destination.
	s.state, s.data.Before, s.data.Retries = s.data.Before, "", 0
	if s.state == "" {
		s.state = StateStart
	}
	s.say("forget.kept")
	s.prompt()
	return nil
}

// --- start, consent ---

func handleStart(s *step) string {
	s.say("welcome", "stop_hint", s.stopHint())
	return "begin"
}

func promptConsent(s *step) { s.say("consent.ask") }

func handleConsent(s *step) string {
	switch yesNo(s.text) {
	case "yes":
		s.effect(Consent{Given: true})
		if !s.asksWho() {
			s.effect(SetAgeGroup{Group: AgeAdult})
		}
		return "agree"
	case "no":
		s.effect(Consent{Given: false})
		return "decline"
	}
	s.say("consent.reask")
	return ""
}

func handleDeclined(s *step) string {
	if yesNo(s.text) == "yes" {
		return handleConsent(s)
	}
	s.say("declined.reminder")
	return ""
}

// --- area, who, age ---

func handleArea(s *step) string {
	if s.word != "SKIP" && s.word != "POMIN" && s.word != "POMIŃ" {
		a, ok := understand.ParseArea(s.text)
		if !ok {
			return s.retry("area.reask", "")
		}
		s.effect(SetArea{Outward: a.Outward, Borough: a.Borough})
		s.in.Profile.Borough = a.Borough
		place := a.Outward
		if a.Borough != "" {
			place = a.Borough
		}
		s.say("area.ok", "place", place)
	}
	if s.asksWho() {
		return "ask_who"
	}
	return "assess"
}

func whoOptions(s *step) []Option {
	return []Option{
		{Value: "parent", Label: s.t("who.parent")},
		{Value: "young", Label: s.t("who.young")},
		{Value: "adult", Label: s.t("who.adult")},
	}
}

func promptWho(s *step) { s.ask("who.ask", whoOptions(s)) }

func handleWho(s *step) string {
	if s.word == "SKIP" {
		s.effect(SetAgeGroup{Group: AgeUnknown})
		return "assess"
	}
	v, ok := choose(s.text, whoOptions(s))
	if !ok {
		if age, ok := understand.ParseAge(s.text); ok {
			return s.setAge(age)
		}
		return s.retry("who.reask", "assess")
	}
	switch v {
	case "parent":
		s.effect(SetAgeGroup{Group: AgeParentCarer})
		return "assess"
	case "young":
		return "ask_age"
	default:
		s.effect(SetAgeGroup{Group: AgeAdult})
		return "assess"
	}
}

func handleAge(s *step) string {
	if s.word == "SKIP" {
		s.effect(SetAgeGroup{Group: AgeYoungPerson})
		s.in.Profile.AgeGroup = AgeYoungPerson
		return "assess"
	}
	age, ok := understand.ParseAge(s.text)
	if !ok {
		return s.retry("age.reask", "assess")
	}
	return s.setAge(age)
}

func (s *step) setAge(age int) string {
	group := AgeAdult
	if age < 25 {
		// Youth services in London commonly run to 25 (SEND to 25); under-19s also get Childline.
		group = AgeYoungPerson
	}
	s.effect(SetAgeGroup{Group: group, Age: age})
	s.in.Profile.AgeGroup, s.in.Profile.Age = group, age
	return "assess"
}

// retry re-asks with key; after three misses it gives up with giveUp ("" keeps asking).
func (s *step) retry(key, giveUp string) string {
	s.data.Retries++
	if s.data.Retries >= 3 && giveUp != "" {
		return giveUp
	}
	s.say(key)
	return ""
}

// --- ONS4 ---

func promptONS(i int) func(s *step) {
	return func(s *step) {
		if i == 0 {
			if s.data.Occasion == "" {
				s.data.Occasion = "baseline"
			}
			s.data.Scores = 0
			s.say("ons.intro")
		}
		s.say("ons." + onsItems[i].Item)
	}
}

func handleONS(i int) func(s *step) string {
	return func(s *step) string {
		item := onsItems[i].Item
		if s.word == "SKIP" || s.word == "POMIN" || s.word == "POMIŃ" {
			return s.afterONS(i)
		}
		score, ok := understand.ParseScore(s.text)
		if !ok {
			s.data.Retries++
			if s.data.Retries > 2 {
				s.say("ons.skip_offer")
			} else {
				s.say("ons.hint")
			}
			s.say("ons." + item)
			return ""
		}
		s.effect(RecordScore{Instrument: "ons4", Version: ONS4Version, Occasion: s.data.Occasion,
			Item: item, Score: score, Band: Band(item, score)})
		s.data.Scores++
		return s.afterONS(i)
	}
}

func (s *step) afterONS(i int) string {
	if i < len(onsItems)-1 {
		return "next"
	}
	s.say("ons.thanks")
	occasion := s.data.Occasion
	s.data.Occasion = ""
	if occasion == "follow_up" {
		return "finish"
	}
	if s.data.Scores > 0 {
		s.data.Baseline = true
		s.effect(ScheduleNudge{Kind: NudgeReassess, After: "reassess", Key: NudgeReassess})
	}
	return "next"
}

// Band returns the ONS threshold band of an item's score. The first three items are positive
// (0-4 low, 5-6 medium, 7-8 high, 9-10 very high); anxiety is negative (0-1 very low, 2-3 low,
// 4-5 medium, 6-10 high). See ONS, "Personal well-being user guidance".
func Band(item string, score int) string {
	if item == "anxiety" {
		switch {
		case score <= 1:
			return "very_low"
		case score <= 3:
			return "low"
		case score <= 5:
			return "medium"
		default:
			return "high"
		}
	}
	switch {
	case score <= 4:
		return "low"
	case score <= 6:
		return "medium"
	case score <= 8:
		return "high"
	default:
		return "very_high"
	}
}

// --- needs and suggestions ---

func needOptions(s *step) []Option {
	opts := make([]Option, len(understand.NeedCodes))
	for i, code := range understand.NeedCodes {
		opts[i] = Option{Value: code, Label: s.t("need." + code)}
	}
	return opts
}

func promptNeeds(s *step) { s.ask("needs.ask", needOptions(s)) }

func handleNeeds(s *step) string {
	needs := understand.ParseNeeds(s.text)
	if len(needs) == 0 {
		s.data.Retries++
		s.ask("needs.reask", needOptions(s))
		return ""
	}
	s.effect(RecordNeeds{Needs: needs})
	if !s.asksWho() && s.in.Profile.AgeGroup != AgeYoungPerson {
		for _, n := range needs {
			if n == "young_people" {
				s.effect(SetAgeGroup{Group: AgeYoungPerson})
				s.in.Profile.AgeGroup = AgeYoungPerson
			}
		}
	}
	s.data.Needs, s.data.Shown = needs, 0
	return "suggest"
}

// servicesPerReply is how many services one reply shows.
const servicesPerReply = 3

func (s *step) matches() []directory.Match {
	if s.in.Finder == nil {
		return nil
	}
	p := s.in.Profile
	age := p.Age
	if age == 0 && p.AgeGroup == AgeYoungPerson {
		age = 16
	}
	all := s.in.Finder.Find(directory.Query{Needs: s.data.Needs, Borough: p.Borough, Age: age, Now: s.in.Now, Loc: s.in.Loc})
	if age != 0 || p.AgeGroup == AgeYoungPerson {
		return all
	}
	// An adult of unknown age is not sent to youth services (up to 25, as London's often are).
	out := all[:0:0]
	for _, m := range all {
		if m.Service.MaxAge == 0 || m.Service.MaxAge > 25 {
			out = append(out, m)
		}
	}
	return out
}

func promptSuggested(s *step) {
	all := s.matches()
	if s.data.Shown == 0 {
		served := map[string]bool{}
		for _, m := range all {
			served[m.Need] = true
		}
		for _, n := range s.data.Needs {
			if !served[n] {
				s.effect(RecordUnmet{Need: n})
			}
		}
	}
	if len(all) == 0 {
		s.say("services.none")
		return
	}
	s.showServices(all)
}

func (s *step) showServices(all []directory.Match) {
	from := s.data.Shown
	if from >= len(all) {
		s.say("services.no_more")
		return
	}
	to := min(from+servicesPerReply, len(all))
	page := all[from:to]
	intro := "services.intro"
	if from > 0 {
		intro = "services.more_intro"
	}
	s.res.Replies = append(s.res.Replies, Reply{Key: "services.list", Text: s.serviceList(intro, page, from)})
	for _, m := range page {
		s.effect(RecordSuggestion{ServiceID: m.Service.ID, ServiceName: m.Service.Name, Need: m.Need})
	}
	s.data.Shown = to
	if from == 0 {
		s.effect(ScheduleNudge{Kind: NudgeFollowup, After: "followup", Key: NudgeFollowup, Service: page[0].Service.Name})
	}
	s.scheduleReminder(page)
	if to < len(all) {
		s.say("services.hint")
	} else {
		s.say("services.no_more")
	}
}

// maxListSegments keeps a list of services within two concatenated SMS segments.
const maxListSegments = 2

// serviceList renders services, shortening their one-line summaries until the whole list fits
// in two SMS segments: names and contact details are never cut.
func (s *step) serviceList(intro string, page []directory.Match, from int) string {
	render := func(limit int) string {
		lines := []string{s.t(intro)}
		for i, m := range page {
			sum := m.Service.Summary
			if limit >= 0 {
				sum = shorten(sum, limit)
			}
			lines = append(lines, strings.Join(strings.Fields(s.t("services.item",
				"n", strconv.Itoa(from+i+1), "name", m.Service.Name, "summary", sum,
				"contact", contact(m.Service))), " "))
		}
		return strings.Join(lines, "\n")
	}
	text := render(-1)
	for limit := 80; limit >= 30 && !fits(text); limit -= 10 {
		text = render(limit)
	}
	return text
}

// fits reports whether a list fits in two SMS segments. A locale whose letters force UCS-2
// (Polish) gets the shortest summaries and may still take more.
func fits(text string) bool {
	n, _ := content.Segments(text)
	return n <= maxListSegments
}

// scheduleReminder schedules a reminder the day before the next session of the first service
// shown whose schedule says when it next opens (within a week, and not so soon that the
// reminder would come after the session began).
func (s *step) scheduleReminder(page []directory.Match) {
	if s.in.Now.IsZero() || s.in.Loc == nil {
		return
	}
	for _, m := range page {
		next, ok := m.Service.NextOpen(s.in.Now, s.in.Loc)
		if !ok || next.Sub(s.in.Now) < 25*time.Hour || next.Sub(s.in.Now) > 7*24*time.Hour {
			continue
		}
		// A day before, at the same local time: the scheduler holds it past quiet hours.
		at := next.AddDate(0, 0, -1)
		s.effect(ScheduleNudge{Kind: NudgeReminder, Key: "reminder:" + m.Service.ID, Service: m.Service.Name,
			At: at, When: next.In(s.in.Loc).Format("02/01 15:04")})
		return
	}
}

func contact(svc directory.Service) string {
	switch {
	case svc.Phone != "":
		return svc.Phone
	case svc.URL != "":
		return svc.URL
	default:
		return svc.Email
	}
}

// shorten cuts s at a word boundary to at most n runes, never mid-word.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	} else {
		cut = ""
	}
	return strings.TrimRight(cut, " ,;:-") + "..."
}

func handleSuggested(s *step) string {
	switch s.word {
	case "MORE", "WIECEJ", "WIĘCEJ":
		s.showServices(s.matches())
		return ""
	}
	// Numbers here could mean a service; only words start a new search.
	if !isNumbers(s.text) {
		if needs := understand.ParseNeeds(s.text); len(needs) > 0 {
			return handleNeeds(s)
		}
	}
	s.say("services.hint")
	return ""
}

// --- menu and language ---

func menuOptions(s *step) []Option {
	return []Option{
		{Value: "find", Label: s.t("menu.find")},
		{Value: "wellbeing", Label: s.t("menu.wellbeing")},
		{Value: "link", Label: s.t("menu.link")},
		{Value: "language", Label: s.t("menu.language")},
	}
}

func promptMenu(s *step) { s.ask("menu.ask", menuOptions(s)) }

func handleMenu(s *step) string {
	v, ok := choose(s.text, menuOptions(s))
	if !ok {
		if needs := understand.ParseNeeds(s.text); len(needs) > 0 && !isNumbers(s.text) {
			return handleNeeds(s)
		}
		s.say("menu.reask")
		return ""
	}
	switch v {
	case "find":
		return "find"
	case "wellbeing":
		// A check after the baseline is a follow-up: it is what shows change over time.
		s.data.Occasion = "baseline"
		if s.data.Baseline {
			s.data.Occasion = "follow_up"
		}
		return "assess"
	case "link":
		s.link()
		return ""
	default:
		return "language"
	}
}

func languageOptions(s *step) []Option {
	var opts []Option
	for _, loc := range s.m.content.Locales() {
		opts = append(opts, Option{Value: loc, Label: s.m.content.LanguageName(loc)})
	}
	return opts
}

func promptLanguage(s *step) { s.ask("language.ask", languageOptions(s)) }

func handleLanguage(s *step) string {
	v, ok := choose(s.text, languageOptions(s))
	if !ok {
		s.ask("language.ask", languageOptions(s))
		return ""
	}
	s.locale = v
	s.effect(SetLanguage{Locale: v})
	s.say("language.set")
	if !s.in.Profile.Consented {
		return "chosen_before_consent"
	}
	return "chosen"
}
