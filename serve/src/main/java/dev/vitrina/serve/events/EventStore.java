package dev.vitrina.serve.events;

import java.io.IOException;
import java.util.List;

/**
 * Where events are committed. Implementations are safe for concurrent use.
 *
 * <p>The contract the HTTP service relies on: when {@link #append} returns, every event of the
 * batch is durably committed (it survives a SIGKILL of the process right after), and an event whose
 * {@link Event#id()} is already in the log is counted as a duplicate and not written again.
 */
public interface EventStore extends AutoCloseable {

  /**
   * What {@link #append} did.
   *
   * @param written events newly committed
   * @param duplicates events skipped because their id was already in the log
   */
  record AppendResult(int written, int duplicates) {}

  /** Commits {@code events} in one transaction and returns once they are durable. */
  AppendResult append(List<Event> events) throws IOException;

  /** The number of events in the log. */
  long count() throws IOException;

  /** Where the log lives, for messages and {@code /metrics} (never credentials). */
  String describe();

  @Override
  void close() throws IOException;
}
