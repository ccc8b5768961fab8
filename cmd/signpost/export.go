package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
)

func cmdExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export assessments|handoffs|referrals|people [--from DATE] [--to DATE]", stdout)
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
	switch kind {
	case "assessments", "handoffs", "referrals", "people":
	default:
		return &usageError{fmt.Sprintf("export: unknown export %q (assessments, handoffs, referrals, people)", kind)}
	}
	a, err := openApp(ctx, getenv, newLogger(stderr, slog.LevelWarn), true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	w := csv.NewWriter(stdout)
	w.UseCRLF = true // RFC 4180
	switch kind {
	case "assessments":
		rows, err := a.store.Assessments(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "channel", "instrument", "occasion", "item", "score", "band", "completed_at"})
		for _, r := range rows {
			w.Write([]string{r.PersonID, r.Channel, r.Instrument, r.Occasion, r.Item, strconv.Itoa(r.Score), r.Band, ts(r.CompletedAt)})
		}
	case "referrals":
		rows, err := a.store.Referrals(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "service_id", "service_name", "need", "suggested_at", "followed_up", "contacted"})
		for _, r := range rows {
			w.Write([]string{r.PersonID, r.ServiceID, r.ServiceName, r.Need, ts(r.SuggestedAt), strconv.FormatBool(r.FollowedUp),
				strconv.FormatBool(r.Contacted.Valid && r.Contacted.Bool)})
		}
	case "people":
		rows, err := a.store.People(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "channel", "area", "age_group", "language", "first_contact_at", "consented", "opted_out"})
		for _, r := range rows {
			w.Write([]string{r.ID, r.Channel, r.Area, r.AgeGroup, r.Language, ts(r.FirstContactAt),
				strconv.FormatBool(r.Consented.Valid && r.Consented.Bool), strconv.FormatBool(r.OptedOut)})
		}
	case "handoffs":
		rows, err := a.store.Handoffs(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"handoff_id", "person_id", "channel", "reason", "urgent", "status", "opened_at", "claimed_by", "closed_at", "outcome"})
		for _, r := range rows {
			w.Write([]string{r.ID, r.PersonID, r.Channel, r.Reason, strconv.FormatBool(r.Urgent), r.Status, ts(r.OpenedAt),
				r.ClaimedBy, nullTS(r.ClosedAt), r.Outcome})
		}
	}
	w.Flush()
	return w.Error()
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func nullTS(t sql.NullTime) string {
	if !t.Valid {
		return ""
	}
	return ts(t.Time)
}

// parseDate reads YYYY-MM-DD (a whole day, in UTC; an end date includes its day) or RFC 3339.
func parseDate(v string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return t, err
	}
	if end {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}
