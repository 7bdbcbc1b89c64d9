package dev.vitrina.serve.forecast;

import dev.vitrina.demand.panel.Panel;
import dev.vitrina.forecast.marketplace.MarketplaceForecast;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Daily store x item forecasts for {@code GET /v1/forecast}: a forecast model run once over a
 * marketplace history from the day after its last sale, for the model's horizon, then answered from
 * memory. Immutable and thread-safe; a new model or new data means a new table.
 */
public final class ForecastTable {

  private final Map<String, Integer> series;
  private final double[] values;
  private final int horizon;
  private final int originDay;
  private final String model;

  private ForecastTable(
      Map<String, Integer> series, double[] values, int horizon, int originDay, String model) {
    this.series = series;
    this.values = values;
    this.horizon = horizon;
    this.originDay = originDay;
    this.model = model;
  }

  /** Loads a model saved by {@code forecast train} and forecasts {@code data}'s series with it. */
  public static ForecastTable compute(Path modelDir, Path data) throws IOException {
    try (MarketplaceModel m = MarketplaceModel.load(modelDir)) {
      return of(m, MarketplaceHistory.load(data), String.valueOf(modelDir.getFileName()));
    }
  }

  /** Forecasts every bottom series of {@code history} from the day after its last sale. */
  public static ForecastTable of(MarketplaceModel model, MarketplaceHistory history, String name) {
    Objects.requireNonNull(model, "model");
    int origin = history.lastDay() + 1;
    MarketplaceForecast f = model.forecast(history, origin);
    Panel p = history.bottom();
    int h = model.spec().horizonDays();
    int sc = p.keyColumns().indexOf("store");
    int ic = p.keyColumns().indexOf("item");
    String[] stores = p.keyDictionary(sc);
    String[] items = p.keyDictionary(ic);
    int[] storeCodes = p.keyCodes(sc);
    int[] itemCodes = p.keyCodes(ic);
    Map<String, Integer> index = new HashMap<>();
    for (int s = 0; s < p.seriesCount(); s++) {
      index.put(key(stores[storeCodes[s]], items[itemCodes[s]]), s);
    }
    return new ForecastTable(index, f.bottom(), h, origin, name);
  }

  private static String key(String store, String item) {
    return store + '\u0000' + item;
  }

  /** The first forecast day. */
  public LocalDate origin() {
    return LocalDate.ofEpochDay(originDay);
  }

  /** Days forecast from {@link #origin()}. */
  public int horizon() {
    return horizon;
  }

  /** The model's name, for responses. */
  public String model() {
    return model;
  }

  /** The number of store x item series. */
  public int seriesCount() {
    return series.size();
  }

  /** The forecast of {@code days} days from {@code from} for one series, or empty if unknown. */
  public Optional<double[]> forecast(String store, String item, LocalDate from, int days) {
    Integer s = series.get(key(store, item));
    if (s == null) {
      return Optional.empty();
    }
    int start = (int) (from.toEpochDay() - originDay);
    if (start < 0 || days < 1 || start + days > horizon) {
      throw new IllegalArgumentException(
          "from "
              + from
              + " and days "
              + days
              + " leave the forecast window "
              + origin()
              + " .. "
              + origin().plusDays(horizon - 1L));
    }
    int at = s * horizon + start;
    return Optional.of(Arrays.copyOfRange(values, at, at + days));
  }
}
