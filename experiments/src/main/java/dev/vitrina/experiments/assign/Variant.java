package dev.vitrina.experiments.assign;

import dev.vitrina.core.check.Checks;

/**
 * One arm of an experiment: a name and a relative weight (weights need not sum to 1: {@code 70/30}
 * and {@code 0.7/0.3} are the same split).
 *
 * @param name the variant name, non-blank, e.g. {@code control}
 * @param weight relative share of the covered traffic, {@code > 0}
 */
public record Variant(String name, double weight) {

  /** Validates the name and the weight. */
  public Variant {
    Checks.require(
        name != null && !name.isBlank(),
        "variant name must not be blank, got '" + name + "'; use e.g. control, treatment");
    Checks.require(
        weight > 0 && Double.isFinite(weight),
        "weight of variant '"
            + name
            + "' must be a finite number > 0, got "
            + weight
            + "; use e.g. 70 and 30 for a 70/30 split");
  }
}
