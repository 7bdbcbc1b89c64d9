package dev.vitrina.serve.registry;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Live} model that follows one role's pointer in a {@link ModelRegistry}.
 *
 * <p>{@link #start} loads the version the pointer names and fails when it cannot. A background
 * thread then reads the pointer every interval ({@link #checkNow()} does one check at once); when
 * it names another version, that version's checksums are verified and it is loaded fully before it
 * replaces the served model in one atomic swap. A version that fails to verify or load is refused:
 * the old model keeps serving, the reason goes to the {@link Listener} and to {@link
 * #lastRefusal()}, and the same version is not retried until the pointer changes again. A request
 * that took {@link #current()} before a swap finishes on the model it took.
 */
public final class RegistryWatcher<T> implements Live<T>, AutoCloseable {

  /** Loads a model from a verified artifact directory. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(Path dir) throws IOException;
  }

  /** Hears about swaps and refusals; the default logs them through {@link System.Logger}. */
  public interface Listener {
    void swapped(String from, String to);

    void refused(String version, String reason);

    /** A listener that logs to {@code System.getLogger(RegistryWatcher.class.getName())}. */
    static Listener logging() {
      System.Logger log = System.getLogger(RegistryWatcher.class.getName());
      return new Listener() {
        @Override
        public void swapped(String from, String to) {
          log.log(Level.INFO, "model swapped from {0} to {1}", from, to);
        }

        @Override
        public void refused(String version, String reason) {
          log.log(
              Level.WARNING,
              "model version {0} refused, keeping the old one: {1}",
              version,
              reason);
        }
      };
    }
  }

  /** The default polling interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final ModelRegistry registry;
  private final String kind;
  private final String name;
  private final String role;
  private final Loader<T> loader;
  private final Listener listener;
  private final AtomicReference<Loaded<T>> current = new AtomicReference<>();
  private final AtomicReference<String> lastRefusal = new AtomicReference<>();
  private final AtomicLong swaps = new AtomicLong();
  private volatile String refusedVersion;
  private ScheduledExecutorService poller;

  private RegistryWatcher(
      ModelRegistry registry,
      String kind,
      String name,
      String role,
      Loader<T> loader,
      Listener listener) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.kind = kind;
    this.name = name;
    this.role = role;
    this.loader = Objects.requireNonNull(loader, "loader");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Loads the version {@code role} points at and, when {@code interval} is positive, starts polling
   * the pointer on a daemon thread.
   *
   * @param interval how often to read the pointer; zero or negative: never (use {@link
   *     #checkNow()})
   * @throws IllegalArgumentException when the role has no pointer or its version is not a valid
   *     artifact
   * @throws IOException when reading fails
   */
  public static <T> RegistryWatcher<T> start(
      ModelRegistry registry,
      String kind,
      String name,
      String role,
      Loader<T> loader,
      Duration interval,
      Listener listener)
      throws IOException {
    RegistryWatcher<T> w = new RegistryWatcher<>(registry, kind, name, role, loader, listener);
    String version = registry.resolve(kind, name, role);
    w.current.set(w.load(version));
    if (interval != null && !interval.isNegative() && !interval.isZero()) {
      w.poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "registry-watcher-" + kind + "-" + name + "-" + role);
                t.setDaemon(true);
                return t;
              });
      long ms = interval.toMillis();
      w.poller.scheduleWithFixedDelay(w::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    return w;
  }

  /** {@link #start} with the default interval and the logging listener. */
  public static <T> RegistryWatcher<T> start(
      ModelRegistry registry, String kind, String name, String role, Loader<T> loader)
      throws IOException {
    return start(registry, kind, name, role, loader, DEFAULT_INTERVAL, Listener.logging());
  }

  @Override
  public Loaded<T> current() {
    return current.get();
  }

  /**
   * Reads the pointer once and swaps when it names another loadable version.
   *
   * @return true when the served model changed
   */
  public synchronized boolean checkNow() {
    String version;
    try {
      version = registry.resolve(kind, name, role);
    } catch (IOException | RuntimeException e) {
      refuse("(pointer)", "cannot read the pointer of role '" + role + "': " + e.getMessage());
      return false;
    }
    String from = current.get().version();
    if (version.equals(from) || version.equals(refusedVersion)) {
      return false;
    }
    Loaded<T> next;
    try {
      next = load(version);
    } catch (IOException | RuntimeException e) {
      refusedVersion = version;
      refuse(version, e.getMessage());
      return false;
    }
    refusedVersion = null;
    current.set(next);
    swaps.incrementAndGet();
    listener.swapped(from, version);
    return true;
  }

  /** How many times the served model was swapped since start. */
  public long swapCount() {
    return swaps.get();
  }

  /** Why the last refused version was refused, or null when none was. */
  public String lastRefusal() {
    return lastRefusal.get();
  }

  /** Stops polling; the current model stays readable. */
  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void checkQuietly() {
    try {
      checkNow();
    } catch (RuntimeException e) {
      refuse("(check)", String.valueOf(e));
    }
  }

  private void refuse(String version, String reason) {
    lastRefusal.set(version + ": " + reason);
    listener.refused(version, reason);
  }

  private Loaded<T> load(String version) throws IOException {
    Path dir = registry.directory(kind, name, version);
    ModelRegistry.verify(dir);
    T model = loader.load(dir);
    return new Loaded<>(model, version, dir, Instant.now());
  }
}
