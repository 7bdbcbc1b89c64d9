package dev.vitrina.recs.model;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import java.util.Map;

/**
 * Fits a model to interactions. Trainers are configured by an immutable config record and are
 * stateless: fitting twice on the same data with the same seed gives identical models.
 *
 * @param <M> the model type
 */
public interface Trainer<M extends Recommender> {

  /** The model family name, e.g. {@code "ials"}. */
  String name();

  /** The training parameters as plain JSON values (recorded in the saved model). */
  Map<String, Object> parameters();

  /**
   * Fits a model, reporting progress.
   *
   * @throws IllegalArgumentException when {@code data} has no rows (see {@link #requireRows})
   */
  M fit(Interactions data, Progress progress);

  /** Fits a model silently. */
  default M fit(Interactions data) {
    return fit(data, Progress.silent());
  }

  /**
   * Refuses to fit on no interactions: a model fitted on nothing would answer every query with an
   * empty or arbitrary list.
   *
   * @throws IllegalArgumentException when {@code data} has no rows, naming the model and the usual
   *     reasons (a filter such as {@code Interactions.filterValueAtLeast} or skipped bad rows
   *     removed them all)
   */
  static void requireRows(Interactions data, String model) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(
          model
              + " cannot be fitted on 0 interactions ("
              + data.numUsers()
              + " users, "
              + data.numItems()
              + " items declared): the data is empty or a filter (Interactions.filterValueAtLeast,"
              + " skipped bad rows, the split) removed every row; check the input and relax the"
              + " filter");
    }
  }
}
