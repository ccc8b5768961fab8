package dashboard

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/bot/store"
)

// Password rules (NIST SP 800-63B): a length range and nothing else; no composition rules.
const (
	MinPassword = 12
	MaxPassword = 128
	// oneTimeValid is how long a one-time password from `signpost users add` stays usable.
	oneTimeValid = 7 * 24 * time.Hour
)

// argon2id parameters: OWASP's minimum (19 MiB, 2 passes, 1 lane), about 30 ms here.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(password string) string {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// CheckPassword reports whether password matches a hash from HashPassword.
func CheckPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is compared against when an email is unknown, so that a login takes as long
// whether or not the account exists.
var dummyHash = HashPassword("not a real password, only for timing")

// checkNewPassword applies the password rules; the message is safe to show.
func checkNewPassword(password, email string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPassword:
		return fmt.Errorf("choose a password of at least %d characters (a few words together is easy to remember)", MinPassword)
	case n > MaxPassword:
		return fmt.Errorf("choose a password of at most %d characters", MaxPassword)
	case strings.EqualFold(strings.TrimSpace(password), email):
		return errors.New("choose a password that is not your email address")
	}
	return nil
}

// NewOneTimePassword returns a random password for a new account: 20 characters from an
// alphabet without look-alikes (about 100 bits).
func NewOneTimePassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:5]) + "-" + string(b[5:10]) + "-" + string(b[10:15]) + "-" + string(b[15:])
}

// CreateAccount adds a dashboard account with a one-time password, which it returns: the
// password must be changed at first login and expires unused after a week.
func CreateAccount(ctx context.Context, s *store.Store, email, name, role string, now time.Time) (string, error) {
	email = store.NormalizeEmail(email)
	if !validEmail(email) {
		return "", fmt.Errorf("%q is not an email address", email)
	}
	if role != store.RoleLinkWorker && role != store.RoleAdmin {
		return "", fmt.Errorf("role must be %s or %s, not %q", store.RoleLinkWorker, store.RoleAdmin, role)
	}
	pw := NewOneTimePassword()
	err := s.CreateUser(ctx, store.User{ID: bot.NewID("u_"), Email: email, Name: strings.TrimSpace(name), Role: role,
		PasswordHash: HashPassword(pw), MustChange: true, PasswordExpiresAt: nullTime(now.Add(oneTimeValid)), CreatedAt: now})
	if err != nil {
		return "", err
	}
	return pw, nil
}

func validEmail(e string) bool {
	local, domain, ok := strings.Cut(e, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(e, " \t\r\n<>\"") && len(e) <= 254
}

// access says who may use a route.
type access int

const (
	anyone     access = 1 << iota // any logged-in user
	adminOnly                     // admins only
	mustChange                    // also a user who must still replace a one-time password
)

type ctxKey struct{}

// account is the logged-in user of a request.
type account struct {
	store.User
	session store.Session
	idHash  string
}

func current(r *http.Request) *account {
	a, _ := r.Context().Value(ctxKey{}).(*account)
	return a
}

func (a *account) worker() bot.Worker { return bot.Worker{Email: a.Email, Name: a.Name} }

// user wraps a handler that needs a logged-in user: it checks the session's idle and absolute
// timeouts, the role, the one-time password, and on every POST the form's CSRF token.
func (s *Server) user(h handler, need access) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.session(r)
		if err != nil {
			return err
		}
		if a == nil {
			s.clearCookie(w)
			if r.Method == http.MethodGet && !strings.Contains(r.Header.Get("Accept"), "application/json") {
				next := r.URL.RequestURI()
				http.Redirect(w, r, "/dashboard/login?next="+url.QueryEscape(next), http.StatusSeeOther)
				return nil
			}
			if r.Method != http.MethodGet {
				http.Redirect(w, r, "/dashboard/login", http.StatusSeeOther)
				return nil
			}
			return &httpError{status: http.StatusUnauthorized, msg: "Your session has ended. Log in again."}
		}
		if r.Method == http.MethodPost {
			if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(a.session.CSRFToken)) != 1 {
				return &httpError{status: http.StatusForbidden, msg: "This form has expired. Go back, reload the page and try again."}
			}
		}
		if a.MustChange && need&mustChange == 0 {
			http.Redirect(w, r, "/dashboard/password", http.StatusSeeOther)
			return nil
		}
		if need&adminOnly != 0 && !a.IsAdmin() {
			return &httpError{status: http.StatusForbidden, msg: "Only administrators can see this page."}
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, a)))
	}
}

// session returns the request's live session, or nil; it ends expired sessions.
func (s *Server) session(r *http.Request) (*account, error) {
	ck, err := r.Cookie(s.cookie)
	if err != nil || ck.Value == "" || len(ck.Value) > 100 {
		return nil, nil
	}
	idHash := hashID(ck.Value)
	sess, u, err := s.store.SessionByHash(r.Context(), idHash)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if now.Sub(sess.LastSeenAt) > s.cfg.IdleTimeout || now.Sub(sess.CreatedAt) > s.cfg.AbsoluteTimeout || u.Disabled {
		if err := s.store.DeleteSession(r.Context(), idHash); err != nil {
			return nil, err
		}
		return nil, nil
	}
	// The page's background polls must not keep an unattended session alive.
	if !background(r) && now.Sub(sess.LastSeenAt) > 10*time.Second {
		if err := s.store.TouchSession(r.Context(), idHash, now); err != nil {
			return nil, err
		}
	}
	return &account{User: u, session: sess, idHash: idHash}, nil
}

func hashID(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:])
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// startSession creates a session with a fresh random id and sets its cookie.
func (s *Server) startSession(ctx context.Context, w http.ResponseWriter, userID string) error {
	id := randomToken()
	now := s.now()
	if err := s.store.CreateSession(ctx, store.Session{IDHash: hashID(id), UserID: userID, CSRFToken: randomToken(),
		CreatedAt: now, LastSeenAt: now}); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: id, Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteStrictMode, MaxAge: int(s.cfg.AbsoluteTimeout / time.Second)})
	return nil
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: "", Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteStrictMode, MaxAge: -1})
}

const loginFailed = "Email or password not recognised. After 10 failed attempts an account is locked for 15 minutes."

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	if a, err := s.session(r); err == nil && a != nil {
		http.Redirect(w, r, "/dashboard/", http.StatusSeeOther)
		return nil
	}
	s.render(w, r, http.StatusOK, "login", map[string]any{"Title": "Log in", "Next": safeNext(r.URL.Query().Get("next"))})
	return nil
}

// login checks an email and password. Every attempt is audited; the message never says which
// of the two was wrong, nor whether the account is locked.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	email := store.NormalizeEmail(r.PostFormValue("email"))
	password := r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	if len(email) > 254 {
		email = email[:254]
	}
	ctx := r.Context()
	now := s.now()
	fail := func(reason string) error {
		if err := s.store.Audit(ctx, store.AuditEntry{At: now, Actor: email, Action: store.AuditLoginFailure, Detail: reason,
			IP: clientIP(r)}); err != nil {
			return err
		}
		s.render(w, r, http.StatusUnauthorized, "login", map[string]any{"Title": "Log in", "Error": loginFailed,
			"Email": email, "Next": next})
		return nil
	}
	u, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		CheckPassword(dummyHash, password)
		return fail("unknown account")
	}
	if err != nil {
		return err
	}
	if u.LockedUntil.Valid && now.Before(u.LockedUntil.Time) {
		return fail("account locked")
	}
	if u.Disabled {
		return fail("account disabled")
	}
	if !CheckPassword(u.PasswordHash, password) {
		since := now.Add(-failureWindow)
		if u.LastLoginAt.Valid && u.LastLoginAt.Time.After(since) {
			since = u.LastLoginAt.Time
		}
		if err := fail("wrong password"); err != nil {
			return err
		}
		n, err := s.store.CountAudit(ctx, email, store.AuditLoginFailure, since)
		if err != nil {
			return err
		}
		if n >= maxFailures {
			if err := s.store.LockUser(ctx, u.ID, now.Add(lockFor)); err != nil {
				return err
			}
			s.log.Warn("dashboard account locked after failed logins", "user", u.ID)
			return s.store.Audit(ctx, store.AuditEntry{At: now, Actor: email, Action: store.AuditAccountLocked,
				Detail: fmt.Sprintf("%d failures in %s", n, failureWindow), IP: clientIP(r)})
		}
		return nil
	}
	if u.MustChange && u.PasswordExpiresAt.Valid && now.After(u.PasswordExpiresAt.Time) {
		return fail("one-time password expired")
	}
	// A fresh session id at every login: an id planted before login is worthless after it.
	if ck, err := r.Cookie(s.cookie); err == nil {
		_ = s.store.DeleteSession(ctx, hashID(ck.Value))
	}
	if err := s.startSession(ctx, w, u.ID); err != nil {
		return err
	}
	if err := s.store.RecordLogin(ctx, u.ID, now); err != nil {
		return err
	}
	if err := s.store.Audit(ctx, store.AuditEntry{At: now, Actor: email, Action: store.AuditLoginSuccess, IP: clientIP(r)}); err != nil {
		return err
	}
	if u.MustChange {
		next = "/dashboard/password"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// safeNext keeps a post-login redirect inside the dashboard.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/dashboard/") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") &&
		!strings.HasPrefix(next, "/dashboard/login") {
		return next
	}
	return "/dashboard/"
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	a := current(r)
	if err := s.store.DeleteSession(r.Context(), a.idHash); err != nil {
		return err
	}
	s.clearCookie(w)
	if err := s.store.Audit(r.Context(), store.AuditEntry{At: s.now(), Actor: a.Email, Action: store.AuditLogout, IP: clientIP(r)}); err != nil {
		return err
	}
	http.Redirect(w, r, "/dashboard/login", http.StatusSeeOther)
	return nil
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "password", map[string]any{"Title": "Choose a password"})
	return nil
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) error {
	a := current(r)
	cur, pw, confirm := r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm")
	problem := ""
	switch {
	case !CheckPassword(a.PasswordHash, cur):
		problem = "Your current password is not right."
	case pw != confirm:
		problem = "The two new passwords are not the same."
	case pw == cur:
		problem = "Choose a password different from the current one."
	default:
		if err := checkNewPassword(pw, a.Email); err != nil {
			problem = strings.ToUpper(err.Error()[:1]) + err.Error()[1:] + "."
		}
	}
	if problem != "" {
		s.render(w, r, http.StatusUnprocessableEntity, "password", map[string]any{"Title": "Choose a password", "Error": problem})
		return nil
	}
	ctx := r.Context()
	// Changing the password ends every session of the user, this one included; a new one starts.
	if err := s.store.SetPassword(ctx, a.ID, HashPassword(pw), false, time.Time{}); err != nil {
		return err
	}
	if err := s.startSession(ctx, w, a.ID); err != nil {
		return err
	}
	if err := s.store.Audit(ctx, store.AuditEntry{At: s.now(), Actor: a.Email, Action: store.AuditPassword, IP: clientIP(r)}); err != nil {
		return err
	}
	http.Redirect(w, r, "/dashboard/?done=password", http.StatusSeeOther)
	return nil
}

// background reports a request made by dashboard.js on a timer rather than by the user.
func background(r *http.Request) bool {
	return r.URL.Path == "/dashboard/counts" || strings.HasSuffix(r.URL.Path, "/messages")
}
