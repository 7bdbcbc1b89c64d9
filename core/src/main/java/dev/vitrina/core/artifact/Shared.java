package dev.vitrina.core.artifact;

import java.util.Objects;

/**
 * A loaded model (or any resource holding native memory, such as a LightGBM booster) shared by
 * concurrent requests and swapped while they run. Each request takes a {@link Lease} and closes it
 * when done; {@link #retire()} marks the resource as replaced, and it is closed exactly once, when
 * it is retired and the last lease is closed. No request ever uses a closed model.
 *
 * <pre>{@code
 * try (Shared.Lease<GbmModel> lease = current.acquire()) {
 *   lease.get().predict(...);
 * }
 * // on swap: current = Shared.of(newModel); old.retire();
 * }</pre>
 *
 * @param <T> the resource type
 */
public final class Shared<T extends AutoCloseable> {

  private final T value;
  private int leases;
  private boolean retired;
  private boolean closed;

  private Shared(T value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Shares {@code value}; it is closed by {@link #retire()} once no lease is open. */
  public static <T extends AutoCloseable> Shared<T> of(T value) {
    return new Shared<>(value);
  }

  /**
   * A lease on the resource for one use.
   *
   * @throws IllegalStateException when the resource was retired (take the current one instead)
   */
  public synchronized Lease<T> acquire() {
    if (retired) {
      throw new IllegalStateException(
          "the shared resource was retired (replaced by a newer one); acquire the current one");
    }
    leases++;
    return new Lease<>(this);
  }

  /** Marks the resource as replaced; it is closed now if no lease is open, else by the last one. */
  public void retire() throws Exception {
    boolean closeNow;
    synchronized (this) {
      retired = true;
      closeNow = leases == 0 && !closed;
      closed |= closeNow;
    }
    if (closeNow) {
      value.close();
    }
  }

  /** Whether the resource has been closed. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** The number of open leases. */
  public synchronized int leases() {
    return leases;
  }

  private void release() throws Exception {
    boolean closeNow;
    synchronized (this) {
      leases--;
      closeNow = retired && leases == 0 && !closed;
      closed |= closeNow;
    }
    if (closeNow) {
      value.close();
    }
  }

  /**
   * One use of a shared resource; closing it twice releases it once.
   *
   * @param <T> the resource type
   */
  public static final class Lease<T extends AutoCloseable> implements AutoCloseable {
    private final Shared<T> owner;
    private boolean released;

    private Lease(Shared<T> owner) {
      this.owner = owner;
    }

    /** The resource, open for as long as this lease is. */
    public T get() {
      if (released) {
        throw new IllegalStateException("the lease was closed; acquire a new one");
      }
      return owner.value;
    }

    @Override
    public void close() throws Exception {
      if (!released) {
        released = true;
        owner.release();
      }
    }
  }
}
