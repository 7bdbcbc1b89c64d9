package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventStoresTest {

  @Test
  void refusesUnknownSpecsNamingTheAcceptedForms() {
    assertThatThrownBy(() -> EventStores.open("events.duckdb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'events.duckdb' is not supported")
        .hasMessageContaining("duckdb:FILE")
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> EventStores.open("duckdb:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no file");
  }

  @Test
  void neverShowsCredentials() {
    assertThatThrownBy(() -> EventStores.open("jdbc:mysql://bob:s3cret@db:3306/x?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://db:3306/x")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("bob");
    assertThat(JdbcEventStore.redact("jdbc:postgresql://u:p@h:5432/db?user=u&password=p"))
        .isEqualTo("jdbc:postgresql://h:5432/db");
    assertThat(JdbcEventStore.redact("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void unreachableServerFailsWithoutCredentials() {
    // port 1 on loopback: nothing listens, the connection is refused at once
    assertThatThrownBy(
            () -> EventStores.open("jdbc:postgresql://127.0.0.1:1/db?user=u&password=s3cret"))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/db")
        .hasMessageNotContaining("s3cret");
  }
}
