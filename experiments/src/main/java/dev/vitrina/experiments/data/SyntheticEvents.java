package dev.vitrina.experiments.data;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvWriter;
import dev.vitrina.experiments.assign.Assignment;
import dev.vitrina.experiments.assign.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic per-event table for one experiment, to try the analysis end to end. Users
 * {@code u0000001...} are assigned with the experiment's own {@link Experiment#assign} (so coverage
 * and weights apply), arrive on a uniform day in {@code [0, days)}, and log an {@code exposure}
 * event on arrival, then {@code impression}, {@code click} and {@code purchase} (with revenue in
 * {@code value}) every day until the end; the same process runs over {@code preDays} days before
 * the start ({@code day < 0}) as the CUPED pre-period.
 *
 * <p>Per user: engagement {@code g ~ LogNormal(-0.5, 1)} (mean 1, heavy-tailed, persistent, so the
 * pre-period predicts the experiment period as in real traffic); impressions per day {@code ~
 * Poisson(2g)}; each impression clicked with {@code ctr_u = 0.04·exp(N(0, 0.4))}; a purchase per
 * day with probability {@code min(0.5, 0.02·g)} and value {@code exp(3 + 0.5 v_u + 0.5 N(0, 1))}
 * with a per-user level {@code v_u ~ N(0, 1)}. Treatment arms multiply the CTR, the purchase
 * probability and the order value by {@code 1 + lift}. {@code treatmentLoss} drops all events of
 * that fraction of treatment users (a logging bug that the SRM check should catch). Same seed, same
 * bytes.
 */
public final class SyntheticEvents {

  /**
   * Traffic of the synthetic experiment.
   *
   * @param users users hashed into the experiment (those outside the coverage are skipped)
   * @param days experiment days, {@code >= 1}
   * @param preDays pre-period days for CUPED, {@code >= 0}
   */
  public record Traffic(long users, int days, int preDays) {
    /** Validates. */
    public Traffic {
      if (users < 1) {
        throw new ParameterException("users", "must be >= 1, got " + users);
      }
      Checks.atLeast("days", days, 1);
      Checks.atLeast("preDays", preDays, 0);
    }
  }

  /**
   * True effects of every treatment arm.
   *
   * @param ctr relative lift of the click-through rate, e.g. 0.05
   * @param conversion relative lift of the daily purchase probability
   * @param orderValue relative lift of the order value
   * @param treatmentLoss fraction of treatment users whose events are lost, in {@code [0, 1)}
   */
  public record Lifts(double ctr, double conversion, double orderValue, double treatmentLoss) {
    /** Validates. */
    public Lifts {
      Checks.require(ctr > -1 && conversion > -1 && orderValue > -1, "lifts must be > -1 (-100%)");
      if (!(treatmentLoss >= 0 && treatmentLoss < 1)) {
        throw new ParameterException("treatmentLoss", "must be in [0, 1), got " + treatmentLoss);
      }
    }

    /** No effect, no loss (an A/A test). */
    public static Lifts none() {
      return new Lifts(0, 0, 0, 0);
    }
  }

  /**
   * What was written.
   *
   * @param file the output file
   * @param rows event rows written
   * @param variants the variant names
   * @param usersPerVariant users with events per variant (after the loss)
   */
  public record Summary(Path file, long rows, List<String> variants, List<Long> usersPerVariant) {
    /** Copies the lists. */
    public Summary {
      variants = List.copyOf(variants);
      usersPerVariant = List.copyOf(usersPerVariant);
    }
  }

  private SyntheticEvents() {}

  /** Writes the events of {@code experiment} to {@code out} (CSV, atomically). */
  public static Summary write(
      Path out, Experiment experiment, Traffic traffic, Lifts lifts, long seed) throws IOException {
    Experiment.Assigner assigner = experiment.assigner();
    List<String> variants = experiment.variantNames();
    long[] perVariant = new long[variants.size()];
    long rows;
    try (CsvWriter w =
        CsvWriter.open(
            out,
            CsvOptions.csv(),
            List.of("experiment", "unit", "variant", "event", "value", "day"))) {
      SplittableRandom master = new SplittableRandom(seed);
      int width = Math.max(7, Long.toString(traffic.users()).length());
      String fmt = "u%0" + width + "d";
      for (long i = 1; i <= traffic.users(); i++) {
        SplittableRandom r = master.split();
        String unit = String.format(Locale.ROOT, fmt, i);
        Assignment a = assigner.assign(unit);
        if (!a.assigned()) {
          continue;
        }
        int v = variants.indexOf(a.variant());
        boolean treated = v > 0;
        if (treated && r.nextDouble() < lifts.treatmentLoss()) {
          continue;
        }
        perVariant[v]++;
        double g = Math.exp(r.nextGaussian() - 0.5);
        double ctr = Math.min(0.9, 0.04 * Math.exp(0.4 * r.nextGaussian()));
        double buy = Math.min(0.5, 0.02 * g);
        double level = Math.exp(0.5 * r.nextGaussian());
        int arrival = r.nextInt(traffic.days());
        Unit u = new Unit(w, experiment.name(), unit, a.variant());
        for (int d = -traffic.preDays(); d < 0; d++) {
          day(u, r, d, g, ctr, buy, level);
        }
        u.event("exposure", "", arrival);
        double c = treated ? Math.min(0.95, ctr * (1 + lifts.ctr())) : ctr;
        double b = treated ? Math.min(0.95, buy * (1 + lifts.conversion())) : buy;
        double val = level * (treated ? 1 + lifts.orderValue() : 1.0);
        for (int d = arrival; d < traffic.days(); d++) {
          day(u, r, d, g, c, b, val);
        }
      }
      rows = w.rows();
    }
    List<Long> pv = new ArrayList<>();
    for (long x : perVariant) {
      pv.add(x);
    }
    return new Summary(out, rows, variants, pv);
  }

  /** One unit's rows: experiment, unit and variant are the same on each. */
  private record Unit(CsvWriter w, String experiment, String unit, String variant) {
    void event(String event, String value, int day) throws IOException {
      w.writeRow(experiment, unit, variant, event, value, Integer.toString(day));
    }
  }

  private static void day(
      Unit u, SplittableRandom r, int d, double g, double ctr, double buy, double valueFactor)
      throws IOException {
    int impressions = poisson(r, 2 * g);
    for (int k = 0; k < impressions; k++) {
      u.event("impression", "", d);
      if (r.nextDouble() < ctr) {
        u.event("click", "", d);
      }
    }
    if (r.nextDouble() < buy) {
      double value = Math.exp(3 + 0.5 * r.nextGaussian()) * valueFactor;
      u.event("purchase", String.format(Locale.ROOT, "%.2f", value), d);
    }
  }

  /** Poisson sample by Knuth's product method for small means, normal approximation above 50. */
  static int poisson(SplittableRandom r, double mean) {
    if (mean > 50) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = r.nextDouble();
    while (p > l) {
      k++;
      p *= r.nextDouble();
    }
    return k;
  }
}
