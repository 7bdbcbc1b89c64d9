package dev.vitrina.forecast.marketplace;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.disagg.ShareMethod;
import dev.vitrina.forecast.gbm.GbmConfig;
import java.util.List;
import java.util.Locale;

/**
 * What to forecast on a marketplace and how to bring it down to store x item x day.
 *
 * @param level the level the model forecasts at (e.g. {@code store,item} or {@code item,city})
 * @param freq day or week (a weekly model's forecasts are split into days by day-of-week profiles)
 * @param horizonDays days forecast from the origin (a multiple of 7 for weekly models)
 * @param model {@code lgbm}, or a baseline: {@code naive, snaive, ma, croston, sba, tsb, adida}
 * @param gbm LightGBM parameters (for {@code lgbm})
 * @param directGroups for {@code lgbm}: the ends of the horizon groups, in periods; one direct
 *     model per group, which for steps in {@code (previous end, end]} uses only lags {@code >= end}
 *     (e.g. {@code [28]}: one model with lags >= 28; {@code [7,14,21,28]}: four models)
 * @param trainDays days of training rows before the validation window
 * @param validDays days of the early-stopping window just before the origin
 * @param shares how parent forecasts are split among store x item children
 * @param shareWindowDays the trailing window the shares are computed over
 * @param profileWindowDays the trailing window of day-of-week profiles (a multiple of 7)
 * @param recursive for {@code lgbm}: one one-step model (lags >= 1) applied step by step, each
 *     step's forecast fed back as the next step's lag, instead of direct models
 */
public record MarketplaceSpec(
    Level level,
    Freq freq,
    int horizonDays,
    String model,
    GbmConfig gbm,
    List<Integer> directGroups,
    int trainDays,
    int validDays,
    ShareMethod shares,
    int shareWindowDays,
    int profileWindowDays,
    boolean recursive) {

  /** The model names accepted. */
  public static final List<String> MODELS =
      List.of("lgbm", "naive", "snaive", "ma", "croston", "sba", "tsb", "adida");

  /**
   * Validates the parameters.
   *
   * @throws ParameterException naming the parameter ({@code model}, {@code horizon_days}, {@code
   *     direct_groups}, ...) whose value breaks its rule
   */
  public MarketplaceSpec {
    if (level == null) {
      throw new ParameterException("level", "is required, e.g. store,item or item,city");
    }
    if (freq == null) {
      throw new ParameterException("freq", "is required: day or week");
    }
    if (model == null) {
      throw new ParameterException("model", "is required; use one of " + MODELS);
    }
    Checks.atLeast("horizon_days", horizonDays, 1);
    model = model.toLowerCase(Locale.ROOT);
    if (!MODELS.contains(model)) {
      throw new ParameterException("model", "must be one of " + MODELS + ", got '" + model + "'");
    }
    if (freq != Freq.DAY && horizonDays % 7 != 0) {
      throw new ParameterException(
          "horizon_days",
          "must be a multiple of 7 days for weekly forecasts, got "
              + horizonDays
              + "; use e.g. "
              + Math.max(7, horizonDays / 7 * 7));
    }
    Checks.atLeast("train_days", trainDays, 7);
    Checks.atLeast("valid_days", validDays, 0);
    Checks.atLeast("share_window_days", shareWindowDays, 1);
    if (profileWindowDays < 7 || profileWindowDays % 7 != 0) {
      throw new ParameterException(
          "profile_window_days",
          "must be a positive multiple of 7, got " + profileWindowDays + "; e.g. 56");
    }
    if (shares == null) {
      throw new ParameterException(
          "shares", "is required: PROPORTION_OF_AVERAGES or AVERAGE_OF_PROPORTIONS");
    }
    if (gbm == null) {
      throw new ParameterException("gbm", "is required; start from GbmConfig.defaults()");
    }
    int hp = horizonDays / freq.days();
    if (recursive && directGroups != null && !directGroups.equals(List.of(hp))) {
      throw new ParameterException(
          "recursive",
          "uses one one-step model, so direct groups do not apply (got "
              + directGroups
              + "); leave the direct groups out");
    }
    if (recursive && !model.equals("lgbm")) {
      throw new ParameterException(
          "recursive", "applies to the lgbm model only, got model " + model);
    }
    directGroups =
        directGroups == null || directGroups.isEmpty() ? List.of(hp) : List.copyOf(directGroups);
    int prev = 0;
    for (int g : directGroups) {
      if (g <= prev) {
        throw new ParameterException(
            "direct_groups", "must be increasing positive periods, got " + directGroups);
      }
      prev = g;
    }
    if (prev != hp) {
      throw new ParameterException(
          "direct_groups",
          "must end at the horizon in periods ("
              + hp
              + "), got "
              + directGroups
              + "; e.g. 7,14,21,28 for 28 days");
    }
  }

  /**
   * Defaults: LightGBM defaults, one direct model, 364 training days, 28 validation days,
   * proportion of averages over 28 days, day-of-week profiles over 56 days.
   */
  public static MarketplaceSpec of(Level level, Freq freq, int horizonDays, String model) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        GbmConfig.defaults(),
        null,
        364,
        28,
        ShareMethod.PROPORTION_OF_AVERAGES,
        28,
        56,
        false);
  }

  /** The horizon in periods of {@link #freq()}. */
  public int horizonPeriods() {
    return horizonDays / freq.days();
  }

  public MarketplaceSpec withGbm(GbmConfig g) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        g,
        directGroups,
        trainDays,
        validDays,
        shares,
        shareWindowDays,
        profileWindowDays,
        recursive);
  }

  public MarketplaceSpec withDirectGroups(List<Integer> groups) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        gbm,
        groups,
        trainDays,
        validDays,
        shares,
        shareWindowDays,
        profileWindowDays,
        recursive);
  }

  public MarketplaceSpec withWindows(int train, int valid) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        gbm,
        directGroups,
        train,
        valid,
        shares,
        shareWindowDays,
        profileWindowDays,
        recursive);
  }

  public MarketplaceSpec withShares(ShareMethod method, int windowDays) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        gbm,
        directGroups,
        trainDays,
        validDays,
        method,
        windowDays,
        profileWindowDays,
        recursive);
  }

  /** A copy forecasting recursively ({@code true}) or with direct models ({@code false}). */
  public MarketplaceSpec withRecursive(boolean r) {
    return new MarketplaceSpec(
        level,
        freq,
        horizonDays,
        model,
        gbm,
        directGroups,
        trainDays,
        validDays,
        shares,
        shareWindowDays,
        profileWindowDays,
        r);
  }
}
