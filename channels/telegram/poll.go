package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// offsetKey is the setting that holds the next getUpdates offset across restarts.
const offsetKey = "telegram.offset"

// poller is the long-polling loop's state; it lives on Run's goroutine only.
type poller struct {
	c      *Channel
	offset int64
	// failingID and failures count consecutive failures of one update.
	failingID int64
	failures  int
}

// poll receives updates by long polling getUpdates (https://core.telegram.org/bots/api#getupdates).
// Telegram forgets an update once getUpdates is called with a higher offset, so the loop asks
// for the next offset only after the update has been handled, and stores it for a restart only
// then. A crash in between makes Telegram deliver the update again, which the engine's
// deduplication by update_id makes harmless. (The library's GetUpdatesChan confirms an update
// before it is handled, so a crash would lose it.)
func (c *Channel) poll(ctx context.Context) error {
	// getUpdates answers 409 Conflict while a webhook is set.
	if !c.retry(ctx, "deleteWebhook", func(ctx context.Context) error {
		_, err := c.api(ctx).Request(tgbotapi.DeleteWebhookConfig{})
		return err
	}) {
		return nil
	}
	p := &poller{c: c}
	if !c.retry(ctx, "load offset", func(ctx context.Context) error {
		v, err := c.store.Setting(ctx, offsetKey)
		if err != nil || v == "" {
			return err
		}
		if p.offset, err = strconv.ParseInt(v, 10, 64); err != nil {
			// An unreadable offset only means Telegram resends what it still holds.
			c.log.Warn("telegram stored offset unreadable; starting from Telegram's", "err", err)
			p.offset = 0
		}
		return nil
	}) {
		return nil
	}
	c.log.Info("telegram long polling started")
	for attempt := 0; ; {
		err := p.once(ctx)
		if ctx.Err() != nil {
			c.log.Info("telegram long polling stopped")
			return nil
		}
		if err == nil {
			attempt = 0
			continue
		}
		var te *tgbotapi.Error
		if errors.As(err, &te) && te.Code == http.StatusConflict {
			c.log.Error("telegram getUpdates conflict: another instance is polling with this token, or a webhook is set", "err", err)
		} else {
			c.log.Warn("telegram polling failed; retrying", "err", err, "attempt", attempt+1)
		}
		if !c.sleep(ctx, c.backoff(attempt)) {
			return nil
		}
		attempt++
	}
}

// once fetches one batch of updates and handles them in order. It stops at the first update
// that fails, so that update is fetched again after the caller's backoff.
func (p *poller) once(ctx context.Context) error {
	c := p.c
	params := tgbotapi.Params{"timeout": strconv.Itoa(int(c.pollTimeout / time.Second)), "allowed_updates": allowedUpdates}
	if p.offset > 0 {
		params["offset"] = strconv.FormatInt(p.offset, 10)
	}
	rctx, cancel := context.WithTimeout(ctx, c.pollTimeout+requestTimeout)
	resp, err := c.api(rctx).MakeRequest("getUpdates", params)
	cancel()
	if err != nil {
		return fmt.Errorf("getUpdates: %w", c.redact(err))
	}
	// Each update is decoded on its own, so that one Signpost cannot read is skipped rather
	// than failing the batch for good.
	var raws []json.RawMessage
	if err := json.Unmarshal(resp.Result, &raws); err != nil {
		return fmt.Errorf("getUpdates result: %w", err)
	}
	for _, raw := range raws {
		var u update
		if err := json.Unmarshal(raw, &u); err != nil {
			var id struct {
				UpdateID int64 `json:"update_id"`
			}
			if json.Unmarshal(raw, &id) != nil || id.UpdateID < p.offset {
				continue
			}
			c.log.Error("telegram update unreadable; skipped", "update", id.UpdateID, "err", err)
			p.confirm(ctx, id.UpdateID)
			continue
		}
		if u.UpdateID < p.offset {
			continue
		}
		if err := c.process(ctx, u); err != nil {
			if ctx.Err() != nil || !p.giveUp(ctx, u.UpdateID) {
				return fmt.Errorf("update %d: %w", u.UpdateID, err)
			}
			c.log.Error("telegram update keeps failing; skipped", "update", u.UpdateID, "attempts", p.failures, "err", err)
		}
		p.confirm(ctx, u.UpdateID)
	}
	return nil
}

// giveUp counts a failure of update id and reports whether to skip it: after
// maxUpdateAttempts failures in a row, and only while the database answers. A database that
// is down fails every update, and they should wait for it rather than be dropped; an update
// that fails with the database up would otherwise block every later one.
func (p *poller) giveUp(ctx context.Context, id int64) bool {
	if id != p.failingID {
		p.failingID, p.failures = id, 0
	}
	p.failures++
	if p.failures < p.c.maxUpdateAttempts {
		return false
	}
	pctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	return p.c.store.Ping(pctx) == nil
}

// confirm moves past update id: Telegram learns it at the next getUpdates, a restart from the
// stored setting.
func (p *poller) confirm(ctx context.Context, id int64) {
	p.offset = id + 1
	if p.failingID == id {
		p.failingID, p.failures = 0, 0
	}
	// The update is handled: store its offset even if shutdown has begun.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), requestTimeout)
	defer cancel()
	if err := p.c.store.SetSetting(sctx, offsetKey, strconv.FormatInt(p.offset, 10), p.c.now()); err != nil {
		// Not fatal: after a restart Telegram would resend the update, and the engine ignores it.
		p.c.log.Warn("telegram offset not stored", "err", err)
	}
}

// retry runs fn until it succeeds or ctx is done, backing off between failures. It reports
// whether fn succeeded.
func (c *Channel) retry(ctx context.Context, what string, fn func(context.Context) error) bool {
	for attempt := 0; ; attempt++ {
		rctx, cancel := context.WithTimeout(ctx, requestTimeout)
		err := fn(rctx)
		cancel()
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		c.log.Warn("telegram "+what+" failed; retrying", "err", c.redact(err), "attempt", attempt+1)
		if !c.sleep(ctx, c.backoff(attempt)) {
			return false
		}
	}
}
