package dev.vitrina.demand.features;

import dev.vitrina.demand.panel.Panel;
import java.util.List;

/**
 * Features of every panel row as primitive columns: {@code column(j)[row]}, NaN = missing. Rows are
 * the panel's rows (series by series, period by period); the target is the panel's values, shared,
 * not copied. A model reads the column arrays directly, without copying.
 *
 * <p>Memory: {@code 4 x rows x columns} bytes; the arrays must not be modified.
 */
public final class FeatureMatrix {
  private final Panel panel;
  private final List<String> names;
  private final float[][] columns;

  FeatureMatrix(Panel panel, List<String> names, float[][] columns) {
    this.panel = panel;
    this.names = List.copyOf(names);
    this.columns = columns;
  }

  /** The panel the rows come from. */
  public Panel panel() {
    return panel;
  }

  /** Number of rows. */
  public int rows() {
    return panel.rows();
  }

  /** Number of feature columns. */
  public int columnCount() {
    return columns.length;
  }

  /** Feature names, in column order. */
  public List<String> names() {
    return names;
  }

  /** Feature column {@code j}. */
  public float[] column(int j) {
    return columns[j];
  }

  /** The feature column called {@code name}. */
  public float[] column(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no feature '" + name + "'; features are " + names);
    }
    return columns[j];
  }

  /** All feature columns (shared arrays). */
  public float[][] columns() {
    return columns;
  }

  /** The target: the panel's quantities (NaN in future periods). */
  public float[] target() {
    return panel.values();
  }

  /** Bytes held by the feature columns. */
  public long bytes() {
    return 4L * rows() * columns.length;
  }
}
