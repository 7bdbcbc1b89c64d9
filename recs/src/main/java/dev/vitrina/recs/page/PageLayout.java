package dev.vitrina.recs.page;

import dev.vitrina.core.check.ParameterException;

/**
 * The shape of a page and the constraints on it.
 *
 * @param rows rows on the page (>= 1)
 * @param cols items per row (>= 1)
 * @param visibleRows rows in the visible area, where no item may appear twice (1..rows)
 * @param visibleCols items per row in the visible area (1..cols)
 * @param maxRowsPerGenerator at most this many rows from one generator (>= 1)
 * @param minCategories the visible area should show at least this many distinct item categories
 *     (first genre or category); 0 for no constraint. Best effort: met whenever the candidate rows
 *     allow it
 * @param rowDiscount weight of the row position in the page discount (alpha, > 0)
 * @param colDiscount weight of the column position in the page discount (beta, > 0)
 */
public record PageLayout(
    int rows,
    int cols,
    int visibleRows,
    int visibleCols,
    int maxRowsPerGenerator,
    int minCategories,
    double rowDiscount,
    double colDiscount) {

  public PageLayout {
    check("rows", rows, 1, 1000);
    check("cols", cols, 1, 1000);
    check("visibleRows", visibleRows, 1, rows);
    check("visibleCols", visibleCols, 1, cols);
    check("maxRowsPerGenerator", maxRowsPerGenerator, 1, Integer.MAX_VALUE);
    check("minCategories", minCategories, 0, Integer.MAX_VALUE);
    if (!(rowDiscount > 0) || !(colDiscount > 0) || Double.isInfinite(rowDiscount + colDiscount)) {
      throw new ParameterException(
          "rowDiscount",
          "and colDiscount must be finite and > 0, got "
              + rowDiscount
              + " and "
              + colDiscount
              + "; the default is 1 and 1");
    }
  }

  /** A {@code rows x cols} page, all of it visible, at most 3 rows per generator, 3 categories. */
  public static PageLayout of(int rows, int cols) {
    check("rows", rows, 1, 1000);
    check("cols", cols, 1, 1000);
    return new PageLayout(rows, cols, rows, cols, 3, Math.min(3, rows), 1, 1);
  }

  /** This layout with another per-generator limit. */
  public PageLayout withMaxRowsPerGenerator(int n) {
    return new PageLayout(
        rows, cols, visibleRows, visibleCols, n, minCategories, rowDiscount, colDiscount);
  }

  /** This layout with another category minimum. */
  public PageLayout withMinCategories(int n) {
    return new PageLayout(
        rows, cols, visibleRows, visibleCols, maxRowsPerGenerator, n, rowDiscount, colDiscount);
  }

  /** This layout with another visible area. */
  public PageLayout withVisible(int r, int c) {
    return new PageLayout(
        rows, cols, r, c, maxRowsPerGenerator, minCategories, rowDiscount, colDiscount);
  }

  /**
   * The discount of the cell at 0-based row {@code r} and column {@code c}: {@code 1 / log2(alpha
   * (r + 1) + beta (c + 1))} normalised so the top-left cell weighs 1 (with alpha = beta = 1 this
   * is {@code 1 / log2(r + c + 2)}).
   */
  public double discount(int r, int c) {
    double top = Math.log(rowDiscount + colDiscount);
    return top / Math.log(rowDiscount * (r + 1) + colDiscount * (c + 1));
  }

  private static void check(String name, int v, int min, int max) {
    if (v < min || v > max) {
      throw new ParameterException(
          name,
          "must be in ["
              + min
              + ", "
              + (max == Integer.MAX_VALUE ? "inf" : Integer.toString(max))
              + "], got "
              + v);
    }
  }
}
