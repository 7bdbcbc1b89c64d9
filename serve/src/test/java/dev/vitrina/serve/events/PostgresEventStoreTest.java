package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs against the PostgreSQL server named by {@code VITRINA_TEST_PG_URL} (set by .ci/run). */
class PostgresEventStoreTest extends EventStoreContract {

  static final String ENV = "VITRINA_TEST_PG_URL";

  /** The test server's URL, or null (then the PostgreSQL tests are skipped, saying why). */
  static String url() {
    String u = System.getenv(ENV);
    if (u == null || u.isBlank()) {
      System.out.println(
          "PostgreSQL event-log tests skipped: "
              + ENV
              + " is not set (.ci/run starts a server and sets it)");
      return null;
    }
    return u;
  }

  /** Empties the log table of the test database. */
  static void dropTable(String url) throws Exception {
    try (var c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS events");
    }
  }

  @BeforeAll
  static void announce() {
    assumeTrue(url() != null, ENV + " is not set");
  }

  @BeforeEach
  void clean() throws Exception {
    dropTable(url());
  }

  @Override
  SqlEventStore newStore() throws Exception {
    return EventStores.open(url());
  }

  @Override
  SqlEventStore reopen() throws Exception {
    return newStore();
  }

  @Test
  void describeHidesCredentials() throws Exception {
    try (SqlEventStore s = newStore()) {
      assertThat(s.describe()).startsWith("jdbc:postgresql://").doesNotContain("password");
    }
  }
}
