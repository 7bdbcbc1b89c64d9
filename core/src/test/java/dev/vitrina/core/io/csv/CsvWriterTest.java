package dev.vitrina.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesQuotedFieldsThatReadBack() throws IOException {
    Path f = dir.resolve("report.csv");
    try (CsvWriter w = CsvWriter.open(f, CsvOptions.csv(), List.of("metric", "value"))) {
      w.writeRow("recall@10", "0.25");
      w.writeRow("note, with comma", "say \"hi\"");
      w.writeRow(Arrays.asList("multi\nline", null));
      assertThat(f).doesNotExist();
      assertThat(w.rows()).isEqualTo(3);
    }
    assertThat(Files.readString(f))
        .isEqualTo(
            "metric,value\nrecall@10,0.25\n\"note, with comma\",\"say \"\"hi\"\"\"\n\"multi\nline\",\n");
    List<List<String>> got = new ArrayList<>();
    try (CsvReader r = CsvReader.open(f, CsvOptions.csv())) {
      for (CsvRow row : r) {
        got.add(List.of(row.field(0), row.field(1)));
      }
    }
    assertThat(got)
        .containsExactly(
            List.of("recall@10", "0.25"),
            List.of("note, with comma", "say \"hi\""),
            List.of("multi\nline", ""));
    assertThat(files()).containsExactly("report.csv");
  }

  @Test
  void abortKeepsTheOldFileAndLeavesNoTemp() throws IOException {
    Path f = dir.resolve("r.tsv");
    Files.writeString(f, "old\n");
    CsvWriter w = CsvWriter.open(f, CsvOptions.tsv());
    w.writeRow("new");
    w.abort();
    w.close();
    assertThat(Files.readString(f)).isEqualTo("old\n");
    assertThat(files()).containsExactly("r.tsv");
    assertThatThrownBy(() -> w.writeRow("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void latin1AndNoQuoteRules() throws IOException {
    Path f = dir.resolve("l1.txt");
    CsvOptions opts = CsvOptions.tsv().withCharset(StandardCharsets.ISO_8859_1);
    try (CsvWriter w = CsvWriter.open(f, opts)) {
      w.writeRow("Café", "Ünïcode");
      assertThatThrownBy(() -> w.writeRow("a\tb"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("quoting is disabled");
    }
    assertThat(Files.readAllBytes(f))
        .isEqualTo("Café\tÜnïcode\n".getBytes(StandardCharsets.ISO_8859_1));
  }
}
