package dev.vitrina.recs.request;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RequestContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A request resolved against a model: dense indices instead of ids, the user's history, the
 * location as a point and the items that may not be returned. Built by {@link RequestPipeline};
 * stages read it and never change it.
 *
 * @param request the request as sent
 * @param model the model serving it
 * @param catalog the items' attributes (titles, categories, coordinates)
 * @param user the dense user index, or {@link RequestContext#NONE} for an anonymous or unknown user
 * @param history the user's training items, oldest first (empty when none)
 * @param trigger the dense index of the trigger item, or {@link RequestContext#NONE}
 * @param location where the user is, or null
 * @param locationLabel how the location was given ({@code point}, or the context's name)
 * @param blocked items that must not be returned (the request's exclusions, seen items)
 * @param time when the request is made
 * @param memo values derived from this state, computed once on first use and shared by the stages
 *     ({@link #denseScores()}, {@link #memo})
 */
public record RequestState(
    RecRequest request,
    Recommender model,
    ItemAttributes catalog,
    int user,
    int[] history,
    int trigger,
    GeoPoint location,
    String locationLabel,
    BitSet blocked,
    Instant time,
    Memo memo) {

  /**
   * The model's score of every item for this request ({@link Recommender#scoreAll}), computed once
   * and shared by the stages that need them all (a full pass over the catalogue costs as much as
   * reading every item vector); null when the model cannot score the request (a cold user). The
   * array is shared: read it, never write it.
   */
  public float[] denseScores() {
    float[] d =
        memo(
            DENSE,
            () -> {
              float[] out = new float[numItems()];
              List<float[][]> asked = memo.queries();
              int q = 0;
              for (float[][] a : asked) {
                q += a.length;
              }
              float[][] queries = new float[q][];
              float[][] dots = new float[q][];
              int j = 0;
              for (float[][] a : asked) {
                for (float[] v : a) {
                  queries[j] = v;
                  dots[j++] = new float[numItems()];
                }
              }
              boolean scored = model.scoreAll(context(), out, queries, dots);
              j = 0;
              for (float[][] a : asked) {
                memo.values.put(a, Arrays.copyOfRange(dots, j, j + a.length));
                j += a.length;
              }
              return scored ? out : NO_SCORES;
            });
    return d == NO_SCORES ? null : d;
  }

  /**
   * Asks for the dot products of every item with {@code queries} (vectors in the space of the
   * model's {@link ItemEmbeddings}), to be computed in the same pass over the item vectors as
   * {@link #denseScores()}: call it before the first {@code denseScores()} (stages do, in {@link
   * CandidateSource#prepare}), then read them with {@link #dots}. Keyed by the array's identity.
   */
  public void askDots(float[][] queries) {
    memo.ask(queries);
  }

  /**
   * {@code dots[q][i] = queries[q] . item i} for every item: from the scoring pass when asked for
   * with {@link #askDots} before it, else computed now (and kept for the request).
   */
  public float[][] dots(float[][] queries) {
    denseScores(); // runs the pass that serves the queries asked for so far
    return memo(
        queries,
        () -> {
          float[][] out = new float[queries.length][numItems()];
          model.itemVectors().dotAll(queries, out);
          return out;
        });
  }

  private static final Object DENSE = new Object();
  private static final float[] NO_SCORES = new float[0];

  /**
   * The value {@code compute} gives for {@code key}, computed once per request: stages that need
   * the same derived value (the dense scores, a user's interests) share it. {@code key} is compared
   * by identity; the value must not be null.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
    return (T) memo.values.computeIfAbsent(key, k -> compute.get());
  }

  /** The per-request values of {@link #memo}; thread-safe. */
  public static final class Memo {
    private final java.util.Map<Object, Object> values =
        java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final List<float[][]> asked = new java.util.ArrayList<>();

    synchronized void ask(float[][] queries) {
      if (!asked.contains(queries)) {
        asked.add(queries);
      }
    }

    synchronized List<float[][]> queries() {
      return List.copyOf(asked);
    }
  }

  /** Whether the request is for a user the model knows with training history. */
  public boolean hasHistory() {
    return history.length > 0;
  }

  /** Whether the request carries a trigger item. */
  public boolean hasTrigger() {
    return trigger != RequestContext.NONE;
  }

  /** Whether the request carries a location. */
  public boolean hasLocation() {
    return location != null;
  }

  /** The model's view of this request (user, trigger, location; training history). */
  public RequestContext context() {
    return new RequestContext(user, null, null, trigger, location);
  }

  /** The number of items in the model. */
  public int numItems() {
    return model.items().size();
  }

  /** The external id of dense item {@code item}. */
  public String itemId(int item) {
    return model.items().id(item);
  }

  /** The title of dense item {@code item}, if the catalogue has one. */
  public Optional<String> title(int item) {
    return catalog.title(item);
  }

  /** Whether {@code item} may be returned. */
  public boolean allowed(int item) {
    return !blocked.get(item);
  }
}
