package dev.vitrina.serve.registry;

/**
 * The model currently served for one role. {@link #current()} never blocks on a load and never
 * returns null: a request takes the reference once and finishes on it even if a swap happens
 * meanwhile.
 */
@FunctionalInterface
public interface Live<T> {

  /** The model serving now. */
  Loaded<T> current();

  /** A live model that never changes. */
  static <T> Live<T> fixed(Loaded<T> loaded) {
    return () -> loaded;
  }
}
