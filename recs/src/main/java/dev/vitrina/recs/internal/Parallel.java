package dev.vitrina.recs.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parallel loops over index ranges on a given number of platform threads, handing out chunks
 * dynamically so skewed work (popular items, heavy users) balances. Results never depend on the
 * thread count: callers write to disjoint slots.
 */
public final class Parallel {

  private Parallel() {}

  /** Work on the index range {@code [from, to)}; {@code worker} is the 0-based thread number. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int worker, int from, int to);
  }

  /** The default thread count: the available processors. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code body} over {@code [0, n)} in chunks of {@code chunk} indices on {@code threads}
   * threads (the calling thread is one of them). Rethrows the first failure.
   */
  public static void forRange(int n, int chunk, int threads, RangeBody body) {
    if (n <= 0) {
      return;
    }
    int workers = Math.max(1, Math.min(threads, (n + chunk - 1) / chunk));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] started = new Thread[workers - 1];
    for (int w = 1; w < workers; w++) {
      int worker = w;
      started[w - 1] =
          Thread.ofPlatform()
              .name("vitrina-recs-" + w)
              .daemon(true)
              .start(() -> loop(worker, n, chunk, next, failure, body));
    }
    loop(0, n, chunk, next, failure, body);
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for worker threads", e);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private static void loop(
      int worker,
      int n,
      int chunk,
      AtomicInteger next,
      AtomicReference<Throwable> failure,
      RangeBody body) {
    try {
      while (failure.get() == null) {
        int from = next.getAndAdd(chunk);
        if (from >= n) {
          return;
        }
        body.run(worker, from, Math.min(n, from + chunk));
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }
}
