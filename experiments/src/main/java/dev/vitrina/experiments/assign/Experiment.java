package dev.vitrina.experiments.assign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.vitrina.core.check.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment's assignment config, and the assignment itself as a pure function {@link
 * #assign(String)} of the unit id.
 *
 * <p>Bucketing: {@code u = BucketHash.bucket(salt, unitId)}. With normalized weights {@code w_i}
 * and cumulative starts {@code c_i = w_0 + ... + w_(i-1)}, variant {@code i} owns {@code [c_i, c_i
 * + coverage * w_i)}; a unit whose {@code u} falls in no range is {@code NOT_COVERED}. So exactly a
 * fraction {@code coverage} of units is in the experiment, split by the weights; raising the
 * coverage only adds units (nobody changes variant), while changing the weights moves units between
 * variants (see {@link AssignmentChange}).
 *
 * @param name the experiment name (as it appears in the events table)
 * @param salt the hashing salt; a new salt re-randomizes everyone (use one per experiment run, e.g.
 *     {@code "ranker-v2/2026-05"})
 * @param variants the variants, first = control by convention; at least two, unique names
 * @param coverage fraction of all units that enter the experiment, in {@code (0, 1]}
 */
public record Experiment(String name, String salt, List<Variant> variants, double coverage) {

  /** Validates the config (names, salt, weights, coverage). */
  public Experiment {
    Checks.require(
        name != null && !name.isBlank(),
        "experiment name must not be blank, got '" + name + "'; use e.g. ranker-v2");
    Checks.require(
        salt != null && !salt.isEmpty(),
        "salt of experiment '" + name + "' must not be empty; use e.g. '" + name + "/v1'");
    BucketHash.saltBytes(salt);
    Checks.require(
        variants != null && variants.size() >= 2,
        "experiment '"
            + name
            + "' needs at least two variants, got "
            + (variants == null ? 0 : variants.size())
            + "; use e.g. control:50,treatment:50");
    variants = List.copyOf(variants);
    Set<String> seen = new HashSet<>();
    for (Variant v : variants) {
      Checks.require(
          seen.add(v.name()),
          "variant names of experiment '" + name + "' must be unique, '" + v.name() + "' repeats");
    }
    Checks.require(
        coverage > 0 && coverage <= 1,
        "coverage of experiment '"
            + name
            + "' must be in (0, 1], got "
            + coverage
            + "; use 1 for all traffic or e.g. 0.1 for 10%");
  }

  /** An experiment over all traffic with {@code salt = name}. */
  public static Experiment of(String name, List<Variant> variants) {
    return new Experiment(name, name, variants, 1.0);
  }

  /**
   * Parses variants from {@code "control:70,treatment:30"} or a bare split {@code "70/30"} (named
   * {@code control, treatment, treatment2, ...}).
   */
  public static List<Variant> parseVariants(String spec) {
    Checks.require(
        spec != null && !spec.isBlank(),
        "variants must not be empty; use e.g. 70/30 or control:70,treatment:30");
    List<Variant> out = new ArrayList<>();
    if (spec.contains(":")) {
      for (String part : spec.split(",")) {
        String[] kv = part.trim().split(":");
        Checks.require(
            kv.length == 2,
            "variant '" + part.trim() + "' in '" + spec + "' must be name:weight, e.g. control:70");
        out.add(new Variant(kv[0].trim(), parseWeight(kv[1], spec)));
      }
    } else {
      String[] parts = spec.split("/");
      for (int i = 0; i < parts.length; i++) {
        String vname = i == 0 ? "control" : i == 1 ? "treatment" : "treatment" + i;
        out.add(new Variant(vname, parseWeight(parts[i], spec)));
      }
    }
    return out;
  }

  private static double parseWeight(String s, String spec) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "weight '" + s.trim() + "' in '" + spec + "' is not a number; use e.g. 70/30", e);
    }
  }

  /** The normalized weights (summing to 1), in variant order. */
  @JsonIgnore
  public double[] normalizedWeights() {
    double sum = 0;
    for (Variant v : variants) {
      sum += v.weight();
    }
    double[] w = new double[variants.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = variants.get(i).weight() / sum;
    }
    return w;
  }

  /** The variant names, in order. */
  @JsonIgnore
  public List<String> variantNames() {
    return variants.stream().map(Variant::name).toList();
  }

  /**
   * The bucket ranges {@code [start, end)} of the variants in {@code [0, 1)}: {@code ranges[i][0]}
   * and {@code ranges[i][1]}.
   */
  double[][] ranges() {
    double[] w = normalizedWeights();
    double[][] r = new double[w.length][2];
    double c = 0;
    for (int i = 0; i < w.length; i++) {
      r[i][0] = c;
      r[i][1] = c + coverage * w[i];
      c += w[i];
    }
    if (coverage == 1) {
      // the cumulative sum of normalized weights may round to just below 1 (six equal weights sum
      // to 0.9999999999999999):
      // with full coverage the last variant owns the rest of [0, 1), so no unit is left out
      r[w.length - 1][1] = 1.0;
    }
    return r;
  }

  /**
   * Assigns {@code unitId}: pure, deterministic, no I/O. For repeated calls on the request path use
   * {@link #assigner()}, which caches the encoded salt and ranges.
   */
  public Assignment assign(String unitId) {
    return assigner().assign(unitId);
  }

  /** A precomputed, immutable, thread-safe assigner for this experiment. */
  public Assigner assigner() {
    return new Assigner(this);
  }

  /** The fast path: the encoded salt and the variant ranges computed once. */
  public static final class Assigner {
    private final String name;
    private final byte[] salt;
    private final double[] starts;
    private final double[] ends;
    private final String[] names;

    Assigner(Experiment e) {
      this.name = e.name();
      this.salt = BucketHash.saltBytes(e.salt());
      double[][] r = e.ranges();
      this.starts = new double[r.length];
      this.ends = new double[r.length];
      this.names = new String[r.length];
      for (int i = 0; i < r.length; i++) {
        starts[i] = r[i][0];
        ends[i] = r[i][1];
        names[i] = e.variants().get(i).name();
      }
    }

    /** Assigns {@code unitId} (see {@link Experiment}). */
    public Assignment assign(String unitId) {
      Checks.require(unitId != null, "unit id must not be null");
      double u = BucketHash.bucket(salt, unitId);
      for (int i = 0; i < starts.length; i++) {
        if (u >= starts[i] && u < ends[i]) {
          return new Assignment(name, Assignment.Status.ASSIGNED, names[i], u);
        }
      }
      return new Assignment(name, Assignment.Status.NOT_COVERED, null, u);
    }

    /** The variant index of {@code unitId}, or -1 when not covered: for hot loops only. */
    public int variantIndexOrMinusOne(String unitId) {
      double u = BucketHash.bucket(salt, unitId);
      for (int i = 0; i < starts.length; i++) {
        if (u >= starts[i] && u < ends[i]) {
          return i;
        }
      }
      return -1;
    }
  }
}
