package dev.vitrina.serve.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A model loaded from an artifact, with where it came from.
 *
 * @param model the model
 * @param version the registry version it was loaded from (e.g. {@code v3}), or the directory name
 *     when it was not loaded from a registry
 * @param directory the artifact directory
 * @param loadedAt when it was loaded
 */
public record Loaded<T>(T model, String version, Path directory, Instant loadedAt) {
  public Loaded {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
  }
}
