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
import java.util.Locale;
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

  /**
   * Evaluates each named trainer on every split; per-user values are pooled over splits. The
   * report's notes say how many users were skipped or cold and how many relevant items no model
   * could rank.
   *
   * @throws IllegalArgumentException when a split cannot be scored (see {@link #check}) or no
   *     trainer or split is given
   */
  public static EvaluationReport evaluate(
      Interactions data,
      List<Split> splits,
      Map<String, Trainer<? extends Recommender>> trainers,
      EvalOptions options,
      Progress progress) {
    if (splits.isEmpty() || trainers.isEmpty()) {
      throw new IllegalArgumentException(
          "evaluation needs at least one split and one model, got "
              + splits.size()
              + " splits and "
              + trainers.size()
              + " models");
    }
    Coverage cov = Coverage.NONE;
    for (Split s : splits) {
      cov = cov.plus(check(s, options));
    }
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
        data.summary(),
        desc,
        options.k(),
        first.train().size(),
        first.test().size(),
        results,
        cov.notes());
  }

  /**
   * What the test side of one or more splits offers for scoring.
   *
   * @param testUsers users with test rows
   * @param evaluatedUsers users with at least one relevant item (scored)
   * @param coldUsers evaluated users without training rows (they get the unknown-user policy)
   * @param relevantPairs relevant (user, item) pairs over the evaluated users
   * @param unseenItemPairs relevant pairs whose item has no training rows (no model can rank it)
   */
  public record Coverage(
      int testUsers, int evaluatedUsers, int coldUsers, long relevantPairs, long unseenItemPairs) {

    static final Coverage NONE = new Coverage(0, 0, 0, 0, 0);

    Coverage plus(Coverage o) {
      return new Coverage(
          testUsers + o.testUsers,
          evaluatedUsers + o.evaluatedUsers,
          coldUsers + o.coldUsers,
          relevantPairs + o.relevantPairs,
          unseenItemPairs + o.unseenItemPairs);
    }

    /** One line per partial problem (users skipped, cold users, unrankable test items). */
    public List<String> notes() {
      List<String> n = new ArrayList<>();
      if (testUsers > evaluatedUsers) {
        n.add(
            String.format(
                Locale.ROOT,
                "%,d of the %,d test users are not evaluated: all their test items are already"
                    + " among their training items",
                testUsers - evaluatedUsers,
                testUsers));
      }
      if (coldUsers > 0) {
        n.add(
            String.format(
                Locale.ROOT,
                "%,d of the %,d evaluated users are cold (no training rows) and get the"
                    + " unknown-user policy's list",
                coldUsers,
                evaluatedUsers));
      }
      if (unseenItemPairs > 0) {
        n.add(
            String.format(
                Locale.ROOT,
                "%,d of the %,d relevant test pairs are items without training rows, which no"
                    + " model can recommend",
                unseenItemPairs,
                relevantPairs));
      }
      return List.copyOf(n);
    }
  }

  /**
   * Counts what {@code split} offers for scoring under {@code options}.
   *
   * @throws IllegalArgumentException when the split cannot give a meaningful score: no user has a
   *     relevant test item, every evaluated user is cold, or no relevant test item occurs on the
   *     training side (every metric would be 0 for every model)
   */
  public static Coverage check(Split split, EvalOptions options) {
    UserItemMatrix train = split.train().toMatrix(ValueTransform.BINARY);
    UserItemMatrix test = split.test().toMatrix(ValueTransform.BINARY);
    int[] itemUsers = train.columnCounts();
    int testUsers = 0;
    int evaluated = 0;
    int cold = 0;
    long relevant = 0;
    long unseen = 0;
    for (int u = 0; u < test.rows(); u++) {
      if (test.rowNnz(u) == 0) {
        continue;
      }
      testUsers++;
      int n = 0;
      for (int i : test.row(u)) {
        if (options.seen() == SeenItems.EXCLUDE && train.contains(u, i)) {
          continue;
        }
        n++;
        unseen += itemUsers[i] == 0 ? 1 : 0;
      }
      if (n == 0) {
        continue;
      }
      evaluated++;
      relevant += n;
      cold += train.rowNnz(u) == 0 ? 1 : 0;
    }
    String where =
        String.format(
            Locale.ROOT,
            "split %s (train %,d rows, test %,d rows)",
            split.description(),
            split.train().size(),
            split.test().size());
    if (testUsers == 0) {
      throw new IllegalArgumentException(
          where
              + " has no test rows, so there is nothing to score; use a split that holds out"
              + " rows, e.g. random-by-user:0.75");
    }
    if (evaluated == 0) {
      throw new IllegalArgumentException(
          where
              + ": none of the "
              + testUsers
              + " test users can be evaluated, because every item on their test side is already"
              + " among their training items (repeated interactions), and training items are"
              + " neither recommended nor relevant; evaluate with seen items included"
              + " (EvalOptions.seen), or use data where users have distinct items");
    }
    if (cold == evaluated) {
      throw new IllegalArgumentException(
          where
              + ": all "
              + evaluated
              + " evaluated users are cold (no training rows), so every model would only give"
              + " the unknown-user fallback and the comparison would be empty; use a split that"
              + " keeps each user's other interactions in training, e.g. random-by-user:0.75 or"
              + " last-n:1");
    }
    if (unseen == relevant) {
      throw new IllegalArgumentException(
          where
              + ": none of the "
              + relevant
              + " relevant test items occurs on the training side, so no model can recommend"
              + " them and every metric would be 0; use a split whose test items also appear in"
              + " training, e.g. random-by-user:0.75");
    }
    return new Coverage(testUsers, evaluated, cold, relevant, unseen);
  }

  /**
   * Evaluates one trainer on the splits.
   *
   * @throws IllegalArgumentException when a split cannot be scored (see {@link #check})
   */
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
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("evaluating " + name + " needs at least one split");
    }
    for (Split split : splits) {
      check(split, options);
    }
    for (Split split : splits) {
      long t0 = System.nanoTime();
      Recommender model = trainer.fit(split.train(), messagesOnly(progress));
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
      "ndcg",
      "precision",
      "recall",
      "map",
      "map_at_k",
      "mrr",
      "hit_rate",
      "novelty",
      "diversity",
      "interest_coverage",
      "category_recall"
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
      v[9][m] = BeyondAccuracy.interestCoverage(list, 0, len, truth, k, attrs);
      v[10][m] = BeyondAccuracy.categoryRecall(list, 0, len, truth, k, attrs);
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

  /** {@code progress} for a trainer inside an evaluation: its messages pass, its steps do not. */
  private static Progress messagesOnly(Progress progress) {
    return new Progress() {
      @Override
      public void step(long n) {}

      @Override
      public void message(String text) {
        progress.message(text);
      }

      @Override
      public void close() {}
    };
  }
}
