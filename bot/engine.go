package bot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/flows"
)

// Inbound is one message from a resident, as a channel hands it to the engine.
type Inbound struct {
	Channel string
	// Address is the channel identity: a phone number or a Telegram chat id. It is stored only
	// in the identities table and never logged.
	Address string
	// ProviderID is the provider's id for this message (Twilio MessageSid, Telegram update_id):
	// a second delivery with the same id is a no-op.
	ProviderID string
	Text       string
	// Locale is a language hint from the provider (Telegram's language_code), used on first contact.
	Locale string
	// Source records where a person came from (a Telegram /start deep link), on first contact.
	Source string
}

// Handled reports what Handle did.
type Handled struct {
	PersonID  string
	Duplicate bool
	Replies   []flows.Reply

	left *subject // the state the message left the person in, for the next step taken ahead
}

// Config holds the engine's settings.
type Config struct {
	FollowupAfter time.Duration
	ReassessAfter time.Duration
	Location      *time.Location
}

// Engine turns inbound messages into state changes and queued replies.
type Engine struct {
	Store     *store.Store
	Machine   *flows.Machine
	Content   *content.Bundle
	Directory *Directory
	Config    Config
	Log       *slog.Logger
	// Now and NewID are injectable for tests.
	Now   func() time.Time
	NewID func(prefix string) string
	// Sent is called after a transaction that queued messages commits (wakes the dispatcher).
	Sent func()
	// Metrics, when set, counts what the engine does.
	Metrics *Metrics

	beforeTx func() // tests: runs between the step taken ahead and the transaction

	subjectsOnce sync.Once
	subjects     *subjects // SQLite: the state each recent person was left in (see subjects)
}

// Handle runs one inbound message. It is safe to call concurrently, also for the same person:
// one person's messages are stepped one at a time, in the order their transactions lock.
func (e *Engine) Handle(ctx context.Context, in Inbound) (Handled, error) {
	if in.Channel == "" || in.Address == "" {
		return Handled{}, errors.New("inbound message without channel or address")
	}
	now := e.Now()
	if in.ProviderID == "" {
		in.ProviderID = e.NewID("m_")
	}
	// On SQLite, step the flow ahead of the transaction, on a snapshot of the person's state:
	// the transaction runs in the one writer, and the step is the costliest part of a message.
	// The transaction keeps this result only if it finds the same state.
	var pre *stepped
	if e.Store.SerialWrites() {
		pre = e.prestep(ctx, in, now)
	}
	if e.beforeTx != nil {
		e.beforeTx()
	}
	var out Handled
	err := e.Store.InTx(ctx, func(tx *store.Tx) error {
		out = Handled{}
		return e.handle(ctx, tx, in, now, pre, &out)
	})
	if pre != nil {
		if err == nil && out.left != nil {
			e.recent().put(in.Channel, in.Address, out.left.from, out.left.version)
		} else if !out.Duplicate {
			e.recent().forget(in.Channel, in.Address)
		}
	}
	if err != nil {
		e.Metrics.inboundError(in.Channel)
		return Handled{}, err
	}
	e.Metrics.inbound(in.Channel, out.Duplicate)
	if out.Duplicate {
		e.Log.Info("duplicate inbound ignored", "channel", in.Channel, "person", out.PersonID)
		return out, nil
	}
	// Debug, not info: at a city's volume a line per message is most of the log, and the
	// counts are in /metrics.
	e.Log.Debug("inbound handled", "channel", in.Channel, "person", out.PersonID, "replies", len(out.Replies))
	if len(out.Replies) > 0 && e.Sent != nil {
		e.Sent()
	}
	return out, nil
}

// stepped is a flow step computed ahead of the transaction, with the state it started from.
// ok is false when there was nothing to step on (a first contact) or the step failed.
type stepped struct {
	ok   bool
	from stepFrom
	res  flows.Result
}

// stepFrom is everything a step depends on besides the message and the clock.
type stepFrom struct {
	person            string
	flow, state, data string
	profile           flows.Profile
}

func (e *Engine) from(p store.Person, conv store.Conversation) stepFrom {
	return stepFrom{person: p.ID, flow: conv.Flow, state: conv.State, data: conv.Data,
		profile: flows.Profile{Locale: p.Language, AgeGroup: p.AgeGroup, Age: p.Age, Borough: p.Borough,
			Consented: p.Consented.Valid && p.Consented.Bool, OptedOut: p.OptedOut, Human: conv.Mode == "human",
			HandoffOpen: conv.HandoffOpen, Erasing: p.EraseRequestedAt.Valid}}
}

// prestep steps the flow on the person's state as their last message left it, or as it is
// now in the database, outside any transaction. For a first contact, or when anything fails,
// the result is not ok and the transaction steps itself.
func (e *Engine) prestep(ctx context.Context, in Inbound, now time.Time) *stepped {
	from, ok := e.recent().get(in.Channel, in.Address)
	if !ok {
		p, conv, err := e.Store.FindSubject(ctx, in.Channel, in.Address)
		if err != nil {
			return &stepped{}
		}
		from = e.from(p, conv)
	}
	res, err := e.step(ctx, from, in, now)
	return &stepped{ok: err == nil, from: from, res: res}
}

func (e *Engine) recent() *subjects {
	e.subjectsOnce.Do(func() { e.subjects = newSubjects(e.Now) })
	return e.subjects
}

// step runs the flow for one message from the given state.
func (e *Engine) step(ctx context.Context, from stepFrom, in Inbound, now time.Time) (flows.Result, error) {
	st := flows.State{Flow: from.flow, Name: from.state}
	if err := json.Unmarshal([]byte(from.data), &st.Data); err != nil {
		// Unreadable state data must not trap a person: start the flow state's data afresh.
		e.Log.Warn("conversation data unreadable; reset", "person", from.person, "err", err)
		st.Data = flows.Data{}
	}
	input := flows.Input{Text: in.Text, Channel: in.Channel, Now: now, Loc: e.Config.Location, Profile: from.profile}
	if e.Directory != nil {
		input.Finder = e.Directory
	}
	return e.Machine.Step(ctx, st, input)
}

func (e *Engine) handle(ctx context.Context, tx *store.Tx, in Inbound, now time.Time, pre *stepped, out *Handled) error {
	locale := content.DefaultLocale
	if in.Locale != "" && e.Content.Has(in.Locale) {
		locale = in.Locale
	}
	p, conv, claimed, err := tx.Arrive(ctx, store.NewPerson{ID: e.NewID("p_"), Channel: in.Channel, Address: in.Address,
		Language: locale, Source: in.Source, Flow: flows.Journey, State: flows.StateStart, Now: now}, in.ProviderID, in.Text)
	if err != nil {
		return err
	}
	out.PersonID = p.ID
	if !claimed {
		out.Duplicate = true
		return nil
	}
	// The step taken ahead holds if nothing it read has changed since; otherwise (another
	// message from this person, a link worker, a first contact) step again, under the lock.
	var res flows.Result
	if from := e.from(p, conv); pre != nil && pre.ok && pre.from == from {
		res = pre.res
	} else {
		if pre != nil { // a step was taken ahead (SQLite), in vain
			e.Metrics.restep()
		}
		if res, err = e.step(ctx, from, in, now); err != nil {
			return err
		}
	}
	if err := e.apply(ctx, tx, &p, &conv, in.Channel, res.Effects, now); err != nil {
		return err
	}
	if err := e.enqueue(ctx, tx, p.ID, in.Channel, res.Replies, now); err != nil {
		return err
	}
	out.Replies = res.Replies
	data, err := json.Marshal(res.State.Data)
	if err != nil {
		return err
	}
	conv.Flow, conv.State, conv.Data = res.State.Flow, res.State.Name, string(data)
	if err := tx.SaveConversation(ctx, conv, now); err != nil {
		return err
	}
	// Someone waiting to be forgotten is not remembered, even for the minutes until erasure.
	if !p.EraseRequestedAt.Valid {
		out.left = &subject{from: e.from(p, conv), version: conv.Version + 1}
	}
	return nil
}

// enqueue records replies and queues them for sending, in the step's transaction.
func (e *Engine) enqueue(ctx context.Context, tx *store.Tx, personID, channel string, replies []flows.Reply, now time.Time) error {
	for _, r := range replies {
		var opts []byte
		if len(r.Options) > 0 {
			var err error
			if opts, err = json.Marshal(r.Options); err != nil {
				return err
			}
		}
		kind := "reply"
		if r.EvenIfStopped {
			kind = "confirm"
		}
		if err := tx.Enqueue(ctx, store.Outbound{PersonID: personID, Channel: channel, Body: r.Text,
			Options: string(opts), Author: "bot", Kind: kind}, now); err != nil {
			return err
		}
	}
	return nil
}

// apply persists a step's effects in the step's transaction, and brings p and conv up to date
// with them (as far as the next step reads them).
func (e *Engine) apply(ctx context.Context, tx *store.Tx, p *store.Person, conv *store.Conversation, channel string, effects []flows.Effect, now time.Time) error {
	consented := p.Consented.Valid && p.Consented.Bool
	for _, ef := range effects {
		var err error
		switch ef := ef.(type) {
		case flows.Consent:
			consented = ef.Given
			p.Consented = sql.NullBool{Bool: ef.Given, Valid: true}
			if err = tx.SetConsent(ctx, p.ID, ef.Given, now); err == nil {
				// The ledger keeps every answer, with the notice it answered, in this transaction.
				err = tx.RecordConsent(ctx, store.ConsentRecord{PersonID: p.ID, Purpose: store.PurposeStoreAnswers,
					Given: ef.Given, Channel: channel, NoticeVersion: flows.PrivacyNoticeVersion, At: now})
			}
		case flows.Forget:
			if !p.EraseRequestedAt.Valid {
				p.EraseRequestedAt = sql.NullTime{Time: now, Valid: true}
			}
			err = tx.RequestErasure(ctx, p.ID, now)
		case flows.OptOut:
			p.OptedOut = ef.Stopped
			err = tx.SetOptedOut(ctx, p.ID, ef.Stopped, now)
		case flows.SetLanguage:
			p.Language = ef.Locale
			err = tx.SetLanguage(ctx, p.ID, ef.Locale)
		case flows.CancelNudges:
			err = tx.CancelNudges(ctx, p.ID, now)
		case flows.OpenHandoff:
			var id string
			id, err = tx.OpenHandoff(ctx, e.NewID("h_"), p.ID, channel, ef.Reason, ef.Urgent, now)
			conv.HandoffOpen = true
			if err == nil && ef.Urgent {
				e.Log.Warn("urgent handoff opened", "person", p.ID, "handoff", id, "reason", ef.Reason)
				e.Metrics.crisis(ef.Reason)
			}
			if err == nil && !ef.Urgent {
				// Asking for a link worker is the consent to share with one. (A crisis handoff rests
				// on vital interests, not consent, and is not recorded as consent.)
				err = tx.RecordConsent(ctx, store.ConsentRecord{PersonID: p.ID, Purpose: store.PurposeShareWithLinkWorker,
					Given: true, Channel: channel, NoticeVersion: flows.PrivacyNoticeVersion, At: now})
			}
		default:
			// Everything else is the person's answers: kept only with their consent.
			if !consented {
				continue
			}
			switch ef := ef.(type) {
			case flows.SetArea:
				area := ef.Outward
				if area == "" {
					area = ef.Borough
				}
				p.Area, p.Borough = area, ef.Borough
				err = tx.SetArea(ctx, p.ID, area, ef.Borough)
			case flows.SetAgeGroup:
				p.AgeGroup = ef.Group
				if ef.Age > 0 {
					p.Age = ef.Age
				}
				err = tx.SetAgeGroup(ctx, p.ID, ef.Group, ef.Age)
			case flows.RecordScore:
				err = tx.AddScore(ctx, p.ID, channel, ef.Instrument, ef.Version, ef.Occasion, ef.Item, ef.Score, ef.Band, now)
			case flows.RecordNeeds:
				for _, n := range ef.Needs {
					if err = tx.AddNeed(ctx, p.ID, n, p.Borough, true, now); err != nil {
						break
					}
				}
			case flows.RecordUnmet:
				err = tx.MarkUnmet(ctx, p.ID, ef.Need)
			case flows.RecordSuggestion:
				err = tx.AddReferral(ctx, p.ID, ef.ServiceID, ef.ServiceName, ef.Need, now)
			case flows.ScheduleNudge:
				after := e.Config.FollowupAfter
				if ef.After == "reassess" {
					after = e.Config.ReassessAfter
				}
				key := ef.Key + ":" + now.In(e.location()).Format("2006-01-02")
				due := DueAt(now, after, e.location())
				if !ef.At.IsZero() {
					due = ef.At
				}
				err = tx.ScheduleNudge(ctx, e.NewID("n_"), p.ID, ef.Kind, key, ef.Service, ef.When, due, now)
			case flows.RecordContact:
				err = tx.RecordContact(ctx, p.ID, ef.Contacted)
			default:
				err = fmt.Errorf("unknown effect %T", ef)
			}
		}
		if err != nil {
			return fmt.Errorf("apply %T: %w", ef, err)
		}
	}
	return nil
}

func (e *Engine) location() *time.Location {
	if e.Config.Location != nil {
		return e.Config.Location
	}
	return time.UTC
}
