package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"github.com/signpost-nhs/signpost/bot/store"
	"github.com/signpost-nhs/signpost/channels/twilio"
)

// The load tool plays residents through the real journey against `signpost serve` processes
// it starts itself, over the Twilio webhook route, signed as Twilio signs, with a fake Twilio
// REST API receiving the replies. It reports webhook throughput and latency, the time from an
// inbound message to its first reply reaching the provider, errors, and the servers' peak RSS.

// journey is what each virtual resident texts, in order, waiting for a reply each time.
var journey = []string{"Hi", "yes", "E8 1AA", "7", "6/10", "five", "4", "I'm behind on my rent and feel lonely", "MORE", "MENU", "2",
	"8", "7", "6", "3"}

const (
	loadAccountSID = "AC00000000000000000000000000load"
	loadAuthToken  = "loadtesttoken0123456789abcdef012"
	loadNumber     = "+447700900000"
)

func cmdLoadtest(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("loadtest", "loadtest [--people N] [--instances N] [--concurrency N] [--rate R] [--database URL] [--profile FILE]", stdout)
	people := fs.Int("people", 500, "virtual residents, each playing the whole journey once")
	instances := fs.Int("instances", 1, "signpost serve processes behind a round-robin proxy (use PostgreSQL for more than one)")
	concurrency := fs.Int("concurrency", 32, "residents texting at once (each waits for a reply before texting again)")
	rps := fs.Float64("rate", 0, "inbound messages per second to offer (0: as fast as the servers answer)")
	dbURL := fs.String("database", "", "database for the servers (default: a fresh SQLite file in a temporary directory)")
	profile := fs.String("profile", "", "write a 10-second CPU profile of the first server, from 2 seconds in, to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *people < 1 || *instances < 1 || *concurrency < 1 || *rps < 0 {
		return &usageError{"loadtest: --people, --instances and --concurrency must be positive, --rate not negative"}
	}
	if *instances > 1 && !strings.HasPrefix(*dbURL, "postgres") {
		return &usageError{"loadtest: several instances need --database postgres://..."}
	}
	dir, err := os.MkdirTemp("", "signpost-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *dbURL == "" {
		*dbURL = "sqlite:" + dir + "/load.db"
	}
	if strings.HasPrefix(*dbURL, "postgres") && !strings.Contains(*dbURL, "search_path=") {
		// A schema of its own, dropped afterwards, so runs never see each other's residents.
		// A URL that names a search_path (a seeded schema) is used as it is.
		u, drop, err := freshSchema(ctx, *dbURL)
		if err != nil {
			return err
		}
		defer drop()
		*dbURL = u
	}

	fake := newLoadProvider()
	fakeLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fakeSrv := &http.Server{Handler: fake, ReadHeaderTimeout: 5 * time.Second}
	go fakeSrv.Serve(fakeLn)
	defer fakeSrv.Close()

	// The servers, each on its own port. Several sit behind a round-robin proxy, as behind a
	// load balancer; one is texted directly, so the proxy's work does not eat the shared CPU.
	addrs := make([]string, *instances)
	for i := range addrs {
		if addrs[i], err = freePort(); err != nil {
			return err
		}
	}
	var proxyLn net.Listener
	public := "http://" + addrs[0]
	if *instances > 1 {
		if proxyLn, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return err
		}
		public = "http://" + proxyLn.Addr().String()
	}
	var servers []*loadServer
	defer func() {
		for _, s := range servers {
			s.stop()
		}
	}()
	for i, addr := range addrs {
		var debugAddr string
		if i == 0 && *profile != "" {
			if debugAddr, err = freePort(); err != nil {
				return err
			}
		}
		s, err := startServer(ctx, i, addr, debugAddr, *dbURL, public, "http://"+fakeLn.Addr().String(), stderr)
		if err != nil {
			return err
		}
		servers = append(servers, s)
	}
	if proxyLn != nil {
		var next atomic.Uint64
		proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
			s := servers[next.Add(1)%uint64(len(servers))]
			r.SetURL(s.url)
			r.Out.Host = r.In.Host // the signature covers the public URL, not the instance's
		}}
		proxySrv := &http.Server{Handler: proxy, ReadHeaderTimeout: 5 * time.Second}
		go proxySrv.Serve(proxyLn)
		defer proxySrv.Close()
	}
	profiled := make(chan error, 1)
	if *profile != "" {
		// A CPU profile of the first server through the middle of the run, for `go tool pprof`.
		go func() { profiled <- servers[0].cpuProfile(ctx, *profile, 2*time.Second, 10*time.Second) }()
	}

	fmt.Fprintf(stdout, "load: %d residents x %d messages, %d instance(s) on %s, concurrency %d, rate %s\n",
		*people, len(journey), *instances, store.RedactURL(*dbURL), *concurrency, rateLabel(*rps))
	cpu0 := readCPU(servers)
	res := runLoad(ctx, public, *people, *concurrency, *rps, fake)
	cpu := readCPU(servers).since(cpu0)
	// Let the last replies arrive: every first reply, then the rest until none has come for a
	// second, so that the count of replies is the whole count.
	deadline := time.Now().Add(30 * time.Second)
	for fake.pending() > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(50 * time.Millisecond)
	}
	for last := int64(-1); fake.received.Load() != last && time.Now().Before(deadline) && ctx.Err() == nil; {
		last = fake.received.Load()
		time.Sleep(time.Second)
	}
	var rss []string
	var peak float64
	for _, s := range servers {
		mb := s.peakRSS()
		peak = max(peak, mb)
		rss = append(rss, fmt.Sprintf("%.0f MB", mb))
	}
	res.print(stdout, fake)
	fmt.Fprintf(stdout, "server peak RSS:       %s (max %.0f MB)\n", strings.Join(rss, ", "), peak)
	cpu.print(stdout, res.sent)
	if *profile != "" {
		if err := <-profiled; err != nil {
			return fmt.Errorf("loadtest: profile: %w", err)
		}
		fmt.Fprintf(stdout, "CPU profile of server 0: %s (go tool pprof -top bin/signpost %s)\n", *profile, *profile)
	}
	return nil
}

func rateLabel(r float64) string {
	if r == 0 {
		return "unlimited"
	}
	return fmt.Sprintf("%.0f/s", r)
}

// loadServer is one `signpost serve` child process.
type loadServer struct {
	cmd       *exec.Cmd
	url       *url.URL
	debugAddr string // its profiler, when asked for
}

// freePort returns a loopback address that was free a moment ago.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// cpuProfile waits, then records the server's CPU for d into file.
func (s *loadServer) cpuProfile(ctx context.Context, file string, wait, d time.Duration) error {
	select {
	case <-time.After(wait):
	case <-ctx.Done():
		return ctx.Err()
	}
	u := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", s.debugAddr, int(d.Seconds()))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer r.Body.Close()
	if r.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", u, r.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func startServer(ctx context.Context, i int, addr, debugAddr, dbURL, public, fakeURL string, stderr io.Writer) (*loadServer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe, "serve")
	cmd.Env = append(os.Environ(),
		"SIGNPOST_ADDR="+addr, "SIGNPOST_DATABASE_URL="+dbURL, "SIGNPOST_PUBLIC_URL="+public,
		"TWILIO_ACCOUNT_SID="+loadAccountSID, "TWILIO_AUTH_TOKEN="+loadAuthToken, "TWILIO_FROM="+loadNumber,
		"TWILIO_API_URL="+fakeURL, "TWILIO_SEND_RATE=100000", "TELEGRAM_BOT_TOKEN=", "SIGNPOST_DEBUG_ADDR="+debugAddr)
	// Keep the servers' logs out of the report; errors still show.
	out, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			if line := sc.Text(); strings.Contains(line, `"level":"ERROR"`) {
				fmt.Fprintf(stderr, "server %d: %s\n", i, line)
			}
		}
	}()
	s := &loadServer{cmd: cmd, url: &url.URL{Scheme: "http", Host: addr}, debugAddr: debugAddr}
	deadline := time.Now().Add(60 * time.Second)
	for {
		r, err := http.Get(s.url.String() + "/readyz")
		if err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("server %d did not become ready", i)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *loadServer) stop() {
	if s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

// peakRSS reads the process's high-water resident set size from /proc, in MB.
func (s *loadServer) peakRSS() float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// cpuTimes is CPU time used so far, in clock ticks: by the servers, by PostgreSQL's processes
// on this machine (per pid, since its backends come and go), by this process, and by the whole
// machine (busy, and in all).
type cpuTimes struct {
	servers, self, busy, total int64
	postgres                   map[int]int64
}

// clockTicks is Linux's USER_HZ, the unit of /proc's CPU times (100 on every architecture Go
// runs on, whatever the kernel's own tick).
const clockTicks = 100

func readCPU(servers []*loadServer) cpuTimes {
	c := cpuTimes{postgres: map[int]int64{}}
	for _, s := range servers {
		_, t := procCPU(s.cmd.Process.Pid)
		c.servers += t
	}
	_, c.self = procCPU(os.Getpid())
	if pids, err := os.ReadDir("/proc"); err == nil {
		for _, e := range pids {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			if comm, t := procCPU(pid); comm == "postgres" {
				c.postgres[pid] = t
			}
		}
	}
	if data, err := os.ReadFile("/proc/stat"); err == nil {
		// cpu  user nice system idle iowait irq softirq steal guest guest_nice: the guest times
		// are counted in user and nice already.
		line, _, _ := strings.Cut(string(data), "\n")
		f := strings.Fields(line)
		for i, f := range f[1:min(len(f), 9)] {
			n, _ := strconv.ParseInt(f, 10, 64)
			c.total += n
			if i != 3 && i != 4 { // idle and iowait
				c.busy += n
			}
		}
	}
	return c
}

// procCPU reads a process's name and CPU time (user and system) from /proc/PID/stat.
func procCPU(pid int) (comm string, ticks int64) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", 0
	}
	// pid (comm) state ppid ...: the name may hold spaces, so split after its last ')'.
	open, end := strings.IndexByte(string(data), '('), strings.LastIndexByte(string(data), ')')
	if open < 0 || end < open {
		return "", 0
	}
	f := strings.Fields(string(data[end+1:]))
	if len(f) < 13 {
		return "", 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return string(data[open+1 : end]), utime + stime
}

// cpuUse is the CPU used over a run, in clock ticks.
type cpuUse struct {
	servers, postgres, self, busy, total int64
}

// since is the CPU used from c0 to c. A PostgreSQL process that started in between counts whole.
func (c cpuTimes) since(c0 cpuTimes) cpuUse {
	u := cpuUse{servers: c.servers - c0.servers, self: c.self - c0.self, busy: c.busy - c0.busy, total: c.total - c0.total}
	for pid, t := range c.postgres {
		u.postgres += t - c0.postgres[pid]
	}
	return u
}

// print says where the machine's CPU went, per inbound message.
func (u cpuUse) print(w io.Writer, messages int64) {
	if messages == 0 || u.total == 0 {
		return
	}
	per := func(ticks int64) string {
		return fmt.Sprintf("%.2f ms", float64(ticks)*1000/clockTicks/float64(messages))
	}
	fmt.Fprintf(w, "CPU per inbound:       servers %s, PostgreSQL %s, load tool %s, machine %s (%.0f%% busy)\n",
		per(u.servers), per(u.postgres), per(u.self), per(u.busy), 100*float64(u.busy)/float64(u.total))
}

// loadProvider is a fake Twilio Messages API. It timestamps each resident's first reply after
// an inbound message, which is when the resident would read it.
type loadProvider struct {
	mu       sync.Mutex
	waiting  map[string]*inflight // resident -> their message awaiting its first reply
	latency  []time.Duration
	received atomic.Int64
	n        atomic.Int64
	run      uint64 // random per run, for provider ids
}

type inflight struct {
	at    time.Time
	reply chan struct{} // closed at the first reply
}

func newLoadProvider() *loadProvider {
	return &loadProvider{waiting: map[string]*inflight{}, run: rand.Uint64()}
}

// sent records a resident's inbound message and returns a channel closed at its first reply.
func (p *loadProvider) sent(resident string, at time.Time) <-chan struct{} {
	f := &inflight{at: at, reply: make(chan struct{})}
	p.mu.Lock()
	p.waiting[resident] = f
	p.mu.Unlock()
	return f.reply
}

func (p *loadProvider) pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.waiting)
}

func (p *loadProvider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/Messages.json") {
		http.NotFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	to := r.PostForm.Get("To")
	now := time.Now()
	p.received.Add(1)
	p.mu.Lock()
	if f, ok := p.waiting[to]; ok {
		delete(p.waiting, to)
		p.latency = append(p.latency, now.Sub(f.at))
		close(f.reply)
	}
	p.mu.Unlock()
	// Unique across runs too, as Twilio's are: a run against a seeded database must not
	// repeat the ids of the run before.
	sid := fmt.Sprintf("SM%016x%016x", p.run, p.n.Add(1))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"sid": sid, "status": "queued", "to": to, "from": loadNumber,
		"body": r.PostForm.Get("Body"), "account_sid": loadAccountSID, "num_segments": "1"})
}

type loadResult struct {
	sent, errors int64
	noReply      int64 // inbound messages with no reply within 10s
	elapsed      time.Duration
	latency      []time.Duration
	firstErr     string
}

func runLoad(ctx context.Context, base string, people, concurrency int, rps float64, fake *loadProvider) loadResult {
	var res loadResult
	var mu sync.Mutex
	var limiter *rate.Limiter
	if rps > 0 {
		limiter = rate.NewLimiter(rate.Limit(rps), max(1, int(rps/50)))
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: concurrency}}
	residents := make(chan int)
	// New residents each run, so that a run against a database used before starts afresh.
	first := rand.IntN(90_000_000 - people)
	var wg sync.WaitGroup
	start := time.Now()
	var seq atomic.Int64
	for range min(concurrency, people) {
		wg.Go(func() {
			for i := range residents {
				from := fmt.Sprintf("+4477%08d", first+i)
				for _, text := range journey {
					if ctx.Err() != nil {
						return
					}
					if limiter != nil {
						_ = limiter.Wait(ctx)
					}
					sid := fmt.Sprintf("SM%016x%016x", rand.Uint64(), seq.Add(1))
					form := url.Values{"MessageSid": {sid}, "SmsSid": {sid}, "AccountSid": {loadAccountSID}, "From": {from},
						"To": {loadNumber}, "Body": {text}, "NumMedia": {"0"}, "NumSegments": {"1"}, "SmsStatus": {"received"},
						"ApiVersion": {"2010-04-01"}}
					req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+twilio.InboundPath, strings.NewReader(form.Encode()))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					req.Header.Set("X-Twilio-Signature", twilio.Signature(loadAuthToken, base+twilio.InboundPath, form))
					t0 := time.Now()
					replied := fake.sent(from, t0)
					r, err := client.Do(req)
					d := time.Since(t0)
					if err == nil {
						io.Copy(io.Discard, r.Body)
						r.Body.Close()
						if r.StatusCode != http.StatusOK {
							err = fmt.Errorf("status %d", r.StatusCode)
						}
					}
					mu.Lock()
					res.sent++
					if err != nil {
						res.errors++
						if res.firstErr == "" {
							res.firstErr = err.Error()
						}
					} else {
						res.latency = append(res.latency, d)
					}
					mu.Unlock()
					// Like a person, wait for the reply before texting again.
					select {
					case <-replied:
					case <-time.After(10 * time.Second):
						mu.Lock()
						res.noReply++
						mu.Unlock()
					case <-ctx.Done():
						return
					}
				}
			}
		})
	}
	for i := range people {
		select {
		case residents <- i:
		case <-ctx.Done():
		}
	}
	close(residents)
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func (r loadResult) print(w io.Writer, fake *loadProvider) {
	fake.mu.Lock()
	replies := slices.Clone(fake.latency)
	fake.mu.Unlock()
	fmt.Fprintf(w, "inbound webhooks:      %d in %.1fs = %.0f/s, %d errors", r.sent, r.elapsed.Seconds(),
		float64(r.sent)/r.elapsed.Seconds(), r.errors)
	if r.firstErr != "" {
		fmt.Fprintf(w, " (first: %s)", r.firstErr)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "webhook latency:       p50 %s, p95 %s, p99 %s\n", ms(percentile(r.latency, .50)),
		ms(percentile(r.latency, .95)), ms(percentile(r.latency, .99)))
	fmt.Fprintf(w, "inbound to 1st reply:  p50 %s, p95 %s, p99 %s (%d measured)\n", ms(percentile(replies, .50)),
		ms(percentile(replies, .95)), ms(percentile(replies, .99)), len(replies))
	fmt.Fprintf(w, "replies at provider:   %d (%d inbound messages had no reply within 10s)\n", fake.received.Load(), r.noReply)
}

// freshSchema creates an empty schema in the PostgreSQL database and returns a URL that uses it.
func freshSchema(ctx context.Context, dbURL string) (string, func(), error) {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return "", nil, err
	}
	schema := fmt.Sprintf("signpost_load_%d", time.Now().UnixNano())
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("loadtest: create schema: %w", err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		db.Close()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	}, nil
}
