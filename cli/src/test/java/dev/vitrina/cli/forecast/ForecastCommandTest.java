package dev.vitrina.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast commands end to end on the {@code tiny} preset (180 series, 180 days). */
class ForecastCommandTest {

  @TempDir static Path tmp;
  static Path data;

  /** Small, fast LightGBM settings for tests. */
  static final String[] FAST = {
    "--horizon",
    "14",
    "--train-days",
    "70",
    "--valid-days",
    "14",
    "--rounds",
    "30",
    "--leaves",
    "15",
    "--threads",
    "1",
    "--early-stopping",
    "5"
  };

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  /** {@code a} followed by the fast LightGBM options. */
  static String[] fast(String... a) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(FAST));
    return l.toArray(String[]::new);
  }

  @BeforeAll
  static void generate() {
    data = tmp.resolve("data");
    Captured g =
        run("generate", "--preset", "tiny", "--seed", "7", "--out", data.toString(), "--json");
    assertThat(g.code()).as(g.err()).isZero();
  }

  @Test
  void backtestTwoModelsAsJsonWithReport() throws Exception {
    Path report = tmp.resolve("bt.html");
    Captured r =
        run(
            fast(
                "forecast",
                "backtest",
                "--data",
                data.toString(),
                "--level",
                "item,city",
                "--folds",
                "2",
                "--model",
                "lgbm,snaive",
                "--report",
                report.toString(),
                "--series-in-report",
                "2",
                "--json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("runs")).hasSize(2);
    for (JsonNode run : j.get("runs")) {
      assertThat(run.get("level").asText()).isEqualTo("item,city");
      assertThat(run.get("wrmsse").asDouble()).isPositive().isLessThan(10);
      assertThat(run.get("wape").asDouble()).isPositive().isLessThan(10);
      assertThat(run.get("folds")).hasSize(2);
    }
    assertThat(j.get("runs").get(0).get("model").asText()).isEqualTo("lgbm");
    assertThat(j.get("runs").get(1).get("model").asText()).isEqualTo("snaive");
    String html = Files.readString(report);
    assertThat(html).contains("<svg").contains("snaive").contains("WRMSSE");
    assertThat(html.split("<svg", -1)).hasSize(3); // two charts
    assertNoTempLeft(tmp);
  }

  @Test
  void trainThenPredictWritesEveryStoreItemDay() throws Exception {
    Path model = tmp.resolve("model");
    Captured t =
        run(
            fast(
                "forecast",
                "train",
                "--data",
                data.toString(),
                "--level",
                "item,state",
                "--direct-groups",
                "7,14",
                "--out",
                model.toString(),
                "--json"));
    assertThat(t.code()).as(t.err()).isZero();
    JsonNode tj = Json.mapper().readTree(t.out());
    assertThat(tj.get("models").asInt()).isEqualTo(2);
    assertThat(Files.exists(model.resolve("v1").resolve("manifest.json"))).isTrue();
    assertThat(Files.exists(model.resolve("v1").resolve("gbm-1").resolve("model.txt"))).isTrue();

    Path out = tmp.resolve("fc.parquet");
    Captured p =
        run(
            "forecast",
            "predict",
            "--data",
            data.toString(),
            "--model-dir",
            model.toString(),
            "--out",
            out.toString(),
            "--json");
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode pj = Json.mapper().readTree(p.out());
    // every store x item series with a sale in the data (the tiny preset has 180 pairs, some of
    // which never sell)
    int series = pj.get("series").asInt();
    assertThat(series).isBetween(150, 180);
    assertThat(pj.get("rows").asLong()).isEqualTo(series * 14L);
    try (ParquetReader r = ParquetReader.open(out)) {
      assertThat(r.numRows()).isEqualTo(series * 14L);
      StringColumn store = (StringColumn) r.readColumn("store_id");
      StringColumn item = (StringColumn) r.readColumn("item_id");
      FloatColumn f = (FloatColumn) r.readColumn("forecast");
      Set<String> pairs = new HashSet<>();
      double sum = 0;
      for (int i = 0; i < r.numRows(); i++) {
        pairs.add(store.get(i) + "|" + item.get(i));
        assertThat(f.get(i)).isFinite().isGreaterThanOrEqualTo(0f);
        sum += f.get(i);
      }
      assertThat(pairs).hasSize(series);
      assertThat(sum).isCloseTo(pj.get("total_forecast").asDouble(), within(1e-3 * sum + 1e-6));
      assertThat(sum).isPositive();
    }
    // the same trained model gives the same forecasts again
    Path out2 = tmp.resolve("fc2.parquet");
    assertThat(
            run(
                    "forecast",
                    "predict",
                    "--data",
                    data.toString(),
                    "--model-dir",
                    model.toString(),
                    "--out",
                    out2.toString(),
                    "--json")
                .code())
        .isZero();
    assertThat(Files.readAllBytes(out2)).isEqualTo(Files.readAllBytes(out));
    assertNoTempLeft(tmp);
  }

  @Test
  void predictBaselineAtAnEarlierOrigin() throws Exception {
    Path out = tmp.resolve("snaive.parquet");
    Captured p =
        run(
            "forecast",
            "predict",
            "--data",
            data.toString(),
            "--model",
            "snaive",
            "--horizon",
            "7",
            "--origin",
            "2015-05-04",
            "--out",
            out.toString(),
            "--json");
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode pj = Json.mapper().readTree(p.out());
    assertThat(pj.get("origin").asText()).isEqualTo("2015-05-04");
    assertThat(pj.get("rows").asLong()).isEqualTo(pj.get("series").asInt() * 7L);
    assertThat(pj.get("series").asInt()).isBetween(150, 180);
  }

  @Test
  void badInputExitsWith2AndNamesTheParameter() {
    Captured m = run("forecast", "backtest", "--data", data.toString(), "--model", "prophet");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("error: --model ").contains("prophet");
    Captured w =
        run("forecast", "backtest", "--data", data.toString(), "--freq", "week", "--horizon", "10");
    assertThat(w.code()).isEqualTo(2);
    assertThat(w.err()).contains("error: --horizon ").contains("multiple of 7");
    Captured both =
        run(
            "forecast",
            "predict",
            "--data",
            data.toString(),
            "--model",
            "snaive",
            "--model-dir",
            tmp.toString(),
            "--out",
            tmp.resolve("x.parquet").toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of --model-dir");
    Captured folds = run("forecast", "backtest", "--data", data.toString(), "--folds", "40");
    assertThat(folds.code()).isEqualTo(2);
    assertThat(folds.err()).contains("error: --folds of 40 ").contains("use fewer folds");
    Captured late =
        run(
            "forecast",
            "predict",
            "--data",
            data.toString(),
            "--model",
            "croston",
            "--origin",
            "2030-01-01",
            "--out",
            tmp.resolve("y.parquet").toString());
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.err())
        .contains("error: --origin ")
        .contains("2030-01-01")
        .contains("forecast from at most");
    Captured rec =
        run(
            "forecast",
            "backtest",
            "--data",
            data.toString(),
            "--recursive",
            "--direct-groups",
            "14,28");
    assertThat(rec.code()).isEqualTo(2);
    assertThat(rec.err()).contains("error: --recursive ").contains("[14, 28]");
    assertThat(Files.exists(tmp.resolve("x.parquet"))).isFalse();
  }

  @Test
  void seriesBacktestOnAWideCsv() throws Exception {
    Path csv = tmp.resolve("parts.csv");
    StringBuilder b = new StringBuilder("Part");
    for (int t = 0; t < 30; t++) {
      b.append(",m").append(t);
    }
    b.append('\n');
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int s = 0; s < 40; s++) {
      b.append("p").append(s);
      int len = s % 5 == 0 ? 26 : 30; // some series stop early
      for (int t = 0; t < 30; t++) {
        b.append(',');
        if (t < len) {
          b.append(rnd.nextDouble() < 0.3 ? rnd.nextInt(1, 5) : 0);
        }
      }
      b.append('\n');
    }
    Files.writeString(csv, b);
    Captured r =
        run(
            "forecast",
            "series-backtest",
            "--csv",
            csv.toString(),
            "--horizon",
            "3",
            "--folds",
            "2",
            "--rounds",
            "20",
            "--threads",
            "1",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("models")).hasSize(8);
    for (JsonNode m : j.get("models")) {
      assertThat(m.get("mase").asDouble()).as(m.toString()).isPositive().isLessThan(20);
      // origins 26 and 27: the 8 series that stop after 26 periods lack actuals after either
      assertThat(m.get("scored_pairs").asInt()).isEqualTo(32 + 32);
    }
    Captured leaves = run("forecast", "series-backtest", "--csv", csv.toString(), "--leaves", "1");
    assertThat(leaves.code()).isEqualTo(2);
    assertThat(leaves.err()).contains("error: --leaves must be >= 2, got 1");
    Captured rounds = run("forecast", "series-backtest", "--csv", csv.toString(), "--rounds", "0");
    assertThat(rounds.code()).isEqualTo(2);
    assertThat(rounds.err()).contains("error: --rounds must be >= 1, got 0");
    Files.writeString(csv, "Part,a,b,c\nx,1,,2\n");
    Captured bad = run("forecast", "series-backtest", "--csv", csv.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("line 2").contains("column 4");
  }

  @Test
  void helpListsTheSubcommands() {
    Captured h = run("forecast", "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("backtest").contains("train").contains("predict");
  }

  private static void assertNoTempLeft(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp"))).isEmpty();
    }
  }
}
