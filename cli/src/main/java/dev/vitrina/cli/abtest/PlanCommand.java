package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.experiments.plan.Baseline;
import dev.vitrina.experiments.plan.Effect;
import dev.vitrina.experiments.plan.PlanResult;
import dev.vitrina.experiments.plan.PlanSpec;
import dev.vitrina.experiments.plan.VarianceAssumption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina abtest plan}: sample size, MDE and duration. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Sample size for a minimum detectable effect (--mde), or the reverse: the MDE of a given",
      "sample (--units) or duration (--days with --daily-units). Example:",
      "  vitrina abtest plan --metric proportion --baseline 0.05 --mde 0.05 --relative --split"
          + " 70/30"
    })
final class PlanCommand implements Callable<Integer> {

  enum MetricType {
    proportion,
    mean
  }

  enum VarianceChoice {
    baseline,
    unpooled
  }

  @Option(
      names = "--metric",
      required = true,
      description = "proportion (conversion, retention) or mean (revenue per user).")
  MetricType metric;

  @Option(
      names = "--baseline",
      required = true,
      description = "Control value: a proportion in (0, 1) or a mean.")
  @LibraryName("Baseline.mean")
  double baseline;

  @Option(names = "--sd", description = "Per-unit standard deviation (required for --metric mean).")
  @LibraryName("Baseline.sd")
  Double sd;

  @Option(
      names = "--mde",
      description =
          "Minimum detectable effect: absolute, or relative with --relative (0.05 = +5%%).")
  @LibraryName("Effect.value")
  Double mde;

  @Option(names = "--relative", description = "--mde is relative to the baseline.")
  @LibraryName("Effect.relative")
  boolean relative;

  @Option(
      names = "--split",
      defaultValue = "50/50",
      description =
          "Arm weights, control first, e.g. 70/30 or 50/25/25. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      description = "Significance level. Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(
      names = "--power",
      defaultValue = "0.8",
      description = "Power. Default: ${DEFAULT-VALUE}.")
  @LibraryName("PlanSpec.power")
  double power;

  @Option(names = "--one-sided", description = "One-sided test (default two-sided).")
  boolean oneSided;

  @Option(
      names = "--variance",
      defaultValue = "baseline",
      description =
          "Proportion variance: baseline = p0(1-p0) in both arms, unpooled = p0(1-p0) and"
              + " p1(1-p1). Default: ${DEFAULT-VALUE}.")
  VarianceChoice variance;

  @Option(
      names = "--cuped-rho",
      defaultValue = "0",
      description =
          "Correlation of the metric with its pre-period covariate; CUPED shrinks the variance by"
              + " 1 - rho^2. Default: ${DEFAULT-VALUE}.")
  double cupedRho;

  @Option(
      names = "--daily-units",
      description = "New units entering the experiment per day: adds the duration in days.")
  Double dailyUnits;

  @Option(names = "--units", description = "Reverse: the MDE for this many units in total.")
  Long units;

  @Option(
      names = "--days",
      description = "Reverse: the MDE after this many days (needs --daily-units).")
  Integer days;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    PlanSpec spec = spec();
    PlanResult plan = plan(spec);
    json.print(plan, human(plan));
    return 0;
  }

  /** The design from the options. */
  private PlanSpec spec() {
    return PlanSpec.of(baseline())
        .withSplit(PlanSpec.parseSplit(split))
        .withAlpha(alpha)
        .withPower(power)
        .withTwoSided(!oneSided)
        .withVariance(VarianceAssumption.valueOf(variance.name().toUpperCase(Locale.ROOT)))
        .withCupedRho(cupedRho);
  }

  private Baseline baseline() {
    if (metric == MetricType.proportion) {
      return Baseline.proportion(baseline);
    }
    if (sd == null) {
      throw new IllegalArgumentException(
          "--metric mean needs --sd, the per-unit standard deviation of the metric (estimate it"
              + " from past data)");
    }
    return Baseline.mean(baseline, sd);
  }

  /** The sample size for --mde, or the MDE of --units or --days; rejects other combinations. */
  private PlanResult plan(PlanSpec spec) {
    if (mde != null) {
      if (units != null || days != null) {
        throw new IllegalArgumentException(
            "give either --mde (sample size) or --units/--days (MDE), not both");
      }
      if (relative && !(baseline > 0)) {
        throw new IllegalArgumentException(
            "a relative MDE (--mde "
                + mde
                + " --relative) needs a positive baseline, got --baseline "
                + baseline
                + ": relative to a zero or negative mean it is undefined or has the wrong sign;"
                + " give the MDE in metric units instead (drop --relative, e.g. --mde 0.5 for"
                + " +0.5)");
      }
      return PlanResult.sampleSize(spec, new Effect(mde, relative), dailyUnits);
    }
    if (units != null) {
      if (days != null) {
        throw new IllegalArgumentException("give --units or --days, not both");
      }
      return PlanResult.mde(spec, units);
    }
    if (days != null) {
      if (dailyUnits == null) {
        throw new IllegalArgumentException(
            "--days needs --daily-units, the new units entering the experiment per day");
      }
      return PlanResult.mdeForDuration(spec, dailyUnits, days);
    }
    throw new IllegalArgumentException(
        "give --mde for a sample size, or --units N (or --days D with --daily-units N) for the"
            + " minimum detectable effect");
  }

  private String human(PlanResult p) {
    String text = p.mode() == PlanResult.Mode.SAMPLE_SIZE ? humanSampleSize(p) : humanMde(p);
    return p.note() == null ? text : text + "\nnote: " + p.note();
  }

  private String humanSampleSize(PlanResult p) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Sample size: %,d units in total, per arm %s (split %s).%n"
                + "Detects %+.4g absolute (%s) on a baseline of %s with power"
                + " %.3f at %s alpha %s.%n"
                + "Variance assumption: %s.%n",
            p.totalUnits(),
            fmtList(p.unitsPerArm()),
            split,
            p.mdeAbsolute(),
            Double.isFinite(p.mdeRelative())
                ? String.format(Locale.ROOT, "%+.2f%% relative", 100 * p.mdeRelative())
                : "no relative effect, see the note",
            baseline,
            p.achievedPower(),
            sidesText(),
            alpha,
            p.varianceAssumption()));
    if (cupedRho > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "CUPED with rho %.2f: variance x %.3f (included above).%n",
              cupedRho,
              p.cupedFactor()));
    }
    if (p.alternative() != null) {
      String other = variance == VarianceChoice.baseline ? "unpooled" : "baseline";
      text.append(
          String.format(
              Locale.ROOT,
              "With the %s variance instead (--variance %s): %,d units in total.%n",
              other,
              other,
              p.alternative().totalUnits()));
    }
    if (p.days() != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "Duration: %d days at %,.0f new units per day.%n",
              p.days(),
              p.dailyUnits()));
    }
    return text.append("Formula: ").append(p.formula()).toString();
  }

  private String humanMde(PlanResult p) {
    return String.format(
        Locale.ROOT,
        "Minimum detectable effect with %,d units (split %s): %+.4g absolute, %s,"
            + " power %s, %s alpha %s.%nVariance assumption: %s.",
        p.totalUnits(),
        split,
        p.mdeAbsolute(),
        Double.isFinite(p.mdeRelative())
            ? String.format(Locale.ROOT, "%+.2f%% relative to %s", 100 * p.mdeRelative(), baseline)
            : "no relative effect on a baseline of " + baseline + " (see the note)",
        power,
        sidesText(),
        alpha,
        p.varianceAssumption());
  }

  private String sidesText() {
    return oneSided ? "one-sided" : "two-sided";
  }

  private static String fmtList(List<? extends Number> xs) {
    StringBuilder b = new StringBuilder();
    for (Number x : xs) {
      if (b.length() > 0) {
        b.append(" / ");
      }
      b.append(String.format(Locale.ROOT, "%,d", x.longValue()));
    }
    return b.toString();
  }
}
