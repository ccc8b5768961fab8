package bot

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
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
		webhooks: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "signpost_webhook_duration_seconds",
			Help:    "Time to answer a provider's webhook, by channel and HTTP status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"channel", "status"}),
	}
	m.Registry.MustRegister(m.webhooks, m.inboundTotal, m.duplicates, m.inboundErrors, m.sentTotal, m.sendErrors, m.crises,
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
