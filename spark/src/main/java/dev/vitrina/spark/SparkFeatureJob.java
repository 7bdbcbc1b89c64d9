package dev.vitrina.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.features.SeriesKernel;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The features job on Spark: reads sales ({@code store_id, item_id, date, qty}) from Parquet,
 * groups the rows by series of the level, completes each series' calendar (from its first sale to
 * the last date in the data, zeros where nothing sold) and runs {@link SeriesKernel#compute}, the
 * same per-series kernel as the local {@link FeatureEngine}, then writes Parquet with the columns
 * of {@code vitrina features --no-calendar --no-price}: the level's key columns, {@code date},
 * {@code qty} and the series features (null where NaN).
 *
 * <p>Paths are anything Spark's Parquet reader and writer accept: local folders, {@code s3a://}
 * (with hadoop-aws on the class path), {@code hdfs://}. Levels are {@code store}, {@code item} and
 * {@code store,item} (attribute levels need the dimension tables and run on the local engine).
 *
 * <p>Quantities of one (series, period) cell are summed in float in the order Spark delivers the
 * rows; with whole-number quantities (counts) the sums, and so every feature, equal the local
 * engine's bit for bit.
 */
public final class SparkFeatureJob {

  private SparkFeatureJob() {}

  /**
   * What to compute.
   *
   * @param sales the sales Parquet path (file or folder)
   * @param out the output Parquet folder
   * @param level store, item or store,item
   * @param freq day or week
   * @param spec the series features (its calendar and price flags are ignored)
   * @param overwrite replace an existing output; otherwise an existing output is an error
   * @param master a Spark master for runs without spark-submit (e.g. {@code local[2]}), or null
   */
  public record Options(
      String sales,
      String out,
      Level level,
      Freq freq,
      FeatureSpec spec,
      boolean overwrite,
      String master) {}

  /** Parses {@code --sales PATH --out PATH [--level store,item] [--freq day] ...}. */
  public static Options parse(String[] args) {
    String sales = null;
    String out = null;
    String level = "store,item";
    String freq = "day";
    String lags = "1..7,14,21,28";
    String windows = "7,14,28,56";
    boolean means = true;
    boolean overwrite = false;
    String master = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--no-means" -> means = false;
        case "--overwrite" -> overwrite = true;
        case "--sales", "--out", "--level", "--freq", "--lags", "--windows", "--master" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value; e.g. " + a + " " + example(a));
          }
          String v = args[++i];
          switch (a) {
            case "--sales" -> sales = v;
            case "--out" -> out = v;
            case "--level" -> level = v;
            case "--freq" -> freq = v;
            case "--lags" -> lags = v;
            case "--windows" -> windows = v;
            default -> master = v;
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + a
                    + "'; use --sales PATH --out PATH [--level store,item] [--freq day]"
                    + " [--lags 1..7,14,21,28] [--windows 7,14,28,56|none] [--no-means]"
                    + " [--overwrite] [--master local[2]]");
      }
    }
    if (sales == null || out == null) {
      throw new IllegalArgumentException(
          "give --sales PATH and --out PATH; e.g. --sales data/sales.parquet --out"
              + " out/features.parquet");
    }
    Level lv = Level.parse(level.replace("store_item", "store,item"));
    for (String c : lv.columns()) {
      if (!c.equals("store") && !c.equals("item")) {
        throw new IllegalArgumentException(
            "--level column '"
                + c
                + "' is not supported on Spark (only store, item, store,item); run attribute"
                + " levels with ./vitrina features");
      }
    }
    int[] w;
    if (windows.equalsIgnoreCase("none")) {
      w = new int[0];
    } else {
      String[] parts = windows.split(",");
      w = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          w[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "cannot read '" + parts[i] + "' in --windows; use e.g. --windows 7,14,28,56");
        }
      }
    }
    FeatureSpec spec = new FeatureSpec(FeatureSpec.parseLags(lags), means, w, false, false, 1);
    return new Options(sales, out, lv, Freq.parse(freq), spec, overwrite, master);
  }

  private static String example(String option) {
    return switch (option) {
      case "--sales" -> "data/sales.parquet";
      case "--out" -> "out/features.parquet";
      case "--level" -> "store,item";
      case "--freq" -> "day";
      case "--lags" -> "1..7,14,21,28";
      case "--windows" -> "7,14,28,56";
      default -> "local[2]";
    };
  }

  /** The output column names, in order. */
  public static List<String> columns(Level level, FeatureSpec spec) {
    List<String> names = new ArrayList<>();
    for (String c : level.columns()) {
      names.add(FeatureEngine.keyName(c));
    }
    names.add("date");
    names.add("qty");
    names.addAll(spec.seriesFeatureNames());
    return names;
  }

  /**
   * The feature rows of {@code sales} (columns {@code store_id, item_id, date, qty}).
   *
   * @throws IllegalArgumentException when a column is missing, the data is empty, or rows have a
   *     null key or date, or a null, negative or non-finite quantity
   */
  public static Dataset<Row> features(
      Dataset<Row> sales, String source, Level level, Freq freq, FeatureSpec spec) {
    List<String> need = List.of("store_id", "item_id", "date", "qty");
    List<String> have = Arrays.asList(sales.columns());
    for (String c : need) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException(
            source
                + " has no column '"
                + c
                + "' (columns: "
                + String.join(",", have)
                + "); the job reads store_id, item_id, date, qty: rename the columns");
      }
    }
    Dataset<Row> rows =
        sales.select(
            col("store_id").cast("string").as("store_id"),
            col("item_id").cast("string").as("item_id"),
            unix_date(to_date(col("date"))).as("day"),
            col("qty").cast("float").as("qty"));
    Column bad =
        col("store_id")
            .isNull()
            .or(col("item_id").isNull())
            .or(col("day").isNull())
            .or(col("qty").isNull())
            .or(col("qty").isNaN())
            .or(col("qty").lt(0))
            .or(col("qty").equalTo(lit(Float.POSITIVE_INFINITY)));
    Row stats =
        rows.agg(count(lit(1)), min("day"), max("day"), sum(when(bad, 1).otherwise(0))).first();
    long n = stats.getLong(0);
    if (n == 0) {
      throw new IllegalArgumentException(source + " has no rows; give a sales file with rows");
    }
    long invalid = stats.getLong(3);
    if (invalid > 0) {
      Row first = rows.filter(bad).first();
      throw new IllegalArgumentException(
          source
              + ": "
              + invalid
              + " rows break the rules (store_id, item_id and date not null; qty finite and >= 0),"
              + " first (store_id, item_id, epoch day, qty): "
              + first
              + "; fix or remove those rows");
    }
    int minDay = stats.getInt(1);
    int maxDay = stats.getInt(2);
    int origin = freq.periodStart(minDay);
    int observed = (freq.periodStart(maxDay) - origin) / freq.days() + 1;
    String[] keyCols = level.columns().stream().map(FeatureEngine::keyName).toArray(String[]::new);
    List<StructField> fields = new ArrayList<>();
    for (String k : keyCols) {
      fields.add(DataTypes.createStructField(k, DataTypes.StringType, false));
    }
    fields.add(DataTypes.createStructField("day", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("qty", DataTypes.FloatType, true));
    for (String f : spec.seriesFeatureNames()) {
      fields.add(DataTypes.createStructField(f, DataTypes.FloatType, true));
    }
    StructType schema = DataTypes.createStructType(fields);
    Kernel kernel =
        new Kernel(
            keyCols,
            freq,
            origin,
            observed,
            spec.lags(),
            spec.means(),
            spec.windows(),
            spec.minLag());
    Dataset<Row> out =
        rows.groupByKey(kernel.keyFunction(), Encoders.STRING())
            .flatMapGroups(kernel, Encoders.row(schema));
    List<Column> select = new ArrayList<>();
    for (String k : keyCols) {
      select.add(col(k));
    }
    select.add(date_from_unix_date(col("day")).as("date"));
    select.add(col("qty"));
    for (String f : spec.seriesFeatureNames()) {
      select.add(col(f));
    }
    return out.select(select.toArray(Column[]::new));
  }

  /** Reads, computes and writes; returns the rows written. */
  public static long run(SparkSession spark, Options o) {
    Dataset<Row> sales = spark.read().parquet(o.sales());
    Dataset<Row> f = features(sales, o.sales(), o.level(), o.freq(), o.spec());
    f.write().mode(o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(o.out());
    return spark.read().parquet(o.out()).count();
  }

  /**
   * Entry point for {@code spark-submit --class dev.vitrina.spark.SparkFeatureJob}. Exit code 2 for
   * bad arguments or data, 1 for other failures.
   */
  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession.Builder b = SparkSession.builder().appName("vitrina features");
    if (o.master() != null) {
      b.master(o.master())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    int code = 0;
    try {
      long t0 = System.nanoTime();
      long rows = run(spark, o);
      System.out.printf(
          "wrote %s: %,d rows x %d columns in %.2f s%n",
          o.out(), rows, columns(o.level(), o.spec()).size(), (System.nanoTime() - t0) / 1e9);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      code = 2;
    } catch (RuntimeException e) {
      System.err.println("error: " + e);
      code = 1;
    } finally {
      spark.stop();
    }
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The per-group function: one series' rows in, its feature rows out. */
  static final class Kernel implements FlatMapGroupsFunction<String, Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] keyCols;
    private final Freq freq;
    private final int origin;
    private final int observed;
    private final int[] lags;
    private final boolean means;
    private final int[] windows;
    private final int minLag;

    Kernel(
        String[] keyCols,
        Freq freq,
        int origin,
        int observed,
        int[] lags,
        boolean means,
        int[] windows,
        int minLag) {
      this.keyCols = keyCols;
      this.freq = freq;
      this.origin = origin;
      this.observed = observed;
      this.lags = lags;
      this.means = means;
      this.windows = windows;
      this.minLag = minLag;
    }

    MapFunction<Row, String> keyFunction() {
      String[] k = keyCols;
      return r -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k.length; i++) {
          if (i > 0) {
            sb.append('\u0000');
          }
          sb.append(r.getString(r.fieldIndex(k[i])));
        }
        return sb.toString();
      };
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      FeatureSpec spec = new FeatureSpec(lags, means, windows, false, false, minLag);
      int nf = spec.seriesFeatureNames().size();
      String[] keys = new String[keyCols.length];
      int[] period = new int[16];
      float[] qty = new float[16];
      int n = 0;
      int first = Integer.MAX_VALUE;
      while (rows.hasNext()) {
        Row r = rows.next();
        if (n == 0) {
          for (int i = 0; i < keyCols.length; i++) {
            keys[i] = r.getString(r.fieldIndex(keyCols[i]));
          }
        }
        if (n == period.length) {
          period = Arrays.copyOf(period, n * 2);
          qty = Arrays.copyOf(qty, n * 2);
        }
        int p = (freq.periodStart(r.getInt(2)) - origin) / freq.days();
        period[n] = p;
        qty[n] = r.getFloat(3);
        first = Math.min(first, p);
        n++;
      }
      int len = observed - first;
      float[] values = new float[len];
      for (int i = 0; i < n; i++) {
        values[period[i] - first] += qty[i];
      }
      float[][] out = new float[nf][len];
      SeriesKernel.compute(values, 0, len, spec, out, 0);
      int start = first;
      return new Iterator<>() {
        private int t;

        @Override
        public boolean hasNext() {
          return t < len;
        }

        @Override
        public Row next() {
          if (t >= len) {
            throw new NoSuchElementException();
          }
          Object[] v = new Object[keys.length + 2 + nf];
          int j = 0;
          for (String k : keys) {
            v[j++] = k;
          }
          v[j++] = origin + (start + t) * freq.days();
          v[j++] = values[t];
          for (float[] c : out) {
            float x = c[t];
            v[j++] = x != x ? null : x;
          }
          t++;
          return RowFactory.create(v);
        }
      };
    }
  }
}
