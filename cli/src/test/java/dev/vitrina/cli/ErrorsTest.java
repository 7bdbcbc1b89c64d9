package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One error rule for every command: clear messages, exit 2 for bad input, no stack traces. */
class ErrorsTest {

  @TempDir Path tmp;

  private static Captured run(String... args) {
    return VitrinaCli.capture(args);
  }

  private Path salesCsv(String name, String content) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private static void assertNoStackTrace(Captured r) {
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void aMissingInputFileNamesThePathAndExits2() {
    Path missing = tmp.resolve("nope.csv");
    Captured r = run("features", "--sales", missing.toString(), "--out", tmp + "/f.parquet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: " + missing + " does not exist");
    assertNoStackTrace(r);
  }

  @Test
  void aDirectoryGivenAsAFileNamesThePath() {
    Captured r = run("features", "--sales", tmp.toString(), "--out", tmp + "/f.parquet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(tmp + " is a directory, expected a CSV file");
    assertNoStackTrace(r);
  }

  @Test
  void aCorruptOrForeignParquetFileIsInvalidInput() throws Exception {
    Path fake = salesCsv("sales.parquet", "store_id,item_id,date,qty\nS1,A,2024-01-01,1\n");
    Captured r = run("features", "--sales", fake.toString(), "--out", tmp + "/f.parquet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a Parquet file: " + fake);
    assertNoStackTrace(r);

    Captured dir = run("features", "--sales", tmp.toString() + "/", "--out", tmp + "/f.parquet");
    assertThat(dir.code()).isEqualTo(2);
  }

  @Test
  void anUnterminatedQuoteIsOneMessageWithoutATrace() throws Exception {
    Path f = salesCsv("q.csv", "store_id,item_id,date,qty\nS1,\"A,2024-01-01,1\n");
    Captured r = run("features", "--sales", f.toString(), "--out", tmp + "/f.parquet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(f + " line 2: unterminated quoted field");
    assertNoStackTrace(r);
  }

  @Test
  void anInputWhoseRowsAreAllRejectedIsAnErrorNotAnEmptyOutput() throws Exception {
    Path f = salesCsv("d.csv", "store_id,item_id,date,qty\nS1,A,2024/01/01,1\n");
    Path out = tmp.resolve("f.parquet");
    Captured r = run("features", "--sales", f.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no usable rows").contains("unparseable date");
    assertThat(r.err()).as("the library's allowEmpty hint as the flag").contains("(--allow-empty)");
    assertThat(out).doesNotExist();
    Captured allowed =
        run("features", "--sales", f.toString(), "--out", out.toString(), "--allow-empty");
    assertThat(allowed.code()).as(allowed.err()).isZero();
    assertThat(out).exists();
  }

  @Test
  void tableErrorsNameTheColumnFlagAndTheSkipFlag() throws Exception {
    Path f = salesCsv("m.csv", "shop,item_id,date,qty\nS1,A,2024-01-01,1\n");
    Captured missing = run("features", "--sales", f.toString(), "--out", tmp + "/m.parquet");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("--store-col names column 'store_id' for the store id")
        .contains("its columns are [shop, item_id, date, qty]");
    Path bad =
        salesCsv("b.csv", "store_id,item_id,date,qty\nS1,A,2024-01-01,x\nS1,A,2024-01-02,1\n");
    Captured strict =
        run(
            "features",
            "--sales",
            bad.toString(),
            "--on-invalid=fail",
            "--out",
            tmp + "/b.parquet");
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err())
        .contains("1 of 2 rows are invalid")
        .contains("line 2, column 'qty': quantity is not a number (value: 'x')")
        .contains("(--on-invalid=reject)");
  }

  @Test
  void badOptionValuesNameTheFlag() throws Exception {
    Path f = salesCsv("s.csv", "store_id,item_id,date,qty\nS1,A,2024-01-01,1\n");
    Captured rows =
        run(
            "features",
            "--sales",
            f.toString(),
            "--out",
            tmp + "/f.parquet",
            "--row-group-rows",
            "0");
    assertThat(rows.code()).isEqualTo(2);
    assertThat(rows.err()).contains("error: --row-group-rows must be >= 1, got 0");

    Captured date =
        run(
            "features",
            "--sales",
            f.toString(),
            "--out",
            tmp + "/f.parquet",
            "--start",
            "2024-13-01");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err())
        .contains("'2024-13-01' is not a date; use yyyy-MM-dd")
        .doesNotContain("java.time");

    Captured unknown =
        run("features", "--sales", f.toString(), "--out", tmp + "/f.parquet", "--lvl", "x");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option").contains("'vitrina features --help'");
    assertThat(unknown.err()).doesNotContain("Usage:"); // the message, not a page of usage
  }

  @Test
  void everyHelpTextRendersWithoutWarningsOrBrokenSentences() {
    List<String> commands = new ArrayList<>();
    collect(VitrinaCli.commandLine(), commands);
    assertThat(commands).hasSizeGreaterThan(15);
    for (String cmd : commands) {
      String[] args = (cmd.isEmpty() ? "--help" : cmd + " --help").split(" ");
      Captured r = run(args);
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.err()).as(cmd).doesNotContain("WARN").isEmpty();
      String[] lines = r.out().split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        // a line of one or two words followed by a continuation is a sentence broken by a
        // description written as several strings
        String line = lines[i].strip();
        String next = lines[i + 1].strip();
        boolean fragment =
            !line.isEmpty()
                && line.split(" ").length <= 2
                && line.length() < 25
                && !line.startsWith("-")
                && !line.endsWith(":")
                && !line.endsWith(".")
                && !next.isEmpty()
                && Character.isLowerCase(next.charAt(0));
        assertThat(fragment).as(cmd + " --help line " + (i + 1) + ": '" + line + "'").isFalse();
      }
    }
  }

  private static void collect(CommandLine cl, List<String> out) {
    String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^vitrina ?", "");
    if (!name.equals("help")) {
      out.add(name);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, out);
    }
  }
}
