package dev.vitrina.core.artifact;

import java.nio.file.Path;

/**
 * An artifact directory that cannot be loaded as it is: missing or invalid manifest, a format or
 * version the loader does not read, a file missing, unlisted or with a wrong checksum. It is bad
 * input, not an I/O failure, hence an {@link IllegalArgumentException}; the message names the
 * directory, the file and the fix.
 */
public final class InvalidArtifactException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The artifact directory. */
  private final transient Path directory;

  /** The offending file (the manifest, or a file of the artifact). */
  private final transient Path file;

  /**
   * @param directory the artifact directory
   * @param file the offending file
   * @param message the full message
   */
  public InvalidArtifactException(Path directory, Path file, String message) {
    super(message);
    this.directory = directory;
    this.file = file;
  }

  /**
   * @param directory the artifact directory
   * @param file the offending file
   * @param message the full message
   * @param cause the underlying parse error
   */
  public InvalidArtifactException(Path directory, Path file, String message, Throwable cause) {
    super(message, cause);
    this.directory = directory;
    this.file = file;
  }

  /** The artifact directory. */
  public Path directory() {
    return directory;
  }

  /** The offending file (the manifest, or a file of the artifact). */
  public Path file() {
    return file;
  }
}
