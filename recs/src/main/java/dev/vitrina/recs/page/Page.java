package dev.vitrina.recs.page;

import dev.vitrina.recs.request.Reason;
import java.util.List;

/**
 * A composed page: rows in display order, each with its items and the reason the row is there.
 *
 * @param user the user id as asked (null for anonymous)
 * @param model the model family
 * @param policy how the page was composed
 * @param personal whether the rows are personal (false: a page of non-personal rows for a user
 *     without history, said so in the row reasons)
 * @param rows the rows, top first
 * @param duplicatesInView item repeats in the visible area (0 under the page-wise policy)
 * @param categoriesInView distinct item categories in the visible area
 */
public record Page(
    String user,
    String model,
    String policy,
    boolean personal,
    List<PageRow> rows,
    int duplicatesInView,
    int categoriesInView) {

  public Page {
    rows = List.copyOf(rows);
  }

  /**
   * One row.
   *
   * @param title what the user sees
   * @param generator the generator that proposed it
   * @param reason why the row is there
   * @param items left to right
   */
  public record PageRow(String title, String generator, Reason reason, List<PageItem> items) {
    public PageRow {
      items = List.copyOf(items);
    }
  }

  /**
   * One item in a row.
   *
   * @param item external id
   * @param title its title, or null
   * @param relevance the user's relevance in [0, 1]
   */
  public record PageItem(String item, String title, float relevance) {}

  /** The grid of external ids, row by row (for metrics and tests). */
  public List<List<String>> grid() {
    return rows.stream().map(r -> r.items().stream().map(PageItem::item).toList()).toList();
  }
}
