package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// runOK runs a command that must succeed and returns its stdout.
func runOK(t *testing.T, getenv func(string) string, stdin string, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if err := run(context.Background(), append([]string{"signpost"}, args...), getenv, strings.NewReader(stdin), &out, &errs); err != nil {
		t.Fatalf("signpost %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return out.String()
}

func TestDirectoryImport(t *testing.T) {
	getenv := env("SIGNPOST_DATABASE_URL", "sqlite:"+filepath.Join(t.TempDir(), "d.db"))
	full := filepath.Join("..", "..", "content", "directory", "testdata", "service_full.json")
	list := filepath.Join("..", "..", "content", "directory", "testdata", "service_list.json")
	out := runOK(t, getenv, "", "directory", "import", full)
	if !strings.Contains(out, "1 imported, 0 updated, 0 unchanged, 0 rejected") {
		t.Errorf("first import: %s", out)
	}
	out = runOK(t, getenv, "", "directory", "import", full)
	if !strings.Contains(out, "0 imported, 0 updated, 1 unchanged, 0 rejected") {
		t.Errorf("import is not idempotent: %s", out)
	}
	out = runOK(t, getenv, "", "directory", "import", list)
	// The paginated example holds the same service (same id) in its list shape.
	if !strings.Contains(out, "0 imported, 1 updated, 0 unchanged, 0 rejected") {
		t.Errorf("page import: %s", out)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`[{"id": "a1", "name": "Good"}, {"name": "No id"}, {"id": "c3", "name": "Closed", "status": "inactive"}]`), 0o644)
	out = runOK(t, getenv, "", "directory", "import", bad)
	for _, want := range []string{"1 imported", "2 rejected", "rejected #1", "rejected #2"} {
		if !strings.Contains(out, want) {
			t.Errorf("import of a mixed file lacks %q:\n%s", want, out)
		}
	}
	var errs bytes.Buffer
	err := run(context.Background(), []string{"signpost", "directory", "import", filepath.Join(t.TempDir(), "missing.json")}, getenv, nil, &bytes.Buffer{}, &errs)
	if code := exitCode(err, &errs); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
	os.WriteFile(bad, []byte(`not json`), 0o644)
	err = run(context.Background(), []string{"signpost", "directory", "import", bad}, getenv, nil, &bytes.Buffer{}, &errs)
	if code := exitCode(err, &errs); code == 0 {
		t.Errorf("bad JSON imported")
	}
}

// TestExports runs a journey in the terminal chat, then reads the contract's CSV exports.
func TestExports(t *testing.T) {
	getenv := env("SIGNPOST_DATABASE_URL", "sqlite:"+filepath.Join(t.TempDir(), "e.db"))
	runOK(t, getenv, "hi\nyes\nE8 1AA\n7\n5\n8\n2\nrent arrears, lonely\n", "chat", "--channel", "sms", "--from", "+447700900777")
	cases := []struct {
		kind   string
		header string
		rows   int
	}{
		{"assessments", "person_id,channel,instrument,occasion,item,score,band,completed_at", 4},
		{"referrals", "person_id,service_id,service_name,need,suggested_at,followed_up,contacted", 3},
		{"people", "person_id,channel,area,age_group,language,first_contact_at,consented,opted_out", 1},
		{"handoffs", "handoff_id,person_id,channel,reason,urgent,status,opened_at,claimed_by,closed_at,outcome", 0},
	}
	for _, tc := range cases {
		t.Run(tc.kind, func(t *testing.T) {
			out := runOK(t, getenv, "", "export", tc.kind)
			records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(records[0], ",") != tc.header {
				t.Errorf("header %v", records[0])
			}
			if len(records)-1 != tc.rows {
				t.Errorf("%d rows, want %d:\n%s", len(records)-1, tc.rows, out)
			}
			for _, r := range records[1:] {
				if strings.Contains(strings.Join(r, ","), "7700900777") {
					t.Errorf("a phone number in an export: %v", r)
				}
			}
		})
	}
	out := runOK(t, getenv, "", "export", "assessments")
	for _, want := range []string{",sms,ons4,baseline,life_satisfaction,7,high,", ",anxiety,2,low,"} {
		if !strings.Contains(out, want) {
			t.Errorf("assessments lack %q:\n%s", want, out)
		}
	}
	if out := runOK(t, getenv, "", "export", "people"); !strings.Contains(out, ",sms,E8,adult,en,") {
		t.Errorf("people: %s", out)
	}
	if out := runOK(t, getenv, "", "export", "assessments", "--from", "2000-01-01", "--to", "2000-12-31"); strings.Count(out, "\n") != 1 {
		t.Errorf("a period with no data exported rows: %s", out)
	}
	if out := runOK(t, getenv, "", "nudges", "list"); !strings.HasPrefix(out, "nudge_id,person_id,kind,due_at,status") ||
		!strings.Contains(out, ",followup,") || !strings.Contains(out, ",reassess,") {
		t.Errorf("nudges list: %s", out)
	}
}

func TestContentCheck(t *testing.T) {
	out := runOK(t, env(), "", "content", "check")
	if !strings.Contains(out, "0 errors") {
		t.Errorf("built-in content: %s", out)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "locales"), 0o755)
	os.WriteFile(filepath.Join(dir, "locales", "en.yaml"), []byte("help: It’s broken\n"), 0o644)
	var stdout, errs bytes.Buffer
	err := run(context.Background(), []string{"signpost", "content", "check", dir}, env(), nil, &stdout, &errs)
	if code := exitCode(err, &errs); code != 1 || !strings.Contains(stdout.String(), "force UCS-2") {
		t.Errorf("bad content: exit %d\n%s", code, stdout.String())
	}
}

// serve tunes the garbage collector unless the operator has: GOGC and GOMEMLIMIT win.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	tuneGC(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent = %d, want 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != serveMemoryLimit {
		t.Errorf("memory limit = %d, want %d", got, serveMemoryLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	tuneGC(func(name string) string { return map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}[name] })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left alone (100)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, memory limit = %d, want it left alone", got)
	}
}

// SIGNPOST_DEBUG_ADDR serves Go's profiler on a listener of its own.
func TestDebugServer(t *testing.T) {
	srv, addr, err := debugServer("127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	r, err := http.Get("http://" + addr + "/debug/pprof/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusOK {
		t.Fatalf("profiler: %s", r.Status)
	}
	// An address that cannot be listened on is a configuration error (exit 2).
	if _, _, err := debugServer(addr, slog.New(slog.DiscardHandler)); err == nil {
		t.Fatal("a second profiler on the same address started")
	} else if _, ok := err.(*configError); !ok {
		t.Fatalf("err = %T %v, want a configError", err, err)
	}
}

// The load tool plays residents through the journey against a server it starts, and reports
// every message answered.
func TestLoadtest(t *testing.T) {
	t.Setenv(asMainEnv, "1") // the server it starts is this test binary, run as signpost
	out := runOK(t, env(), "", "loadtest", "--people", "4", "--concurrency", "2")
	for _, want := range []string{
		"inbound webhooks:      60 in", ", 0 errors",
		"(60 measured)",
		"replies at provider:   92 (0 inbound messages had no reply within 10s)",
		"server peak RSS:",
		"CPU per inbound:       servers ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
