package dev.vitrina.cli.recs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecsCommandTest {

  @TempDir static Path tmp;

  static Path synth;

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  @BeforeAll
  static void generate() {
    synth = tmp.resolve("synth");
    Captured g =
        run("generate", "--preset", "tiny", "--seed", "1", "--out", synth.toString(), "--json");
    assertThat(g.code()).as(g.err()).isZero();
  }

  /** A hand-made implicit data set: items a (3 users), b (2), c (2), d (1); user u1 has a and b. */
  private Path smallCsv() throws Exception {
    Path f = tmp.resolve("small.csv");
    Files.writeString(
        f, "user_id,item_id\n" + "u1,a\nu1,b\n" + "u2,a\nu2,c\n" + "u3,a\nu3,b\nu3,c\nu3,d\n");
    return f;
  }

  @Test
  void evaluatesAllFourModelsOnTheGeneratedParquetAsJson() throws Exception {
    Path report = tmp.resolve("report.html");
    Captured r =
        run(
            "recs",
            "evaluate",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--timestamp-col",
            "timestamp",
            "--split",
            "random-by-user:0.75",
            "--seed",
            "42",
            "--models",
            "popular,itemknn,ials,ease",
            "--k",
            "5",
            "--bootstrap",
            "20",
            "-P",
            "ials.iterations=3",
            "--report",
            report.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("format").asText()).isEqualTo("parquet");
    assertThat(j.get("k").asInt()).isEqualTo(5);
    assertThat(j.get("dataset").get("users").asInt()).isEqualTo(300);
    assertThat(j.get("train_rows").asLong() + j.get("test_rows").asLong())
        .isEqualTo(j.get("dataset").get("rows").asLong());
    List<String> names = new ArrayList<>();
    for (JsonNode m : j.get("models")) {
      names.add(m.get("model").asText());
      double ndcg = m.get("metrics").get("ndcg").get("mean").asDouble();
      assertThat(ndcg).as(m.get("model").asText()).isBetween(0.0, 1.0);
      assertThat(m.get("metrics").get("ndcg").get("ci_low").asDouble()).isLessThanOrEqualTo(ndcg);
      assertThat(m.get("users").asInt()).isPositive();
    }
    assertThat(names).containsExactly("popular", "itemknn", "ials", "ease");
    // the generated events carry no item categories: diversity is undefined, written as null
    assertThat(r.out()).doesNotContain("NaN");
    assertThat(j.get("models").get(0).get("metrics").get("diversity").get("mean").isNull())
        .isTrue();
    assertThat(j.get("models").get(2).get("parameters").get("iterations").asInt()).isEqualTo(3);
    assertThat(Files.readString(report)).contains("<svg").contains("ials");
    // planted interests: every personalised model beats popularity on nDCG
    double pop = j.get("models").get(0).get("metrics").get("ndcg").get("mean").asDouble();
    assertThat(j.get("models").get(3).get("metrics").get("ndcg").get("mean").asDouble())
        .isGreaterThan(pop);
  }

  @Test
  void sameSeedSameJsonMetrics() throws Exception {
    String[] args = {
      "recs",
      "evaluate",
      "--data",
      synth.resolve("interactions.parquet").toString(),
      "--models",
      "ials",
      "-P",
      "ials.iterations=2",
      "--bootstrap",
      "10",
      "--no-report",
      "--json"
    };
    JsonNode a = run(args).json().get("models").get(0).get("metrics");
    JsonNode b = run(args).json().get("models").get(0).get("metrics");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void trainRecommendAndSimilarOnAHandMadeFile() throws Exception {
    Path csv = smallCsv();
    Path model = tmp.resolve("popular-model");
    Captured t =
        run(
            "recs",
            "train",
            "--data",
            csv.toString(),
            "--model",
            "popular",
            "--out",
            model.toString(),
            "--json");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.json().get("users").asInt()).isEqualTo(3);
    assertThat(Files.exists(model.resolve("v1").resolve("manifest.json"))).isTrue();

    // u1 has seen a and b: the most popular unseen items are c (2 users) then d (1)
    Captured r =
        run("recs", "recommend", "--model", model.toString(), "--user", "u1", "--k", "5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> items = new ArrayList<>();
    r.json().get("items").forEach(x -> items.add(x.get("item").asText()));
    assertThat(items).containsExactly("c", "d");
    assertThat(r.json().get("source").asText()).isEqualTo("model");

    Captured seen =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "u1",
            "--k",
            "2",
            "--include-seen",
            "--json");
    List<String> all = new ArrayList<>();
    seen.json().get("items").forEach(x -> all.add(x.get("item").asText()));
    assertThat(all).containsExactly("a", "b");

    Captured unknown = run("recs", "recommend", "--model", model.toString(), "--user", "nobody");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'nobody'").contains("FALLBACK_POPULAR");
    Captured fallback =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "nobody",
            "--unknown-users",
            "fallback_popular",
            "--k",
            "1",
            "--json");
    assertThat(fallback.json().get("source").asText()).isEqualTo("popular_fallback");
    assertThat(fallback.json().get("items").get(0).get("item").asText()).isEqualTo("a");

    Path knn = tmp.resolve("knn-model");
    assertThat(
            run(
                    "recs",
                    "train",
                    "--data",
                    csv.toString(),
                    "--model",
                    "itemknn",
                    "-P",
                    "itemknn.shrink=0",
                    "-P",
                    "itemknn.weighting=none",
                    "--out",
                    knn.toString())
                .code())
        .isZero();
    Captured s =
        run("recs", "similar", "--model", knn.toString(), "--item", "d", "--k", "3", "--json");
    assertThat(s.code()).as(s.err()).isZero();
    // d co-occurs only with u3's a, b, c; cosine: b and c (2 users each) 1/sqrt(2), a 1/sqrt(3)
    List<String> sim = new ArrayList<>();
    s.json().get("items").forEach(x -> sim.add(x.get("item").asText()));
    assertThat(sim).containsExactly("b", "c", "a");
    assertThat(s.json().get("items").get(0).get("score").asDouble())
        .isCloseTo(1 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void requestOptionsGoThroughThePipelineWithReasonsAndNamedErrors() throws Exception {
    Path csv = smallCsv();
    Path items = tmp.resolve("items.csv");
    Files.writeString(
        items,
        "item_id,title,category,lat,lon\n"
            + "a,Apples,fruit,1.30,103.80\n"
            + "b,Bread,bakery,1.31,103.81\n"
            + "c,Cheese,dairy,1.35,103.90\n"
            + "d,Dates,fruit,1.29,103.85\n"
            + "zz,Not sold,other,1.0,103.0\n");
    Path model = tmp.resolve("knn-catalog");
    Captured t =
        run(
            "recs",
            "train",
            "--data",
            csv.toString(),
            "--items",
            items.toString(),
            "--model",
            "itemknn",
            "--out",
            model.toString(),
            "--json");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.json().get("catalog_rows_for_unknown_items").asInt()).isEqualTo(1);

    Captured r =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "u1",
            "--explain",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode first = r.json().get("items").get(0);
    assertThat(first.get("item").asText()).isIn("c", "d");
    assertThat(first.get("title").asText()).isIn("Cheese", "Dates");
    // u1's history has two categories (fruit, bakery): the slots are allocated across interests,
    // and --explain keeps the model's own reason too
    List<String> kinds = new ArrayList<>();
    first.get("reasons").forEach(x -> kinds.add(x.get("kind").asText()));
    assertThat(kinds).contains("interest", "profile");
    assertThat(first.get("reasons").get(0).get("label").asText()).isIn("fruit", "bakery");
    assertThat(r.json().get("stages").get(0).asText()).isEqualTo("model");

    Captured trig =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "u1",
            "--trigger",
            "c",
            "--explain",
            "--json");
    assertThat(trig.code()).as(trig.err()).isZero();
    List<String> stages = new ArrayList<>();
    trig.json().get("stages").forEach(x -> stages.add(x.asText()));
    assertThat(stages).contains("trigger").doesNotContain("interests");
    List<String> trigItems = new ArrayList<>();
    trig.json().get("items").forEach(x -> trigItems.add(x.get("item").asText()));
    assertThat(trigItems).doesNotContain("c", "a", "b");
    List<String> trigKinds = new ArrayList<>();
    trig.json()
        .get("items")
        .get(0)
        .get("reasons")
        .forEach(x -> trigKinds.add(x.get("kind").asText()));
    assertThat(trigKinds).contains("trigger");

    Captured excluded =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "u1",
            "--exclude",
            "c,d",
            "--json");
    assertThat(excluded.code()).isEqualTo(2);
    assertThat(excluded.err()).contains("no item to recommend");

    Captured badTrigger =
        run("recs", "recommend", "--model", model.toString(), "--user", "u1", "--trigger", "q");
    assertThat(badTrigger.code()).isEqualTo(2);
    assertThat(badTrigger.err()).contains("--trigger").contains("'q'");
    Captured badLat =
        run(
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "u1",
            "--lat",
            "95",
            "--lon",
            "103");
    assertThat(badLat.code()).isEqualTo(2);
    assertThat(badLat.err()).contains("--lat").contains("95");
    Captured halfPoint =
        run("recs", "recommend", "--model", model.toString(), "--user", "u1", "--lat", "1.3");
    assertThat(halfPoint.code()).isEqualTo(2);
    assertThat(halfPoint.err()).contains("--lon");
    Captured badContext =
        run("recs", "recommend", "--model", model.toString(), "--user", "u1", "--context", "gym");
    assertThat(badContext.code()).isEqualTo(2);
    assertThat(badContext.err()).contains("--context").contains("'gym'");
  }

  @Test
  void pageComposesRowsWithoutRepeatsAndWritesHtml() throws Exception {
    Path model = tmp.resolve("page-ials");
    Captured t =
        run(
            "recs",
            "train",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--timestamp-col",
            "timestamp",
            "--items",
            synth.resolve("items.parquet").toString(),
            "--item-category-col",
            "subcategory",
            "--model",
            "ials",
            "-P",
            "ials.iterations=3",
            "--out",
            model.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Path html = tmp.resolve("page.html");
    Captured p =
        run(
            "recs",
            "page",
            "--model",
            model.toString(),
            "--user",
            "U0000001",
            "--rows",
            "4",
            "--cols",
            "5",
            "--html",
            html.toString(),
            "--json");
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode page = p.json();
    assertThat(page.get("policy").asText()).isEqualTo("page_greedy");
    assertThat(page.get("duplicates_in_view").asInt()).isZero();
    assertThat(page.get("rows").size()).isBetween(1, 4);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode row : page.get("rows")) {
      assertThat(row.get("items").size()).isLessThanOrEqualTo(5);
      assertThat(row.get("reason").get("kind").asText()).isNotBlank();
      for (JsonNode it : row.get("items")) {
        assertThat(seen.add(it.get("item").asText())).isTrue();
      }
    }
    assertThat(Files.readString(html)).contains("<h2>");

    Captured anonymous = run("recs", "page", "--model", model.toString(), "--rows", "3", "--json");
    assertThat(anonymous.code()).as(anonymous.err()).isZero();
    assertThat(anonymous.json().get("personal").asBoolean()).isFalse();

    Captured badRows = run("recs", "page", "--model", model.toString(), "--rows", "0");
    assertThat(badRows.code()).isEqualTo(2);
    assertThat(badRows.err()).contains("--rows");
    Captured badPolicy = run("recs", "page", "--model", model.toString(), "--policy", "random");
    assertThat(badPolicy.code()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("--policy").contains("page_greedy");
    Captured badVisible =
        run("recs", "page", "--model", model.toString(), "--rows", "3", "--visible-rows", "5");
    assertThat(badVisible.code()).isEqualTo(2);
    assertThat(badVisible.err()).contains("--visible-rows");
  }

  @Test
  void tuneWritesParametersThatEvaluateReads() throws Exception {
    Path params = tmp.resolve("tuned.json");
    Captured t =
        run(
            "recs",
            "tune",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--model",
            "ease",
            "--grid",
            "lambda=5,50",
            "--out",
            params.toString(),
            "--json");
    assertThat(t.code()).as(t.err()).isZero();
    JsonNode j = t.json();
    assertThat(j.get("trials")).hasSize(2);
    assertThat(j.get("trials").get(0).get("validation_ndcg").asDouble())
        .isGreaterThanOrEqualTo(j.get("trials").get(1).get("validation_ndcg").asDouble());
    String best = j.get("best").get("lambda").asText();
    JsonNode file = Json.mapper().readTree(Files.readString(params));
    assertThat(file.get("ease").get("lambda").asText()).isEqualTo(best);

    Captured e =
        run(
            "recs",
            "evaluate",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--models",
            "ease",
            "--params",
            params.toString(),
            "--bootstrap",
            "0",
            "--no-report",
            "--json");
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.json().get("models").get(0).get("parameters").get("lambda").asDouble())
        .isEqualTo(Double.parseDouble(best));
  }

  @Test
  void badInputNamesTheParameterOrRow() throws Exception {
    Path csv = smallCsv();
    Captured badParam =
        run(
            "recs",
            "evaluate",
            "--data",
            csv.toString(),
            "--models",
            "ials",
            "-P",
            "ials.factorz=8",
            "--no-report");
    assertThat(badParam.code()).isEqualTo(2);
    assertThat(badParam.err()).contains("unknown parameter 'factorz'").contains("factors");

    Captured badModel = run("recs", "evaluate", "--data", csv.toString(), "--models", "svd");
    assertThat(badModel.code()).isEqualTo(2);
    assertThat(badModel.err()).contains("unknown model 'svd'").contains("--models");

    Captured badSplit =
        run("recs", "evaluate", "--data", csv.toString(), "--split", "random-by-user:1.5");
    assertThat(badSplit.code()).isEqualTo(2);
    assertThat(badSplit.err()).contains("(0, 1)").contains("1.5");

    Captured stray =
        run(
            "recs",
            "evaluate",
            "--data",
            csv.toString(),
            "--models",
            "popular",
            "-P",
            "ease.lambda=5");
    assertThat(stray.code()).isEqualTo(2);
    assertThat(stray.err()).contains("'ease'").contains("--models");

    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "user_id,item_id,value\nu1,a,1\nu2,b,lots\n");
    Captured badRow =
        run(
            "recs",
            "train",
            "--data",
            bad.toString(),
            "--value-col",
            "value",
            "--model",
            "popular",
            "--out",
            tmp.resolve("m").toString());
    assertThat(badRow.code()).isEqualTo(2);
    assertThat(badRow.err())
        .contains("bad.csv: 1 of 2 rows are invalid")
        .contains("line 3, column 'value'")
        .contains("'lots'")
        .contains("--skip-bad-rows");

    Captured missing =
        run(
            "recs",
            "train",
            "--data",
            tmp.resolve("nope.csv").toString(),
            "--model",
            "popular",
            "--out",
            tmp.resolve("m2").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.csv").contains("--data");

    Captured missingCol =
        run(
            "recs",
            "train",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--user-col",
            "customer",
            "--model",
            "popular",
            "--out",
            tmp.resolve("m3").toString());
    assertThat(missingCol.code()).isEqualTo(2);
    assertThat(missingCol.err())
        .contains("--user-col names column 'customer' for the user id")
        .contains("user_id");
  }

  @Test
  void aMissingColumnOrBadFormatNamesItsFlag() throws Exception {
    String csv = smallCsv().toString();
    String[][] cases = {
      {"--value-col", "count", "--value-col names column 'count' for the value"},
      {"--timestamp-col", "ts", "--timestamp-col names column 'ts' for the timestamp"},
      {"--event-col", "ev", "--event-col names column 'ev' for the event"},
      {"--item-col", "sku", "--item-col names column 'sku' for the item id"},
      {"--format", "xlsx", "--format 'xlsx' is not an interactions format"}
    };
    for (String[] c : cases) {
      Captured r =
          run(
              "recs",
              "train",
              "--data",
              csv,
              c[0],
              c[1],
              "--model",
              "popular",
              "--out",
              tmp.resolve("never-" + c[1]).toString());
      assertThat(r.code()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains(c[2]);
    }
  }

  @Test
  void eventWeightsBecomeValuesAndUnknownEventsAreReported() throws Exception {
    Path model = tmp.resolve("pop-events");
    Captured ok =
        run(
            "recs",
            "train",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--event-col",
            "event",
            "--model",
            "popular",
            "--out",
            model.toString(),
            "--json");
    assertThat(ok.code()).as(ok.err()).isZero();
    Captured missingWeight =
        run(
            "recs",
            "train",
            "--data",
            synth.resolve("interactions.parquet").toString(),
            "--event-col",
            "event",
            "--event-weights",
            "view=1,cart=2",
            "--model",
            "popular",
            "--out",
            tmp.resolve("pop-bad").toString());
    assertThat(missingWeight.code()).isEqualTo(2);
    assertThat(missingWeight.err()).contains("'purchase' has no weight").contains("row ");
  }

  @Test
  void everyRecsHelpPrintsWithoutWarnings() {
    for (String[] cmd :
        List.of(
            new String[] {"recs"},
            new String[] {"recs", "evaluate"},
            new String[] {"recs", "tune"},
            new String[] {"recs", "train"},
            new String[] {"recs", "recommend"},
            new String[] {"recs", "similar"})) {
      String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      args[cmd.length] = "--help";
      Captured h = run(args);
      String what = String.join(" ", args);
      assertThat(h.code()).as(what).isZero();
      assertThat(h.err()).as(what).isEmpty();
      assertThat(h.out()).as(what).contains("Usage:").doesNotContain("%%");
    }
    assertThat(run("recs", "evaluate", "--help").out()).contains("bootstrap 95% intervals");
  }

  @Test
  void evaluateRefusesDataTooSmallToSplit() throws Exception {
    // two interactions per user: random-by-user:0.75 keeps both in training (round(1.5) = 2)
    Path f = tmp.resolve("two-each.csv");
    Files.writeString(f, "user_id,item_id\nu1,a\nu1,b\nu2,a\nu2,c\nu3,b\nu3,c\n");
    Captured r = run("recs", "evaluate", "--data", f.toString(), "--no-report", "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).doesNotContain("NaN");
    assertThat(r.err())
        .contains("leaves the test side empty")
        .contains("at least one user with at least 3 interactions")
        .contains("6 rows from 3 users, at most 2 rows per user");
    // tune carves its validation split from the training side: the same rule, the same code
    Captured t =
        run("recs", "tune", "--data", f.toString(), "--model", "ease", "--grid", "lambda=1,2");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).contains("at least 3 interactions");
  }

  @Test
  void evaluateReportsColdUsersAndUnrankableItems() throws Exception {
    Captured r =
        run(
            "recs",
            "evaluate",
            "--data",
            smallCsv().toString(),
            "--models",
            "popular",
            "--split",
            "random-by-user:0.5",
            "--bootstrap",
            "0",
            "--no-report",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // seed 42 puts u1's b and u2's c on the test side only: no model can rank them
    assertThat(r.json().get("notes").get(0).asText())
        .isEqualTo(
            "2 of the 4 relevant test pairs are items without training rows, which no model can"
                + " recommend");
    for (JsonNode m : r.json().get("models")) {
      assertThat(m.get("metrics").get("ndcg").get("mean").isNumber()).isTrue();
    }
  }

  @Test
  void trainRefusesWhenEveryRowIsSkipped() throws Exception {
    Path f = tmp.resolve("all-bad.csv");
    Files.writeString(f, "user_id,item_id,value\nu1,a,x\nu2,b,y\n");
    Captured r =
        run(
            "recs",
            "train",
            "--data",
            f.toString(),
            "--value-col",
            "value",
            "--skip-bad-rows",
            "--model",
            "ials",
            "--out",
            tmp.resolve("never").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("all-bad.csv").contains("no interactions");
    assertThat(Files.exists(tmp.resolve("never"))).isFalse();
  }

  @Test
  void theSameFaultGivesTheSameExitCodeInEveryCommand() throws Exception {
    Path csv = smallCsv();
    Path bad = tmp.resolve("bad-value.csv");
    Files.writeString(bad, "user_id,item_id,value\nu1,a,1\nu2,b,lots\n");
    Path model = tmp.resolve("codes-model");
    assertThat(
            run(
                    "recs",
                    "train",
                    "--data",
                    csv.toString(),
                    "--model",
                    "popular",
                    "--out",
                    "" + model)
                .code())
        .isZero();
    String[][] dataCommands = {
      {"recs", "evaluate", "--no-report"},
      {"recs", "tune", "--model", "ease", "--grid", "lambda=1"},
      {"recs", "train", "--model", "popular", "--out", tmp.resolve("codes-x").toString()}
    };
    for (String[] cmd : dataCommands) {
      String what = String.join(" ", cmd);
      Captured missingCol = run(concat(cmd, "--data", csv.toString(), "--user-col", "customer"));
      assertThat(missingCol.code()).as(what + ": missing column").isEqualTo(2);
      assertThat(missingCol.err()).as(what).contains("--user-col names column 'customer'");
      Captured badValue = run(concat(cmd, "--data", bad.toString(), "--value-col", "value"));
      assertThat(badValue.code()).as(what + ": bad value").isEqualTo(2);
      assertThat(badValue.err()).as(what).contains("'lots'");
      Captured noFile = run(concat(cmd, "--data", tmp.resolve("nope.csv").toString()));
      assertThat(noFile.code()).as(what + ": missing file").isEqualTo(2);
      Captured badUnit = run(concat(cmd, "--data", csv.toString(), "--timestamp-unit", "weeks"));
      assertThat(badUnit.code()).as(what + ": bad option value").isEqualTo(2);
      Captured badParam = run(concat(cmd, "--data", csv.toString(), "-P", "ease.lambda=-1"));
      assertThat(badParam.code()).as(what + ": bad parameter value").isEqualTo(2);
    }
    String[][] queryCommands = {
      {"recs", "recommend", "--user", "u1"},
      {"recs", "similar", "--item", "a"}
    };
    for (String[] cmd : queryCommands) {
      String what = String.join(" ", cmd);
      assertThat(run(concat(cmd, "--model", model.toString(), "--k", "0")).code())
          .as(what + ": --k 0")
          .isEqualTo(2);
      assertThat(run(concat(cmd, "--model", model.toString(), "--k", "ten")).code())
          .as(what + ": --k ten")
          .isEqualTo(2);
      Captured notModel = run(concat(cmd, "--model", tmp.toString()));
      assertThat(notModel.code()).as(what + ": not a model").isEqualTo(2);
      assertThat(notModel.err()).as(what).contains("not a vitrina artifact");
    }
    Captured user = run("recs", "recommend", "--model", model.toString(), "--user", "nobody");
    assertThat(user.code()).isEqualTo(2);
    Captured item = run("recs", "similar", "--model", model.toString(), "--item", "nothing");
    assertThat(item.code()).isEqualTo(2);
    assertThat(item.err()).contains("'nothing'");
    // u3 has every item of the hand-made file: nothing is left to recommend
    Captured nothingLeft = run("recs", "recommend", "--model", model.toString(), "--user", "u3");
    assertThat(nothingLeft.code()).isEqualTo(2);
    assertThat(nothingLeft.err())
        .contains("no item to recommend to user 'u3'")
        .contains("--include-seen");
    // a runtime failure (the output cannot be written) is 1
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Captured cannotWrite =
        run(
            "recs",
            "train",
            "--data",
            csv.toString(),
            "--model",
            "popular",
            "--out",
            file.resolve("model").toString());
    assertThat(cannotWrite.code()).isEqualTo(1);
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
