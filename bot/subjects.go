package bot

import (
	"hash/maphash"
	"sync"
	"time"
)

// subjects remembers, for the people who texted lately, the state their last message left
// them in: what the engine steps the next message on, ahead of its transaction (SQLite).
// Without it, each message first read that state on a connection of its own, and since the
// writer changes the database all the time, that read found the connection's page cache
// stale and read the pages again from the file: a tenth of the server's CPU at peak.
//
// A remembered state is only ever a guess. The transaction reads the person and conversation
// under its lock and keeps the step taken ahead only if it started from exactly that state, so
// a wrong or stale entry (a link worker took over, a nudge moved the conversation, a collision
// of the hashed key) costs a step taken again, never a wrong outcome.
//
// Entries are keyed by a hash of the channel identity, so no phone number or chat id is kept;
// there are at most subjectsMax of them, and each is forgotten after subjectsTTL, so that the
// answers in a conversation's data do not outlive the conversation's pace in memory. A person
// who has asked to be forgotten is not remembered at all.
type subjects struct {
	seed maphash.Seed
	mu   sync.Mutex
	m    map[uint64]subject
	now  func() time.Time
}

type subject struct {
	from    stepFrom
	version int64 // the conversation's version that from describes
	at      time.Time
}

const (
	subjectsMax = 4096
	subjectsTTL = 15 * time.Minute
)

func newSubjects(now func() time.Time) *subjects {
	return &subjects{seed: maphash.MakeSeed(), m: map[uint64]subject{}, now: now}
}

func (s *subjects) key(channel, address string) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	h.WriteString(channel)
	h.WriteByte(0)
	h.WriteString(address)
	return h.Sum64()
}

// get returns the state remembered for a channel identity.
func (s *subjects) get(channel, address string) (stepFrom, bool) {
	k := s.key(channel, address)
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.m[k]
	if !ok {
		return stepFrom{}, false
	}
	if s.now().Sub(e.at) > subjectsTTL {
		delete(s.m, k)
		return stepFrom{}, false
	}
	return e.from, true
}

// put remembers the state a committed message left a person in, unless a later version is
// already remembered (two of a person's messages can finish in either order).
func (s *subjects) put(channel, address string, from stepFrom, version int64) {
	k := s.key(channel, address)
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.m[k]; ok && e.version > version && e.from.person == from.person {
		return
	}
	if len(s.m) >= subjectsMax {
		s.evict(now)
	}
	s.m[k] = subject{from: from, version: version, at: now}
}

// forget drops what is remembered for a channel identity.
func (s *subjects) forget(channel, address string) {
	k := s.key(channel, address)
	s.mu.Lock()
	delete(s.m, k)
	s.mu.Unlock()
}

// evict makes room: expired entries go, and if none had expired, a quarter of the rest (map
// order is random, so these are random entries). Called with mu held.
func (s *subjects) evict(now time.Time) {
	for k, e := range s.m {
		if now.Sub(e.at) > subjectsTTL {
			delete(s.m, k)
		}
	}
	for k := range s.m {
		if len(s.m) <= subjectsMax*3/4 {
			break
		}
		delete(s.m, k)
	}
}
