package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.serve.events.EventStore.AppendResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every event store does, run against each implementation. */
abstract class EventStoreContract {

  /** A fresh, empty store. */
  abstract SqlEventStore newStore() throws Exception;

  /** The same log opened again (after the first store is closed). */
  abstract SqlEventStore reopen() throws Exception;

  static Event click(String id, String user) {
    return new Event(id, "click", user, "i1", Instant.parse("2026-05-01T12:00:00Z"), null, null, 1);
  }

  @Test
  void appendsCountsAndReadsBack() throws Exception {
    try (SqlEventStore s = newStore()) {
      Event e =
          new Event(
              "e1",
              "purchase",
              "u1",
              "i7",
              Instant.parse("2026-05-01T12:00:00.123456Z"),
              "ranker",
              "treatment",
              23.5);
      assertThat(s.append(List.of(e, click("e2", "u2")))).isEqualTo(new AppendResult(2, 0));
      assertThat(s.count()).isEqualTo(2);
      assertThat(s.ids()).containsExactly("e1", "e2");
      List<String> rows = new ArrayList<>();
      s.query(
          "SELECT type, user_id, item_id, ts, experiment, variant, value FROM events WHERE id = ?",
          r ->
              rows.add(
                  r.getString(1)
                      + "|"
                      + r.getString(2)
                      + "|"
                      + r.getString(3)
                      + "|"
                      + SqlEventStore.instant(r.getObject(4, java.time.LocalDateTime.class))
                      + "|"
                      + r.getString(5)
                      + "|"
                      + r.getString(6)
                      + "|"
                      + r.getDouble(7)),
          "e1");
      assertThat(rows)
          .containsExactly("purchase|u1|i7|2026-05-01T12:00:00.123456Z|ranker|treatment|23.5");
    }
  }

  @Test
  void skipsAndCountsDuplicatesAcrossAndWithinBatches() throws Exception {
    try (SqlEventStore s = newStore()) {
      assertThat(s.append(List.of(click("a", "u1"), click("b", "u1"))))
          .isEqualTo(new AppendResult(2, 0));
      // a retry of "a" with other fields, "c" twice within the batch
      assertThat(s.append(List.of(click("a", "u9"), click("c", "u1"), click("c", "u1"))))
          .isEqualTo(new AppendResult(1, 2));
      assertThat(s.append(List.of())).isEqualTo(new AppendResult(0, 0));
      assertThat(s.ids()).containsExactly("a", "b", "c");
      List<String> users = new ArrayList<>();
      s.query("SELECT user_id FROM events WHERE id = 'a'", r -> users.add(r.getString(1)));
      assertThat(users).containsExactly("u1");
    }
  }

  @Test
  void countsDuplicatesInBatchesLargerThanOneStatement() throws Exception {
    try (SqlEventStore s = newStore()) {
      List<Event> first = new ArrayList<>();
      for (int i = 0; i < 1200; i += 12) {
        first.add(click("e" + i, "u"));
      }
      assertThat(s.append(first)).isEqualTo(new AppendResult(100, 0));
      List<Event> all = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        all.add(click("e" + i, "u"));
      }
      assertThat(s.append(all)).isEqualTo(new AppendResult(1100, 100));
      assertThat(s.count()).isEqualTo(1200);
    }
  }

  @Test
  void survivesReopening() throws Exception {
    try (SqlEventStore s = newStore()) {
      s.append(List.of(click("a", "u1")));
    }
    try (SqlEventStore s = reopen()) {
      assertThat(s.ids()).containsExactly("a");
      assertThat(s.append(List.of(click("a", "u1"), click("b", "u1"))))
          .isEqualTo(new AppendResult(1, 1));
    }
  }

  @Test
  void concurrentAppendsOfOverlappingIdsWriteEachOnce() throws Exception {
    try (SqlEventStore s = newStore()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<AppendResult>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          fs.add(
              pool.submit(
                  () -> {
                    List<Event> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                      batch.add(click("e" + i, "u" + i));
                    }
                    return s.append(batch);
                  }));
        }
        int written = 0;
        int dups = 0;
        for (Future<AppendResult> f : fs) {
          written += f.get().written();
          dups += f.get().duplicates();
        }
        assertThat(written).isEqualTo(50);
        assertThat(dups).isEqualTo(8 * 50 - 50);
        assertThat(s.count()).isEqualTo(50);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void lagIsIngestionMinusEventTime() throws Exception {
    try (SqlEventStore s = newStore()) {
      assertThat(s.lagSeconds()).isZero();
      s.append(
          List.of(
              new Event(
                  "old",
                  "click",
                  "u1",
                  null,
                  Instant.parse("2000-01-01T00:00:00Z"),
                  null,
                  null,
                  1)));
      assertThat(s.lagSeconds()).isGreaterThan(365 * 86400.0);
    }
  }
}
