package dev.vitrina.experiments.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Small versions of the simulation suite (the full one runs as {@code vitrina abtest simulate}).
 * Tolerances are about 3.5 Monte Carlo standard errors: wide, but a wrong variance (by a factor of
 * 1.5 or more) or a sequential test that ignores peeking fails them.
 */
class SimulationsTest {

  private final Simulations sim = new Simulations(400, 99, 2);

  @Test
  void aaFalsePositivesPeekingAndSequential() {
    Simulations.ProportionResult r =
        sim.proportion(
            new Simulations.ProportionScenario(0.1, 0, List.of(50.0, 50.0), 20_000, 10), 0.05);
    // se at 400 experiments: 0.011
    assertThat(r.fixedRate()).isBetween(0.012, 0.09);
    assertThat(r.peekingRate()).isGreaterThan(r.fixedRate() + 0.03);
    assertThat(r.sequentialRate()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void powerAtThePlannedSize() {
    // baseline 10%, +10% relative, 50/50: the planner's size for 80% power is 28,256
    Simulations.ProportionResult r =
        sim.proportion(
            new Simulations.ProportionScenario(0.1, 0.1, List.of(50.0, 50.0), 28_256, 1), 0.05);
    assertThat(r.plannedPower()).isBetween(0.799, 0.801);
    // se at 400 experiments: 0.02
    assertThat(r.fixedRate()).isBetween(0.73, 0.87);
  }

  @Test
  void deltaMethodHoldsWhereTheNaiveTestDoesNot() {
    Simulations.RatioResult r = sim.ratio(new Simulations.RatioScenario(0.05, 30, 4_000), 0.05);
    assertThat(r.deltaMethodRate()).isBetween(0.012, 0.09);
    assertThat(r.naiveRate()).isGreaterThan(r.deltaMethodRate());
  }

  @Test
  void cupedReductionIsAboutRhoSquared() {
    Simulations.CupedResultSummary c = sim.cuped(new Simulations.CupedScenario(0.8, 2_000), 0.05);
    assertThat(c.measuredReduction()).isBetween(0.64 - 0.08, 0.64 + 0.08);
    assertThat(c.meanReportedReduction()).isBetween(0.62, 0.66);
    assertThat(c.cupedFalsePositiveRate()).isBetween(0.012, 0.09);
  }

  @Test
  void fullAnalysisAaKeepsTheFamilyWiseRateWithHolm() {
    Simulations.AnalyzerResult r = sim.analyzer(new Simulations.AnalyzerScenario(4_000), 0.05);
    assertThat(r.metrics()).containsExactly("conversion", "revenue_per_user", "ctr");
    for (double x : r.metricRates()) {
      assertThat(x).isBetween(0.012, 0.09);
    }
    // three tests: about 1 - 0.95^3 = 0.14 without a correction, <= 0.05 with Holm
    assertThat(r.anyUnadjustedRate()).isGreaterThan(r.holmRate() + 0.03);
    assertThat(r.holmRate()).isLessThanOrEqualTo(0.09);
    // a correct assignment trips the 0.001 SRM threshold about once in 1,000 experiments
    assertThat(r.srmRate()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void seedsOfDifferentMasterSeedsAndScenariosDoNotOverlap() {
    Set<Long> seen = new HashSet<>();
    int total = 0;
    for (long master = 0; master < 4; master++) {
      Simulations s = new Simulations(2000, master, 1);
      for (long stream = 1; stream <= 4; stream++) {
        for (long x : s.seeds(stream)) {
          seen.add(x);
          total++;
        }
      }
    }
    assertThat(seen).as("overlapping experiment seeds").hasSize(total);
  }

  @Test
  void sameSeedSameResultAnyThreads() {
    Simulations.MeanScenario s = new Simulations.MeanScenario(0.05, 1, 2_000);
    Simulations.MeanResult a = new Simulations(50, 5, 1).mean(s, 0.05);
    Simulations.MeanResult b = new Simulations(50, 5, 2).mean(s, 0.05);
    assertThat(a).isEqualTo(b);
  }
}
