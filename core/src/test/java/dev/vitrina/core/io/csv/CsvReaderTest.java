package dev.vitrina.core.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

  @TempDir Path dir;

  private static CsvReader reader(String text, CsvOptions options) throws IOException {
    return CsvReader.open(
        new ByteArrayInputStream(text.getBytes(options.charset())), "test.csv", options);
  }

  /** All records as lists of fields, each prefixed by its line number. */
  private static List<List<String>> records(CsvReader r) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (CsvRow row = r.next(); row != null; row = r.next()) {
      List<String> fields = new ArrayList<>();
      fields.add("@" + row.lineNumber());
      for (int i = 0; i < row.fieldCount(); i++) {
        fields.add(row.field(i));
      }
      out.add(fields);
    }
    return out;
  }

  @Test
  void quotingCrlfAndLineNumbers() throws IOException {
    String text =
        "id,name,note\r\n"
            + "1,plain,\"has, comma\"\r\n"
            + "2,\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
            + "\r\n"
            + "3,,\"\"\r\n"
            + "4,in\"side,x";
    try (CsvReader r = reader(text, CsvOptions.csv())) {
      assertThat(r.header()).containsExactly("id", "name", "note");
      assertThat(records(r))
          .containsExactly(
              List.of("@2", "1", "plain", "has, comma"),
              List.of("@3", "2", "say \"hi\"", "two\r\nlines"),
              List.of("@6", "3", "", ""),
              List.of("@7", "4", "in\"side", "x"));
    }
  }

  @Test
  void bomCommentsBlankLinesAndMissingFinalNewline() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String body = "# generated\nuser,item\n\n# a comment\nu1,i1\nu2,i2";
    byte[] all = new byte[bom.length + body.length()];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, all, 3, body.length());
    Path f = dir.resolve("bom.csv");
    Files.write(f, all);
    try (CsvReader r = CsvReader.open(f, CsvOptions.csv().withCommentPrefix("#"))) {
      assertThat(r.header()).containsExactly("user", "item");
      assertThat(r.columnIndex("user")).isZero();
      assertThat(records(r)).containsExactly(List.of("@5", "u1", "i1"), List.of("@6", "u2", "i2"));
    }
  }

  @Test
  void trailingDelimiterGivesAnEmptyLastField() throws IOException {
    try (CsvReader r = reader("a,b,\nc,d,", CsvOptions.csv().withHeader(false))) {
      assertThat(records(r))
          .containsExactly(List.of("@1", "a", "b", ""), List.of("@2", "c", "d", ""));
    }
  }

  @Test
  void tsvAndPipeWithoutQuotingAndLatin1() throws IOException {
    String item =
        "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0\n"
            + "2|\"Café\" Society|01-Jan-1996||x|1|0\n";
    CsvOptions opts =
        new CsvOptions('|', CsvOptions.NO_QUOTE, false, null, StandardCharsets.ISO_8859_1);
    try (CsvReader r = reader(item, opts)) {
      CsvRow row = r.next();
      assertThat(row.fieldCount()).isEqualTo(7);
      assertThat(row.field(1)).isEqualTo("Toy Story (1995)");
      assertThat(row.isEmpty(3)).isTrue();
      assertThat(row.intField(0)).isEqualTo(1);
      row = r.next();
      assertThat(row.field(1)).isEqualTo("\"Café\" Society");
      assertThat(r.next()).isNull();
      assertThat(r.next()).isNull();
    }
    try (CsvReader r = reader("a\tb\n1\t2.5\n", CsvOptions.tsv())) {
      CsvRow row = r.next();
      assertThat(row.field("a")).isEqualTo("1");
      assertThat(row.doubleField(1)).isEqualTo(2.5);
    }
  }

  @Test
  void missingColumnListsTheHeader() throws IOException {
    try (CsvReader r = reader("user_id;item_id\n1;2\n", CsvOptions.csv())) {
      assertThatThrownBy(() -> r.columnIndex("item_id"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "column 'item_id' not found in test.csv; the header has 1 columns: [user_id;item_id]"
                  + " (one column: is the delimiter really ','?)");
    }
    try (CsvReader r = reader("1,2\n", CsvOptions.csv().withHeader(false))) {
      assertThatThrownBy(() -> r.columnIndex("x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("without a header");
    }
  }

  @Test
  void badRecordsNameFileLineAndField() throws IOException {
    try (CsvReader r = reader("a,b\n1,\"open\n2,3\n", CsvOptions.csv())) {
      assertThatThrownBy(r::next)
          .isInstanceOf(CsvException.class)
          .hasMessageStartingWith("test.csv line 2: unterminated quoted field 2")
          .extracting(e -> ((CsvException) e).lineNumber())
          .isEqualTo(2L);
    }
    try (CsvReader r = reader("a,b\n1,\"x\"y\n", CsvOptions.csv())) {
      assertThatThrownBy(r::next)
          .isInstanceOf(CsvException.class)
          .hasMessageStartingWith(
              "test.csv line 2: unexpected character 'y' after the closing quote");
    }
    try (CsvReader r = reader("qty,price\n1\n12x,3\n", CsvOptions.csv())) {
      CsvRow row = r.next();
      assertThatThrownBy(() -> row.field(1))
          .isInstanceOf(CsvException.class)
          .hasMessageStartingWith("test.csv line 2: has 1 fields, field 1 ('price') was requested");
      CsvRow row2 = r.next();
      assertThatThrownBy(() -> row2.intField(0))
          .isInstanceOf(CsvException.class)
          .hasMessage("test.csv line 3: field 0 ('qty') = '12x' is not an integer");
    }
  }

  @Test
  void numericFields() throws IOException {
    String text =
        "-2147483648,9223372036854775807,-9223372036854775808, 42 ,0.1,-12.5e3,,3.000000000000000001,1e400\n";
    try (CsvReader r = reader(text, CsvOptions.csv().withHeader(false))) {
      CsvRow row = r.next();
      assertThat(row.intField(0)).isEqualTo(Integer.MIN_VALUE);
      assertThat(row.longField(1)).isEqualTo(Long.MAX_VALUE);
      assertThat(row.longField(2)).isEqualTo(Long.MIN_VALUE);
      assertThat(row.intField(3)).isEqualTo(42);
      assertThat(row.doubleField(4)).isEqualTo(0.1);
      assertThat(row.doubleField(5)).isEqualTo(-12500.0);
      assertThat(row.doubleField(6)).isNaN();
      assertThat(row.doubleField(7)).isEqualTo(3.000000000000000001);
      assertThat(row.doubleField(8)).isInfinite();
      assertThatThrownBy(() -> row.intField(1))
          .isInstanceOf(CsvException.class)
          .hasMessageContaining("is not an int (out of range)");
    }
    try (CsvReader r = reader("9223372036854775808\n", CsvOptions.csv().withHeader(false))) {
      CsvRow row = r.next();
      assertThatThrownBy(() -> row.longField(0)).hasMessageContaining("out of range");
    }
  }

  /** Records longer than the buffer and split at every possible point still parse. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void recordsAcrossBufferBoundaries(int buffer) throws IOException {
    SplittableRandom rnd = new SplittableRandom(buffer);
    StringBuilder sb = new StringBuilder("k,v\r\n");
    List<List<String>> want = new ArrayList<>();
    int line = 2;
    for (int i = 0; i < 300; i++) {
      String v = rnd.nextInt(5) == 0 ? "x".repeat(rnd.nextInt(300)) : "q\"\"uo\nte";
      boolean quoted = v.contains("\"");
      sb.append(i)
          .append(',')
          .append(quoted ? "\"" + v + "\"" : v)
          .append(i % 2 == 0 ? "\r\n" : "\n");
      want.add(List.of("@" + line, Integer.toString(i), quoted ? "q\"uo\nte" : v));
      line += quoted ? 2 : 1;
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    try (CsvReader r =
        CsvReader.open(new ByteArrayInputStream(bytes), "b.csv", CsvOptions.csv(), buffer)) {
      assertThat(records(r)).as("buffer %d", buffer).isEqualTo(want);
    }
  }

  @Test
  void iteratorYieldsTheReusedView() throws IOException {
    try (CsvReader r = reader("a\n1\n2\n3\n", CsvOptions.csv())) {
      long sum = 0;
      List<Long> lines = new ArrayList<>();
      for (CsvRow row : r) {
        sum += row.longField(0);
        lines.add(row.lineNumber());
      }
      assertThat(sum).isEqualTo(6);
      assertThat(lines).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void optionsValidation() {
    assertThatThrownBy(() -> CsvOptions.csv().withDelimiter('"'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quote must differ from the delimiter");
    assertThatThrownBy(() -> CsvOptions.csv().withCharset(StandardCharsets.UTF_16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ASCII-compatible");
  }
}
