package bot

// SetBeforeTx makes e run f between the step it takes ahead and its transaction.
func SetBeforeTx(e *Engine, f func()) { e.beforeTx = f }
