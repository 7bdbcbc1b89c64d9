package dev.vitrina.recs.model;

import dev.vitrina.core.ids.IdIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted recommender: immutable and thread-safe. Users and items are addressed by dense index
 * (from {@link #users()} / {@link #items()}) or by external id. Items never seen in training are
 * never recommended. A user without training interactions, or an id the model does not know, is
 * handled by the {@link UnknownUserPolicy} in the options: never by a silent {@code -1}.
 *
 * <p>Every list holds at most {@code k} distinct items, best first, ties broken by lower item
 * index; {@code k} must be {@code >= 1}, and a list is shorter only when fewer items qualify.
 */
public interface Recommender {

  /** The model family, e.g. {@code "ials"}. */
  String name();

  /** The training parameters (as recorded in the saved model). */
  Map<String, Object> parameters();

  /** The fingerprint of the training data. */
  String dataFingerprint();

  /** The users known to the model. */
  IdIndex users();

  /** The items known to the model. */
  IdIndex items();

  /**
   * The top {@code k} items for dense user {@code user}.
   *
   * @throws UnknownIdException for a cold user under {@link UnknownUserPolicy#RAISE}
   * @throws IllegalArgumentException when {@code k < 1} or the index is out of range
   */
  Recommendations recommend(int user, int k, RecommendOptions options);

  /**
   * The top {@code k} items for external user id {@code userId}; see {@link #recommend(int, int,
   * RecommendOptions)}.
   */
  Recommendations recommend(String userId, int k, RecommendOptions options);

  /**
   * Scores a candidate set for a request: {@code out[i]} is the model's score of {@code
   * candidates[i]} for the context's user, NaN for a candidate the model cannot score (an index out
   * of range or an item without training interactions). The context's history, when present,
   * replaces the training data for that user (items added after training count); a context with
   * neither a usable history nor a known user with training interactions is scored by popularity
   * (the number of training users of each item). Larger is better; scores compare only within one
   * call.
   *
   * @throws IllegalArgumentException when {@code out} is shorter than {@code candidates}, the user
   *     index is out of range, or a history item is out of range
   */
  void score(RequestContext context, int[] candidates, float[] out);

  /**
   * Scores every item for a request in one pass: {@code out[i]} (length {@code items().size()}) is
   * what {@link #score} gives item {@code i}, NaN for items without training users. Returns false,
   * leaving {@code out} unspecified, when the context has neither a usable history nor a known user
   * with training interactions (then {@link #score} falls back to popularity and {@link
   * #recommend(RequestContext, int, RecommendOptions)} to its unknown-user policy). The default
   * returns false, so callers use {@link #score}.
   */
  default boolean scoreAll(RequestContext context, float[] out) {
    return false;
  }

  /**
   * {@link #scoreAll(RequestContext, float[])} that also writes {@code dots[q][i] = queries[q] .
   * item i} ({@link ItemEmbeddings#dotAll}) for a model with item vectors, in the same pass over
   * the item vectors where the model can: a request that needs both (the user's scores and, say,
   * the nearness of every item to each of the user's interests) reads the catalogue once.
   *
   * @throws IllegalArgumentException when queries are given and the model has no item vectors
   */
  default boolean scoreAll(RequestContext context, float[] out, float[][] queries, float[][] dots) {
    boolean scored = scoreAll(context, out);
    if (queries.length > 0) {
      itemVectors().dotAll(queries, dots);
    }
    return scored;
  }

  /**
   * The model's {@link ItemEmbeddings}.
   *
   * @throws IllegalArgumentException when the model has no item vectors
   */
  default ItemEmbeddings itemVectors() {
    return capability(ItemEmbeddings.class)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model '" + name() + "' has no item vectors to take dot products with"));
  }

  /**
   * The top {@code k} items for a request. Without a history in the context this is {@link
   * #recommend(int, int, RecommendOptions)} for its user; with one, the items are scored from that
   * history and, under {@link SeenItems#EXCLUDE}, the history's items are the seen ones. A context
   * without a usable history or known user follows the options' unknown-user policy.
   */
  Recommendations recommend(RequestContext context, int k, RecommendOptions options);

  /**
   * The model as an optional capability ({@link ItemSimilarity}, {@link ItemEmbeddings}, {@link
   * FoldIn}, or a model-specific interface), or empty when the model lacks it.
   */
  default <T> Optional<T> capability(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /**
   * The {@code k} items most similar to {@code item} (never the item itself), by the model's own
   * notion of similarity.
   *
   * @throws UnknownIdException when the item had no training interactions
   */
  Recommendations similarItems(int item, int k);

  /** As {@link #similarItems(int, int)} by external id. */
  Recommendations similarItems(String itemId, int k);

  /**
   * Top-{@code k} lists for every known user, computed in parallel; identical to calling {@link
   * #recommend(int, int, RecommendOptions)} for each user.
   */
  BatchRecommendations recommendAll(int k, RecommendOptions options);

  /**
   * Saves the model as a new version in the model home {@code dir} (see {@code
   * dev.vitrina.core.artifact.ArtifactHome}): a complete, immutable artifact directory with a
   * manifest, then an atomic switch of the home's pointer. Loading the home gives the newest
   * version; a reader never finds it half-written.
   */
  void save(Path dir) throws IOException;
}
