package dev.vitrina.recs.page;

import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.RequestState;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What the row generators share for one page (one page at a time: not thread-safe): the resolved
 * request, the model's score of every item for the user (computed once) and each item's relevance
 * in {@code [0, 1]} (the score over the best allowed score; 0 for a blocked or unscorable item), so
 * rows of different generators compare on one scale.
 */
public final class PageState {

  private final RequestState request;
  private final float[] scores;
  private final float[] relevance;
  private final boolean personal;
  private final TrainingData training;

  /** Scores every item of the model for the request's user. */
  public PageState(RequestState request) {
    this.request = request;
    Recommender m = request.model();
    int n = m.items().size();
    float[] dense = request.denseScores();
    if (dense != null) {
      scores = dense.clone();
    } else {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      scores = new float[n];
      m.score(request.context(), all, scores);
    }
    float best = 0;
    for (int i = 0; i < n; i++) {
      if (!request.allowed(i) || Float.isNaN(scores[i])) {
        scores[i] = Float.NaN;
      } else {
        best = Math.max(best, scores[i]);
      }
    }
    relevance = new float[n];
    for (int i = 0; i < n; i++) {
      relevance[i] = Float.isNaN(scores[i]) || best <= 0 ? 0f : Math.max(0f, scores[i] / best);
    }
    personal = request.hasHistory();
    training = m.capability(TrainingData.class).orElse(null);
  }

  /** The resolved request. */
  public RequestState request() {
    return request;
  }

  /** The catalogue. */
  public ItemAttributes catalog() {
    return request.catalog();
  }

  /** The model's training data, when it keeps one. */
  public Optional<TrainingData> training() {
    return Optional.ofNullable(training);
  }

  /** Whether the scores are personal (a user with history) rather than popularity. */
  public boolean personal() {
    return personal;
  }

  /** The number of items. */
  public int numItems() {
    return scores.length;
  }

  /** Whether {@code item} may be shown (not seen, not excluded, scorable). */
  public boolean allowed(int item) {
    return !Float.isNaN(scores[item]);
  }

  /** The model's score of {@code item} for the user (NaN when not allowed). */
  public float score(int item) {
    return scores[item];
  }

  /** The relevance of {@code item} in {@code [0, 1]}. */
  public float relevance(int item) {
    return relevance[item];
  }

  /** The {@code n} allowed items with the highest {@code key} among those {@code where} accepts. */
  public int[] top(int n, IntPredicate where, float[] key) {
    TopK top = new TopK(Math.max(1, n));
    for (int i = 0; i < scores.length; i++) {
      float s = key[i]; // the cheap test first: most items cannot beat the heap (NaN never does)
      if (s >= top.threshold() && allowed(i) && where.test(i)) {
        top.offer(i, s);
      }
    }
    int[] items = new int[top.size()];
    top.drainTo(items, new float[items.length], 0);
    return items;
  }

  /**
   * The {@code n} allowed items the user's model scores highest among those {@code where} accepts.
   */
  public int[] top(int n, IntPredicate where) {
    return top(n, where, scores);
  }

  /**
   * The {@code n} best-scored allowed items of each genre (or category when the catalogue has no
   * genres), in one pass over the items: {@code out[code]} for each code.
   */
  public int[][] topPerGenre(int n) {
    ItemAttributes a = catalog();
    boolean genres = a.genreNames().length > 0;
    int codes = genres ? a.genreNames().length : a.numCategories();
    TopK[] tops = new TopK[codes];
    for (int c = 0; c < codes; c++) {
      tops[c] = new TopK(Math.max(1, n));
    }
    for (int i = 0; i < scores.length; i++) {
      if (!allowed(i)) {
        continue;
      }
      if (genres) {
        for (int j = 0, n2 = a.genreCount(i); j < n2; j++) {
          tops[a.genreCode(i, j)].offer(i, scores[i]);
        }
      } else if (a.categoryCode(i) >= 0) {
        tops[a.categoryCode(i)].offer(i, scores[i]);
      }
    }
    int[][] out = new int[codes][];
    for (int c = 0; c < codes; c++) {
      out[c] = new int[tops[c].size()];
      tops[c].drainTo(out[c], new float[out[c].length], 0);
    }
    return out;
  }

  /** The genre (or category) names by code, as used by {@link #topPerGenre}. */
  public String[] genreNames() {
    ItemAttributes a = catalog();
    return a.genreNames().length > 0 ? a.genreNames() : a.categoryNames();
  }

  /** The genre (or category) codes of {@code item}. */
  public int[] genreCodes(int item) {
    ItemAttributes a = catalog();
    if (a.genreNames().length > 0) {
      return a.genreCodes(item);
    }
    int c = a.categoryCode(item);
    return c < 0 ? new int[0] : new int[] {c};
  }

  private int[] pool;
  private float[][] poolVectors;

  /**
   * The user's candidate pool: the {@code n} allowed items the model scores highest, computed once
   * per page (generators asking for the same {@code n} share it).
   */
  public int[] pool(int n) {
    if (pool == null || poolSize != n) {
      pool = top(n, i -> true);
      poolSize = n;
      poolVectors = null;
    }
    return pool;
  }

  private int poolSize = -1;

  /**
   * The item vectors of {@link #pool(int)}'s items (row {@code j} for {@code pool[j]}), unit
   * length, or null when the model has no item vectors.
   */
  public float[][] poolVectors(int n) {
    int[] p = pool(n);
    if (poolVectors == null) {
      var emb = request.model().capability(dev.vitrina.recs.model.ItemEmbeddings.class);
      if (emb.isEmpty()) {
        return null;
      }
      float[][] v = new float[p.length][emb.get().dimension()];
      for (int j = 0; j < p.length; j++) {
        emb.get().itemVector(p[j], v[j]);
        double norm = 0;
        for (float x : v[j]) {
          norm += x * x;
        }
        float inv = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v[j].length; d++) {
          v[j][d] *= inv;
        }
      }
      poolVectors = v;
    }
    return poolVectors;
  }

  /** A copy of the relevance of all items (for metrics and tests). */
  public float[] relevanceCopy() {
    return Arrays.copyOf(relevance, relevance.length);
  }
}
