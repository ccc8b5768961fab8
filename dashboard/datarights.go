package dashboard

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
)

// subjectAccess downloads everything held about a person as JSON (a subject access request).
// Administrators only, and audited.
func (s *Server) subjectAccess(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	sa, err := s.store.SubjectAccessReport(r.Context(), id, s.now())
	if err != nil {
		return err
	}
	if err := s.store.Audit(r.Context(), store.AuditEntry{At: s.now(), Actor: current(r).Email, Action: store.AuditExport,
		Subject: id, Detail: "subject access (JSON)", IP: clientIP(r)}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="signpost-person-%s.json"`, id))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sa)
}

// erase erases a person (see store.ErasePerson). Administrators only; the form must repeat the
// person's id, so that a slip of the mouse cannot erase anyone.
func (s *Server) erase(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if strings.TrimSpace(r.PostFormValue("confirm")) != id {
		return s.renderPerson(w, r, id, http.StatusUnprocessableEntity,
			"Nothing was erased. To erase this person, type their id ("+id+") in the box to confirm.")
	}
	_, err := s.store.ErasePerson(r.Context(), store.Erase{PersonID: id, NewID: bot.NewID, Now: s.now(),
		Actor: current(r).Email, IP: clientIP(r), Reason: "erased from the dashboard"})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/dashboard/?done=erased", http.StatusSeeOther)
	return nil
}
