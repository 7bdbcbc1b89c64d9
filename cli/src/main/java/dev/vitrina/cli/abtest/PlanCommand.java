package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.experiments.plan.Baseline;
import dev.vitrina.experiments.plan.Effect;
import dev.vitrina.experiments.plan.Mde;
import dev.vitrina.experiments.plan.PlanSpec;
import dev.vitrina.experiments.plan.Planner;
import dev.vitrina.experiments.plan.SampleSize;
import dev.vitrina.experiments.plan.VarianceAssumption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    Baseline b;
    if (metric == MetricType.proportion) {
      b = Baseline.proportion(baseline);
    } else {
      if (sd == null) {
        throw new IllegalArgumentException(
            "--metric mean needs --sd, the per-unit standard deviation of the metric (estimate it"
                + " from past data)");
      }
      b = Baseline.mean(baseline, sd);
    }
    PlanSpec spec =
        PlanSpec.of(b)
            .withSplit(PlanSpec.parseSplit(split))
            .withAlpha(alpha)
            .withPower(power)
            .withTwoSided(!oneSided)
            .withVariance(VarianceAssumption.valueOf(variance.name().toUpperCase(Locale.ROOT)))
            .withCupedRho(cupedRho);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", metric.name());
    out.put("baseline", baseline);
    out.put("split", spec.split());
    out.put("alpha", alpha);
    out.put("power", power);
    out.put("sides", oneSided ? 1 : 2);
    out.put("cuped_rho", cupedRho);
    StringBuilder text = new StringBuilder();
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
      Effect effect = new Effect(mde, relative);
      SampleSize s = Planner.sampleSize(spec, effect);
      out.put("mode", "sample_size");
      out.put("mde_absolute", s.absoluteEffect());
      out.put("mde_relative", finiteOrNull(s.relativeEffect()));
      out.put("total_units", s.totalUnits());
      out.put("units_per_arm", s.unitsPerArm());
      out.put("exact_total", s.exactTotal());
      out.put("achieved_power", s.achievedPower());
      out.put("variance_assumption", s.varianceAssumption());
      out.put("formula", s.formula());
      text.append(
          String.format(
              Locale.ROOT,
              "Sample size: %,d units in total, per arm %s (split %s).%n"
                  + "Detects %+.4g absolute (%s) on a baseline of %s with power"
                  + " %.3f at %s alpha %s.%n"
                  + "Variance assumption: %s.%n",
              s.totalUnits(),
              fmtList(s.unitsPerArm()),
              split,
              s.absoluteEffect(),
              Double.isFinite(s.relativeEffect())
                  ? String.format(Locale.ROOT, "%+.2f%% relative", 100 * s.relativeEffect())
                  : "no relative effect, see the note",
              baseline,
              s.achievedPower(),
              oneSided ? "one-sided" : "two-sided",
              alpha,
              s.varianceAssumption()));
      if (cupedRho > 0) {
        text.append(
            String.format(
                Locale.ROOT,
                "CUPED with rho %.2f: variance x %.3f (included above).%n",
                cupedRho,
                s.cupedFactor()));
      }
      if (metric == MetricType.proportion) {
        VarianceAssumption other =
            spec.variance() == VarianceAssumption.BASELINE
                ? VarianceAssumption.UNPOOLED
                : VarianceAssumption.BASELINE;
        SampleSize alt = Planner.sampleSize(spec.withVariance(other), effect);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variance_assumption", alt.varianceAssumption());
        a.put("total_units", alt.totalUnits());
        a.put("units_per_arm", alt.unitsPerArm());
        out.put("alternative", a);
        text.append(
            String.format(
                Locale.ROOT,
                "With the %s variance instead (--variance %s): %,d units in total.%n",
                other.name().toLowerCase(Locale.ROOT),
                other.name().toLowerCase(Locale.ROOT),
                alt.totalUnits()));
      }
      if (dailyUnits != null) {
        long d = Planner.days(s.totalUnits(), dailyUnits);
        out.put("daily_units", dailyUnits);
        out.put("days", d);
        text.append(
            String.format(
                Locale.ROOT, "Duration: %d days at %,.0f new units per day.%n", d, dailyUnits));
      }
      text.append("Formula: ").append(s.formula());
    } else {
      Mde m;
      if (units != null) {
        if (days != null) {
          throw new IllegalArgumentException("give --units or --days, not both");
        }
        m = Planner.mde(spec, units);
      } else if (days != null) {
        if (dailyUnits == null) {
          throw new IllegalArgumentException(
              "--days needs --daily-units, the new units entering the experiment per day");
        }
        m = Planner.mdeForDuration(spec, dailyUnits, days);
        out.put("daily_units", dailyUnits);
        out.put("days", days);
      } else {
        throw new IllegalArgumentException(
            "give --mde for a sample size, or --units N (or --days D with --daily-units N) for the"
                + " minimum detectable effect");
      }
      out.put("mode", "mde");
      out.put("total_units", m.totalUnits());
      out.put("units_per_arm", m.unitsPerArm());
      out.put("mde_absolute", m.absoluteMde());
      out.put("mde_relative", finiteOrNull(m.relativeMde()));
      out.put("variance_assumption", m.varianceAssumption());
      text.append(
          String.format(
              Locale.ROOT,
              "Minimum detectable effect with %,d units (split %s): %+.4g absolute, %s,"
                  + " power %s, %s alpha %s.%nVariance assumption: %s.",
              m.totalUnits(),
              split,
              m.absoluteMde(),
              Double.isFinite(m.relativeMde())
                  ? String.format(
                      Locale.ROOT, "%+.2f%% relative to %s", 100 * m.relativeMde(), baseline)
                  : "no relative effect on a baseline of " + baseline + " (see the note)",
              power,
              oneSided ? "one-sided" : "two-sided",
              alpha,
              m.varianceAssumption()));
    }
    if (!(baseline > 0)) {
      String note =
          "no relative effect: the baseline "
              + baseline
              + " is not positive, so an effect relative to it is undefined or has the wrong"
              + " sign; the plan is in metric units";
      out.put("note", note);
      text.append("\nnote: ").append(note);
    }
    json.print(out, text.toString());
    return 0;
  }

  private static Double finiteOrNull(double x) {
    return Double.isFinite(x) ? x : null;
  }

  private static String fmtList(List<Long> xs) {
    StringBuilder b = new StringBuilder();
    for (long x : xs) {
      if (b.length() > 0) {
        b.append(" / ");
      }
      b.append(String.format(Locale.ROOT, "%,d", x));
    }
    return b.toString();
  }
}
