package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kill -9 scenario against one log: a child appends in a loop and is killed with SIGKILL
 * mid-stream; a second child re-sends the last acknowledged batch and the unacknowledged one after
 * it (same ids) and more; then every acknowledged id must be in the log exactly once.
 */
public final class KillNine {

  private KillNine() {}

  /** The ids acknowledged in a child's stdout lines ({@code ACK id}). */
  public static List<String> acknowledged(List<String> lines) {
    List<String> ids = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("ACK ")) {
        ids.add(l.substring(4));
      }
    }
    return ids;
  }

  /**
   * Asserts that {@code logIds} (all ids in the log) hold each of {@code acked} and no id twice.
   */
  public static void assertExactlyOnce(List<String> logIds, List<String> acked) {
    Set<String> distinct = new HashSet<>(logIds);
    assertThat(distinct).as("ids in the log are unique").hasSize(logIds.size());
    assertThat(distinct).as("every acknowledged id is in the log").containsAll(acked);
  }

  /**
   * Runs the scenario against the log {@code spec} (which the test process must not hold open):
   * kills the first child after at least {@code killAfter} acknowledgements, restarts, and returns
   * the ids of the log in order, checked exactly-once against all acknowledgements.
   */
  public static List<String> run(String spec, int batchSize, int killAfter) throws Exception {
    List<String> acked = new ArrayList<>();
    try (ChildJvm first =
        ChildJvm.start(AppendLoop.class, spec, "e", "0", Integer.toString(batchSize), "-1")) {
      first.awaitLine(l -> l.startsWith("OPEN "));
      int n = 0;
      while (n < killAfter) {
        if (first
            .awaitLine(l -> l.startsWith("ACK ") || l.startsWith("BATCH "))
            .startsWith("ACK ")) {
          n++;
        }
      }
      first.kill();
      first.drain();
      acked.addAll(acknowledged(first.lines()));
    }
    long last = acked.stream().mapToLong(id -> Long.parseLong(id.substring(2))).max().orElseThrow();
    long resendFrom = last / batchSize * batchSize;
    int batches = 5;
    try (ChildJvm second =
        ChildJvm.start(
            AppendLoop.class,
            spec,
            "e",
            Long.toString(resendFrom),
            Integer.toString(batchSize),
            Integer.toString(batches))) {
      assertThat(second.awaitExit())
          .as("second child's exit; stderr:\n%s", second.stderr())
          .isZero();
      List<String> lines = second.lines();
      lines = new ArrayList<>(lines);
      lines.addAll(second.drain());
      acked.addAll(acknowledged(lines));
      List<String> summaries = lines.stream().filter(l -> l.startsWith("BATCH ")).toList();
      assertThat(summaries).hasSize(batches);
      // the re-sent batch was acknowledged (in part or whole), so it was committed: all duplicates
      assertThat(summaries.get(0)).isEqualTo("BATCH " + resendFrom + " 0 " + batchSize);
      // the batch in flight at the kill may or may not have been committed: either way once
      String[] inFlight = summaries.get(1).split(" ");
      assertThat(Integer.parseInt(inFlight[2]) + Integer.parseInt(inFlight[3]))
          .isEqualTo(batchSize);
      for (String s : summaries.subList(2, batches)) {
        assertThat(s).endsWith(" " + batchSize + " 0");
      }
    }
    List<String> ids;
    try (SqlEventStore store = EventStores.open(spec)) {
      ids = store.ids();
    }
    assertExactlyOnce(ids, acked);
    long end = resendFrom + (long) batches * batchSize;
    assertThat(new HashSet<>(ids))
        .as("the log holds exactly e-0 .. e-%d", end - 1)
        .isEqualTo(
            java.util.stream.LongStream.range(0, end)
                .mapToObj(i -> "e-" + i)
                .collect(java.util.stream.Collectors.toSet()));
    return ids;
  }
}
