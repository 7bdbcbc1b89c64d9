package dev.vitrina.bench.recs;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsModel;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.internal.linalg.Kernels;
import dev.vitrina.recs.model.BatchRecommendations;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Implicit-ALS speed on a seeded synthetic interaction set shaped like MovieLens-20M with ratings
 * >= 4 (138,493 users, 20,000 items, about 10M distinct user-item pairs, long-tailed item
 * popularity and user activity): seconds per ALS iteration (users and items both solved, conjugate
 * gradient with 3 steps, 64 factors) and the time to recommend the top 10 unseen items for every
 * user. The {@code implicit} library runs on the same interactions through {@code
 * scripts/bench-als-peers.sh} ({@link AlsPeer}).
 *
 * <p>Checks its own output: the batch lists of a sample of users must equal the single-user lists,
 * and no list may contain a training item; the run fails otherwise.
 *
 * <p>Run: {@code scripts/bench-als.sh [ITERATIONS] [THREADS]}, or {@code java --add-modules
 * jdk.incubator.vector -cp ... dev.vitrina.bench.recs.AlsBench [--iterations 10] [--threads 2]
 * [--factors 64] [--users 138493] [--items 20000] [--mean-per-user 72] [--seed 42] [--out FILE]}.
 */
public final class AlsBench {

  private AlsBench() {}

  /**
   * The synthetic data's shape.
   *
   * @param users users
   * @param items items
   * @param meanPerUser target mean distinct items per user
   * @param seed the generator seed
   */
  public record Shape(int users, int items, double meanPerUser, long seed) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = dev.vitrina.bench.BenchArgs.parse(args);
    int iterations = Integer.parseInt(a.getOrDefault("iterations", "10"));
    int threads =
        Integer.parseInt(
            a.getOrDefault(
                "threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
    int factors = Integer.parseInt(a.getOrDefault("factors", "64"));
    Shape shape =
        new Shape(
            Integer.parseInt(a.getOrDefault("users", "138493")),
            Integer.parseInt(a.getOrDefault("items", "20000")),
            Double.parseDouble(a.getOrDefault("mean-per-user", "72")),
            Long.parseLong(a.getOrDefault("seed", "42")));

    long g0 = System.nanoTime();
    Interactions data = generate(shape);
    double genSeconds = (System.nanoTime() - g0) / 1e9;
    UserItemMatrix m = data.toMatrix(dev.vitrina.recs.data.ValueTransform.BINARY);
    int[] itemCounts = m.columnCounts();
    int[] sorted = itemCounts.clone();
    Arrays.sort(sorted);
    System.err.printf(
        Locale.ROOT,
        "data: %,d users, %,d items, %,d interactions (generated in %.1f s); most popular item %,d"
            + " users, median item %,d%n",
        shape.users(),
        shape.items(),
        m.nnz(),
        genSeconds,
        sorted[sorted.length - 1],
        sorted[sorted.length / 2]);

    IalsConfig config =
        IalsConfig.defaults()
            .withFactors(factors)
            .withIterations(iterations)
            .withCgSteps(3)
            .withRegularization(0.01)
            .withAlpha(1.0)
            .withSeed(shape.seed())
            .withThreads(threads);
    List<Double> iterSeconds = new ArrayList<>();
    List<Double> iterCpu = new ArrayList<>();
    List<Double> userSide = new ArrayList<>();
    List<Double> itemSide = new ArrayList<>();
    long[] cpuMark = {ProcessStats.cpuNanos()};
    long f0 = System.nanoTime();
    IalsModel model =
        new IalsTrainer(config)
            .fit(
                data,
                Progress.silent(),
                new IalsTrainer.IterationListener() {
                  @Override
                  public void iterationDone(int it, double s) {
                    long cpu = ProcessStats.cpuNanos();
                    double c = (cpu - cpuMark[0]) / 1e9;
                    cpuMark[0] = cpu;
                    iterSeconds.add(s);
                    iterCpu.add(c);
                    System.err.printf(
                        Locale.ROOT, "iteration %d: %.3f s wall, %.3f s cpu%n", it + 1, s, c);
                  }

                  @Override
                  public void sideDone(int it, boolean users, double s) {
                    (users ? userSide : itemSide).add(s);
                  }
                });
    double fitSeconds = (System.nanoTime() - f0) / 1e9;

    RecommendOptions opts = RecommendOptions.defaults();
    List<Double> recSeconds = new ArrayList<>();
    BatchRecommendations recs = null;
    for (int rep = 0; rep < 3; rep++) {
      long r0 = System.nanoTime();
      recs = model.recommendAll(10, opts);
      double s = (System.nanoTime() - r0) / 1e9;
      recSeconds.add(s);
      System.err.printf(
          Locale.ROOT, "recommend top-10 for all users, run %d: %.3f s%n", rep + 1, s);
    }
    int checked = check(model, recs, m, shape.seed());

    List<Double> steady =
        iterSeconds.subList(Math.min(1, iterSeconds.size() - 1), iterSeconds.size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("users", shape.users());
    out.put("items", shape.items());
    out.put("interactions", m.nnz());
    out.put("most_popular_item_users", sorted[sorted.length - 1]);
    out.put("median_item_users", sorted[sorted.length / 2]);
    out.put("seed", shape.seed());
    out.put("factors", factors);
    out.put("cg_steps", 3);
    out.put("threads", threads);
    out.put("kernels", Kernels.get().name());
    out.put("iterations", iterations);
    out.put("iteration_seconds", iterSeconds);
    out.put("iteration_seconds_median_after_first", median(steady));
    out.put("iteration_seconds_mean", mean(iterSeconds));
    out.put("iteration_cpu_seconds", iterCpu);
    out.put("user_side_seconds", userSide);
    out.put("item_side_seconds", itemSide);
    out.put("fit_seconds", fitSeconds);
    out.put("recommend_all_top10_seconds", recSeconds);
    out.put("recommend_all_checked_users", checked);
    out.put("java", System.getProperty("java.version"));
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("loadavg", loadavg());
    String json = Json.pretty(out);
    System.out.println(json);
    System.out.printf(
        Locale.ROOT,
        "%nials %d factors, %,d users x %,d items, %,d interactions, %d threads (%s):%n"
            + "  %.3f s/iteration (median of iterations 2..%d; first %.3f s), top-10 for all users"
            + " %.2f s (first run %.2f s)%n",
        factors,
        shape.users(),
        shape.items(),
        m.nnz(),
        threads,
        Kernels.get().name(),
        median(steady),
        iterations,
        iterSeconds.get(0),
        recSeconds.get(recSeconds.size() - 1),
        recSeconds.get(0));
    if (a.containsKey("out")) {
      Path p = Path.of(a.get("out"));
      dev.vitrina.core.storage.AtomicWrite.writeString(p, json + "\n");
    }
  }

  /**
   * MovieLens-20M-shaped interactions: item {@code i} (0 = most popular) is drawn with probability
   * proportional to {@code 1 / (i + 20)}; user activity is {@code 15 + LogNormal} with the given
   * mean, at most a quarter of the catalogue; each user's items are distinct. Deterministic per
   * seed (one random stream per user).
   */
  public static Interactions generate(Shape s) {
    int nItems = s.items();
    double[] cum = new double[nItems];
    double acc = 0;
    for (int i = 0; i < nItems; i++) {
      acc += 1.0 / (i + 20);
      cum[i] = acc;
    }
    double extra = Math.max(1, s.meanPerUser() - 15);
    double sigma = 1.0;
    double mu = Math.log(extra) - sigma * sigma / 2;
    int cap = Math.max(1, nItems / 4);
    int[] counts = new int[s.users()];
    long total = 0;
    for (int u = 0; u < s.users(); u++) {
      SplittableRandom r = userRandom(s.seed(), u);
      double ln = Math.exp(mu + sigma * gaussian(r));
      counts[u] = (int) Math.min(cap, 15 + Math.floor(ln));
      total += counts[u];
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many interactions: " + total);
    }
    int n = (int) total;
    int[] user = new int[n];
    int[] item = new int[n];
    float[] value = new float[n];
    Arrays.fill(value, 1f);
    int[] stamp = new int[nItems];
    int pos = 0;
    for (int u = 0; u < s.users(); u++) {
      SplittableRandom r = userRandom(s.seed(), u);
      gaussian(r); // the draw used for the count
      int start = pos;
      while (pos - start < counts[u]) {
        double x = r.nextDouble() * acc;
        int i = Arrays.binarySearch(cum, x);
        i = i < 0 ? -i - 1 : i;
        i = Math.min(i, nItems - 1);
        if (stamp[i] != u + 1) {
          stamp[i] = u + 1;
          user[pos] = u;
          item[pos] = i;
          pos++;
        }
      }
    }
    String[] uid = new String[s.users()];
    for (int u = 0; u < uid.length; u++) {
      uid[u] = Integer.toString(u + 1);
    }
    String[] iid = new String[nItems];
    for (int i = 0; i < nItems; i++) {
      iid[i] = Integer.toString(i + 1);
    }
    return Interactions.of(
        IdIndex.of(List.of(uid)),
        IdIndex.of(List.of(iid)),
        user,
        item,
        value,
        null,
        Feedback.IMPLICIT,
        null);
  }

  private static SplittableRandom userRandom(long seed, int u) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + u);
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller from two uniforms: a fixed number of draws per call
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Compares batch lists with single-user lists for a seeded sample; returns the users checked. */
  static int check(IalsModel model, BatchRecommendations recs, UserItemMatrix train, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int checked = 0;
    for (int t = 0; t < 200; t++) {
      int u = r.nextInt(model.numUsers());
      Recommendations single = model.recommend(u, 10, RecommendOptions.defaults());
      int n = recs.count(u);
      if (n != single.size()) {
        throw new IllegalStateException(
            "user " + u + ": batch list has " + n + " items, single list " + single.size());
      }
      for (int j = 0; j < n; j++) {
        int item = recs.item(u, j);
        if (item != single.items()[j]) {
          throw new IllegalStateException(
              "user " + u + " rank " + j + ": batch " + item + " vs single " + single.items()[j]);
        }
        if (train.contains(u, item)) {
          throw new IllegalStateException("user " + u + " was recommended training item " + item);
        }
      }
      checked++;
    }
    return checked;
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
