package flows

import (
	"context"
	"fmt"
)

// Nudge kinds.
const (
	NudgeFollowup  = "followup"  // "did you get in touch with X?"
	NudgeFollowup2 = "followup2" // the same, once more, when the first had no answer
	NudgeReassess  = "reassess"  // the ONS4 wellbeing re-check
	NudgeReminder  = "reminder"  // a suggested service's next session
)

// NudgeInput is a due nudge with what it is about.
type NudgeInput struct {
	Kind    string
	Service string // the suggested service's name (follow-ups, reminders)
	When    string // the next session, in the person's words of time (reminders)
}

// Nudge steps a conversation for a due nudge, as Step does for a message: a follow-up moves it
// to the follow-up question, a re-check into the ONS4 questions (recorded as a follow-up), a
// reminder only says so. Like Step, it is pure.
func (m *Machine) Nudge(ctx context.Context, st State, n NudgeInput, in Input) (Result, error) {
	s := &step{m: m, in: in, data: st.Data, state: st.Name, locale: in.Profile.Locale}
	if s.locale == "" || !m.content.Has(s.locale) {
		s.locale = "en"
	}
	var err error
	switch n.Kind {
	case NudgeFollowup, NudgeFollowup2:
		s.data.Service = n.Service
		if n.Kind == NudgeFollowup2 {
			s.say("followup.again")
		}
		err = s.fire(ctx, "nudge_followup")
		if n.Kind == NudgeFollowup {
			// The second follow-up goes only if this one has no answer: the scheduler finds it
			// stale once the conversation has left the follow-up question.
			s.effect(ScheduleNudge{Kind: NudgeFollowup2, After: "followup", Key: NudgeFollowup2, Service: n.Service})
		}
	case NudgeReassess:
		s.say("reassess.intro")
		s.data.Occasion = "follow_up"
		err = s.fire(ctx, "nudge_reassess")
	case NudgeReminder:
		s.say("reminder", "service", n.Service, "when", n.When)
	default:
		return Result{}, fmt.Errorf("flows: unknown nudge kind %q", n.Kind)
	}
	if err != nil {
		return Result{}, err
	}
	s.res.State = State{Flow: Journey, Name: s.state, Data: s.data}
	return s.res, nil
}

func followupOptions(s *step) []Option {
	return []Option{
		{Value: "contacted", Label: s.t("followup.yes")},
		{Value: "not_yet", Label: s.t("followup.not_yet")},
		{Value: "not_right", Label: s.t("followup.not_right")},
		{Value: "help", Label: s.t("followup.help")},
	}
}

func promptFollowup(s *step) {
	service := s.data.Service
	if service == "" {
		service = s.t("followup.the_services")
	}
	s.res.Replies = append(s.res.Replies, Reply{Key: "followup.ask",
		Text: s.t("followup.ask", "service", service), Options: followupOptions(s)})
}

func handleFollowup(s *step) string {
	v, ok := choose(s.text, followupOptions(s))
	if !ok {
		switch yesNo(s.text) {
		case "yes":
			v, ok = "contacted", true
		case "no":
			v, ok = "not_yet", true
		}
	}
	if !ok {
		s.say("followup.reask")
		return ""
	}
	switch v {
	case "contacted":
		s.effect(RecordContact{Contacted: true})
		s.say("followup.great")
		return "contacted"
	case "not_yet":
		s.effect(RecordContact{Contacted: false})
		s.say("followup.later")
		return "contacted"
	case "not_right":
		s.effect(RecordContact{Contacted: false})
		return "other_services"
	default:
		s.effect(RecordContact{Contacted: false})
		s.link()
		return "contacted"
	}
}
