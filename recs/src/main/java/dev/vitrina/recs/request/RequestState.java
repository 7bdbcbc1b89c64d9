package dev.vitrina.recs.request;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RequestContext;
import java.time.Instant;
import java.util.BitSet;
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
 * @param scores the model's scores of every item, computed once on first use ({@link
 *     #denseScores()})
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
    ScoreCache scores) {

  /** A state whose dense scores are computed on first use. */
  public RequestState(
      RecRequest request,
      Recommender model,
      ItemAttributes catalog,
      int user,
      int[] history,
      int trigger,
      GeoPoint location,
      String locationLabel,
      BitSet blocked,
      Instant time) {
    this(
        request,
        model,
        catalog,
        user,
        history,
        trigger,
        location,
        locationLabel,
        blocked,
        time,
        new ScoreCache());
  }

  /**
   * The model's score of every item for this request ({@link Recommender#scoreAll}), computed once
   * and shared by the stages that need them all (a full pass over the catalogue costs as much as
   * reading every item vector); null when the model cannot score the request (a cold user). The
   * array is shared: read it, never write it.
   */
  public float[] denseScores() {
    return scores.get(this);
  }

  /** Holds {@link #denseScores()} once computed; thread-safe. */
  public static final class ScoreCache {
    private boolean done;
    private float[] dense;

    synchronized float[] get(RequestState s) {
      if (!done) {
        float[] out = new float[s.numItems()];
        dense = s.model().scoreAll(s.context(), out) ? out : null;
        done = true;
      }
      return dense;
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
