package dev.vitrina.forecast.marketplace;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.gbm.GbmModel;
import java.util.List;
import java.util.Objects;

/**
 * Fits a {@link MarketplaceModel} for a {@link MarketplaceSpec}: for {@code lgbm}, one global
 * LightGBM model per direct group (or one one-step model for the recursive strategy) on the level's
 * panel built from the sales before the origin only; a baseline needs no training, and its model
 * holds no booster. Stateless: fitting twice on the same history, origin and seed gives identical
 * models.
 *
 * <p>Training rows are the {@code trainDays} before the validation window, from each series' first
 * sale on; the {@code validDays} just before the origin are the early-stopping window.
 */
public final class MarketplaceTrainer {

  private final MarketplaceSpec spec;

  public MarketplaceTrainer(MarketplaceSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  public MarketplaceSpec spec() {
    return spec;
  }

  /**
   * A fitted model and its forecast from the origin it was fitted for.
   *
   * @param model the fitted model (close it, or this, when done)
   * @param forecast equal to {@code model.forecast(history, model.originDay())}
   */
  public record Fitted(MarketplaceModel model, MarketplaceForecast forecast)
      implements AutoCloseable {

    @Override
    public void close() {
      model.close();
    }
  }

  /**
   * Fits the model that forecasts from {@code originDay}, training on the sales before it.
   *
   * @param progress advanced by one per boosting round
   * @throws dev.vitrina.core.check.ParameterException naming {@code origin} when it is after the
   *     day following the data, leaves less than 28 days of history, or is not a Monday for a
   *     weekly model
   */
  public MarketplaceModel fit(MarketplaceHistory history, int originDay, Progress progress) {
    if (!spec.model().equals("lgbm")) {
      ForecastPass.checkOrigin(history, spec, originDay);
      return new MarketplaceModel(spec, originDay, List.of());
    }
    List<GbmModel> models =
        ForecastPass.run(history, spec, originDay, null, false, progress).models();
    return new MarketplaceModel(spec, originDay, models);
  }

  /**
   * Fits the model and forecasts from the same origin in one pass, building each feature matrix
   * once (what a backtest fold needs). The forecast equals {@code fit(history, originDay,
   * progress).forecast(history, originDay)} exactly, except for its timings.
   */
  public Fitted fitAndForecast(MarketplaceHistory history, int originDay, Progress progress) {
    ForecastPass.Outcome o = ForecastPass.run(history, spec, originDay, null, true, progress);
    return new Fitted(new MarketplaceModel(spec, originDay, o.models()), o.forecast());
  }
}
