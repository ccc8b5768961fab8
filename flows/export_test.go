package flows

// IsStop reports whether a message is an opt-out keyword, for the tests.
func IsStop(text string) bool { return isStop(keyword(text)) }
