package dev.vitrina.serve.events;

import java.io.IOException;
import java.nio.file.Path;

/** Opens an event log from its spec: {@code duckdb:FILE} or {@code jdbc:postgresql://...}. */
public final class EventStores {

  /** The accepted forms, for messages. */
  public static final String FORMS =
      "duckdb:FILE (an embedded DuckDB file, e.g. duckdb:data/events.duckdb) or"
          + " jdbc:postgresql://HOST:PORT/DB?user=U&password=P";

  private EventStores() {}

  /**
   * Opens the log for appending: {@code duckdb:FILE} (relative to the working directory; the file
   * and its parent folders are created) or {@code jdbc:postgresql://...} (the table is created if
   * absent). Any other spec is an {@link IllegalArgumentException} naming it (without credentials).
   */
  public static SqlEventStore open(String spec) throws IOException {
    return open(spec, false);
  }

  /** Opens an existing log read-only, for analysis; same specs as {@link #open}. */
  public static SqlEventStore openForReading(String spec) throws IOException {
    return open(spec, true);
  }

  private static SqlEventStore open(String spec, boolean read) throws IOException {
    if (spec != null && spec.startsWith("duckdb:")) {
      String file = spec.substring("duckdb:".length());
      if (file.isBlank()) {
        throw new IllegalArgumentException(
            "event log spec '" + spec + "' names no file; give " + FORMS);
      }
      Path p = Path.of(file);
      return read ? DuckDbEventStore.openForReading(p) : DuckDbEventStore.open(p);
    }
    if (spec != null && spec.startsWith("jdbc:postgresql://")) {
      return read ? JdbcEventStore.openForReading(spec) : JdbcEventStore.open(spec);
    }
    String shown = spec == null ? "null" : JdbcEventStore.redact(spec);
    throw new IllegalArgumentException(
        "event log spec '" + shown + "' is not supported; give " + FORMS);
  }
}
