package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/flows"
)

// QuietHours is a daily local window in which no nudge is sent; it may cross midnight.
type QuietHours struct {
	Off        bool
	Start, End time.Duration // wall-clock time since local midnight
}

// NudgePolicy says when a nudge may go out.
type NudgePolicy struct {
	Quiet    QuietHours
	Location *time.Location
	// PerWeek caps the nudges one person gets in any seven days.
	PerWeek int
}

// Scheduler sends due nudges: it claims them under a lease, and for each decides in one
// transaction, under the person's conversation lock, whether to send it now (queueing the
// message in the outbox and marking it sent), later (quiet hours, the weekly cap, a crisis or
// a link worker in the conversation), or never (stopped, stale).
type Scheduler struct {
	Engine *Engine
	Policy NudgePolicy
	Log    *slog.Logger
	Now    func() time.Time
	Lease  time.Duration
	Batch  int
	Poll   time.Duration
}

// NewScheduler returns a Scheduler with production defaults.
func NewScheduler(e *Engine, p NudgePolicy) *Scheduler {
	if p.Location == nil {
		p.Location = time.UTC
	}
	if p.PerWeek <= 0 {
		p.PerWeek = 3
	}
	return &Scheduler{Engine: e, Policy: p, Log: e.Log, Now: e.Now, Lease: 5 * time.Minute, Batch: 200, Poll: 15 * time.Second}
}

// Run sends due nudges until ctx is done.
func (s *Scheduler) Run(ctx context.Context) {
	t := time.NewTicker(s.Poll)
	defer t.Stop()
	for {
		for {
			n, err := s.RunOnce(ctx)
			if err != nil && ctx.Err() == nil {
				s.Log.Error("nudges", "err", err)
			}
			if n < s.Batch || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunOnce claims one batch of due nudges and decides each. It returns how many it claimed.
func (s *Scheduler) RunOnce(ctx context.Context) (int, error) {
	// As in the dispatcher: claims and decisions are not cut off half-way by cancellation.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	due, err := s.Engine.Store.ClaimDueNudges(ctx, s.Now(), s.Lease, s.Batch)
	if err != nil {
		return 0, err
	}
	// Decide a few nudges per transaction: one commit (one fsync) for the group instead of one
	// each. A group that fails is retried one nudge at a time, so one bad nudge holds up no other.
	// On PostgreSQL, groups run side by side: each is bound by round trips, not by the server.
	// A person's nudges stay in one group, so that groups running side by side never wait for
	// each other's conversation locks.
	byPerson := map[string][]store.Nudge{}
	var people []string
	for _, n := range due {
		if byPerson[n.PersonID] == nil {
			people = append(people, n.PersonID)
		}
		byPerson[n.PersonID] = append(byPerson[n.PersonID], n)
	}
	var groups [][]store.Nudge
	var group []store.Nudge
	for _, p := range people {
		group = append(group, byPerson[p]...)
		if len(group) >= nudgesPerTx {
			groups, group = append(groups, group), nil
		}
	}
	if len(group) > 0 {
		groups = append(groups, group)
	}
	workers := 1
	if s.Engine.Store.Dialect() == store.Postgres {
		workers = 4
	}
	var mu sync.Mutex
	sent := false
	var wg sync.WaitGroup
	next := make(chan []store.Nudge)
	for range workers {
		wg.Go(func() {
			for group := range next {
				if s.decideGroup(ctx, group) {
					mu.Lock()
					sent = true
					mu.Unlock()
				}
			}
		})
	}
	for _, g := range groups {
		next <- g
	}
	close(next)
	wg.Wait()
	if sent && s.Engine.Sent != nil {
		s.Engine.Sent()
	}
	return len(due), nil
}

// decideGroup decides a group of nudges in one transaction, or one by one if that fails. It
// reports whether any was sent.
func (s *Scheduler) decideGroup(ctx context.Context, group []store.Nudge) (sent bool) {
	outcomes := make([]string, len(group))
	err := s.Engine.Store.InTx(ctx, func(tx *store.Tx) error {
		for i, n := range group {
			var err error
			if outcomes[i], err = s.decide(ctx, tx, n); err != nil {
				return fmt.Errorf("nudge %s: %w", n.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		s.Log.Warn("nudge group failed; deciding one by one", "err", err)
		for i, n := range group {
			err := s.Engine.Store.InTx(ctx, func(tx *store.Tx) error {
				var err error
				outcomes[i], err = s.decide(ctx, tx, n)
				return err
			})
			if err != nil {
				// Left leased: it is tried again when the lease expires.
				s.Log.Error("nudge", "nudge", n.ID, "err", err)
				outcomes[i] = "error"
			}
		}
	}
	for i, n := range group {
		s.Log.Debug("nudge", "nudge", n.ID, "person", n.PersonID, "kind", n.Kind, "outcome", outcomes[i])
		sent = sent || outcomes[i] == "sent"
	}
	return sent
}

// nudgesPerTx is how many nudges one transaction decides.
const nudgesPerTx = 50

// decide acts on one claimed nudge in the caller's transaction and says what it did.
func (s *Scheduler) decide(ctx context.Context, tx *store.Tx, claimed store.Nudge) (outcome string, err error) {
	e := s.Engine
	now := s.Now()
	err = func() error {
		// The conversation first, then the nudge: the order the engine takes them in (STOP
		// cancels nudges under the conversation lock), so the two never deadlock.
		conv, err := tx.LockConversation(ctx, claimed.PersonID)
		if err != nil {
			return err
		}
		n, err := tx.LockNudge(ctx, claimed.ID)
		if err != nil {
			return err
		}
		if n.Status != "pending" {
			outcome = "already " + n.Status
			return nil
		}
		p, err := tx.PersonForUpdate(ctx, n.PersonID)
		if err != nil {
			return err
		}
		finish := func(status, reason string) error {
			outcome = status + ": " + reason
			return tx.FinishNudge(ctx, n.ID, status, reason, now)
		}
		later := func(due time.Time, reason string) error {
			outcome = "deferred: " + reason
			return tx.DeferNudge(ctx, n.ID, due, reason)
		}
		switch {
		case p.OptedOut:
			return finish("cancelled", "opted out")
		case !p.Consented.Valid || !p.Consented.Bool:
			return finish("cancelled", "no consent")
		}
		if stale, why, err := s.stale(ctx, tx, n, conv); err != nil {
			return err
		} else if stale {
			return finish("skipped", why)
		}
		if urgent, err := tx.HasUrgentHandoff(ctx, n.PersonID); err != nil {
			return err
		} else if urgent {
			return later(now.Add(24*time.Hour), "crisis handoff open")
		}
		if conv.Mode == "human" {
			return later(now.Add(24*time.Hour), "link worker has the conversation")
		}
		if now.Sub(conv.UpdatedAt) < 30*time.Minute && conv.State != flows.StateMenu && conv.State != flows.StateSuggested &&
			conv.State != flows.StateFollowup {
			// Do not cut into a conversation in progress.
			return later(now.Add(time.Hour), "conversation in progress")
		}
		if until, quiet := s.Policy.QuietUntil(now); quiet {
			return later(until, "quiet hours")
		}
		sent, err := tx.NudgesSentSince(ctx, n.PersonID, now.Add(-7*24*time.Hour))
		if err != nil {
			return err
		}
		if len(sent) >= s.Policy.PerWeek {
			return later(sent[len(sent)-s.Policy.PerWeek].Add(7*24*time.Hour), "weekly limit")
		}
		if err := e.stepNudge(ctx, tx, p, conv, n, now); err != nil {
			return err
		}
		return finish("sent", "")
	}()
	return outcome, err
}

// stale reports a nudge that no longer makes sense: the question was answered or overtaken.
func (s *Scheduler) stale(ctx context.Context, tx *store.Tx, n store.Nudge, conv store.Conversation) (bool, string, error) {
	switch n.Kind {
	case flows.NudgeFollowup, flows.NudgeFollowup2:
		pending, err := tx.PendingFollowups(ctx, n.PersonID)
		if err != nil {
			return false, "", err
		}
		if pending == 0 {
			return true, "already answered", nil
		}
		if n.Kind == flows.NudgeFollowup2 && conv.State != flows.StateFollowup {
			return true, "conversation moved on", nil
		}
	case flows.NudgeReassess:
		done, err := tx.HasAssessmentSince(ctx, n.PersonID, "follow_up", n.CreatedAt)
		if err != nil {
			return false, "", err
		}
		if done {
			return true, "already re-checked", nil
		}
	}
	return false, "", nil
}

// stepNudge runs the flows for a nudge and queues its messages, in the caller's transaction.
func (e *Engine) stepNudge(ctx context.Context, tx *store.Tx, p store.Person, conv store.Conversation, n store.Nudge, now time.Time) error {
	st := flows.State{Flow: conv.Flow, Name: conv.State}
	if err := json.Unmarshal([]byte(conv.Data), &st.Data); err != nil {
		st.Data = flows.Data{}
	}
	in := flows.Input{Channel: p.Channel, Now: now, Loc: e.Config.Location, Finder: e.Directory,
		Profile: flows.Profile{Locale: p.Language, AgeGroup: p.AgeGroup, Age: p.Age, Borough: p.Borough,
			Consented: true}}
	if e.Directory == nil {
		in.Finder = nil
	}
	res, err := e.Machine.Nudge(ctx, st, flows.NudgeInput{Kind: n.Kind, Service: n.Service, When: n.Detail}, in)
	if err != nil {
		return err
	}
	if err := e.apply(ctx, tx, &p, &conv, p.Channel, res.Effects, now); err != nil {
		return err
	}
	if err := e.enqueue(ctx, tx, p.ID, p.Channel, res.Replies, now); err != nil {
		return err
	}
	data, err := json.Marshal(res.State.Data)
	if err != nil {
		return err
	}
	conv.Flow, conv.State, conv.Data = res.State.Flow, res.State.Name, string(data)
	return tx.SaveConversation(ctx, conv, now)
}

// QuietUntil reports whether t falls in quiet hours and, if so, when they end.
func (p NudgePolicy) QuietUntil(t time.Time) (time.Time, bool) {
	if p.Quiet.Off {
		return time.Time{}, false
	}
	loc := p.Location
	if loc == nil {
		loc = time.UTC
	}
	local := t.In(loc)
	clock := time.Duration(local.Hour())*time.Hour + time.Duration(local.Minute())*time.Minute +
		time.Duration(local.Second())*time.Second
	start, end := p.Quiet.Start, p.Quiet.End
	var quiet, endsTomorrow bool
	if start < end {
		quiet = clock >= start && clock < end
	} else {
		quiet = clock >= start || clock < end
		endsTomorrow = clock >= start
	}
	if !quiet {
		return time.Time{}, false
	}
	y, m, d := local.Date()
	if endsTomorrow {
		d++
	}
	// time.Date in the location gives the wall-clock end on both sides of a BST/GMT change.
	return time.Date(y, m, d, int(end/time.Hour), int(end%time.Hour/time.Minute), 0, 0, loc), true
}

// DueAt adds a delay to now. Whole days are added on the local calendar, so that a nudge
// scheduled at 10:00 for "three days later" is due at 10:00 local even across a BST/GMT change.
func DueAt(now time.Time, after time.Duration, loc *time.Location) time.Time {
	const day = 24 * time.Hour
	if loc == nil || after%day != 0 {
		return now.Add(after)
	}
	return now.In(loc).AddDate(0, 0, int(after/day))
}
