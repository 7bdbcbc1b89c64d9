package dev.vitrina.experiments.report;

import dev.vitrina.core.html.Html;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.experiments.analysis.AnalysisResult;
import dev.vitrina.experiments.analysis.Comparison;
import dev.vitrina.experiments.analysis.DailyLook;
import dev.vitrina.experiments.analysis.MetricResult;
import dev.vitrina.experiments.analysis.SrmResult;
import dev.vitrina.experiments.stats.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AnalysisResult} as one self-contained HTML page: the sample-ratio verdict at
 * the top (red when mismatched), a table of effects, a forest plot of the relative effects with
 * their confidence intervals, and per metric the daily estimate with the fixed-horizon interval and
 * the always-valid confidence sequence. Inline SVG only; no scripts or external resources.
 */
public final class HtmlReport {

  private static final int PLOT_WIDTH = 720;

  private HtmlReport() {}

  /** Writes the report to {@code file} atomically. */
  public static void write(Path file, AnalysisResult result) throws IOException {
    AtomicWrite.writeString(file, render(result));
  }

  /** The report as an HTML string. */
  public static String render(AnalysisResult r) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Experiment ")
        .append(Html.escape(r.experiment()))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
        .append("th{background:#f3f3f3}td.l,th.l{text-align:left}")
        .append(".srm{padding:1em;border-radius:6px;font-weight:600}")
        .append(".bad{background:#fde2e1;border:2px solid #c0392b;color:#7b1d14}")
        .append(".ok{background:#e3f6e8;border:2px solid #2e8b57;color:#14532d}")
        .append(".sig{font-weight:700}.muted{color:#777}")
        .append("</style></head><body>\n");
    h.append("<h1>Experiment ").append(Html.escape(r.experiment())).append("</h1>\n");
    SrmResult s = r.srm();
    h.append("<div id=\"srm\" class=\"srm ")
        .append(s.mismatch() ? "bad" : "ok")
        .append("\">")
        .append(Html.escape(s.verdict()))
        .append("</div>\n");
    h.append("<table><tr><th class=\"l\">variant</th><th>units observed</th>")
        .append("<th>units expected</th><th>share</th></tr>");
    long total = 0;
    for (long o : s.observed()) {
      total += o;
    }
    for (int i = 0; i < s.variants().size(); i++) {
      h.append("<tr><td class=\"l\">")
          .append(Html.escape(s.variants().get(i)))
          .append(i == 0 ? " (control)" : "")
          .append("</td><td>")
          .append(s.observed().get(i))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", s.expected().get(i)))
          .append("</td><td>")
          .append(
              String.format(
                  Locale.ROOT, "%.2f%%", 100.0 * s.observed().get(i) / Math.max(1, total)))
          .append("</td></tr>");
    }
    h.append("</table>\n");
    h.append("<p class=\"muted\">Source: ")
        .append(Html.escape(r.source()))
        .append(" (")
        .append(Html.escape(r.format().toLowerCase(Locale.ROOT)))
        .append(", ")
        .append(r.rowsUsed())
        .append(" of ")
        .append(r.rowsRead())
        .append(" rows). Alpha ")
        .append(r.alpha())
        .append("; significance after the ")
        .append(Html.escape(r.correction()))
        .append(" correction across ")
        .append(r.metrics().size())
        .append(" comparisons.</p>\n");

    h.append("<h2>Effects</h2>\n<table><tr><th class=\"l\">metric</th><th class=\"l\">arm</th>")
        .append("<th class=\"l\">test</th><th>control</th><th>treatment</th>")
        .append("<th>absolute effect [CI]</th><th>relative effect [CI]</th><th>p</th>")
        .append("<th>p Holm</th><th>p BH</th><th>always-valid p</th>")
        .append("<th>confidence sequence</th></tr>\n");
    for (MetricResult m : r.metrics()) {
      Comparison c = m.comparison();
      h.append("<tr")
          .append(m.significant() ? " class=\"sig\"" : "")
          .append("><td class=\"l\">")
          .append(Html.escape(m.metric()))
          .append("</td><td class=\"l\">")
          .append(Html.escape(c.treatment().variant()))
          .append("</td><td class=\"l\">")
          .append(Html.escape(c.method()))
          .append(
              m.cuped() != null
                  ? " (CUPED: variance " + pct(-m.cuped().varianceReduction()) + ")"
                  : "")
          .append("</td><td>")
          .append(num(c.control().value()))
          .append("</td><td>")
          .append(num(c.treatment().value()))
          .append("</td><td>")
          .append(num(c.absolute().value()))
          .append(" [")
          .append(num(c.absolute().ci().low()))
          .append(", ")
          .append(num(c.absolute().ci().high()))
          .append("]</td><td>")
          .append(
              c.relative() == null
                  ? "n/a (control &le; 0)"
                  : pct(c.relative().value())
                      + " ["
                      + pct(c.relative().ci().low())
                      + ", "
                      + pct(c.relative().ci().high())
                      + "]")
          .append("</td><td>")
          .append(p(c.test().pValue()))
          .append("</td><td>")
          .append(p(m.pHolm()))
          .append("</td><td>")
          .append(p(m.pBenjaminiHochberg()))
          .append("</td><td>")
          .append(m.sequential() == null ? "-" : p(m.sequential().pValue()))
          .append("</td><td>")
          .append(
              m.sequential() == null
                  ? "-"
                  : "["
                      + num(m.sequential().confidenceSequence().low())
                      + ", "
                      + num(m.sequential().confidenceSequence().high())
                      + "]")
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    h.append("<h2>Relative effects with ")
        .append(Math.round(100 * (1 - r.alpha())))
        .append("% confidence intervals</h2>\n");
    forest(h, r);
    boolean daily = false;
    for (MetricResult m : r.metrics()) {
      if (m.looks().size() > 1) {
        if (!daily) {
          h.append("<h2>Daily looks: fixed-horizon interval vs always-valid sequence</h2>\n")
              .append("<p class=\"muted\">Blue: the fixed-horizon CI, valid only at one planned")
              .append(" look. Orange: the always-valid confidence sequence (mSPRT), valid at")
              .append(" every look.</p>\n");
          daily = true;
        }
        trajectory(h, m);
      }
    }
    if (!r.notes().isEmpty()) {
      h.append("<h2>Notes</h2><ul>");
      for (String n : r.notes()) {
        h.append("<li>").append(Html.escape(n)).append("</li>");
      }
      h.append("</ul>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void forest(StringBuilder h, AnalysisResult r) {
    List<MetricResult> ms = r.metrics();
    double lo = 0;
    double hi = 0;
    for (MetricResult m : ms) {
      if (m.comparison().relative() == null) {
        continue;
      }
      Interval ci = m.comparison().relative().ci();
      if (Double.isFinite(ci.low()) && Double.isFinite(ci.high())) {
        lo = Math.min(lo, ci.low());
        hi = Math.max(hi, ci.high());
      }
    }
    double pad = Math.max(1e-3, (hi - lo) * 0.1);
    lo -= pad;
    hi += pad;
    int left = 190;
    int right = PLOT_WIDTH - 20;
    int rowH = 28;
    int height = 40 + rowH * ms.size();
    h.append("<svg id=\"forest\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(PLOT_WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"relative effects\">");
    double x0 = sx(0, lo, hi, left, right);
    h.append(line(x0, 10, x0, height - 25, "#999", 1, "4,3"));
    for (double v : ticks(lo, hi)) {
      double x = sx(v, lo, hi, left, right);
      h.append(line(x, height - 25, x, height - 20, "#999", 1, null));
      h.append(text(x, height - 8, tickPct(v), "middle", 11));
    }
    for (int i = 0; i < ms.size(); i++) {
      MetricResult m = ms.get(i);
      double y = 25 + i * rowH;
      String label =
          m.metric()
              + (r.variants().size() > 2 ? " (" + m.comparison().treatment().variant() + ")" : "");
      h.append(text(left - 10, y + 4, label, "end", 13));
      if (m.comparison().relative() == null) {
        h.append(text(left + 10, y + 4, "n/a (control \u2264 0)", "start", 11));
        continue;
      }
      Interval ci = m.comparison().relative().ci();
      double est = m.comparison().relative().value();
      if (!Double.isFinite(est) || !Double.isFinite(ci.low())) {
        h.append(text(left + 10, y + 4, "n/a", "start", 11));
        continue;
      }
      String color = !m.significant() ? "#555" : est > 0 ? "#2e8b57" : "#c0392b";
      double a = sx(ci.low(), lo, hi, left, right);
      double b = sx(ci.high(), lo, hi, left, right);
      h.append(line(a, y, b, y, color, 3, null));
      h.append(line(a, y - 6, a, y + 6, color, 2, null));
      h.append(line(b, y - 6, b, y + 6, color, 2, null));
      h.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s: %s [%s, %s]</title>"
                  + "</circle>",
              sx(est, lo, hi, left, right),
              y,
              color,
              Html.escape(label),
              pct(est),
              pct(ci.low()),
              pct(ci.high())));
    }
    h.append("</svg>\n");
  }

  private static void trajectory(StringBuilder h, MetricResult m) {
    List<DailyLook> ls = m.looks();
    double lo = 0;
    double hi = 0;
    int d0 = Integer.MAX_VALUE;
    int d1 = Integer.MIN_VALUE;
    // the first looks have very wide intervals: scale to the looks after the first quarter and
    // clip the rest, so the later days stay readable
    int from = ls.size() / 4;
    for (int i = 0; i < ls.size(); i++) {
      DailyLook l = ls.get(i);
      if (i >= from) {
        lo = Math.min(lo, Math.min(l.fixedCi().low(), l.confidenceSequence().low()));
        hi = Math.max(hi, Math.max(l.fixedCi().high(), l.confidenceSequence().high()));
      }
      d0 = Math.min(d0, l.day());
      d1 = Math.max(d1, l.day());
    }
    double pad = Math.max(1e-12, (hi - lo) * 0.05);
    lo -= pad;
    hi += pad;
    int w = PLOT_WIDTH;
    int height = 220;
    int left = 70;
    int right = w - 20;
    int top = 25;
    int bottom = height - 30;
    h.append("<h3>")
        .append(Html.escape(m.metric()))
        .append(" (")
        .append(Html.escape(m.comparison().treatment().variant()))
        .append(" - ")
        .append(Html.escape(m.comparison().control().variant()))
        .append(")</h3>");
    String clip =
        "clip-"
            + m.metric().replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + Math.abs(m.comparison().treatment().variant().hashCode());
    h.append("<svg class=\"daily\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(height)
        .append("\">");
    h.append(
        String.format(
            Locale.ROOT,
            "<defs><clipPath id=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "</clipPath></defs><g clip-path=\"url(#%s)\">",
            clip,
            left,
            top,
            right - left,
            bottom - top,
            clip));
    double span = Math.max(1, d1 - d0);
    StringBuilder cs = new StringBuilder();
    StringBuilder ci = new StringBuilder();
    StringBuilder est = new StringBuilder();
    for (DailyLook l : ls) {
      double x = left + (right - left) * (l.day() - d0) / span;
      cs.append(pt(x, sy(l.confidenceSequence().high(), lo, hi, top, bottom)));
      ci.append(pt(x, sy(l.fixedCi().high(), lo, hi, top, bottom)));
      est.append(pt(x, sy(l.estimate(), lo, hi, top, bottom)));
    }
    for (int i = ls.size() - 1; i >= 0; i--) {
      DailyLook l = ls.get(i);
      double x = left + (right - left) * (l.day() - d0) / span;
      cs.append(pt(x, sy(l.confidenceSequence().low(), lo, hi, top, bottom)));
      ci.append(pt(x, sy(l.fixedCi().low(), lo, hi, top, bottom)));
    }
    h.append("<polygon points=\"")
        .append(cs)
        .append("\" fill=\"#f5b041\" fill-opacity=\"0.35\" stroke=\"#e67e22\"/>");
    h.append("<polygon points=\"")
        .append(ci)
        .append("\" fill=\"#5dade2\" fill-opacity=\"0.45\" stroke=\"#2e86c1\"/>");
    h.append("<polyline points=\"").append(est).append("\" fill=\"none\" stroke=\"#111\"/>");
    h.append("</g>");
    double y0 = sy(0, lo, hi, top, bottom);
    h.append(line(left, y0, right, y0, "#999", 1, "4,3"));
    for (double v : ticks(lo, hi)) {
      double y = sy(v, lo, hi, top, bottom);
      h.append(line(left - 4, y, left, y, "#999", 1, null));
      h.append(text(left - 6, y + 4, num(v), "end", 10));
    }
    h.append(text(left + 4, top - 8, "absolute effect (treatment - control)", "start", 11));
    h.append(text(left, height - 8, "day " + d0, "start", 11));
    h.append(text(right, height - 8, "day " + d1, "end", 11));
    h.append("</svg>\n");
  }

  /** Round tick values (steps of 1, 2 or 5 times a power of ten) covering {@code [lo, hi]}. */
  static double[] ticks(double lo, double hi) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    double first = Math.ceil(lo / step) * step;
    int n = (int) Math.floor((hi - first) / step) + 1;
    double[] t = new double[Math.max(0, n)];
    for (int i = 0; i < t.length; i++) {
      t[i] = first + i * step;
      if (Math.abs(t[i]) < step * 1e-9) {
        t[i] = 0;
      }
    }
    return t;
  }

  private static String tickPct(double x) {
    return String.format(Locale.ROOT, "%.3g%%", 100 * x);
  }

  private static String pt(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
  }

  private static double sx(double v, double lo, double hi, int left, int right) {
    return left + (right - left) * (v - lo) / (hi - lo);
  }

  private static double sy(double v, double lo, double hi, int top, int bottom) {
    return bottom - (bottom - top) * (v - lo) / (hi - lo);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String color, int width, String dash) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%d\"%s/>",
        x1,
        y1,
        x2,
        y2,
        color,
        width,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String text(double x, double y, String s, String anchor, int size) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>",
        x,
        y,
        anchor,
        size,
        Html.escape(s));
  }

  private static String num(double x) {
    if (!Double.isFinite(x)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }

  private static String pct(double x) {
    if (!Double.isFinite(x)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.2f%%", 100 * x);
  }

  private static String p(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3g", x) : "n/a";
  }
}
