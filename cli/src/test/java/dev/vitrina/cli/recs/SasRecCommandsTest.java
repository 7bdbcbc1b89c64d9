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
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recs train --model sasrec}, {@code recommend}, {@code evaluate} and {@code explain} on
 * item sequences where the next item is always the current one plus 1 (mod 30).
 */
class SasRecCommandsTest {

  @TempDir static Path tmp;

  static Path data;
  static Path model;

  static final String[] PARAMS = {
    "-P", "sasrec.max_len=10", "-P", "sasrec.dim=16", "-P", "sasrec.blocks=1", "-P",
    "sasrec.epochs=60", "-P", "sasrec.batch=16", "-P", "sasrec.lr=0.01", "-P", "sasrec.dropout=0"
  };

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  static String[] with(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  static void trainOnce() throws Exception {
    data = tmp.resolve("seq");
    Files.createDirectories(data.resolve("train"));
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder();
    for (int u = 0; u < 80; u++) {
      int start = rnd.nextInt(30);
      int len = 8 + rnd.nextInt(8);
      for (int t = 0; t < len; t++) {
        sb.append(t == 0 ? "" : " ").append(1 + (start + t) % 30);
      }
      sb.append('\n');
    }
    Files.writeString(data.resolve("train").resolve("input.txt"), sb.toString());
    model = tmp.resolve("model");
    Captured t =
        run(
            with(
                new String[] {
                  "recs",
                  "train",
                  "--data",
                  data.toString(),
                  "--model",
                  "sasrec",
                  "--out",
                  model.toString(),
                  "--json"
                },
                PARAMS));
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(Json.mapper().readTree(t.out()).get("model").asText()).isEqualTo("sasrec");
  }

  /** The last item of user {@code u}'s line, as written. */
  private static int lastItem(int u) throws Exception {
    String[] line =
        Files.readAllLines(data.resolve("train").resolve("input.txt")).get(u - 1).split(" ");
    return Integer.parseInt(line[line.length - 1]);
  }

  @Test
  void recommendsTheNextItemOfTheSequence() throws Exception {
    int hits = 0;
    for (int u = 1; u <= 10; u++) {
      Captured r =
          run(
              "recs",
              "recommend",
              "--model",
              model.toString(),
              "--user",
              "" + u,
              "--k",
              "3",
              "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode items = Json.mapper().readTree(r.out()).get("items");
      String next = Integer.toString(1 + lastItem(u) % 30);
      for (JsonNode it : items) {
        hits += it.get("item").asText().equals(next) ? 1 : 0;
      }
    }
    assertThat(hits).as("users whose next item is in their top 3").isGreaterThanOrEqualTo(8);
  }

  @Test
  void explainWritesTheAttentionHeatmap() throws Exception {
    Path html = tmp.resolve("explain.html");
    Captured r =
        run(
            "recs",
            "explain",
            "--model",
            model.toString(),
            "--user",
            "1",
            "--last",
            "6",
            "--html",
            html.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode out = Json.mapper().readTree(r.out());
    assertThat(out.get("because")).hasSize(3);
    JsonNode att = out.get("attention");
    assertThat(att).hasSize(6);
    for (int i = 0; i < att.size(); i++) {
      double sum = 0;
      for (int j = 0; j < att.get(i).size(); j++) {
        double w = att.get(i).get(j).asDouble();
        assertThat(w).isBetween(0.0, 1.0);
        if (j > i) {
          assertThat(w).as("causal mask, row %d col %d", i, j).isZero();
        }
        sum += w;
      }
      assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-5);
    }
    assertThat(Files.readString(html)).contains("Why these recommendations").contains("<table");
  }

  @Test
  void evaluateRanksSasRecAbovePopularOnLeaveOneOut() throws Exception {
    Captured r =
        run(
            with(
                new String[] {
                  "recs",
                  "evaluate",
                  "--data",
                  data.toString(),
                  "--split",
                  "last-n:1",
                  "--models",
                  "sasrec,popular",
                  "--bootstrap",
                  "0",
                  "--no-report",
                  "--json"
                },
                PARAMS));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode models = Json.mapper().readTree(r.out()).get("models");
    double sasrec = models.get(0).get("metrics").get("ndcg").get("mean").asDouble();
    double popular = models.get(1).get("metrics").get("ndcg").get("mean").asDouble();
    assertThat(models.get(0).get("model").asText()).isEqualTo("sasrec");
    assertThat(sasrec).isGreaterThan(2 * popular).isGreaterThan(0.5);
  }

  @Test
  void explainRefusesAModelWithoutAttention() {
    Path pop = tmp.resolve("pop");
    Captured t =
        run(
            "recs",
            "train",
            "--data",
            data.toString(),
            "--model",
            "popular",
            "--out",
            pop.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Captured r = run("recs", "explain", "--model", pop.toString(), "--user", "1");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("explain needs a sequence model").contains("--model sasrec");
  }

  @Test
  void badSasRecParametersAreNamed() {
    Captured r =
        run(
            "recs",
            "train",
            "--data",
            data.toString(),
            "--model",
            "sasrec",
            "-P",
            "sasrec.loss=hinge",
            "--out",
            tmp.resolve("bad").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("loss").contains("bce").contains("ce").contains("sampled");
  }
}
