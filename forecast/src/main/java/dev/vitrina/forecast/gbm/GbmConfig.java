package dev.vitrina.forecast.gbm;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LightGBM training parameters. Start from {@link #defaults()} and change fields with the {@code
 * with...} methods.
 *
 * @param objective the loss (default tweedie)
 * @param tweedieVariancePower the tweedie variance power in [1, 2) (default 1.1; 1 = poisson-like,
 *     towards 2 = gamma-like)
 * @param maxRounds the maximum number of boosting rounds
 * @param learningRate the shrinkage
 * @param numLeaves the maximum number of leaves per tree
 * @param minDataInLeaf the minimum number of rows per leaf
 * @param featureFraction the fraction of features sampled per tree
 * @param baggingFraction the fraction of rows sampled per round (every round)
 * @param earlyStoppingRounds stop when the validation RMSE has not improved for this many rounds
 *     (0: never stop early; ignored without a validation set)
 * @param seed the seed for every random choice (row and feature sampling)
 * @param threads LightGBM threads
 * @param categorical names of features treated as categorical (e.g. {@code dow}); must be small
 *     non-negative integers
 */
public record GbmConfig(
    Objective objective,
    double tweedieVariancePower,
    int maxRounds,
    double learningRate,
    int numLeaves,
    int minDataInLeaf,
    double featureFraction,
    double baggingFraction,
    int earlyStoppingRounds,
    long seed,
    int threads,
    List<String> categorical) {

  /**
   * Validates the parameters.
   *
   * @throws ParameterException naming the LightGBM parameter ({@code num_leaves}, {@code
   *     learning_rate}, ...) whose value breaks its rule
   */
  public GbmConfig {
    if (objective == null) {
      throw new ParameterException("objective", "is required: tweedie, poisson or l2");
    }
    Checks.inRange("tweedie_variance_power", tweedieVariancePower, 1.0, 1.999);
    Checks.atLeast("max_rounds", maxRounds, 1);
    Checks.inOpenRange("learning_rate", learningRate, 0, 1.0001);
    Checks.atLeast("num_leaves", numLeaves, 2);
    Checks.atLeast("min_data_in_leaf", minDataInLeaf, 1);
    Checks.inOpenRange("feature_fraction", featureFraction, 0, 1.0001);
    Checks.inOpenRange("bagging_fraction", baggingFraction, 0, 1.0001);
    Checks.atLeast("early_stopping_rounds", earlyStoppingRounds, 0);
    Checks.atLeast("threads", threads, 1);
    categorical = categorical == null ? List.of() : List.copyOf(categorical);
  }

  /**
   * Defaults tuned for speed on two cores: tweedie 1.1, up to 400 rounds at learning rate 0.08, 63
   * leaves, 100 rows per leaf, 80% features and rows per round, early stopping after 20 rounds,
   * seed 42, 2 threads.
   */
  public static GbmConfig defaults() {
    return new GbmConfig(
        Objective.TWEEDIE, 1.1, 400, 0.08, 63, 100, 0.8, 0.8, 20, 42L, 2, List.of());
  }

  public GbmConfig withObjective(Objective o) {
    return new GbmConfig(
        o,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        categorical);
  }

  public GbmConfig withTweedieVariancePower(double p) {
    return new GbmConfig(
        objective,
        p,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        categorical);
  }

  public GbmConfig withRounds(int rounds, double rate) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        rounds,
        rate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        categorical);
  }

  public GbmConfig withTrees(int leaves, int minData) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        leaves,
        minData,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        categorical);
  }

  /**
   * A copy sampling {@code featureFraction} of the features per tree, {@code baggingFraction} of
   * the rows per round.
   */
  public GbmConfig withSampling(double featureFraction, double baggingFraction) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        categorical);
  }

  public GbmConfig withEarlyStopping(int rounds) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        rounds,
        seed,
        threads,
        categorical);
  }

  public GbmConfig withSeed(long s) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        s,
        threads,
        categorical);
  }

  public GbmConfig withThreads(int t) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        t,
        categorical);
  }

  public GbmConfig withCategorical(List<String> names) {
    return new GbmConfig(
        objective,
        tweedieVariancePower,
        maxRounds,
        learningRate,
        numLeaves,
        minDataInLeaf,
        featureFraction,
        baggingFraction,
        earlyStoppingRounds,
        seed,
        threads,
        names);
  }

  /**
   * The LightGBM parameter string (without categorical features, which need column indices). Always
   * deterministic: {@code deterministic=true force_row_wise=true} and one seed.
   */
  public String lightgbmParams() {
    StringBuilder b = new StringBuilder();
    b.append("objective=").append(objective.lightgbmName());
    if (objective == Objective.TWEEDIE) {
      b.append(String.format(Locale.ROOT, " tweedie_variance_power=%s", tweedieVariancePower));
    }
    b.append(String.format(Locale.ROOT, " learning_rate=%s", learningRate))
        .append(" num_leaves=")
        .append(numLeaves)
        .append(" min_data_in_leaf=")
        .append(minDataInLeaf)
        .append(String.format(Locale.ROOT, " feature_fraction=%s", featureFraction))
        .append(String.format(Locale.ROOT, " bagging_fraction=%s", baggingFraction))
        .append(baggingFraction < 1 ? " bagging_freq=1" : "")
        .append(" metric=rmse")
        .append(" seed=")
        .append(seed)
        .append(" deterministic=true force_row_wise=true")
        .append(" num_threads=")
        .append(threads)
        .append(" verbose=-1");
    return b.toString();
  }

  /**
   * The config written by {@link #toMap()} (e.g. read back from an artifact manifest).
   *
   * @throws ParameterException naming a parameter that is missing or breaks its rule
   */
  @SuppressWarnings("unchecked")
  public static GbmConfig fromMap(Map<String, Object> m) {
    Object objective = require(m, "objective");
    return new GbmConfig(
        Objective.parse(objective.toString(), "objective"),
        number(m, "tweedie_variance_power").doubleValue(),
        number(m, "max_rounds").intValue(),
        number(m, "learning_rate").doubleValue(),
        number(m, "num_leaves").intValue(),
        number(m, "min_data_in_leaf").intValue(),
        number(m, "feature_fraction").doubleValue(),
        number(m, "bagging_fraction").doubleValue(),
        number(m, "early_stopping_rounds").intValue(),
        number(m, "seed").longValue(),
        number(m, "threads").intValue(),
        (List<String>) m.get("categorical"));
  }

  private static Object require(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (v == null) {
      throw new ParameterException(name, "is missing; save the config with toMap()");
    }
    return v;
  }

  private static Number number(Map<String, Object> m, String name) {
    if (require(m, name) instanceof Number n) {
      return n;
    }
    throw new ParameterException(name, "must be a number, got '" + m.get(name) + "'");
  }

  /** The parameters as a JSON-ready map (for artifact manifests). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective", objective.name().toLowerCase(Locale.ROOT));
    m.put("tweedie_variance_power", tweedieVariancePower);
    m.put("max_rounds", maxRounds);
    m.put("learning_rate", learningRate);
    m.put("num_leaves", numLeaves);
    m.put("min_data_in_leaf", minDataInLeaf);
    m.put("feature_fraction", featureFraction);
    m.put("bagging_fraction", baggingFraction);
    m.put("early_stopping_rounds", earlyStoppingRounds);
    m.put("seed", seed);
    m.put("threads", threads);
    m.put("categorical", categorical);
    return m;
  }
}
