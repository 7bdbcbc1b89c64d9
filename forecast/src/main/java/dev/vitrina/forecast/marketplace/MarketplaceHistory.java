package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A marketplace's sales history, the input a {@link MarketplaceModel} forecasts from and a {@link
 * MarketplaceTrainer} fits on: the validated sales, the store and item dimensions, the prices file
 * and the bottom panel (store x item plus the store and item attributes, daily, every day in the
 * data), which is built once. A model or trainer reads only the sales before the origin it is
 * given; the bottom panel supplies the disaggregation's history and, in a backtest, the actuals.
 *
 * <p>Immutable once built; share one history between any number of models and origins.
 */
public final class MarketplaceHistory {

  /** The finest level: store x item. */
  public static final List<String> BOTTOM = List.of("store", "item");

  private final SalesTable sales;
  private final Dimensions dims;
  private final Path pricesFile;
  private final Panel bottom;
  private final int day0;

  /**
   * Wraps already loaded data.
   *
   * @param pricesFile the prices Parquet file, or null when there is none (price features are then
   *     missing)
   */
  public MarketplaceHistory(SalesTable sales, Dimensions dims, Path pricesFile) {
    this.sales = sales;
    this.dims = dims;
    this.pricesFile = pricesFile;
    List<String> cols = new ArrayList<>(BOTTOM);
    cols.addAll(dims.storeAttributes().keySet());
    cols.addAll(dims.itemAttributes().keySet());
    this.bottom = PanelBuilder.build(sales, dims, PanelOptions.of(new Level(cols), Freq.DAY));
    this.day0 = bottom.periodStartDay(0);
  }

  /** Loads a data directory written by {@code ./vitrina generate}. */
  public static MarketplaceHistory load(Path dataDir) throws IOException {
    Marketplace m = Marketplace.load(dataDir);
    return new MarketplaceHistory(
        m.readSales(SalesReadOptions.DEFAULT), m.dimensions(), m.pricesFile());
  }

  /** The bottom panel (store x item with attributes, daily, all data). */
  public Panel bottom() {
    return bottom;
  }

  public SalesTable sales() {
    return sales;
  }

  public Dimensions dimensions() {
    return dims;
  }

  /** The prices file, or null. */
  public Path pricesFile() {
    return pricesFile;
  }

  /** The first day of the data (epoch day). */
  public int firstDay() {
    return day0;
  }

  /** The last day of the data (epoch day). */
  public int lastDay() {
    return bottom.periodStartDay(bottom.observedPeriods() - 1);
  }

  /**
   * The bottom series' daily values in {@code [fromDay, toDay)}, dense, NaN before a series' first
   * sale.
   */
  public float[] bottomWindow(int fromDay, int toDay) {
    int n = bottom.seriesCount();
    int w = toDay - fromDay;
    float[] out = new float[n * w];
    for (int s = 0; s < n; s++) {
      int first = bottom.firstPeriod(s);
      int len = bottom.offsets()[s + 1] - bottom.offsets()[s];
      for (int t = 0; t < w; t++) {
        int per = fromDay + t - day0;
        int r = per - first;
        out[s * w + t] =
            r < 0 || per < 0 ? Float.NaN : r >= len ? 0 : bottom.values()[bottom.offsets()[s] + r];
      }
    }
    return out;
  }
}
