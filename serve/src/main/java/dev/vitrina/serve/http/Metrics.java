package dev.vitrina.serve.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters and latency histograms in Prometheus text format. Recording is lock-free ({@link
 * LongAdder}); the text is built on scrape.
 */
final class Metrics {
  /** Latency bucket upper bounds in seconds. */
  static final double[] BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
  };

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  final LongAdder eventsWritten = new LongAdder();

  /** Seconds from the newest event's time to the commit of its batch (the event-log lag). */
  volatile double eventLagSeconds = Double.NaN;

  final LongAdder eventsDuplicate = new LongAdder();
  final LongAdder exposuresQueued = new LongAdder();
  final LongAdder exposuresWritten = new LongAdder();
  final LongAdder exposuresDropped = new LongAdder();
  final LongAdder exposuresFailed = new LongAdder();

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final LongAdder sumNanos = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }
  }

  void record(String route, int status, long nanos) {
    requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
    Histogram h = latency.computeIfAbsent(route, k -> new Histogram());
    double s = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (s <= BUCKETS[i]) {
        h.counts[i].increment();
        break;
      }
    }
    h.count.increment();
    h.sumNanos.add(nanos);
  }

  String text(Map<String, String> versions, Supplier<Long> swaps) {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP vitrina_http_requests_total HTTP requests by route and status.\n");
    sb.append("# TYPE vitrina_http_requests_total counter\n");
    requests.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String[] k = e.getKey().split("\u0000");
              sb.append("vitrina_http_requests_total{route=\"")
                  .append(k[0])
                  .append("\",status=\"")
                  .append(k[1])
                  .append("\"} ")
                  .append(e.getValue().sum())
                  .append('\n');
            });
    sb.append("# HELP vitrina_http_request_duration_seconds Request latency by route.\n");
    sb.append("# TYPE vitrina_http_request_duration_seconds histogram\n");
    latency.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Histogram h = e.getValue();
              long cum = 0;
              for (int i = 0; i < BUCKETS.length; i++) {
                cum += h.counts[i].sum();
                line(sb, e.getKey(), fmt(BUCKETS[i]), cum);
              }
              long n = h.count.sum();
              line(sb, e.getKey(), "+Inf", n);
              sb.append("vitrina_http_request_duration_seconds_sum{route=\"")
                  .append(e.getKey())
                  .append("\"} ")
                  .append(fmt(h.sumNanos.sum() / 1e9))
                  .append('\n');
              sb.append("vitrina_http_request_duration_seconds_count{route=\"")
                  .append(e.getKey())
                  .append("\"} ")
                  .append(n)
                  .append('\n');
            });
    sb.append("# HELP vitrina_model_info The model version served per role (value 1).\n");
    sb.append("# TYPE vitrina_model_info gauge\n");
    versions.forEach(
        (role, version) ->
            sb.append("vitrina_model_info{role=\"")
                .append(escape(role))
                .append("\",version=\"")
                .append(escape(version))
                .append("\"} 1\n"));
    counter(sb, "vitrina_model_swaps_total", "Model swaps seen since start.", swaps.get());
    counter(sb, "vitrina_events_written_total", "Events newly committed.", eventsWritten.sum());
    double lag = eventLagSeconds;
    if (!Double.isNaN(lag)) {
      sb.append(
              "# HELP vitrina_event_log_lag_seconds Time from the newest event of the last"
                  + " committed batch to its commit.\n")
          .append("# TYPE vitrina_event_log_lag_seconds gauge\n")
          .append("vitrina_event_log_lag_seconds ")
          .append(lag)
          .append('\n');
    }
    counter(
        sb,
        "vitrina_events_duplicates_total",
        "Events skipped as already logged.",
        eventsDuplicate.sum());
    counter(sb, "vitrina_exposures_queued_total", "Exposure events queued.", exposuresQueued.sum());
    counter(
        sb,
        "vitrina_exposures_written_total",
        "Exposure events committed.",
        exposuresWritten.sum());
    counter(
        sb,
        "vitrina_exposures_dropped_total",
        "Exposure events dropped because the queue was full.",
        exposuresDropped.sum());
    counter(
        sb,
        "vitrina_exposures_failed_total",
        "Exposure events whose append failed.",
        exposuresFailed.sum());
    return sb.toString();
  }

  private static void line(StringBuilder sb, String route, String le, long v) {
    sb.append("vitrina_http_request_duration_seconds_bucket{route=\"")
        .append(route)
        .append("\",le=\"")
        .append(le)
        .append("\"} ")
        .append(v)
        .append('\n');
  }

  private static void counter(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n");
    sb.append(name).append(' ').append(v).append('\n');
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%s", d);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
