package dev.vitrina.experiments.data;

import dev.vitrina.core.check.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row per unit (user): its variant and numeric per-unit columns (e.g. {@code count(click)},
 * {@code sum(purchase)}, {@code revenue}). Immutable; arrays are shared, do not modify them.
 */
public final class UnitTable {
  private final String source;
  private final List<String> variants;
  private final int[] variantOf;
  private final Map<String, double[]> columns;

  /**
   * A table over {@code variantOf.length} units.
   *
   * @param source a description of where the data came from, for error messages
   * @param variants the variant names; {@code variantOf} indexes into it
   * @param variantOf each unit's variant index
   * @param columns per-unit columns, each of length {@code variantOf.length}
   */
  public UnitTable(
      String source, List<String> variants, int[] variantOf, Map<String, double[]> columns) {
    this.source = source;
    this.variants = List.copyOf(variants);
    this.variantOf = variantOf;
    this.columns = Map.copyOf(columns);
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      Checks.require(
          e.getValue().length == variantOf.length,
          "column '"
              + e.getKey()
              + "' has "
              + e.getValue().length
              + " rows, expected "
              + variantOf.length);
    }
    for (int v : variantOf) {
      Checks.require(v >= 0 && v < variants.size(), "variant index out of range: " + v);
    }
  }

  /** Where the data came from. */
  public String source() {
    return source;
  }

  /** The number of units. */
  public int size() {
    return variantOf.length;
  }

  /** The variant names. */
  public List<String> variants() {
    return variants;
  }

  /** The variant index of unit {@code i}. */
  public int variantOf(int i) {
    return variantOf[i];
  }

  /** Units per variant, in {@link #variants()} order. */
  public long[] unitsPerVariant() {
    long[] c = new long[variants.size()];
    for (int v : variantOf) {
      c[v]++;
    }
    return c;
  }

  /** Whether the table has column {@code name}. */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /** The column names, sorted. */
  public Set<String> columnNames() {
    return Collections.unmodifiableSet(new TreeSet<>(columns.keySet()));
  }

  /** The per-unit values of {@code name}; throws naming the available columns when missing. */
  public double[] column(String name) {
    double[] c = columns.get(name);
    if (c == null) {
      List<String> have = new ArrayList<>(new TreeSet<>(columns.keySet()));
      throw new IllegalArgumentException(
          "column '" + name + "' is not in " + source + "; available: " + have);
    }
    return c;
  }
}
