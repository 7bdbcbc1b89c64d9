package dev.vitrina.demand.features;

import dev.vitrina.demand.data.Columns;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Relative price and promotion per item and day, dense ({@code items x days}).
 *
 * <p>Two sources. A price file ({@code prices.parquet}: item_id, date, price, promo) lists prices
 * known in advance, so the feature for day t is the price of day t. Without one, prices are taken
 * from the sales rows, where a price is only seen on days the item sold: then the feature for day t
 * is the last price seen strictly before t (mean over stores), so the feature never reveals whether
 * the item sold on t. The relative price is {@code price / regular}, regular being the items
 * table's {@code base_price}, else the item's highest observed price.
 */
final class PriceTable {
  final int firstDay;
  final int days;
  final float[] rel;
  final float[] promo;

  private PriceTable(int firstDay, int days, int items) {
    this.firstDay = firstDay;
    this.days = days;
    long cells = (long) items * days;
    if (cells > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "price table of "
              + items
              + " items x "
              + days
              + " days is too large; leave out the price features (FeatureSpec.price)");
    }
    rel = new float[(int) cells];
    promo = new float[(int) cells];
    Arrays.fill(rel, Float.NaN);
    Arrays.fill(promo, Float.NaN);
  }

  float rel(int item, int day) {
    int d = day - firstDay;
    return d < 0 || d >= days ? Float.NaN : rel[item * days + d];
  }

  float promo(int item, int day) {
    int d = day - firstDay;
    return d < 0 || d >= days ? Float.NaN : promo[item * days + d];
  }

  /** From sales rows, lagged: the last price seen strictly before each day. */
  static PriceTable fromSales(SalesTable sales, Dimensions dims, int firstDay, int lastDay) {
    int items = sales.items().size();
    int days = lastDay - firstDay + 1;
    PriceTable t = new PriceTable(firstDay, days, items);
    double[] regular = regular(sales, dims);
    float[] priceSum = new float[items * days];
    float[] promoSum = new float[items * days];
    short[] count = new short[items * days];
    int[] day = sales.day();
    for (int i = 0; i < sales.rows(); i++) {
      float p = sales.price()[i];
      int d = day[i] - firstDay;
      if (p != p || d < 0 || d >= days) {
        continue;
      }
      int cell = sales.item()[i] * days + d;
      priceSum[cell] += p;
      float pr = sales.promo()[i];
      promoSum[cell] += pr == pr ? pr : 0;
      if (count[cell] < Short.MAX_VALUE) {
        count[cell]++;
      }
    }
    for (int it = 0; it < items; it++) {
      float lastRel = Float.NaN;
      float lastPromo = Float.NaN;
      double reg = regular[it];
      for (int d = 0; d < days; d++) {
        int cell = it * days + d;
        t.rel[cell] = lastRel;
        t.promo[cell] = lastPromo;
        if (count[cell] > 0) {
          lastRel = (float) (priceSum[cell] / count[cell] / reg);
          lastPromo = promoSum[cell] / count[cell];
        }
      }
    }
    return t;
  }

  /** From a price file of prices known in advance (item_id, date, price, promo). */
  static PriceTable fromFile(
      Path file, SalesTable sales, Dimensions dims, int firstDay, int lastDay) throws IOException {
    int items = sales.items().size();
    int days = lastDay - firstDay + 1;
    PriceTable t = new PriceTable(firstDay, days, items);
    double[] regular = regular(sales, dims);
    try (ParquetReader r = ParquetReader.open(file)) {
      String[] ids = Columns.strings(r.readColumn("item_id"), file, "item_id");
      IntColumn dates = r.readDays("date");
      float[] price = Columns.floats(r.readColumn("price"), file, "price");
      float[] promo = Columns.floats(r.readColumn("promo"), file, "promo");
      int[] itemOf = new int[0];
      String last = null;
      int lastItem = -1;
      for (int i = 0; i < ids.length; i++) {
        if (!ids[i].equals(last)) {
          last = ids[i];
          lastItem = sales.items().indexOrMinusOne(last);
        }
        int d = dates.values()[i] - firstDay;
        if (lastItem < 0 || d < 0 || d >= days) {
          continue;
        }
        int cell = lastItem * days + d;
        t.rel[cell] = (float) (price[i] / regular[lastItem]);
        t.promo[cell] = promo[i];
      }
      assert itemOf.length == 0;
    }
    return t;
  }

  private static double[] regular(SalesTable sales, Dimensions dims) {
    int items = sales.items().size();
    double[] reg = new double[items];
    if (dims.basePrice() != null && dims.items() != null && dims.items().size() == items) {
      for (int i = 0; i < items; i++) {
        reg[i] = dims.basePrice()[i];
      }
    }
    double[] maxSeen = new double[items];
    for (int i = 0; i < sales.rows(); i++) {
      float p = sales.price()[i];
      if (p == p && p > maxSeen[sales.item()[i]]) {
        maxSeen[sales.item()[i]] = p;
      }
    }
    for (int i = 0; i < items; i++) {
      if (!(reg[i] > 0)) {
        reg[i] = maxSeen[i] > 0 ? maxSeen[i] : Double.NaN;
      }
    }
    return reg;
  }
}
