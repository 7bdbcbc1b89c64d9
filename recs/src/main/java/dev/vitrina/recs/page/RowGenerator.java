package dev.vitrina.recs.page;

import java.util.List;

/**
 * Proposes zero or more candidate rows for a page. Adding a kind of row means implementing this
 * interface. Implementations are immutable and thread-safe, never return a blocked item ({@link
 * PageState#allowed}) and return rows of at most {@code length} items.
 */
public interface RowGenerator {

  /** A short name, e.g. {@code category} or {@code because}. */
  String name();

  /**
   * The rows this generator proposes for the page's user.
   *
   * @param length the number of items a row holds beyond what is visible (the composer skips items
   *     already shown, so rows should be longer than the visible width)
   */
  List<Row> rows(PageState state, int length);
}
