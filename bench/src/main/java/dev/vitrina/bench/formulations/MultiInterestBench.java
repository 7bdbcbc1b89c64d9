package dev.vitrina.bench.formulations;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.data.ItemSequences;
import dev.vitrina.recs.data.MovieLensReader;
import dev.vitrina.recs.ease.EaseConfig;
import dev.vitrina.recs.ease.EaseTrainer;
import dev.vitrina.recs.eval.BeyondAccuracy;
import dev.vitrina.recs.eval.RankingMetrics;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.interest.Interest;
import dev.vitrina.recs.request.interest.InterestAllocator;
import dev.vitrina.recs.request.interest.InterestAllocator.Interleave;
import dev.vitrina.recs.request.interest.InterestConfig;
import dev.vitrina.recs.request.interest.InterestConfig.Basis;
import dev.vitrina.recs.request.interest.InterestProfiler;
import dev.vitrina.recs.request.interest.InterestSource;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Multi-interest feeds against single-vector models: MovieLens 100K (75/25 random split by user,
 * seed 42; configuration chosen on a 75/25 validation split of the training side) and MovieLens 1M
 * sequences (leave-one-out; configuration chosen on the validation item), iALS and EASE with their
 * defaults, each alone and with the interest source and allocator: nDCG@10, recall@10, interest
 * coverage, category-weighted recall and ILD over the evaluated users. Then the synthetic
 * marketplace with 1-4 planted interests per user: how well the derived interests recover them.
 *
 * <p>Arguments: {@code --ml100k DIR}, {@code --ml1m DIR}, {@code --out FILE}, {@code --only
 * ml100k|ml1m|synthetic} (repeatable).
 */
public final class MultiInterestBench {

  private static final int K = 10;

  /** MovieLens 1M validation users (a seeded sample). */
  static final int VALIDATION_USERS = 1000;

  private MultiInterestBench() {}

  /** Per-user means of one list-producing variant. */
  record Scores(
      double ndcg, double recall, double coverage, double categoryRecall, double ild, int users) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ndcg", ndcg);
      m.put("recall", recall);
      m.put("interest_coverage", coverage);
      m.put("category_recall", categoryRecall);
      m.put("ild", ild);
      m.put("users", users);
      return m;
    }
  }

  /** One evaluation task: users (model indices), their relevant items and exclusions. */
  record Task(String name, int[] users, int[][] truth, String[][] exclude) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    Set<String> only = new HashSet<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--only")) {
        only.add(args[i + 1]);
      } else {
        a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
    }
    if (only.isEmpty()) {
      only.addAll(List.of("ml100k", "ml1m", "synthetic"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (only.contains("ml100k")) {
      out.put(
          "movielens-100k",
          movieLens100k(Path.of(a.getOrDefault("ml100k", "../shared/data/movielens-100k"))));
    }
    if (only.contains("ml1m")) {
      out.put(
          "movielens-1m",
          movieLens1m(Path.of(a.getOrDefault("ml1m", "../shared/data/movielens-1m-seq"))));
    }
    if (only.contains("synthetic")) {
      out.put("synthetic", synthetic());
    }
    out.put("java", System.getProperty("java.version"));
    out.put("cores", Runtime.getRuntime().availableProcessors());
    String json = Json.pretty(out);
    Path file = Path.of(a.getOrDefault("out", "out/bench/formulations-interests.json"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, json);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("wrote " + file);
  }

  // ---------------------------------------------------------------- MovieLens

  static Map<String, Object> movieLens100k(Path dir) throws IOException {
    Interactions data = MovieLensReader.read(dir);
    Split test = Splitters.randomByUser(data, 0.75, 42);
    Split val = Splitters.randomByUser(test.train(), 0.75, 42);
    return compare(
        "movielens-100k",
        val.train(),
        v -> splitTask("validation", v, val),
        test.train(),
        m -> splitTask("test", m, test));
  }

  static Map<String, Object> movieLens1m(Path dir) throws IOException {
    ItemSequences seq = ItemSequences.read(dir);
    return compare(
        "movielens-1m",
        seq.train(),
        m -> sequenceTask("validation", m, seq, false),
        seq.train(),
        m -> sequenceTask("test", m, seq, true));
  }

  interface TaskMaker {
    Task make(Recommender model);
  }

  /**
   * Fits iALS and EASE on the validation side, picks the interest configuration there, then fits on
   * the test side's training data and scores single and multi-interest once.
   */
  static Map<String, Object> compare(
      String name,
      Interactions valTrain,
      TaskMaker valTask,
      Interactions testTrain,
      TaskMaker testTask) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<InterestConfig> grid = new ArrayList<>();
    for (double hl : new double[] {10, 50, Double.POSITIVE_INFINITY}) {
      for (double ms : new double[] {0.01, 0.02, 0.05, 0.1}) {
        for (int mx : new int[] {3, 6, 10, 18}) {
          // the broad end (minShare 0.01, 18 interests: every genre) only where it can matter
          if ((ms == 0.01 && mx < 10) || (mx == 18 && ms > 0.05)) {
            continue;
          }
          grid.add(
              InterestConfig.defaults().withHalfLife(hl).withMinShare(ms).withMaxInterests(mx));
        }
      }
    }
    // (config, allocation) pairs: slots by weight with two interleavings for every config, and the
    // relevance-aware greedy at several trade-offs for the configs with many interests
    List<Object[]> trialsToRun = new ArrayList<>();
    for (InterestConfig c : grid) {
      trialsToRun.add(new Object[] {c, Alloc.slots(Interleave.FIRST_ROUND)});
      trialsToRun.add(new Object[] {c, Alloc.slots(Interleave.SCORE)});
      if (c.maxInterests() == 10 && c.minShare() < 0.1) {
        for (double lambda : new double[] {0.2, 0.4, 0.6, 0.75, 0.9}) {
          trialsToRun.add(new Object[] {c, Alloc.greedy(lambda)});
        }
      }
    }
    Map<String, Recommender> valModels = fit(valTrain);
    // validation: single-vector baselines and every multi-interest configuration
    Map<String, Scores> valSingle = new LinkedHashMap<>();
    double bestSingle = 0;
    for (var e : valModels.entrySet()) {
      Task t = valTask.make(e.getValue());
      Scores s = run(RequestPipeline.builder(e.getValue()).build(), e.getValue(), t);
      valSingle.put(e.getKey(), s);
      bestSingle = Math.max(bestSingle, s.ndcg);
      log(name, "validation", e.getKey(), "single", s);
    }
    List<Map<String, Object>> trials = new ArrayList<>();
    Map<String, Object[]> chosen = new LinkedHashMap<>();
    for (var e : valModels.entrySet()) {
      Task t = valTask.make(e.getValue());
      Object[] best = null;
      Object[] bestAny = null;
      for (Object[] trial : trialsToRun) {
        InterestConfig c = (InterestConfig) trial[0];
        Alloc o = (Alloc) trial[1];
        Scores s = run(multi(e.getValue(), c, o), e.getValue(), t);
        Map<String, Object> tr = new LinkedHashMap<>();
        tr.put("model", e.getKey());
        tr.put("half_life", c.halfLife());
        tr.put("min_share", c.minShare());
        tr.put("max_interests", c.maxInterests());
        tr.put("interleave", o.toString());
        tr.putAll(s.json());
        trials.add(tr);
        log(name, "validation", e.getKey(), describe(new Object[] {c, o, s}), s);
        boolean ok = s.ndcg >= 0.98 * bestSingle;
        if (ok && (best == null || s.coverage > ((Scores) best[2]).coverage)) {
          best = new Object[] {c, o, s};
        }
        if (bestAny == null || s.ndcg > ((Scores) bestAny[2]).ndcg) {
          bestAny = new Object[] {c, o, s};
        }
      }
      Object[] pick = best != null ? best : bestAny;
      chosen.put(e.getKey(), pick);
      log(name, "validation", e.getKey(), "multi (chosen) " + describe(pick), (Scores) pick[2]);
    }
    out.put("validation_single", toJson(valSingle));
    out.put("validation_trials", trials);
    // the defaults, for reference, and the chosen configuration per model, on test
    Map<String, Recommender> testModels = fit(testTrain);
    Map<String, Object> test = new LinkedHashMap<>();
    for (var e : testModels.entrySet()) {
      Task t = testTask.make(e.getValue());
      Scores single = run(RequestPipeline.builder(e.getValue()).build(), e.getValue(), t);
      log(name, "test", e.getKey(), "single", single);
      Object[] pick = chosen.get(e.getKey());
      Scores m =
          run(multi(e.getValue(), (InterestConfig) pick[0], (Alloc) pick[1]), e.getValue(), t);
      log(name, "test", e.getKey(), "multi " + describe(pick), m);
      Scores d =
          run(
              multi(
                  e.getValue(), InterestConfig.defaults(), Alloc.slots(InterestAllocator.DEFAULT)),
              e.getValue(),
              t);
      log(name, "test", e.getKey(), "multi (defaults)", d);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("single", single.json());
      Map<String, Object> mj = new LinkedHashMap<>(m.json());
      mj.put("config", describe(pick));
      r.put("multi", mj);
      r.put("multi_defaults", d.json());
      test.put(e.getKey(), r);
    }
    out.put("test", test);
    return out;
  }

  static String describe(Object[] pick) {
    InterestConfig c = (InterestConfig) pick[0];
    return String.format(
        Locale.ROOT,
        "half_life=%s min_share=%s max_interests=%d interleave=%s",
        Double.isInfinite(c.halfLife()) ? "inf" : Double.toString(c.halfLife()),
        c.minShare(),
        c.maxInterests(),
        pick[1]);
  }

  static Map<String, Object> toJson(Map<String, Scores> m) {
    Map<String, Object> o = new LinkedHashMap<>();
    m.forEach((k, v) -> o.put(k, v.json()));
    return o;
  }

  static void log(String data, String split, String model, String variant, Scores s) {
    System.out.printf(
        Locale.ROOT,
        "%s %s %-5s %-70s nDCG %.4f R %.4f IntCov %.4f CatR %.4f ILD %.4f (%d users)%n",
        data,
        split,
        model,
        variant,
        s.ndcg,
        s.recall,
        s.coverage,
        s.categoryRecall,
        s.ild,
        s.users);
  }

  static Map<String, Recommender> fit(Interactions train) {
    Map<String, Recommender> m = new LinkedHashMap<>();
    m.put("ials", new IalsTrainer(IalsConfig.defaults()).fit(train, Progress.silent()));
    m.put("ease", new EaseTrainer(EaseConfig.defaults()).fit(train, Progress.silent()));
    return m;
  }

  /** How the slots go to the interests: by weight with an interleaving, or the greedy. */
  record Alloc(Interleave interleave, double lambda) {
    static Alloc slots(Interleave o) {
      return new Alloc(o, Double.NaN);
    }

    static Alloc greedy(double lambda) {
      return new Alloc(InterestAllocator.DEFAULT, lambda);
    }

    InterestAllocator of(InterestProfiler p) {
      InterestAllocator a = InterestAllocator.of(p).withInterleave(interleave);
      return Double.isNaN(lambda) ? a : a.withTradeoff(lambda);
    }

    @Override
    public String toString() {
      return Double.isNaN(lambda) ? interleave.name() : "GREEDY(lambda=" + lambda + ")";
    }
  }

  static RequestPipeline multi(Recommender model, InterestConfig c, Alloc o) {
    InterestProfiler p = new InterestProfiler(c);
    return RequestPipeline.builder(model).source(InterestSource.of(p)).reranker(o.of(p)).build();
  }

  /** The users of a split with relevant test items outside their training items. */
  static Task splitTask(String name, Recommender model, Split split) {
    Interactions test = split.test();
    Map<Integer, Set<Integer>> truth = new HashMap<>();
    Interactions.RowsByUser byUser = split.train().rowsByUser();
    for (int r = 0; r < test.size(); r++) {
      int u = test.userIndex(r);
      String item = test.items().id(test.itemIndex(r));
      var mi = model.items().find(item);
      if (mi.isEmpty()) {
        continue; // never in training: no model can rank it, and it counts in no metric here
      }
      var mu = model.users().find(test.users().id(u));
      if (mu.isEmpty()) {
        continue;
      }
      truth.computeIfAbsent(mu.getAsInt(), x -> new HashSet<>()).add(mi.getAsInt());
    }
    TrainingData td = model.capability(TrainingData.class).orElseThrow();
    List<Integer> users = new ArrayList<>(truth.keySet());
    users.sort(null);
    List<Integer> kept = new ArrayList<>();
    List<int[]> t = new ArrayList<>();
    for (int u : users) {
      Set<Integer> seen = new HashSet<>();
      for (int i : td.history(u)) {
        seen.add(i);
      }
      int[] rel =
          truth.get(u).stream().filter(i -> !seen.contains(i)).mapToInt(i -> i).sorted().toArray();
      if (rel.length > 0) {
        kept.add(u);
        t.add(rel);
      }
    }
    String[][] ex = new String[kept.size()][0];
    return new Task(name, kept.stream().mapToInt(i -> i).toArray(), t.toArray(new int[0][]), ex);
  }

  /** Leave-one-out: the validation or the test item; for test, the validation item is excluded. */
  static Task sequenceTask(String name, Recommender model, ItemSequences seq, boolean test) {
    Interactions tr = seq.train();
    List<Integer> users = new ArrayList<>();
    List<int[]> truth = new ArrayList<>();
    List<String[]> ex = new ArrayList<>();
    // validation: a seeded sample of VALIDATION_USERS users (the grid is large); test: all users
    int[] order = IntStream.range(0, tr.numUsers()).toArray();
    if (!test) {
      java.util.SplittableRandom r = new java.util.SplittableRandom(42);
      for (int i = order.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      order = Arrays.copyOf(order, Math.min(order.length, VALIDATION_USERS));
      Arrays.sort(order);
    }
    for (int u : order) {
      int target = test ? seq.test()[u] : seq.validation()[u];
      if (target < 0) {
        continue;
      }
      var mu = model.users().find(tr.users().id(u));
      var mi = model.items().find(tr.items().id(target));
      if (mu.isEmpty() || mi.isEmpty()) {
        continue;
      }
      users.add(mu.getAsInt());
      truth.add(new int[] {mi.getAsInt()});
      int v = seq.validation()[u];
      ex.add(test && v >= 0 && v != target ? new String[] {tr.items().id(v)} : new String[0]);
    }
    return new Task(
        name,
        users.stream().mapToInt(i -> i).toArray(),
        truth.toArray(new int[0][]),
        ex.toArray(new String[0][]));
  }

  /** Runs the pipeline for every user of the task and averages the metrics (NaN left out). */
  static Scores run(RequestPipeline pipe, Recommender model, Task task) {
    ItemAttributes attrs = model.capability(TrainingData.class).orElseThrow().itemAttributes();
    int n = task.users().length;
    double[][] v = new double[5][n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            j -> {
              String user = model.users().id(task.users()[j]);
              RecRequest req = RecRequest.forUser(user, K).excluding(Set.of(task.exclude()[j]));
              RecResponse r = pipe.recommend(req);
              int[] list =
                  r.itemIds().stream()
                      .mapToInt(id -> model.items().find(id).orElseThrow())
                      .toArray();
              int[] truth = task.truth()[j];
              v[0][j] = RankingMetrics.ndcg(list, 0, list.length, truth, K);
              v[1][j] = RankingMetrics.recall(list, 0, list.length, truth, K);
              v[2][j] = BeyondAccuracy.interestCoverage(list, 0, list.length, truth, K, attrs);
              v[3][j] = BeyondAccuracy.categoryRecall(list, 0, list.length, truth, K, attrs);
              v[4][j] = BeyondAccuracy.diversity(list, 0, list.length, attrs);
            });
    return new Scores(mean(v[0]), mean(v[1]), mean(v[2]), mean(v[3]), mean(v[4]), n);
  }

  static double mean(double[] x) {
    double s = 0;
    int c = 0;
    for (double d : x) {
      if (!Double.isNaN(d)) {
        s += d;
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }

  // ---------------------------------------------------------------- synthetic

  /** The synthetic marketplace's preset for this measurement: one store, 28 days, 500 items. */
  static final Preset SYNTH =
      new Preset("interests", 1, 500, 28, LocalDate.of(2015, 1, 5), 5_000, 25);

  static Map<String, Object> synthetic() throws IOException {
    Path dir = Files.createTempDirectory("vitrina-interests");
    try {
      new MarketplaceGenerator(SYNTH, 42).plantedInterests(1, 4).generate(dir, Progress.silent());
      Map<String, String> subOf = new HashMap<>();
      try (ParquetReader r = ParquetReader.open(dir.resolve("items.parquet"))) {
        StringColumn id = (StringColumn) r.readColumn("item_id");
        StringColumn sub = (StringColumn) r.readColumn("subcategory");
        for (int i = 0; i < id.size(); i++) {
          subOf.put(id.get(i), sub.get(i));
        }
      }
      Map<String, Set<String>> planted = new HashMap<>();
      try (ParquetReader r = ParquetReader.open(dir.resolve("user_interests.parquet"))) {
        StringColumn u = (StringColumn) r.readColumn("user_id");
        StringColumn s = (StringColumn) r.readColumn("subcategory");
        for (int i = 0; i < u.size(); i++) {
          planted.computeIfAbsent(u.get(i), x -> new HashSet<>()).add(s.get(i));
        }
      }
      Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
      subOf.forEach(b::itemCategory);
      try (ParquetReader r = ParquetReader.open(dir.resolve("interactions.parquet"))) {
        for (int g = 0; g < r.numRowGroups(); g++) {
          StringColumn u = (StringColumn) r.readColumn("user_id", g);
          StringColumn it = (StringColumn) r.readColumn("item_id", g);
          ColumnData ts = r.readColumn("timestamp", g);
          for (int i = 0; i < u.size(); i++) {
            b.add(u.get(i), it.get(i), 1f, ((LongColumn) ts).values()[i]);
          }
        }
      }
      Interactions data = b.build();
      Recommender model = new IalsTrainer(IalsConfig.defaults()).fit(data, Progress.silent());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("preset", SYNTH.toString());
      out.put("users", data.numUsers());
      out.put("interactions", data.size());
      for (Basis basis : new Basis[] {Basis.EMBEDDINGS, Basis.CATEGORIES}) {
        out.put(basis.name().toLowerCase(Locale.ROOT), recovery(model, planted, subOf, basis));
      }
      return out;
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * How well derived interests recover the planted ones, per user: matching accuracy (the share of
   * the user's history items from a planted interest whose derived interest is labelled with that
   * interest), adjusted Rand index between the planted interest and the derived interest of those
   * items, and label precision/recall (derived labels that are planted / planted interests found).
   */
  static Map<String, Object> recovery(
      Recommender model, Map<String, Set<String>> planted, Map<String, String> subOf, Basis basis) {
    TrainingData td = model.capability(TrainingData.class).orElseThrow();
    ItemAttributes attrs = td.itemAttributes();
    ItemEmbeddings emb = model.capability(ItemEmbeddings.class).orElse(null);
    InterestProfiler p = new InterestProfiler(InterestConfig.defaults().withBasis(basis));
    Map<String, Object> out = new LinkedHashMap<>();
    for (int minHistory : new int[] {1, 10, 20}) {
      double acc = 0;
      double ari = 0;
      double prec = 0;
      double rec = 0;
      double exact = 0;
      int users = 0;
      long items = 0;
      long matched = 0;
      for (int u = 0; u < model.users().size(); u++) {
        int[] h = td.history(u);
        if (h.length < minHistory) {
          continue;
        }
        Set<String> truth = planted.get(model.users().id(u));
        List<Interest> ints = p.interests(h, attrs, emb);
        var member = InterestProfiler.membership(ints, attrs, emb);
        List<Integer> a = new ArrayList<>();
        List<Integer> d = new ArrayList<>();
        Map<String, Integer> code = new HashMap<>();
        int hit = 0;
        int tot = 0;
        for (int i : h) {
          String sub = subOf.get(model.items().id(i));
          if (!truth.contains(sub)) {
            continue; // an exploration event
          }
          int m = member.applyAsInt(i);
          tot++;
          if (m >= 0 && baseLabel(ints.get(m).label()).equals(sub)) {
            hit++;
          }
          a.add(code.computeIfAbsent(sub, x -> code.size()));
          d.add(m);
        }
        if (tot == 0) {
          continue;
        }
        users++;
        items += tot;
        matched += hit;
        acc += hit / (double) tot;
        ari += adjustedRand(a, d);
        Set<String> labels = new HashSet<>();
        for (Interest in : ints) {
          labels.add(baseLabel(in.label()));
        }
        Set<String> both = new HashSet<>(labels);
        both.retainAll(truth);
        prec += labels.isEmpty() ? 0 : both.size() / (double) labels.size();
        rec += both.size() / (double) truth.size();
        exact += labels.equals(truth) ? 1 : 0;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("users", users);
      r.put("matching_accuracy_mean_over_users", acc / users);
      r.put("matching_accuracy_pooled", matched / (double) items);
      r.put("adjusted_rand_mean_over_users", ari / users);
      r.put("label_precision", prec / users);
      r.put("label_recall", rec / users);
      r.put("exact_label_set", exact / users);
      out.put("history_at_least_" + minHistory, r);
      System.out.printf(Locale.ROOT, "synthetic %s history>=%d: %s%n", basis, minHistory, r);
    }
    return out;
  }

  private static String baseLabel(String label) {
    return label.replaceFirst(" \\(\\d+\\)$", "");
  }

  /** The adjusted Rand index of two labellings of the same items; 1 when both are trivial. */
  static double adjustedRand(List<Integer> a, List<Integer> b) {
    int n = a.size();
    Map<Long, Integer> joint = new HashMap<>();
    Map<Integer, Integer> ra = new HashMap<>();
    Map<Integer, Integer> rb = new HashMap<>();
    for (int i = 0; i < n; i++) {
      joint.merge(((long) a.get(i) << 32) ^ (b.get(i) & 0xffffffffL), 1, Integer::sum);
      ra.merge(a.get(i), 1, Integer::sum);
      rb.merge(b.get(i), 1, Integer::sum);
    }
    double sij = joint.values().stream().mapToDouble(MultiInterestBench::pairs).sum();
    double sa = ra.values().stream().mapToDouble(MultiInterestBench::pairs).sum();
    double sb = rb.values().stream().mapToDouble(MultiInterestBench::pairs).sum();
    double all = pairs(n);
    double expected = all == 0 ? 0 : sa * sb / all;
    double max = (sa + sb) / 2;
    if (max == expected) {
      return sa == sb && sij == sa ? 1 : 0;
    }
    return (sij - expected) / (max - expected);
  }

  private static double pairs(int c) {
    return c * (c - 1) / 2.0;
  }
}
