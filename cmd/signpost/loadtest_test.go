package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The load tool's CPU accounting: a process's time from /proc, and the use over a run, where a
// PostgreSQL backend that started during the run counts whole and one that ended is not counted.
func TestCPUAccounting(t *testing.T) {
	comm, before := procCPU(os.Getpid())
	if comm == "" {
		t.Skip("no /proc here")
	}
	// Spend some CPU, and see it counted (ticks are hundredths of a second).
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if _, now := procCPU(os.Getpid()); now >= before+3 {
			break
		}
		for i := 0; i < 1_000_000; i++ {
			_ = strings.Repeat("x", i%3)
		}
	}
	if _, after := procCPU(os.Getpid()); after < before+3 {
		t.Errorf("CPU ticks %d -> %d after spinning: not counted", before, after)
	}
	if comm, _ := procCPU(-1); comm != "" {
		t.Errorf("a process that does not exist read as %q", comm)
	}

	c0 := cpuTimes{servers: 100, self: 10, busy: 500, total: 1000, postgres: map[int]int64{7: 40, 8: 60}}
	c1 := cpuTimes{servers: 250, self: 30, busy: 1300, total: 2000, postgres: map[int]int64{7: 90, 9: 25}}
	got := c1.since(c0)
	want := cpuUse{servers: 150, self: 20, busy: 800, total: 1000, postgres: 50 + 25}
	if got != want {
		t.Errorf("since = %+v, want %+v", got, want)
	}
	var out strings.Builder
	got.print(&out, 1000)
	if line := out.String(); !strings.Contains(line, "servers 1.50 ms, PostgreSQL 0.75 ms, load tool 0.20 ms, machine 8.00 ms (80% busy)") {
		t.Errorf("report: %q", line)
	}
}
