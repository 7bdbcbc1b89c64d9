package dev.vitrina.core.storage;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks on input paths before they are opened, so that errors name the path and the problem. */
public final class InputFiles {

  private InputFiles() {}

  /**
   * Requires {@code path} to be an existing file, not a directory.
   *
   * @param path the input
   * @param kind what the file should be, for the message (e.g. "CSV", "Parquet")
   * @throws NoSuchFileException when nothing exists at {@code path}
   * @throws IllegalArgumentException when {@code path} is a directory
   */
  public static Path requireFile(Path path, String kind) throws NoSuchFileException {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          path + " is a directory, expected a " + kind + " file; give the file's path");
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such " + kind + " file");
    }
    return path;
  }
}
