package dev.vitrina.forecast.metrics;

import dev.vitrina.core.check.Checks;
import java.util.HashMap;
import java.util.Map;

/**
 * One aggregation level of a hierarchy over bottom series: {@code groupOf[s]} is the group (0 ..
 * groups-1) that bottom series {@code s} sums into, e.g. its state for the "state" level, 0 for
 * "total", {@code s} itself for the bottom level.
 *
 * @param name the level's name, e.g. {@code "state"} or {@code "item,store"}
 * @param groupOf group index per bottom series
 * @param groups the number of groups
 */
public record HierarchyLevel(String name, int[] groupOf, int groups) {

  public HierarchyLevel {
    Checks.atLeast("groups", groups, 1);
    for (int s = 0; s < groupOf.length; s++) {
      if (groupOf[s] < 0 || groupOf[s] >= groups) {
        throw new IllegalArgumentException(
            "level '"
                + name
                + "': groupOf["
                + s
                + "] = "
                + groupOf[s]
                + " is outside [0, "
                + groups
                + "); build levels with HierarchyLevel.of(name, keys)");
      }
    }
  }

  /** The level that puts every bottom series into one group. */
  public static HierarchyLevel total(int series) {
    return new HierarchyLevel("total", new int[series], 1);
  }

  /**
   * A level from one string key per bottom series (e.g. {@code "CA"} or {@code "CA|FOODS"}); groups
   * are numbered in order of first appearance.
   */
  public static HierarchyLevel of(String name, String[] keys) {
    Map<String, Integer> ids = new HashMap<>();
    int[] groupOf = new int[keys.length];
    for (int s = 0; s < keys.length; s++) {
      Integer id = ids.get(keys[s]);
      if (id == null) {
        id = ids.size();
        ids.put(keys[s], id);
      }
      groupOf[s] = id;
    }
    return new HierarchyLevel(name, groupOf, Math.max(1, ids.size()));
  }
}
