package dev.vitrina.recs.knn;

import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Item-kNN parameters.
 *
 * @param neighbors neighbours kept per item, {@code >= 1}
 * @param shrink shrinkage {@code s >= 0} in {@code sim = x_i.x_j / (|x_i| |x_j| + s)}, damping
 *     similarities supported by few users
 * @param weighting how user-item entries are weighted before the similarity
 * @param bm25K1 BM25 saturation {@code k1 > 0}
 * @param bm25B BM25 length normalisation {@code b} in {@code [0, 1]}
 * @param transform how summed interaction values become matrix entries
 * @param threads worker threads, {@code >= 1}
 */
public record ItemKnnConfig(
    int neighbors,
    double shrink,
    Weighting weighting,
    double bm25K1,
    double bm25B,
    ValueTransform transform,
    int threads) {

  /** Entry weighting before the cosine (as in the {@code implicit} library's item-item models). */
  public enum Weighting {
    /** The raw entries. */
    NONE,
    /** {@code x_ui * log(users / users_i)}: rare items count more. */
    TFIDF,
    /**
     * Okapi BM25: {@code idf_i * x (k1 + 1) / (x + k1 (1 - b + b n_u / avg n))}: rare items count
     * more, and heavy users less.
     */
    BM25
  }

  /** The parameter names accepted by {@link #fromParams}. */
  public static final Set<String> PARAMS =
      Set.of("neighbors", "shrink", "weighting", "bm25_k1", "bm25_b", "transform", "threads");

  public ItemKnnConfig {
    if (neighbors < 1) {
      throw new IllegalArgumentException(
          "itemknn neighbors must be >= 1, got " + neighbors + "; 50-200 is typical");
    }
    if (!(shrink >= 0) || Double.isInfinite(shrink)) {
      throw new IllegalArgumentException(
          "itemknn shrink must be a finite number >= 0, got " + shrink);
    }
    if (!(bm25K1 > 0)) {
      throw new IllegalArgumentException("itemknn bm25_k1 must be > 0, got " + bm25K1);
    }
    if (!(bm25B >= 0 && bm25B <= 1)) {
      throw new IllegalArgumentException("itemknn bm25_b must be in [0, 1], got " + bm25B);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("itemknn threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(weighting, "weighting");
    Objects.requireNonNull(transform, "transform");
  }

  /**
   * The configuration tuned on MovieLens 100K (docs/recommendations.md, tuning record): 200
   * neighbours, shrink 50, BM25 weighting with k1 1.2 and b 0.75; binary values, all processors.
   */
  public static ItemKnnConfig defaults() {
    return new ItemKnnConfig(
        200,
        50,
        Weighting.BM25,
        1.2,
        0.75,
        ValueTransform.BINARY,
        Runtime.getRuntime().availableProcessors());
  }

  /** A config from string parameters (defaults for the missing ones). */
  public static ItemKnnConfig fromParams(Map<String, String> values) {
    Params p = Params.of("itemknn", values, PARAMS);
    ItemKnnConfig d = defaults();
    return new ItemKnnConfig(
        p.getInt("neighbors", d.neighbors),
        p.getDouble("shrink", d.shrink),
        p.getEnum("weighting", Weighting.class, d.weighting),
        p.getDouble("bm25_k1", d.bm25K1),
        p.getDouble("bm25_b", d.bm25B),
        p.getEnum("transform", ValueTransform.class, d.transform),
        p.getInt("threads", d.threads));
  }

  /** The parameters as JSON values. */
  public Map<String, Object> toParams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("neighbors", neighbors);
    m.put("shrink", shrink);
    m.put("weighting", weighting.name().toLowerCase(java.util.Locale.ROOT));
    m.put("bm25_k1", bm25K1);
    m.put("bm25_b", bm25B);
    m.put("transform", transform.name().toLowerCase(java.util.Locale.ROOT));
    return m;
  }

  public ItemKnnConfig withNeighbors(int v) {
    return new ItemKnnConfig(v, shrink, weighting, bm25K1, bm25B, transform, threads);
  }

  public ItemKnnConfig withShrink(double v) {
    return new ItemKnnConfig(neighbors, v, weighting, bm25K1, bm25B, transform, threads);
  }

  public ItemKnnConfig withWeighting(Weighting v) {
    return new ItemKnnConfig(neighbors, shrink, v, bm25K1, bm25B, transform, threads);
  }

  public ItemKnnConfig withThreads(int v) {
    return new ItemKnnConfig(neighbors, shrink, weighting, bm25K1, bm25B, transform, v);
  }
}
