// Package channels holds what every channel adapter shares: how a reply with choices is written
// as plain text for channels without buttons (SMS, the terminal). One package per provider sits
// beneath it.
package channels

import (
	"strconv"
	"strings"

	"github.com/signpost-nhs/signpost/flows"
)

// PlainText renders a reply for a text-only channel: the text, then the choices numbered one
// per line, so that "2" or the words of a choice both answer it.
func PlainText(text string, opts []flows.Option) string {
	if len(opts) == 0 {
		return text
	}
	var b strings.Builder
	b.WriteString(text)
	for i, o := range opts {
		b.WriteString("\n")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(o.Label)
	}
	return b.String()
}
