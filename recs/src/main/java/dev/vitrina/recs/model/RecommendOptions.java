package dev.vitrina.recs.model;

import java.util.Objects;

/**
 * How to recommend: the seen-items policy, the policy for unknown and cold users, and an item
 * filter. All three are explicit; {@link #defaults()} excludes seen items and raises on unknown
 * users.
 *
 * @param seen whether training items of the user may be recommended
 * @param unknownUsers what to do for unknown ids and users without training interactions
 * @param filter which items may be recommended
 */
public record RecommendOptions(SeenItems seen, UnknownUserPolicy unknownUsers, ItemFilter filter) {

  public RecommendOptions {
    Objects.requireNonNull(seen, "seen");
    Objects.requireNonNull(unknownUsers, "unknownUsers");
    Objects.requireNonNull(filter, "filter (use ItemFilter.all())");
  }

  /** Exclude seen items, raise on unknown users, no filter. */
  public static RecommendOptions defaults() {
    return new RecommendOptions(SeenItems.EXCLUDE, UnknownUserPolicy.RAISE, ItemFilter.all());
  }

  /** A copy with another seen-items policy. */
  public RecommendOptions withSeen(SeenItems s) {
    return new RecommendOptions(s, unknownUsers, filter);
  }

  /** A copy with another unknown-user policy. */
  public RecommendOptions withUnknownUsers(UnknownUserPolicy p) {
    return new RecommendOptions(seen, p, filter);
  }

  /** A copy with another filter. */
  public RecommendOptions withFilter(ItemFilter f) {
    return new RecommendOptions(seen, unknownUsers, f);
  }
}
