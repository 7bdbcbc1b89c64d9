package dev.vitrina.recs.eval;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.BatchRecommendations;
import dev.vitrina.recs.model.ItemFilter;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits models on the training side of splits, recommends top-k for every user, and scores the lists
 * against the test side. The relevant items of a user are the distinct items of their test rows
 * (with {@link SeenItems#EXCLUDE}, minus those already in their training rows, which could never be
 * recommended); users without relevant items are not evaluated. All ratings count as interactions
 * (no threshold), as in the Microsoft Recommenders protocol.
 */
public final class Evaluator {

  private Evaluator() {}

  /** Evaluates each named trainer on every split; per-user values are pooled over splits. */
  public static EvaluationReport evaluate(
      Interactions data,
      List<Split> splits,
      Map<String, Trainer<? extends Recommender>> trainers,
      EvalOptions options,
      Progress progress) {
    List<ModelResult> results = new ArrayList<>();
    for (Map.Entry<String, Trainer<? extends Recommender>> e : trainers.entrySet()) {
      results.add(evaluateModel(e.getKey(), e.getValue(), splits, options, progress));
    }
    Split first = splits.get(0);
    String desc =
        splits.size() == 1
            ? first.description()
            : splits.size() + " folds of " + first.description();
    return new EvaluationReport(
        data.summary(), desc, options.k(), first.train().size(), first.test().size(), results);
  }

  /** Evaluates one trainer on the splits. */
  public static ModelResult evaluateModel(
      String name,
      Trainer<? extends Recommender> trainer,
      List<Split> splits,
      EvalOptions options,
      Progress progress) {
    double fitSeconds = 0;
    double recSeconds = 0;
    Map<String, double[]> pooled = new LinkedHashMap<>();
    double coverage = 0;
    for (Split split : splits) {
      long t0 = System.nanoTime();
      Recommender model = trainer.fit(split.train());
      long t1 = System.nanoTime();
      BatchRecommendations recs =
          model.recommendAll(
              options.k(),
              new RecommendOptions(options.seen(), options.unknownUsers(), ItemFilter.all()));
      long t2 = System.nanoTime();
      fitSeconds += (t1 - t0) / 1e9;
      recSeconds += (t2 - t1) / 1e9;
      Scored s = score(split, recs, options);
      for (Map.Entry<String, double[]> e : s.perUser.entrySet()) {
        pooled.merge(e.getKey(), e.getValue(), Evaluator::concat);
      }
      coverage += s.coverage;
      progress.step(1);
    }
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    int users = 0;
    for (Map.Entry<String, double[]> e : pooled.entrySet()) {
      MetricSummary m =
          MetricSummary.of(
              e.getValue(), options.bootstrapSamples(), options.confidence(), options.seed());
      metrics.put(e.getKey(), m);
      if (e.getKey().equals("ndcg")) {
        users = m.users();
      }
    }
    return new ModelResult(
        name,
        trainer.parameters(),
        fitSeconds,
        recSeconds,
        users,
        metrics,
        coverage / splits.size());
  }

  /** Per-user metric values of one split, and the coverage. */
  record Scored(Map<String, double[]> perUser, double coverage) {}

  /** Scores batch recommendations against a split's test side. */
  static Scored score(Split split, BatchRecommendations recs, EvalOptions options) {
    int k = options.k();
    UserItemMatrix train = split.train().toMatrix(ValueTransform.BINARY);
    UserItemMatrix test = split.test().toMatrix(ValueTransform.BINARY);
    int[] itemUsers = train.columnCounts();
    int trainUsers = 0;
    for (int u = 0; u < train.rows(); u++) {
      trainUsers += train.rowNnz(u) > 0 ? 1 : 0;
    }
    ItemAttributes attrs = split.train().itemAttributes();
    List<Integer> evaluated = new ArrayList<>();
    String[] names = {
      "ndcg", "precision", "recall", "map", "map_at_k", "mrr", "hit_rate", "novelty", "diversity"
    };
    int n = test.rows();
    double[][] v = new double[names.length][n];
    int[] flatItems = new int[n * k];
    int[] counts = new int[n];
    int m = 0;
    for (int u = 0; u < n; u++) {
      int[] truth = test.row(u);
      if (options.seen() == SeenItems.EXCLUDE) {
        int user = u;
        truth = Arrays.stream(truth).filter(i -> !train.contains(user, i)).toArray();
      }
      if (truth.length == 0) {
        continue;
      }
      int len = recs.count(u);
      int[] list = new int[len];
      for (int r = 0; r < len; r++) {
        list[r] = recs.item(u, r);
      }
      System.arraycopy(list, 0, flatItems, u * k, len);
      counts[u] = len;
      v[0][m] = RankingMetrics.ndcg(list, 0, len, truth, k);
      v[1][m] = RankingMetrics.precision(list, 0, len, truth, k);
      v[2][m] = RankingMetrics.recall(list, 0, len, truth, k);
      v[3][m] = RankingMetrics.averagePrecision(list, 0, len, truth, k);
      v[4][m] = RankingMetrics.averagePrecisionAtK(list, 0, len, truth, k);
      v[5][m] = RankingMetrics.reciprocalRank(list, 0, len, truth, k);
      v[6][m] = RankingMetrics.hit(list, 0, len, truth, k);
      v[7][m] = BeyondAccuracy.novelty(list, 0, len, itemUsers, Math.max(1, trainUsers));
      v[8][m] = BeyondAccuracy.diversity(list, 0, len, attrs);
      evaluated.add(u);
      m++;
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], Arrays.copyOf(v[i], m));
    }
    int[] users = evaluated.stream().mapToInt(Integer::intValue).toArray();
    double coverage = BeyondAccuracy.coverage(flatItems, counts, k, users, itemUsers);
    return new Scored(out, coverage);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
