package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
)

func cmdNudges(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
		fmt.Fprintln(stdout, "Usage: signpost nudges list\n\nCSV of scheduled nudges: nudge_id,person_id,kind,due_at,status")
		return nil
	}
	if len(args) != 1 || args[0] != "list" {
		return &usageError{"usage: signpost nudges list"}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	ns, err := a.store.Nudges(ctx)
	if err != nil {
		return err
	}
	w := csv.NewWriter(stdout)
	w.UseCRLF = true
	w.Write([]string{"nudge_id", "person_id", "kind", "due_at", "status"})
	for _, n := range ns {
		w.Write([]string{n.ID, n.PersonID, n.Kind, ts(n.DueAt), n.Status})
	}
	w.Flush()
	return w.Error()
}
