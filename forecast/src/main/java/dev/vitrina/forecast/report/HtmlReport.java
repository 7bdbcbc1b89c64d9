package dev.vitrina.forecast.report;

import dev.vitrina.core.html.Html;
import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds one HTML file with no external resources (inline SVG, inline CSS), written atomically.
 *
 * <p>Usage: {@code new HtmlReport("title").table(rows).plot(p).write(path)}.
 */
public final class HtmlReport {

  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  /**
   * One row of the metric table.
   *
   * @param model the model name
   * @param level the level it was evaluated at (e.g. {@code store,item,day})
   * @param metrics metric name to value, shown in insertion order
   */
  public record MetricRow(String model, String level, Map<String, Double> metrics) {}

  /**
   * A chart of one series: its recent history, the actuals after the origin and each model's
   * forecast.
   *
   * @param title the series' name
   * @param history values before the origin (shown in grey)
   * @param actual values from the origin on
   * @param forecasts model name to forecast, each as long as {@code actual}
   */
  public record SeriesPlot(
      String title, double[] history, double[] actual, Map<String, double[]> forecasts) {}

  private final String title;
  private final List<String> notes = new ArrayList<>();
  private final List<MetricRow> rows = new ArrayList<>();
  private final List<SeriesPlot> plots = new ArrayList<>();

  public HtmlReport(String title) {
    this.title = title;
  }

  /** Adds a line of text under the title (e.g. the command that produced the report). */
  public HtmlReport note(String text) {
    notes.add(text);
    return this;
  }

  public HtmlReport table(List<MetricRow> r) {
    rows.addAll(r);
    return this;
  }

  public HtmlReport plot(SeriesPlot p) {
    plots.add(p);
    return this;
  }

  /** The HTML text. */
  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:")
        .append("collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
        .append("th:first-child,td:first-child,td:nth-child(2){text-align:left}")
        .append(".plot{display:inline-block;margin:1em}</style></head><body><h1>")
        .append(Html.escape(title))
        .append("</h1>");
    for (String n : notes) {
      b.append("<p><code>").append(Html.escape(n)).append("</code></p>");
    }
    if (!rows.isEmpty()) {
      Map<String, Boolean> cols = new LinkedHashMap<>();
      for (MetricRow r : rows) {
        r.metrics().keySet().forEach(k -> cols.put(k, true));
      }
      b.append("<h2>Metrics</h2><table><tr><th>model</th><th>level</th>");
      cols.keySet().forEach(c -> b.append("<th>").append(Html.escape(c)).append("</th>"));
      b.append("</tr>");
      for (MetricRow r : rows) {
        b.append("<tr><td>").append(Html.escape(r.model())).append("</td><td>");
        b.append(Html.escape(r.level())).append("</td>");
        for (String c : cols.keySet()) {
          Double v = r.metrics().get(c);
          b.append("<td>").append(v == null ? "" : fmt(v)).append("</td>");
        }
        b.append("</tr>");
      }
      b.append("</table>");
    }
    if (!plots.isEmpty()) {
      b.append("<h2>Actual vs forecast</h2>");
      for (SeriesPlot p : plots) {
        b.append(svg(p));
      }
    }
    return b.append("</body></html>\n").toString();
  }

  /** Writes the report atomically. */
  public void write(Path file) throws IOException {
    AtomicWrite.writeString(file, html());
  }

  static String svg(SeriesPlot p) {
    int w = 520;
    int h = 220;
    int pad = 30;
    int n = p.history().length + p.actual().length;
    double max = 1e-9;
    for (double v : p.history()) {
      max = Math.max(max, v);
    }
    for (double v : p.actual()) {
      max = Math.max(max, v);
    }
    for (double[] f : p.forecasts().values()) {
      for (double v : f) {
        max = Math.max(max, v);
      }
    }
    double xs = (w - 2.0 * pad) / Math.max(1, n - 1);
    double ys = (h - 2.0 * pad) / max;
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"plot\"><b>").append(Html.escape(p.title())).append("</b><br>");
    b.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\">", w, h));
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
            pad,
            h - pad,
            w - pad,
            h - pad));
    double ox = pad + p.history().length * xs - xs / 2;
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bbb\""
                + " stroke-dasharray=\"4\"/>",
            ox,
            pad,
            ox,
            h - pad));
    b.append(
        String.format(
            Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%s</text>", pad, fmt(max)));
    double[] hist = p.history();
    double[] all = new double[n];
    System.arraycopy(hist, 0, all, 0, hist.length);
    System.arraycopy(p.actual(), 0, all, hist.length, p.actual().length);
    b.append(polyline(all, 0, xs, ys, h, pad, "#444", "actual"));
    int c = 0;
    int ly = 12;
    for (Map.Entry<String, double[]> e : p.forecasts().entrySet()) {
      String color = COLORS[c++ % COLORS.length];
      b.append(polyline(e.getValue(), hist.length, xs, ys, h, pad, color, e.getKey()));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"%s\">%s</text>",
              w - 150,
              ly,
              color,
              Html.escape(e.getKey())));
      ly += 11;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#444\">actual</text>",
            w - 150,
            ly));
    return b.append("</svg></div>").toString();
  }

  private static String polyline(
      double[] v, int x0, double xs, double ys, int h, int pad, String color, String name) {
    StringBuilder b = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(color);
    b.append("\" stroke-width=\"1.5\" points=\"");
    for (int i = 0; i < v.length; i++) {
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", pad + (x0 + i) * xs, h - pad - v[i] * ys));
    }
    return b.append("\"><title>")
        .append(Html.escape(name))
        .append("</title></polyline>")
        .toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 1000
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }
}
