package dev.vitrina.serve.http;

import dev.vitrina.serve.events.Event;
import dev.vitrina.serve.events.EventStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory event log for tests: deduplicates by id; can be told to fail. */
final class MemoryEventStore implements EventStore {
  private final Map<String, Event> events = new LinkedHashMap<>();
  volatile boolean failing;

  @Override
  public synchronized AppendResult append(List<Event> batch) throws IOException {
    if (failing) {
      throw new IOException("disk full (test)");
    }
    int written = 0;
    for (Event e : batch) {
      if (events.putIfAbsent(e.id(), e) == null) {
        written++;
      }
    }
    return new AppendResult(written, batch.size() - written);
  }

  synchronized List<Event> all() {
    return new ArrayList<>(events.values());
  }

  @Override
  public synchronized long count() {
    return events.size();
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {}
}
