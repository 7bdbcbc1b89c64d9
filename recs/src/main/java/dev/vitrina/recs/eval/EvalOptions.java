package dev.vitrina.recs.eval;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.util.Objects;

/**
 * How to evaluate.
 *
 * @param k the list length and metric cut-off, {@code >= 1}
 * @param seen the seen-items policy (EXCLUDE: training items are neither recommended nor counted as
 *     relevant)
 * @param unknownUsers the policy for test users without training interactions
 * @param bootstrapSamples bootstrap resamples for the intervals ({@code 0} = none)
 * @param confidence the interval level, in (0, 1)
 * @param seed the bootstrap seed
 */
public record EvalOptions(
    int k,
    SeenItems seen,
    UnknownUserPolicy unknownUsers,
    int bootstrapSamples,
    double confidence,
    long seed) {

  public EvalOptions {
    if (k < 1) {
      throw new ParameterException("k", "must be >= 1, got " + k + "; e.g. 10");
    }
    Objects.requireNonNull(seen, "seen");
    Objects.requireNonNull(unknownUsers, "unknownUsers");
    if (bootstrapSamples < 0) {
      throw new ParameterException("bootstrapSamples", "must be >= 0, got " + bootstrapSamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException("confidence", "must be in (0, 1), got " + confidence);
    }
  }

  /**
   * Top-10, seen items excluded, popular fallback for cold users, 1000 bootstrap samples at 95%.
   */
  public static EvalOptions defaults() {
    return new EvalOptions(
        10, SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, 1000, 0.95, 42);
  }

  /** A copy with another k. */
  public EvalOptions withK(int v) {
    return new EvalOptions(v, seen, unknownUsers, bootstrapSamples, confidence, seed);
  }

  /** A copy with another number of bootstrap samples. */
  public EvalOptions withBootstrapSamples(int v) {
    return new EvalOptions(k, seen, unknownUsers, v, confidence, seed);
  }

  /** A copy with another seed. */
  public EvalOptions withSeed(long v) {
    return new EvalOptions(k, seen, unknownUsers, bootstrapSamples, confidence, v);
  }
}
