package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.BadRowsException;
import dev.vitrina.core.table.TimestampUnit;
import dev.vitrina.core.validate.NoRowsException;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsReaderTest {

  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private static Interactions csv(Path f, DelimitedFormat format) throws IOException {
    return InteractionsReader.read(f, "csv", format);
  }

  @Test
  void readsCsvWithHeaderQuotesTimestampsAndRepeats() throws IOException {
    Path f =
        write(
            "events.csv",
            "user_id,item_id,value,ts\n"
                + "u1,\"item, one\",2,2024-03-01T10:00:00Z\n"
                + "u2,i2,1,2024-03-02\n"
                + "u1,\"item, one\",3,2024-03-03T00:00:00Z\n");
    Interactions d =
        csv(
            f,
            DelimitedFormat.csv()
                .withValueColumn("value")
                .withTimestampColumn("ts", TimestampUnit.ISO));
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.numUsers()).isEqualTo(2);
    assertThat(d.items().id(0)).isEqualTo("item, one");
    assertThat(d.timestamp(1)).isEqualTo(1709337600000L);
    ValidationReport r = d.readReport().orElseThrow();
    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.duplicatesMerged()).as("rows repeating a (user, item) pair").isEqualTo(1);
    UserItemMatrix m = d.toMatrix(ValueTransform.RAW);
    assertThat(m.nnz()).isEqualTo(2);
    assertThat(m.data()[0]).isEqualTo(5f);
    assertThat(d.toMatrix(ValueTransform.BINARY).data()[0]).isEqualTo(1f);
  }

  @Test
  void badRowsFailWithFileLineColumnValueAndCount() throws IOException {
    Path f =
        write(
            "bad.csv",
            "user_id,item_id,value\nu1,i1,1\nu2,i2,abc\nu3,,1\nu4\nu5,i5,-2\nu6,i6,1e39\n");
    assertThatThrownBy(() -> csv(f, DelimitedFormat.csv().withValueColumn("value")))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("bad.csv: 5 of 6 rows are invalid")
        .hasMessageContaining("2 x value not a finite number >= 0")
        .hasMessageContaining("line 3, column 'value': value is not a number (value: 'abc')")
        .hasMessageContaining("line 4, column 'item_id': item id is empty")
        .hasMessageContaining("line 5, column '(row)'")
        .hasMessageContaining("(value: 'has 1 fields, the header has 3 (too few)')")
        .hasMessageContaining("line 6, column 'value': implicit values (counts, weights) must be")
        .hasMessageContaining("(value: '-2')")
        .hasMessageContaining("line 7, column 'value'")
        .hasMessageContaining("(value: 'Infinity')")
        .hasMessageContaining("--skip-bad-rows");
  }

  @Test
  void explicitValuesMayBeNegativeButNotInfinite() throws IOException {
    Path f = write("r.csv", "user_id,item_id,value\nu1,i1,-2\nu2,i2,1e39\n");
    Interactions d =
        csv(
            f,
            DelimitedFormat.csv()
                .withValueColumn("value")
                .withFeedback(Feedback.EXPLICIT)
                .withBadRows(BadRowPolicy.SKIP_AND_REPORT));
    assertThat(d.size()).isEqualTo(1);
    assertThat(d.value(0)).isEqualTo(-2f);
    assertThat(d.readReport().orElseThrow().rejectedByReason())
        .containsExactly(Map.entry("non-finite value", 1L));
  }

  @Test
  void skippedRowsAreCountedNotDroppedSilently() throws IOException {
    Path f = write("bad.csv", "user_id,item_id,value\nu1,i1,1\nu2,i2,abc\n");
    Interactions d =
        csv(
            f,
            DelimitedFormat.csv()
                .withValueColumn("value")
                .withBadRows(BadRowPolicy.SKIP_AND_REPORT));
    assertThat(d.size()).isEqualTo(1);
    ValidationReport r = d.readReport().orElseThrow();
    assertThat(r.rowsRejected()).isEqualTo(1);
    assertThat(r.issues()).singleElement().satisfies(i -> assertThat(i.row()).isEqualTo(3));
    assertThat(r.summary()).contains("bad.csv: read 2, kept 1, rejected 1");
  }

  @Test
  void missingColumnsAndEmptyFilesAreExplained() throws IOException {
    Path f = write("x.csv", "user,item\nu,i\n");
    assertThatThrownBy(() -> csv(f, DelimitedFormat.csv()))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("userColumn names column 'user_id' for the user id")
        .hasMessageContaining("has no such column; its columns are [user, item]")
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("userColumn"));
    assertThatThrownBy(() -> csv(f, DelimitedFormat.csv().withUserColumn("user")))
        .as("the item column is checked too")
        .isInstanceOf(ParameterException.class)
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("itemColumn"));
    Path empty = write("empty.csv", "user_id,item_id\n");
    assertThatThrownBy(() -> csv(empty, DelimitedFormat.csv()))
        .isInstanceOf(NoRowsException.class)
        .hasMessageContaining("empty.csv: no usable rows")
        .hasMessageContaining("no interactions read");
    assertThatThrownBy(() -> InteractionsReader.read(tmp.resolve("nope.csv"), "auto", null))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("data names no file")
        .hasMessageContaining("nope.csv");
  }

  @Test
  void aNamedOptionalColumnMustExist() throws IOException {
    Path f = write("x.csv", "user_id,item_id,value\nu,i,1\n");
    assertThatThrownBy(
            () -> csv(f, DelimitedFormat.csv().withTimestampColumn("ts", TimestampUnit.ISO)))
        .isInstanceOf(ParameterException.class)
        .satisfies(
            e -> assertThat(((ParameterException) e).parameter()).isEqualTo("timestampColumn"));
    assertThatThrownBy(() -> csv(f, DelimitedFormat.csv().withValueColumn("count")))
        .isInstanceOf(ParameterException.class)
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("valueColumn"));
  }

  @Test
  void eventColumnsMapToWeights() throws IOException {
    Path f = write("ev.tsv", "user_id\titem_id\tevent\nu\ta\tview\nu\tb\tpurchase\nu\tc\tclick\n");
    DelimitedFormat fmt =
        DelimitedFormat.tsv()
            .withEvents("event", DelimitedFormat.parseEventWeights("view=1,purchase=5"))
            .withBadRows(BadRowPolicy.SKIP_AND_REPORT);
    Interactions d = InteractionsReader.read(f, "auto", fmt);
    assertThat(d.value(1)).isEqualTo(5f);
    assertThat(d.readReport().orElseThrow().issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.row()).isEqualTo(4);
              assertThat(i.value()).isEqualTo("click");
              assertThat(i.reason()).contains("'click' has no weight");
            });
    assertThatThrownBy(() -> DelimitedFormat.parseEventWeights("view:1"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("view=1,cart=3,purchase=5");
    assertThatThrownBy(() -> DelimitedFormat.csv().withEvents("event", Map.of()))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("needs event weights");
  }

  @Test
  void headerlessFilesUsePositions() throws IOException {
    Path f = write("u.data", "1\t10\t5\t881250949\n2\t10\t3\t891717742\n");
    DelimitedFormat positions =
        DelimitedFormat.tsv()
            .withHeader(false)
            .withUserColumn("1")
            .withItemColumn("2")
            .withValueColumn("3")
            .withTimestampColumn("4", TimestampUnit.SECONDS)
            .withFeedback(Feedback.EXPLICIT);
    Interactions d = InteractionsReader.read(f, "tsv", positions);
    assertThat(d.timestamp(0)).isEqualTo(881250949000L);
    assertThatThrownBy(
            () -> InteractionsReader.read(f, "tsv", DelimitedFormat.tsv().withHeader(false)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("userColumn names column 'user_id'")
        .hasMessageContaining("has no header, so columns are 1-based positions 1..4");
  }

  @Test
  void parquetGoesThroughTheSameRules() throws IOException {
    Path f = tmp.resolve("events.parquet");
    BitSet nullValue = new BitSet();
    nullValue.set(2);
    double[] values = {2, -1, Double.NaN, 4};
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            List.of(
                new ColumnSpec("user_id", ColumnType.INT64, false),
                new ColumnSpec("item_id", ColumnType.STRING, false),
                new ColumnSpec("value", ColumnType.DOUBLE, true),
                new ColumnSpec("timestamp", ColumnType.TIMESTAMP_MILLIS, false)),
            Codec.ZSTD,
            ParquetWriter.Options.defaults())) {
      w.writeRowGroup(
          LongColumn.of(7, 7, 8, 9),
          StringColumn.of(" a ", "b", "a", "c"),
          new DoubleColumn(values, 4),
          LongColumn.of(1000, 2000, 3000, 4000));
    }
    DelimitedFormat fmt =
        DelimitedFormat.csv()
            .withValueColumn("value")
            .withTimestampColumn("timestamp", TimestampUnit.ISO);
    assertThatThrownBy(() -> InteractionsReader.read(f, "auto", fmt))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("events.parquet: 2 of 4 rows are invalid")
        .hasMessageContaining("row 2, column 'value': implicit values")
        .hasMessageContaining("row 3, column 'value': value is empty");
    Interactions d =
        InteractionsReader.read(f, "auto", fmt.withBadRows(BadRowPolicy.SKIP_AND_REPORT));
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.users().id(d.userIndex(0))).isEqualTo("7");
    assertThat(d.items().id(d.itemIndex(0))).as("trimmed").isEqualTo("a");
    assertThat(d.value(1)).isEqualTo(4f);
    assertThat(d.timestamp(1)).isEqualTo(4000L);
  }
}
