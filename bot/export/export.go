// Package export writes the contract's CSV exports (assessments, handoffs, referrals, people),
// shared by `signpost export` and the dashboard's downloads.
package export

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Kinds lists the CSV exports.
var Kinds = []string{"assessments", "handoffs", "referrals", "people"}

// Valid reports whether kind names a CSV export.
func Valid(kind string) bool { return slices.Contains(Kinds, kind) }

// CSV writes one export for the period as RFC 4180 CSV, header row first.
func CSV(ctx context.Context, s *store.Store, kind string, p store.Period, out io.Writer) error {
	w := csv.NewWriter(out)
	w.UseCRLF = true // RFC 4180
	switch kind {
	case "assessments":
		rows, err := s.Assessments(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "channel", "instrument", "occasion", "item", "score", "band", "completed_at"})
		for _, r := range rows {
			w.Write([]string{r.PersonID, r.Channel, r.Instrument, r.Occasion, r.Item, strconv.Itoa(r.Score), r.Band, ts(r.CompletedAt)})
		}
	case "referrals":
		rows, err := s.Referrals(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "service_id", "service_name", "need", "suggested_at", "followed_up", "contacted"})
		for _, r := range rows {
			w.Write([]string{r.PersonID, r.ServiceID, r.ServiceName, r.Need, ts(r.SuggestedAt), strconv.FormatBool(r.FollowedUp),
				strconv.FormatBool(r.Contacted.Valid && r.Contacted.Bool)})
		}
	case "people":
		rows, err := s.People(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"person_id", "channel", "area", "age_group", "language", "first_contact_at", "consented", "opted_out"})
		for _, r := range rows {
			w.Write([]string{r.ID, r.Channel, r.Area, r.AgeGroup, r.Language, ts(r.FirstContactAt),
				strconv.FormatBool(r.Consented.Valid && r.Consented.Bool), strconv.FormatBool(r.OptedOut)})
		}
	case "handoffs":
		rows, err := s.Handoffs(ctx, p)
		if err != nil {
			return err
		}
		w.Write([]string{"handoff_id", "person_id", "channel", "reason", "urgent", "status", "opened_at", "claimed_by", "closed_at", "outcome"})
		for _, r := range rows {
			w.Write([]string{r.ID, r.PersonID, r.Channel, r.Reason, strconv.FormatBool(r.Urgent), r.Status, ts(r.OpenedAt),
				r.ClaimedBy, nullTS(r.ClosedAt), r.Outcome})
		}
	default:
		return fmt.Errorf("unknown export %q", kind)
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

// ParseDate reads YYYY-MM-DD (a whole day, in UTC; an end date includes its day) or RFC 3339;
// "" is an open bound.
func ParseDate(v string, end bool) (time.Time, error) {
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
