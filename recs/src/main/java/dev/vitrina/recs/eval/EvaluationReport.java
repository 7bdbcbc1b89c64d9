package dev.vitrina.recs.eval;

import dev.vitrina.recs.data.Interactions;
import java.util.List;
import java.util.Locale;

/**
 * The result of evaluating several models on the same split(s).
 *
 * @param dataset counts of the full data set
 * @param split how it was split
 * @param k the cut-off
 * @param trainRows training rows (first split)
 * @param testRows test rows (first split)
 * @param models one result per model
 * @param notes what the split left out of the scores (users skipped or cold, test items no model
 *     can rank), one line each; empty when nothing was
 */
public record EvaluationReport(
    Interactions.Summary dataset,
    String split,
    int k,
    long trainRows,
    long testRows,
    List<ModelResult> models,
    List<String> notes) {

  public EvaluationReport {
    models = List.copyOf(models);
    notes = List.copyOf(notes);
  }

  /** The metrics shown in tables, in order, with their column titles. */
  static final String[][] COLUMNS = {
    {"ndcg", "nDCG@k"},
    {"precision", "P@k"},
    {"recall", "R@k"},
    {"map", "MAP"},
    {"map_at_k", "MAP@k"},
    {"mrr", "MRR"},
    {"hit_rate", "HR@k"},
    {"novelty", "novelty"},
    {"diversity", "ILD"},
  };

  /**
   * A fixed-width text table (one row per model, 95% intervals for nDCG; {@code n/a} for a metric
   * that is undefined, e.g. diversity without item categories), then the notes.
   */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "split %s, k=%d, train %d rows, test %d rows%n",
            split,
            k,
            trainRows,
            testRows));
    sb.append(String.format(Locale.ROOT, "%-9s", "model"));
    for (String[] c : COLUMNS) {
      sb.append(String.format(Locale.ROOT, " %9s", c[1].replace("@k", "@" + k)));
    }
    sb.append(String.format(Locale.ROOT, " %9s %17s %7s%n", "coverage", "nDCG 95% CI", "fit s"));
    for (ModelResult m : models) {
      sb.append(String.format(Locale.ROOT, "%-9s", m.model()));
      for (String[] c : COLUMNS) {
        double v = m.metrics().get(c[0]).mean();
        sb.append(
            Double.isNaN(v)
                ? String.format(Locale.ROOT, " %9s", "n/a")
                : String.format(Locale.ROOT, " %9.4f", v));
      }
      MetricSummary n = m.metrics().get("ndcg");
      sb.append(
          String.format(
              Locale.ROOT,
              " %9.4f   [%.4f, %.4f] %7.2f%n",
              m.coverage(),
              n.ciLow(),
              n.ciHigh(),
              m.fitSeconds()));
    }
    for (String note : notes) {
      sb.append("note: ").append(note).append('\n');
    }
    return sb.toString();
  }

  /** A self-contained HTML page with the table and a bar chart (inline SVG) with intervals. */
  public String toHtml() {
    return ReportChart.html(this);
  }
}
