package dev.vitrina.recs.model;

import dev.vitrina.core.geo.GeoPoint;

/**
 * What a recommendation request knows at request time: who asks, what they did up to now, and (for
 * the re-ranking stages) the item just clicked and where they are. Models read what they use and
 * ignore the rest.
 *
 * <p>The history is the source of truth when present: items the user interacted with after training
 * count, and the same items are treated as seen. Without a history, a user known to the model is
 * scored from the training data. The arrays are not copied: do not change them while the context is
 * in use.
 *
 * @param user the dense user index, or {@code -1} for an anonymous user or one unknown to the model
 * @param historyItems dense item indices the user interacted with, oldest first (repeats allowed),
 *     or null to use the training data
 * @param historyValues one raw interaction value per history item (counts, weights; summed per item
 *     and transformed as in training), or null for 1 each
 * @param trigger the item the user just acted on (a trigger-induced feed), or {@code -1}
 * @param location where the user is, or null
 */
public record RequestContext(
    int user, int[] historyItems, float[] historyValues, int trigger, GeoPoint location) {

  /** The value of {@link #user} and {@link #trigger} when there is none. */
  public static final int NONE = -1;

  public RequestContext {
    if (user < NONE) {
      throw new IllegalArgumentException("user index must be >= 0 or -1 (none), got " + user);
    }
    if (trigger < NONE) {
      throw new IllegalArgumentException("trigger item must be >= 0 or -1 (none), got " + trigger);
    }
    if (historyValues != null && historyItems == null) {
      throw new IllegalArgumentException("history values were given without history items");
    }
    if (historyValues != null && historyValues.length != historyItems.length) {
      throw new IllegalArgumentException(
          "history has "
              + historyItems.length
              + " items but "
              + historyValues.length
              + " values; give one value per item, or none");
    }
  }

  /** A known user scored from the training data. */
  public static RequestContext forUser(int user) {
    return new RequestContext(user, null, null, NONE, null);
  }

  /** An anonymous user with the given history (values 1). */
  public static RequestContext ofHistory(int... items) {
    return new RequestContext(NONE, items, null, NONE, null);
  }

  /** This context with a history as of now (values null: 1 each). */
  public RequestContext withHistory(int[] items, float[] values) {
    return new RequestContext(user, items, values, trigger, location);
  }

  /** This context with the item just acted on. */
  public RequestContext withTrigger(int item) {
    return new RequestContext(user, historyItems, historyValues, item, location);
  }

  /** This context with the user's location. */
  public RequestContext withLocation(GeoPoint where) {
    return new RequestContext(user, historyItems, historyValues, trigger, where);
  }

  /** Whether the request carries its own history. */
  public boolean hasHistory() {
    return historyItems != null;
  }

  /** The value of history entry {@code i} (1 when no values were given). */
  public float historyValue(int i) {
    return historyValues == null ? 1f : historyValues[i];
  }
}
