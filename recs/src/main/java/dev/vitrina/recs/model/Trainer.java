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

  /** Fits a model, reporting progress. */
  M fit(Interactions data, Progress progress);

  /** Fits a model silently. */
  default M fit(Interactions data) {
    return fit(data, Progress.silent());
  }
}
