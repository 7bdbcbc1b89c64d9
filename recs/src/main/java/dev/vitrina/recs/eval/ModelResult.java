package dev.vitrina.recs.eval;

import java.util.Map;

/**
 * The evaluation of one model.
 *
 * @param model the model name
 * @param parameters its training parameters
 * @param fitSeconds wall time of fitting (summed over splits)
 * @param recommendSeconds wall time of recommending for all users (summed over splits)
 * @param users users evaluated (with at least one relevant test item)
 * @param metrics accuracy metrics by name ({@code ndcg}, {@code precision}, {@code recall}, {@code
 *     map}, {@code map_at_k}, {@code mrr}, {@code hit_rate}) and per-list metrics ({@code novelty},
 *     {@code diversity}, {@code interest_coverage}, {@code category_recall}; see {@link
 *     BeyondAccuracy})
 * @param coverage catalogue coverage of the lists of evaluated users (mean over splits)
 */
public record ModelResult(
    String model,
    Map<String, Object> parameters,
    double fitSeconds,
    double recommendSeconds,
    int users,
    Map<String, MetricSummary> metrics,
    double coverage) {

  /** The mean of metric {@code name}. */
  public double mean(String name) {
    MetricSummary s = metrics.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; have " + metrics.keySet());
    }
    return s.mean();
  }
}
