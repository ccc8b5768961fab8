package flows

import (
	"fmt"
	"sort"

	"github.com/signpost-nhs/signpost/flows/understand"
)

// staticKeys are the content keys the journey says by name; RequiredKeys adds the ones it
// builds (an ONS item, a need). A transcript test fails if a step says a key missing here.
var staticKeys = []string{
	"age.ask", "age.reask", "area.ask", "area.ok", "area.reask", "consent.ask", "consent.declined",
	"consent.reask", "crisis", "crisis.young", "declined.reminder", "help", "help.stop", "language.ask",
	"language.set", "language.name", "help.stopped", "link.already", "link.opened", "menu.ask", "menu.find", "menu.language",
	"menu.link", "menu.reask", "menu.wellbeing", "needs.ask", "needs.reask", "ons.hint", "ons.intro",
	"ons.skip_offer", "ons.thanks", "services.hint", "services.intro", "services.more_intro", "services.item",
	"services.no_more", "services.none", "started", "stop_hint.other", "stop_hint.sms", "stopped", "welcome",
	"who.adult", "who.ask", "who.parent", "who.reask", "who.young",
	"followup.ask", "followup.the_services", "followup.again", "followup.yes", "followup.not_yet",
	"followup.not_right", "followup.help", "followup.reask", "followup.great", "followup.later",
	"reassess.intro", "reminder", "forget.ask", "forget.kept", "forget.done",
}

// RequiredKeys lists every content key the flows can say.
func RequiredKeys() []string {
	keys := append([]string(nil), staticKeys...)
	for _, it := range onsItems {
		keys = append(keys, "ons."+it.Item)
	}
	for _, n := range understand.NeedCodes {
		keys = append(keys, "need."+n)
	}
	sort.Strings(keys)
	return keys
}

// Check reports problems with the flow definitions: states no event reaches from the start,
// states without a handler, and events into states that do not exist.
func (m *Machine) Check() []string {
	var problems []string
	known := map[string]bool{}
	for _, ev := range journeyEvents {
		known[ev.Dst] = true
		for _, src := range ev.Src {
			known[src] = true
		}
	}
	for st := range known {
		if _, ok := m.states[st]; !ok {
			problems = append(problems, fmt.Sprintf("flow %s: state %q has no handler", Journey, st))
		}
	}
	reached := map[string]bool{StateStart: true}
	for changed := true; changed; {
		changed = false
		for _, ev := range journeyEvents {
			for _, src := range ev.Src {
				if reached[src] && !reached[ev.Dst] {
					reached[ev.Dst], changed = true, true
				}
			}
		}
	}
	for st := range m.states {
		if !reached[st] {
			problems = append(problems, fmt.Sprintf("flow %s: state %q is unreachable from %q", Journey, st, StateStart))
		}
	}
	sort.Strings(problems)
	return problems
}
