package dev.vitrina.experiments.sim;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.experiments.plan.Baseline;
import dev.vitrina.experiments.plan.Effect;
import dev.vitrina.experiments.plan.PlanSpec;
import dev.vitrina.experiments.plan.Planner;
import dev.vitrina.experiments.plan.SampleSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulation suite reported in {@code docs/experiments.md}: A/A with daily peeking, power at
 * the planned sizes (50/50 and 70/30), Welch on skewed revenue, the delta method on CTR, CUPED at
 * several correlations, and an A/A through the whole {@code ExperimentAnalyzer}. Seeded: the same
 * arguments give the same figures.
 */
public final class SimulationSuite {

  /** Daily looks in the peeking scenarios (two weeks). */
  public static final int LOOKS = 14;

  /** CUPED correlations simulated. */
  public static final double[] RHOS = {0.3, 0.5, 0.7, 0.9};

  /**
   * All results.
   *
   * @param experiments simulated experiments per scenario
   * @param seed the master seed
   * @param alpha the level
   * @param aa A/A on conversion at the planned size, 14 daily looks
   * @param power50 A/B at +5% relative on 5% conversion, 50/50 at the planned size
   * @param power70 the same at 70/30
   * @param revenue A/A Welch on skewed revenue per user
   * @param ctr A/A delta method vs naive test on CTR
   * @param cuped CUPED at each correlation
   * @param analyzer A/A through the whole analysis (SRM, three metrics, CUPED, Holm)
   * @param seconds wall time
   */
  public record Result(
      int experiments,
      long seed,
      double alpha,
      Simulations.ProportionResult aa,
      Simulations.ProportionResult power50,
      Simulations.ProportionResult power70,
      Simulations.MeanResult revenue,
      Simulations.RatioResult ctr,
      List<Simulations.CupedResultSummary> cuped,
      Simulations.AnalyzerResult analyzer,
      double seconds) {}

  private SimulationSuite() {}

  /** Runs the suite. */
  public static Result run(int experiments, long seed, int threads, Progress progress) {
    long t0 = System.nanoTime();
    double alpha = 0.05;
    Simulations sim = new Simulations(experiments, seed, threads);
    PlanSpec spec = PlanSpec.of(Baseline.proportion(0.05));
    SampleSize n50 = Planner.sampleSize(spec, Effect.relative(0.05));
    SampleSize n70 = Planner.sampleSize(spec.withSplit(List.of(70.0, 30.0)), Effect.relative(0.05));
    progress.message("A/A conversion");
    var aa =
        sim.proportion(
            new Simulations.ProportionScenario(
                0.05, 0, List.of(50.0, 50.0), n50.totalUnits(), LOOKS),
            alpha);
    progress.step(1);
    progress.message("power 50/50");
    var p50 =
        sim.proportion(
            new Simulations.ProportionScenario(
                0.05, 0.05, List.of(50.0, 50.0), n50.totalUnits(), LOOKS),
            alpha);
    progress.step(1);
    progress.message("power 70/30");
    var p70 =
        sim.proportion(
            new Simulations.ProportionScenario(
                0.05, 0.05, List.of(70.0, 30.0), n70.totalUnits(), LOOKS),
            alpha);
    progress.step(1);
    progress.message("revenue");
    var rev = sim.mean(new Simulations.MeanScenario(0.05, 1.0, 100_000), alpha);
    progress.step(1);
    progress.message("ctr");
    var ctr = sim.ratio(new Simulations.RatioScenario(0.05, 9, 20_000), alpha);
    progress.step(1);
    List<Simulations.CupedResultSummary> cuped = new ArrayList<>();
    for (double rho : RHOS) {
      progress.message("cuped rho " + rho);
      cuped.add(sim.cuped(new Simulations.CupedScenario(rho, 10_000), alpha));
      progress.step(1);
    }
    progress.message("full analysis A/A");
    var full = sim.analyzer(new Simulations.AnalyzerScenario(20_000), alpha);
    progress.step(1);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Result(experiments, seed, alpha, aa, p50, p70, rev, ctr, cuped, full, secs);
  }

  /** The number of progress steps of {@link #run}. */
  public static int steps() {
    return 6 + RHOS.length;
  }

  /** The results as Markdown tables. */
  public static String toMarkdown(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%d simulated experiments per scenario, seed %d, alpha %.2f, %.1f s.%n%n",
            r.experiments(),
            r.seed(),
            r.alpha(),
            r.seconds()));
    b.append("| scenario | units | fixed horizon | daily peeking (14 looks) | sequential (mSPRT) |")
        .append(" planned (baseline var.) | planned (unpooled var.) |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    row(b, "A/A conversion 5%, 50/50", r.aa());
    row(b, "A/B +5% rel., 50/50", r.power50());
    row(b, "A/B +5% rel., 70/30", r.power70());
    b.append(
        String.format(
            Locale.ROOT,
            "%nMonte Carlo standard error of a rate near 0.05: %.4f; near 0.80: %.4f.%n%n",
            Math.sqrt(0.05 * 0.95 / r.experiments()),
            Math.sqrt(0.8 * 0.2 / r.experiments())));
    b.append("| A/A scenario | units | test | false-positive rate |\n|---|---:|---|---:|\n");
    b.append(
        String.format(
            Locale.ROOT,
            "| revenue per user (5%% buy, LogNormal(3, %.1f) value) | %,d | Welch t | %.4f |%n",
            r.revenue().scenario().sigma(),
            r.revenue().scenario().totalUnits(),
            r.revenue().welchRate()));
    b.append(
        String.format(
            Locale.ROOT,
            "| CTR, users as units | %,d | delta method | %.4f |%n",
            r.ctr().scenario().totalUnits(),
            r.ctr().deltaMethodRate()));
    b.append(
        String.format(
            Locale.ROOT,
            "| CTR, users as units | %,d | naive per-impression z | %.4f |%n%n",
            r.ctr().scenario().totalUnits(),
            r.ctr().naiveRate()));
    b.append("| rho | rho^2 | measured variance reduction | mean reported reduction |")
        .append(" CUPED A/A FPR | plain A/A FPR |\n|---:|---:|---:|---:|---:|---:|\n");
    for (Simulations.CupedResultSummary c : r.cuped()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %.1f | %.2f | %.4f | %.4f | %.4f | %.4f |%n",
              c.scenario().rho(),
              c.expectedReduction(),
              c.measuredReduction(),
              c.meanReportedReduction(),
              c.cupedFalsePositiveRate(),
              c.plainFalsePositiveRate()));
    }
    Simulations.AnalyzerResult a = r.analyzer();
    b.append(
        String.format(
            Locale.ROOT,
            "%nA/A through the whole analysis (ExperimentAnalyzer: SRM, CUPED, Holm), %,d units,"
                + " 50/50:%n%n",
            a.scenario().totalUnits()));
    b.append("| SRM flagged (p < 0.001) |");
    for (String m : a.metrics()) {
      b.append(' ').append(m).append(" p < alpha |");
    }
    b.append(" any metric, unadjusted | any metric after Holm |\n|");
    b.append("---:|".repeat(a.metrics().size() + 3)).append('\n');
    b.append(String.format(Locale.ROOT, "| %.4f |", a.srmRate()));
    for (double x : a.metricRates()) {
      b.append(String.format(Locale.ROOT, " %.4f |", x));
    }
    b.append(String.format(Locale.ROOT, " %.4f | %.4f |%n", a.anyUnadjustedRate(), a.holmRate()));
    return b.toString();
  }

  private static void row(StringBuilder b, String name, Simulations.ProportionResult p) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
            name,
            p.scenario().totalUnits(),
            p.fixedRate(),
            p.peekingRate(),
            p.sequentialRate(),
            p.plannedPower(),
            p.plannedPowerUnpooled()));
  }
}
