package dev.vitrina.synth;

import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic users with planted interests, and their interaction events.
 *
 * <p>Each user lives near one store's city (home = city centre + N(0, 0.05 degrees)); 80% also have
 * an office in the same city (N(0, 0.03)), the rest have none (null). Each user has 2 to 4 planted
 * interests: subcategories (e.g. "toothpaste", "pet food", "board games") with Dirichlet weights. A
 * user makes 1 + Geometric events (mean {@code preset.meanEventsPerUser}); each event picks one of
 * the user's interests by weight with probability 0.85, or a uniformly random subcategory otherwise
 * (exploration), then an item of that subcategory with probability proportional to the item's base
 * sales rate. Event types: view 70%, cart 20%, purchase 10%; timestamps uniform over the user's
 * active window inside the calendar, sorted per user. {@link MarketplaceGenerator#plantedInterests}
 * sets another range of interests per user (e.g. 1 to 4).
 *
 * <p>The planted interests are written to {@code user_interests.parquet}: the ground truth that
 * multi-interest recommenders are tested against.
 */
final class InteractionsGenerator {

  static final List<String> FILES =
      List.of("users.parquet", "user_interests.parquet", "interactions.parquet");
  private static final String[] EVENTS = {"view", "cart", "purchase"};

  private final Preset preset;
  private final long seed;
  private final MarketplaceGenerator.Catalog catalog;
  private final int minInterests;
  private final int maxInterests;

  InteractionsGenerator(
      Preset preset,
      long seed,
      MarketplaceGenerator.Catalog catalog,
      int minInterests,
      int maxInterests) {
    this.preset = preset;
    this.seed = seed;
    this.catalog = catalog;
    this.minInterests = minInterests;
    this.maxInterests = maxInterests;
  }

  private SplittableRandom rng(long stream, long index) {
    return new SplittableRandom(
        MarketplaceGenerator.mix(
            MarketplaceGenerator.mix(seed ^ (0x632BE59BD9B4E019L * stream)) + index));
  }

  /** Writes the three files into {@code dir}; returns the number of interactions. */
  long generate(Path dir) throws IOException {
    int nUsers = preset.users();
    int nSub = MarketplaceGenerator.CATEGORIES.length * 10;
    // Items of each subcategory with cumulative popularity for sampling.
    int[][] subItems = new int[nSub][];
    double[][] subCum = new double[nSub][];
    int[] count = new int[nSub];
    for (int s : catalog.subcategory()) {
      count[s]++;
    }
    for (int s = 0; s < nSub; s++) {
      subItems[s] = new int[count[s]];
      subCum[s] = new double[count[s]];
    }
    Arrays.fill(count, 0);
    for (int i = 0; i < catalog.itemIds().length; i++) {
      int s = catalog.subcategory()[i];
      subItems[s][count[s]++] = i;
    }
    for (int s = 0; s < nSub; s++) {
      double acc = 0;
      for (int k = 0; k < subItems[s].length; k++) {
        acc += catalog.baseRate()[subItems[s][k]];
        subCum[s][k] = acc;
      }
    }
    int[] nonEmpty = java.util.stream.IntStream.range(0, nSub).filter(s -> count[s] > 0).toArray();

    String[] userIds = new String[nUsers];
    double[] homeLat = new double[nUsers];
    double[] homeLon = new double[nUsers];
    double[] officeLat = new double[nUsers];
    double[] officeLon = new double[nUsers];
    String[] city = new String[nUsers];
    String[] intUser = new String[nUsers * maxInterests];
    String[] intSub = new String[nUsers * maxInterests];
    double[] intWeight = new double[nUsers * maxInterests];
    int nInt = 0;

    long startMillis = preset.start().toEpochDay() * 86_400_000L;
    long spanMillis = preset.days() * 86_400_000L;
    int cap =
        (int)
            Math.min(
                Integer.MAX_VALUE - 8,
                (long) (nUsers * (preset.meanEventsPerUser() + 1) * 1.3) + 16);
    int[] evUser = new int[cap];
    int[] evItem = new int[cap];
    long[] evTime = new long[cap];
    int[] evType = new int[cap];
    int n = 0;
    for (int u = 0; u < nUsers; u++) {
      SplittableRandom r = rng(1, u);
      userIds[u] = String.format("U%07d", u + 1);
      String[] store = MarketplaceGenerator.STORES[r.nextInt(preset.stores())];
      city[u] = store[1];
      double lat = Double.parseDouble(store[3]);
      double lon = Double.parseDouble(store[4]);
      homeLat[u] = round6(lat + 0.05 * r.nextGaussian());
      homeLon[u] = round6(lon + 0.05 * r.nextGaussian());
      if (r.nextDouble() < 0.8) {
        officeLat[u] = round6(lat + 0.03 * r.nextGaussian());
        officeLon[u] = round6(lon + 0.03 * r.nextGaussian());
      } else {
        officeLat[u] = Double.NaN;
        officeLon[u] = Double.NaN;
      }
      int k = Math.min(nonEmpty.length, minInterests + r.nextInt(maxInterests - minInterests + 1));
      int[] interests = new int[k];
      double[] w = new double[k];
      double total = 0;
      for (int a = 0; a < k; a++) {
        int s;
        do {
          s = nonEmpty[r.nextInt(nonEmpty.length)];
        } while (contains(interests, a, s));
        interests[a] = s;
        w[a] = -Math.log(1 - r.nextDouble()); // Dirichlet(1,...,1) via normalised exponentials
        total += w[a];
      }
      for (int a = 0; a < k; a++) {
        w[a] /= total;
        intUser[nInt] = userIds[u];
        intSub[nInt] = subName(interests[a]);
        intWeight[nInt] = Math.round(w[a] * 1e6) / 1e6;
        nInt++;
      }
      double p = 1.0 / preset.meanEventsPerUser();
      int events = 1 + (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
      events = Math.min(events, 2_000);
      long from = startMillis + (long) (r.nextDouble() * 0.8 * spanMillis);
      long window = startMillis + spanMillis - from;
      if (n + events > evUser.length) {
        int grow = Math.max(evUser.length + (evUser.length >> 1), n + events);
        evUser = Arrays.copyOf(evUser, grow);
        evItem = Arrays.copyOf(evItem, grow);
        evTime = Arrays.copyOf(evTime, grow);
        evType = Arrays.copyOf(evType, grow);
      }
      long[] times = new long[events];
      for (int e = 0; e < events; e++) {
        times[e] = from + (long) (r.nextDouble() * window);
      }
      Arrays.sort(times);
      for (int e = 0; e < events; e++) {
        int s;
        if (r.nextDouble() < 0.85) {
          double x = r.nextDouble();
          int a = 0;
          while (a < k - 1 && x > w[a]) {
            x -= w[a];
            a++;
          }
          s = interests[a];
        } else {
          s = nonEmpty[r.nextInt(nonEmpty.length)];
        }
        double[] cum = subCum[s];
        int idx = Arrays.binarySearch(cum, r.nextDouble() * cum[cum.length - 1]);
        idx = idx >= 0 ? idx : Math.min(-idx - 1, cum.length - 1);
        double t = r.nextDouble();
        evUser[n] = u;
        evItem[n] = subItems[s][idx];
        evTime[n] = times[e];
        evType[n] = t < 0.7 ? 0 : t < 0.9 ? 1 : 2;
        n++;
      }
    }

    try (ParquetWriter w =
        ParquetWriter.open(
            dir.resolve("users.parquet"),
            List.of(
                new ColumnSpec("user_id", ColumnType.STRING, false),
                new ColumnSpec("city", ColumnType.STRING, false),
                new ColumnSpec("home_lat", ColumnType.DOUBLE, false),
                new ColumnSpec("home_lon", ColumnType.DOUBLE, false),
                new ColumnSpec("office_lat", ColumnType.DOUBLE, true),
                new ColumnSpec("office_lon", ColumnType.DOUBLE, true)),
            Codec.SNAPPY)) {
      w.writeRowGroup(
          StringColumn.of(userIds),
          StringColumn.of(city),
          new DoubleColumn(homeLat, nUsers),
          new DoubleColumn(homeLon, nUsers),
          new DoubleColumn(officeLat, nUsers),
          new DoubleColumn(officeLon, nUsers));
    }
    try (ParquetWriter w =
        ParquetWriter.open(
            dir.resolve("user_interests.parquet"),
            List.of(
                new ColumnSpec("user_id", ColumnType.STRING, false),
                new ColumnSpec("subcategory", ColumnType.STRING, false),
                new ColumnSpec("weight", ColumnType.DOUBLE, false)),
            Codec.SNAPPY)) {
      w.writeRowGroup(
          StringColumn.of(Arrays.copyOf(intUser, nInt)),
          StringColumn.of(Arrays.copyOf(intSub, nInt)),
          new DoubleColumn(Arrays.copyOf(intWeight, nInt), nInt));
    }
    try (ParquetWriter w =
        ParquetWriter.open(
            dir.resolve("interactions.parquet"),
            List.of(
                new ColumnSpec("user_id", ColumnType.STRING, false),
                new ColumnSpec("item_id", ColumnType.STRING, false),
                new ColumnSpec("timestamp", ColumnType.TIMESTAMP_MILLIS, false),
                new ColumnSpec("event", ColumnType.STRING, false)),
            Codec.SNAPPY)) {
      int group = 1 << 20;
      for (int from = 0; from < n || from == 0; from += group) {
        int len = Math.min(group, n - from);
        w.writeRowGroup(
            new StringColumn(Arrays.copyOfRange(evUser, from, from + len), len, userIds),
            new StringColumn(Arrays.copyOfRange(evItem, from, from + len), len, catalog.itemIds()),
            new LongColumn(Arrays.copyOfRange(evTime, from, from + len), len, null),
            new StringColumn(Arrays.copyOfRange(evType, from, from + len), len, EVENTS));
        if (n == 0) {
          break;
        }
      }
    }
    return n;
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int i = 0; i < len; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private static String subName(int s) {
    return MarketplaceGenerator.SUBCATEGORIES[s / 10][s % 10];
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
