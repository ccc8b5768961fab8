package bot

import "context"

// SetBeforeTx makes e run f between the step it takes ahead and its transaction.
func SetBeforeTx(e *Engine, f func()) { e.beforeTx = f }

// Remembered reports whether e remembers the state a channel identity was left in, to step
// its next message ahead on, and whether that is the state the database holds.
func Remembered(ctx context.Context, e *Engine, channel, address string) (remembered, same bool, err error) {
	from, ok := e.recent().get(channel, address)
	if !ok {
		return false, false, nil
	}
	p, conv, err := e.Store.FindSubject(ctx, channel, address)
	if err != nil {
		return true, false, err
	}
	return true, from == e.from(p, conv), nil
}
