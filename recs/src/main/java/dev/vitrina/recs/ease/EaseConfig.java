package dev.vitrina.recs.ease;

import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * EASE parameters.
 *
 * @param lambda the L2 regularisation added to the diagonal of the Gram matrix, {@code > 0}
 * @param maxItems the largest catalogue accepted; EASE holds two dense {@code items x items}
 *     matrices (8 + 4 bytes per cell) and inverts one in {@code O(items^3)}
 * @param transform how summed interaction values become matrix entries
 * @param threads worker threads, {@code >= 1}
 */
public record EaseConfig(double lambda, int maxItems, ValueTransform transform, int threads) {

  /** The largest {@code max_items}: {@code 46,340^2} is the last square below 2^31. */
  public static final int MAX_ITEMS_LIMIT = 46_340;

  /** The parameter names accepted by {@link #fromParams}. */
  public static final Set<String> PARAMS = Set.of("lambda", "max_items", "transform", "threads");

  public EaseConfig {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "ease lambda must be a finite number > 0, got " + lambda + "; 100-1000 is typical");
    }
    if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
      throw new IllegalArgumentException(
          "ease max_items must be in [1, "
              + MAX_ITEMS_LIMIT
              + "] (an items x items matrix must fit in one Java array), got "
              + maxItems
              + "; for larger catalogues use ials or itemknn");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("ease threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(transform, "transform");
  }

  /**
   * lambda 500 (tuned on MovieLens 100K, docs/recommendations.md), at most 20,000 items, binary
   * values, all processors.
   */
  public static EaseConfig defaults() {
    return new EaseConfig(
        500, 20_000, ValueTransform.BINARY, Runtime.getRuntime().availableProcessors());
  }

  /** A config from string parameters (defaults for the missing ones). */
  public static EaseConfig fromParams(Map<String, String> values) {
    Params p = Params.of("ease", values, PARAMS);
    EaseConfig d = defaults();
    return new EaseConfig(
        p.getDouble("lambda", d.lambda),
        p.getInt("max_items", d.maxItems),
        p.getEnum("transform", ValueTransform.class, d.transform),
        p.getInt("threads", d.threads));
  }

  /** The parameters as JSON values. */
  public Map<String, Object> toParams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lambda", lambda);
    m.put("max_items", maxItems);
    m.put("transform", transform.name().toLowerCase(java.util.Locale.ROOT));
    return m;
  }

  public EaseConfig withLambda(double v) {
    return new EaseConfig(v, maxItems, transform, threads);
  }

  public EaseConfig withMaxItems(int v) {
    return new EaseConfig(lambda, v, transform, threads);
  }

  public EaseConfig withTransform(ValueTransform v) {
    return new EaseConfig(lambda, maxItems, v, threads);
  }

  public EaseConfig withThreads(int v) {
    return new EaseConfig(lambda, maxItems, transform, v);
  }
}
