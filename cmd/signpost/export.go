package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"github.com/signpost-nhs/signpost/bot/export"
	"github.com/signpost-nhs/signpost/bot/store"
)

func cmdExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if _, pos := splitArgs(args); len(pos) > 0 && pos[0] == "person" {
		rest := slices.Clone(args)
		rest = slices.Delete(rest, slices.Index(rest, "person"), slices.Index(rest, "person")+1)
		return exportPerson(ctx, rest, getenv, stdout, stderr)
	}
	fs := newFlags("export", "export assessments|handoffs|referrals|people [--from DATE] [--to DATE]\n       signpost export person --person ID   (everything held about one person, as JSON)", stdout)
	from := fs.String("from", "", "first day or time to include (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "last day to include (YYYY-MM-DD, inclusive) or time to stop before (RFC 3339)")
	flagArgs, pos := splitArgs(args)
	if err := parseFlags(fs, flagArgs); err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{"usage: signpost export assessments|handoffs|referrals|people [--from DATE] [--to DATE]"}
	}
	var p store.Period
	var err error
	if p.From, err = parseDate(*from, false); err != nil {
		return &usageError{fmt.Sprintf("export: --from %q: want YYYY-MM-DD or RFC 3339", *from)}
	}
	if p.To, err = parseDate(*to, true); err != nil {
		return &usageError{fmt.Sprintf("export: --to %q: want YYYY-MM-DD or RFC 3339", *to)}
	}
	kind := pos[0]
	if !export.Valid(kind) {
		return &usageError{fmt.Sprintf("export: unknown export %q (assessments, handoffs, referrals, people)", kind)}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	return export.CSV(ctx, a.store, kind, p, stdout)
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// parseDate reads YYYY-MM-DD (a whole day, in UTC; an end date includes its day) or RFC 3339.
func parseDate(v string, end bool) (time.Time, error) { return export.ParseDate(v, end) }
