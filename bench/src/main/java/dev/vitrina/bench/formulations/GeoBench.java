package dev.vitrina.bench.formulations;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.json.Json;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.eval.RankingMetrics;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.model.UnknownUserPolicy;
import dev.vitrina.recs.request.Places;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.geo.DistanceDecay;
import dev.vitrina.recs.request.geo.EtaModel;
import dev.vitrina.recs.request.geo.GeoReranker;
import dev.vitrina.recs.request.geo.InferredPlaces;
import dev.vitrina.recs.request.geo.ItemLocations;
import dev.vitrina.recs.request.geo.NearbySource;
import dev.vitrina.recs.request.geo.UserAnchors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Location-aware ranking on Foursquare Singapore ({@code ../shared/data/foursquare-sg}): popular,
 * item-kNN, iALS and EASE (default configurations) against their geo-aware versions ({@link
 * GeoReranker} over the model's top candidates, users located at their {@link InferredPlaces}) and
 * the pure-distance baseline ({@link NearbySource}: popular venues nearest the user's centre).
 *
 * <p>Protocol: the given train/test files. A validation split is carved out of train (each user
 * with at least 3 training venues gives 20% of them, at least 1, chosen with a seeded shuffle);
 * models fitted on the rest choose, by validation Recall@10, each geo-aware model's decay ({@link
 * DistanceDecay#grid()}) and candidate depth, and the baseline's popularity threshold. The models
 * are then refitted on the whole train file and scored on test through the {@link RequestPipeline}
 * with the chosen settings. Metrics at 10 over the test users, training venues excluded from the
 * lists (no test pair repeats a training pair in this data, so none is removed from the truth).
 *
 * <p>Run: {@code scripts/formulations-geo.sh}, or {@code java -cp ...
 * dev.vitrina.bench.formulations.GeoBench [--data ../shared/data/foursquare-sg] [--seed 42] [--out
 * out/bench/formulations-geo.json]}. Options for shorter or different runs: {@code --models
 * ials,ease}, {@code --variants history} (anchors: {@code places}, {@code history}), {@code
 * --depths 200,500,2000}, {@code --floors 0,0.25,0.5,0.75} (decay floors searched, default 0),
 * {@code --split far} (validation venues drawn away from the user's other venues, {@link
 * #farSplit}; default {@code random}), {@code --nearby false} (skip the pure-distance baseline),
 * {@code --oracle true} (also report the best decay and depth fitted on test itself, a bound, never
 * used for the test rows).
 */
public final class GeoBench {

  private static final int K = 10;
  private static int[] DEPTHS = {100, 200, 500, 1000, 2000};
  private static double[] FLOORS = {0};
  private static final int[] MIN_USERS = {1, 2, 3, 5, 10, 20, 50};
  private static List<String> MODELS = List.of("popular", "itemknn", "ials", "ease");
  private static List<String> VARIANTS = List.of("places", "history");
  private static final Instant TIME = Instant.parse("2024-01-15T04:00:00Z"); // noon in Singapore

  private GeoBench() {}

  /** Data in memory: one interactions set with the location column, train and test rows. */
  record Data(Interactions all, int[] trainRows, int[] testRows) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = parseArgs(args);
    Path dir = Path.of(a.getOrDefault("data", "../shared/data/foursquare-sg"));
    long seed = Long.parseLong(a.getOrDefault("seed", "42"));
    Path outFile = Path.of(a.getOrDefault("out", "out/bench/formulations-geo.json"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "data folder " + dir + " does not exist; pass --data with the Foursquare folder");
    }
    MODELS = List.of(a.getOrDefault("models", String.join(",", MODELS)).split(","));
    VARIANTS = List.of(a.getOrDefault("variants", String.join(",", VARIANTS)).split(","));
    if (a.containsKey("depths")) {
      DEPTHS = Arrays.stream(a.get("depths").split(",")).mapToInt(Integer::parseInt).toArray();
    }
    if (a.containsKey("floors")) {
      FLOORS = Arrays.stream(a.get("floors").split(",")).mapToDouble(Double::parseDouble).toArray();
    }
    for (String v : VARIANTS) {
      if (!v.equals("places") && !v.equals("history")) {
        throw new IllegalArgumentException(
            "--variants lists places and/or history, got '" + v + "'; e.g. --variants history");
      }
    }
    String splitKind = a.getOrDefault("split", "random");
    if (!splitKind.equals("random") && !splitKind.equals("far")) {
      throw new IllegalArgumentException(
          "--split must be random or far, got '" + splitKind + "'; e.g. --split far");
    }
    boolean skipNearby = a.getOrDefault("nearby", "true").equals("false");
    boolean oracle = a.getOrDefault("oracle", "false").equals("true");
    Data d = read(dir);
    Interactions train = d.all().select(d.trainRows());
    Interactions test = d.all().select(d.testRows());
    int[][] split =
        splitKind.equals("far")
            ? farSplit(train, ItemLocations.of(train.itemAttributes()), seed)
            : validationSplit(train, seed);
    Interactions fitTrain = train.select(split[0]);
    Interactions valid = train.select(split[1]);
    System.err.printf(
        Locale.ROOT,
        "data: %d users, %d venues; train %d rows (fit %d, validation %d), test %d rows%n",
        d.all().numUsers(),
        d.all().numItems(),
        train.size(),
        fitTrain.size(),
        valid.size(),
        test.size());

    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> fitted = new LinkedHashMap<>();
    ItemLocations locs = ItemLocations.of(train.itemAttributes());
    EtaModel eta = EtaModel.defaults();

    for (String name : MODELS) {
      Recommender vm = RecsModels.trainer(name, Map.of()).fit(fitTrain);
      InferredPlaces vp = InferredPlaces.of(vm, locs, InferredPlaces.Config.DEFAULT);
      Recommender tm = RecsModels.trainer(name, Map.of()).fit(train);
      InferredPlaces tp = InferredPlaces.of(tm, locs, InferredPlaces.Config.DEFAULT);
      int[][] truth = truths(test);
      rows.add(row(name, score(RequestPipeline.builder(tm).build(), truth), null));
      Map<String, Object> fm = new LinkedHashMap<>();
      for (String variant : VARIANTS) {
        UserAnchors va =
            variant.equals("places") ? UserAnchors.places(vp) : UserAnchors.history(locs);
        UserAnchors ta =
            variant.equals("places") ? UserAnchors.places(tp) : UserAnchors.history(locs);
        Fit f = fitDecay(vm, va, locs, truths(valid));
        System.err.printf(
            Locale.ROOT,
            "%s + geo (%s): validation recall@10 plain %.4f, geo %.4f with %s over %d"
                + " candidates%n",
            name,
            variant,
            f.plainRecall,
            f.recall,
            f.decay,
            f.depth);
        rows.add(
            row(
                name + " + geo (" + variant + ")",
                score(geoPipeline(tm, tp, ta, locs, f), truth),
                f));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("decay", f.decay.toString());
        g.put("shape", f.decay.shape().name());
        g.put("scale_km", f.decay.scaleKm());
        g.put("exponent", f.decay.exponent());
        g.put("floor", f.decay.floor());
        g.put("candidates", f.depth);
        g.put("validation_recall_plain", f.plainRecall);
        g.put("validation_recall_geo", f.recall);
        g.put("validation_recall_geo_pipeline", pipelineValidation(vm, vp, va, locs, f, valid));
        if (oracle) {
          Fit o = fitDecay(tm, ta, locs, truth);
          System.err.printf(
              Locale.ROOT,
              "%s + geo (%s): best on test itself (oracle, not used) %.4f with %s over %d%n",
              name,
              variant,
              o.recall,
              o.decay,
              o.depth);
          g.put("oracle_test_decay", o.decay.toString());
          g.put("oracle_test_candidates", o.depth);
          g.put("oracle_test_recall", o.recall);
        }
        fm.put(variant, g);
      }
      fitted.put(name, fm);
    }

    json.put("data", dir.toString());
    json.put("seed", seed);
    json.put("split", splitKind);
    json.put("k", K);
    json.put("fitted_on_validation", fitted);
    json.put("test", rows);
    if (skipNearby) {
      write(json, rows, outFile);
      return;
    }
    // Pure distance: popular venues nearest the user's centre.
    Recommender vpop = RecsModels.trainer("popular", Map.of()).fit(fitTrain);
    InferredPlaces vpp = InferredPlaces.of(vpop, locs, InferredPlaces.Config.DEFAULT);
    int bestMin = 1;
    double bestRecall = -1;
    for (int m : MIN_USERS) {
      double r = nearby(vpop, vpp, locs, eta, m, truths(valid)).get("recall");
      System.err.printf(Locale.ROOT, "nearby min_users=%d: validation recall@10 %.4f%n", m, r);
      if (r > bestRecall) {
        bestRecall = r;
        bestMin = m;
      }
    }
    Recommender tpop = RecsModels.trainer("popular", Map.of()).fit(train);
    InferredPlaces tpp = InferredPlaces.of(tpop, locs, InferredPlaces.Config.DEFAULT);
    Map<String, Double> nb = nearby(tpop, tpp, locs, eta, bestMin, truths(test));
    rows.add(row("nearest popular (pure distance)", nb, null));
    fitted.put("nearby", Map.of("min_users", bestMin, "validation_recall", bestRecall));
    write(json, rows, outFile);
  }

  private static void write(Map<String, Object> json, List<Map<String, Object>> rows, Path outFile)
      throws IOException {
    System.out.println(markdown(rows));
    String text = Json.pretty(json);
    Files.createDirectories(outFile.toAbsolutePath().getParent());
    dev.vitrina.core.storage.AtomicWrite.writeString(outFile, text + "\n");
    System.err.println("wrote " + outFile);
  }

  /** Scores the nearby source alone: its own top 10 for each user, resolved by the pipeline. */
  private static Map<String, Double> nearby(
      Recommender m, Places places, ItemLocations locs, EtaModel eta, int minUsers, int[][] t) {
    RequestPipeline p = RequestPipeline.builder(m).places(places).build();
    NearbySource src = NearbySource.of(m, locs, places, eta, minUsers);
    return score(
        p,
        t,
        req -> {
          var state = p.resolve(req);
          return src.applies(state)
              ? src.candidates(state, K).stream().mapToInt(c -> c.item()).toArray()
              : new int[0];
        });
  }

  /** Reads the three files; every venue of the location file is an item with its point. */
  static Data read(Path dir) throws IOException {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    Map<String, GeoPoint> where = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("FoursquareLocation.txt"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        where.put(f[0], new GeoPoint(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        b.declareItem(f[0]);
      }
    }
    int nTrain = addRows(b, dir.resolve("trainData.txt"));
    int nTest = addRows(b, dir.resolve("testData.txt"));
    Interactions base = b.build();
    GeoPoint[] pts = new GeoPoint[base.numItems()];
    int missing = 0;
    for (int i = 0; i < pts.length; i++) {
      pts[i] = where.get(base.items().id(i));
      missing += pts[i] == null ? 1 : 0;
    }
    if (missing > 0) {
      System.err.println(missing + " venues of the check-ins have no coordinates");
    }
    int n = base.size();
    int[] u = new int[n];
    int[] it = new int[n];
    float[] v = new float[n];
    for (int r = 0; r < n; r++) {
      u[r] = base.userIndex(r);
      it[r] = base.itemIndex(r);
      v[r] = base.value(r);
    }
    Interactions all =
        Interactions.of(
            base.users(),
            base.items(),
            u,
            it,
            v,
            null,
            Feedback.IMPLICIT,
            base.itemAttributes()
                .withColumn(AttributeColumn.geoPoints(ItemLocations.LOCATION, pts)));
    int[] tr = java.util.stream.IntStream.range(0, nTrain).toArray();
    int[] te = java.util.stream.IntStream.range(nTrain, nTrain + nTest).toArray();
    return new Data(all, tr, te);
  }

  private static int addRows(Interactions.Builder b, Path file) throws IOException {
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        b.add(f[0], f[1], Float.parseFloat(f[2]));
        n++;
      }
    }
    return n;
  }

  /** Row positions of the fitting part and the validation part of {@code train}. */
  static int[][] validationSplit(Interactions train, long seed) {
    Interactions.RowsByUser by = train.rowsByUser();
    List<Integer> fit = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    for (int u = 0; u < train.numUsers(); u++) {
      int c = by.count(u);
      int[] rows = Arrays.copyOfRange(by.rows(), by.offsets()[u], by.offsets()[u + 1]);
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + u);
      for (int j = rows.length - 1; j > 0; j--) {
        int k = r.nextInt(j + 1);
        int t = rows[j];
        rows[j] = rows[k];
        rows[k] = t;
      }
      int hold = c >= 3 ? Math.max(1, (int) Math.round(0.2 * c)) : 0;
      for (int j = 0; j < c; j++) {
        (j < hold ? val : fit).add(rows[j]);
      }
    }
    return new int[][] {
      fit.stream().mapToInt(Integer::intValue).sorted().toArray(),
      val.stream().mapToInt(Integer::intValue).sorted().toArray()
    };
  }

  /**
   * Row positions of the fitting part and the validation part of {@code train}, the validation
   * venues drawn away from the rest of the user's venues: each user with at least 3 training venues
   * gives 20% of them (at least 1), drawn without replacement with probability proportional to the
   * venue's distance to the nearest other venue of the user plus 0.1 km (weighted reservoir keys
   * {@code r^(1/w)}, seeded). Venues without coordinates get the weight of 0.1 km.
   */
  static int[][] farSplit(Interactions train, ItemLocations locs, long seed) {
    Interactions.RowsByUser by = train.rowsByUser();
    List<Integer> fit = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    for (int u = 0; u < train.numUsers(); u++) {
      int c = by.count(u);
      int[] rows = Arrays.copyOfRange(by.rows(), by.offsets()[u], by.offsets()[u + 1]);
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + u);
      double[] key = new double[c];
      for (int j = 0; j < c; j++) {
        GeoPoint p = locs.point(train.itemIndex(rows[j]));
        double nn = Double.POSITIVE_INFINITY;
        for (int k = 0; k < c && p != null; k++) {
          GeoPoint q = locs.point(train.itemIndex(rows[k]));
          if (k != j && q != null) {
            nn = Math.min(nn, p.distanceKm(q));
          }
        }
        double w = (Double.isInfinite(nn) ? 0 : nn) + 0.1;
        key[j] = Math.pow(r.nextDouble(), 1 / w);
      }
      Integer[] order = new Integer[c];
      for (int j = 0; j < c; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
      int hold = c >= 3 ? Math.max(1, (int) Math.round(0.2 * c)) : 0;
      for (int j = 0; j < c; j++) {
        (j < hold ? val : fit).add(rows[order[j]]);
      }
    }
    return new int[][] {
      fit.stream().mapToInt(Integer::intValue).sorted().toArray(),
      val.stream().mapToInt(Integer::intValue).sorted().toArray()
    };
  }

  /** Each user's distinct items in {@code data}, sorted (empty when none). */
  static int[][] truths(Interactions data) {
    int[][] t = new int[data.numUsers()][];
    List<List<Integer>> l = new ArrayList<>();
    for (int u = 0; u < data.numUsers(); u++) {
      l.add(new ArrayList<>());
    }
    for (int r = 0; r < data.size(); r++) {
      l.get(data.userIndex(r)).add(data.itemIndex(r));
    }
    for (int u = 0; u < t.length; u++) {
      t[u] = l.get(u).stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }
    return t;
  }

  /** Mean precision, recall and nDCG at 10 of a pipeline over the users with a truth. */
  static Map<String, Double> score(RequestPipeline p, int[][] truth) {
    return score(
        p,
        truth,
        req ->
            p.recommend(req).itemIds().stream()
                .mapToInt(id -> p.model().items().find(id).getAsInt())
                .toArray());
  }

  /** As {@link #score(RequestPipeline, int[][])} with the lists made by {@code lists}. */
  static Map<String, Double> score(
      RequestPipeline p, int[][] truth, java.util.function.Function<RecRequest, int[]> lists) {
    double prec = 0;
    double rec = 0;
    double ndcg = 0;
    int n = 0;
    IdIndex users = p.model().users();
    for (int u = 0; u < truth.length; u++) {
      if (truth[u].length == 0) {
        continue;
      }
      int[] list = lists.apply(RecRequest.forUser(users.id(u), K).at(TIME));
      prec += RankingMetrics.precision(list, 0, list.length, truth[u], K);
      rec += RankingMetrics.recall(list, 0, list.length, truth[u], K);
      ndcg += RankingMetrics.ndcg(list, 0, list.length, truth[u], K);
      n++;
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("precision", prec / n);
    m.put("recall", rec / n);
    m.put("ndcg", ndcg / n);
    m.put("users", (double) n);
    return m;
  }

  /** A fitted decay and depth with their validation recall. */
  record Fit(DistanceDecay decay, int depth, double recall, double plainRecall) {}

  /**
   * The decay and depth with the best validation recall@10. Scores exactly as {@link GeoReranker}
   * does (min-max relevance times decay of the distance to the nearest of the user's places),
   * computed once per user for all settings; {@link #pipelineValidation} checks the winner through
   * the pipeline.
   */
  static Fit fitDecay(Recommender m, UserAnchors anchorsOf, ItemLocations locs, int[][] truth) {
    RequestPipeline resolver = RequestPipeline.builder(m).build();
    int maxDepth = DEPTHS[DEPTHS.length - 1];
    List<DistanceDecay> grid = DistanceDecay.grid(FLOORS);
    double[][] recall = new double[grid.size()][DEPTHS.length];
    double plain = 0;
    int n = 0;
    RecommendOptions o =
        new RecommendOptions(SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, i -> true);
    TrainingData td = m.capability(TrainingData.class).orElseThrow();
    for (int u = 0; u < truth.length; u++) {
      if (truth[u].length == 0) {
        continue;
      }
      n++;
      Recommendations r = m.recommend(u, maxDepth, o);
      int[] items = r.items();
      plain += RankingMetrics.recall(items, 0, Math.min(K, items.length), truth[u], K);
      GeoPoint[] anchors =
          anchorsOf.of(resolver.resolve(RecRequest.forUser(m.users().id(u), K).at(TIME)));
      if (anchors.length == 0 || td.history(u).length == 0) {
        double rr = RankingMetrics.recall(items, 0, Math.min(K, items.length), truth[u], K);
        for (double[] row : recall) {
          for (int j = 0; j < row.length; j++) {
            row[j] += rr;
          }
        }
        continue;
      }
      double[] km = new double[items.length];
      for (int j = 0; j < items.length; j++) {
        km[j] = Double.NaN;
        for (GeoPoint p : anchors) {
          double dd = locs.distanceKm(p, items[j]);
          if (!Double.isNaN(dd) && !(dd >= km[j])) {
            km[j] = dd;
          }
        }
      }
      for (int di = 0; di < DEPTHS.length; di++) {
        int len = Math.min(DEPTHS[di], items.length);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
          lo = Math.min(lo, r.scores()[j]);
          hi = Math.max(hi, r.scores()[j]);
        }
        for (int g = 0; g < grid.size(); g++) {
          DistanceDecay dec = grid.get(g);
          int[] top = topK(items, r.scores(), km, len, lo, hi, dec);
          recall[g][di] += RankingMetrics.recall(top, 0, top.length, truth[u], K);
        }
      }
    }
    int bg = 0;
    int bd = 0;
    for (int g = 0; g < grid.size(); g++) {
      for (int di = 0; di < DEPTHS.length; di++) {
        if (recall[g][di] > recall[bg][bd]) {
          bg = g;
          bd = di;
        }
      }
    }
    return new Fit(grid.get(bg), DEPTHS[bd], recall[bg][bd] / n, plain / n);
  }

  /**
   * The first {@code K} of {@code items[0..len)} by {@code rel x decay(km)}, ties by position (the
   * order of {@link GeoReranker}'s stable sort); items without a distance come last.
   */
  private static int[] topK(
      int[] items, float[] scores, double[] km, int len, float lo, float hi, DistanceDecay dec) {
    int k = Math.min(K, len);
    int[] pos = new int[k];
    double[] best = new double[k];
    int n = 0;
    for (int j = 0; j < len; j++) {
      double rel = hi > lo ? (scores[j] - lo) / (double) (hi - lo) : 1.0;
      double s = Double.isNaN(km[j]) ? Double.NEGATIVE_INFINITY : rel * dec.factor(km[j]);
      if (n == k && !(s > best[k - 1])) {
        continue;
      }
      int at = n < k ? n++ : k - 1;
      while (at > 0 && s > best[at - 1]) {
        best[at] = best[at - 1];
        pos[at] = pos[at - 1];
        at--;
      }
      best[at] = s;
      pos[at] = j;
    }
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      out[j] = items[pos[j]];
    }
    return out;
  }

  /** The fitted setting's validation recall@10 through the request pipeline. */
  static double pipelineValidation(
      Recommender m,
      Places places,
      UserAnchors anchors,
      ItemLocations locs,
      Fit f,
      Interactions v) {
    RequestPipeline p = geoPipeline(m, places, anchors, locs, f);
    return score(p, truths(v)).get("recall");
  }

  static RequestPipeline geoPipeline(
      Recommender m, Places places, UserAnchors anchors, ItemLocations locs, Fit f) {
    return RequestPipeline.builder(m)
        .places(places)
        .candidates(f.depth)
        .reranker(GeoReranker.of(locs, f.decay, EtaModel.defaults(), anchors))
        .build();
  }

  private static Map<String, Object> row(String name, Map<String, Double> m, Fit f) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", name);
    r.put("precision_at_10", m.get("precision"));
    r.put("recall_at_10", m.get("recall"));
    r.put("ndcg_at_10", m.get("ndcg"));
    r.put("users", m.get("users").intValue());
    if (f != null) {
      r.put("decay", f.decay.toString());
      r.put("candidates", f.depth);
    }
    return r;
  }

  static String markdown(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| model | P@10 | R@10 | nDCG@10 | fitted decay (candidates) |\n");
    sb.append("|---|---:|---:|---:|---|\n");
    for (Map<String, Object> r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %.4f | %.4f | %.4f | %s |%n",
              r.get("model"),
              (Double) r.get("precision_at_10"),
              (Double) r.get("recall_at_10"),
              (Double) r.get("ndcg_at_10"),
              r.containsKey("decay") ? r.get("decay") + " (" + r.get("candidates") + ")" : ""));
    }
    return sb.toString();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String k = args[i];
      if (!k.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "arguments are --name value pairs, e.g. --seed 42; got '" + k + "'");
      }
      m.put(k.substring(2), args[++i]);
    }
    return m;
  }
}
