package dev.vitrina.synth;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.parquet.BooleanColumn;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Generates a synthetic marketplace into a directory of Parquet files: {@code stores.parquet},
 * {@code items.parquet}, {@code calendar.parquet}, {@code sales.parquet} (non-zero rows only), and
 * through {@link InteractionsGenerator} {@code users.parquet}, {@code user_interests.parquet} and
 * {@code interactions.parquet}.
 *
 * <p>Demand of item i in store j on day t is Poisson with rate {@code base_i * store_j *
 * storeCategory_jc * weekday_c(t) * season_d(t) * trend_i(t) * (price_it / base_price_i)^-e_i *
 * promoLift^promo_it * event_c(t) * gamma noise}, zero before the item's launch in that store and
 * after its discontinuation. See {@code docs/synthetic-data.md}.
 *
 * <p>Determinism: every item and every store x item series draws from its own {@link
 * SplittableRandom} seeded from (seed, ids), so the output does not depend on thread scheduling:
 * same seed, same bytes.
 */
public final class MarketplaceGenerator {

  static final String[] CATEGORIES = {"FOODS", "HOBBIES", "HOUSEHOLD"};
  static final double[] CATEGORY_SHARE = {0.471, 0.185, 0.344};
  static final String[][] DEPARTMENTS = {
    {"FOODS_1", "FOODS_2", "FOODS_3"}, {"HOBBIES_1", "HOBBIES_2"}, {"HOUSEHOLD_1", "HOUSEHOLD_2"}
  };
  static final double[][] DEPARTMENT_SHARE = {{0.15, 0.28, 0.57}, {0.74, 0.26}, {0.51, 0.49}};
  static final String[][] SUBCATEGORIES = {
    {
      "dairy",
      "bakery",
      "produce",
      "frozen",
      "snacks",
      "beverages",
      "canned",
      "cereal",
      "pasta",
      "spices"
    },
    {
      "toys",
      "crafts",
      "books",
      "board games",
      "sports",
      "music",
      "party",
      "garden",
      "camping",
      "art"
    },
    {
      "cleaning",
      "kitchen",
      "bath",
      "laundry",
      "pet food",
      "toothpaste",
      "paper",
      "lighting",
      "storage",
      "tools"
    }
  };
  private static final double[] CATEGORY_RATE = {2.0, 0.55, 0.8};
  private static final double[] CATEGORY_PRICE = {3.0, 8.0, 6.0};
  private static final double[][] WEEKDAY_PROFILE = { // Monday..Sunday
    {0.90, 0.85, 0.85, 0.90, 1.05, 1.30, 1.25},
    {0.85, 0.80, 0.85, 0.90, 1.05, 1.35, 1.30},
    {0.90, 0.90, 0.90, 0.95, 1.05, 1.20, 1.15}
  };

  /** Stores in a fixed order: id, city, state, latitude, longitude. */
  static final String[][] STORES = {
    {"CA_1", "Los Angeles", "CA", "34.0522", "-118.2437"},
    {"TX_1", "Houston", "TX", "29.7604", "-95.3698"},
    {"CA_2", "San Francisco", "CA", "37.7749", "-122.4194"},
    {"WI_1", "Milwaukee", "WI", "43.0389", "-87.9065"},
    {"CA_3", "Los Angeles", "CA", "34.1015", "-118.3417"},
    {"TX_2", "Dallas", "TX", "32.7767", "-96.7970"},
    {"WI_2", "Madison", "WI", "43.0731", "-89.4012"},
    {"CA_4", "San Diego", "CA", "32.7157", "-117.1611"},
    {"TX_3", "Houston", "TX", "29.7499", "-95.3584"},
    {"WI_3", "Milwaukee", "WI", "43.0731", "-87.9500"},
  };

  /** The default range of planted interests per user: 2 to 4. */
  public static final int DEFAULT_MIN_INTERESTS = 2;

  /** The default maximum number of planted interests per user. */
  public static final int DEFAULT_MAX_INTERESTS = 4;

  private final Preset preset;
  private final long seed;
  private int minInterests = DEFAULT_MIN_INTERESTS;
  private int maxInterests = DEFAULT_MAX_INTERESTS;

  /** A generator for {@code preset} with {@code seed}. */
  public MarketplaceGenerator(Preset preset, long seed) {
    this.preset = preset;
    this.seed = seed;
  }

  /**
   * This generator with each user drawing between {@code min} and {@code max} planted interests
   * (uniformly). The default, 2 to 4, gives the same output as before this option existed; any
   * other range changes the interactions of every user.
   *
   * @throws IllegalArgumentException when not {@code 1 <= min <= max <= 10}
   */
  public MarketplaceGenerator plantedInterests(int min, int max) {
    if (min < 1 || max < min || max > 10) {
      throw new IllegalArgumentException(
          "planted interests per user must satisfy 1 <= min <= max <= 10, got min="
              + min
              + " max="
              + max
              + "; e.g. 1 and 4");
    }
    MarketplaceGenerator g = new MarketplaceGenerator(preset, seed);
    g.minInterests = min;
    g.maxInterests = max;
    return g;
  }

  /** What was written. */
  public record Summary(
      Path dir,
      String preset,
      long seed,
      int stores,
      int items,
      int days,
      long series,
      long salesRows,
      double nonZeroShare,
      long users,
      long interactions,
      List<String> files) {}

  /** The generated catalogue, shared with the interactions generator. */
  record Catalog(
      String[] itemIds,
      int[] category,
      int[] department,
      int[] subcategory,
      double[] basePrice,
      double[] baseRate) {}

  /** Writes the marketplace into {@code dir} (created if needed; files replaced atomically). */
  public Summary generate(Path dir, Progress progress) throws IOException {
    Files.createDirectories(dir);
    int nStores = preset.stores();
    int nItems = preset.items();
    int days = preset.days();
    Catalog catalog = catalog();
    Calendar calendar = Calendar.build(preset.start(), days);

    writeStores(dir.resolve("stores.parquet"), nStores);
    writeItems(dir.resolve("items.parquet"), catalog);
    calendar.write(dir.resolve("calendar.parquet"));

    // Item-level daily price and promotion (national pricing).
    float[] price = new float[nItems * days];
    boolean[] promo = new boolean[nItems * days];
    ItemDynamics[] dyn = new ItemDynamics[nItems];
    for (int i = 0; i < nItems; i++) {
      dyn[i] = itemDynamics(i, catalog, price, promo, days);
    }
    double[] storeEffect = new double[nStores];
    double[][] storeCategory = new double[nStores][CATEGORIES.length];
    for (int j = 0; j < nStores; j++) {
      SplittableRandom r = rng(2, j);
      storeEffect[j] = Math.exp(0.25 * r.nextGaussian());
      for (int c = 0; c < CATEGORIES.length; c++) {
        storeCategory[j][c] = Math.exp(0.15 * r.nextGaussian());
      }
    }

    // Daily quantities per series (store-major), generated in parallel, deterministic per series.
    int nSeries = nStores * nItems;
    short[] qty = new short[nSeries * days];
    AtomicLong nonZero = new AtomicLong();
    IntStream.range(0, nSeries)
        .parallel()
        .forEach(
            s -> {
              int j = s / nItems;
              int i = s % nItems;
              long nz =
                  simulateSeries(
                      s,
                      i,
                      catalog,
                      dyn[i],
                      storeEffect[j] * storeCategory[j][catalog.category[i]],
                      calendar,
                      price,
                      promo,
                      qty,
                      s * days,
                      days);
              nonZero.addAndGet(nz);
              progress.step(1);
            });
    long rows = nonZero.get();
    writePrices(dir.resolve("prices.parquet"), price, promo, catalog, days);
    writeSales(
        dir.resolve("sales.parquet"), qty, price, promo, nStores, nItems, days, rows, catalog);

    List<String> files =
        new ArrayList<>(
            List.of(
                "stores.parquet",
                "items.parquet",
                "calendar.parquet",
                "prices.parquet",
                "sales.parquet"));
    long interactions = 0;
    if (preset.users() > 0) {
      InteractionsGenerator ig =
          new InteractionsGenerator(preset, seed, catalog, minInterests, maxInterests);
      interactions = ig.generate(dir);
      files.addAll(InteractionsGenerator.FILES);
    }
    return new Summary(
        dir,
        preset.name(),
        seed,
        nStores,
        nItems,
        days,
        nSeries,
        rows,
        rows / (double) ((long) nSeries * days),
        preset.users(),
        interactions,
        files);
  }

  /** Total units of work reported to the progress bar ({@code stores x items}). */
  public long workUnits() {
    return (long) preset.stores() * preset.items();
  }

  SplittableRandom rng(long stream, long index) {
    return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * stream) + index));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  Catalog catalog() {
    int n = preset.items();
    String[] ids = new String[n];
    int[] cat = new int[n];
    int[] dep = new int[n];
    int[] sub = new int[n];
    double[] basePrice = new double[n];
    double[] baseRate = new double[n];
    // Deterministic department sizes: at least one item per department, then by share.
    int[] depSize = departmentSizes(n);
    int i = 0;
    for (int c = 0, d = 0; c < CATEGORIES.length; c++) {
      for (int k = 0; k < DEPARTMENTS[c].length; k++, d++) {
        for (int m = 0; m < depSize[d]; m++, i++) {
          SplittableRandom r = rng(1, i);
          ids[i] = String.format("%s_%03d", DEPARTMENTS[c][k], m + 1);
          cat[i] = c;
          dep[i] = d;
          sub[i] = c * 10 + r.nextInt(10);
          basePrice[i] =
              Math.max(
                  0.25,
                  Math.round(CATEGORY_PRICE[c] * Math.exp(0.6 * r.nextGaussian()) * 100) / 100.0);
          // Rates span orders of magnitude; cheaper items sell more.
          baseRate[i] =
              CATEGORY_RATE[c]
                  * 0.13
                  * Math.exp(1.45 * r.nextGaussian())
                  * Math.pow(basePrice[i] / CATEGORY_PRICE[c], -0.3);
        }
      }
    }
    return new Catalog(ids, cat, dep, sub, basePrice, baseRate);
  }

  static int[] departmentSizes(int n) {
    int nd = 7;
    int[] size = new int[nd];
    double[] share = new double[nd];
    for (int c = 0, d = 0; c < CATEGORIES.length; c++) {
      for (int k = 0; k < DEPARTMENTS[c].length; k++, d++) {
        share[d] = CATEGORY_SHARE[c] * DEPARTMENT_SHARE[c][k];
      }
    }
    int assigned = 0;
    for (int d = 0; d < nd; d++) {
      size[d] = Math.max(1, (int) Math.floor(share[d] * n));
      assigned += size[d];
    }
    for (int d = 0; assigned < n; d = (d + 1) % nd) {
      size[d]++;
      assigned++;
    }
    for (int d = nd - 1; assigned > n; d = (d + nd - 1) % nd) {
      if (size[d] > 1) {
        size[d]--;
        assigned--;
      }
    }
    return size;
  }

  /** Item-level parameters drawn once. */
  record ItemDynamics(
      double elasticity,
      double trendPerYear,
      double seasonAmplitude,
      double seasonPeak,
      int launch,
      int discontinue,
      double weekdayJitter) {}

  private ItemDynamics itemDynamics(int i, Catalog cat, float[] price, boolean[] promo, int days) {
    SplittableRandom r = rng(3, i);
    double elasticity = 1.0 + 1.5 * r.nextDouble();
    double trend = 0.12 * r.nextGaussian();
    int d = cat.department[i];
    SplittableRandom dr = rng(4, d);
    double amp = 0.05 + 0.25 * dr.nextDouble();
    double peak = 365.25 * dr.nextDouble();
    int launch = r.nextDouble() < 0.3 ? (int) (r.nextDouble() * 0.7 * days) : 0;
    int disc = r.nextDouble() < 0.06 ? (int) ((0.5 + 0.5 * r.nextDouble()) * days) : days;
    if (disc <= launch + 28) {
      disc = days;
    }
    // Regular price: a random walk with rare changes; promotions of 3-10 days every ~2 months.
    double regular = cat.basePrice[i];
    int off = i * days;
    int promoLeft = 0;
    double discount = 0;
    for (int t = 0; t < days; t++) {
      if (r.nextDouble() < 1.0 / 180) {
        regular = Math.max(0.25, regular * Math.exp(0.06 * r.nextGaussian()));
      }
      if (promoLeft == 0 && r.nextDouble() < 1.0 / 60) {
        promoLeft = 3 + r.nextInt(8);
        discount = 0.10 + 0.25 * r.nextDouble();
      }
      double p = regular;
      if (promoLeft > 0) {
        p = regular * (1 - discount);
        promo[off + t] = true;
        promoLeft--;
      }
      price[off + t] = (float) (Math.round(p * 100) / 100.0);
    }
    return new ItemDynamics(elasticity, trend, amp, peak, launch, disc, 0.05 * r.nextGaussian());
  }

  private long simulateSeries(
      int s,
      int i,
      Catalog cat,
      ItemDynamics dyn,
      double storeFactor,
      Calendar calendar,
      float[] price,
      boolean[] promo,
      short[] qty,
      int off,
      int days) {
    SplittableRandom r = rng(5, s);
    int c = cat.category[i];
    // Store-specific availability: some stores list the item later.
    int start = dyn.launch();
    if (r.nextDouble() < 0.25) {
      start = Math.min(days - 1, start + r.nextInt(90));
    }
    int end = dyn.discontinue();
    double base = cat.baseRate[i] * storeFactor * Math.exp(0.2 * r.nextGaussian());
    double[] weekday = WEEKDAY_PROFILE[c];
    long nz = 0;
    int itemOff = i * days;
    for (int t = start; t < end; t++) {
      if (calendar.closed[t]) {
        continue;
      }
      double ramp = Math.min(1.0, 0.3 + (t - start) / 40.0);
      double season =
          1
              + dyn.seasonAmplitude()
                  * Math.cos(2 * Math.PI * (calendar.dayOfYear[t] - dyn.seasonPeak()) / 365.25);
      double trend = Math.exp(dyn.trendPerYear() * t / 365.25);
      double rel = price[itemOff + t] / cat.basePrice[i];
      double priceEffect = Math.pow(rel, -dyn.elasticity());
      double promoLift = promo[itemOff + t] ? 1.3 : 1.0;
      double lambda =
          base
              * ramp
              * weekday[calendar.weekday[t]]
              * (1 + dyn.weekdayJitter())
              * season
              * trend
              * priceEffect
              * promoLift
              * calendar.effect[c][t];
      // Gamma(2, 1/2) day noise makes the counts over-dispersed (negative binomial).
      lambda *= 0.5 * (-Math.log(1 - r.nextDouble()) - Math.log(1 - r.nextDouble()));
      int q = poisson(r, lambda);
      if (q > 0) {
        qty[off + t] = (short) Math.min(q, Short.MAX_VALUE);
        nz++;
      }
    }
    return nz;
  }

  static int poisson(SplittableRandom r, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 30) {
      double l = Math.exp(-lambda);
      double p = r.nextDouble();
      int k = 0;
      while (p > l) {
        p *= r.nextDouble();
        k++;
      }
      return k;
    }
    return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
  }

  private void writeStores(Path file, int n) throws IOException {
    String[] id = new String[n];
    String[] city = new String[n];
    String[] state = new String[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int j = 0; j < n; j++) {
      id[j] = STORES[j][0];
      city[j] = STORES[j][1];
      state[j] = STORES[j][2];
      lat[j] = Double.parseDouble(STORES[j][3]);
      lon[j] = Double.parseDouble(STORES[j][4]);
    }
    try (ParquetWriter w =
        ParquetWriter.open(
            file,
            List.of(
                new ColumnSpec("store_id", ColumnType.STRING, false),
                new ColumnSpec("city", ColumnType.STRING, false),
                new ColumnSpec("state", ColumnType.STRING, false),
                new ColumnSpec("lat", ColumnType.DOUBLE, false),
                new ColumnSpec("lon", ColumnType.DOUBLE, false)),
            Codec.SNAPPY)) {
      w.writeRowGroup(
          StringColumn.of(id),
          StringColumn.of(city),
          StringColumn.of(state),
          new DoubleColumn(lat, n),
          new DoubleColumn(lon, n));
    }
  }

  private void writeItems(Path file, Catalog c) throws IOException {
    int n = c.itemIds.length;
    String[] cat = new String[n];
    String[] dep = new String[n];
    String[] sub = new String[n];
    for (int i = 0; i < n; i++) {
      cat[i] = CATEGORIES[c.category[i]];
      dep[i] = departmentName(c.department[i]);
      sub[i] = SUBCATEGORIES[c.subcategory[i] / 10][c.subcategory[i] % 10];
    }
    try (ParquetWriter w =
        ParquetWriter.open(
            file,
            List.of(
                new ColumnSpec("item_id", ColumnType.STRING, false),
                new ColumnSpec("category", ColumnType.STRING, false),
                new ColumnSpec("department", ColumnType.STRING, false),
                new ColumnSpec("subcategory", ColumnType.STRING, false),
                new ColumnSpec("base_price", ColumnType.DOUBLE, false)),
            Codec.SNAPPY)) {
      w.writeRowGroup(
          StringColumn.of(c.itemIds),
          StringColumn.of(cat),
          StringColumn.of(dep),
          StringColumn.of(sub),
          new DoubleColumn(c.basePrice.clone(), n));
    }
  }

  static String departmentName(int d) {
    for (int c = 0, k = 0; c < DEPARTMENTS.length; c++) {
      for (String name : DEPARTMENTS[c]) {
        if (k++ == d) {
          return name;
        }
      }
    }
    throw new IllegalArgumentException("no department " + d);
  }

  private void writeSales(
      Path file,
      short[] qty,
      float[] price,
      boolean[] promo,
      int nStores,
      int nItems,
      int days,
      long rows,
      Catalog cat)
      throws IOException {
    String[] storeDict = new String[nStores];
    for (int j = 0; j < nStores; j++) {
      storeDict[j] = STORES[j][0];
    }
    List<ColumnSpec> schema =
        List.of(
            new ColumnSpec("store_id", ColumnType.STRING, false),
            new ColumnSpec("item_id", ColumnType.STRING, false),
            new ColumnSpec("date", ColumnType.DATE, false),
            new ColumnSpec("qty", ColumnType.INT32, false),
            new ColumnSpec("price", ColumnType.DOUBLE, false),
            new ColumnSpec("promo", ColumnType.BOOLEAN, false));
    int groupRows = 1 << 20;
    int[] gStore = new int[groupRows];
    int[] gItem = new int[groupRows];
    int[] gDate = new int[groupRows];
    int[] gQty = new int[groupRows];
    double[] gPrice = new double[groupRows];
    boolean[] gPromo = new boolean[groupRows];
    int startDay = (int) preset.start().toEpochDay();
    int nSeries = nStores * nItems;
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.SNAPPY)) {
      int n = 0;
      // Rows ordered by (date, store, item), as a point-of-sale export is.
      for (int t = 0; t < days; t++) {
        for (int s = 0; s < nSeries; s++) {
          short q = qty[s * days + t];
          if (q == 0) {
            continue;
          }
          int i = s % nItems;
          gStore[n] = s / nItems;
          gItem[n] = i;
          gDate[n] = startDay + t;
          gQty[n] = q;
          gPrice[n] = Math.round(price[i * days + t] * 100.0) / 100.0;
          gPromo[n] = promo[i * days + t];
          if (++n == groupRows) {
            writeSalesGroup(w, n, gStore, gItem, gDate, gQty, gPrice, gPromo, storeDict, cat);
            n = 0;
          }
        }
      }
      if (n > 0 || rows == 0) {
        writeSalesGroup(w, n, gStore, gItem, gDate, gQty, gPrice, gPromo, storeDict, cat);
      }
    }
  }

  private void writePrices(Path file, float[] price, boolean[] promo, Catalog cat, int days)
      throws IOException {
    int nItems = cat.itemIds.length;
    int startDay = (int) preset.start().toEpochDay();
    List<ColumnSpec> schema =
        List.of(
            new ColumnSpec("item_id", ColumnType.STRING, false),
            new ColumnSpec("date", ColumnType.DATE, false),
            new ColumnSpec("price", ColumnType.DOUBLE, false),
            new ColumnSpec("promo", ColumnType.BOOLEAN, false));
    int itemsPerGroup = Math.max(1, (1 << 20) / days);
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.SNAPPY)) {
      for (int from = 0; from < nItems; from += itemsPerGroup) {
        int to = Math.min(nItems, from + itemsPerGroup);
        int n = (to - from) * days;
        int[] item = new int[n];
        int[] date = new int[n];
        double[] p = new double[n];
        boolean[] pr = new boolean[n];
        for (int i = from, r = 0; i < to; i++) {
          for (int t = 0; t < days; t++, r++) {
            item[r] = i;
            date[r] = startDay + t;
            p[r] = Math.round(price[i * days + t] * 100.0) / 100.0;
            pr[r] = promo[i * days + t];
          }
        }
        w.writeRowGroup(
            new StringColumn(item, n, cat.itemIds),
            new IntColumn(date, n, null),
            new DoubleColumn(p, n),
            new BooleanColumn(pr, n, null));
      }
    }
  }

  private static void writeSalesGroup(
      ParquetWriter w,
      int n,
      int[] store,
      int[] item,
      int[] date,
      int[] qty,
      double[] price,
      boolean[] promo,
      String[] storeDict,
      Catalog cat)
      throws IOException {
    ColumnData[] cols = {
      new StringColumn(Arrays.copyOf(store, n), n, storeDict),
      new StringColumn(Arrays.copyOf(item, n), n, cat.itemIds),
      new IntColumn(Arrays.copyOf(date, n), n, null),
      new IntColumn(Arrays.copyOf(qty, n), n, null),
      new DoubleColumn(Arrays.copyOf(price, n), n),
      new BooleanColumn(Arrays.copyOf(promo, n), n, null)
    };
    w.writeRowGroup(cols);
  }

  /** The calendar with its event effects. */
  static final class Calendar {
    final LocalDate start;
    final int[] weekday; // 0 = Monday
    final int[] dayOfYear;
    final boolean[] closed;
    final String[] eventName;
    final String[] eventType;
    final double[][] effect; // [category][day]

    private Calendar(LocalDate start, int days) {
      this.start = start;
      weekday = new int[days];
      dayOfYear = new int[days];
      closed = new boolean[days];
      eventName = new String[days];
      eventType = new String[days];
      effect = new double[CATEGORIES.length][days];
    }

    static Calendar build(LocalDate start, int days) {
      Calendar c = new Calendar(start, days);
      for (int t = 0; t < days; t++) {
        LocalDate d = start.plusDays(t);
        c.weekday[t] = d.getDayOfWeek().getValue() - 1;
        c.dayOfYear[t] = d.getDayOfYear();
        for (int k = 0; k < CATEGORIES.length; k++) {
          c.effect[k][t] = 1.0;
        }
        String[] ev = event(d);
        if (ev != null) {
          c.eventName[t] = ev[0];
          c.eventType[t] = ev[1];
          double[] mult = eventEffect(ev[0], ev[1]);
          for (int k = 0; k < CATEGORIES.length; k++) {
            c.effect[k][t] = mult[k];
          }
          c.closed[t] = ev[0].equals("Christmas");
        }
      }
      return c;
    }

    /** The event on {@code d} as {name, type}, or null. */
    static String[] event(LocalDate d) {
      int m = d.getMonthValue();
      int dom = d.getDayOfMonth();
      if (m == 1 && dom == 1) {
        return new String[] {"NewYear", "National"};
      }
      if (m == 12 && dom == 25) {
        return new String[] {"Christmas", "National"};
      }
      if (m == 7 && dom == 4) {
        return new String[] {"IndependenceDay", "National"};
      }
      if (m == 2 && dom == 14) {
        return new String[] {"ValentinesDay", "Cultural"};
      }
      if (m == 3 && dom == 17) {
        return new String[] {"StPatricksDay", "Cultural"};
      }
      if (m == 10 && dom == 31) {
        return new String[] {"Halloween", "Cultural"};
      }
      if (m == 11 && nthWeekday(d, DayOfWeek.THURSDAY, 4)) {
        return new String[] {"Thanksgiving", "National"};
      }
      if (m == 9 && nthWeekday(d, DayOfWeek.MONDAY, 1)) {
        return new String[] {"LaborDay", "National"};
      }
      if (m == 5 && nthWeekday(d, DayOfWeek.SUNDAY, 2)) {
        return new String[] {"MothersDay", "Cultural"};
      }
      if (m == 2 && nthWeekday(d, DayOfWeek.SUNDAY, 1)) {
        return new String[] {"SuperBowl", "Sporting"};
      }
      if (m == 6 && nthWeekday(d, DayOfWeek.SUNDAY, 2)) {
        return new String[] {"NBAFinals", "Sporting"};
      }
      return null;
    }

    private static boolean nthWeekday(LocalDate d, DayOfWeek dow, int n) {
      return d.getDayOfWeek() == dow && (d.getDayOfMonth() - 1) / 7 == n - 1;
    }

    private static double[] eventEffect(String name, String type) {
      return switch (name) {
        case "Thanksgiving" -> new double[] {1.6, 0.7, 0.9};
        case "NewYear" -> new double[] {0.6, 0.6, 0.6};
        case "SuperBowl" -> new double[] {1.4, 1.0, 1.0};
        case "Halloween" -> new double[] {1.2, 1.5, 1.0};
        case "ValentinesDay", "MothersDay" -> new double[] {1.1, 1.4, 1.0};
        default ->
            switch (type) {
              case "National" -> new double[] {0.9, 0.9, 0.9};
              case "Sporting" -> new double[] {1.25, 1.1, 1.0};
              default -> new double[] {1.05, 1.15, 1.0};
            };
      };
    }

    void write(Path file) throws IOException {
      int n = weekday.length;
      int[] date = new int[n];
      int[] wd = new int[n];
      boolean[] national = new boolean[n];
      boolean[] cultural = new boolean[n];
      boolean[] sporting = new boolean[n];
      String[] name = new String[n];
      int base = (int) start.toEpochDay();
      for (int t = 0; t < n; t++) {
        date[t] = base + t;
        wd[t] = weekday[t] + 1;
        name[t] = eventName[t];
        String type = eventType[t];
        national[t] = "National".equals(type);
        cultural[t] = "Cultural".equals(type);
        sporting[t] = "Sporting".equals(type);
      }
      try (ParquetWriter w =
          ParquetWriter.open(
              file,
              List.of(
                  new ColumnSpec("date", ColumnType.DATE, false),
                  new ColumnSpec("weekday", ColumnType.INT32, false),
                  new ColumnSpec("event_name", ColumnType.STRING, true),
                  new ColumnSpec("event_national", ColumnType.BOOLEAN, false),
                  new ColumnSpec("event_cultural", ColumnType.BOOLEAN, false),
                  new ColumnSpec("event_sporting", ColumnType.BOOLEAN, false)),
              Codec.SNAPPY)) {
        w.writeRowGroup(
            new IntColumn(date, n, null),
            new IntColumn(wd, n, null),
            StringColumn.of(name),
            new BooleanColumn(national, n, null),
            new BooleanColumn(cultural, n, null),
            new BooleanColumn(sporting, n, null));
      }
    }
  }
}
