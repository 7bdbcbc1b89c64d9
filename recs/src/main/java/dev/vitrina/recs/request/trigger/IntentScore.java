package dev.vitrina.recs.request.trigger;

import dev.vitrina.core.check.ParameterException;
import java.util.Objects;

/**
 * How far a trigger is from the user's history, in [0, 1]: 0 when the trigger is as like the user's
 * recent items as items get (a habitual click), 1 when it is like none of them (a new intent).
 * Computed in the similarity space of the model that serves the trigger candidates: the
 * similarities of the trigger to the user's {@code recent} most recent history items (the trigger
 * itself left out), each clamped to [0, 1] (a missing similarity counts 0), are aggregated by
 * {@code aggregate}, and the intent is 1 minus that. A user without other history items has intent
 * 1.
 *
 * @param recent how many of the most recent history items to compare with, {@code >= 1}
 * @param aggregate how the similarities are combined
 */
public record IntentScore(int recent, Aggregate aggregate) {

  /** How the similarities of the trigger to the recent items combine. */
  public enum Aggregate {
    /** The closest recent item decides: one similar item makes the trigger habitual. */
    MAX,
    /** The average over the recent items: the trigger must be like the history as a whole. */
    MEAN
  }

  public IntentScore {
    if (recent < 1) {
      throw new ParameterException(
          "recent", "must be >= 1, got " + recent + "; compare with e.g. the 20 latest items");
    }
    Objects.requireNonNull(aggregate, "aggregate");
  }

  /**
   * The choice made on the MovieLens 1M validation split (docs/formulations.md): the mean
   * similarity to the 20 most recent items (nDCG@10 0.1011 against 0.1005 for the maximum).
   */
  public static IntentScore defaults() {
    return new IntentScore(20, Aggregate.MEAN);
  }

  /**
   * The intent of a trigger.
   *
   * @param similarity the similarity of every item to the trigger (NaN where there is none)
   * @param history the user's items, oldest first
   * @param trigger the trigger item (left out of the history)
   */
  public double of(float[] similarity, int[] history, int trigger) {
    double agg = 0;
    int n = 0;
    for (int p = history.length - 1; p >= 0 && n < recent; p--) {
      int i = history[p];
      if (i == trigger) {
        continue;
      }
      float s = similarity[i];
      double v = Float.isNaN(s) ? 0 : Math.max(0, Math.min(1, s));
      agg = aggregate == Aggregate.MAX ? Math.max(agg, v) : agg + v;
      n++;
    }
    if (n == 0) {
      return 1;
    }
    return 1 - (aggregate == Aggregate.MAX ? agg : agg / n);
  }
}
