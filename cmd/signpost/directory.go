package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/content/directory"
)

func cmdDirectory(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	const synopsis = "directory import FILE"
	if len(args) == 0 || args[0] != "import" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprintln(stdout, "Usage: signpost directory import FILE\n\nImports community services from Open Referral UK / HSDS 3.0 JSON: one service,\n"+
				"a list, or a paginated {\"contents\": [...]} page. Idempotent by service id.")
			return nil
		}
		return &usageError{"usage: signpost " + synopsis}
	}
	fs := newFlags("directory import", synopsis, stdout)
	flagArgs, pos := splitArgs(args[1:])
	if err := parseFlags(fs, flagArgs); err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{"usage: signpost " + synopsis}
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return &usageError{fmt.Sprintf("directory import: %v", err)}
	}
	svcs, rejected, err := directory.Parse(data)
	if err != nil {
		return &exitError{1, fmt.Sprintf("directory import %s: %v", pos[0], err)}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	var inserted, updated, unchanged int
	now := time.Now()
	err = a.store.InTx(ctx, func(tx *store.Tx) error {
		inserted, updated, unchanged = 0, 0, 0
		for _, s := range svcs {
			ins, chg, err := tx.UpsertService(ctx, s.ID, s.Name, filepath.Base(pos[0]), s.Raw, now)
			if err != nil {
				return fmt.Errorf("service %s: %w", s.ID, err)
			}
			switch {
			case ins:
				inserted++
				fmt.Fprintf(stdout, "imported %s %q\n", s.ID, s.Name)
			case chg:
				updated++
				fmt.Fprintf(stdout, "updated  %s %q\n", s.ID, s.Name)
			default:
				unchanged++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range rejected {
		fmt.Fprintf(stdout, "rejected #%d %s %q: %s\n", r.Index, r.ID, r.Name, r.Reason)
	}
	fmt.Fprintf(stdout, "%d imported, %d updated, %d unchanged, %d rejected\n", inserted, updated, unchanged, len(rejected))
	return nil
}
