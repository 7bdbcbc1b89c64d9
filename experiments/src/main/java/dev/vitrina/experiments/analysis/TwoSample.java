package dev.vitrina.experiments.analysis;

import dev.vitrina.core.check.Checks;
import dev.vitrina.experiments.stats.Interval;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sample comparisons of a treatment arm with control on sufficient statistics. Every method
 * returns the absolute difference with a CI, the relative lift {@code t/c - 1} with a delta-method
 * CI (normal quantile), and a two-sided test. Arms are independent (randomized units).
 *
 * <ul>
 *   <li>{@link #welch}: Welch's unequal-variance t-test (Welch 1947) with Satterthwaite degrees of
 *       freedom; the CI of the difference uses the same t quantile. Equal to Commons Statistics'
 *       {@code TTest} (heteroscedastic) to 1e-9.
 *   <li>{@link #proportions}: z-test on 0/1 outcomes, unpooled (the default: the CI and the test
 *       agree) or pooled under the null (equal to the 2x2 chi-square test without continuity
 *       correction).
 *   <li>{@link #ratio}: a ratio of per-unit sums (e.g. clicks/impressions) whose units are users,
 *       with the delta method variance {@code Var(x̄/ȳ) ≈ (σx²/μy² - 2μx σxy/μy³ + μx² σy²/μy⁴)/n}
 *       (Deng, Knoblich &amp; Lu, "Applying the delta method in metric analytics", KDD 2018).
 *   <li>{@link #cuped}: CUPED (Deng, Xu, Kohavi &amp; Walker, WSDM 2013): {@code Y - θ(X - X̄)}
 *       with {@code θ = cov(Y, X)/var(X)} over both arms, then Welch.
 * </ul>
 *
 * <p>Relative lift: {@code Var(t̄/c̄) ≈ Var(t̄)/c̄² + t̄² Var(c̄)/c̄⁴} (delta method, same paper).
 * It is reported only for a positive control value; otherwise {@link Comparison#relative()} is
 * {@code null}.
 */
public final class TwoSample {

  private static final NormalDistribution Z = NormalDistribution.of(0, 1);

  private TwoSample() {}

  /** Welch's t-test of the means. Each arm needs at least 2 units. */
  public static Comparison welch(
      String controlName, Moments c, String treatmentName, Moments t, double alpha) {
    checkAlpha(alpha);
    requireUnits(controlName, c.count(), 2);
    requireUnits(treatmentName, t.count(), 2);
    double vc = c.varianceOfMean();
    double vt = t.varianceOfMean();
    double diff = t.mean() - c.mean();
    double se = Math.sqrt(vc + vt);
    double df = (vc + vt) * (vc + vt) / (vc * vc / (c.count() - 1) + vt * vt / (t.count() - 1));
    double stat;
    double p;
    double q;
    if (se > 0 && df > 0) {
      TDistribution td = TDistribution.of(df);
      stat = diff / se;
      p = 2 * td.survivalProbability(Math.abs(stat));
      q = td.inverseSurvivalProbability(alpha / 2);
    } else {
      stat = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
      p = diff == 0 ? 1 : 0;
      q = 0;
      df = Double.NaN;
    }
    return new Comparison(
        "welch-t",
        new ArmSummary(controlName, c.count(), c.mean(), Math.sqrt(vc)),
        new ArmSummary(treatmentName, t.count(), t.mean(), Math.sqrt(vt)),
        new Estimate(diff, se, Interval.around(diff, q * se)),
        relative(c.mean(), vc, t.mean(), vt, alpha),
        new TestResult("welch-t", stat, Double.isNaN(df) ? null : df, Math.min(1, p)));
  }

  /**
   * The z-test of two proportions from success counts. {@code pooled} uses the pooled proportion
   * under the null for the test's standard error (the CI stays unpooled).
   */
  public static Comparison proportions(
      String controlName,
      long successesC,
      long unitsC,
      String treatmentName,
      long successesT,
      long unitsT,
      double alpha,
      boolean pooled) {
    checkAlpha(alpha);
    requireUnits(controlName, unitsC, 1);
    requireUnits(treatmentName, unitsT, 1);
    Checks.require(
        successesC >= 0 && successesC <= unitsC && successesT >= 0 && successesT <= unitsT,
        "successes must be in [0, units], got "
            + successesC
            + "/"
            + unitsC
            + " and "
            + successesT
            + "/"
            + unitsT);
    double pc = (double) successesC / unitsC;
    double pt = (double) successesT / unitsT;
    double vc = pc * (1 - pc) / unitsC;
    double vt = pt * (1 - pt) / unitsT;
    double diff = pt - pc;
    double se = Math.sqrt(vc + vt);
    double testSe = se;
    if (pooled) {
      double pbar = (double) (successesC + successesT) / (unitsC + unitsT);
      testSe = Math.sqrt(pbar * (1 - pbar) * (1.0 / unitsC + 1.0 / unitsT));
    }
    double stat;
    double p;
    if (testSe > 0) {
      stat = diff / testSe;
      p = 2 * Z.survivalProbability(Math.abs(stat));
    } else {
      stat = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
      p = diff == 0 ? 1 : 0;
    }
    double q = Z.inverseSurvivalProbability(alpha / 2);
    String method = pooled ? "z-pooled" : "z-unpooled";
    return new Comparison(
        method,
        new ArmSummary(controlName, unitsC, pc, Math.sqrt(vc)),
        new ArmSummary(treatmentName, unitsT, pt, Math.sqrt(vt)),
        new Estimate(diff, se, Interval.around(diff, q * se)),
        relative(pc, vc, pt, vt, alpha),
        new TestResult(method, stat, null, Math.min(1, p)));
  }

  /**
   * A ratio metric {@code Σx/Σy} per arm (x = numerator, y = denominator, one pair per unit), with
   * delta-method standard errors and a z-test. Each arm needs at least 2 units and a non-zero
   * denominator mean.
   */
  public static Comparison ratio(
      String controlName,
      BivariateMoments c,
      String treatmentName,
      BivariateMoments t,
      double alpha) {
    checkAlpha(alpha);
    requireUnits(controlName, c.count(), 2);
    requireUnits(treatmentName, t.count(), 2);
    Checks.require(
        c.meanY() != 0 && t.meanY() != 0,
        "ratio metric has a zero denominator in an arm ("
            + controlName
            + ": "
            + c.meanY()
            + ", "
            + treatmentName
            + ": "
            + t.meanY()
            + " per unit); check the denominator column or event name");
    double rc = c.meanX() / c.meanY();
    double rt = t.meanX() / t.meanY();
    double vc = ratioVariance(c);
    double vt = ratioVariance(t);
    double diff = rt - rc;
    double se = Math.sqrt(vc + vt);
    double stat;
    double p;
    if (se > 0) {
      stat = diff / se;
      p = 2 * Z.survivalProbability(Math.abs(stat));
    } else {
      stat = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
      p = diff == 0 ? 1 : 0;
    }
    double q = Z.inverseSurvivalProbability(alpha / 2);
    return new Comparison(
        "delta-method-z",
        new ArmSummary(controlName, c.count(), rc, Math.sqrt(vc)),
        new ArmSummary(treatmentName, t.count(), rt, Math.sqrt(vt)),
        new Estimate(diff, se, Interval.around(diff, q * se)),
        relative(rc, vc, rt, vt, alpha),
        new TestResult("delta-method-z", stat, null, Math.min(1, p)));
  }

  /** The delta-method variance of {@code x̄/ȳ} for one arm. */
  public static double ratioVariance(BivariateMoments m) {
    double mx = m.meanX();
    double my = m.meanY();
    double v =
        m.varianceX() / (my * my)
            - 2 * mx * m.covariance() / (my * my * my)
            + mx * mx * m.varianceY() / (my * my * my * my);
    return Math.max(0, v) / m.count();
  }

  /**
   * CUPED: the metric ({@code x} of the pairs) adjusted by the pre-period covariate ({@code y}),
   * {@code θ} estimated on both arms together, then Welch's test on the adjusted values. Computed
   * from the moments alone: the adjusted arm mean is {@code x̄ - θ(ȳ_arm - ȳ_all)} and its variance
   * {@code s_x² - 2θ s_xy + θ² s_y²}.
   */
  public static CupedResult cuped(
      String controlName,
      BivariateMoments c,
      String treatmentName,
      BivariateMoments t,
      double alpha) {
    BivariateMoments all = new BivariateMoments();
    all.merge(c);
    all.merge(t);
    double varCov = all.varianceY();
    double theta = varCov > 0 ? all.covariance() / varCov : 0;
    double corr =
        varCov > 0 && all.varianceX() > 0
            ? all.covariance() / Math.sqrt(varCov * all.varianceX())
            : 0;
    Moments ac = adjusted(c, theta, all.meanY());
    Moments at = adjusted(t, theta, all.meanY());
    Comparison plain = welch(controlName, c.x(), treatmentName, t.x(), alpha);
    Comparison adj = welch(controlName, ac, treatmentName, at, alpha);
    Comparison renamed =
        new Comparison(
            "cuped-welch-t",
            adj.control(),
            adj.treatment(),
            adj.absolute(),
            adj.relative(),
            new TestResult(
                "cuped-welch-t",
                adj.test().statistic(),
                adj.test().degreesOfFreedom(),
                adj.test().pValue()));
    double v0 = plain.absolute().standardError();
    double v1 = adj.absolute().standardError();
    double reduction = v0 > 0 ? 1 - (v1 * v1) / (v0 * v0) : 0;
    return new CupedResult(renamed, plain, theta, corr, reduction);
  }

  private static Moments adjusted(BivariateMoments m, double theta, double covMeanAll) {
    double mean = m.meanX() - theta * (m.meanY() - covMeanAll);
    double var = m.varianceX() - 2 * theta * m.covariance() + theta * theta * m.varianceY();
    return Moments.ofSummary(m.count(), mean, Math.max(0, var));
  }

  /**
   * The relative lift {@code t/c - 1} with its delta-method standard error and normal CI, or {@code
   * null} when the control value {@code mc} is not positive: then the lift is undefined ({@code c =
   * 0}) or its sign misleads ({@code c < 0}: a treatment above control gives a negative lift).
   */
  static Estimate relative(double mc, double varMc, double mt, double varMt, double alpha) {
    if (!(mc > 0) || !Double.isFinite(mc)) {
      return null;
    }
    double rel = mt / mc - 1;
    double var = varMt / (mc * mc) + mt * mt * varMc / (mc * mc * mc * mc);
    double se = Math.sqrt(var);
    double q = Z.inverseSurvivalProbability(alpha / 2);
    return new Estimate(rel, se, Interval.around(rel, q * se));
  }

  private static void checkAlpha(double alpha) {
    Checks.inOpenRange("alpha", alpha, 0, 1);
  }

  private static void requireUnits(String arm, long n, int min) {
    Checks.require(
        n >= min,
        "arm '"
            + arm
            + "' has "
            + n
            + " units; the test needs at least "
            + min
            + " per arm (check the variant names and the experiment filter)");
  }
}
