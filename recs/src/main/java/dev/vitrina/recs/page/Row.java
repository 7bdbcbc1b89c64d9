package dev.vitrina.recs.page;

import dev.vitrina.recs.request.Reason;
import java.util.Objects;

/**
 * A candidate row of a page: a title, the reason it exists, and its items, best first. The items'
 * relevance for the user comes from {@link PageState#relevance}; the row's own order may differ
 * (e.g. "Trending" is ordered by trend).
 *
 * @param generator the generator's name (for the per-generator limit and the response)
 * @param title what the user sees, e.g. {@code "Top in Sci-Fi"}
 * @param reason why the row is there
 * @param category the dense category or genre code the row is about, or {@code -1}
 * @param items dense item indices, best first, none blocked, no repeats
 */
public record Row(String generator, String title, Reason reason, int category, int[] items) {

  public Row {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(items, "items");
  }
}
