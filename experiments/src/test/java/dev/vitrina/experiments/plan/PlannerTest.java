package dev.vitrina.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.vitrina.core.check.ParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final PlanSpec FIVE_PERCENT = PlanSpec.of(Baseline.proportion(0.05));

  @Test
  void reproducesTheWorkedValuesAtFiftyFifty() {
    SampleSize s = Planner.sampleSize(FIVE_PERCENT, Effect.relative(0.05));
    assertThat(s.totalUnits()).isEqualTo(238_606);
    assertThat(s.unitsPerArm()).containsExactly(119_303L, 119_303L);
    assertThat(s.exactTotal()).isCloseTo(238_605.943924, offset(1e-5));
    assertThat(s.achievedPower()).isGreaterThanOrEqualTo(0.8).isLessThan(0.8001);
    assertThat(s.absoluteEffect()).isCloseTo(0.0025, offset(1e-15));
    assertThat(s.varianceAssumption()).contains("p0(1-p0)");
  }

  @Test
  void reproducesTheWorkedValuesAtSeventyThirty() {
    SampleSize s =
        Planner.sampleSize(FIVE_PERCENT.withSplit(List.of(70.0, 30.0)), Effect.relative(0.05));
    assertThat(s.totalUnits()).isEqualTo(284_055);
    assertThat(s.unitsPerArm()).containsExactly(198_838L, 85_217L);
    assertThat(s.achievedPower()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void unpooledVarianceMatchesScipy() {
    // scipy: z = norm.isf(.025) + norm.isf(.2); z^2 (p0 q0 / w + p1 q1 / (1 - w)) / d^2
    PlanSpec u = FIVE_PERCENT.withVariance(VarianceAssumption.UNPOOLED);
    SampleSize s50 = Planner.sampleSize(u, Effect.relative(0.05));
    assertThat(s50.exactTotal()).isCloseTo(244_241.439573475, offset(1e-4));
    assertThat(s50.totalUnits()).isEqualTo(244_242);
    SampleSize s70 = Planner.sampleSize(u.withSplit(List.of(70.0, 30.0)), Effect.relative(0.05));
    assertThat(s70.exactTotal()).isCloseTo(293_447.1878966429, offset(1e-4));
    assertThat(s70.varianceAssumption()).contains("unpooled");
  }

  @Test
  void meansCupedAndOneSided() {
    SampleSize m = Planner.sampleSize(PlanSpec.of(Baseline.mean(10, 20)), Effect.absolute(1.0));
    assertThat(m.exactTotal()).isCloseTo(12_558.207574958546, offset(1e-6));
    SampleSize c = Planner.sampleSize(FIVE_PERCENT.withCupedRho(0.5), Effect.relative(0.05));
    assertThat(c.exactTotal()).isCloseTo(178_954.45794315927, offset(1e-4));
    assertThat(c.cupedFactor()).isEqualTo(0.75);
    SampleSize one = Planner.sampleSize(FIVE_PERCENT.withTwoSided(false), Effect.relative(0.05));
    assertThat(one.exactTotal()).isCloseTo(187_949.73985340103, offset(1e-4));
  }

  @Test
  void mdeIsTheInverseOfTheSampleSize() {
    for (VarianceAssumption v : VarianceAssumption.values()) {
      PlanSpec spec = FIVE_PERCENT.withVariance(v).withSplit(List.of(70.0, 30.0));
      SampleSize s = Planner.sampleSize(spec, Effect.relative(0.05));
      Mde m = Planner.mde(spec, s.totalUnits());
      assertThat(m.absoluteMde()).as(v.name()).isCloseTo(0.0025, offset(2e-8));
      assertThat(m.absoluteMde()).isLessThanOrEqualTo(0.0025);
      assertThat(m.relativeMde()).isCloseTo(0.05, offset(1e-6));
    }
  }

  @Test
  void durationAndMdeForDuration() {
    assertThat(Planner.days(238_606, 10_000)).isEqualTo(24);
    Mde m = Planner.mdeForDuration(FIVE_PERCENT, 10_000, 24);
    assertThat(m.totalUnits()).isEqualTo(240_000);
    assertThat(m.relativeMde()).isLessThan(0.05);
  }

  @Test
  void threeArmsTakeTheWorstComparison() {
    PlanSpec spec = FIVE_PERCENT.withSplit(List.of(50.0, 25.0, 25.0));
    SampleSize s = Planner.sampleSize(spec, Effect.relative(0.05));
    // control 0.5, treatment 0.25: (1/0.5 + 1/0.25) = 6 vs 4 at 50/50
    assertThat(s.exactTotal()).isCloseTo(238_605.94392421236 * 6 / 4, offset(1e-4));
    assertThat(s.unitsPerArm()).hasSize(3);
    assertThat(s.unitsPerArm().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.totalUnits());
  }

  @Test
  void errorsNameTheParameter() {
    assertThatThrownBy(() -> Baseline.proportion(1.5))
        .isInstanceOf(ParameterException.class)
        .hasMessage("Baseline.mean of a proportion must be in (0, 1), got 1.5");
    assertThatThrownBy(() -> FIVE_PERCENT.withPower(1))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("power must be in (0.0, 1.0)");
    assertThatThrownBy(() -> Planner.sampleSize(FIVE_PERCENT, Effect.absolute(0.99)))
        .hasMessageContaining("outside (0, 1)");
    assertThatThrownBy(() -> PlanSpec.parseSplit("70/x")).hasMessageContaining("'x'");
    assertThatThrownBy(() -> FIVE_PERCENT.withCupedRho(1))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("cupedRho (the CUPED correlation) must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> Baseline.mean(3, 0))
        .hasMessageStartingWith("Baseline.sd (the standard deviation");
    assertThatThrownBy(() -> Effect.absolute(0))
        .hasMessageStartingWith("Effect.value (the effect) must be a non-zero finite number")
        .hasMessageContaining("with Effect.relative for +5%");
    assertThatThrownBy(() -> Planner.days(100, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessage("dailyUnits must be > 0, got 0.0");
    assertThatThrownBy(() -> Planner.mdeForDuration(FIVE_PERCENT, 10, 0))
        .hasMessage("days must be >= 1, got 0");
    assertThatThrownBy(() -> PlanSpec.parseSplit(" "))
        .isInstanceOf(ParameterException.class)
        .hasMessage("split is empty; use e.g. 70/30");
  }

  @Test
  void relativeMdeOnABaselineThatIsNotPositiveIsRefused() {
    for (double mean : new double[] {0, -5}) {
      PlanSpec spec = PlanSpec.of(Baseline.mean(mean, 2));
      assertThatThrownBy(() -> Planner.sampleSize(spec, Effect.relative(0.1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(Effect.value 0.1 with Effect.relative)")
          .hasMessageContaining("got Baseline.mean " + mean)
          .hasMessageContaining("Effect.absolute(0.5)")
          .hasMessageNotContaining("--");
      assertThatThrownBy(() -> Planner.power(spec, Effect.relative(0.1), List.of(100L, 100L)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive baseline");
    }
  }

  @Test
  void absolutePlanningOnANegativeBaselineHasNoRelativeEffect() {
    // (1.959964 + 0.841621)^2 * (4/0.5 + 4/0.5) / 0.5^2 = 502.3
    PlanSpec spec = PlanSpec.of(Baseline.mean(-5, 2));
    SampleSize s = Planner.sampleSize(spec, Effect.absolute(0.5));
    assertThat(s.totalUnits()).isEqualTo(503);
    assertThat(s.absoluteEffect()).isEqualTo(0.5);
    assertThat(s.relativeEffect()).isNaN();
    Mde m = Planner.mde(PlanSpec.of(Baseline.mean(0, 2)), 10_000);
    assertThat(m.absoluteMde()).isCloseTo(0.11206, offset(1e-5));
    assertThat(m.relativeMde()).isNaN();
  }

  @Test
  void anMdeTooSmallToPlanIsAClearError() {
    // sd 2, delta 1e-12: 2.8016^2 * 16 / 1e-24 = 1.26e26 units
    PlanSpec spec = PlanSpec.of(Baseline.mean(30, 2));
    assertThatThrownBy(() -> Planner.sampleSize(spec, Effect.absolute(1e-12)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(Effect.value 1.0E-12)")
        .hasMessageContaining("1.26e+26 units")
        .hasMessageContaining("1,000,000,000,000")
        .hasMessageContaining("use a larger Effect.value")
        .hasMessageNotContaining("--");
    // a relative effect that underflows to zero in metric units
    PlanSpec tiny = PlanSpec.of(Baseline.mean(1e-300, 2));
    assertThatThrownBy(() -> Planner.sampleSize(tiny, Effect.relative(1e-30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infinitely many units");
    assertThatThrownBy(() -> Planner.sampleSize(FIVE_PERCENT, Effect.absolute(1e-9)))
        .hasMessageContaining("too small to plan");
    // just inside the bound still plans
    SampleSize big = Planner.sampleSize(spec, Effect.absolute(2e-5));
    assertThat(big.totalUnits()).isEqualTo((long) Math.ceil(big.exactTotal()));
    assertThat(big.unitsPerArm().get(0) + big.unitsPerArm().get(1)).isEqualTo(big.totalUnits());
  }
}
