package twilio

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"sort"
)

// Signature computes X-Twilio-Signature for a form posted to fullURL, as Twilio does
// (https://www.twilio.com/docs/usage/webhooks/webhooks-security): HMAC-SHA1 with the auth token
// over the URL followed by each parameter name and value in name order, base64-encoded. The
// load tool signs its webhooks with it; client.RequestValidator checks them.
func Signature(authToken, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := fullURL
	for _, k := range keys {
		vs := append([]string(nil), form[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			s += k + v
		}
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
