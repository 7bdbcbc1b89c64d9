package dev.vitrina.cli.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import dev.vitrina.serve.events.Event;
import dev.vitrina.serve.events.EventStores;
import dev.vitrina.serve.events.SqlEventStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code abtest analyze --events duckdb:FILE} reads exposures and outcomes from the event log. */
class AnalyzeEventLogTest {

  static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path tmp;

  /**
   * 2000 users, even ones in control, odd ones in treatment, exposed one minute apart. Each has 4
   * impressions; the k-th user of an arm clicks 2, 1, 0, 0 times (control, mean 0.75) or 2, 1, 1, 0
   * times (treatment, mean 1.0) for k mod 4 = 0..3. Noise the analysis must leave out: a click
   * before each treatment user's exposure (pre-period), clicks of an unexposed user, a click naming
   * another experiment, and a retried exposure.
   */
  static List<Event> knownLift() {
    List<Event> out = new ArrayList<>();
    int[][] clicks = {{2, 1, 0, 0}, {2, 1, 1, 0}};
    for (int i = 0; i < 2000; i++) {
      String user = "u" + i;
      int arm = i % 2;
      Instant exposed = T0.plusSeconds(60L * i);
      out.add(
          new Event(
              "x" + i,
              "exposure",
              user,
              null,
              exposed,
              "ranker",
              arm == 0 ? "control" : "treatment",
              1));
      for (int j = 0; j < 4; j++) {
        out.add(
            new Event(
                "i" + i + "-" + j,
                "impression",
                user,
                "it" + j,
                exposed.plusSeconds(1 + j),
                null,
                null,
                1));
      }
      for (int j = 0; j < clicks[arm][(i / 2) % 4]; j++) {
        out.add(
            new Event(
                "c" + i + "-" + j,
                "click",
                user,
                "it" + j,
                exposed.plusSeconds(10 + j),
                null,
                null,
                1));
      }
      if (arm == 1) {
        out.add(
            new Event("pre" + i, "click", user, "it0", exposed.minusSeconds(30), null, null, 1));
      }
    }
    out.add(new Event("c-stranger", "click", "stranger", "it0", T0.plusSeconds(5), null, null, 1));
    out.add(new Event("c-other", "click", "u0", "it0", T0.plusSeconds(50), "other", null, 1));
    out.add(new Event("x0", "exposure", "u0", null, T0, "ranker", "control", 1));
    return out;
  }

  @Test
  void findsTheLiftInTheLogWithSrmPassing() throws Exception {
    Path log = tmp.resolve("log/events.duckdb");
    try (SqlEventStore s = EventStores.open("duckdb:" + log)) {
      assertThat(s.append(knownLift()).duplicates()).isEqualTo(1);
    }
    Captured r =
        VitrinaCli.capture(
            "abtest",
            "analyze",
            "--events",
            "duckdb:" + log,
            "--metrics",
            "clicks_per_user,ctr",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("experiment").asText()).isEqualTo("ranker");
    assertThat(j.get("source").asText()).isEqualTo("duckdb:" + log);
    assertThat(j.get("srm").get("mismatch").asBoolean()).isFalse();
    JsonNode perUser = j.get("metrics").get(0);
    assertThat(perUser.get("metric").asText()).isEqualTo("clicks_per_user");
    JsonNode c = perUser.get("comparison");
    assertThat(c.get("control").get("value").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(c.get("treatment").get("value").asDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(c.get("control").get("units").asLong()).isEqualTo(1000);
    assertThat(perUser.get("significant").asBoolean()).isTrue();
    JsonNode ctr = j.get("metrics").get(1).get("comparison");
    assertThat(ctr.get("control").get("value").asDouble()).isCloseTo(0.1875, within(1e-12));
    assertThat(ctr.get("treatment").get("value").asDouble()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void readsAPostgresLogWithoutShowingCredentials() throws Exception {
    String url = System.getenv("VITRINA_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      System.out.println(
          "PostgreSQL analyze test skipped: VITRINA_TEST_PG_URL is not set (.ci/run sets it)");
    }
    assumeTrue(url != null && !url.isBlank(), "VITRINA_TEST_PG_URL is not set");
    try (var c = java.sql.DriverManager.getConnection(url);
        var st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS events");
    }
    try (SqlEventStore s = EventStores.open(url)) {
      s.append(knownLift());
    }
    Captured r =
        VitrinaCli.capture(
            "abtest", "analyze", "--events", url, "--metrics", "clicks_per_user", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("srm").get("mismatch").asBoolean()).isFalse();
    assertThat(j.get("source").asText()).startsWith("jdbc:postgresql://").doesNotContain("?");
    JsonNode c = j.get("metrics").get(0).get("comparison");
    assertThat(c.get("treatment").get("value").asDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(r.out() + r.err()).doesNotContain("password");
  }

  @Test
  void logErrorsNameTheProblem() throws Exception {
    Captured missing =
        VitrinaCli.capture("abtest", "analyze", "--events", "duckdb:" + tmp.resolve("none.duckdb"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.duckdb does not exist");
    Path log = tmp.resolve("two.duckdb");
    try (SqlEventStore s = EventStores.open("duckdb:" + log)) {
      s.append(
          List.of(
              new Event("a", "exposure", "u1", null, T0, "one", "control", 1),
              new Event("b", "exposure", "u2", null, T0, "two", "control", 1)));
    }
    Captured several = VitrinaCli.capture("abtest", "analyze", "--events", "duckdb:" + log);
    assertThat(several.code()).isEqualTo(2);
    assertThat(several.err()).contains("several experiments [one, two]").contains("--experiment");
    Captured unknown =
        VitrinaCli.capture(
            "abtest", "analyze", "--events", "duckdb:" + log, "--experiment", "three");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--experiment three").contains("[one, two]");
  }
}
