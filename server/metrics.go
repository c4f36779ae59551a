package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (never the global one), so that several servers can live in one process.
type metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec   // route, method, status
	latency      *prometheus.HistogramVec // route
	inFlight     prometheus.Gauge
	rejected     *prometheus.CounterVec // reason
	bytesIn      prometheus.Counter
	pages        *prometheus.CounterVec // kind
	lines        prometheus.Counter
	training     *prometheus.CounterVec // event, result
	samples      prometheus.Counter
	modelVersion prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "winnow_http_request_duration_seconds",
			Help:    "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "winnow_http_requests_in_flight", Help: "HTTP requests being served.",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_http_rejected_total", Help: "Requests refused by the concurrency limit, by reason.",
		}, []string{"reason"}),
		bytesIn: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "winnow_http_request_bytes_total", Help: "Request body bytes read (as sent, before gunzip).",
		}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_pages_cleaned_total", Help: "Pages cleaned, by input kind (html or text).",
		}, []string{"kind"}),
		lines: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "winnow_lines_classified_total", Help: "Lines classified by /v1/classify.",
		}),
		training: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_training_events_total", Help: "Training events (learn, unlearn, rollback) by result (ok, rejected, error).",
		}, []string{"event", "result"}),
		samples: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "winnow_trained_samples_total", Help: "Samples learned or unlearned (before weighting).",
		}),
		modelVersion: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "winnow_model_version", Help: "Version of the model being served.",
		}),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.latency, m.inFlight, m.rejected, m.bytesIn, m.pages, m.lines,
		m.training, m.samples, m.modelVersion,
	)
	return m
}

// handler serves the registry in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
