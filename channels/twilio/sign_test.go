package twilio_test

import (
	"net/url"
	"testing"

	"github.com/twilio/twilio-go/client"

	"github.com/signpost-nhs/signpost/channels/channeltest"
	"github.com/signpost-nhs/signpost/channels/twilio"
)

func TestSignatureMatchesTwilio(t *testing.T) {
	form := channeltest.InboundSMS("SM0123", "+447700900123", "+447700900000", "hello & welcome", "AC123")
	u := "https://signpost.example.org/webhooks/twilio/sms"
	sig := twilio.Signature("token123", u, form)
	params := map[string]string{}
	for k := range form {
		params[k] = form.Get(k)
	}
	v := client.NewRequestValidator("token123")
	if !v.Validate(u, params, sig) {
		t.Fatal("twilio-go rejects the signature")
	}
	if sig != channeltest.SignTwilio(t, "token123", u, form) {
		t.Error("the harness and the load tool sign differently")
	}
	if twilio.Signature("other", u, form) == sig || twilio.Signature("token123", u, url.Values{}) == sig {
		t.Error("signature does not depend on token and form")
	}
}
