// Package flows holds Signpost's dialogue flows: pure step functions over looplab/fsm.
//
// A step takes the stored conversation state and one inbound message and returns the next
// state, the replies and the effects (record a score, open a handoff, schedule a nudge). It does
// no I/O and reads no clock: the engine in package bot persists a step's result in one
// transaction and sends the replies afterwards. The FSM is rebuilt for every message from the
// stored state, so nothing about a conversation lives in memory between messages.
package flows

import (
	"time"

	"github.com/signpost-nhs/signpost/content/directory"
)

// Channels, as they appear in state, exports and the outbox.
const (
	ChannelSMS      = "sms"
	ChannelTelegram = "telegram"
	ChannelWeb      = "web"
	ChannelConsole  = "console"
)

// Age groups, as in the people export.
const (
	AgeAdult       = "adult"
	AgeYoungPerson = "young_person"
	AgeParentCarer = "parent_carer"
	AgeUnknown     = "unknown"
)

// State is a conversation's stored position: the flow, the state within it and its data.
type State struct {
	Flow string
	Name string
	Data Data
}

// Data is the flow-local memory of a conversation, stored as JSON beside the state.
type Data struct {
	Retries  int      `json:"retries,omitempty"`
	Occasion string   `json:"occasion,omitempty"` // ONS4 run: baseline or follow_up
	Needs    []string `json:"needs,omitempty"`    // needs asked about, for MORE
	Shown    int      `json:"shown,omitempty"`    // services shown so far for Needs
	Scores   int      `json:"scores,omitempty"`   // ONS4 items answered in this run
	Service  string   `json:"service,omitempty"`  // the service a follow-up asks about
	Baseline bool     `json:"baseline,omitempty"` // a baseline ONS4 has been answered
	Before   string   `json:"before,omitempty"`   // the state a FORGET question interrupted
}

// Profile is what the engine knows about the person, handed to a step as input.
type Profile struct {
	Locale    string
	AgeGroup  string
	Age       int
	Borough   string
	Consented bool
	OptedOut  bool
	// Human is true while a link worker has the conversation: the bot stays silent except for
	// the safety net.
	Human bool
	// HandoffOpen is true while the person has an open, non-urgent or urgent handoff.
	HandoffOpen bool
	// Erasing is true once the person has confirmed FORGET: only a crisis message is answered
	// until the erasure runs.
	Erasing bool
}

// Finder ranks community services for a query. The engine supplies one over the directory it
// holds in memory, so a step stays free of I/O.
type Finder interface {
	Find(q directory.Query) []directory.Match
}

// Input is one inbound message with what a step needs to know about its context.
type Input struct {
	Text    string
	Channel string
	Profile Profile
	Finder  Finder
	// Now is when the message arrived; used only to prefer services that open soon.
	Now time.Time
	Loc *time.Location
}

// Option is one numbered choice. Value is what comes back when it is chosen (a Telegram button's
// callback data, at most 64 bytes); Label is what the person sees.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Reply is one message to the person.
type Reply struct {
	Key     string   `json:"-"` // content key of the main text, for tests and metrics
	Text    string   `json:"text"`
	Options []Option `json:"options,omitempty"`
	// EvenIfStopped marks the few replies sent to a person who has opted out: the STOP
	// confirmation and the answer to HELP.
	EvenIfStopped bool `json:"-"`
}

// Result is what a step decided.
type Result struct {
	State   State
	Replies []Reply
	Effects []Effect
}

// Effect is a change the engine must persist with the new state.
type Effect interface{ effect() }

// Consent records the person's answer to the consent question.
type Consent struct{ Given bool }

// OptOut records STOP (true) or START (false).
type OptOut struct{ Stopped bool }

// SetArea records where the person lives.
type SetArea struct{ Outward, Borough string }

// SetAgeGroup records who the person is.
type SetAgeGroup struct {
	Group string
	Age   int
}

// SetLanguage records the person's chosen locale.
type SetLanguage struct{ Locale string }

// RecordScore records one answered item of a wellbeing instrument.
type RecordScore struct {
	Instrument, Version, Occasion, Item string
	Score                               int
	Band                                string
}

// RecordNeeds records the need areas a person asked about.
type RecordNeeds struct{ Needs []string }

// RecordSuggestion records one service suggested to the person.
type RecordSuggestion struct{ ServiceID, ServiceName, Need string }

// RecordUnmet records a need for which no service was found.
type RecordUnmet struct{ Need string }

// OpenHandoff asks a link worker to get in touch. Urgent handoffs come from the safety net; while
// one is open, the scheduler holds the person's nudges.
type OpenHandoff struct {
	Reason string // crisis kind, "link_request", ...
	Urgent bool
}

// ScheduleNudge schedules a follow-up message. After names the configured delay.
type ScheduleNudge struct {
	Kind  string // followup, reassess
	After string // "followup" or "reassess"
	Key   string // dedupe key: scheduling the same key twice creates one nudge
	// Service names what a follow-up asks about.
	Service string
	// At, when set, is the due time itself (a reminder before a session) instead of After.
	At time.Time
	// When describes the session a reminder is about.
	When string
}

// RecordContact records the answer to "did you get in touch?" for the person's suggestions.
type RecordContact struct{ Contacted bool }

// CancelNudges cancels the person's pending nudges (STOP).
type CancelNudges struct{}

// Forget records the person's confirmed request to be forgotten: the engine cancels everything
// queued for them, sends the confirmation and then erases them.
type Forget struct{}

// PrivacyNoticeVersion identifies the privacy wording residents are shown (the welcome and the
// consent question in content/locales). Change it whenever that wording changes: the consent
// ledger records which version each answer was given to.
const PrivacyNoticeVersion = "signpost-privacy-2026-11"

func (Consent) effect()          {}
func (OptOut) effect()           {}
func (SetArea) effect()          {}
func (SetAgeGroup) effect()      {}
func (SetLanguage) effect()      {}
func (RecordScore) effect()      {}
func (RecordNeeds) effect()      {}
func (RecordSuggestion) effect() {}
func (RecordUnmet) effect()      {}
func (OpenHandoff) effect()      {}
func (ScheduleNudge) effect()    {}
func (CancelNudges) effect()     {}
func (RecordContact) effect()    {}
func (Forget) effect()           {}
