package dev.vitrina.core.ids;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A dictionary from external string ids to dense ints {@code 0..size-1}, in first-seen order. Build
 * with {@link Builder}; the built index is immutable and thread-safe. Unknown ids are never leaked
 * as {@code -1} except through {@link #indexOrMinusOne(String)}, meant for hot loops that check the
 * result at once.
 */
public final class IdIndex {

  private final String[] ids;
  private final Map<String, Integer> index;

  private IdIndex(String[] ids, Map<String, Integer> index) {
    this.ids = ids;
    this.index = index;
  }

  /** An index over {@code ids} in the given order; duplicates are rejected. */
  public static IdIndex of(List<String> ids) {
    Builder b = new Builder();
    for (String id : ids) {
      if (b.contains(id)) {
        throw new IllegalArgumentException("duplicate id '" + id + "'; ids must be unique");
      }
      b.add(id);
    }
    return b.build();
  }

  /** The number of ids. */
  public int size() {
    return ids.length;
  }

  /** The external id of dense index {@code i}. */
  public String id(int i) {
    return ids[i];
  }

  /** The dense index of {@code id}, or empty when unknown. */
  public OptionalInt find(String id) {
    Integer i = index.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The dense index of {@code id}, or -1 when unknown. */
  public int indexOrMinusOne(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /** The dense index of {@code id}; throws naming {@code what} (e.g. "user") when unknown. */
  public int require(String id, String what) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown " + what + " id '" + id + "'");
    }
    return i;
  }

  /** A copy of all ids in index order. */
  public String[] ids() {
    return Arrays.copyOf(ids, ids.length);
  }

  /** A mutable builder assigning indices in first-seen order. */
  public static final class Builder {
    private final Map<String, Integer> index = new HashMap<>();
    private String[] ids = new String[16];
    private int size;

    /** Returns the index of {@code id}, adding it when new. */
    public int add(String id) {
      Integer i = index.get(id);
      if (i != null) {
        return i;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size] = id;
      index.put(id, size);
      return size++;
    }

    /** Whether {@code id} was added. */
    public boolean contains(String id) {
      return index.containsKey(id);
    }

    /** The number of ids added so far. */
    public int size() {
      return size;
    }

    /** An immutable index of the ids added so far. */
    public IdIndex build() {
      return new IdIndex(Arrays.copyOf(ids, size), Map.copyOf(index));
    }
  }
}
