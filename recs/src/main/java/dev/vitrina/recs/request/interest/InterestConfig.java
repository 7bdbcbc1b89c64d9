package dev.vitrina.recs.request.interest;

import dev.vitrina.core.check.ParameterException;
import java.util.Objects;

/**
 * How a user's interests are derived from their history. Defaults ({@link #defaults()}) were chosen
 * on a validation split of MovieLens 100K (see {@code docs/formulations.md}, "Multi-interest
 * feeds").
 *
 * @param basis what an interest is: a catalogue category, a cluster of item embeddings, or {@link
 *     Basis#AUTO} (categories when the catalogue has them, else embeddings)
 * @param halfLife the recency half-life in history positions: the j-th of n history items (oldest
 *     first) weighs {@code 0.5^((n-1-j)/halfLife)}, so the most recent item weighs 1 and the item
 *     {@code halfLife} positions older weighs 1/2; {@link Double#POSITIVE_INFINITY} weighs all
 *     items equally
 * @param minShare an interest is kept only when its recency-weighted share of the history is at
 *     least this, in [0, 1); the heaviest interest is always kept
 * @param maxInterests at most this many interests per user, {@code >= 1}
 * @param minSilhouette for embedding clusters: the user gets more than one cluster only when the
 *     best clustering's mean silhouette (cosine distance) reaches this, in [-1, 1]
 * @param narrowResultant for embedding clusters: a history whose recency-weighted mean of unit item
 *     vectors is at least this long (1 when all items point the same way) is one interest, whatever
 *     the silhouette, in (0, 1]; 1 turns the rule off
 * @param seed the seed of the k-means initialisation (embedding clusters)
 */
public record InterestConfig(
    Basis basis,
    double halfLife,
    double minShare,
    int maxInterests,
    double minSilhouette,
    double narrowResultant,
    long seed) {

  /** What an interest is. */
  public enum Basis {
    /** Categories when the catalogue has them, else embedding clusters. */
    AUTO,
    /** One interest per catalogue category of the history. */
    CATEGORIES,
    /** Clusters of the history items' embeddings (the model's {@code ItemEmbeddings}). */
    EMBEDDINGS
  }

  /** The default half-life, in history positions. */
  public static final double DEFAULT_HALF_LIFE = 50;

  /** The default minimum share of an interest. */
  public static final double DEFAULT_MIN_SHARE = 0.1;

  /** The default maximum number of interests. */
  public static final int DEFAULT_MAX_INTERESTS = 6;

  /** The default minimum silhouette for more than one embedding cluster. */
  public static final double DEFAULT_MIN_SILHOUETTE = 0.1;

  /** The default resultant length above which an embedding history is one interest. */
  public static final double DEFAULT_NARROW_RESULTANT = 0.8;

  public InterestConfig {
    Objects.requireNonNull(basis, "basis");
    if (!(halfLife > 0)) {
      throw new ParameterException(
          "halfLife",
          "must be > 0 history positions (Infinity for no decay), got "
              + halfLife
              + "; e.g. "
              + DEFAULT_HALF_LIFE);
    }
    if (!(minShare >= 0 && minShare < 1)) {
      throw new ParameterException(
          "minShare", "must be in [0, 1), got " + minShare + "; e.g. " + DEFAULT_MIN_SHARE);
    }
    if (maxInterests < 1) {
      throw new ParameterException(
          "maxInterests", "must be >= 1, got " + maxInterests + "; e.g. " + DEFAULT_MAX_INTERESTS);
    }
    if (!(minSilhouette >= -1 && minSilhouette <= 1)) {
      throw new ParameterException(
          "minSilhouette",
          "must be in [-1, 1], got " + minSilhouette + "; e.g. " + DEFAULT_MIN_SILHOUETTE);
    }
    if (!(narrowResultant > 0 && narrowResultant <= 1)) {
      throw new ParameterException(
          "narrowResultant",
          "must be in (0, 1], got " + narrowResultant + "; e.g. " + DEFAULT_NARROW_RESULTANT);
    }
  }

  /** The defaults: automatic basis and the documented default values, seed 42. */
  public static InterestConfig defaults() {
    return new InterestConfig(
        Basis.AUTO,
        DEFAULT_HALF_LIFE,
        DEFAULT_MIN_SHARE,
        DEFAULT_MAX_INTERESTS,
        DEFAULT_MIN_SILHOUETTE,
        DEFAULT_NARROW_RESULTANT,
        42);
  }

  /** A copy with another basis. */
  public InterestConfig withBasis(Basis v) {
    return new InterestConfig(
        v, halfLife, minShare, maxInterests, minSilhouette, narrowResultant, seed);
  }

  /** A copy with another half-life. */
  public InterestConfig withHalfLife(double v) {
    return new InterestConfig(
        basis, v, minShare, maxInterests, minSilhouette, narrowResultant, seed);
  }

  /** A copy with another minimum share. */
  public InterestConfig withMinShare(double v) {
    return new InterestConfig(
        basis, halfLife, v, maxInterests, minSilhouette, narrowResultant, seed);
  }

  /** A copy with another maximum number of interests. */
  public InterestConfig withMaxInterests(int v) {
    return new InterestConfig(basis, halfLife, minShare, v, minSilhouette, narrowResultant, seed);
  }

  /** A copy with another minimum silhouette. */
  public InterestConfig withMinSilhouette(double v) {
    return new InterestConfig(basis, halfLife, minShare, maxInterests, v, narrowResultant, seed);
  }

  /** A copy with another narrow-resultant threshold. */
  public InterestConfig withNarrowResultant(double v) {
    return new InterestConfig(basis, halfLife, minShare, maxInterests, minSilhouette, v, seed);
  }

  /** A copy with another seed. */
  public InterestConfig withSeed(long v) {
    return new InterestConfig(
        basis, halfLife, minShare, maxInterests, minSilhouette, narrowResultant, v);
  }
}
