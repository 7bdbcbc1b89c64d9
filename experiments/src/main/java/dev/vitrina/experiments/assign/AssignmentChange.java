package dev.vitrina.experiments.assign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a config change does to a running experiment's assignment, computed exactly over the bucket
 * space {@code [0, 1)} (no sampling). Changing the weights moves units between variants: their
 * exposure mixes both arms and the comparison is biased (Kohavi, Tang &amp; Xu, <i>Trustworthy
 * Online Controlled Experiments</i>, 2020, ch. 21 on ramping). Raising the coverage only adds
 * units. A new salt re-randomizes everybody.
 *
 * @param experiment the experiment name
 * @param saltChanged whether the salt differs (then every unit is re-randomized)
 * @param stayed fraction of all units in the same variant before and after
 * @param moved fraction of all units that switch from one variant to another
 * @param entered fraction of all units that were not covered before and are now
 * @param left fraction of all units that were covered before and are not now
 * @param warnings human-readable warnings with the fix; empty when the change is safe
 */
public record AssignmentChange(
    String experiment,
    boolean saltChanged,
    double stayed,
    double moved,
    double entered,
    double left,
    List<String> warnings) {

  /** Copies the warnings. */
  public AssignmentChange {
    warnings = List.copyOf(warnings);
  }

  /** Whether any unit changes variant (a warning is due). */
  public boolean rebuckets() {
    return moved > 0 || saltChanged;
  }

  /** Compares two configs of the same experiment; variants are matched by name. */
  public static AssignmentChange between(Experiment before, Experiment after) {
    List<String> warnings = new ArrayList<>();
    if (!before.salt().equals(after.salt())) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "experiment '%s': the salt changed from '%s' to '%s', so every unit is"
                  + " re-randomized; analyze the new run as a new experiment and do not pool it"
                  + " with the old one",
              after.name(),
              before.salt(),
              after.salt()));
      return new AssignmentChange(after.name(), true, Double.NaN, Double.NaN, 0, 0, warnings);
    }
    double[][] rb = before.ranges();
    double[][] ra = after.ranges();
    TreeSet<Double> cuts = new TreeSet<>();
    cuts.add(0.0);
    cuts.add(1.0);
    for (double[] r : rb) {
      cuts.add(r[0]);
      cuts.add(r[1]);
    }
    for (double[] r : ra) {
      cuts.add(r[0]);
      cuts.add(r[1]);
    }
    Double[] c = cuts.toArray(new Double[0]);
    double stayed = 0;
    double moved = 0;
    double entered = 0;
    double left = 0;
    for (int i = 0; i + 1 < c.length; i++) {
      double lo = c[i];
      double hi = c[i + 1];
      double mid = (lo + hi) / 2;
      String b = variantAt(before, rb, mid);
      String a = variantAt(after, ra, mid);
      double len = hi - lo;
      if (b == null && a != null) {
        entered += len;
      } else if (b != null && a == null) {
        left += len;
      } else if (b != null) {
        if (b.equals(a)) {
          stayed += len;
        } else {
          moved += len;
        }
      }
    }
    return of(after.name(), split(before), split(after), "", stayed, moved, entered, left);
  }

  /**
   * Compares two whole configs. For each experiment in both, the change of its own config (as
   * {@link #between(Experiment, Experiment)}) is combined with the change of where it sits: a
   * standalone experiment takes every unit, a layered one the units whose layer bucket falls in its
   * slot. Within one layer salt the slot overlap is exact interval arithmetic; across different
   * hashes (a new layer salt, a move between layers or in or out of a layer) slot membership before
   * and after is independent, so the shares multiply (the expected fractions). Fractions are of all
   * units. An experiment of {@code before} missing from {@code after} is reported with all its
   * units leaving. Experiments only in {@code after} are new and not reported.
   */
  public static List<AssignmentChange> between(AssignmentConfig before, AssignmentConfig after) {
    List<AssignmentChange> out = new ArrayList<>();
    Map<String, Experiment> now = after.byName();
    for (Map.Entry<String, Experiment> e : before.byName().entrySet()) {
      String name = e.getKey();
      Experiment b = e.getValue();
      Placement pb = Placement.of(before, name);
      Experiment a = now.get(name);
      if (a == null) {
        double left = pb.share() * b.coverage();
        out.add(
            new AssignmentChange(
                name,
                false,
                0,
                0,
                0,
                left,
                List.of(
                    String.format(
                        Locale.ROOT,
                        "experiment '%s' is not in the new config: its units (%.2f%% of all) are"
                            + " no longer assigned; end its analysis at the change",
                        name,
                        100 * left))));
        continue;
      }
      AssignmentChange inner = between(b, a);
      if (inner.saltChanged()) {
        out.add(inner);
        continue;
      }
      Placement pa = Placement.of(after, name);
      double both;
      if (Objects.equals(pb.layerSalt(), pa.layerSalt())) {
        both = Math.max(0, Math.min(pb.to(), pa.to()) - Math.max(pb.from(), pa.from()));
      } else {
        both = pb.share() * pa.share();
      }
      double onlyBefore = Math.max(0, pb.share() - both);
      double onlyAfter = Math.max(0, pa.share() - both);
      String slotNote =
          pb.equals(pa) ? "" : "; its place changed from " + pb.describe() + " to " + pa.describe();
      AssignmentChange ch =
          of(
              name,
              split(b),
              split(a),
              slotNote,
              both * inner.stayed(),
              both * inner.moved(),
              both * inner.entered() + onlyAfter * a.coverage(),
              both * inner.left() + onlyBefore * b.coverage());
      List<String> carry = carryOver(before, name, pa, a.coverage());
      if (!carry.isEmpty()) {
        List<String> w = new ArrayList<>(ch.warnings());
        w.addAll(carry);
        ch = new AssignmentChange(name, false, ch.stayed(), ch.moved(), ch.entered(), ch.left(), w);
      }
      out.add(ch);
    }
    return out;
  }

  /**
   * Warnings for units that enter {@code experiment}'s new slot from the old slot of another
   * experiment of the same layer (same layer salt): they were exposed to that experiment, and its
   * effect may carry over.
   */
  private static List<String> carryOver(
      AssignmentConfig before, String experiment, Placement now, double coverageNow) {
    List<String> out = new ArrayList<>();
    if (now.layerSalt() == null) {
      return out;
    }
    for (Layer l : before.layers()) {
      if (!l.salt().equals(now.layerSalt())) {
        continue;
      }
      for (Layer.Slot s : l.slots()) {
        if (s.experiment().name().equals(experiment)) {
          continue;
        }
        double overlap = Math.min(now.to(), s.to()) - Math.max(now.from(), s.from());
        double share = Math.max(0, overlap) * s.experiment().coverage() * coverageNow;
        if (share > 1e-12) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "experiment '%s': %.2f%% of all units enter it from the old slot of '%s' in"
                      + " layer '%s', where they were exposed to '%s'; its effect may carry over."
                      + " Exclude them from the analysis of '%s' (the old config assigns them to"
                      + " '%s')",
                  experiment,
                  100 * share,
                  s.experiment().name(),
                  l.name(),
                  s.experiment().name(),
                  experiment,
                  s.experiment().name()));
        }
      }
    }
    return out;
  }

  /** Where an experiment takes its units from: a layer slot, or all units when standalone. */
  private record Placement(String layer, String layerSalt, double from, double to) {
    static Placement of(AssignmentConfig c, String experiment) {
      for (Layer l : c.layers()) {
        for (Layer.Slot s : l.slots()) {
          if (s.experiment().name().equals(experiment)) {
            return new Placement(l.name(), l.salt(), s.from(), s.to());
          }
        }
      }
      return new Placement(null, null, 0, 1);
    }

    double share() {
      return to - from;
    }

    String describe() {
      return layer == null
          ? "standalone (all units)"
          : "layer '" + layer + "' (salt '" + layerSalt + "') slot [" + from + ", " + to + ")";
    }
  }

  private static AssignmentChange of(
      String name,
      String splitBefore,
      String splitAfter,
      String slotNote,
      double stayed,
      double moved,
      double entered,
      double left) {
    List<String> warnings = new ArrayList<>();
    if (moved > 1e-12) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "experiment '%s': the change from %s to %s moves %.2f%% of all units (%.1f%% of"
                  + " those in the experiment) to another variant; their data mixes both arms and"
                  + " biases the comparison. Keep the weights and change the coverage instead, or"
                  + " start a new run with a new salt",
              name,
              splitBefore,
              splitAfter,
              100 * moved,
              100 * moved / Math.max(1e-300, stayed + moved + left)));
    } else {
      moved = 0;
    }
    if (left > 1e-12) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "experiment '%s': %.2f%% of all units leave the experiment (coverage, variants or"
                  + " layer slot reduced%s); exclude their post-change data from the analysis",
              name,
              100 * left,
              slotNote));
    } else {
      left = 0;
    }
    return new AssignmentChange(name, false, stayed, moved, entered, left, warnings);
  }

  private static String variantAt(Experiment e, double[][] ranges, double u) {
    for (int i = 0; i < ranges.length; i++) {
      if (u >= ranges[i][0] && u < ranges[i][1]) {
        return e.variants().get(i).name();
      }
    }
    return null;
  }

  private static String split(Experiment e) {
    StringBuilder sb = new StringBuilder();
    for (Variant v : e.variants()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(v.name()).append(':').append(fmt(v.weight()));
    }
    sb.append(" (coverage ").append(fmt(e.coverage())).append(')');
    return sb.toString();
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
