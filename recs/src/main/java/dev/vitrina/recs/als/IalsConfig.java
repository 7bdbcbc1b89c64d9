package dev.vitrina.recs.als;

import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Implicit ALS parameters. The confidence of an observed entry with value {@code r} (after {@code
 * transform}) is {@code c = 1 + alpha * r}; unobserved entries have confidence 1 and preference 0
 * (Hu et al. 2008, eq. 2-3). The loss is {@code sum c (p - x.y)^2 + regularization (|x|^2 +
 * |y|^2)}.
 *
 * @param factors latent dimensions, {@code >= 1}
 * @param regularization L2 weight {@code lambda >= 0}
 * @param regExponent frequency scaling of the L2 weight: a row (user or item) with {@code n}
 *     interactions is regularised by {@code lambda * n^regExponent}; 0 (the default) is the plain
 *     constant weight of Hu et al., 1 the weighted-lambda regularisation of Zhou et al. (2008),
 *     values in between damp heavy rows less; in {@code [0, 2]}
 * @param alpha confidence scale {@code >= 0}
 * @param iterations alternating sweeps, {@code >= 1}
 * @param cgSteps conjugate-gradient steps per least-squares solve ({@code >= 1}; 3 as in {@code
 *     implicit}); ignored by the exact solver
 * @param solver conjugate gradient (fast) or exact Cholesky (the naive reference)
 * @param transform how summed interaction values become {@code r}
 * @param seed seed of the factor initialisation
 * @param threads worker threads, {@code >= 1}
 */
public record IalsConfig(
    int factors,
    double regularization,
    double regExponent,
    double alpha,
    int iterations,
    int cgSteps,
    Solver solver,
    ValueTransform transform,
    long seed,
    int threads) {

  /** How each least-squares problem is solved. */
  public enum Solver {
    /** A few conjugate-gradient steps warm-started from the previous factors. */
    CG,
    /** The exact solution by Cholesky factorisation ({@code O(nnz f^2 + n f^3)}). */
    CHOLESKY
  }

  /** The parameter names accepted by {@link #fromParams}. */
  public static final Set<String> PARAMS =
      Set.of(
          "factors",
          "regularization",
          "reg_exponent",
          "alpha",
          "iterations",
          "cg_steps",
          "solver",
          "transform",
          "seed",
          "threads");

  public IalsConfig {
    if (factors < 1 || factors > 4096) {
      throw new IllegalArgumentException(
          "ials factors must be in [1, 4096], got " + factors + "; 32-256 is typical");
    }
    if (!(regularization >= 0) || Double.isInfinite(regularization)) {
      throw new IllegalArgumentException(
          "ials regularization must be a finite number >= 0, got " + regularization);
    }
    if (!(regExponent >= 0 && regExponent <= 2)) {
      throw new IllegalArgumentException(
          "ials reg_exponent must be in [0, 2], got "
              + regExponent
              + "; 0 = constant regularization, 1 = proportional to the row's interactions");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException(
          "ials alpha must be a finite number >= 0, got " + alpha + "; 1-50 is typical");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("ials iterations must be >= 1, got " + iterations);
    }
    if (cgSteps < 1) {
      throw new IllegalArgumentException("ials cg_steps must be >= 1, got " + cgSteps);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("ials threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(transform, "transform");
  }

  /**
   * The defaults: the configuration tuned on MovieLens 100K (docs/recommendations.md, tuning
   * record): 64 factors, regularization 50, alpha 5, 15 iterations; 3 CG steps, constant
   * regularization, binary values, seed 42, all processors.
   */
  public static IalsConfig defaults() {
    return new IalsConfig(
        64,
        50.0,
        0.0,
        5.0,
        15,
        3,
        Solver.CG,
        ValueTransform.BINARY,
        42L,
        Runtime.getRuntime().availableProcessors());
  }

  /** A config from string parameters (defaults for the missing ones). */
  public static IalsConfig fromParams(Map<String, String> values) {
    Params p = Params.of("ials", values, PARAMS);
    IalsConfig d = defaults();
    return new IalsConfig(
        p.getInt("factors", d.factors),
        p.getDouble("regularization", d.regularization),
        p.getDouble("reg_exponent", d.regExponent),
        p.getDouble("alpha", d.alpha),
        p.getInt("iterations", d.iterations),
        p.getInt("cg_steps", d.cgSteps),
        p.getEnum("solver", Solver.class, d.solver),
        p.getEnum("transform", ValueTransform.class, d.transform),
        p.getLong("seed", d.seed),
        p.getInt("threads", d.threads));
  }

  /** The parameters as JSON values (thread count excluded: it does not change the result). */
  public Map<String, Object> toParams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factors", factors);
    m.put("regularization", regularization);
    m.put("reg_exponent", regExponent);
    m.put("alpha", alpha);
    m.put("iterations", iterations);
    m.put("cg_steps", cgSteps);
    m.put("solver", solver.name().toLowerCase(java.util.Locale.ROOT));
    m.put("transform", transform.name().toLowerCase(java.util.Locale.ROOT));
    m.put("seed", seed);
    return m;
  }

  public IalsConfig withFactors(int v) {
    return new IalsConfig(
        v,
        regularization,
        regExponent,
        alpha,
        iterations,
        cgSteps,
        solver,
        transform,
        seed,
        threads);
  }

  public IalsConfig withRegularization(double v) {
    return new IalsConfig(
        factors, v, regExponent, alpha, iterations, cgSteps, solver, transform, seed, threads);
  }

  public IalsConfig withRegExponent(double v) {
    return new IalsConfig(
        factors, regularization, v, alpha, iterations, cgSteps, solver, transform, seed, threads);
  }

  public IalsConfig withAlpha(double v) {
    return new IalsConfig(
        factors,
        regularization,
        regExponent,
        v,
        iterations,
        cgSteps,
        solver,
        transform,
        seed,
        threads);
  }

  public IalsConfig withIterations(int v) {
    return new IalsConfig(
        factors, regularization, regExponent, alpha, v, cgSteps, solver, transform, seed, threads);
  }

  public IalsConfig withCgSteps(int v) {
    return new IalsConfig(
        factors,
        regularization,
        regExponent,
        alpha,
        iterations,
        v,
        solver,
        transform,
        seed,
        threads);
  }

  public IalsConfig withSolver(Solver v) {
    return new IalsConfig(
        factors,
        regularization,
        regExponent,
        alpha,
        iterations,
        cgSteps,
        v,
        transform,
        seed,
        threads);
  }

  public IalsConfig withTransform(ValueTransform v) {
    return new IalsConfig(
        factors, regularization, regExponent, alpha, iterations, cgSteps, solver, v, seed, threads);
  }

  public IalsConfig withSeed(long v) {
    return new IalsConfig(
        factors,
        regularization,
        regExponent,
        alpha,
        iterations,
        cgSteps,
        solver,
        transform,
        v,
        threads);
  }

  public IalsConfig withThreads(int v) {
    return new IalsConfig(
        factors,
        regularization,
        regExponent,
        alpha,
        iterations,
        cgSteps,
        solver,
        transform,
        seed,
        v);
  }
}
