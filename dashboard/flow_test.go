package dashboard_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestHandoffOverHTTP takes an urgent handoff from the queue to a closed outcome through the
// dashboard's forms, and checks the audit log records each step.
func TestHandoffOverHTTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		e.account("kim@example.org", "linkworker", password)
		routine := e.resident("+447700900010", "Hi", "yes", "LINK")
		urgent := e.resident("+447700900011", "Hi", "yes", "SW9 8AB", "6", "7", "5", "2",
			"I've got debts and I'm lonely since my wife died", "I want to end my life")
		c := e.loggedIn(worker, password)

		q := c.get("/dashboard/")
		iu, ir := strings.Index(q.body, urgent), strings.Index(q.body, routine)
		if iu < 0 || ir < 0 || iu > ir {
			t.Fatalf("queue should list the urgent handoff (%d) before the older routine one (%d)", iu, ir)
		}
		if !strings.Contains(q.body, "Urgent") {
			t.Error("queue does not mark the urgent handoff")
		}
		if r := c.get("/dashboard/?channel=telegram"); strings.Contains(r.body, urgent) {
			t.Error("channel filter kept an SMS handoff")
		}
		if r := c.get("/dashboard/?borough=Lambeth"); !strings.Contains(r.body, urgent) || strings.Contains(r.body, routine) {
			t.Error("borough filter: want only the Lambeth resident")
		}

		page := c.get("/dashboard/people/" + urgent)
		for _, want := range []string{"end my life", "Life satisfaction", "<svg", "Money and debt", "Claim and reply"} {
			if !strings.Contains(page.body, want) {
				t.Errorf("person page lacks %q", want)
			}
		}
		hs, _ := s.PersonHandoffs(ctx, urgent)
		h := hs[0]
		if r := c.post("/dashboard/handoffs/"+h.ID+"/claim", nil); r.status != http.StatusSeeOther {
			t.Fatalf("claim: %d", r.status)
		}
		kim := e.loggedIn("kim@example.org", password)
		kim.get("/dashboard/people/" + urgent)
		if r := kim.post("/dashboard/people/"+urgent+"/reply", url.Values{"text": {"me too"}}); r.status != http.StatusConflict ||
			!strings.Contains(strings.ToLower(r.body), "another link worker") {
			t.Errorf("reply by a second worker: %d", r.status)
		}
		if r := c.post("/dashboard/people/"+urgent+"/reply", url.Values{"text": {"Hello, this is Sam from the link worker team."}}); r.status != http.StatusSeeOther {
			t.Fatalf("reply: %d", r.status)
		}
		if r := c.post("/dashboard/people/"+urgent+"/handback", nil); r.status != http.StatusSeeOther {
			t.Fatalf("hand back: %d", r.status)
		}
		refs, _ := s.PersonReferrals(ctx, urgent)
		if r := c.post("/dashboard/handoffs/"+h.ID+"/close", url.Values{"outcome": {"connected"}, "service": {refs[0].ServiceID}}); r.status != http.StatusSeeOther {
			t.Fatalf("close: %d", r.status)
		}
		got, _ := s.Handoff(ctx, h.ID)
		if got.Outcome != "connected" || got.SNOMEDCode != "871731000000106" || got.OutcomeServiceID != refs[0].ServiceID {
			t.Errorf("closed handoff: %+v", got)
		}
		ms, _ := s.Transcript(ctx, urgent)
		var worker string
		for _, m := range ms {
			if m.Body == "Hello, this is Sam from the link worker team." {
				worker = m.Author
			}
		}
		if worker != "sam@example.org" {
			t.Errorf("the reply is not in the transcript as Sam's (author %q)", worker)
		}
		if r := c.get("/dashboard/reports"); !strings.Contains(r.body, "Connected") {
			t.Error("reports do not show the connected outcome")
		}
		r := c.get("/dashboard/exports/handoffs.csv")
		if r.status != 200 || !strings.HasPrefix(r.body, "handoff_id,person_id,channel,reason,urgent,status,opened_at,claimed_by,closed_at,outcome\r\n") ||
			!strings.Contains(r.body, ",connected\r\n") {
			t.Errorf("handoffs export: %d\n%s", r.status, r.body)
		}

		for action, want := range map[string]int{store.AuditViewPerson: 3, store.AuditClaim: 1, store.AuditReply: 1,
			store.AuditHandBack: 1, store.AuditClose: 1, store.AuditExport: 1, store.AuditLoginSuccess: 2} {
			es := e.audit(action)
			if len(es) != want {
				t.Errorf("%d %s entries, want %d", len(es), action, want)
				continue
			}
			if es[0].Actor == "" || es[0].At.IsZero() {
				t.Errorf("%s entry without who or when: %+v", action, es[0])
			}
		}
		if es := e.audit(store.AuditReply); len(es) == 1 && (es[0].Actor != "sam@example.org" || es[0].Subject != urgent) {
			t.Errorf("reply audited as %+v", es[0])
		}
	})
}
