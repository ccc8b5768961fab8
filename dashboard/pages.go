package dashboard

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/export"
	"github.com/signpost-nhs/signpost/bot/store"
)

// Channels a handoff can come from, for the queue's filter.
var channels = []string{"sms", "telegram", "web", "console"}

// done messages confirm an action after its redirect.
var done = map[string]string{
	"password": "Your new password is saved.",
	"claimed":  "You have claimed this handoff. The person has been told a link worker has joined.",
	"replied":  "Your reply is on its way.",
	"handback": "The assistant has the conversation again, and the person has been told.",
	"closed":   "The handoff is closed and its outcome recorded.",
	"noted":    "Your note is saved.",
	"erased":   "The person is erased: their number, messages, notes and answers are gone. Anonymous counts remain in the reports.",
}

func (s *Server) queue(w http.ResponseWriter, r *http.Request) error {
	a := current(r)
	q := r.URL.Query()
	f := store.QueueFilter{Status: q.Get("status"), Borough: q.Get("borough"), Channel: q.Get("channel")}
	switch f.Status {
	case "", "active", "open", "claimed", "closed", "all":
	default:
		f.Status = ""
	}
	ctx := r.Context()
	hs, err := s.store.Queue(ctx, f)
	if err != nil {
		return err
	}
	counts, err := s.store.CountQueue(ctx, a.Email)
	if err != nil {
		return err
	}
	boroughs, err := s.store.QueueBoroughs(ctx)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "queue", map[string]any{"Title": "Handoff queue", "Handoffs": hs, "Counts": counts,
		"Filter": f, "Boroughs": boroughs, "Channels": channels, "Done": done[q.Get("done")]})
	return nil
}

// counts answers the queue's live counts (polled by dashboard.js).
func (s *Server) counts(w http.ResponseWriter, r *http.Request) error {
	c, err := s.store.CountQueue(r.Context(), current(r).Email)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(c)
}

// ons4Row is one ONS4 item on a person's page: baseline and latest follow-up.
type ons4Row struct {
	Item                 string
	Base, Follow         *store.AssessmentRow
	Change               int
	HasChange, LowerGood bool
}

func (s *Server) person(w http.ResponseWriter, r *http.Request) error {
	return s.renderPerson(w, r, r.PathValue("id"), http.StatusOK, "")
}

// renderPerson shows a person's page, with a problem to report if there is one. Every view is
// audited.
func (s *Server) renderPerson(w http.ResponseWriter, r *http.Request, id string, status int, problem string) error {
	a := current(r)
	ctx := r.Context()
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return err
	}
	if err := s.store.Audit(ctx, store.AuditEntry{At: s.now(), Actor: a.Email, Action: store.AuditViewPerson, Subject: p.ID,
		IP: clientIP(r)}); err != nil {
		return err
	}
	mode, err := s.store.ConversationMode(ctx, p.ID)
	if err != nil {
		return err
	}
	handoffs, err := s.store.PersonHandoffs(ctx, p.ID)
	if err != nil {
		return err
	}
	var open *store.Handoff
	for i := range handoffs {
		if handoffs[i].Status != "closed" {
			open = &handoffs[i]
		}
	}
	scores, err := s.store.PersonAssessments(ctx, p.ID)
	if err != nil {
		return err
	}
	needs, err := s.store.PersonNeeds(ctx, p.ID)
	if err != nil {
		return err
	}
	referrals, err := s.store.PersonReferrals(ctx, p.ID)
	if err != nil {
		return err
	}
	nudges, err := s.store.PersonNudges(ctx, p.ID)
	if err != nil {
		return err
	}
	transcript, err := s.store.Transcript(ctx, p.ID)
	if err != nil {
		return err
	}
	notes, err := s.store.Notes(ctx, p.ID)
	if err != nil {
		return err
	}
	rows := make([]ons4Row, 0, 4)
	var bars []pairBar
	for _, item := range store.ONS4Items {
		row := ons4Row{Item: item, LowerGood: item == "anxiety"}
		for i := range scores {
			sc := &scores[i]
			if sc.Instrument != "ons4" || sc.Item != item {
				continue
			}
			switch sc.Occasion {
			case "baseline":
				if row.Base == nil {
					row.Base = sc
				}
			case "follow_up":
				row.Follow = sc
			}
		}
		bar := pairBar{Label: label(item)}
		if row.Base != nil {
			bar.A, bar.HasA = float64(row.Base.Score), true
		}
		if row.Follow != nil {
			bar.B, bar.HasB = float64(row.Follow.Score), true
		}
		if row.Base != nil && row.Follow != nil {
			row.Change, row.HasChange = row.Follow.Score-row.Base.Score, true
		}
		rows = append(rows, row)
		bars = append(bars, bar)
	}
	var lastID int64
	if len(transcript) > 0 {
		lastID = transcript[len(transcript)-1].ID
	}
	s.render(w, r, status, "person", map[string]any{
		"Title": "Person " + p.ID, "Person": p, "Mode": mode, "Handoffs": handoffs, "Open": open,
		"Mine": open != nil && open.Status == "claimed" && open.ClaimedBy == a.Email,
		"ONS4": rows, "HasScores": len(scores) > 0, "Chart": pairChart("ONS4 wellbeing: baseline and follow-up", "Baseline", "Follow-up", 10, bars),
		"Needs": needs, "Referrals": referrals, "Nudges": nudges, "Transcript": transcript, "LastID": lastID, "Notes": notes,
		"Outcomes": bot.Outcomes, "Problem": problem, "Done": done[r.URL.Query().Get("done")],
	})
	return nil
}

// messages returns a person's messages after an id, for the transcript's live update.
func (s *Server) messages(w http.ResponseWriter, r *http.Request) error {
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	ms, err := s.store.MessagesAfter(r.Context(), r.PathValue("id"), after, 200)
	if err != nil {
		return err
	}
	type msg struct {
		ID     int64  `json:"id"`
		In     bool   `json:"in"`
		Author string `json:"author"`
		Body   string `json:"body"`
		At     string `json:"at"`
	}
	out := []msg{}
	for _, m := range ms {
		out = append(out, msg{ID: m.ID, In: m.Direction == "in", Author: author(m), Body: m.Body, At: s.when(m.CreatedAt)})
	}
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(map[string]any{"messages": out})
}

// act runs a link worker's action on a person and redirects to their page; a refusal the
// worker can act on (someone else claimed it, the person said STOP) is shown on the page.
func (s *Server) act(w http.ResponseWriter, r *http.Request, personID, doneKey, audit, detail string, fn func() error) error {
	if err := fn(); err != nil {
		for _, known := range []error{bot.ErrClaimedByOther, bot.ErrNotClaimed, bot.ErrClosed, bot.ErrOptedOut,
			bot.ErrBadOutcome, bot.ErrNeedService, bot.ErrBadReply} {
			if errors.Is(err, known) {
				msg := err.Error()
				return s.renderPerson(w, r, personID, http.StatusConflict, strings.ToUpper(msg[:1])+msg[1:]+".")
			}
		}
		return err
	}
	if audit != "" {
		if err := s.store.Audit(r.Context(), store.AuditEntry{At: s.now(), Actor: current(r).Email, Action: audit,
			Subject: personID, Detail: detail, IP: clientIP(r)}); err != nil {
			return err
		}
	}
	http.Redirect(w, r, "/dashboard/people/"+url.PathEscape(personID)+"?done="+doneKey+"#actions", http.StatusSeeOther)
	return nil
}

func (s *Server) claim(w http.ResponseWriter, r *http.Request) error {
	h, err := s.store.Handoff(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.act(w, r, h.PersonID, "claimed", store.AuditClaim, "handoff "+h.ID, func() error {
		_, err := s.engine.Claim(r.Context(), h.ID, current(r).worker())
		return err
	})
}

func (s *Server) reply(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	text := r.PostFormValue("text")
	return s.act(w, r, id, "replied", store.AuditReply, fmt.Sprintf("%d characters", len([]rune(strings.TrimSpace(text)))), func() error {
		return s.engine.Reply(r.Context(), id, current(r).worker(), text)
	})
}

func (s *Server) handBack(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	return s.act(w, r, id, "handback", store.AuditHandBack, "", func() error {
		return s.engine.HandBack(r.Context(), id, current(r).worker())
	})
}

func (s *Server) close(w http.ResponseWriter, r *http.Request) error {
	h, err := s.store.Handoff(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	c := bot.Closing{Outcome: r.PostFormValue("outcome"), ServiceID: r.PostFormValue("service")}
	if c.Outcome != bot.OutcomeConnected {
		c.ServiceID = ""
	}
	return s.act(w, r, h.PersonID, "closed", store.AuditClose, "handoff "+h.ID+": "+c.Outcome, func() error {
		_, err := s.engine.Close(r.Context(), h.ID, current(r).worker(), c)
		return err
	})
}

func (s *Server) addNote(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	body := strings.TrimSpace(r.PostFormValue("note"))
	if body == "" || len(body) > 5000 {
		return s.renderPerson(w, r, id, http.StatusUnprocessableEntity, "A note must have 1 to 5,000 characters.")
	}
	if _, err := s.store.Person(r.Context(), id); err != nil {
		return err
	}
	return s.act(w, r, id, "noted", store.AuditNote, "", func() error {
		return s.store.AddNote(r.Context(), store.Note{PersonID: id, Author: current(r).Email, Body: body, CreatedAt: s.now()})
	})
}

// period reads ?from=YYYY-MM-DD&to=YYYY-MM-DD (to inclusive).
func period(r *http.Request) (store.Period, string, string, error) {
	q := r.URL.Query()
	from, to := q.Get("from"), q.Get("to")
	var p store.Period
	var err error
	if p.From, err = export.ParseDate(from, false); err != nil {
		return p, from, to, &httpError{status: http.StatusBadRequest, msg: "Give dates as YYYY-MM-DD."}
	}
	if p.To, err = export.ParseDate(to, true); err != nil {
		return p, from, to, &httpError{status: http.StatusBadRequest, msg: "Give dates as YYYY-MM-DD."}
	}
	return p, from, to, nil
}

func (s *Server) reports(w http.ResponseWriter, r *http.Request) error {
	p, from, to, err := period(r)
	if err != nil {
		return err
	}
	rep, err := s.store.Report(r.Context(), p)
	if err != nil {
		return err
	}
	var unmet []store.Count
	for _, u := range rep.Unmet {
		unmet = append(unmet, store.Count{Key: u.Borough + ": " + s.needName(u.Need), N: u.N})
	}
	var outcomes []store.Count
	for _, o := range rep.Handoffs {
		outcomes = append(outcomes, store.Count{Key: label(o.Outcome), N: o.N})
	}
	var needs []store.Count
	for _, n := range rep.Needs {
		needs = append(needs, store.Count{Key: s.needName(n.Key), N: n.N})
	}
	var ons []pairBar
	for _, c := range rep.ONS4 {
		ons = append(ons, pairBar{Label: label(c.Item), A: c.BaselineMean, B: c.FollowUpMean, HasA: c.N > 0, HasB: c.N > 0})
	}
	query := url.Values{}
	if from != "" {
		query.Set("from", from)
	}
	if to != "" {
		query.Set("to", to)
	}
	qs := ""
	if len(query) > 0 {
		qs = "?" + query.Encode()
	}
	s.render(w, r, http.StatusOK, "reports", map[string]any{
		"Title": "Reports", "R": rep, "From": from, "To": to, "Query": qs, "Kinds": export.Kinds,
		"ChannelChart": barChart("People by channel", relabel(rep.ByChannel, channelName)),
		"BoroughChart": barChart("People by borough", rep.ByBorough),
		"AgeChart":     barChart("People by age group", relabel(rep.ByAgeGroup, label)),
		"WeekChart":    barChart("People by week of first contact (week starting)", rep.ByWeek),
		"NeedsChart":   barChart("Needs by category", needs),
		"UnmetChart":   barChart("Unmet needs by borough", unmet),
		"OutcomeChart": barChart("Handoffs by outcome", outcomes),
		"ONS4Chart":    pairChart("ONS4 mean scores, baseline and follow-up (paired)", "Baseline", "Follow-up", 10, ons),
	})
	return nil
}

func relabel(cs []store.Count, name func(string) string) []store.Count {
	out := make([]store.Count, len(cs))
	for i, c := range cs {
		out[i] = store.Count{Key: name(c.Key), N: c.N}
	}
	return out
}

// export downloads one of the contract's CSV exports; every download is audited.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	kind := strings.TrimSuffix(r.PathValue("kind"), ".csv")
	if !export.Valid(kind) {
		return &httpError{status: http.StatusNotFound, msg: "There is no such export."}
	}
	p, from, to, err := period(r)
	if err != nil {
		return err
	}
	if err := s.store.Audit(r.Context(), store.AuditEntry{At: s.now(), Actor: current(r).Email, Action: store.AuditExport,
		Subject: kind, Detail: strings.TrimSpace("from " + from + " to " + to), IP: clientIP(r)}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="signpost-%s-%s.csv"`, kind, s.now().Format("2006-01-02")))
	return export.CSV(r.Context(), s.store, kind, p, w)
}

func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.AuditFilter{Actor: store.NormalizeEmail(q.Get("actor")), Action: q.Get("action"), Subject: q.Get("subject"), Limit: 500}
	es, err := s.store.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	actions := []string{store.AuditLoginSuccess, store.AuditLoginFailure, store.AuditAccountLocked, store.AuditLogout,
		store.AuditPassword, store.AuditViewPerson, store.AuditClaim, store.AuditReply, store.AuditHandBack, store.AuditClose,
		store.AuditNote, store.AuditExport, store.AuditErase, store.AuditUserAdd}
	slices.Sort(actions)
	s.render(w, r, http.StatusOK, "audit", map[string]any{"Title": "Audit log", "Entries": es, "Filter": f, "Actions": actions})
	return nil
}

func (s *Server) users(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, nil)
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, extra map[string]any) error {
	us, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	data := map[string]any{"Title": "Accounts", "Users": us, "Now": s.now()}
	for k, v := range extra {
		data[k] = v
	}
	s.render(w, r, status, "users", data)
	return nil
}

// addUser creates an account and shows its one-time password once.
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) error {
	email, name, role := r.PostFormValue("email"), r.PostFormValue("name"), r.PostFormValue("role")
	pw, err := CreateAccount(r.Context(), s.store, email, name, role, s.now())
	if errors.Is(err, store.ErrExists) {
		return s.renderUsers(w, r, http.StatusConflict, map[string]any{"Error": "There is already an account for that email."})
	}
	if err != nil {
		return s.renderUsers(w, r, http.StatusUnprocessableEntity, map[string]any{"Error": "Check the email and role: " + err.Error() + "."})
	}
	if err := s.store.Audit(r.Context(), store.AuditEntry{At: s.now(), Actor: current(r).Email, Action: store.AuditUserAdd,
		Subject: store.NormalizeEmail(email), Detail: role, IP: clientIP(r)}); err != nil {
		return err
	}
	return s.renderUsers(w, r, http.StatusOK, map[string]any{"Created": store.NormalizeEmail(email), "Password": pw})
}

func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: true} }

func author(m store.Message) string {
	switch {
	case m.Direction == "in":
		return "Resident"
	case m.Author == "bot" || m.Author == "":
		return "Assistant"
	}
	return m.Author
}
