package dev.vitrina.bench.formulations;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsModel;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemSequences;
import dev.vitrina.recs.knn.ItemKnnConfig;
import dev.vitrina.recs.knn.ItemKnnTrainer;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.trigger.IntentMapping;
import dev.vitrina.recs.request.trigger.IntentScore;
import dev.vitrina.recs.request.trigger.Normalisation;
import dev.vitrina.recs.request.trigger.TriggerBlend;
import dev.vitrina.recs.request.trigger.TriggerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Trigger-induced feeds on the MovieLens 1M sequences (leave-one-out): the trigger is the user's
 * most recent history item, the target the next item; full ranking over all items through the
 * request pipeline, the user's items excluded. Compares trigger-only (item-to-item), user-only
 * (iALS), a fixed 50/50 blend and the intent blend, by HR@10 and nDCG@10 overall and on the quarter
 * of users whose trigger is least like their history (highest intent score).
 *
 * <p>Protocol. Validation: models trained on each line without its last two items; trigger = the
 * last training item, target = the validation item (second to last). On validation the iALS factors
 * and regularisation are tuned (user-only nDCG@10), the trigger similarity is chosen (item-kNN or
 * iALS cosine, trigger-only nDCG@10), and the normalisation, the intent aggregate and the
 * intent-to-weight mapping are fitted (blend nDCG@10). Test: the models are retrained with the
 * chosen settings on each line without its last item (the validation item joins the history as its
 * most recent item); trigger = the validation item, target = the test item (last); the fitted
 * mapping is applied unchanged.
 *
 * <p>Run: {@code scripts/formulations-trigger.sh}, or {@code java -cp ...
 * dev.vitrina.bench.formulations.TriggerBench [--data ../shared/data/movielens-1m-seq] [--factors
 * 128,256] [--reg 10,30] [--alpha 1,2] [--iterations 15] [--bins 5] [--recent 20] [--threads N]
 * [--users N] [--out FILE]}.
 */
public final class TriggerBench {

  private static final int K = 10;
  private static final double[] GRID = {0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1};

  private TriggerBench() {}

  /** Per-user results of one method: the 0-based rank of the target in the top 10, or -1. */
  private record Ranks(int[] rank) {
    double hr(int[] users) {
      double s = 0;
      for (int u : users) {
        s += rank[u] >= 0 ? 1 : 0;
      }
      return s / users.length;
    }

    double ndcg(int[] users) {
      double s = 0;
      for (int u : users) {
        s += rank[u] >= 0 ? 1 / log2(rank[u] + 2) : 0;
      }
      return s / users.length;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = dev.vitrina.bench.BenchArgs.parse(args);
    Path data = Path.of(a.getOrDefault("data", "../shared/data/movielens-1m-seq"));
    if (!Files.isDirectory(data)) {
      System.err.println(
          "error: "
              + data
              + " is not a folder; give --data the MovieLens 1M sequences folder (see"
              + " ../shared/data/README.md)");
      System.exit(2);
    }
    int threads =
        Integer.parseInt(
            a.getOrDefault("threads", "" + Runtime.getRuntime().availableProcessors()));
    int[] factorsGrid = ints(a.getOrDefault("factors", "128,256"));
    double[] regGrid = doubles(a.getOrDefault("reg", "10,30"));
    double[] alphaGrid = doubles(a.getOrDefault("alpha", "1,2"));
    int iterations = Integer.parseInt(a.getOrDefault("iterations", "15"));
    int bins = Integer.parseInt(a.getOrDefault("bins", "5"));
    int recent = Integer.parseInt(a.getOrDefault("recent", "20"));
    int maxUsers = Integer.parseInt(a.getOrDefault("users", "0"));
    ForkJoinPool pool = new ForkJoinPool(threads);
    long t0 = System.nanoTime();

    ItemSequences seq = ItemSequences.read(data);
    Interactions valTrain = seq.train();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("data", data.getFileName().toString());
    out.put("users", valTrain.numUsers());
    out.put("items", valTrain.numItems());

    // ---- validation: tune iALS (user-only) ----
    IalsConfig base = IalsConfig.defaults().withIterations(iterations).withThreads(threads);
    IalsConfig bestCfg = null;
    IalsModel valIals = null;
    double bestUserNdcg = -1;
    List<Map<String, Object>> tuning = new ArrayList<>();
    int[] valUsers = null;
    for (int f : factorsGrid) {
      for (double r : regGrid) {
        for (double al : alphaGrid) {
          IalsConfig cfg = base.withFactors(f).withRegularization(r).withAlpha(al);
          IalsModel m = new IalsTrainer(cfg).fit(valTrain, Progress.silent());
          if (valUsers == null) {
            valUsers = evalUsers(m, seq.validation(), maxUsers);
          }
          Ranks user = run(pool, RequestPipeline.builder(m).build(), m, seq.validation(), valUsers);
          double nd = user.ndcg(valUsers);
          tuning.add(
              Map.of(
                  "factors",
                  f,
                  "regularization",
                  r,
                  "alpha",
                  al,
                  "hr10",
                  user.hr(valUsers),
                  "ndcg10",
                  nd));
          System.out.printf(
              Locale.ROOT,
              "ials f=%d reg=%s alpha=%s: val HR@10 %.4f nDCG@10 %.4f%n",
              f,
              r,
              al,
              user.hr(valUsers),
              nd);
          if (nd > bestUserNdcg) {
            bestUserNdcg = nd;
            bestCfg = cfg;
            valIals = m;
          }
        }
      }
    }
    out.put("ials_tuning_validation", tuning);
    out.put(
        "ials",
        Map.of(
            "factors",
            bestCfg.factors(),
            "regularization",
            bestCfg.regularization(),
            "alpha",
            bestCfg.alpha()));

    // ---- validation: trigger similarity ----
    ItemKnnConfig knnCfg = ItemKnnConfig.defaults().withThreads(threads);
    Recommender valKnn = new ItemKnnTrainer(knnCfg).fit(valTrain, Progress.silent());
    Map<String, Recommender> sims = new LinkedHashMap<>();
    sims.put("itemknn", valKnn);
    sims.put("ials", valIals);
    String simName = null;
    double bestTrig = -1;
    Map<String, Object> simChoice = new LinkedHashMap<>();
    for (var e : sims.entrySet()) {
      Ranks r =
          run(
              pool,
              blendPipeline(
                  valIals,
                  e.getValue(),
                  IntentScore.defaults(),
                  IntentMapping.fixed(1),
                  Normalisation.RANK),
              valIals,
              seq.validation(),
              valUsers);
      simChoice.put(e.getKey(), Map.of("hr10", r.hr(valUsers), "ndcg10", r.ndcg(valUsers)));
      System.out.printf(
          Locale.ROOT,
          "trigger-only by %s: val HR@10 %.4f nDCG@10 %.4f%n",
          e.getKey(),
          r.hr(valUsers),
          r.ndcg(valUsers));
      if (r.ndcg(valUsers) > bestTrig) {
        bestTrig = r.ndcg(valUsers);
        simName = e.getKey();
      }
    }
    out.put("trigger_similarity_validation", simChoice);
    out.put("trigger_similarity", simName);
    Recommender valSim = sims.get(simName);

    // ---- validation: fit normalisation, intent aggregate, mapping ----
    Map<IntentScore.Aggregate, double[]> intents = new LinkedHashMap<>();
    for (IntentScore.Aggregate agg : IntentScore.Aggregate.values()) {
      intents.put(
          agg, intents(pool, valIals, valSim, new IntentScore(recent, agg), seq.validation()));
    }
    Normalisation bestNorm = null;
    IntentScore bestIntent = null;
    IntentMapping bestMap = null;
    double bestFit = -1;
    List<Map<String, Object>> fits = new ArrayList<>();
    for (Normalisation norm : Normalisation.values()) {
      double[][] gain = new double[valUsers.length][GRID.length];
      for (int g = 0; g < GRID.length; g++) {
        Ranks r =
            run(
                pool,
                blendPipeline(
                    valIals, valSim, IntentScore.defaults(), IntentMapping.fixed(GRID[g]), norm),
                valIals,
                seq.validation(),
                valUsers);
        for (int j = 0; j < valUsers.length; j++) {
          int rk = r.rank()[valUsers[j]];
          gain[j][g] = rk >= 0 ? 1 / log2(rk + 2) : 0;
        }
        System.out.printf(
            Locale.ROOT, "blend %s w=%.1f: val nDCG@10 %.4f%n", norm, GRID[g], r.ndcg(valUsers));
      }
      for (var e : intents.entrySet()) {
        double[] x = new double[valUsers.length];
        for (int j = 0; j < valUsers.length; j++) {
          x[j] = e.getValue()[valUsers[j]];
        }
        IntentMapping map = IntentMapping.fit(x, GRID, gain, bins);
        double fitted = 0;
        for (int j = 0; j < valUsers.length; j++) {
          double w = map.weight(x[j]);
          fitted += gain[j][(int) Math.round(w * 10)];
        }
        fitted /= valUsers.length;
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("normalisation", norm.name());
        rec.put("aggregate", e.getKey().name());
        rec.put("mapping", map);
        rec.put("ndcg10_validation", fitted);
        fits.add(rec);
        System.out.printf(
            Locale.ROOT,
            "intent %s/%s: edges %s weights %s -> val nDCG@10 %.4f%n",
            norm,
            e.getKey(),
            map.edges(),
            map.weights(),
            fitted);
        if (fitted > bestFit) {
          bestFit = fitted;
          bestNorm = norm;
          bestIntent = new IntentScore(recent, e.getKey());
          bestMap = map;
        }
      }
    }
    out.put("intent_fits_validation", fits);
    out.put("normalisation", bestNorm.name());
    out.put("intent", bestIntent);
    out.put("mapping", bestMap);

    Map<String, Object> valTable =
        table(
            pool,
            valIals,
            valSim,
            bestNorm,
            bestIntent,
            bestMap,
            seq.validation(),
            valUsers,
            "validation");
    out.put("validation", valTable);

    // ---- test: retrain with the validation item in the history ----
    Interactions testTrain = withValidation(seq);
    IalsModel testIals = new IalsTrainer(bestCfg).fit(testTrain, Progress.silent());
    Recommender testSim =
        simName.equals("ials")
            ? testIals
            : new ItemKnnTrainer(knnCfg).fit(testTrain, Progress.silent());
    int[] testUsers = evalUsers(testIals, seq.test(), maxUsers);
    out.put(
        "test",
        table(
            pool, testIals, testSim, bestNorm, bestIntent, bestMap, seq.test(), testUsers, "test"));
    out.put("seconds", (System.nanoTime() - t0) / 1e9);
    out.put("threads", threads);
    String json = Json.pretty(out);
    Path outFile = Path.of(a.getOrDefault("out", "out/bench/trigger.json"));
    AtomicWrite.writeString(outFile, json + "\n");
    System.out.println("wrote " + outFile);
    pool.shutdown();
  }

  /** The four methods on one split, overall and on the new-intent quarter. */
  private static Map<String, Object> table(
      ForkJoinPool pool,
      IalsModel ials,
      Recommender sim,
      Normalisation norm,
      IntentScore intent,
      IntentMapping map,
      int[] target,
      int[] users,
      String split) {
    double[] x = intents(pool, ials, sim, intent, target);
    Integer[] order = IntStream.of(users).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (p, q) -> Double.compare(x[q], x[p]));
    int[] quarter =
        Arrays.stream(order, 0, (users.length + 3) / 4)
            .mapToInt(Integer::intValue)
            .sorted()
            .toArray();
    Map<String, RequestPipeline> methods = new LinkedHashMap<>();
    methods.put("trigger-only", blendPipeline(ials, sim, intent, IntentMapping.fixed(1), norm));
    methods.put("user-only (ials)", RequestPipeline.builder(ials).build());
    methods.put(
        "fixed 50/50 blend", blendPipeline(ials, sim, intent, IntentMapping.fixed(0.5), norm));
    methods.put("intent blend", blendPipeline(ials, sim, intent, map, norm));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("users", users.length);
    t.put("new_intent_users", quarter.length);
    t.put("new_intent_min_intent", x[order[quarter.length - 1]]);
    System.out.printf(
        Locale.ROOT,
        "%n%s (%d users; new-intent quarter: %d users, intent >= %.3f)%n"
            + "| method | HR@10 | nDCG@10 | HR@10 new intent | nDCG@10 new intent |%n"
            + "|---|---|---|---|---|%n",
        split,
        users.length,
        quarter.length,
        x[order[quarter.length - 1]]);
    for (var e : methods.entrySet()) {
      Ranks r = run(pool, e.getValue(), ials, target, users);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hr10", r.hr(users));
      row.put("ndcg10", r.ndcg(users));
      row.put("hr10_new_intent", r.hr(quarter));
      row.put("ndcg10_new_intent", r.ndcg(quarter));
      t.put(e.getKey(), row);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f | %.4f | %.4f |%n",
          e.getKey(),
          r.hr(users),
          r.ndcg(users),
          r.hr(quarter),
          r.ndcg(quarter));
    }
    return t;
  }

  private static RequestPipeline blendPipeline(
      Recommender profile,
      Recommender sim,
      IntentScore intent,
      IntentMapping map,
      Normalisation norm) {
    return RequestPipeline.builder(profile)
        .source(TriggerSource.using(sim))
        .reranker(
            TriggerBlend.defaults()
                .using(sim)
                .withIntent(intent)
                .withMapping(map)
                .withNormalisation(norm))
        .build();
  }

  /** Users with a target and a training history, ascending (the first {@code max} when > 0). */
  private static int[] evalUsers(Recommender m, int[] target, int max) {
    TrainingData td = m.capability(TrainingData.class).orElseThrow();
    int[] u =
        IntStream.range(0, target.length)
            .filter(x -> target[x] >= 0 && td.history(x).length > 0)
            .toArray();
    return max > 0 && max < u.length ? Arrays.copyOf(u, max) : u;
  }

  /** Each user's request: the trigger is the most recent training item. */
  private static RecRequest request(Recommender m, int user) {
    int[] h = m.capability(TrainingData.class).orElseThrow().history(user);
    return RecRequest.forUser(m.users().id(user), K).withTrigger(m.items().id(h[h.length - 1]));
  }

  private static Ranks run(
      ForkJoinPool pool, RequestPipeline p, Recommender m, int[] target, int[] users) {
    int[] rank = new int[target.length];
    Arrays.fill(rank, -1);
    pool.submit(
            () ->
                IntStream.of(users)
                    .parallel()
                    .forEach(
                        u -> {
                          List<String> ids = p.recommend(request(m, u)).itemIds();
                          rank[u] = ids.indexOf(m.items().id(target[u]));
                        }))
        .join();
    return new Ranks(rank);
  }

  private static double[] intents(
      ForkJoinPool pool, IalsModel ials, Recommender sim, IntentScore intent, int[] target) {
    RequestPipeline p = RequestPipeline.builder(ials).build();
    TriggerBlend b = TriggerBlend.defaults().using(sim).withIntent(intent);
    double[] x = new double[target.length];
    Arrays.fill(x, Double.NaN);
    TrainingData td = ials.capability(TrainingData.class).orElseThrow();
    pool.submit(
            () ->
                IntStream.range(0, target.length)
                    .parallel()
                    .filter(u -> td.history(u).length > 0)
                    .forEach(u -> x[u] = b.intentOf(p.resolve(request(ials, u)))))
        .join();
    return x;
  }

  /**
   * The training interactions with each user's validation item added as their most recent
   * interaction; users and items keep their dense indices.
   */
  static Interactions withValidation(ItemSequences seq) {
    Interactions t = seq.train();
    Interactions.Builder b = Interactions.builder(t.feedback());
    for (int u = 0; u < t.numUsers(); u++) {
      b.declareUser(t.users().id(u));
    }
    for (int i = 0; i < t.numItems(); i++) {
      b.declareItem(t.items().id(i));
    }
    long last = 0;
    for (int r = 0; r < t.size(); r++) {
      b.add(t.users().id(t.userIndex(r)), t.items().id(t.itemIndex(r)), t.value(r), t.timestamp(r));
      last = Math.max(last, t.timestamp(r));
    }
    for (int u = 0; u < t.numUsers(); u++) {
      if (seq.validation()[u] >= 0) {
        b.add(t.users().id(u), t.items().id(seq.validation()[u]), 1f, last + 1);
      }
    }
    return b.build();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static int[] ints(String s) {
    return Arrays.stream(s.split(",")).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
  }

  private static double[] doubles(String s) {
    return Arrays.stream(s.split(",")).mapToDouble(v -> Double.parseDouble(v.strip())).toArray();
  }
}
