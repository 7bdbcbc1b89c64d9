package dev.vitrina.cli.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AbTestCommandTest {

  @TempDir Path tmp;

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  @Test
  void helpTextsAreValidFormatStrings() {
    // picocli renders the annotation texts with String.format: a bare '%' prints a warning and
    // the raw text. Check the texts as written in the annotations.
    CommandLine abtest = VitrinaCli.commandLine().getSubcommands().get("abtest");
    int checked = 0;
    for (CommandLine sub : abtest.getSubcommands().values()) {
      Class<?> type = sub.getCommandSpec().userObject().getClass();
      for (String d : type.getAnnotation(CommandLine.Command.class).description()) {
        assertThat(String.format(d)).as("%s description", type.getSimpleName()).isNotNull();
        checked++;
      }
      for (java.lang.reflect.Field f : type.getDeclaredFields()) {
        CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
        if (o == null) {
          continue;
        }
        for (String d : o.description()) {
          String text = d.replace("${DEFAULT-VALUE}", "x");
          assertThat(String.format(text))
              .as("%s %s", type.getSimpleName(), f.getName())
              .isNotNull();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void planReproducesTheWorkedValues() throws Exception {
    Captured r =
        run(
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
            "--alpha",
            "0.05",
            "--power",
            "0.8",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("total_units").asLong()).isEqualTo(284_055);
    assertThat(j.get("units_per_arm").get(0).asLong()).isEqualTo(198_838);
    assertThat(j.get("variance_assumption").asText()).contains("p0(1-p0)");
    assertThat(j.get("alternative").get("variance_assumption").asText()).contains("unpooled");
    Captured fifty =
        run(
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--mde",
            "0.05",
            "--relative");
    assertThat(fifty.out()).contains("238,606 units in total");
    Captured reverse =
        run(
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--units",
            "238606",
            "--json");
    JsonNode rj = Json.mapper().readTree(reverse.out());
    assertThat(rj.get("mde_relative").asDouble()).isBetween(0.0499, 0.05);
  }

  @Test
  void planUsageErrorsExitWith2() {
    Captured noSd = run("abtest", "plan", "--metric", "mean", "--baseline", "30", "--mde", "1");
    assertThat(noSd.code()).isEqualTo(2);
    assertThat(noSd.err()).contains("--metric mean needs --sd");
    Captured badP =
        run("abtest", "plan", "--metric", "proportion", "--baseline", "2", "--mde", "0.1");
    assertThat(badP.code()).isEqualTo(2);
    assertThat(badP.err()).contains("--baseline").contains("2.0");
    assertThat(run("abtest", "plan", "--baseline", "0.1").code()).isEqualTo(2);
    for (String sub : new String[] {"plan", "assign", "analyze", "simulate-events", "simulate"}) {
      Captured h = run("abtest", sub, "--help");
      assertThat(h.code()).as(sub).isZero();
      assertThat(h.out()).contains("Usage: vitrina abtest " + sub);
    }
  }

  @Test
  void assignIsStableAndWarnsOnRebucketing() throws Exception {
    Path cfg = tmp.resolve("exp.json");
    Files.writeString(
        cfg,
        "{\"name\":\"ranker\",\"salt\":\"ranker/1\",\"coverage\":1,\"variants\":["
            + "{\"name\":\"control\",\"weight\":50},{\"name\":\"treatment\",\"weight\":50}]}");
    Path changed = tmp.resolve("exp2.json");
    Files.writeString(changed, Files.readString(cfg).replace("50}", "70}").replace("70}]", "30}]"));
    Captured a =
        run("abtest", "assign", "--experiment-config", cfg.toString(), "--unit", "u1", "--json");
    Captured b =
        run("abtest", "assign", "--experiment-config", cfg.toString(), "--unit", "u1", "--json");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    JsonNode j = Json.mapper().readTree(a.out());
    assertThat(j.get("assignments").get(0).get("status").asText()).isEqualTo("assigned");
    Captured w =
        run(
            "abtest",
            "assign",
            "--experiment-config",
            changed.toString(),
            "--previous-config",
            cfg.toString(),
            "--unit",
            "u1");
    assertThat(w.code()).isZero();
    assertThat(w.err()).contains("warning:").contains("moves 20.00% of all units");
    Captured missing = run("abtest", "assign", "--experiment-config", cfg.toString());
    assertThat(missing.code()).isEqualTo(2);
  }

  @Test
  void simulateEventsThenAnalyzeEndToEnd() throws Exception {
    Path ev = tmp.resolve("events.csv");
    Captured s =
        run(
            "abtest",
            "simulate-events",
            "--out",
            ev.toString(),
            "--split",
            "70/30",
            "--users",
            "8000",
            "--days",
            "5",
            "--pre-days",
            "3",
            "--ctr-lift",
            "0.4",
            "--seed",
            "3",
            "--json");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(Json.mapper().readTree(s.out()).get("users_per_variant").size()).isEqualTo(2);
    Path html = tmp.resolve("report.html");
    Captured r =
        run(
            "abtest",
            "analyze",
            "--events",
            ev.toString(),
            "--experiment",
            "demo",
            "--weights",
            "70/30",
            "--cuped",
            "--report",
            html.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("srm").get("mismatch").asBoolean()).isFalse();
    assertThat(j.get("metrics")).hasSize(3);
    JsonNode ctr = j.get("metrics").get(0);
    assertThat(ctr.get("metric").asText()).isEqualTo("ctr");
    assertThat(ctr.get("significant").asBoolean()).isTrue();
    assertThat(ctr.get("looks")).hasSize(5);
    assertThat(j.get("metrics").get(2).get("cuped").get("covariate").asText())
        .isEqualTo("pre_sum(purchase)");
    assertThat(Files.readString(html)).contains("id=\"srm\"");
    Captured human =
        run("abtest", "analyze", "--events", ev.toString(), "--metrics", "ctr,aov", "--pooled");
    assertThat(human.code()).as(human.err()).isZero();
    assertThat(human.out()).contains("equal weights").contains("aov").contains("delta-method-z");
  }

  @Test
  void analyzeErrorsNameTheProblem() throws Exception {
    Path ev = tmp.resolve("bad.csv");
    Files.writeString(ev, "unit,variant,event,value\nu1,control,purchase,x1\n");
    Captured r = run("abtest", "analyze", "--events", ev.toString());
    // bad data is bad input, like a bad option (2); a failure while running is 1
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("line 2")
        .contains("column 'value'")
        .contains("'x1'")
        .as("a data problem, not a usage one")
        .doesNotContain("--help");
    Path good = tmp.resolve("good.csv");
    Files.writeString(good, "unit,variant,event,value\nu1,control,purchase,1\nu2,t,click,\n");
    Captured m = run("abtest", "analyze", "--events", good.toString(), "--metrics", "nope");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("unknown metric 'nope'");
    Captured missing = run("abtest", "analyze", "--events", tmp.resolve("none.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("simulate-events");
  }

  @Test
  void analyzeParameterErrorsNameTheFlags() throws Exception {
    Path ev = tmp.resolve("two.csv");
    Files.writeString(
        ev,
        "unit,variant,event,value\nu1,control,purchase,1\nu2,control,purchase,2\n"
            + "u3,t,purchase,3\nu4,t,purchase,4\n");
    Captured design =
        run(
            "abtest",
            "analyze",
            "--events",
            ev.toString(),
            "--metrics",
            "conversion",
            "--weights",
            "control:1,other:1");
    assertThat(design.code()).isEqualTo(2);
    assertThat(design.err())
        .contains("--weights/--experiment-config must list every variant in the data")
        .contains("variant 't' is in the data but not in the design");
    Captured control =
        run(
            "abtest",
            "analyze",
            "--events",
            ev.toString(),
            "--metrics",
            "conversion",
            "--control",
            "x");
    assertThat(control.code()).isEqualTo(2);
    assertThat(control.err()).contains("--control names variant 'x', which is not among");
  }

  @Test
  void srmIsReportedFirst() throws Exception {
    Path ev = tmp.resolve("lossy.csv");
    run(
        "abtest",
        "simulate-events",
        "--out",
        ev.toString(),
        "--users",
        "10000",
        "--days",
        "2",
        "--pre-days",
        "0",
        "--treatment-loss",
        "0.1",
        "--seed",
        "1");
    Captured r = run("abtest", "analyze", "--events", ev.toString(), "--weights", "50/50");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("!! SAMPLE RATIO MISMATCH");
  }

  @Test
  void simulateSmall() throws Exception {
    Captured r = run("abtest", "simulate", "--experiments", "20", "--seed", "2", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("experiments").asInt()).isEqualTo(20);
    assertThat(j.get("cuped")).hasSize(4);
    assertThat(j.get("analyzer").get("metric_rates")).hasSize(3);
  }
}
