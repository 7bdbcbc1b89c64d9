package dev.vitrina.experiments.assign;

import dev.vitrina.core.check.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A layer of mutually exclusive experiments: each unit falls in at most one experiment of the
 * layer. A unit's layer bucket {@code v = BucketHash.bucket(layer salt, unit id)} picks the slot
 * {@code [from, to)} that contains it; the slot's experiment then assigns the variant with its own
 * salt, so the variant split inside a slot is independent of the layer position. Experiments in
 * different layers (different salts) overlap independently.
 *
 * @param name the layer name, e.g. {@code homepage-ranking}
 * @param salt the layer's hashing salt (different from every experiment salt)
 * @param slots non-overlapping slots within {@code [0, 1)}
 */
public record Layer(String name, String salt, List<Slot> slots) {

  /**
   * One experiment's share of a layer.
   *
   * @param from start of the slot in layer-bucket space, {@code >= 0}
   * @param to end (exclusive), {@code from < to <= 1}
   * @param experiment the experiment that owns the slot
   */
  public record Slot(double from, double to, Experiment experiment) {
    /** Validates the bounds. */
    public Slot {
      Checks.require(experiment != null, "slot needs an experiment");
      Checks.require(
          from >= 0 && from < to && to <= 1,
          "slot of experiment '"
              + experiment.name()
              + "' must satisfy 0 <= from < to <= 1, got ["
              + from
              + ", "
              + to
              + "); use e.g. [0, 0.5) and [0.5, 1) for two experiments");
    }
  }

  /** Validates the name, salt and that slots do not overlap. */
  public Layer {
    Checks.require(
        name != null && !name.isBlank(), "layer name must not be blank; use e.g. homepage");
    Checks.require(
        salt != null && !salt.isEmpty(),
        "salt of layer '" + name + "' must not be empty; use e.g. '" + name + "/v1'");
    BucketHash.saltBytes(salt);
    slots = List.copyOf(slots == null ? List.of() : slots);
    List<Slot> sorted = new ArrayList<>(slots);
    sorted.sort(Comparator.comparingDouble(Slot::from));
    for (int i = 1; i < sorted.size(); i++) {
      Slot a = sorted.get(i - 1);
      Slot b = sorted.get(i);
      Checks.require(
          b.from() >= a.to(),
          "slots of layer '"
              + name
              + "' overlap: '"
              + a.experiment().name()
              + "' ["
              + a.from()
              + ", "
              + a.to()
              + ") and '"
              + b.experiment().name()
              + "' ["
              + b.from()
              + ", "
              + b.to()
              + "); give each experiment its own range");
    }
    for (Slot s : slots) {
      Checks.require(
          !s.experiment().salt().equals(salt),
          "experiment '"
              + s.experiment().name()
              + "' uses the layer's salt '"
              + salt
              + "', which would correlate its variants with its slot; give it its own salt");
    }
  }

  /** The layer bucket of {@code unitId}. */
  public double bucket(String unitId) {
    return BucketHash.bucket(salt, unitId);
  }
}
