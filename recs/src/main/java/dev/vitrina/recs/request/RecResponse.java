package dev.vitrina.recs.request;

import java.util.List;

/**
 * The answer to a {@link RecRequest}: a ranked list in which every item carries its score and the
 * reasons it is there.
 *
 * @param user the user id as asked (null for anonymous)
 * @param model the model family that produced the candidates
 * @param source {@code model} for personal scores, {@code popular_fallback} for a user the model
 *     cannot personalise for
 * @param location where the list was ranked for, when the request had a location
 * @param items best first
 * @param stages the stages that took part, in order, each named once
 */
public record RecResponse(
    String user,
    String model,
    String source,
    Location location,
    List<Item> items,
    List<String> stages) {

  public RecResponse {
    items = List.copyOf(items);
    stages = List.copyOf(stages);
  }

  /**
   * One returned item.
   *
   * @param rank 1-based position
   * @param item external item id
   * @param title the item's title when the catalogue has one, else null
   * @param score the final score (comparable within this response only)
   * @param reasons why it is there, most important first
   */
  public record Item(int rank, String item, String title, float score, List<Reason> reasons) {
    public Item {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The location a list was ranked for.
   *
   * @param lat latitude
   * @param lon longitude
   * @param label {@code point} for coordinates in the request, else the named context used
   */
  public record Location(double lat, double lon, String label) {}

  /** The external item ids, in order. */
  public List<String> itemIds() {
    return items.stream().map(Item::item).toList();
  }
}
