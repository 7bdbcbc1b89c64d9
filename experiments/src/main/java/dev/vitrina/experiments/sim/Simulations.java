package dev.vitrina.experiments.sim;

import dev.vitrina.core.check.Checks;
import dev.vitrina.experiments.analysis.AnalysisResult;
import dev.vitrina.experiments.analysis.AnalysisSpec;
import dev.vitrina.experiments.analysis.BivariateMoments;
import dev.vitrina.experiments.analysis.Comparison;
import dev.vitrina.experiments.analysis.CupedResult;
import dev.vitrina.experiments.analysis.ExperimentAnalyzer;
import dev.vitrina.experiments.analysis.MetricDefinition;
import dev.vitrina.experiments.analysis.MetricResult;
import dev.vitrina.experiments.analysis.Moments;
import dev.vitrina.experiments.analysis.TwoSample;
import dev.vitrina.experiments.assign.Variant;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.data.UnitTable;
import dev.vitrina.experiments.plan.Baseline;
import dev.vitrina.experiments.plan.Effect;
import dev.vitrina.experiments.plan.PlanSpec;
import dev.vitrina.experiments.plan.Planner;
import dev.vitrina.experiments.plan.VarianceAssumption;
import dev.vitrina.experiments.sequential.MixtureSprt;
import dev.vitrina.experiments.sequential.SequentialMonitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Monte Carlo checks of the tests, each over {@code experiments} independent simulated experiments
 * with per-unit data passed through the same kernels as the analysis ({@link TwoSample}, {@link
 * SequentialMonitor}). Experiment {@code i} draws from {@code new SplittableRandom(seed_i)}, where
 * the {@code seed_i} come from one {@code SplittableRandom(seed)}: results are identical for any
 * number of threads. Rates come with their Monte Carlo standard error {@code sqrt(r(1-r)/n)}.
 */
public final class Simulations {

  private final int experiments;
  private final long seed;
  private final int threads;

  /**
   * A simulator.
   *
   * @param experiments simulated experiments per scenario, {@code >= 10}
   * @param seed the master seed
   * @param threads worker threads, {@code >= 1}
   */
  public Simulations(int experiments, long seed, int threads) {
    this.experiments = Checks.atLeast("experiments", experiments, 10);
    this.seed = seed;
    this.threads = Checks.atLeast("threads", threads, 1);
  }

  /**
   * A proportion metric with daily arrivals.
   *
   * @param baseline control conversion rate
   * @param relativeLift true relative effect in the treatment arm (0 for an A/A test)
   * @param split arm weights, control first (two arms)
   * @param totalUnits units per experiment
   * @param looks daily looks (units arrive evenly over them)
   */
  public record ProportionScenario(
      double baseline, double relativeLift, List<Double> split, long totalUnits, int looks) {
    /** Validates. */
    public ProportionScenario {
      Checks.inOpenRange("baseline", baseline, 0, 1);
      Checks.require(split.size() == 2, "simulations use two arms, got split " + split);
      split = List.copyOf(split);
      Checks.require(totalUnits >= 100, "total units must be >= 100, got " + totalUnits);
      Checks.atLeast("looks", looks, 1);
    }
  }

  /**
   * Rejection rates of a proportion scenario.
   *
   * @param scenario the scenario
   * @param experiments simulated experiments
   * @param fixedRate share rejected by the fixed-horizon z-test at the last look
   * @param peekingRate share rejected by the fixed z-test at any look (daily peeking)
   * @param sequentialRate share rejected by the always-valid mSPRT at any look
   * @param plannedPower the power the planner predicts with the baseline variance in both arms
   *     (alpha for an A/A test)
   * @param plannedPowerUnpooled the power the planner predicts with the unpooled variances
   * @param mcStandardErrorFixed Monte Carlo standard error of {@code fixedRate}
   */
  public record ProportionResult(
      ProportionScenario scenario,
      int experiments,
      double fixedRate,
      double peekingRate,
      double sequentialRate,
      double plannedPower,
      double plannedPowerUnpooled,
      double mcStandardErrorFixed) {}

  /** Runs a proportion scenario at level {@code alpha}. */
  public ProportionResult proportion(ProportionScenario s, double alpha) {
    double wc = s.split().get(0) / (s.split().get(0) + s.split().get(1));
    double p0 = s.baseline();
    double p1 = p0 * (1 + s.relativeLift());
    // tau^2 fixed before the data: the variance of the difference at the planned horizon.
    double vh = p0 * (1 - p0) * (1 / (wc * s.totalUnits()) + 1 / ((1 - wc) * s.totalUnits()));
    double tau2 = MixtureSprt.tau2ForHorizon(vh, alpha);
    PlanSpec plan = PlanSpec.of(Baseline.proportion(p0)).withSplit(s.split()).withAlpha(alpha);
    List<Long> arms =
        List.of(Math.round(wc * s.totalUnits()), Math.round((1 - wc) * s.totalUnits()));
    double planned =
        s.relativeLift() == 0
            ? alpha
            : Planner.power(plan, Effect.relative(s.relativeLift()), arms);
    double plannedUnpooled =
        s.relativeLift() == 0
            ? alpha
            : Planner.power(
                plan.withVariance(VarianceAssumption.UNPOOLED),
                Effect.relative(s.relativeLift()),
                arms);
    long[] seeds = seeds(1);
    int[] outcome = new int[experiments];
    run(
        i -> {
          SplittableRandom r = new SplittableRandom(seeds[i]);
          SequentialMonitor mon = new SequentialMonitor(alpha, tau2);
          long nc = 0;
          long xc = 0;
          long nt = 0;
          long xt = 0;
          boolean peek = false;
          boolean fixed = false;
          for (int look = 1; look <= s.looks(); look++) {
            long until = s.totalUnits() * look / s.looks();
            for (long u = nc + nt; u < until; u++) {
              if (r.nextDouble() < wc) {
                nc++;
                if (r.nextDouble() < p0) {
                  xc++;
                }
              } else {
                nt++;
                if (r.nextDouble() < p1) {
                  xt++;
                }
              }
            }
            if (nc < 2 || nt < 2) {
              continue;
            }
            Comparison c = TwoSample.proportions("c", xc, nc, "t", xt, nt, alpha, false);
            boolean rej = c.test().pValue() < alpha;
            peek |= rej;
            if (look == s.looks()) {
              fixed = rej;
            }
            double se = c.absolute().standardError();
            if (se > 0) {
              mon.look(c.absolute().value(), se * se);
            }
          }
          outcome[i] = (fixed ? 1 : 0) | (peek ? 2 : 0) | (mon.rejected() ? 4 : 0);
          return 0;
        });
    double f = rate(outcome, 1);
    return new ProportionResult(
        s, experiments, f, rate(outcome, 2), rate(outcome, 4), planned, plannedUnpooled, mcse(f));
  }

  /**
   * A/A on a skewed revenue metric: a purchase with probability {@code buyRate}, its value {@code
   * LogNormal(3, sigma)}; Welch's t-test.
   *
   * @param buyRate purchase probability per unit
   * @param sigma log-scale standard deviation of the order value
   * @param totalUnits units per experiment (50/50)
   */
  public record MeanScenario(double buyRate, double sigma, long totalUnits) {
    /** Validates. */
    public MeanScenario {
      Checks.inOpenRange("buy rate", buyRate, 0, 1);
      Checks.require(sigma > 0, "sigma must be > 0");
      Checks.require(totalUnits >= 100, "total units must be >= 100");
    }
  }

  /**
   * A/A rejection rate of Welch's test.
   *
   * @param scenario the scenario
   * @param experiments simulated experiments
   * @param welchRate share rejected at alpha
   * @param mcStandardError its Monte Carlo standard error
   */
  public record MeanResult(
      MeanScenario scenario, int experiments, double welchRate, double mcStandardError) {}

  /** Runs an A/A revenue scenario at level {@code alpha}. */
  public MeanResult mean(MeanScenario s, double alpha) {
    long[] seeds = seeds(2);
    int[] outcome = new int[experiments];
    run(
        i -> {
          SplittableRandom r = new SplittableRandom(seeds[i]);
          Moments c = new Moments();
          Moments t = new Moments();
          for (long u = 0; u < s.totalUnits(); u++) {
            double y =
                r.nextDouble() < s.buyRate() ? Math.exp(3 + s.sigma() * r.nextGaussian()) : 0;
            (r.nextBoolean() ? c : t).add(y);
          }
          outcome[i] = TwoSample.welch("c", c, "t", t, alpha).test().pValue() < alpha ? 1 : 0;
          return 0;
        });
    double w = rate(outcome, 1);
    return new MeanResult(s, experiments, w, mcse(w));
  }

  /**
   * A/A on CTR with users as units: impressions {@code 1 + Poisson(meanImpressions·g)} with {@code
   * g ~ LogNormal(-0.125, 0.5)}, each clicked with the user's own {@code ctr_u = baseCtr·exp(0.6 Z
   * - 0.18)}.
   *
   * @param baseCtr mean click-through rate
   * @param meanImpressions mean extra impressions per user
   * @param totalUnits users per experiment (50/50)
   */
  public record RatioScenario(double baseCtr, double meanImpressions, long totalUnits) {
    /** Validates. */
    public RatioScenario {
      Checks.inOpenRange("base CTR", baseCtr, 0, 0.5);
      Checks.require(meanImpressions > 0, "mean impressions must be > 0");
      Checks.require(totalUnits >= 100, "total units must be >= 100");
    }
  }

  /**
   * A/A rejection rates of the delta method and of the naive per-impression test.
   *
   * @param scenario the scenario
   * @param experiments simulated experiments
   * @param deltaMethodRate share rejected by the delta-method z-test (users as units)
   * @param naiveRate share rejected by a z-test that treats impressions as independent
   * @param mcStandardError Monte Carlo standard error of {@code deltaMethodRate}
   */
  public record RatioResult(
      RatioScenario scenario,
      int experiments,
      double deltaMethodRate,
      double naiveRate,
      double mcStandardError) {}

  /** Runs an A/A CTR scenario at level {@code alpha}. */
  public RatioResult ratio(RatioScenario s, double alpha) {
    long[] seeds = seeds(3);
    int[] outcome = new int[experiments];
    run(
        i -> {
          SplittableRandom r = new SplittableRandom(seeds[i]);
          BivariateMoments c = new BivariateMoments();
          BivariateMoments t = new BivariateMoments();
          long[] clicks = new long[2];
          long[] imps = new long[2];
          for (long u = 0; u < s.totalUnits(); u++) {
            double g = Math.exp(0.5 * r.nextGaussian() - 0.125);
            int n = 1 + poisson(r, s.meanImpressions() * g);
            double ctr = Math.min(0.95, s.baseCtr() * Math.exp(0.6 * r.nextGaussian() - 0.18));
            int k = 0;
            for (int j = 0; j < n; j++) {
              if (r.nextDouble() < ctr) {
                k++;
              }
            }
            int arm = r.nextBoolean() ? 0 : 1;
            (arm == 0 ? c : t).add(k, n);
            clicks[arm] += k;
            imps[arm] += n;
          }
          boolean delta = TwoSample.ratio("c", c, "t", t, alpha).test().pValue() < alpha;
          boolean naive =
              TwoSample.proportions("c", clicks[0], imps[0], "t", clicks[1], imps[1], alpha, false)
                      .test()
                      .pValue()
                  < alpha;
          outcome[i] = (delta ? 1 : 0) | (naive ? 2 : 0);
          return 0;
        });
    double d = rate(outcome, 1);
    return new RatioResult(s, experiments, d, rate(outcome, 2), mcse(d));
  }

  /**
   * CUPED on a metric {@code Y = 10 + 2(ρX + sqrt(1-ρ²)Z)} with a standard normal covariate {@code
   * X} of correlation {@code ρ}, A/A, 50/50.
   *
   * @param rho the correlation of metric and covariate, in {@code [0, 1)}
   * @param totalUnits units per experiment
   */
  public record CupedScenario(double rho, long totalUnits) {
    /** Validates. */
    public CupedScenario {
      Checks.require(rho >= 0 && rho < 1, "rho must be in [0, 1), got " + rho);
      Checks.require(totalUnits >= 100, "total units must be >= 100");
    }
  }

  /**
   * Measured CUPED variance reduction.
   *
   * @param scenario the scenario
   * @param experiments simulated experiments
   * @param expectedReduction {@code ρ²}
   * @param measuredReduction {@code 1 - Var(CUPED estimates)/Var(plain estimates)} across the
   *     simulated experiments
   * @param meanReportedReduction the mean of the per-experiment reduction the analysis reports
   * @param cupedFalsePositiveRate A/A rejection rate of the CUPED test at alpha
   * @param plainFalsePositiveRate A/A rejection rate of the plain Welch test at alpha
   */
  public record CupedResultSummary(
      CupedScenario scenario,
      int experiments,
      double expectedReduction,
      double measuredReduction,
      double meanReportedReduction,
      double cupedFalsePositiveRate,
      double plainFalsePositiveRate) {}

  /** Runs a CUPED scenario at level {@code alpha}. */
  public CupedResultSummary cuped(CupedScenario s, double alpha) {
    long[] seeds = seeds(4 + Double.doubleToLongBits(s.rho()));
    double[] plain = new double[experiments];
    double[] adjusted = new double[experiments];
    double[] reported = new double[experiments];
    int[] outcome = new int[experiments];
    double k = Math.sqrt(1 - s.rho() * s.rho());
    run(
        i -> {
          SplittableRandom r = new SplittableRandom(seeds[i]);
          BivariateMoments c = new BivariateMoments();
          BivariateMoments t = new BivariateMoments();
          for (long u = 0; u < s.totalUnits(); u++) {
            double x = r.nextGaussian();
            double y = 10 + 2 * (s.rho() * x + k * r.nextGaussian());
            (r.nextBoolean() ? c : t).add(y, x);
          }
          CupedResult res = TwoSample.cuped("c", c, "t", t, alpha);
          plain[i] = res.unadjusted().absolute().value();
          adjusted[i] = res.adjusted().absolute().value();
          reported[i] = res.varianceReduction();
          outcome[i] =
              (res.adjusted().test().pValue() < alpha ? 1 : 0)
                  | (res.unadjusted().test().pValue() < alpha ? 2 : 0);
          return 0;
        });
    double vp = Moments.of(plain).variance();
    double va = Moments.of(adjusted).variance();
    return new CupedResultSummary(
        s,
        experiments,
        s.rho() * s.rho(),
        1 - va / vp,
        Moments.of(reported).mean(),
        rate(outcome, 1),
        rate(outcome, 2));
  }

  /**
   * A/A through the whole analysis ({@link ExperimentAnalyzer#analyze}) on per-unit tables, 50/50:
   * engagement {@code g ~ LogNormal(-0.125, 0.5)}; impressions {@code 1 + Poisson(5g)}, each
   * clicked with the user's {@code ctr_u = 0.05·exp(0.6 Z - 0.18)}; a purchase with probability
   * {@code min(0.5, 0.05g)} and revenue {@code exp(3 + N(0, 1))}; a pre-period of purchases and
   * revenue from the same propensity (the CUPED covariates {@code pre_purchases}, {@code
   * pre_revenue}). Metrics {@code conversion}, {@code revenue_per_user} (both with CUPED) and
   * {@code ctr} (delta method), SRM against the 50/50 design, Holm across the three.
   *
   * @param totalUnits units per experiment
   */
  public record AnalyzerScenario(long totalUnits) {
    /** Validates. */
    public AnalyzerScenario {
      Checks.require(totalUnits >= 100, "total units must be >= 100, got " + totalUnits);
    }
  }

  /**
   * A/A rates of the full analysis.
   *
   * @param scenario the scenario
   * @param experiments simulated experiments
   * @param srmRate share flagged as a sample ratio mismatch (p &lt; 0.001): about 0.001 expected
   * @param metricRates per metric, the share with an unadjusted p-value below alpha
   * @param metrics the metric names, in the order of {@code metricRates}
   * @param anyUnadjustedRate share with at least one unadjusted p-value below alpha
   * @param holmRate share with at least one metric significant after Holm (the family-wise rate)
   */
  public record AnalyzerResult(
      AnalyzerScenario scenario,
      int experiments,
      double srmRate,
      List<String> metrics,
      List<Double> metricRates,
      double anyUnadjustedRate,
      double holmRate) {}

  /** Runs the A/A scenario through {@link ExperimentAnalyzer} at level {@code alpha}. */
  public AnalyzerResult analyzer(AnalyzerScenario s, double alpha) {
    List<String> names = List.of("conversion", "revenue_per_user", "ctr");
    List<MetricDefinition> defs = new ArrayList<>();
    for (String n : names) {
      defs.add(MetricDefinition.builtin(n, false));
    }
    AnalysisSpec spec =
        AnalysisSpec.of(defs)
            .withDesign(List.of(new Variant("control", 1), new Variant("treatment", 1)))
            .withAlpha(alpha)
            .withCuped(AnalysisSpec.CupedOptions.on())
            .withSequential(new AnalysisSpec.SequentialOptions(false, 0));
    long[] seeds = seeds(5);
    int[] outcome = new int[experiments];
    int n = Math.toIntExact(s.totalUnits());
    run(
        i -> {
          SplittableRandom r = new SplittableRandom(seeds[i]);
          int[] variantOf = new int[n];
          double[] imps = new double[n];
          double[] clicks = new double[n];
          double[] purchases = new double[n];
          double[] revenue = new double[n];
          double[] prePurchases = new double[n];
          double[] preRevenue = new double[n];
          for (int u = 0; u < n; u++) {
            double g = Math.exp(0.5 * r.nextGaussian() - 0.125);
            int k = 1 + poisson(r, 5 * g);
            double ctr = Math.min(0.95, 0.05 * Math.exp(0.6 * r.nextGaussian() - 0.18));
            int c = 0;
            for (int j = 0; j < k; j++) {
              if (r.nextDouble() < ctr) {
                c++;
              }
            }
            double buy = Math.min(0.5, 0.05 * g);
            boolean b = r.nextDouble() < buy;
            boolean pre = r.nextDouble() < buy;
            variantOf[u] = r.nextBoolean() ? 0 : 1;
            imps[u] = k;
            clicks[u] = c;
            purchases[u] = b ? 1 : 0;
            revenue[u] = b ? Math.exp(3 + r.nextGaussian()) : 0;
            prePurchases[u] = pre ? 1 : 0;
            preRevenue[u] = pre ? Math.exp(3 + r.nextGaussian()) : 0;
          }
          Map<String, double[]> cols = new HashMap<>();
          cols.put("impressions", imps);
          cols.put("clicks", clicks);
          cols.put("purchases", purchases);
          cols.put("revenue", revenue);
          cols.put("pre_purchases", prePurchases);
          cols.put("pre_revenue", preRevenue);
          UnitTable t =
              new UnitTable("simulated", List.of("control", "treatment"), variantOf, cols);
          AnalysisResult a = ExperimentAnalyzer.analyze("aa", ExperimentData.ofUnits(t), spec);
          int o = a.srm().mismatch() ? 1 : 0;
          boolean any = false;
          boolean holm = false;
          for (MetricResult m : a.metrics()) {
            int idx = names.indexOf(m.metric());
            if (m.comparison().test().pValue() < alpha) {
              o |= 1 << (3 + idx);
              any = true;
            }
            holm |= m.significant();
          }
          outcome[i] = o | (any ? 2 : 0) | (holm ? 4 : 0);
          return 0;
        });
    List<Double> rates = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      rates.add(rate(outcome, 1 << (3 + k)));
    }
    return new AnalyzerResult(
        s, experiments, rate(outcome, 1), names, rates, rate(outcome, 2), rate(outcome, 4));
  }

  /**
   * The per-experiment seeds of one scenario ({@code stream}). Master seed and stream go through a
   * 64-bit finalizer first: a plain {@code seed * γ + stream} with SplittableRandom's own gamma
   * would make seed 2's sequence a one-step shift of seed 1's.
   */
  long[] seeds(long stream) {
    SplittableRandom m = new SplittableRandom(mix64(seed) ^ mix64(~stream));
    long[] s = new long[experiments];
    for (int i = 0; i < s.length; i++) {
      s[i] = m.nextLong();
    }
    return s;
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private void run(IntToDoubleFunction body) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, experiments).parallel().forEach(body::applyAsDouble))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private double rate(int[] outcome, int bit) {
    int k = 0;
    for (int o : outcome) {
      if ((o & bit) != 0) {
        k++;
      }
    }
    return (double) k / outcome.length;
  }

  private double mcse(double rate) {
    return Math.sqrt(rate * (1 - rate) / experiments);
  }

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
