package content

import "unicode/utf16"

// GSM 03.38: the basic character set costs one septet, the extension table two (an escape and
// the character). Anything else forces the whole message into UCS-2.
const (
	gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
		"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsmExtension = "^{}\\[~]|€\f"
)

var gsmCost = func() map[rune]int {
	m := map[rune]int{}
	for _, r := range gsmBasic {
		m[r] = 1
	}
	for _, r := range gsmExtension {
		m[r] = 2
	}
	return m
}()

// Encoding names an SMS encoding.
type Encoding string

// SMS encodings.
const (
	GSM7 Encoding = "GSM-7"
	UCS2 Encoding = "UCS-2"
)

// Segments counts the SMS segments text takes: GSM-7 fits 160 septets in one segment and 153 per
// segment once concatenated; UCS-2 fits 70 UTF-16 units, 67 concatenated. An extension
// character is never split from its escape across segments.
func Segments(text string) (int, Encoding) {
	if text == "" {
		return 0, GSM7
	}
	if bad := NonGSM(text); len(bad) > 0 {
		units := len(utf16.Encode([]rune(text)))
		if units <= 70 {
			return 1, UCS2
		}
		// A surrogate pair is never split across segments either.
		n, used := 1, 0
		for _, r := range text {
			w := 1
			if r > 0xFFFF {
				w = 2
			}
			if used+w > 67 {
				n++
				used = 0
			}
			used += w
		}
		return n, UCS2
	}
	septets := 0
	for _, r := range text {
		septets += gsmCost[r]
	}
	if septets <= 160 {
		return 1, GSM7
	}
	n, used := 1, 0
	for _, r := range text {
		w := gsmCost[r]
		if used+w > 153 {
			n++
			used = 0
		}
		used += w
	}
	return n, GSM7
}

// NonGSM lists the distinct characters of text that GSM-7 cannot carry.
func NonGSM(text string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if gsmCost[r] == 0 && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}
