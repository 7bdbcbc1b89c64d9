package dev.vitrina.experiments.assign;

/**
 * The outcome of assigning one unit to one experiment.
 *
 * @param experiment the experiment name
 * @param status whether the unit is in the experiment, and if not why
 * @param variant the variant name when {@code status == ASSIGNED}, else {@code null}
 * @param bucket the unit's bucket in {@code [0, 1)} under the experiment salt, or under the layer
 *     salt when {@code OTHER_LAYER_SLOT} (for debugging)
 */
public record Assignment(String experiment, Status status, String variant, double bucket) {

  /** Why a unit is or is not in an experiment. */
  public enum Status {
    /** In the experiment, in {@link Assignment#variant()}. */
    ASSIGNED,
    /** Outside the experiment's coverage (the fraction of traffic it takes). */
    NOT_COVERED,
    /** The unit's layer bucket falls in another experiment's slot, or in no slot, of the layer. */
    OTHER_LAYER_SLOT
  }

  /** Whether the unit is in a variant. */
  public boolean assigned() {
    return status == Status.ASSIGNED;
  }
}
