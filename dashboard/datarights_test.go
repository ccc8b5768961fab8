package dashboard_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

// TestEraseAndSubjectAccess: an administrator downloads everything held about a person, then
// erases them after confirming; a link worker can do neither.
func TestEraseAndSubjectAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		e := newEnv(t, s, "")
		e.account(worker, "linkworker", password)
		e.account(admin, "admin", password)
		const phone = "+447700900020"
		pid := e.resident(phone, "Hi", "yes", "SW9 8AB", "6", "7", "5", "2", "I've got debts at Larkspur Mews", "LINK")
		before, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}

		lw := e.loggedIn(worker, password)
		if r := lw.get("/dashboard/people/" + pid); strings.Contains(r.body, "Erase this person") || strings.Contains(r.body, "export.json") {
			t.Error("a link worker is offered erasure or the subject access download")
		}
		if r := lw.get("/dashboard/people/" + pid + "/export.json"); r.status != http.StatusForbidden {
			t.Errorf("link worker download: %d, want 403", r.status)
		}
		if r := lw.post("/dashboard/people/"+pid+"/erase", url.Values{"confirm": {pid}}); r.status != http.StatusForbidden {
			t.Errorf("link worker erase: %d, want 403", r.status)
		}

		ad := e.loggedIn(admin, password)
		page := ad.get("/dashboard/people/" + pid)
		if !strings.Contains(page.body, "Erase this person") || !strings.Contains(page.body, "Download everything held (JSON)") {
			t.Fatal("the admin's person page lacks the data rights actions")
		}
		r := ad.get("/dashboard/people/" + pid + "/export.json")
		var doc struct {
			Identities []struct{ Address string }
			Messages   []struct{ Body string }
			Audit      []struct{ Action string }
		}
		if err := json.Unmarshal([]byte(r.body), &doc); err != nil || r.status != 200 {
			t.Fatalf("download: %d %v\n%.500s", r.status, err, r.body)
		}
		if len(doc.Identities) != 1 || doc.Identities[0].Address != phone || len(doc.Messages) < 9 || len(doc.Audit) == 0 {
			t.Errorf("download = %+v", doc)
		}
		if !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("download is not an attachment")
		}

		// Without the confirmation nothing happens.
		ad.get("/dashboard/people/" + pid)
		if r := ad.post("/dashboard/people/"+pid+"/erase", url.Values{"confirm": {"yes"}}); r.status != http.StatusUnprocessableEntity ||
			!strings.Contains(r.body, "Nothing was erased") {
			t.Errorf("erase without confirmation: %d", r.status)
		}
		if _, err := s.Person(ctx, pid); err != nil {
			t.Fatalf("erased without confirmation: %v", err)
		}
		if r := ad.post("/dashboard/people/"+pid+"/erase", url.Values{"confirm": {pid}}); r.status != http.StatusSeeOther ||
			r.location != "/dashboard/?done=erased" {
			t.Fatalf("erase: %d to %q", r.status, r.location)
		}
		if r := ad.get("/dashboard/people/" + pid); r.status != http.StatusNotFound {
			t.Errorf("the erased person's page: %d, want 404", r.status)
		}
		for _, needle := range []string{phone, "Larkspur"} {
			if hits := storetest.FindText(t, s, needle); len(hits) > 0 {
				t.Errorf("%q still held in %v", needle, hits)
			}
		}
		after, err := s.Report(ctx, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if after.People != before.People || after.HandoffsTotal != before.HandoffsTotal || len(after.Needs) != len(before.Needs) {
			t.Errorf("report totals changed: %+v -> %+v", before, after)
		}
		var exports, erasures int
		for _, a := range e.audit(store.AuditExport) {
			if a.Subject == pid && a.Actor == admin {
				exports++
			}
		}
		for _, a := range e.audit(store.AuditErase) {
			if a.Subject == pid && a.Actor == admin && a.IP != "" {
				erasures++
			}
		}
		if exports != 1 || erasures != 1 {
			t.Errorf("audit: %d subject access downloads, %d erasures; want 1 and 1", exports, erasures)
		}
	})
}
