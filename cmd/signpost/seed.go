package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"
)

func cmdSeed(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("seed", "seed --people N [--from I]", stdout)
	people := fs.Int("people", 1000, "residents to add, each with history and one pending nudge")
	from := fs.Int("from", 0, "number of the first resident (to add more to a seeded database)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *people < 1 || *from < 0 {
		return &usageError{"seed: --people must be positive and --from not negative"}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	start := time.Now()
	last := time.Now()
	err = a.store.Seed(ctx, *from, *people, time.Now(), func(done int) {
		if time.Since(last) > 5*time.Second || done == *people {
			last = time.Now()
			fmt.Fprintf(stdout, "seeded %d of %d residents (%.0f/s)\n", done, *people, float64(done)/time.Since(start).Seconds())
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seeded %d residents in %s\n", *people, time.Since(start).Round(time.Second))
	return nil
}
