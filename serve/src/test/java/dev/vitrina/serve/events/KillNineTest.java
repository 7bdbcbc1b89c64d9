package dev.vitrina.serve.events;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL mid-stream loses no acknowledged event and duplicates none. */
class KillNineTest {

  @TempDir Path dir;

  @Test
  void duckDbKeepsEveryAcknowledgedEventExactlyOnce() throws Exception {
    KillNine.run("duckdb:" + dir.resolve("events.duckdb"), 10, 300);
  }

  @Test
  void postgresKeepsEveryAcknowledgedEventExactlyOnce() throws Exception {
    String url = PostgresEventStoreTest.url();
    assumeTrue(url != null, PostgresEventStoreTest.ENV + " is not set");
    PostgresEventStoreTest.dropTable(url);
    KillNine.run(url, 10, 300);
  }
}
