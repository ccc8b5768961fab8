package telegram

import (
	"context"
	"time"

	"github.com/signpost-nhs/signpost/bot"
)

// SetHandle replaces the engine call, so tests can make processing fail.
func SetHandle(c *Channel, h func(context.Context, bot.Inbound) (bot.Handled, error)) { c.handle = h }

// SetBackoff makes every retry wait d.
func SetBackoff(c *Channel, d time.Duration) { c.backoffMin, c.backoffMax = d, d }

// SetMaxUpdateAttempts sets how often a polled update may fail before it is skipped.
func SetMaxUpdateAttempts(c *Channel, n int) { c.maxUpdateAttempts = n }

// MaxText is the Bot API's message length limit in UTF-16 code units.
const MaxText = maxText
