package dev.vitrina.serve.http;

import dev.vitrina.serve.events.Event;
import dev.vitrina.serve.events.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends exposure events off the request path: requests offer to a bounded queue (never block);
 * one daemon thread appends them in batches. A full queue drops the exposure and counts it in
 * {@code vitrina_exposures_dropped_total}; a failed append counts in {@code
 * vitrina_exposures_failed_total}. Exposure ids are deterministic, so a re-logged exposure is a
 * duplicate in the store.
 */
final class ExposureLog implements AutoCloseable {
  static final int CAPACITY = 10_000;
  private static final int BATCH = 500;

  private final EventStore store;
  private final Metrics metrics;
  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread writer;
  private final java.util.concurrent.atomic.AtomicLong pending =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closing;

  ExposureLog(EventStore store, Metrics metrics) {
    this.store = store;
    this.metrics = metrics;
    this.writer = Thread.ofPlatform().daemon().name("vitrina-exposures").start(this::run);
  }

  void offer(Event e) {
    pending.incrementAndGet();
    if (queue.offer(e)) {
      metrics.exposuresQueued.increment();
    } else {
      pending.decrementAndGet();
      metrics.exposuresDropped.increment();
    }
  }

  private void run() {
    List<Event> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Event first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        try {
          EventStore.AppendResult r = store.append(List.copyOf(batch));
          metrics.exposuresWritten.add(r.written());
        } catch (Exception ex) {
          metrics.exposuresFailed.add(batch.size());
        }
        pending.addAndGet(-batch.size());
        batch.clear();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Blocks until every queued exposure was appended (or failed). For tests and close. */
  void flush() throws InterruptedException {
    while (pending.get() > 0) {
      Thread.sleep(5);
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
