package dev.vitrina.bench.pages;

import dev.vitrina.bench.recs.AlsBench;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemSequences;
import dev.vitrina.recs.data.MovieLensReader;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.page.PageComposer;
import dev.vitrina.recs.page.PageLayout;
import dev.vitrina.recs.page.PageMetrics;
import dev.vitrina.recs.page.PageState;
import dev.vitrina.recs.request.Pipelines;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Pages of carousels on real data: for every test user, a 10 x 10 page from an iALS model under the
 * flat, row-independent and page-wise greedy policies (and the greedy policy with each constraint
 * switched on in turn), scored by the two-dimensional nDCG against the user's held-out items, page
 * hit rate, duplicates in view and categories in view. With {@code --speed}, the time to compose
 * one page for one user from a fitted model of 100,000 items.
 *
 * <p>Run: {@code scripts/bench-pages.sh}, or {@code java -cp ... dev.vitrina.bench.pages.PagesBench
 * [--data ../shared/data] [--sets ml100k,ml1m] [--rows 10] [--cols 10] [--speed true]}.
 */
public final class PagesBench {

  private PagesBench() {}

  /** One line of the table. */
  record Variant(String name, PageComposer.Policy policy, PageLayout layout) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = dev.vitrina.bench.BenchArgs.parse(args);
    Path shared = Path.of(a.getOrDefault("data", "../shared/data"));
    int rows = Integer.parseInt(a.getOrDefault("rows", "10"));
    int cols = Integer.parseInt(a.getOrDefault("cols", "10"));
    List<String> sets = List.of(a.getOrDefault("sets", "ml100k,ml1m").split(","));
    for (String set : sets) {
      if (set.isBlank()) {
        continue;
      }
      quality(set.strip(), shared, rows, cols);
    }
    if (Boolean.parseBoolean(a.getOrDefault("speed", "true"))) {
      speed(rows, cols, Integer.parseInt(a.getOrDefault("speed-items", "100000")));
    }
  }

  static List<Variant> variants(int rows, int cols) {
    PageLayout open = PageLayout.of(rows, cols).withMaxRowsPerGenerator(rows).withMinCategories(0);
    PageLayout limited = open.withMaxRowsPerGenerator(3);
    PageLayout full = limited.withMinCategories(Math.min(3, rows));
    return List.of(
        new Variant("flat list", PageComposer.Policy.FLAT, open),
        new Variant("row-independent, no limits", PageComposer.Policy.ROW_INDEPENDENT, open),
        new Variant(
            "row-independent, <= 3 rows per generator",
            PageComposer.Policy.ROW_INDEPENDENT,
            limited),
        new Variant("page-wise greedy, dedup in view only", PageComposer.Policy.PAGE_GREEDY, open),
        new Variant(
            "page-wise greedy, + <= 3 rows per generator",
            PageComposer.Policy.PAGE_GREEDY,
            limited),
        new Variant(
            "page-wise greedy, + >= 3 categories in view (default)",
            PageComposer.Policy.PAGE_GREEDY,
            full));
  }

  static void quality(String set, Path shared, int rows, int cols) throws Exception {
    Interactions train;
    BitSet[] relevant;
    String protocol;
    long t0 = System.nanoTime();
    IalsConfig config;
    if (set.equals("ml100k")) {
      Path dir = shared.resolve("movielens-100k");
      requireData(dir);
      Interactions all = MovieLensReader.read(dir);
      Split split = Splitters.randomByUser(all, 0.75, 42);
      train = split.train();
      relevant = heldOut(split.test(), train.numUsers());
      protocol =
          "75/25 random split by user (seed 42), every rating counts; relevant = the user's test items";
      config =
          IalsConfig.defaults()
              .withFactors(64)
              .withRegularization(50)
              .withAlpha(5)
              .withIterations(15)
              .withSeed(42);
    } else if (set.equals("ml1m")) {
      Path dir = shared.resolve("movielens-1m-seq");
      requireData(dir);
      ItemSequences s = ItemSequences.read(dir);
      train = s.train();
      relevant = new BitSet[train.numUsers()];
      for (int u = 0; u < relevant.length; u++) {
        relevant[u] = new BitSet();
        if (s.validation()[u] >= 0) {
          relevant[u].set(s.validation()[u]);
        }
        if (s.test()[u] >= 0) {
          relevant[u].set(s.test()[u]);
        }
      }
      protocol =
          "leave-two-out on the ML-1M sequences: training = all but each user's last two items;"
              + " relevant = those two items";
      config = IalsConfig.defaults().withFactors(64).withIterations(15).withSeed(42);
    } else {
      throw new IllegalArgumentException("--sets takes ml100k and/or ml1m, got '" + set + "'");
    }
    Recommender model = new IalsTrainer(config).fit(train);
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    RequestPipeline pipeline = Pipelines.standard(model);
    PageComposer composer = PageComposer.standard();
    List<Variant> variants = variants(rows, cols);
    double[][] sums = new double[variants.size()][5];
    int users = 0;
    for (int u = 0; u < train.numUsers(); u++) {
      if (relevant[u].isEmpty() || train.users().id(u) == null) {
        continue;
      }
      String uid = train.users().id(u);
      RequestState rs = pipeline.resolve(RecRequest.forUser(uid, cols));
      if (!rs.hasHistory()) {
        continue;
      }
      PageState ps = new PageState(rs);
      users++;
      for (int v = 0; v < variants.size(); v++) {
        Variant var = variants.get(v);
        long c0 = System.nanoTime();
        int[][] grid = composer.compose(ps, var.layout(), var.policy()).grid();
        sums[v][4] += (System.nanoTime() - c0) / 1e6;
        sums[v][0] += PageMetrics.ndcg2d(grid, relevant[u], var.layout());
        sums[v][1] += PageMetrics.hit(grid, relevant[u], var.layout());
        sums[v][2] += PageMetrics.duplicatesInView(grid, var.layout());
        sums[v][3] +=
            PageMetrics.categoriesInView(
                grid,
                var.layout(),
                item -> {
                  int[] g = ps.genreCodes(item);
                  return g.length == 0 ? -1 : g[0];
                });
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n### %s: %d users, %d items, %s x %s page; iALS 64 factors fitted in %.1f s%n%n"
            + "Protocol: %s. Load average: %s.%n%n",
        set,
        users,
        train.numItems(),
        rows,
        cols,
        fitSeconds,
        protocol,
        loadAverage());
    System.out.println(
        "| policy | 2-D nDCG | vs row-independent (no limits) | page hit rate | duplicates in view |"
            + " categories in view | ms per page |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    double base = sums[1][0] / users;
    for (int v = 0; v < variants.size(); v++) {
      double ndcg = sums[v][0] / users;
      System.out.printf(
          Locale.ROOT,
          "| %s | %.4f | %+.1f%% | %.3f | %.2f | %.2f | %.2f |%n",
          variants.get(v).name(),
          ndcg,
          100 * (ndcg / base - 1),
          sums[v][1] / users,
          sums[v][2] / users,
          sums[v][3] / users,
          sums[v][4] / users);
    }
  }

  static void speed(int rows, int cols, int items) {
    int users = 200_000;
    Interactions data = AlsBench.generate(new AlsBench.Shape(users, items, 25, 42));
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    String[] genres = new String[20];
    for (int g = 0; g < genres.length; g++) {
      genres[g] = "genre " + g;
    }
    Random rnd = new Random(42);
    for (int i = 0; i < data.numItems(); i++) {
      String id = data.items().id(i);
      b.itemGenres(id, List.of(genres[rnd.nextInt(genres.length)]));
      b.itemTitle(id, "item " + id);
    }
    data = data.withItemAttributes(b.build().itemAttributes());
    long t0 = System.nanoTime();
    Recommender model =
        new IalsTrainer(IalsConfig.defaults().withFactors(64).withIterations(2).withSeed(42))
            .fit(data);
    double fit = (System.nanoTime() - t0) / 1e9;
    RequestPipeline pipeline = Pipelines.standard(model);
    PageComposer composer = PageComposer.standard();
    PageLayout layout = PageLayout.of(rows, cols);
    int warm = 300;
    int n = 2000;
    double[] ms = new double[n];
    double[] cpuMs = new double[n];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int j = -warm; j < n; j++) {
      String uid = data.users().id(rnd.nextInt(data.numUsers()));
      long u0 = mx.getCurrentThreadCpuTime();
      long c0 = System.nanoTime();
      RequestState rs = pipeline.resolve(RecRequest.forUser(uid, cols));
      int[][] grid = composer.compose(rs, layout, PageComposer.Policy.PAGE_GREEDY).grid();
      long c1 = System.nanoTime();
      long u1 = mx.getCurrentThreadCpuTime();
      checksum += grid.length;
      if (j >= 0) {
        ms[j] = (c1 - c0) / 1e6;
        cpuMs[j] = (u1 - u0) / 1e6;
      }
    }
    Arrays.sort(ms);
    Arrays.sort(cpuMs);
    System.out.printf(
        Locale.ROOT,
        "%n### Speed: one %d x %d page (page-wise greedy, all generators) for one user%n%n"
            + "Model: iALS, 64 factors, %,d items, %,d users, %,d interactions (synthetic, seed 42;"
            + " fitted in %.1f s). %d pages after %d warm-up pages, one thread. Load average: %s.%n%n"
            + "| | p50 ms | p90 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n"
            + "| wall | %.2f | %.2f | %.2f | %.2f |%n"
            + "| CPU of the thread | %.2f | %.2f | %.2f | %.2f |%n",
        rows,
        cols,
        data.numItems(),
        data.numUsers(),
        data.size(),
        fit,
        n,
        warm,
        loadAverage(),
        ms[n / 2],
        ms[(int) (n * 0.9)],
        ms[(int) Math.ceil(n * 0.99) - 1],
        ms[n - 1],
        cpuMs[n / 2],
        cpuMs[(int) (n * 0.9)],
        cpuMs[(int) Math.ceil(n * 0.99) - 1],
        cpuMs[n - 1]);
    if (checksum == 0) {
      throw new IllegalStateException("no page had a row");
    }
  }

  static BitSet[] heldOut(Interactions test, int numUsers) {
    BitSet[] rel = new BitSet[numUsers];
    for (int u = 0; u < numUsers; u++) {
      rel[u] = new BitSet();
    }
    for (int r = 0; r < test.size(); r++) {
      rel[test.userIndex(r)].set(test.itemIndex(r));
    }
    return rel;
  }

  static void requireData(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir
              + " is missing; run from the project root with ../shared/data beside it, or pass --data");
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "n/a";
    }
  }
}
