package dev.vitrina.serve.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The child of the crash tests: appends batches of click events with ids {@code PREFIX-N} through
 * an {@link EventStore} and, after each append returns, prints {@code ACK id} per event and then
 * {@code BATCH first written duplicates}.
 *
 * <p>Arguments: {@code SPEC PREFIX FIRST BATCH_SIZE BATCHES} (BATCHES &lt; 0: until killed).
 */
public final class AppendLoop {

  private AppendLoop() {}

  /** Runs the loop. */
  public static void main(String[] args) throws Exception {
    String spec = args[0];
    String prefix = args[1];
    long first = Long.parseLong(args[2]);
    int size = Integer.parseInt(args[3]);
    long batches = Long.parseLong(args[4]);
    try (EventStore store = EventStores.open(spec)) {
      System.out.println("OPEN " + store.describe());
      System.out.flush();
      for (long b = 0; batches < 0 || b < batches; b++) {
        long start = first + b * size;
        List<Event> batch = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          batch.add(
              new Event(
                  prefix + "-" + (start + j),
                  "click",
                  "u" + ((start + j) % 97),
                  "i1",
                  Instant.parse("2026-05-01T12:00:00Z"),
                  null,
                  null,
                  1));
        }
        EventStore.AppendResult r = store.append(batch);
        StringBuilder out = new StringBuilder();
        for (Event e : batch) {
          out.append("ACK ").append(e.id()).append('\n');
        }
        out.append("BATCH ")
            .append(start)
            .append(' ')
            .append(r.written())
            .append(' ')
            .append(r.duplicates())
            .append('\n');
        System.out.print(out);
        System.out.flush();
      }
    }
  }
}
