package dev.vitrina.recs.page;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Page-level metrics over a grid of dense item indices.
 *
 * <p>The two-dimensional nDCG follows Felicioni, Ferrari Dacrema and Cremonesi ("Offline evaluation
 * of recommender systems in a user interface with multiple carousels", Frontiers in Big Data,
 * 2022): the gain of a relevant item is discounted by both its row and its column ({@link
 * PageLayout#discount}), a relevant item counts once even when it appears in several rows (at its
 * best-discounted cell), and the ideal page puts {@code min(relevant, cells)} relevant items in the
 * best-discounted cells.
 */
public final class PageMetrics {

  private PageMetrics() {}

  /** The two-dimensional nDCG of {@code grid} for the {@code relevant} items, in [0, 1]. */
  public static double ndcg2d(int[][] grid, BitSet relevant, PageLayout layout) {
    int nRelevant = relevant.cardinality();
    if (nRelevant == 0) {
      return 0;
    }
    java.util.Map<Integer, Double> best = new java.util.HashMap<>();
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) {
        int item = grid[r][c];
        if (relevant.get(item)) {
          best.merge(item, layout.discount(r, c), Math::max);
        }
      }
    }
    double dcg = 0;
    for (double d : best.values()) {
      dcg += d;
    }
    double[] cells = new double[layout.rows() * layout.cols()];
    int n = 0;
    for (int r = 0; r < layout.rows(); r++) {
      for (int c = 0; c < layout.cols(); c++) {
        cells[n++] = layout.discount(r, c);
      }
    }
    java.util.Arrays.sort(cells);
    double ideal = 0;
    for (int j = 0; j < Math.min(nRelevant, cells.length); j++) {
      ideal += cells[cells.length - 1 - j];
    }
    return dcg / ideal;
  }

  /** 1 when any relevant item is in the visible area, else 0. */
  public static double hit(int[][] grid, BitSet relevant, PageLayout layout) {
    for (int r = 0; r < Math.min(grid.length, layout.visibleRows()); r++) {
      for (int c = 0; c < Math.min(grid[r].length, layout.visibleCols()); c++) {
        if (relevant.get(grid[r][c])) {
          return 1;
        }
      }
    }
    return 0;
  }

  /** How many cells of the visible area repeat an item shown in an earlier visible cell. */
  public static int duplicatesInView(int[][] grid, PageLayout layout) {
    Set<Integer> seen = new HashSet<>();
    int dup = 0;
    for (int r = 0; r < Math.min(grid.length, layout.visibleRows()); r++) {
      for (int c = 0; c < Math.min(grid[r].length, layout.visibleCols()); c++) {
        if (!seen.add(grid[r][c])) {
          dup++;
        }
      }
    }
    return dup;
  }

  /** Distinct categories ({@code category.applyAsInt(item)}, -1 for none) in the visible area. */
  public static int categoriesInView(int[][] grid, PageLayout layout, IntUnaryOperator category) {
    Set<Integer> cats = new HashSet<>();
    for (int r = 0; r < Math.min(grid.length, layout.visibleRows()); r++) {
      for (int c = 0; c < Math.min(grid[r].length, layout.visibleCols()); c++) {
        int k = category.applyAsInt(grid[r][c]);
        if (k >= 0) {
          cats.add(k);
        }
      }
    }
    return cats.size();
  }
}
