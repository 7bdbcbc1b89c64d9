package dev.vitrina.forecast.gbm;

import dev.vitrina.core.check.ParameterException;

/** The LightGBM objective. */
public enum Objective {
  /**
   * Tweedie deviance with log link: zero-inflated, right-skewed counts (the M5 winners' choice).
   */
  TWEEDIE("tweedie"),
  /** Poisson deviance with log link. */
  POISSON("poisson"),
  /** Squared error. */
  L2("regression");

  private final String lightgbm;

  Objective(String lightgbm) {
    this.lightgbm = lightgbm;
  }

  /**
   * Parses an option value: {@code tweedie}, {@code poisson} or {@code l2} (also {@code
   * regression}, {@code mse}), any case.
   *
   * @param option the parameter's name in the caller's terms (e.g. {@code objective})
   * @throws ParameterException naming {@code option} and the valid values
   */
  public static Objective parse(String value, String option) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "tweedie" -> TWEEDIE;
      case "poisson" -> POISSON;
      case "l2", "regression", "mse" -> L2;
      default ->
          throw new ParameterException(
              option, "must be tweedie, poisson or l2, got '" + value + "'");
    };
  }

  /** The objective's LightGBM parameter value. */
  public String lightgbmName() {
    return lightgbm;
  }
}
