package dev.vitrina.core.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Atomic file and directory writes: content goes to a temporary sibling first and is moved onto the
 * target in one rename, so readers see either the old content or the complete new one.
 */
public final class AtomicWrite {

  private AtomicWrite() {}

  /**
   * Writes content produced by {@code body}, creating missing parent directories; on any exception
   * the target is left untouched.
   */
  public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = tempSibling(target);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.accept(out);
      }
      move(tmp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Writes a UTF-8 string atomically. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Fills a fresh temporary directory with {@code body} and then moves it onto {@code target}. An
   * existing target directory is replaced: it is first renamed aside, then deleted after the move.
   */
  public static void writeDirectory(Path target, IoConsumer<Path> body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = tempSibling(abs);
    Files.createDirectory(tmp);
    try {
      body.accept(tmp);
      Path old = null;
      if (Files.exists(abs)) {
        old = tempSibling(abs);
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteRecursively(old);
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursively(tmp);
      throw e;
    }
  }

  /** A fresh, not yet existing path next to {@code target} for temporary content. */
  public static Path tempSibling(Path target) {
    Path abs = target.toAbsolutePath();
    String name = abs.getFileName().toString();
    long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return abs.resolveSibling("." + name + ".tmp-" + Long.toString(r, 36));
  }

  /**
   * Moves {@code tmp} onto {@code target} atomically, replacing it. Refuses (and leaves both
   * untouched) where the file system cannot rename atomically, rather than risk a half-written
   * target.
   */
  public static void move(Path tmp, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot atomically move "
              + tmp
              + " onto "
              + target
              + " ("
              + e.getMessage()
              + "); write to a local file system",
          e);
    }
  }

  /** Deletes a file or a directory tree; a missing path is fine. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A consumer that may throw {@link IOException}. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T value) throws IOException;
  }
}
