package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventStoreTest extends EventStoreContract {

  @TempDir Path dir;

  @Override
  SqlEventStore newStore() throws Exception {
    return EventStores.open("duckdb:" + dir.resolve("logs/events.duckdb"));
  }

  @Override
  SqlEventStore reopen() throws Exception {
    return newStore();
  }

  @Test
  void createsParentFoldersAndDescribesItself() throws Exception {
    Path f = dir.resolve("a/b/events.duckdb");
    try (SqlEventStore s = EventStores.open("duckdb:" + f)) {
      assertThat(Files.isRegularFile(f)).isTrue();
      assertThat(s.describe()).isEqualTo("duckdb:" + f);
    }
  }

  @Test
  void readerNeedsAnExistingLogAndDoesNotWrite() throws Exception {
    Path f = dir.resolve("events.duckdb");
    assertThatThrownBy(() -> EventStores.openForReading("duckdb:" + f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f + " does not exist");
    try (SqlEventStore s = EventStores.open("duckdb:" + f)) {
      s.append(List.of(click("a", "u1")));
    }
    try (SqlEventStore r = EventStores.openForReading("duckdb:" + f)) {
      assertThat(r.ids()).containsExactly("a");
      assertThatThrownBy(() -> r.append(List.of(click("b", "u1"))))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void readerRefusesADatabaseWithoutTheTable() throws Exception {
    Path f = dir.resolve("other.duckdb");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + f);
        var st = c.createStatement()) {
      st.execute("CREATE TABLE t (x INT)");
    }
    assertThatThrownBy(() -> EventStores.openForReading("duckdb:" + f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no table 'events'");
  }
}
