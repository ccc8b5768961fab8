package bot

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/signpost-nhs/signpost/bot/store"
)

// Metrics counts what the engine and dispatcher do, for /metrics. A nil *Metrics counts nothing,
// so tests and the terminal chat need none.
type Metrics struct {
	Registry      *prometheus.Registry
	inboundTotal  *prometheus.CounterVec
	duplicates    *prometheus.CounterVec
	inboundErrors *prometheus.CounterVec
	sentTotal     *prometheus.CounterVec
	sendErrors    *prometheus.CounterVec
	crises        *prometheus.CounterVec
	webhooks      *prometheus.HistogramVec
	restepped     prometheus.Counter
}

// NewMetrics registers Signpost's metrics on a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		inboundTotal: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_inbound_messages_total",
			Help: "Inbound messages handled, by channel."}, []string{"channel"}),
		duplicates: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_inbound_duplicates_total",
			Help: "Inbound deliveries ignored as duplicates of a message already handled, by channel."}, []string{"channel"}),
		inboundErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_inbound_errors_total",
			Help: "Inbound messages that failed to be handled, by channel."}, []string{"channel"}),
		sentTotal: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_outbound_sent_total",
			Help: "Outbound messages accepted by the provider, by channel."}, []string{"channel"}),
		sendErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_provider_errors_total",
			Help: "Provider send errors, by channel and provider error code."}, []string{"channel", "code"}),
		crises: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "signpost_crisis_handoffs_total",
			Help: "Urgent handoffs raised by the safety net, by kind."}, []string{"kind"}),
		restepped: prometheus.NewCounter(prometheus.CounterOpts{Name: "signpost_inbound_restepped_total",
			Help: "Inbound messages whose flow step, taken ahead of the transaction, was taken again inside it " +
				"because the person's state had changed (or it was their first message)."}),
		webhooks: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "signpost_webhook_duration_seconds",
			Help:    "Time to answer a provider's webhook, by channel and HTTP status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"channel", "status"}),
	}
	m.Registry.MustRegister(m.webhooks, m.inboundTotal, m.duplicates, m.inboundErrors, m.sentTotal, m.sendErrors, m.crises, m.restepped,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

func (m *Metrics) inbound(channel string, duplicate bool) {
	if m == nil {
		return
	}
	if duplicate {
		m.duplicates.WithLabelValues(channel).Inc()
		return
	}
	m.inboundTotal.WithLabelValues(channel).Inc()
}

func (m *Metrics) restep() {
	if m != nil {
		m.restepped.Inc()
	}
}

func (m *Metrics) inboundError(channel string) {
	if m != nil {
		m.inboundErrors.WithLabelValues(channel).Inc()
	}
}

func (m *Metrics) sent(channel string) {
	if m != nil {
		m.sentTotal.WithLabelValues(channel).Inc()
	}
}

func (m *Metrics) sendError(channel, code string) {
	if m != nil {
		m.sendErrors.WithLabelValues(channel, code).Inc()
	}
}

func (m *Metrics) crisis(kind string) {
	if m != nil {
		m.crises.WithLabelValues(kind).Inc()
	}
}

// ObserveWebhook records how long a webhook took to answer.
func (m *Metrics) ObserveWebhook(channel string, status int, d time.Duration) {
	if m != nil {
		m.webhooks.WithLabelValues(channel, strconv.Itoa(status)).Observe(d.Seconds())
	}
}

// queueCollector reads the queues from the database at each scrape, so every instance reports
// the shared state and nothing drifts.
type queueCollector struct {
	stats func(context.Context, time.Time) (store.QueueStats, error)
	log   *slog.Logger
	descs map[string]*prometheus.Desc
}

// WatchQueues adds gauges for the outbox, due nudges and open handoffs, read from the store.
func (m *Metrics) WatchQueues(s *store.Store, log *slog.Logger) {
	d := func(name, help string) *prometheus.Desc { return prometheus.NewDesc(name, help, nil, nil) }
	m.Registry.MustRegister(&queueCollector{stats: s.Stats, log: log, descs: map[string]*prometheus.Desc{
		"outbox":     d("signpost_outbox_depth", "Messages waiting to be sent."),
		"outbox_age": d("signpost_outbox_oldest_seconds", "Age of the oldest message waiting to be sent."),
		"nudges":     d("signpost_nudges_due", "Nudges due and not yet sent (held by quiet hours, caps or crises included)."),
		"handoffs":   d("signpost_handoffs_open", "Handoffs open or claimed."),
		"urgent":     d("signpost_handoffs_urgent_open", "Urgent (crisis) handoffs open or claimed."),
	}})
}

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d
	}
}

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.stats(ctx, time.Now())
	if err != nil {
		c.log.Error("metrics: read queues", "err", err)
		return
	}
	g := func(key string, v float64) {
		ch <- prometheus.MustNewConstMetric(c.descs[key], prometheus.GaugeValue, v)
	}
	g("outbox", float64(st.OutboxPending))
	g("outbox_age", st.OutboxOldestSecs)
	g("nudges", float64(st.NudgesDue))
	g("handoffs", float64(st.HandoffsOpen))
	g("urgent", float64(st.HandoffsUrgent))
}
