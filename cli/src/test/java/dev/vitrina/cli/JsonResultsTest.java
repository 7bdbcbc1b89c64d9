package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.features.FeaturePipeline;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesColumns;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.experiments.analysis.AnalysisSpec;
import dev.vitrina.experiments.analysis.ExperimentAnalyzer;
import dev.vitrina.experiments.analysis.MetricDefinition;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.plan.Baseline;
import dev.vitrina.experiments.plan.Effect;
import dev.vitrina.experiments.plan.PlanResult;
import dev.vitrina.experiments.plan.PlanSpec;
import dev.vitrina.forecast.backtest.BacktestSpec;
import dev.vitrina.forecast.backtest.BaselineModel;
import dev.vitrina.forecast.backtest.MarketplaceBacktest;
import dev.vitrina.forecast.backtest.SeriesBacktest;
import dev.vitrina.forecast.backtest.WideCsv;
import dev.vitrina.forecast.baseline.SeriesForecaster;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.parquet.Codec;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.DelimitedFormat;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.InteractionsReader;
import dev.vitrina.recs.eval.EvalOptions;
import dev.vitrina.recs.eval.EvaluationReport;
import dev.vitrina.recs.eval.Evaluator;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.Trainer;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command's {@code --json} output is the {@link Json} of the library's result record (what a
 * service returns for the same call); a command may add its run's context (input, report file,
 * total time) beside the record's fields. Times and memory differ from run to run and are compared
 * by presence only.
 */
class JsonResultsTest {

  @TempDir static Path tmp;

  static Path data;

  @BeforeAll
  static void generate() {
    data = tmp.resolve("data");
    Captured g =
        VitrinaCli.capture(
            "generate", "--preset", "tiny", "--seed", "4", "--out", data.toString(), "--json");
    assertThat(g.code()).as(g.err()).isZero();
  }

  private static JsonNode json(String... args) throws Exception {
    Captured r = VitrinaCli.capture(args);
    assertThat(r.code()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }

  /** A copy with every time and memory figure set to 0 (their keys stay). */
  private static JsonNode masked(JsonNode n) {
    JsonNode c = n.deepCopy();
    mask(c);
    return c;
  }

  private static void mask(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.endsWith("seconds") || k.endsWith("_mb")) {
          o.put(k, 0);
        } else {
          mask(o.get(k));
        }
      }
    } else if (n.isArray()) {
      n.forEach(JsonResultsTest::mask);
    }
  }

  /** {@code n} without the {@code keys} a command adds around the library's record. */
  private static JsonNode without(JsonNode n, String... keys) {
    ObjectNode c = n.deepCopy();
    for (String k : keys) {
      assertThat(c.has(k)).as("key %s", k).isTrue();
      c.remove(k);
    }
    return c;
  }

  @Test
  void planSampleSizeIsThePlanResult() throws Exception {
    JsonNode out =
        json(
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--mde",
            "0.05",
            "--relative",
            "--split",
            "70/30",
            "--daily-units",
            "5000",
            "--json");
    PlanSpec spec = PlanSpec.of(Baseline.proportion(0.05)).withSplit(List.of(70.0, 30.0));
    PlanResult lib = PlanResult.sampleSize(spec, new Effect(0.05, true), 5000.0);
    assertThat(out).isEqualTo(Json.toTree(lib));
    assertThat(out.get("mode").asText()).isEqualTo("sample_size");
    assertThat(out.get("metric").asText()).isEqualTo("proportion");
    assertThat(out.get("total_units").asLong()).isEqualTo(284_055);
    assertThat(out.get("days").asLong()).isEqualTo(57); // 284,055 / 5,000 rounded up
    assertThat(out.get("note").isNull()).isTrue();
  }

  @Test
  void planMdeOnAZeroBaselineIsThePlanResultWithItsNote() throws Exception {
    JsonNode out =
        json(
            "abtest",
            "plan",
            "--metric",
            "mean",
            "--baseline",
            "0",
            "--sd",
            "2",
            "--units",
            "10000",
            "--json");
    PlanResult lib =
        PlanResult.mde(PlanSpec.of(Baseline.mean(0, 2)).withSplit(List.of(50.0, 50.0)), 10_000);
    assertThat(out).isEqualTo(Json.toTree(lib));
    assertThat(out.get("mode").asText()).isEqualTo("mde");
    // undefined relative MDE (NaN) and fields of the other mode are written as null, not dropped
    assertThat(out.get("mde_relative").isNull()).isTrue();
    assertThat(out.get("exact_total").isNull()).isTrue();
    assertThat(out.get("alternative").isNull()).isTrue();
    assertThat(out.get("note").asText()).contains("baseline 0.0 is not positive");
    assertThat(out.get("units_per_arm").get(0).asDouble()).isEqualTo(5000.0);
  }

  @Test
  void analyzeIsTheAnalysisResult() throws Exception {
    Path ev = tmp.resolve("events.csv");
    json(
        "abtest",
        "simulate-events",
        "--out",
        ev.toString(),
        "--users",
        "4000",
        "--days",
        "3",
        "--split",
        "70/30",
        "--seed",
        "9",
        "--json");
    JsonNode out =
        json(
            "abtest",
            "analyze",
            "--events",
            ev.toString(),
            "--weights",
            "70/30",
            "--cuped",
            "--json");
    ExperimentData d = ExperimentData.read(ev, ExperimentData.ReadOptions.defaults());
    boolean events = d.format() == ExperimentData.Format.EVENTS;
    List<MetricDefinition> defs =
        List.of(
            MetricDefinition.builtin("ctr", events),
            MetricDefinition.builtin("conversion", events),
            MetricDefinition.builtin("revenue_per_user", events));
    AnalysisSpec spec =
        AnalysisSpec.of(defs)
            .withDesign(Experiment.parseVariants("70/30"))
            .withCuped(new AnalysisSpec.CupedOptions(true, Map.of()));
    assertThat(out).isEqualTo(Json.toTree(ExperimentAnalyzer.analyze(d, spec)));
    assertThat(out.get("metrics").get(1).get("kind").asText()).isEqualTo("proportion");
  }

  @Test
  void featuresIsThePipelineSummary() throws Exception {
    Path file = tmp.resolve("features.parquet");
    JsonNode out = json("features", "--data", data.toString(), "--out", file.toString(), "--json");
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            data,
            null,
            new SalesReadOptions(
                new SalesColumns("store_id", "item_id", "date", "qty", "price", "promo"),
                SalesReadOptions.OnDuplicate.SUM,
                SalesReadOptions.OnInvalid.REJECT,
                ',',
                false),
            new PanelOptions(Level.parse("store,item"), Freq.DAY, null, null, 0),
            new FeatureSpec(
                FeatureSpec.parseLags("1..7,14,21,28"),
                true,
                new int[] {7, 14, 28, 56},
                true,
                true,
                1),
            file,
            Codec.SNAPPY,
            1 << 20);
    FeaturePipeline.Summary lib = FeaturePipeline.run(req, n -> Progress.silent()).summary();
    assertThat(masked(out)).isEqualTo(masked(Json.toTree(lib)));
    assertThat(out.get("out").asText()).isEqualTo(file.toString());
    assertThat(out.get("rows_written").asLong()).isEqualTo(out.get("panel_rows").asLong());
    assertThat(out.get("read_seconds").isNumber()).isTrue();
  }

  @Test
  void recsEvaluateIsTheEvaluationReportInline() throws Exception {
    Path interactions = data.resolve("interactions.parquet");
    JsonNode out =
        json(
            "recs",
            "evaluate",
            "--data",
            interactions.toString(),
            "--models",
            "popular,itemknn",
            "--split",
            "random-by-user:0.75",
            "--seed",
            "7",
            "--k",
            "5",
            "--bootstrap",
            "20",
            "--no-report",
            "--json");
    Interactions in =
        InteractionsReader.read(
            interactions,
            "auto",
            DelimitedFormat.csv().withUserColumn("user_id").withItemColumn("item_id"));
    Map<String, Trainer<? extends Recommender>> trainers = new LinkedHashMap<>();
    trainers.put("popular", RecsModels.trainer("popular", Map.of()));
    trainers.put("itemknn", RecsModels.trainer("itemknn", Map.of()));
    EvaluationReport lib =
        Evaluator.evaluate(
            in,
            Splitters.bySpec(in, "random-by-user:0.75", 7),
            trainers,
            new EvalOptions(5, SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, 20, 0.95, 7),
            Progress.silent());
    JsonNode own = without(out, "format", "dropped_by_min_value", "report", "seconds");
    assertThat(own.get("models")).hasSize(2);
    assertThat(masked(own)).isEqualTo(masked(Json.toTree(lib)));
    assertThat(out.get("report").isNull()).isTrue();
    assertThat(out.get("dataset").get("rows").asLong()).isEqualTo(in.size());
  }

  @Test
  void forecastBacktestRunsAreTheBacktestSummaries() throws Exception {
    JsonNode out =
        json(
            "forecast",
            "backtest",
            "--data",
            data.toString(),
            "--model",
            "snaive",
            "--folds",
            "1",
            "--horizon",
            "7",
            "--json");
    MarketplaceSpec spec = MarketplaceSpec.of(Level.parse("store,item"), Freq.DAY, 7, "snaive");
    MarketplaceBacktest.Summary lib =
        MarketplaceBacktest.summary(
            MarketplaceBacktest.run(
                MarketplaceHistory.load(data), spec, 1, 7, 0, Progress.silent()));
    JsonNode own = without(out, "data", "folds", "step_days", "load_seconds", "seconds");
    assertThat(own.get("runs")).hasSize(1);
    assertThat(masked(own.get("runs").get(0))).isEqualTo(masked(Json.toTree(lib)));
    assertThat(out.get("runs").get(0).get("freq").asText()).isEqualTo("day");
    assertThat(out.get("report").isNull()).isTrue();
  }

  @Test
  void forecastSeriesBacktestIsTheBacktestResultSummaryInline() throws Exception {
    Path csv = tmp.resolve("parts.csv");
    StringBuilder b = new StringBuilder("Part");
    for (int t = 0; t < 20; t++) {
      b.append(",m").append(t);
    }
    b.append('\n');
    for (int s = 0; s < 6; s++) {
      b.append("p").append(s);
      for (int t = 0; t < 20; t++) {
        b.append(',').append((s + t) % 3 == 0 ? s + 1 : 0);
      }
      b.append('\n');
    }
    Files.writeString(csv, b);
    JsonNode out =
        json(
            "forecast",
            "series-backtest",
            "--csv",
            csv.toString(),
            "--model",
            "croston",
            "--horizon",
            "3",
            "--folds",
            "2",
            "--json");
    var lib =
        SeriesBacktest.run(
                WideCsv.read(csv),
                new BacktestSpec(2, 3, 1),
                List.of(new BaselineModel(SeriesForecaster.named("croston", 12, 12))),
                1,
                12,
                Progress.silent())
            .summary();
    JsonNode own = without(out, "csv", "series", "periods", "horizon", "folds", "step", "seconds");
    assertThat(masked(own)).isEqualTo(masked(Json.toTree(lib)));
    assertThat(out.get("origins")).hasSize(2);
    assertThat(out.get("models").get(0).get("model").asText()).isEqualTo("croston");
  }
}
