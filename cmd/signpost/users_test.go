package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/signpost-nhs/signpost/bot/store/storetest"
)

func TestUsersCommand(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "users.db")
	runCmd := func(args ...string) (string, string, int) {
		var out, errs bytes.Buffer
		err := run(context.Background(), append([]string{"signpost"}, args...), env("SIGNPOST_DATABASE_URL", db),
			strings.NewReader(""), &out, &errs)
		code := exitCode(err, &errs)
		return out.String(), errs.String(), code
	}
	out, errs, code := runCmd("users", "add", "--email", "Sam@Example.org", "--role", "linkworker", "--name", "Sam")
	if code != 0 || !regexp.MustCompile(`One-time password: \S{20,}`).MatchString(out) {
		t.Fatalf("users add: exit %d\n%s%s", code, out, errs)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"users", "add", "--email", "sam@example.org", "--role", "admin"}, "already an account"},
		{[]string{"users", "add", "--email", "x@example.org", "--role", "boss"}, "--role"},
		{[]string{"users", "add", "--role", "admin"}, "--email"},
		{[]string{"users", "remove"}, "usage"},
	} {
		_, errs, code := runCmd(tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	out, _, code = runCmd("users", "list")
	want := "email,name,role,created_at,last_login_at,state\nsam@example.org,Sam,linkworker,"
	if code != 0 || !strings.HasPrefix(out, want) || !strings.Contains(out, "awaiting_first_login") {
		t.Errorf("users list:\n%s", out)
	}
}

// TestServeFirstAdmin: `signpost serve` on an empty database creates admin@localhost, prints
// its one-time password once, and that password logs in to the dashboard.
func TestServeFirstAdmin(t *testing.T) {
	dbURL := storetest.URL(t, storetest.Dialects()[0])
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"signpost", "serve"}, env("SIGNPOST_ADDR", "127.0.0.1:0", "SIGNPOST_DATABASE_URL", dbURL),
			strings.NewReader(""), &stdout, &stderr)
	}()
	pwLine := regexp.MustCompile(`admin@localhost with the one-time password\n\s+(\S+)`)
	var base, pw string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
		if m := pwLine.FindStringSubmatch(stdout.String()); m != nil {
			pw = m[1]
		}
		if base != "" && pw != "" {
			break
		}
	}
	if base == "" || pw == "" {
		t.Fatalf("serve did not print the address and a one-time password:\n%s\n%s", stdout.String(), stderr.String())
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := client.PostForm(base+"/dashboard/login", url.Values{"email": {"admin@localhost"}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/dashboard/password" {
		t.Errorf("login with the printed password: %d to %q, want the choose-a-password page", r.StatusCode, r.Header.Get("Location"))
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// A second start finds the account and creates none.
	a, err := openApp(context.Background(), env("SIGNPOST_DATABASE_URL", dbURL), newLogger(&stderr, 0), false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	if msg, err := firstAdmin(context.Background(), a.store); msg != "" || err != nil {
		t.Errorf("second start: %q, %v; want nothing", msg, err)
	}
}
