package dev.vitrina.core.storage;

import dev.vitrina.core.progress.Progress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Copies files and whole folders between any two {@link Path}s (local or object store) with a
 * bounded number of transfers in flight, retries with exponential backoff, and atomic publishing of
 * each file ({@link AtomicWrite}: a failed or interrupted copy never leaves half a file at the
 * target). Large uploads go through the S3 file system's transfer manager, which sends them in
 * parts.
 */
public final class Transfers {

  private Transfers() {}

  /**
   * How to transfer.
   *
   * @param parallel files in flight at once, 1 to 256
   * @param retries extra attempts for a file after a failed one, 0 to 20
   * @param backoff the wait before the first retry; it doubles for each further one
   * @param onlyChanged skip a file whose target exists with the same size ({@code sync})
   */
  public record Options(int parallel, int retries, Duration backoff, boolean onlyChanged) {
    public Options {
      if (parallel < 1 || parallel > 256) {
        throw new IllegalArgumentException(
            "parallel must be 1 to 256, got " + parallel + "; use e.g. --parallel 16");
      }
      if (retries < 0 || retries > 20) {
        throw new IllegalArgumentException(
            "retries must be 0 to 20, got " + retries + "; use e.g. --retries 4");
      }
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
      }
    }

    /** 16 in flight, 4 retries from 200 ms, copy everything. */
    public static Options defaults() {
      return new Options(16, 4, Duration.ofMillis(200), false);
    }
  }

  /**
   * What a transfer did.
   *
   * @param files files copied
   * @param skipped files left alone because the target already matched ({@code onlyChanged})
   * @param bytes bytes copied
   * @param retries attempts repeated after a failure
   * @param seconds wall time
   */
  public record Summary(long files, long skipped, long bytes, long retries, double seconds) {

    /** Throughput in MB/s (10^6 bytes). */
    public double megabytesPerSecond() {
      return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
  }

  /** One file to copy. */
  private record Item(Path source, Path target, long size) {}

  /**
   * Copies {@code source} to {@code target}: a file onto a file, or every file under a folder to
   * the same relative names under the target folder.
   *
   * @throws NoSuchFileException when the source does not exist
   * @throws IOException when a file still fails after its retries (the files copied before stay)
   */
  public static Summary copy(Path source, Path target, Options options, Progress progress)
      throws IOException {
    long start = System.nanoTime();
    List<Item> items = plan(source, target);
    long total = 0;
    for (Item it : items) {
      total += it.size();
    }
    AtomicLong bytes = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    AtomicInteger copied = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.parallel(), Math.max(1, items.size())),
            r -> {
              Thread t = new Thread(r, "vitrina-transfer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(items.size());
      for (Item it : items) {
        futures.add(
            pool.submit(
                () -> {
                  if (options.onlyChanged() && sameSize(it.target(), it.size())) {
                    skipped.incrementAndGet();
                  } else {
                    retried.addAndGet(copyWithRetries(it, options));
                    copied.incrementAndGet();
                    bytes.addAndGet(it.size());
                  }
                  progress.step(it.size());
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    if (total == 0) {
      progress.step(0);
    }
    return new Summary(
        copied.get(), skipped.get(), bytes.get(), retried.get(), (System.nanoTime() - start) / 1e9);
  }

  /** The total size of what {@link #copy} would copy from {@code source}. */
  public static long size(Path source) throws IOException {
    long total = 0;
    for (Item it : plan(source, source)) {
      total += it.size();
    }
    return total;
  }

  /**
   * The files under {@code root} (or {@code root} itself when it is a file) as {@code /}-separated
   * names relative to it, sorted, with their sizes; {@link AtomicWrite} temporaries are left out.
   */
  public static List<Entry> list(Path root) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Item it : plan(root, root)) {
      out.add(new Entry(relative(root, it.source()), it.size()));
    }
    return out;
  }

  /** A listed file: its name relative to the listed folder and its size in bytes. */
  public record Entry(String name, long size) {}

  private static List<Item> plan(Path source, Path target) throws IOException {
    List<Item> items = new ArrayList<>();
    if (Files.isRegularFile(source)) {
      Path dest = target;
      if (StoragePaths.isDirectory(target) || target.toString().endsWith("/")) {
        dest = StoragePaths.directory(target).resolve(source.getFileName().toString());
      }
      items.add(new Item(source, dest, Files.size(source)));
      return items;
    }
    if (!StoragePaths.isDirectory(source)) {
      StoragePaths.checkBucket(source);
      throw new NoSuchFileException(
          StoragePaths.display(source), null, "no such file or folder to copy");
    }
    Path root = StoragePaths.directory(source);
    Path destRoot = StoragePaths.directory(target);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.toString().endsWith("/") || !Files.isRegularFile(p)) {
          continue;
        }
        String rel = relative(root, p);
        if (isTemp(rel)) {
          continue;
        }
        Path dest = destRoot;
        for (String part : rel.split("/")) {
          dest = dest.resolve(part);
        }
        items.add(new Item(p, dest, Files.size(p)));
      }
    }
    items.sort((a, b) -> a.source().toString().compareTo(b.source().toString()));
    return items;
  }

  private static boolean isTemp(String rel) {
    for (String part : rel.split("/")) {
      if (AtomicWrite.isTempName(part)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path p) {
    if (StoragePaths.isRemote(p)) {
      String r = strip(StoragePaths.directory(root).toString());
      String s = strip(p.toString());
      return s.startsWith(r) ? s.substring(r.length()) : StoragePaths.name(p);
    }
    if (p.equals(root)) {
      return p.getFileName().toString();
    }
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String strip(String s) {
    return s.startsWith("/") ? s.substring(1) : s;
  }

  private static boolean sameSize(Path target, long size) {
    try {
      return Files.isRegularFile(target) && Files.size(target) == size;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Copies one file, retrying; returns the number of retries used. */
  private static int copyWithRetries(Item it, Options options) throws IOException {
    long wait = options.backoff().toMillis();
    for (int attempt = 0; ; attempt++) {
      try {
        copyOne(it.source(), it.target());
        return attempt;
      } catch (IOException | RuntimeException e) {
        if (attempt >= options.retries() || !retryable(e)) {
          throw e;
        }
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("transfer interrupted");
      }
      wait = Math.min(wait * 2, 30_000);
    }
  }

  private static boolean retryable(Throwable e) {
    return !(e instanceof NoSuchFileException
        || e instanceof AccessDeniedException
        || e instanceof FileSystemNotFoundException
        || e instanceof IllegalArgumentException
        || S3Errors.isPermanent(e));
  }

  private static void copyOne(Path source, Path target) throws IOException {
    AtomicWrite.copy(source, target);
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("transfer interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }
}
