package dev.vitrina.recs.request;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import java.time.Instant;
import java.util.Set;

/**
 * One recommendation request, as an application sends it: external ids, not indices.
 *
 * @param user the external user id, or null for an anonymous user
 * @param k how many items to return (>= 1)
 * @param exclude external item ids never to return (e.g. already in the cart)
 * @param location where the user is (a point), or null
 * @param context a named location of the user ({@code home}, {@code office}, {@code current}), or
 *     null; at most one of {@code location} and {@code context}
 * @param trigger the external id of the item the user just acted on, or null
 * @param time when the request is made (for time-of-day effects), or null for now
 * @param explain whether the response should carry every stage's reasons (otherwise the first)
 */
public record RecRequest(
    String user,
    int k,
    Set<String> exclude,
    GeoPoint location,
    String context,
    String trigger,
    Instant time,
    boolean explain) {

  public RecRequest {
    if (k < 1) {
      throw new ParameterException("k", "must be >= 1, got " + k + "; ask for e.g. k=10");
    }
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    if (location != null && context != null) {
      throw new ParameterException(
          "context",
          "'"
              + context
              + "' was given together with a location (lat/lon); give either a point or a named"
              + " context, not both");
    }
    if (context != null && context.isBlank()) {
      throw new ParameterException("context", "must not be blank; e.g. home, office or current");
    }
  }

  /** A plain top-k request for a user. */
  public static RecRequest forUser(String user, int k) {
    return new RecRequest(user, k, Set.of(), null, null, null, null, false);
  }

  /** This request at a point. */
  public RecRequest at(GeoPoint where) {
    return new RecRequest(user, k, exclude, where, null, trigger, time, explain);
  }

  /** This request at one of the user's named locations. */
  public RecRequest atContext(String name) {
    return new RecRequest(user, k, exclude, null, name, trigger, time, explain);
  }

  /** This request with the item just acted on. */
  public RecRequest withTrigger(String item) {
    return new RecRequest(user, k, exclude, location, context, item, time, explain);
  }

  /** This request excluding some items. */
  public RecRequest excluding(Set<String> items) {
    return new RecRequest(user, k, items, location, context, trigger, time, explain);
  }

  /** This request at a given time. */
  public RecRequest at(Instant when) {
    return new RecRequest(user, k, exclude, location, context, trigger, when, explain);
  }

  /** This request with or without all reasons. */
  public RecRequest explained(boolean all) {
    return new RecRequest(user, k, exclude, location, context, trigger, time, all);
  }
}
