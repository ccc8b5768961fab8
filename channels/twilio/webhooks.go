package twilio

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels"
)

// emptyTwiML answers an incoming message without a reply: replies go out through the REST
// API from the outbox, where they are retried, rate-limited and tracked by status callbacks
// (https://www.twilio.com/docs/messaging/twiml#an-empty-response).
const emptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`

// e164 is a phone number as Twilio gives an SMS sender. A channel address ("whatsapp:+44…")
// means the number is wired to another product: we would answer it by SMS.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// inbound handles Twilio's incoming-message webhook
// (https://www.twilio.com/docs/messaging/guides/webhook-request).
func (c *Channel) inbound(w http.ResponseWriter, r *http.Request) error {
	form, err := c.verify(r, InboundPath)
	if err != nil {
		return err
	}
	sid, from := form.Get("MessageSid"), form.Get("From")
	if sid == "" || from == "" {
		return &channels.HTTPError{Status: http.StatusBadRequest, Msg: "MessageSid and From are required"}
	}
	if !e164.MatchString(from) {
		return &channels.HTTPError{Status: http.StatusBadRequest, Msg: "From is not an E.164 phone number"}
	}
	// The engine claims the MessageSid in the same transaction as everything else it writes:
	// a redelivery (or a replay: signatures carry no timestamp) is a no-op, and a failure
	// leaves nothing behind for Twilio's retry to trip over.
	h, err := c.engine.Handle(r.Context(), bot.Inbound{Channel: channel, Address: from, ProviderID: sid, Text: inboundText(form)})
	if err != nil {
		return fmt.Errorf("handle sms %s: %w", sid, err)
	}
	c.log.Debug("sms received", "sid", sid, "person", h.PersonID, "duplicate", h.Duplicate)
	w.Header().Set("Content-Type", "text/xml")
	_, err = w.Write([]byte(emptyTwiML))
	return err
}

// inboundText is the text the engine sees.
//
// With Advanced Opt-Out on, Twilio decides what is an opt-out (its keyword list is set per
// Messaging Service, in any language) and says so in OptOutType; Twilio then refuses our
// messages until the person opts back in. The engine must agree with Twilio, so such a
// message reaches it as the canonical STOP or START. HELP is left as typed: it changes no
// state (https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out).
//
// A picture or other media with no text (NumMedia > 0, Body empty) reaches the engine as an
// empty message, which the flows answer by asking the current question again. The media is
// never fetched or stored: nobody reads it, and it may be personal.
func inboundText(form url.Values) string {
	switch strings.ToUpper(form.Get("OptOutType")) {
	case "STOP":
		return "STOP"
	case "START":
		return "START"
	}
	return form.Get("Body")
}

// status handles a message status callback
// (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). Callbacks
// repeat and arrive out of order; the store keeps each and moves a message's status only
// forward.
func (c *Channel) status(w http.ResponseWriter, r *http.Request) error {
	form, err := c.verify(r, StatusPath)
	if err != nil {
		return err
	}
	sid, st := form.Get("MessageSid"), strings.ToLower(form.Get("MessageStatus"))
	if sid == "" || st == "" {
		return &channels.HTTPError{Status: http.StatusBadRequest, Msg: "MessageSid and MessageStatus are required"}
	}
	code := form.Get("ErrorCode")
	if code == "0" {
		code = ""
	}
	now := c.now()
	known, err := c.store.RecordDelivery(r.Context(), channel, sid, st, code, now)
	if err != nil {
		return fmt.Errorf("record status of %s: %w", sid, err)
	}
	if !known {
		// Not an error: the later parts of a long message, or a message sent from the
		// console, have SIDs we never stored. Answering 200 stops Twilio retrying.
		c.log.Debug("status for an unknown message", "sid", sid, "status", st)
	}
	if code == strconv.Itoa(codeStopped) {
		// Twilio refused the message because the recipient had replied STOP to Twilio.
		to := form.Get("To")
		if to != "" {
			if err := c.store.MarkStopped(r.Context(), channel, to, now); err != nil {
				return fmt.Errorf("mark %s stopped: %w", MaskNumber(to), err)
			}
			c.log.Info("recipient has opted out at Twilio", "to", MaskNumber(to), "sid", sid)
		}
	}
	w.WriteHeader(http.StatusOK)
	return nil
}

// verify parses a webhook's form and checks that Twilio sent it for our account: the
// X-Twilio-Signature over the public URL and the posted parameters
// (https://www.twilio.com/docs/usage/security#validating-requests). Nothing is stored
// before it passes.
func (c *Channel) verify(r *http.Request, path string) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		return nil, &channels.HTTPError{Status: http.StatusBadRequest, Msg: "unreadable form", Err: err}
	}
	sig := r.Header.Get("X-Twilio-Signature")
	if sig == "" {
		return nil, &channels.HTTPError{Status: http.StatusForbidden, Msg: "missing signature"}
	}
	// Twilio signs the URL it was configured with, query string included, and only the
	// posted parameters (not those in the query).
	u := c.publicURL + path
	if r.URL.RawQuery != "" {
		u += "?" + r.URL.RawQuery
	}
	params := make(map[string]string, len(r.PostForm))
	for k := range r.PostForm {
		params[k] = r.PostForm.Get(k)
	}
	if !c.validator.Validate(u, params, sig) {
		return nil, &channels.HTTPError{Status: http.StatusForbidden, Msg: "invalid signature"}
	}
	// Defence in depth: a form for another account is not ours to act on, however signed.
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("AccountSid")), []byte(c.cfg.AccountSID)) != 1 {
		return nil, &channels.HTTPError{Status: http.StatusForbidden, Msg: "wrong account"}
	}
	return r.PostForm, nil
}
