package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime/debug"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/signpost-nhs/signpost/bot"
	"github.com/signpost-nhs/signpost/channels/console"
	"github.com/signpost-nhs/signpost/channels/telegram"
	"github.com/signpost-nhs/signpost/channels/twilio"
	"github.com/signpost-nhs/signpost/channels/web"
	"github.com/signpost-nhs/signpost/dashboard"
	"github.com/signpost-nhs/signpost/flows"
)

func newConsoleSender(w io.Writer) *console.Sender { return console.NewSender(w) }

func newChat(eng *bot.Engine, disp *bot.Dispatcher, channel, from string, in io.Reader, out io.Writer) *console.Chat {
	return &console.Chat{Engine: eng, Dispatcher: disp, Channel: channel, From: from, In: in, Out: out, Prompt: "you> "}
}

func cmdServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve", stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{"serve takes no arguments"}
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	tuneGC(getenv)
	a, err := openApp(ctx, getenv, log, true)
	if err != nil {
		return err
	}
	defer a.store.Close()
	metrics := bot.NewMetrics()
	metrics.WatchQueues(a.store, log)
	eng, err := a.engine(ctx, metrics)
	if err != nil {
		return err
	}
	welcome, err := firstAdmin(ctx, a.store)
	if err != nil {
		return err
	}
	dash, err := dashboard.New(dashboard.Config{Store: a.store, Engine: eng, Log: log, PublicURL: a.cfg.PublicURL,
		Location: a.cfg.Location})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	webCh := web.New(eng, a.store)
	senders := map[string]bot.Sender{flows.ChannelWeb: webCh}
	routes(mux, a, metrics, webCh, dash)
	var tg *telegram.Channel
	if a.cfg.TwilioAccountSID != "" && a.cfg.TwilioAuthToken != "" {
		sms, err := twilio.New(twilio.Config{AccountSID: a.cfg.TwilioAccountSID, AuthToken: a.cfg.TwilioAuthToken,
			From: a.cfg.TwilioFrom, MessagingServiceSID: a.cfg.TwilioMessagingService, APIURL: a.cfg.TwilioAPIURL,
			PublicURL: a.cfg.PublicURL, SendRate: a.cfg.TwilioSendRate}, eng, a.store, log, metrics)
		if err != nil {
			return &configError{"TWILIO_*", "(hidden)", err.Error()}
		}
		sms.Register(mux)
		senders[flows.ChannelSMS] = sms
		log.Info("SMS channel on (Twilio)")
	}
	if a.cfg.TelegramToken != "" {
		tg, err = telegram.New(ctx, telegram.Config{Token: a.cfg.TelegramToken, WebhookSecret: a.cfg.TelegramSecret,
			APIURL: a.cfg.TelegramAPIURL, PublicURL: a.cfg.PublicURL, SendRate: a.cfg.TelegramSendRate}, eng, a.store, log, metrics)
		if err != nil {
			return fmt.Errorf("telegram: %w", err)
		}
		tg.Register(mux)
		senders[flows.ChannelTelegram] = tg
		log.Info("Telegram channel on", "webhook", tg.Webhook())
	}
	disp := bot.NewDispatcher(a.store, senders, log, time.Now)
	disp.Metrics = metrics
	eng.Sent = disp.Wake
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	ln, err := net.Listen("tcp", a.cfg.Addr)
	if err != nil {
		return &configError{"SIGNPOST_ADDR", a.cfg.Addr, err.Error()}
	}
	if a.cfg.DebugAddr != "" {
		dbg, _, err := debugServer(a.cfg.DebugAddr, log)
		if err != nil {
			ln.Close()
			return err
		}
		defer dbg.Close()
	}
	fmt.Fprintf(stdout, "Signpost is listening on http://%s (try it: http://%s/try; dashboard: http://%s/dashboard/)\n",
		ln.Addr(), ln.Addr(), ln.Addr())
	if welcome != "" {
		fmt.Fprintln(stdout, welcome)
	}
	log.Info("serving", "addr", ln.Addr().String(), "database", string(a.store.Dialect()))
	if problem, err := a.store.MaintenanceProblem(ctx); err != nil {
		log.Warn("could not check the database's maintenance settings", "err", err)
	} else if problem != "" {
		log.Warn(problem)
	}

	// Workers stop only after the server has drained, so in-flight messages are still sent.
	workers, stopWorkers := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Go(func() { disp.Run(workers) })
	wg.Go(func() { refreshDirectory(workers, eng.Directory, log) })
	sched := bot.NewScheduler(eng, bot.NudgePolicy{Quiet: a.cfg.QuietHours, Location: a.cfg.Location, PerWeek: a.cfg.NudgesPerWeek})
	wg.Go(func() { sched.Run(workers) })
	// Residents' own erasure requests, once confirmed and answered, and the retention purge.
	hk := &bot.Housekeeper{Store: a.store, Retention: a.cfg.Retention, Log: log, Now: time.Now, NewID: bot.NewID}
	wg.Go(func() { hk.Run(workers) })
	wg.Go(func() { dash.RunSessionSweeper(workers) })

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if tg != nil {
		// After the listener is up: in webhook mode Run registers the webhook and returns; in
		// polling mode it polls until shutdown.
		wg.Go(func() {
			if err := tg.Run(workers); err != nil && workers.Err() == nil {
				log.Error("telegram", "err", err)
			}
		})
	}
	select {
	case err = <-errc:
	case <-ctx.Done():
		log.Info("shutting down: draining in-flight requests")
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
		err = srv.Shutdown(sctx)
		cancel()
	}
	// The dispatcher sends what the last requests queued before it stops.
	stopWorkers()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	log.Info("stopped")
	return err
}

// tuneGC sets the garbage collector for a server whose live heap is small and steady: collect
// when the heap has grown fivefold (GOGC=400) rather than doubled, within a soft memory limit
// (GOMEMLIMIT) that keeps the process small. At the load test's peak on SQLite, against Go's
// defaults: 1,680 -> 1,810 inbound messages a second, and peak RSS 110 -> 93 MB. An operator's
// GOGC or GOMEMLIMIT wins.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

// serveMemoryLimit is the Go runtime's soft memory limit for `serve` (SQLite's page cache is
// outside it).
const serveMemoryLimit = 64 << 20

// refreshDirectory reloads the services each minute, so an import on any instance reaches all.
func refreshDirectory(ctx context.Context, d *bot.Directory, log *slog.Logger) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := d.Refresh(ctx); err != nil && ctx.Err() == nil {
				log.Error("refresh directory", "err", err)
			}
		}
	}
}

// routes lists every route of the server in one place.
func routes(mux *http.ServeMux, a *app, metrics *bot.Metrics, webCh *web.Channel, dash *dashboard.Server) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.Handle("GET /readyz", readyz(a))
	mux.Handle("GET /metrics", promhttp.HandlerFor(metrics.Registry, promhttp.HandlerOpts{}))
	webCh.Register(mux)
	dash.Register(mux)
}

// debugServer serves Go's profiler on its own listener (SIGNPOST_DEBUG_ADDR), never on the
// public one: keep it on loopback or a private network.
func debugServer(addr string, log *slog.Logger) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", &configError{"SIGNPOST_DEBUG_ADDR", addr, err.Error()}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	log.Info("profiler on", "addr", ln.Addr().String())
	return srv, ln.Addr().String(), nil
}

// readyz answers 200 while the database answers, and 503 otherwise (a load balancer then
// stops sending traffic to this instance).
func readyz(a *app) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := a.store.Ping(ctx); err != nil {
			a.log.Error("readiness: database unreachable", "err", err)
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
}
