package dev.vitrina.recs.eval;

import dev.vitrina.core.html.Html;
import java.util.Locale;

/** Renders an {@link EvaluationReport} as a self-contained HTML page with an inline SVG chart. */
final class ReportChart {

  private static final String[] COLORS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2"
  };
  private static final String[][] CHARTED = {
    {"ndcg", "nDCG"},
    {"precision", "Precision"},
    {"recall", "Recall"},
    {"map", "MAP"},
    {"mrr", "MRR"},
    {"hit_rate", "Hit rate"}
  };

  private ReportChart() {}

  static String html(EvaluationReport r) {
    int groups = CHARTED.length;
    int models = r.models().size();
    int groupW = 40 + 28 * models;
    int w = 60 + groups * groupW;
    int h = 320;
    int plotH = 240;
    double max = 0;
    for (ModelResult m : r.models()) {
      for (String[] c : CHARTED) {
        max = Math.max(max, m.metrics().get(c[0]).ciHigh());
      }
    }
    max = Math.max(0.1, Math.ceil(max * 10) / 10);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>",
            w,
            h + 30));
    for (int t = 0; t <= 5; t++) {
      double v = max * t / 5;
      double y = 20 + plotH - plotH * v / max;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='50' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/><text x='45' y='%.1f' text-anchor='end'>%.2f</text>",
              w - 10,
              y,
              y,
              y + 4,
              v));
    }
    for (int g = 0; g < groups; g++) {
      int gx = 60 + g * groupW;
      for (int mi = 0; mi < models; mi++) {
        MetricSummary s = r.models().get(mi).metrics().get(CHARTED[g][0]);
        double bh = plotH * s.mean() / max;
        int x = gx + mi * 28;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x='%d' y='%.1f' width='24' height='%.1f' fill='%s'><title>%s %s %.4f [%.4f, %.4f]</title></rect>",
                x,
                20 + plotH - bh,
                bh,
                COLORS[mi % COLORS.length],
                Html.escape(r.models().get(mi).model()),
                CHARTED[g][1],
                s.mean(),
                s.ciLow(),
                s.ciHigh()));
        double ylo = 20 + plotH - plotH * s.ciLow() / max;
        double yhi = 20 + plotH - plotH * s.ciHigh() / max;
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#222'/>",
                x + 12,
                x + 12,
                ylo,
                yhi));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' text-anchor='middle'>%s@%d</text>",
              gx + 14 * models,
              h - 40,
              CHARTED[g][1],
              r.k()));
    }
    for (int mi = 0; mi < models; mi++) {
      int x = 60 + mi * 110;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%d' y='%d' width='12' height='12' fill='%s'/><text x='%d' y='%d'>%s</text>",
              x,
              h - 10,
              COLORS[mi % COLORS.length],
              x + 16,
              h + 1,
              Html.escape(r.models().get(mi).model())));
    }
    svg.append("</svg>");
    return "<!doctype html><html><head><meta charset='utf-8'><title>vitrina recs evaluation</title>"
        + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}</style>"
        + "</head><body><h1>Recommender evaluation</h1><p>"
        + Html.escape(r.split())
        + "; bars are means over users, whiskers 95% bootstrap intervals.</p>"
        + svg
        + "<pre>"
        + Html.escape(r.toTable())
        + "</pre></body></html>\n";
  }
}
