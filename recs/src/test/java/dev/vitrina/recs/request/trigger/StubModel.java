package dev.vitrina.recs.request.trigger;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.BatchRecommendations;
import dev.vitrina.recs.model.ItemSimilarity;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RequestContext;
import dev.vitrina.recs.model.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model with hand-set numbers: item-to-item similarities, per-user profile scores, histories and
 * item popularity (the score of an anonymous user). Items a..f, users u1 (history a, b) and u2 (no
 * history).
 */
final class StubModel implements Recommender, ItemSimilarity, TrainingData {

  static final float N = Float.NaN;

  /** {@code SIM[t][i]}: similarity of item i to item t. */
  static final float[][] SIM = {
    {1, .8f, .2f, 0, .1f, N},
    {.8f, 1, .3f, .1f, 0, N},
    {.2f, .3f, 1, .5f, .9f, N},
    {0, .1f, .5f, 1, .5f, N},
    {.1f, 0, .9f, .5f, 1, N},
    {N, N, N, N, N, 1},
  };

  /** {@code PROFILE[u][i]}: the model's score of item i for user u. */
  static final float[][] PROFILE = {{5, 4, 1, 3, 2, 6}, {0, 0, 0, 0, 0, 0}};

  static final float[] POPULARITY = {1, 2, 3, 4, 5, 6};
  static final int[][] HISTORY = {{0, 1}, {}};

  private final IdIndex users = IdIndex.of(List.of("u1", "u2"));
  private final IdIndex items;
  private final ItemAttributes attributes;
  private final boolean similarity;

  StubModel(boolean similarity) {
    this(similarity, List.of("a", "b", "c", "d", "e", "f"));
  }

  StubModel(boolean similarity, List<String> itemIds) {
    this.similarity = similarity;
    this.items = IdIndex.of(itemIds);
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (String id : itemIds) {
      b.itemTitle(id, "Title " + id.toUpperCase(java.util.Locale.ROOT));
    }
    b.add("u1", itemIds.get(0), 1f);
    this.attributes = b.build().itemAttributes();
  }

  @Override
  public String name() {
    return "stub";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of();
  }

  @Override
  public String dataFingerprint() {
    return "stub";
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    if (type == ItemSimilarity.class && !similarity) {
      return Optional.empty();
    }
    return Recommender.super.capability(type);
  }

  @Override
  public ItemAttributes itemAttributes() {
    return attributes;
  }

  @Override
  public double[] recentPopularity(double halfLife) {
    return new double[items().size()];
  }

  @Override
  public int[] firstUse() {
    return new int[items().size()];
  }

  @Override
  public int interactionCount() {
    return 1;
  }

  @Override
  public int[] history(int user) {
    return HISTORY[user].clone();
  }

  @Override
  public void similarities(int item, float[] out) {
    System.arraycopy(SIM[item], 0, out, 0, out.length);
  }

  @Override
  public void score(RequestContext context, int[] candidates, float[] out) {
    float[] s = context.user() >= 0 ? PROFILE[context.user()] : POPULARITY;
    for (int j = 0; j < candidates.length; j++) {
      out[j] = s[candidates[j]];
    }
  }

  @Override
  public Recommendations recommend(RequestContext context, int k, RecommendOptions options) {
    boolean personal = context.user() >= 0 && HISTORY[context.user()].length > 0;
    float[] s = personal ? PROFILE[context.user()] : POPULARITY;
    TopK top = new TopK(k);
    for (int i = 0; i < s.length; i++) {
      if (options.filter().allows(i)) {
        top.offer(i, s[i]);
      }
    }
    int[] it = new int[top.size()];
    float[] sc = new float[top.size()];
    top.drainTo(it, sc, 0);
    return new Recommendations(
        it, sc, personal ? Recommendations.Source.MODEL : Recommendations.Source.POPULAR_FALLBACK);
  }

  @Override
  public Recommendations recommend(int user, int k, RecommendOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Recommendations similarItems(int item, int k) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Recommendations similarItems(String itemId, int k) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BatchRecommendations recommendAll(int k, RecommendOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void save(Path dir) {
    throw new UnsupportedOperationException();
  }
}
