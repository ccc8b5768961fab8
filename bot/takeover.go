package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Human takeover: a link worker claims a person's handoff, replies through the person's own
// channel, and hands back to the assistant. Each step locks the person's conversation exactly
// as Handle does, so it serialises with the person's inbound messages: a message that arrives
// while a worker claims is stepped either before (the bot answers) or after (the bot is silent).

// Handoff outcomes, as the handoffs export records them.
const (
	OutcomeConnected     = "connected"
	OutcomeDeclined      = "declined"
	OutcomeNotContacted  = "not_contactable"
	OutcomeSignposted    = "signposted_elsewhere"
	SNOMEDReferral       = "871731000000106" // Referral to social prescribing service
	SNOMEDDeclined       = "871711000000103" // Social prescribing declined
	maxWorkerReplyLength = 1600              // Twilio's limit for one message body
)

// Outcomes lists the ways a handoff can be closed.
var Outcomes = []string{OutcomeConnected, OutcomeDeclined, OutcomeNotContacted, OutcomeSignposted}

// SNOMEDFor returns the SNOMED CT code recorded for an outcome, or "" when none applies.
func SNOMEDFor(outcome string) string {
	switch outcome {
	case OutcomeConnected, OutcomeSignposted:
		return SNOMEDReferral
	case OutcomeDeclined:
		return SNOMEDDeclined
	}
	return ""
}

// Errors a link worker can meet; their text is safe to show.
var (
	ErrClaimedByOther = errors.New("another link worker has claimed this handoff")
	ErrNotClaimed     = errors.New("claim the handoff before replying")
	ErrClosed         = errors.New("this handoff is closed")
	ErrOptedOut       = errors.New("this person has replied STOP: no message can be sent")
	ErrBadOutcome     = errors.New("choose an outcome")
	ErrNeedService    = errors.New("choose the service the person was connected to")
	ErrBadReply       = fmt.Errorf("a reply must have 1 to %d characters", maxWorkerReplyLength)
)

// Worker is the link worker acting: email for the records, name for the resident.
type Worker struct {
	Email string
	Name  string
}

// Claim takes a handoff for a link worker: the conversation goes to human mode (the bot stays
// silent except for the safety net) and the resident is told a person has joined. Claiming a
// handoff one already holds changes nothing.
func (e *Engine) Claim(ctx context.Context, handoffID string, w Worker) (store.Handoff, error) {
	now := e.Now()
	var h store.Handoff
	queued := false
	err := e.Store.InTx(ctx, func(tx *store.Tx) error {
		queued = false
		var err error
		if h, err = tx.LockHandoff(ctx, handoffID); err != nil {
			return err
		}
		conv, err := tx.LockConversation(ctx, h.PersonID)
		if err != nil {
			return err
		}
		// Re-read under the conversation lock: the handoff may have changed while we waited.
		if h, err = tx.LockHandoff(ctx, handoffID); err != nil {
			return err
		}
		switch {
		case h.Status == "closed":
			return ErrClosed
		case h.Status == "claimed" && h.ClaimedBy != w.Email:
			return ErrClaimedByOther
		}
		if h.Status != "claimed" {
			if err := tx.ClaimHandoff(ctx, h.ID, w.Email, now); err != nil {
				return err
			}
			h.Status, h.ClaimedBy = "claimed", w.Email
		}
		if conv.Mode == "human" {
			return nil
		}
		conv.Mode = "human"
		if err := tx.SaveConversation(ctx, conv, now); err != nil {
			return err
		}
		queued, err = e.say(ctx, tx, h.PersonID, h.Channel, "human.joined", "bot", now, "name", w.displayName())
		return err
	})
	if err != nil {
		return h, err
	}
	e.Log.Info("handoff claimed", "handoff", h.ID, "person", h.PersonID)
	e.wake(queued)
	return h, nil
}

// Reply sends a link worker's message to the person through their own channel, via the outbox.
// The worker must hold the person's open handoff.
func (e *Engine) Reply(ctx context.Context, personID string, w Worker, text string) error {
	text = strings.TrimSpace(text)
	if text == "" || len([]rune(text)) > maxWorkerReplyLength {
		return ErrBadReply
	}
	now := e.Now()
	err := e.Store.InTx(ctx, func(tx *store.Tx) error {
		conv, err := tx.LockConversation(ctx, personID)
		if err != nil {
			return err
		}
		h, err := tx.OpenHandoffOf(ctx, personID)
		if errors.Is(err, store.ErrNotFound) {
			return ErrClosed
		}
		if err != nil {
			return err
		}
		switch {
		case h.Status != "claimed":
			return ErrNotClaimed
		case h.ClaimedBy != w.Email:
			return ErrClaimedByOther
		}
		p, err := tx.PersonForUpdate(ctx, personID)
		if err != nil {
			return err
		}
		if p.OptedOut {
			return ErrOptedOut
		}
		if conv.Mode != "human" {
			// Replying after handing back takes the conversation again, and says so.
			conv.Mode = "human"
			if err := tx.SaveConversation(ctx, conv, now); err != nil {
				return err
			}
			if _, err := e.say(ctx, tx, personID, h.Channel, "human.joined", "bot", now, "name", w.displayName()); err != nil {
				return err
			}
		}
		if err := tx.Enqueue(ctx, store.Outbound{PersonID: personID, Channel: h.Channel, Body: text, Author: w.Email}, now); err != nil {
			return err
		}
		return tx.RecordFirstResponse(ctx, h.ID, now)
	})
	if err != nil {
		return err
	}
	e.Log.Info("link worker replied", "person", personID)
	e.wake(true)
	return nil
}

// HandBack returns the conversation to the assistant and tells the resident. The handoff stays
// claimed until it is closed with an outcome.
func (e *Engine) HandBack(ctx context.Context, personID string, w Worker) error {
	now := e.Now()
	queued := false
	err := e.Store.InTx(ctx, func(tx *store.Tx) error {
		queued = false
		var err error
		queued, err = e.handBack(ctx, tx, personID, now)
		return err
	})
	if err != nil {
		return err
	}
	e.Log.Info("handed back to the assistant", "person", personID)
	e.wake(queued)
	return nil
}

func (e *Engine) handBack(ctx context.Context, tx *store.Tx, personID string, now time.Time) (bool, error) {
	conv, err := tx.LockConversation(ctx, personID)
	if err != nil {
		return false, err
	}
	if conv.Mode != "human" {
		return false, nil
	}
	conv.Mode = "bot"
	if err := tx.SaveConversation(ctx, conv, now); err != nil {
		return false, err
	}
	return e.say(ctx, tx, personID, "", "human.left", "bot", now)
}

// Closing is how a link worker closes a handoff.
type Closing struct {
	Outcome string
	// ServiceID names the service a person was connected to: one of their suggested services.
	ServiceID string
}

// Close records a handoff's outcome (with its SNOMED CT code where one applies) and, if the
// conversation is still with a person, hands it back to the assistant.
func (e *Engine) Close(ctx context.Context, handoffID string, w Worker, c Closing) (store.Handoff, error) {
	now := e.Now()
	var h store.Handoff
	queued := false
	err := e.Store.InTx(ctx, func(tx *store.Tx) error {
		queued = false
		var err error
		if h, err = tx.LockHandoff(ctx, handoffID); err != nil {
			return err
		}
		if h.Status == "closed" {
			return ErrClosed
		}
		if h.Status == "claimed" && h.ClaimedBy != w.Email {
			return ErrClaimedByOther
		}
		hc := store.HandoffClose{Outcome: c.Outcome, SNOMEDCode: SNOMEDFor(c.Outcome), By: w.Email}
		switch c.Outcome {
		case OutcomeConnected:
			if c.ServiceID == "" {
				return ErrNeedService
			}
			name, err := tx.ReferralName(ctx, h.PersonID, c.ServiceID)
			if errors.Is(err, store.ErrNotFound) {
				return ErrNeedService
			}
			if err != nil {
				return err
			}
			hc.ServiceID, hc.ServiceName = c.ServiceID, name
		case OutcomeDeclined, OutcomeNotContacted, OutcomeSignposted:
		default:
			return ErrBadOutcome
		}
		if queued, err = e.handBack(ctx, tx, h.PersonID, now); err != nil {
			return err
		}
		if err := tx.CloseHandoff(ctx, h.ID, hc, now); err != nil {
			return err
		}
		h.Status, h.Outcome, h.SNOMEDCode, h.OutcomeServiceID, h.OutcomeServiceName = "closed", hc.Outcome, hc.SNOMEDCode, hc.ServiceID, hc.ServiceName
		return nil
	})
	if err != nil {
		return h, err
	}
	e.Log.Info("handoff closed", "handoff", h.ID, "outcome", h.Outcome)
	e.wake(queued)
	return h, nil
}

// say queues one content message to a person on channel (their own channel if ""), unless they
// have stopped; it reports whether it did.
func (e *Engine) say(ctx context.Context, tx *store.Tx, personID, channel, key, author string, now time.Time, args ...string) (bool, error) {
	p, err := tx.PersonForUpdate(ctx, personID)
	if err != nil {
		return false, err
	}
	if p.OptedOut {
		return false, nil
	}
	if channel == "" {
		channel = p.Channel
	}
	text := e.Content.Text(p.Language, key, args...)
	if err := tx.Enqueue(ctx, store.Outbound{PersonID: personID, Channel: channel, Body: text, Author: author}, now); err != nil {
		return false, err
	}
	return true, nil
}

func (e *Engine) wake(queued bool) {
	if queued && e.Sent != nil {
		e.Sent()
	}
}

func (w Worker) displayName() string {
	if w.Name != "" {
		return w.Name
	}
	local, _, _ := strings.Cut(w.Email, "@")
	return local
}
