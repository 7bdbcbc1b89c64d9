package dev.vitrina.recs.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model family as a service: its name, its artifact format, a trainer from string parameters and
 * a loader. Families register themselves with {@link java.util.ServiceLoader} (a line in {@code
 * META-INF/services/dev.vitrina.recs.model.ModelFamily}), so a module adds a model without editing
 * a central switch; {@code dev.vitrina.recs.RecsModels} finds them on the class path.
 */
public interface ModelFamily {

  /** The name users type, e.g. {@code "ials"}. */
  String name();

  /** The artifact format its models save, e.g. {@code "vitrina.recs.ials"}. */
  String format();

  /**
   * Where the family is listed among the others (lower first); the built-in families use 10, 20, 30
   * and 40.
   */
  default int order() {
    return 100;
  }

  /**
   * A trainer with string parameters; missing ones take the config defaults.
   *
   * @throws IllegalArgumentException for an unknown parameter or a bad value, naming the valid ones
   */
  Trainer<? extends Recommender> trainer(Map<String, String> params);

  /**
   * Loads a model of this family from its artifact directory (already resolved, see RecsModels).
   */
  Recommender load(Path dir) throws IOException;
}
