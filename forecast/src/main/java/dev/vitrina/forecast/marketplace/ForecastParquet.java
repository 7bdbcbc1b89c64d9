package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes forecasts to Parquet, atomically (the file appears when complete): the key columns (text;
 * {@code store} and {@code item} are written as {@code store_id} and {@code item_id}), {@code date}
 * (DATE, the first day of each forecast period) and {@code forecast} (FLOAT), one row per series
 * and period, in one row group.
 */
public final class ForecastParquet {

  private ForecastParquet() {}

  /**
   * Writes {@code forecast} ({@code series * horizon}, series-major) of the panel's series.
   *
   * @param keys the key columns to write (a subset of the panel's)
   * @param originDay the epoch day of the first period
   * @param periodDays days per period (1 or 7)
   * @return rows written
   */
  public static long write(
      Path file,
      Panel panel,
      List<String> keys,
      double[] forecast,
      int horizon,
      int originDay,
      int periodDays)
      throws IOException {
    int n = panel.seriesCount();
    int rows = n * horizon;
    List<ColumnSpec> schema = new ArrayList<>();
    List<ColumnData> data = new ArrayList<>();
    for (String k : keys) {
      int c = panel.keyColumns().indexOf(k);
      int[] codes = new int[rows];
      int[] sc = panel.keyCodes(c);
      for (int s = 0; s < n; s++) {
        java.util.Arrays.fill(codes, s * horizon, (s + 1) * horizon, sc[s]);
      }
      schema.add(ColumnSpec.required(FeatureEngine.keyName(k), ColumnType.STRING));
      data.add(new StringColumn(codes, rows, panel.keyDictionary(c)));
    }
    int[] date = new int[rows];
    float[] f = new float[rows];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < horizon; k++) {
        date[s * horizon + k] = originDay + k * periodDays;
        f[s * horizon + k] = (float) forecast[s * horizon + k];
      }
    }
    schema.add(ColumnSpec.required("date", ColumnType.DATE));
    data.add(IntColumn.of(date));
    schema.add(ColumnSpec.required("forecast", ColumnType.FLOAT));
    data.add(FloatColumn.of(f));
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.SNAPPY)) {
      w.writeRowGroup(data.toArray(ColumnData[]::new));
    }
    return rows;
  }
}
