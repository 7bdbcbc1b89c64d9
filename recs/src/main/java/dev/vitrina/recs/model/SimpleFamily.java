package dev.vitrina.recs.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ModelFamily} assembled from its parts, for providers that only wire a config parser to a
 * trainer and a loader. A subclass has a public no-argument constructor (as {@link
 * java.util.ServiceLoader} requires) that passes the parts to this one.
 */
public abstract class SimpleFamily implements ModelFamily {

  /** Loads a saved model from its artifact directory. */
  @FunctionalInterface
  public interface Loader {
    Recommender load(Path dir) throws IOException;
  }

  private final String name;
  private final String format;
  private final int order;
  private final Function<Map<String, String>, Trainer<? extends Recommender>> trainer;
  private final Loader loader;

  protected SimpleFamily(
      String name,
      String format,
      int order,
      Function<Map<String, String>, Trainer<? extends Recommender>> trainer,
      Loader loader) {
    this.name = name;
    this.format = format;
    this.order = order;
    this.trainer = trainer;
    this.loader = loader;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String format() {
    return format;
  }

  @Override
  public final int order() {
    return order;
  }

  @Override
  public final Trainer<? extends Recommender> trainer(Map<String, String> params) {
    return trainer.apply(params);
  }

  @Override
  public final Recommender load(Path dir) throws IOException {
    return loader.load(dir);
  }
}
