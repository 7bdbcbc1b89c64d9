package dev.vitrina.forecast.reconcile;

import dev.vitrina.core.check.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strictly nested hierarchy of levels, level 0 the bottom (e.g. store x item), the last level the
 * top (e.g. total per item, or grand total). {@code parentOf(l)[node]} is the node's parent at
 * level {@code l + 1}.
 */
public final class Hierarchy {

  private final String[] names;
  private final int[] sizes;
  private final int[][] parentOf;

  private Hierarchy(String[] names, int[] sizes, int[][] parentOf) {
    this.names = names;
    this.sizes = sizes;
    this.parentOf = parentOf;
  }

  /**
   * Builds a hierarchy from the key each bottom series has at every level, e.g. for level names
   * {@code store, city, state, total}: {@code "S1|item7", "Boston|item7", "MA|item7", "item7"}.
   *
   * @param names level names, bottom first
   * @param keys {@code keys[l][s]}: the key of bottom series {@code s} at level {@code l}
   * @throws IllegalArgumentException when a node has two different parents (the levels do not
   *     nest), naming the node and both parents
   */
  public static Hierarchy fromKeys(List<String> names, String[][] keys) {
    int levels = names.size();
    Checks.atLeast("levels", levels, 2);
    Checks.require(keys.length == levels, "keys must have one array per level (" + levels + ")");
    int n = keys[0].length;
    int[][] nodeOf = new int[levels][n];
    int[] sizes = new int[levels];
    List<List<String>> labels = new ArrayList<>();
    for (int l = 0; l < levels; l++) {
      Checks.require(keys[l].length == n, "keys[" + l + "] must have " + n + " entries");
      Map<String, Integer> ids = new HashMap<>();
      List<String> lab = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        Integer id = ids.get(keys[l][s]);
        if (id == null) {
          id = ids.size();
          ids.put(keys[l][s], id);
          lab.add(keys[l][s]);
        }
        nodeOf[l][s] = id;
      }
      sizes[l] = ids.size();
      labels.add(lab);
    }
    Checks.require(sizes[0] == n, "bottom keys must be distinct, got " + sizes[0] + " of " + n);
    int[][] parentOf = new int[levels - 1][];
    for (int l = 0; l < levels - 1; l++) {
      int[] p = new int[sizes[l]];
      java.util.Arrays.fill(p, -1);
      for (int s = 0; s < n; s++) {
        int node = nodeOf[l][s];
        int parent = nodeOf[l + 1][s];
        if (p[node] >= 0 && p[node] != parent) {
          throw new IllegalArgumentException(
              names.get(l)
                  + " '"
                  + labels.get(l).get(node)
                  + "' has two parents at level "
                  + names.get(l + 1)
                  + ": '"
                  + labels.get(l + 1).get(p[node])
                  + "' and '"
                  + labels.get(l + 1).get(parent)
                  + "'; the levels must nest (e.g. a city in one state)");
        }
        p[node] = parent;
      }
      parentOf[l] = p;
    }
    return new Hierarchy(names.toArray(String[]::new), sizes, parentOf);
  }

  /** The number of levels. */
  public int levels() {
    return sizes.length;
  }

  /** The name of level {@code l}. */
  public String name(int l) {
    return names[l];
  }

  /** The number of nodes at level {@code l}. */
  public int size(int l) {
    return sizes[l];
  }

  /** The parent (at level {@code l + 1}) of every node at level {@code l}. */
  public int[] parentOf(int l) {
    return parentOf[l].clone();
  }

  int[] parentOfShared(int l) {
    return parentOf[l];
  }
}
