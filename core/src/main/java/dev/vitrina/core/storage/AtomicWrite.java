package dev.vitrina.core.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.nio.spi.s3.S3OpenOption;

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
 *
 * <h2>Object stores</h2>
 *
 * <p>On a target outside the local file system ({@link StoragePaths#isRemote}, e.g. {@code s3://})
 * there is no rename. Content is first written to a local temporary file ({@link #stage}); {@link
 * #publish} then uploads it to a temporary key {@code .NAME.tmp-PID-RANDOM} next to the target and
 * copies that key onto the target (a server-side copy that replaces the object whole), then removes
 * the temporary key. A failed write leaves the target as it was; a reader never sees half a file.
 * {@link #writeDirectory} fills a local temporary directory and uploads its files one by one, each
 * published as above, with a top-level {@code manifest.json} last: readers that require the
 * manifest (artifacts) never accept a partly uploaded directory. Stale temporary keys are not swept
 * (process ids mean nothing across machines); a bucket lifecycle rule on {@code .tmp-} keys can.
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
    if (StoragePaths.isRemote(target)) {
      Path staged = stage(target);
      try {
        try (OutputStream out = Files.newOutputStream(staged)) {
          body.accept(out);
        }
        publish(staged, target);
      } catch (IOException | RuntimeException | Error e) {
        Files.deleteIfExists(staged);
        throw e;
      }
      return;
    }
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
    if (StoragePaths.isRemote(target)) {
      writeRemoteDirectory(target, body);
      return;
    }
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

  private static void writeRemoteDirectory(Path target, IoConsumer<Path> body) throws IOException {
    refuseExisting(target);
    Path local = Files.createTempDirectory("vitrina-stage-");
    try {
      body.accept(local);
      refuseExisting(target);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(local)) {
        files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      }
      Path manifest = local.resolve(LAST_FILE);
      if (files.remove(manifest)) {
        files.add(manifest);
      }
      for (Path f : files) {
        Path rel = local.relativize(f);
        Path dest = target;
        for (Path part : rel) {
          dest = dest.resolve(part.toString());
        }
        upload(f, dest);
      }
    } finally {
      deleteRecursively(local);
    }
  }

  /** The top-level file {@link #writeDirectory} uploads last on an object store. */
  private static final String LAST_FILE = "manifest.json";

  /**
   * Where to write the content of {@code target} before {@link #publish}: a fresh, not yet existing
   * path, the temporary sibling ({@link #tempSibling}) on the local file system (its parent folders
   * are created), a local temporary file for an object store.
   */
  public static Path stage(Path target) throws IOException {
    if (!StoragePaths.isRemote(target)) {
      Path abs = target.toAbsolutePath();
      Path parent = abs.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return tempSibling(abs);
    }
    String name = target.getFileName() == null ? "object" : target.getFileName().toString();
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    Path file =
        Files.createTempFile("vitrina-stage-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
    Files.delete(file);
    return file;
  }

  /**
   * Makes staged content (from {@link #stage}) the content of {@code target} atomically and removes
   * the staged file; on failure the target is unchanged and the staged file is left for the caller
   * to delete.
   */
  public static void publish(Path staged, Path target) throws IOException {
    if (!StoragePaths.isRemote(target)) {
      move(staged, target);
      return;
    }
    upload(staged, target);
    Files.deleteIfExists(staged);
  }

  /**
   * Copies the file {@code source} (local or on an object store) onto {@code target} atomically: a
   * reader of the target sees its old content or the whole copy.
   */
  public static void copy(Path source, Path target) throws IOException {
    if (StoragePaths.isRemote(target) && !StoragePaths.isRemote(source)) {
      upload(source, target);
      return;
    }
    Path staged = stage(target);
    try {
      Files.copy(source, staged);
      publish(staged, target);
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  /**
   * Uploads a complete local file to an object-store {@code target}. The object store makes the new
   * object visible only when its upload completes (in parts, for a large file), replacing the old
   * one whole; a failed upload leaves the old object.
   */
  private static void upload(Path local, Path target) throws IOException {
    long size = Files.size(local);
    // replacing an object: the file system reads the old one first; a new key skips that, and
    // If-None-Match guards against another writer creating it meanwhile
    Set<OpenOption> options =
        Files.exists(target)
            ? Set.of(
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)
            : Set.of(
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                S3OpenOption.assumeObjectNotExists());
    try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ);
        SeekableByteChannel out = Files.newByteChannel(target, options)) {
      long done = 0;
      while (done < size) {
        long n = in.transferTo(done, size - done, out);
        if (n <= 0) {
          throw new IOException(
              "could not read " + local + " to upload it to " + StoragePaths.display(target));
        }
        done += n;
      }
    }
  }

  private static Path remoteTempSibling(Path target) {
    String name = target.getFileName().toString();
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return target.resolveSibling(
        "." + name + TMP_MARK + ProcessHandle.current().pid() + "-" + Long.toString(r, 36));
  }

  private static void refuseExisting(Path abs) throws IOException {
    if (StoragePaths.isRemote(abs)) {
      if (Files.exists(abs)) {
        throw new FileAlreadyExistsException(
            StoragePaths.display(abs), null, "exists as a file; directories are never replaced");
      }
      Path dir = StoragePaths.directory(abs);
      if (StoragePaths.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            throw new FileAlreadyExistsException(
                StoragePaths.display(abs),
                null,
                "exists and is not empty; directories are never replaced");
          }
        }
      }
      return;
    }
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
    if (StoragePaths.isRemote(target)) {
      return remoteTempSibling(target);
    }
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
   * untouched) where the local file system cannot rename atomically, rather than risk a
   * half-written target. On an object store the content is published by a copy that replaces the
   * target whole (see the class documentation).
   */
  public static void move(Path tmp, Path target) throws IOException {
    if (StoragePaths.isRemote(target)) {
      if (StoragePaths.isRemote(tmp)) {
        copy(tmp, target);
        Files.deleteIfExists(tmp);
      } else {
        publish(tmp, target);
      }
      return;
    }
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
    if (StoragePaths.isRemote(path)) {
      Path dir = StoragePaths.directory(path);
      if (StoragePaths.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.filter(p -> !p.toString().endsWith("/")).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
      Files.deleteIfExists(path);
      return;
    }
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
