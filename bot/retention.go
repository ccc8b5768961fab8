package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Housekeeper is the background job that keeps Signpost's promises about data: it carries out
// residents' own erasure requests once their confirmation has gone, and purges message text and
// notes after the retention period.
type Housekeeper struct {
	Store *store.Store
	// Retention is how long after a person's last contact their messages' text and notes are
	// kept (SIGNPOST_RETENTION, 12 months by default).
	Retention time.Duration
	// EraseGrace is how long an erasure waits for its confirmation to be sent before it runs
	// anyway (a channel switched off must not hold data for ever). Zero means one day.
	EraseGrace time.Duration
	// Interval between runs; zero means one minute (an erasure follows its confirmation soon).
	Interval time.Duration
	Log      *slog.Logger
	Now      func() time.Time
	NewID    func(prefix string) string
}

// Housekeeping reports one run.
type Housekeeping struct {
	Erased []store.Erased
	Purged store.Purged
}

// RunOnce carries out due erasures and the retention purge.
func (h *Housekeeper) RunOnce(ctx context.Context) (Housekeeping, error) {
	var out Housekeeping
	now := h.Now()
	grace := h.EraseGrace
	if grace == 0 {
		grace = 24 * time.Hour
	}
	ids, err := h.Store.DueErasures(ctx, now, grace)
	if err != nil {
		return out, err
	}
	for _, id := range ids {
		e, err := h.Store.ErasePerson(ctx, store.Erase{PersonID: id, NewID: h.NewID, Now: now, Actor: "resident",
			Reason: "the person's own request (FORGET)"})
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrErased) {
			continue // erased meanwhile, from the dashboard or another instance
		}
		if err != nil {
			return out, err
		}
		h.Log.Info("erased at the person's request", "person", id)
		out.Erased = append(out.Erased, e)
	}
	if h.Retention > 0 {
		if out.Purged, err = h.Store.PurgeBefore(ctx, now.Add(-h.Retention), now); err != nil {
			return out, err
		}
		if out.Purged.Messages > 0 || out.Purged.Notes > 0 {
			h.Log.Info("retention: text removed", "messages", out.Purged.Messages, "notes", out.Purged.Notes,
				"older_than", h.Retention.String())
		}
	}
	return out, nil
}

// Run runs the housekeeping every Interval until ctx ends.
func (h *Housekeeper) Run(ctx context.Context) {
	every := h.Interval
	if every == 0 {
		every = time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := h.RunOnce(ctx); err != nil && ctx.Err() == nil {
			h.Log.Error("housekeeping", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
