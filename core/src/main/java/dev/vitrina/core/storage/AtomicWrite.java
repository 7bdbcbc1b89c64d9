package dev.vitrina.core.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Atomic file and directory writes: content goes to a temporary sibling first and is moved onto the
 * target in one rename, so readers see either the old content or the complete new one. Files are
 * replaced; directories never are ({@link #writeDirectory} refuses an existing non-empty target).
 *
 * <h2>Temporary names</h2>
 *
 * <p>The temporary for a target {@code DIR/NAME} is {@code DIR/.NAME.tmp-PID-RANDOM}: hidden, next
 * to the target (so the final rename stays on one file system), {@code PID} the id of the writing
 * process and {@code RANDOM} a base-36 number. {@link #isTempName} recognises these names (and the
 * older {@code .NAME.tmp-RANDOM} without a PID).
 *
 * <h2>Stale temporaries</h2>
 *
 * <p>A process killed mid-write leaves its temporary behind. Each new temporary for a target
 * ({@link #tempSibling}, so {@link #write}, {@link #writeDirectory} and every writer built on them)
 * first removes that target's stale temporaries (see {@link #removeStaleTemps}); the temporaries of
 * other targets are left alone. A temporary is stale when it has not been modified for {@link
 * #STALE_GRACE} and
 *
 * <ul>
 *   <li>its PID is no running process on this machine, or is a process started after the temporary
 *       was last modified (the PID was reused), or
 *   <li>it has the older name without a PID and has not been modified for {@link
 *       #STALE_LEGACY_AGE}.
 * </ul>
 *
 * <p>Concurrent writers: the temporary of a running process is never removed by another process on
 * the same machine, however old, so two processes may write the same file at once (the last rename
 * wins, each rename is complete; for a directory the second rename fails). PIDs are meaningful on
 * one machine only: on a file system shared by several machines or PID namespaces, a writer
 * elsewhere whose temporary has been idle for {@link #STALE_GRACE} can lose it; its write then
 * fails with an {@link IOException} and the target keeps its previous content, never a half-written
 * one. Removing stale temporaries is best effort: a temporary that cannot be deleted is left for a
 * later write and does not fail this one.
 */
public final class AtomicWrite {

  /** How long a temporary must have been left unmodified before another process may remove it. */
  public static final Duration STALE_GRACE = Duration.ofMinutes(10);

  /** The age after which a temporary in the older naming (without a PID) is removed. */
  public static final Duration STALE_LEGACY_AGE = Duration.ofHours(24);

  /** Tolerance for the coarse start time the OS reports for a process. */
  private static final Duration START_TIME_SLACK = Duration.ofMinutes(1);

  private static final String TMP_MARK = ".tmp-";

  /** The part after {@code .NAME.tmp-}: {@code PID-RANDOM}, or {@code RANDOM} (older naming). */
  private static final Pattern SUFFIX = Pattern.compile("(?:([0-9]{1,19})-)?[0-9a-z]+");

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
   * Fills a fresh temporary directory with {@code body} and then moves it to {@code target} in one
   * rename. The target is never replaced: it must be absent or an empty directory (removed just
   * before the rename). A crash never leaves a partly filled target.
   *
   * @throws FileAlreadyExistsException when the target exists and is not an empty directory, or
   *     another writer created it meanwhile (the temporary is removed)
   */
  public static void writeDirectory(Path target, IoConsumer<Path> body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    refuseExisting(abs);
    Path tmp = tempSibling(abs);
    Files.createDirectory(tmp);
    try {
      body.accept(tmp);
      refuseExisting(abs);
      try {
        // rename(2) replaces an empty directory and fails on a non-empty one
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(abs.toString(), null, "written by another writer");
        }
        throw e;
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursively(tmp);
      throw e;
    }
  }

  private static void refuseExisting(Path abs) throws IOException {
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.list(abs)) {
        if (s.findAny().isEmpty()) {
          return;
        }
      }
    }
    throw new FileAlreadyExistsException(
        abs.toString(), null, "exists and is not empty; directories are never replaced");
  }

  /**
   * A fresh, not yet existing path next to {@code target} for temporary content, named {@code
   * .NAME.tmp-PID-RANDOM}. Removes the target's stale temporaries first (see {@link
   * #removeStaleTemps}).
   */
  public static Path tempSibling(Path target) {
    Path abs = target.toAbsolutePath();
    removeStaleTemps(abs);
    String name = abs.getFileName().toString();
    long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return abs.resolveSibling(
        "." + name + TMP_MARK + ProcessHandle.current().pid() + "-" + Long.toString(r, 36));
  }

  /**
   * Whether {@code fileName} is a temporary name made by this class for some target: {@code
   * .NAME.tmp-PID-RANDOM} or the older {@code .NAME.tmp-RANDOM}.
   */
  public static boolean isTempName(String fileName) {
    if (!fileName.startsWith(".")) {
      return false;
    }
    int at = fileName.lastIndexOf(TMP_MARK);
    return at > 1 && SUFFIX.matcher(fileName.substring(at + TMP_MARK.length())).matches();
  }

  /**
   * Removes the stale temporaries (files or directory trees) of {@code target}, as defined in the
   * class documentation; the temporaries of running writers and of other targets are kept. Best
   * effort: what cannot be listed or deleted is left in place.
   *
   * @return the temporaries removed
   */
  public static List<Path> removeStaleTemps(Path target) {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Path fileName = abs.getFileName();
    List<Path> removed = new ArrayList<>();
    if (parent == null || fileName == null || !Files.isDirectory(parent)) {
      return removed;
    }
    String prefix = "." + fileName + TMP_MARK;
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
      ds.forEach(candidates::add);
    } catch (IOException | RuntimeException e) {
      return removed;
    }
    Instant now = Instant.now();
    for (Path p : candidates) {
      Matcher m = SUFFIX.matcher(p.getFileName().toString().substring(prefix.length()));
      if (!m.matches()) {
        continue;
      }
      try {
        Instant modified = lastModified(p);
        if (isStale(m.group(1), modified, now)) {
          deleteRecursively(p);
          removed.add(p);
        }
      } catch (IOException | RuntimeException e) {
        // left for a later write; see the class documentation
      }
    }
    return removed;
  }

  private static boolean isStale(String pid, Instant modified, Instant now) {
    Duration idle = Duration.between(modified, now);
    if (pid == null) {
      return idle.compareTo(STALE_LEGACY_AGE) >= 0;
    }
    if (idle.compareTo(STALE_GRACE) < 0) {
      return false;
    }
    long id;
    try {
      id = Long.parseLong(pid);
    } catch (NumberFormatException e) {
      return true; // no process can have this id
    }
    Optional<ProcessHandle> owner = ProcessHandle.of(id);
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = owner.get().info().startInstant();
    return started.isPresent() && started.get().isAfter(modified.plus(START_TIME_SLACK));
  }

  /** The newest modification time of a file or anywhere in a directory tree. */
  private static Instant lastModified(Path p) throws IOException {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
    }
    Instant newest = Instant.MIN;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.toList()) {
        Instant t = Files.getLastModifiedTime(q, LinkOption.NOFOLLOW_LINKS).toInstant();
        if (t.isAfter(newest)) {
          newest = t;
        }
      }
    }
    return newest;
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
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
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
