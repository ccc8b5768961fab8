package bot

import (
	"fmt"
	"testing"
	"time"
)

func TestSubjectsKeepTheLatestVersionWithinBounds(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s := newSubjects(func() time.Time { return now })
	at := func(state string) stepFrom { return stepFrom{person: "p_1", flow: "journey", state: state} }

	s.put("sms", "+447700900001", at("ask_area"), 3)
	s.put("sms", "+447700900001", at("ask_consent"), 2) // an earlier message finishing later
	if got, ok := s.get("sms", "+447700900001"); !ok || got.state != "ask_area" {
		t.Errorf("after versions 3 then 2: %q, %v; want version 3's state", got.state, ok)
	}
	// The same address as a new person (after erasure) starts again from version 1.
	s.put("sms", "+447700900001", stepFrom{person: "p_2", state: "start"}, 1)
	if got, _ := s.get("sms", "+447700900001"); got.person != "p_2" {
		t.Errorf("a new person at the same address: remembered %q, want p_2", got.person)
	}
	if _, ok := s.get("telegram", "+447700900001"); ok {
		t.Error("another channel's identity found the SMS person's state")
	}
	s.forget("sms", "+447700900001")
	if _, ok := s.get("sms", "+447700900001"); ok {
		t.Error("a forgotten state is still remembered")
	}

	s.put("sms", "+447700900002", at("ask_area"), 1)
	now = now.Add(subjectsTTL + time.Second)
	if _, ok := s.get("sms", "+447700900002"); ok {
		t.Errorf("a state older than %v is still remembered", subjectsTTL)
	}

	for i := range 3 * subjectsMax {
		s.put("sms", fmt.Sprint("+4477", i), at("ask_area"), 1)
		if len(s.m) > subjectsMax {
			t.Fatalf("%d states remembered, want at most %d", len(s.m), subjectsMax)
		}
	}
	if _, ok := s.get("sms", fmt.Sprint("+4477", 3*subjectsMax-1)); !ok {
		t.Error("the latest state was not remembered")
	}
}
