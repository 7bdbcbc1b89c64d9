package dev.vitrina.recs.request.trigger;

import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The map from a request's intent score ({@link IntentScore}) to the trigger's weight in the blend
 * ({@link TriggerBlend}): piecewise constant over intent bins. An intent below {@code edges[0]}
 * falls in bin 0, one in {@code [edges[j-1], edges[j])} in bin {@code j}, one at or above the last
 * edge in the last bin.
 *
 * @param edges the inner bin edges, strictly increasing (empty: one bin)
 * @param weights the trigger weight of each bin, in [0, 1] ({@code edges.size() + 1} of them)
 */
public record IntentMapping(List<Double> edges, List<Double> weights) {

  public IntentMapping {
    edges = List.copyOf(edges);
    weights = List.copyOf(weights);
    if (weights.size() != edges.size() + 1) {
      throw new ParameterException(
          "weights",
          "must have one value per bin ("
              + (edges.size() + 1)
              + " for "
              + edges.size()
              + " edges), got "
              + weights.size());
    }
    for (int j = 0; j < edges.size(); j++) {
      double e = edges.get(j);
      if (!Double.isFinite(e) || (j > 0 && !(e > edges.get(j - 1)))) {
        throw new ParameterException(
            "edges", "must be finite and strictly increasing, got " + edges + "; e.g. [0.3, 0.6]");
      }
    }
    for (double w : weights) {
      if (!(w >= 0 && w <= 1)) {
        throw new ParameterException(
            "weights",
            "must each be in [0, 1], got " + weights + "; 0 = profile only, 1 = trigger");
      }
    }
  }

  /**
   * The mapping fitted on the MovieLens 1M validation split (docs/formulations.md, "Trigger-induced
   * feeds"), for {@link IntentScore#defaults()} measured in item-kNN similarity (BM25, 200
   * neighbours, shrink 50) and {@link Normalisation#RANK}: five equal-count bins of the validation
   * intents (edges 0.8157, 0.8701, 0.9123, 0.9528, rounded to 4 places), each with the grid weight
   * (0, 0.1, ..., 1) that maximised nDCG@10 of the validation item: 0.7, 0.8, 0.6, 0.8, 0.5. Refit
   * ({@link #fit}) for another similarity model or catalogue: the intent scale depends on both.
   */
  public static IntentMapping defaults() {
    return new IntentMapping(
        List.of(0.8157, 0.8701, 0.9123, 0.9528), List.of(0.7, 0.8, 0.6, 0.8, 0.5));
  }

  /** The same weight for every request. */
  public static IntentMapping fixed(double weight) {
    return new IntentMapping(List.of(), List.of(weight));
  }

  /** The trigger weight for a request of intent {@code intent} (NaN: the first bin's weight). */
  public double weight(double intent) {
    return weights.get(bin(intent));
  }

  /**
   * Fits a mapping: bins of equal count over {@code intents} (fewer when intents repeat), and in
   * each bin the weight of {@code grid} with the largest total {@code gain} (the first such on a
   * tie).
   *
   * @param intents the intent score of each validation request
   * @param grid the candidate weights, each in [0, 1]
   * @param gain {@code gain[r][g]}: the metric of request {@code r} under weight {@code grid[g]}
   * @param bins the number of bins wanted, {@code >= 1}
   */
  public static IntentMapping fit(double[] intents, double[] grid, double[][] gain, int bins) {
    if (bins < 1) {
      throw new ParameterException("bins", "must be >= 1, got " + bins + "; e.g. 5");
    }
    if (intents.length != gain.length || intents.length < bins) {
      throw new ParameterException(
          "intents",
          "must have one gain row each and at least one per bin; got "
              + intents.length
              + " intents, "
              + gain.length
              + " gain rows, "
              + bins
              + " bins");
    }
    for (double[] row : gain) {
      if (row.length != grid.length) {
        throw new ParameterException(
            "gain", "rows must have one value per grid weight (" + grid.length + ")");
      }
    }
    double[] sorted = intents.clone();
    Arrays.sort(sorted);
    List<Double> edges = new ArrayList<>();
    for (int b = 1; b < bins; b++) {
      double e = sorted[(int) ((long) b * sorted.length / bins)];
      if (e > sorted[0] && (edges.isEmpty() || e > edges.get(edges.size() - 1))) {
        edges.add(e);
      }
    }
    double[][] total = new double[edges.size() + 1][grid.length];
    IntentMapping probe = new IntentMapping(edges, Collections.nCopies(edges.size() + 1, 0.0));
    for (int r = 0; r < intents.length; r++) {
      int bin = probe.bin(intents[r]);
      for (int g = 0; g < grid.length; g++) {
        total[bin][g] += gain[r][g];
      }
    }
    List<Double> weights = new ArrayList<>();
    for (double[] t : total) {
      int best = 0;
      for (int g = 1; g < grid.length; g++) {
        if (t[g] > t[best]) {
          best = g;
        }
      }
      weights.add(grid[best]);
    }
    return new IntentMapping(edges, weights);
  }

  private int bin(double intent) {
    int j = 0;
    while (j < edges.size() && intent >= edges.get(j)) {
      j++;
    }
    return j;
  }
}
