package dev.vitrina.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  private static final Path F = Path.of("f.csv");

  @Test
  void splitsQuotedFields() {
    assertThat(CsvRows.split("a,\"b,c\",\"d \"\"q\"\"\",,e,", F, 1))
        .containsExactly("a", "b,c", "d \"q\"", "", "e", "");
    assertThat(CsvRows.split("", F, 1)).containsExactly("");
  }

  @Test
  void unterminatedQuoteNamesTheLine() {
    assertThatThrownBy(() -> CsvRows.split("a,\"b", F, 7))
        .hasMessageContaining("f.csv line 7")
        .hasMessageContaining("unterminated");
  }
}
