package dev.vitrina.recs.page;

import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which rows a page shows, in which order, and which items go in each.
 *
 * <ul>
 *   <li>{@link Policy#PAGE_GREEDY}: at each step, the candidate row whose marginal gain is highest
 *       goes next, where the gain is the relevance of the row's items not yet shown, each weighted
 *       by the discount of the cell it would fill ({@link PageLayout#discount}). Items already in
 *       the visible area are skipped (the row fills up with its next items), so nothing appears
 *       twice in view; at most {@link PageLayout#maxRowsPerGenerator} rows per generator; and while
 *       the visible area still lacks categories for {@link PageLayout#minCategories}, only rows
 *       that add a category are taken when the remaining visible rows would otherwise be too few.
 *   <li>{@link Policy#ROW_INDEPENDENT}: the baseline most systems ship: each row is filled with its
 *       own best items and scored on its own (its gain as if it were the first row), rows are
 *       ranked by that score, the per-generator limit applies, nothing is deduplicated.
 *   <li>{@link Policy#FLAT}: one list (the "for you" generator's first rows worth of items) cut
 *       into rows.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class PageComposer {

  /** How a page is composed. */
  public enum Policy {
    /** Page-wise greedy with deduplication in view and constraints. */
    PAGE_GREEDY,
    /** Rows ranked by their own score, filled independently, nothing deduplicated. */
    ROW_INDEPENDENT,
    /** One ranked list cut into rows. */
    FLAT
  }

  /**
   * A page as dense item indices plus its display form.
   *
   * @param grid dense item indices, row by row
   * @param page the page for display and JSON
   */
  public record Composed(int[][] grid, Page page) {}

  private final List<RowGenerator> generators;

  /** A composer over the given generators. */
  public PageComposer(List<RowGenerator> generators) {
    this.generators = List.copyOf(generators);
    Set<String> names = new HashSet<>();
    for (RowGenerator g : generators) {
      if (!names.add(g.name())) {
        throw new IllegalArgumentException(
            "two row generators are named '" + g.name() + "'; give each its own name");
      }
    }
  }

  /** A composer over {@link Generators#standard()}. */
  public static PageComposer standard() {
    return new PageComposer(Generators.standard());
  }

  /** The candidate rows of all generators for the request (rows of {@code length} items). */
  public List<Row> candidates(PageState state, int length) {
    List<Row> rows = new ArrayList<>();
    for (RowGenerator g : generators) {
      rows.addAll(g.rows(state, length));
    }
    return rows;
  }

  /** Composes a page for a resolved request. */
  public Composed compose(RequestState request, PageLayout layout, Policy policy) {
    return compose(new PageState(request), layout, policy);
  }

  /** Composes a page from shared page state. */
  public Composed compose(PageState state, PageLayout layout, Policy policy) {
    Objects.requireNonNull(policy, "policy");
    int length = layout.cols() + layout.visibleRows() * layout.visibleCols();
    List<Row> rows =
        candidates(state, policy == Policy.FLAT ? layout.rows() * layout.cols() : length);
    List<Row> chosen = new ArrayList<>();
    List<int[]> grid = new ArrayList<>();
    switch (policy) {
      case FLAT -> flat(state, rows, layout, chosen, grid);
      case ROW_INDEPENDENT -> independent(state, rows, layout, chosen, grid);
      case PAGE_GREEDY -> greedy(state, rows, layout, chosen, grid);
    }
    return new Composed(grid.toArray(new int[0][]), toPage(state, layout, policy, chosen, grid));
  }

  private static void flat(
      PageState s, List<Row> rows, PageLayout l, List<Row> chosen, List<int[]> grid) {
    Row first = rows.stream().filter(r -> r.generator().equals("for_you")).findFirst().orElse(null);
    int[] items = first != null ? first.items() : s.top(l.rows() * l.cols(), i -> true);
    Reason why = first != null ? first.reason() : Reason.popular(Generators.coldWhy(s));
    for (int r = 0; r < l.rows() && r * l.cols() < items.length; r++) {
      int[] row =
          java.util.Arrays.copyOfRange(
              items, r * l.cols(), Math.min(items.length, (r + 1) * l.cols()));
      chosen.add(new Row("for_you", r == 0 ? "Top picks" : "More picks", why, -1, row));
      grid.add(row);
    }
  }

  private static void independent(
      PageState s, List<Row> rows, PageLayout l, List<Row> chosen, List<int[]> grid) {
    List<Row> ranked = new ArrayList<>(rows);
    Map<Row, Double> own = new HashMap<>();
    for (Row r : ranked) {
      double g = 0;
      for (int c = 0; c < Math.min(l.cols(), r.items().length); c++) {
        g += s.relevance(r.items()[c]) * l.discount(0, c);
      }
      own.put(r, g);
    }
    ranked.sort((a, b) -> Double.compare(own.get(b), own.get(a)));
    Map<String, Integer> perGenerator = new HashMap<>();
    for (Row r : ranked) {
      if (chosen.size() == l.rows()) {
        break;
      }
      if (perGenerator.merge(r.generator(), 1, Integer::sum) > l.maxRowsPerGenerator()) {
        continue;
      }
      chosen.add(r);
      grid.add(java.util.Arrays.copyOf(r.items(), Math.min(l.cols(), r.items().length)));
    }
  }

  private static void greedy(
      PageState s, List<Row> rows, PageLayout l, List<Row> chosen, List<int[]> grid) {
    BitSet shown = new BitSet(s.numItems());
    Set<Integer> categories = new HashSet<>();
    Map<String, Integer> perGenerator = new HashMap<>();
    boolean[] used = new boolean[rows.size()];
    int[] fill = new int[l.cols()];
    int[] bestFill = new int[l.cols()];
    for (int p = 0; p < l.rows(); p++) {
      boolean visible = p < l.visibleRows();
      int need = visible ? l.minCategories() - categories.size() : 0;
      boolean mustAdd = need > 0 && need >= l.visibleRows() - p;
      int best = -1;
      int bestLen = 0;
      double bestGain = -1;
      for (int attempt = 0; attempt < 2 && best < 0; attempt++) {
        boolean requireNew = mustAdd && attempt == 0;
        for (int r = 0; r < rows.size(); r++) {
          Row row = rows.get(r);
          if (used[r] || perGenerator.getOrDefault(row.generator(), 0) >= l.maxRowsPerGenerator()) {
            continue;
          }
          int len = 0;
          double gain = 0;
          boolean adds = false;
          for (int item : row.items()) {
            if (len == l.cols()) {
              break;
            }
            if (visible && len < l.visibleCols() && shown.get(item)) {
              continue;
            }
            fill[len] = item;
            gain += s.relevance(item) * l.discount(p, len);
            if (visible && len < l.visibleCols() && !adds) {
              int c = firstCategory(s, item);
              adds = c >= 0 && !categories.contains(c);
            }
            len++;
          }
          if (len == 0 || (requireNew && !adds)) {
            continue;
          }
          if (gain > bestGain) {
            bestGain = gain;
            best = r;
            bestLen = len;
            System.arraycopy(fill, 0, bestFill, 0, len);
          }
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      Row row = rows.get(best);
      perGenerator.merge(row.generator(), 1, Integer::sum);
      int[] items = java.util.Arrays.copyOf(bestFill, bestLen);
      if (visible) {
        for (int c = 0; c < Math.min(bestLen, l.visibleCols()); c++) {
          shown.set(items[c]);
          int cat = firstCategory(s, items[c]);
          if (cat >= 0) {
            categories.add(cat);
          }
        }
      }
      chosen.add(row);
      grid.add(items);
    }
  }

  private static int firstCategory(PageState s, int item) {
    int[] g = s.genreCodes(item);
    return g.length == 0 ? -1 : g[0];
  }

  private static Page toPage(
      PageState s, PageLayout l, Policy policy, List<Row> chosen, List<int[]> grid) {
    RequestState q = s.request();
    List<Page.PageRow> out = new ArrayList<>();
    for (int r = 0; r < chosen.size(); r++) {
      Row row = chosen.get(r);
      List<Page.PageItem> items = new ArrayList<>();
      for (int item : grid.get(r)) {
        items.add(new Page.PageItem(q.itemId(item), q.title(item).orElse(null), s.relevance(item)));
      }
      out.add(new Page.PageRow(row.title(), row.generator(), row.reason(), items));
    }
    int[][] g = grid.toArray(new int[0][]);
    return new Page(
        q.request().user(),
        q.model().name(),
        policy.name().toLowerCase(java.util.Locale.ROOT),
        s.personal(),
        out,
        PageMetrics.duplicatesInView(g, l),
        PageMetrics.categoriesInView(g, l, item -> firstCategory(s, item)));
  }
}
