package dev.vitrina.experiments.plan;

import dev.vitrina.core.check.ParameterException;

/**
 * An effect size: absolute (in metric units, e.g. +0.0025 conversion) or relative to the baseline
 * (e.g. +0.05 = +5%).
 *
 * @param value the effect, non-zero
 * @param relative whether {@code value} is relative to the baseline mean
 */
public record Effect(double value, boolean relative) {

  /** Validates the value. */
  public Effect {
    if (!(value != 0 && Double.isFinite(value))) {
      throw new ParameterException(
          "Effect.value",
          "(the effect) must be a non-zero finite number, got "
              + value
              + "; use e.g. 0.05 with Effect.relative for +5%");
    }
  }

  /** An absolute effect. */
  public static Effect absolute(double value) {
    return new Effect(value, false);
  }

  /** A relative effect ({@code 0.05} = +5%). */
  public static Effect relative(double value) {
    return new Effect(value, true);
  }

  /** The absolute difference on {@code baseline}. */
  public double absoluteOn(Baseline baseline) {
    return relative ? value * baseline.mean() : value;
  }
}
