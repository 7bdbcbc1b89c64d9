package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Library errors name the library's parameter; the command line reports them with its flags. */
class LibraryParameterFlagsTest {

  @TempDir Path tmp;

  private static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  private static String usage(Captured r) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    return r.err();
  }

  private Path sales() throws Exception {
    Path f = tmp.resolve("sales.csv");
    Files.writeString(f, "store_id,item_id,date,qty\nS1,A,2024-01-01,1\nS1,A,2024-01-02,2\n");
    return f;
  }

  @Test
  void demandParametersAreReportedWithTheirFlags() throws Exception {
    String s = sales().toString();
    String out = tmp.resolve("f.parquet").toString();
    assertThat(usage(run("features", "--sales", s, "--out", out, "--level", "item,,city")))
        .startsWith("error: --level has an empty column in 'item,,city'; use e.g. item,city");
    assertThat(usage(run("features", "--sales", s, "--out", out, "--freq", "month")))
        .startsWith("error: --freq must be day or week, got 'month'");
    assertThat(usage(run("features", "--sales", s, "--out", out, "--lags", "1,x")))
        .startsWith("error: --lags '1,x' has an unreadable part 'x'; use e.g. 1..7,14,21,28");
    assertThat(
            usage(
                run(
                    "features",
                    "--sales",
                    s,
                    "--out",
                    out,
                    "--start",
                    "2024-02-01",
                    "--end",
                    "2024-01-01")))
        .startsWith("error: --end 2024-01-01 is before --start 2024-02-01");
    assertThat(usage(run("features", "--sales", s, "--out", out, "--start", "2100-01-01")))
        .contains("(--start, --end)")
        .contains("(--allow-empty)")
        .doesNotContain("PanelOptions")
        .doesNotContain("SalesReadOptions");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Captured noSales = run("features", "--data", empty.toString(), "--out", out);
    assertThat(noSales.code()).isNotZero();
    assertThat(noSales.err())
        .contains(empty + " has no sales.parquet")
        .contains("give the sales file separately (--sales)");
  }

  @Test
  void experimentParametersAreReportedWithTheirFlags() {
    assertThat(
            usage(
                run(
                    "abtest",
                    "plan",
                    "--metric",
                    "proportion",
                    "--baseline",
                    "0.05",
                    "--mde",
                    "0.01",
                    "--power",
                    "1")))
        .startsWith("error: --power must be in (0.0, 1.0), got 1.0");
    assertThat(
            usage(
                run(
                    "abtest",
                    "plan",
                    "--metric",
                    "mean",
                    "--baseline",
                    "30",
                    "--sd",
                    "0",
                    "--mde",
                    "1")))
        .startsWith("error: --sd (the standard deviation of a mean metric per unit) must be > 0");
    assertThat(
            usage(
                run(
                    "abtest",
                    "plan",
                    "--metric",
                    "proportion",
                    "--baseline",
                    "0.05",
                    "--mde",
                    "0")))
        .startsWith("error: --mde (the effect) must be a non-zero finite number, got 0.0")
        .contains("0.05 with --relative for +5%");
    assertThat(
            usage(
                run(
                    "abtest",
                    "plan",
                    "--metric",
                    "proportion",
                    "--baseline",
                    "0.05",
                    "--mde",
                    "0.99")))
        .contains("outside (0, 1); use a smaller --mde");
    assertThat(
            usage(
                run(
                    "abtest",
                    "simulate-events",
                    "--out",
                    tmp.resolve("e.csv").toString(),
                    "--users",
                    "0")))
        .startsWith("error: --users must be >= 1, got 0");
    assertThat(usage(run("abtest", "simulate", "--experiments", "5")))
        .startsWith("error: --experiments must be >= 10, got 5");
  }

  @Test
  void recsParametersAreReportedWithTheirFlags() {
    String data = tmp.resolve("none.csv").toString();
    assertThat(usage(run("recs", "evaluate", "--data", data, "--bootstrap", "-1")))
        .startsWith("error: --bootstrap must be >= 0, got -1");
    assertThat(usage(run("recs", "evaluate", "--data", data, "--k", "0")))
        .startsWith("error: --k must be >= 1, got 0");
  }

  @Test
  void qualifiedReferencesBecomeFlagsOnlyWhereAnOptionClaimsThem() {
    CommandLine.Model.CommandSpec plan =
        VitrinaCli.commandLine()
            .getSubcommands()
            .get("abtest")
            .getSubcommands()
            .get("plan")
            .getCommandSpec();
    assertThat(
            VitrinaCli.withFlags(
                "use a larger Effect.value, check Baseline.mean and Baseline.sd.", plan))
        .isEqualTo("use a larger --mde, check --baseline and --sd.");
    // unclaimed references, file names and longer dotted names stay as they are
    assertThat(
            VitrinaCli.withFlags(
                "Effect.absolute(0.5) in Sales.csv at dev.vitrina.Effect.value or Effect.value.x",
                plan))
        .isEqualTo(
            "Effect.absolute(0.5) in Sales.csv at dev.vitrina.Effect.value or Effect.value.x");
  }
}
