package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path tmp;

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  @Test
  void helpEverywhereAndUsageErrorsExitWith2() {
    assertThat(run("--help").code()).isZero();
    for (String cmd : new String[] {"demo", "generate", "features"}) {
      Captured r = run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: vitrina " + cmd);
    }
    assertThat(run("no-such-command").code()).isEqualTo(2);
    assertThat(run("generate").code()).isEqualTo(2); // --out missing
    Captured bad = run("generate", "--preset", "huge", "--out", tmp.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown preset 'huge'");
  }

  @Test
  void generateThenFeaturesAsJson() throws Exception {
    Path data = tmp.resolve("data");
    Captured g =
        run("generate", "--preset", "tiny", "--seed", "3", "--out", data.toString(), "--json");
    assertThat(g.code()).as(g.err()).isZero();
    JsonNode gj = Json.mapper().readTree(g.out());
    assertThat(gj.get("series").asInt()).isEqualTo(180);
    assertThat(Files.exists(data.resolve("sales.parquet"))).isTrue();

    Path out = tmp.resolve("f.parquet");
    Captured f =
        run(
            "features",
            "--data",
            data.toString(),
            "--level",
            "item,city",
            "--freq",
            "week",
            "--lags",
            "1..4",
            "--windows",
            "4",
            "--out",
            out.toString(),
            "--json");
    assertThat(f.code()).as(f.err()).isZero();
    JsonNode fj = Json.mapper().readTree(f.out());
    assertThat(fj.get("rows_rejected").asLong()).isZero();
    assertThat(fj.get("growth_factor").asDouble()).isGreaterThan(0);
    assertThat(fj.get("features").toString()).contains("lag_4", "roll_max_4", "week_of_year");
    assertThat(Files.exists(out)).isTrue();

    Captured badLags =
        run("features", "--data", data.toString(), "--lags", "1..7,-7", "--out", out.toString());
    assertThat(badLags.code()).isEqualTo(2);
    assertThat(badLags.err()).contains("lags must be positive, got -7");

    Captured badLevel =
        run(
            "features",
            "--data",
            data.toString(),
            "--level",
            "item,planet",
            "--out",
            out.toString());
    assertThat(badLevel.code()).isEqualTo(2);
    assertThat(badLevel.err()).contains("--level column 'planet'").contains("city");
  }

  @Test
  void badSalesRowsAreCountedAndNamedByFileRowAndColumn() throws Exception {
    Path csv = tmp.resolve("sales.csv");
    Files.writeString(
        csv,
        "store_id,item_id,date,qty\n"
            + "S1,I1,2024-01-01,3\n"
            + "S1,I1,2024-13-01,2\n"
            + "S1,I2,2024-01-02,-1\n"
            + "S1,I1,2024-01-03,x\n"
            + "S1,I1,2024-01-01,1\n");
    Captured r =
        run(
            "features",
            "--sales",
            csv.toString(),
            "--out",
            tmp.resolve("f.parquet").toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("rows_read").asLong()).isEqualTo(5);
    assertThat(j.get("rows_rejected").asLong()).isEqualTo(3);
    assertThat(j.get("duplicates_summed").asLong()).isEqualTo(1);
    // one series observed on one day, completed to the last date (2024-01-01): one cell
    assertThat(j.get("panel_rows").asLong()).isEqualTo(1);
    assertThat(j.get("growth_factor").asDouble()).isEqualTo(1.0);
    JsonNode first = j.get("issues").get(0);
    assertThat(first.get("file").asText()).isEqualTo(csv.toString());
    assertThat(first.get("row").asLong()).isEqualTo(3);
    assertThat(first.get("column").asText()).isEqualTo("date");
    assertThat(j.get("issues").toString()).contains("\"column\":\"qty\"");

    Captured strict =
        run(
            "features",
            "--sales",
            csv.toString(),
            "--on-invalid=fail",
            "--out",
            tmp.resolve("g.parquet").toString());
    assertThat(strict.code()).isNotZero();
    assertThat(strict.err()).contains(csv.toString()).contains("line 3").contains("date");
    assertThat(Files.exists(tmp.resolve("g.parquet"))).isFalse();
  }

  @Test
  void demoRunsEveryStepOnTheTinyPresetAndReportsOneJsonObject() throws Exception {
    Path out = tmp.resolve("demo");
    Captured r = run("demo", "--preset", "tiny", "--seed", "5", "--out", out.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("features").get("panel_rows").asLong())
        .isGreaterThan(j.get("generate").get("sales_rows").asLong());
    JsonNode runs = j.get("forecast").get("runs");
    assertThat(runs).hasSize(3);
    for (JsonNode run : runs) {
      assertThat(run.get("wrmsse").asDouble()).as(run.get("model").asText()).isPositive();
    }
    JsonNode models = j.get("recs").get("models");
    assertThat(models).hasSize(4);
    // planted interests: every learned model beats popularity on NDCG
    double popular = models.get(0).get("metrics").get("ndcg").get("mean").asDouble();
    for (int m = 1; m < 4; m++) {
      assertThat(models.get(m).get("metrics").get("ndcg").get("mean").asDouble())
          .as(models.get(m).get("model").asText())
          .isGreaterThan(popular);
    }
    assertThat(j.get("abtest").get("plan").get("total_units").asLong()).isEqualTo(284_055);
    assertThat(j.get("abtest").get("analysis").get("srm").get("mismatch").asBoolean()).isFalse();
    // the live A/B test: every simulated user exposed once, all clicks logged, no SRM
    JsonNode live = j.get("live_abtest");
    JsonNode users = live.get("traffic").get("users");
    long exposed = 0;
    long clicks = 0;
    for (JsonNode v : users) {
      exposed += v.asLong();
    }
    for (JsonNode v : live.get("traffic").get("clicks")) {
      clicks += v.asLong();
    }
    assertThat(users.size()).isEqualTo(2);
    assertThat(live.get("traffic").get("written").asLong()).isEqualTo(clicks).isPositive();
    assertThat(live.get("analysis").get("srm").get("mismatch").asBoolean()).isFalse();
    long analyzed = 0;
    for (JsonNode v : live.get("analysis").get("srm").get("observed")) {
      analyzed += v.asLong();
    }
    assertThat(analyzed).isEqualTo(exposed);
    assertThat(Files.exists(out.resolve("live/abtest.html"))).isTrue();
    JsonNode requests = j.get("requests");
    assertThat(requests.get("recommend").get("items").get(0).get("reasons")).isNotEmpty();
    assertThat(requests.get("page").get("duplicates_in_view").asInt()).isZero();
    assertThat(requests.get("page").get("rows").size()).isPositive();
    assertThat(requests.get("trigger").get("stages").toString()).contains("trigger");
    JsonNode delivery = requests.get("delivery");
    assertThat(delivery.get("items")).isNotEmpty();
    for (JsonNode it : delivery.get("items")) {
      JsonNode why = it.get("reasons").get(0);
      assertThat(why.get("kind").asText()).isEqualTo("distance");
      assertThat(why.get("km").asDouble()).isLessThanOrEqualTo(5.0);
      assertThat(why.get("eta_min").asDouble()).isPositive();
    }
    for (String f :
        new String[] {
          "forecast.html", "recs.html", "abtest.html", "features.parquet", "page.html"
        }) {
      assertThat(Files.exists(out.resolve(f))).as(f).isTrue();
    }
  }
}
