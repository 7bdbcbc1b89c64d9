package dev.vitrina.serve.http;

import static dev.vitrina.serve.http.VitrinaServerTest.get;
import static dev.vitrina.serve.http.VitrinaServerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceModel;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.forecast.marketplace.MarketplaceTrainer;
import dev.vitrina.serve.forecast.ForecastTable;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/forecast} over a seasonal-naive model of the tiny marketplace. */
class ForecastRouteTest {

  @TempDir static Path dir;
  static MarketplaceHistory history;
  static double[] want;
  static int origin;
  static String store;
  static String item;
  static ForecastTable table;

  VitrinaServer server;

  @BeforeAll
  static void fit() throws Exception {
    Path data = dir.resolve("data");
    new MarketplaceGenerator(Preset.TINY, 3).generate(data, Progress.silent());
    history = MarketplaceHistory.load(data);
    origin = history.lastDay() + 1;
    MarketplaceSpec spec = MarketplaceSpec.of(Level.parse("store,item"), Freq.DAY, 14, "snaive");
    try (MarketplaceModel m =
        new MarketplaceTrainer(spec).fit(history, origin, Progress.silent())) {
      want = m.forecast(history, origin).bottom();
      m.save(dir.resolve("model"));
    }
    table = ForecastTable.compute(dir.resolve("model"), data);
    Panel p = history.bottom();
    int s = 1; // the second series
    store =
        p.keyDictionary(p.keyColumns().indexOf("store"))[
            p.keyCodes(p.keyColumns().indexOf("store"))[s]];
    item =
        p.keyDictionary(p.keyColumns().indexOf("item"))[
            p.keyCodes(p.keyColumns().indexOf("item"))[s]];
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  VitrinaServer start(ForecastTable t) {
    server =
        VitrinaServer.builder(Live.fixed(TinyModels.loaded(TinyModels.model(1), "v1")))
            .forecasts(t)
            .build()
            .start();
    return server;
  }

  @Test
  void aSeriesIsAnsweredFromTheSavedModelDayByDay() throws Exception {
    VitrinaServer s = start(table);
    LocalDate day0 = LocalDate.ofEpochDay(origin);
    HttpResponse<String> r = get(s, "/v1/forecast?store=" + store + "&item=" + item);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode days = json(r).path("days");
    assertThat(days).hasSize(14);
    for (int d = 0; d < 14; d++) {
      assertThat(days.get(d).path("date").asText()).isEqualTo(day0.plusDays(d).toString());
      assertThat(days.get(d).path("forecast").asDouble()).isEqualTo(want[14 + d]);
    }
    JsonNode window =
        json(get(
                s,
                "/v1/forecast?store="
                    + store
                    + "&item="
                    + item
                    + "&from="
                    + day0.plusDays(3)
                    + "&days=2"))
            .path("days");
    assertThat(window).hasSize(2);
    assertThat(window.get(0).path("forecast").asDouble()).isEqualTo(want[14 + 3]);
    // from without days: to the end of the window
    assertThat(
            json(get(
                    s,
                    "/v1/forecast?store=" + store + "&item=" + item + "&from=" + day0.plusDays(10)))
                .path("days"))
        .hasSize(4);
  }

  @Test
  void badRequestsNameTheParameterAndTheWindow() throws Exception {
    VitrinaServer s = start(table);
    LocalDate day0 = LocalDate.ofEpochDay(origin);
    HttpResponse<String> r = get(s, "/v1/forecast?item=" + item + "&from=yesterday");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"store\"").contains("\"from\"");
    r = get(s, "/v1/forecast?store=" + store + "&item=" + item + "&from=" + day0.minusDays(1));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("forecast window " + day0);
    r =
        get(
            s,
            "/v1/forecast?store="
                + store
                + "&item="
                + item
                + "&from="
                + day0.plusDays(10)
                + "&days=5");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"days\"").contains("at most 4");
    r = get(s, "/v1/forecast?store=" + store + "&item=no-such-item");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("no series for this store and item");
  }

  @Test
  void withoutAForecastModelTheRouteIs503SayingHowToLoadOne() throws Exception {
    VitrinaServer s = start(null);
    HttpResponse<String> r = get(s, "/v1/forecast?store=" + store + "&item=" + item);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("--forecast-model");
  }
}
