package dev.vitrina.serve.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.serve.events.Events.Parsed;
import dev.vitrina.serve.events.Events.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsTest {

  static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  @Test
  void parsesAnArrayWithDefaults() {
    Parsed p =
        Events.fromJson(
            """
            [{"id":"e1","type":"click","user":"u1","item":42},
             {"id":"e2","type":"exposure","user":7,"experiment":"ranker","variant":"treatment",
              "time":"2026-04-30T10:00:00+02:00"},
             {"id":"e3","type":"purchase","user":"u1","item":"i9","value":23.5}]
            """,
            NOW);
    assertThat(p.errors()).isEmpty();
    assertThat(p.events())
        .containsExactly(
            new Event("e1", "click", "u1", "42", NOW, null, null, 1),
            new Event(
                "e2",
                "exposure",
                "7",
                null,
                Instant.parse("2026-04-30T08:00:00Z"),
                "ranker",
                "treatment",
                1),
            new Event("e3", "purchase", "u1", "i9", NOW, null, null, 23.5));
  }

  @Test
  void acceptsAnEventsObjectAndAnEmptyBatch() {
    assertThat(
            Events.fromJson("{\"events\":[{\"id\":\"a\",\"type\":\"click\",\"user\":\"u\"}]}", NOW)
                .events())
        .hasSize(1);
    Parsed empty = Events.fromJson("[]", NOW);
    assertThat(empty.ok()).isTrue();
    assertThat(empty.events()).isEmpty();
  }

  @Test
  void namesEveryBadFieldByIndexAndKeepsNoEvents() {
    Parsed p =
        Events.fromJson(
            """
            [{"id":"ok","type":"click","user":"u1"},
             {"type":"Click","user":"","time":"yesterday","value":"x","user_id":"u"},
             {"id":"p","type":"purchase","user":"u"},
             {"id":"x","type":"exposure","user":"u"},
             {"id":"v","type":"click","user":"u","variant":"b"},
             3]
            """,
            NOW);
    assertThat(p.events()).isEmpty();
    assertThat(p.errors())
        .extracting(Problem::parameter)
        .containsExactly(
            "events[1].user_id",
            "events[1].id",
            "events[1].type",
            "events[1].user",
            "events[1].time",
            "events[1].value",
            "events[2].value",
            "events[3].experiment",
            "events[3].variant",
            "events[4].experiment",
            "events[5].event");
    Problem time = p.errors().get(4);
    assertThat(time.value()).isEqualTo("yesterday");
    assertThat(time.message()).contains("ISO-8601").contains("2026-05-01T12:00:00Z");
    assertThat(p.errors().get(0).message()).contains("unknown field 'user_id'");
  }

  @Test
  void refusesABodyThatIsNoBatch() {
    assertThat(Events.fromJson("{\"id\":\"a\"}", NOW).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.parameter()).isEqualTo("body");
              assertThat(e.message()).contains("JSON array of events");
            });
    assertThat(Events.fromJson("[{", NOW).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not valid JSON"));
    assertThat(Events.fromJson("", NOW).errors())
        .singleElement()
        .extracting(Problem::index)
        .isEqualTo(-1);
  }

  @Test
  void refusesOversizedBatchesAndIds() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i <= Events.MAX_BATCH; i++) {
      b.append(i == 0 ? "" : ",").append("{}");
    }
    assertThat(Events.fromJson(b.append(']').toString(), NOW).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at most 10000 events"));
    String longId = "x".repeat(201);
    assertThat(
            Events.fromJson("[{\"id\":\"" + longId + "\",\"type\":\"click\",\"user\":\"u\"}]", NOW)
                .errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("201 characters"));
  }
}
