package dev.vitrina.forecast.gbm;

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

  /** The objective's LightGBM parameter value. */
  public String lightgbmName() {
    return lightgbm;
  }
}
