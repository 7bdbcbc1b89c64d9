package dev.vitrina.recs.model;

import java.util.BitSet;

/**
 * Which items may be recommended, by dense item index (business rules: in stock, in a category, not
 * blocked). Implementations must be thread-safe and cheap: they are called once per candidate item.
 */
@FunctionalInterface
public interface ItemFilter {

  /** Whether {@code item} may be recommended. */
  boolean allows(int item);

  /** Every item. */
  static ItemFilter all() {
    return item -> true;
  }

  /** Only the given items. */
  static ItemFilter only(int... items) {
    BitSet set = new BitSet();
    for (int i : items) {
      set.set(i);
    }
    return set::get;
  }

  /** Every item except the given ones. */
  static ItemFilter except(int... items) {
    BitSet set = new BitSet();
    for (int i : items) {
      set.set(i);
    }
    return item -> !set.get(item);
  }

  /** Items allowed by both filters. */
  default ItemFilter and(ItemFilter other) {
    return item -> allows(item) && other.allows(item);
  }
}
