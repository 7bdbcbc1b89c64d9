package dev.vitrina.cli.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the A/B commands must refuse or qualify: relative effects on baselines that are not
 * positive, sample sizes beyond any population, the experiment's label, and exit codes (bad input
 * 2, failure while running 1) that agree across the subcommands.
 */
class AbTestInputTest {

  @TempDir Path tmp;

  static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  private Path file(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void planRefusesARelativeMdeOnAZeroOrNegativeBaseline() throws Exception {
    for (String baseline : new String[] {"0", "-5"}) {
      Captured r =
          run(
              "abtest",
              "plan",
              "--metric",
              "mean",
              "--baseline",
              baseline,
              "--mde",
              "0.1",
              "--relative",
              "--sd",
              "2");
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("error: a relative MDE (--mde 0.1 --relative) needs a positive baseline")
          .contains("--baseline " + Double.parseDouble(baseline))
          .contains("drop --relative")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
    // absolute planning on a negative baseline still works, without a relative figure
    Captured abs =
        run(
            "abtest",
            "plan",
            "--metric",
            "mean",
            "--baseline",
            "-5",
            "--mde",
            "0.5",
            "--sd",
            "2",
            "--json");
    assertThat(abs.code()).as(abs.err()).isZero();
    JsonNode j = abs.json();
    assertThat(j.get("total_units").asLong()).isEqualTo(503);
    assertThat(j.get("mde_relative").isNull()).isTrue();
    assertThat(j.get("note").asText()).contains("baseline -5.0 is not positive");
    Captured text =
        run("abtest", "plan", "--metric", "mean", "--baseline", "-5", "--mde", "0.5", "--sd", "2");
    assertThat(text.out())
        .contains("Detects +0.5000 absolute (no relative effect, see the note)")
        .contains("note: no relative effect: the baseline -5.0 is not positive");
    Captured reverse =
        run(
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
    assertThat(reverse.code()).as(reverse.err()).isZero();
    assertThat(reverse.json().get("mde_relative").isNull()).isTrue();
    assertThat(reverse.json().get("mde_absolute").asDouble()).isBetween(0.11206, 0.11207);
  }

  @Test
  void planRefusesAnMdeTooSmallToPlan() {
    Captured r =
        run(
            "abtest",
            "plan",
            "--metric",
            "mean",
            "--baseline",
            "30",
            "--mde",
            "1e-12",
            "--sd",
            "2");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("the MDE (--mde 1.0E-12) is too small to plan")
        .contains("needs 1.26e+26 units in total")
        .contains("use a larger --mde")
        .doesNotContain("\tat ");
    Captured rel =
        run(
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--mde",
            "1e-12",
            "--relative");
    assertThat(rel.code()).as(rel.err()).isEqualTo(2);
    assertThat(rel.err()).contains("too small to plan").doesNotContain("\tat ");
  }

  @Test
  void analyzeReportsOnlyTheAbsoluteEffectOnANegativeControlMean() throws Exception {
    Path f =
        file(
            "margin.csv",
            "experiment,unit,variant,margin\n"
                + "m,u1,control,-11\nm,u2,control,-9\nm,u3,treatment,-9\nm,u4,treatment,-7\n");
    String[] args = {
      "abtest",
      "analyze",
      "--events",
      f.toString(),
      "--metrics",
      "margin",
      "--metric-def",
      "margin=mean:margin",
      "--no-sequential"
    };
    Captured j = run(concat(args, "--json"));
    assertThat(j.code()).as(j.err()).isZero();
    JsonNode c = j.json().get("metrics").get(0).get("comparison");
    assertThat(c.get("absolute").get("value").asDouble()).isEqualTo(2.0);
    assertThat(c.get("relative").isNull()).isTrue();
    assertThat(j.json().get("notes").toString())
        .contains("control value -10.0000 is not positive, so no relative effect is reported");
    Captured t = run(args);
    assertThat(t.code()).as(t.err()).isZero();
    String row = t.out().lines().filter(l -> l.startsWith("margin")).findFirst().orElseThrow();
    assertThat(row).contains("+2.000 [").contains("n/a (control <= 0)").doesNotContain("%");
    assertThat(t.out()).contains("note: metric 'margin', 'treatment' vs 'control'");
  }

  @Test
  void analyzeLabelsTheExperimentByItsColumn() throws Exception {
    String rows = "u1,control,3\nu2,control,5\nu3,treatment,4\nu4,treatment,6\n";
    Path named =
        file(
            "export.csv",
            "experiment,unit,variant,revenue\n" + rows.replaceAll("(?m)^(?=.)", "ranker-v2,"));
    String[] m = {"--metrics", "rev", "--metric-def", "rev=mean:revenue", "--no-sequential"};
    Captured r = run(concat(new String[] {"abtest", "analyze", "--events", named.toString()}, m));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Experiment ranker-v2: " + named);
    Captured j =
        run(
            concat(
                concat(new String[] {"abtest", "analyze", "--events", named.toString()}, m),
                "--json"));
    assertThat(j.json().get("experiment").asText()).isEqualTo("ranker-v2");
    // without the column: the file name, and a note that says so
    Path bare = file("bare.csv", "unit,variant,revenue\n" + rows);
    Captured b = run(concat(new String[] {"abtest", "analyze", "--events", bare.toString()}, m));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out())
        .startsWith("Experiment bare.csv: ")
        .contains(
            "note: the table has no experiment column: the experiment is labeled by its"
                + " file name 'bare.csv'");
    // several experiments without --experiment: refused, naming them
    Path two =
        file(
            "two.csv",
            "experiment,unit,variant,revenue\na,u1,control,1\na,u2,treatment,2\nb,u3,control,3\n");
    Captured t = run(concat(new String[] {"abtest", "analyze", "--events", two.toString()}, m));
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err())
        .contains("holds several experiments ('a' at line 2, 'b' at line 4)")
        .contains("--experiment NAME");
  }

  @Test
  void badInputExitsWith2InEverySubcommand() throws Exception {
    Path badJson = file("bad.json", "{bad");
    Path events = tmp.resolve("ev.csv");
    assertThat(
            run(
                    "abtest",
                    "simulate-events",
                    "--out",
                    events.toString(),
                    "--users",
                    "50",
                    "--days",
                    "2",
                    "--pre-days",
                    "0")
                .code())
        .isZero();
    String ev = events.toString();
    // bad values in data files, whatever the layout or format
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("v.csv", "unit,variant,event,value\nu1,control,purchase,x1\n").toString()),
        "line 2, column 'value': value is not a number (value: 'x1')");
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("d.csv", "unit,variant,event,day\nu1,control,click,x\n").toString()),
        "column 'day': day is not an integer (value: 'x')");
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("s.csv", "unit,variant,event\nu1,control\n").toString()),
        "has 2 fields, the header has 3 (too few)");
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("u.csv", "unit,variant,revenue\nu1,control,x1\nu2,treatment,1\n").toString(),
            "--metrics",
            "revenue_per_user"),
        "column 'revenue': revenue is not a number (value: 'x1')");
    assertUsage(
        run("abtest", "analyze", "--events", file("e.parquet", "not parquet").toString()),
        "not a Parquet file");
    assertUsage(
        run("abtest", "analyze", "--events", file("c.csv", "unit,event\nu1,click\n").toString()),
        "--variant-column names column 'variant' for the variant");
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("w.csv", "user,variant,event\nu1,a,click\n").toString(),
            "--format",
            "events"),
        "--unit-column names column 'unit' for the unit id");
    assertUsage(
        run(
            "abtest",
            "analyze",
            "--events",
            file("x.csv", "unit,variant\nu1,a\n").toString(),
            "--format",
            "events",
            "--event-column",
            "kind"),
        "--event-column names column 'kind' for the event type");
    // a bad config file
    assertUsage(
        run("abtest", "assign", "--experiment-config", badJson.toString(), "--unit", "u1"),
        "not valid JSON");
    assertUsage(
        run("abtest", "analyze", "--events", ev, "--experiment-config", badJson.toString()),
        "not valid JSON");
    assertUsage(
        run(
            "abtest",
            "simulate-events",
            "--out",
            tmp.resolve("x.csv").toString(),
            "--experiment-config",
            badJson.toString()),
        "not valid JSON");
    // bad option values: out of range, or not a number
    assertUsage(
        run(
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--mde",
            "0.05",
            "--alpha",
            "2"),
        "--alpha");
    assertUsage(run("abtest", "analyze", "--events", ev, "--alpha", "2"), "--alpha");
    assertUsage(
        run("abtest", "simulate-events", "--out", tmp.resolve("y.csv").toString(), "--users", "0"),
        "--users");
    assertUsage(run("abtest", "simulate", "--experiments", "0"), "--experiments");
    for (String[] args :
        new String[][] {
          {"abtest", "plan", "--metric", "proportion", "--baseline", "0.05", "--mde", "x"},
          {"abtest", "analyze", "--events", ev, "--alpha", "x"},
          {"abtest", "assign", "--experiment-config", badJson.toString(), "--unit"},
          {"abtest", "simulate-events", "--out", "x.csv", "--users", "x"},
          {"abtest", "simulate", "--experiments", "x"}
        }) {
      assertThat(run(args).code()).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  @Test
  void aFailureWhileRunningExitsWith1() throws Exception {
    Path notADir = file("plain-file", "x");
    Path events = tmp.resolve("ev.csv");
    run(
        "abtest",
        "simulate-events",
        "--out",
        events.toString(),
        "--users",
        "50",
        "--days",
        "2",
        "--pre-days",
        "0");
    Captured report =
        run(
            "abtest",
            "analyze",
            "--events",
            events.toString(),
            "--no-sequential",
            "--report",
            notADir.resolve("r.html").toString());
    assertThat(report.code()).as(report.err()).isEqualTo(1);
    Captured out =
        run(
            "abtest",
            "simulate-events",
            "--out",
            notADir.resolve("e.csv").toString(),
            "--users",
            "50");
    assertThat(out.code()).as(out.err()).isEqualTo(1);
  }

  private static void assertUsage(Captured r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
