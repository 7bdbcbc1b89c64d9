package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.table.TimestampUnit;
import dev.vitrina.core.validate.InvalidFileException;
import dev.vitrina.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet through the table layer gives the same typed columns and report as CSV. */
class ParquetTableFormatTest {

  @TempDir Path dir;

  static final Field STORE = Field.required("storeColumn", "store id", "store", FieldKind.ID);
  static final Field ITEM = Field.required("itemColumn", "item id", "item", FieldKind.ID);
  static final Field DAY = Field.required("dateColumn", "date", "date", FieldKind.DAY);
  static final Field QTY = Field.required("qtyColumn", "quantity", "qty", FieldKind.FLOAT);
  static final Field PROMO = Field.optional("promoColumn", "promo", "promo", FieldKind.FLAG);
  static final Field AT =
      Field.optional("atColumn", "timestamp", "at", FieldKind.TIMESTAMP)
          .withUnit(TimestampUnit.SECONDS);

  private Path parquet() throws IOException {
    Path f = dir.resolve("s.parquet");
    BitSet itemNulls = new BitSet();
    itemNulls.set(3);
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            List.of(
                new ColumnSpec("store", ColumnType.STRING, true),
                new ColumnSpec("item", ColumnType.INT64, true),
                new ColumnSpec("date", ColumnType.DATE, false),
                new ColumnSpec("qty", ColumnType.STRING, true),
                new ColumnSpec("promo", ColumnType.BOOLEAN, false),
                new ColumnSpec("at", ColumnType.INT64, false)),
            Codec.ZSTD,
            ParquetWriter.Options.defaults())) {
      w.writeRowGroup(
          StringColumn.of(" s1 ", "s1", "s2", "s2", ""),
          new LongColumn(new long[] {7, 7, 8, 0, 9}, 5, itemNulls),
          new IntColumn(new int[] {19724, 19725, 19724, 19724, 19724}, 5, null),
          StringColumn.of("1.5", "abc", "2", "1", "1"),
          BooleanColumn.of(true, false, true, true, true),
          new LongColumn(new long[] {1, 2, 3, 4, 5}, 5, null));
    }
    return f;
  }

  @Test
  void readsKindsFromParquetTypesAndReportsLikeText() throws IOException {
    Table t = Tables.read(TableSource.of(parquet()), List.of(STORE, ITEM, DAY, QTY, PROMO, AT));
    assertThat(t.rows()).isEqualTo(5);
    assertThat(t.ids(STORE).dictionary()).as("trimmed and merged").containsExactly("s1", "s2");
    assertThat(t.ids(STORE).codes()).containsExactly(0, 0, 1, 1, -1);
    assertThat(t.ids(ITEM).dictionary()).containsExactly("7", "8", "9");
    assertThat(t.days(DAY).days()).containsExactly(19724, 19725, 19724, 19724, 19724);
    assertThat(t.floats(QTY).values()[0]).isEqualTo(1.5f);
    assertThat(t.floats(PROMO).values()).containsExactly(1f, 0f, 1f, 1f, 1f);
    assertThat(t.timestamps(AT).millis()).startsWith(1000L, 2000L);
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rejectedByReason())
        .containsEntry("non-numeric quantity", 1L)
        .containsEntry("null item id", 1L)
        .containsEntry("null store id", 1L);
    assertThat(r.issues())
        .extracting(ValidationReport.Issue::row)
        .as("1-based rows")
        .containsExactly(2L, 4L, 5L);
    assertThat(t.source().rowWord()).isEqualTo("row");
  }

  @Test
  void missingColumnsAndUnreadableTypesAreNamed() throws IOException {
    Path f = parquet();
    Field shop = Field.required("storeColumn", "store id", "shop", FieldKind.ID);
    assertThatThrownBy(() -> Tables.read(TableSource.of(f), List.of(shop)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("storeColumn names column 'shop'")
        .hasMessageContaining("its columns are [store, item, date, qty, promo, at]");
    Field promoAsId = Field.required("storeColumn", "store id", "promo", FieldKind.ID);
    assertThatThrownBy(() -> Tables.read(TableSource.of(f), List.of(promoAsId)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("column 'promo' (store id) is BOOLEAN, which cannot be read as id");
  }

  @Test
  void integerSecondsBeyondTheMillisecondRangeAreRejectedNotThrown() throws IOException {
    Path f = dir.resolve("t.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            List.of(new ColumnSpec("at", ColumnType.INT64, false)),
            Codec.ZSTD,
            ParquetWriter.Options.defaults())) {
      w.writeRowGroup(LongColumn.of(978300760L, Long.MAX_VALUE / 10));
    }
    Table t = Tables.read(TableSource.of(f), List.of(AT));
    assertThat(t.timestamps(AT).millis()[0]).isEqualTo(978300760000L);
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "");
    assertThat(r.rejectedByReason()).containsOnlyKeys("unparseable timestamp");
    assertThat(r.issues().get(0).row()).isEqualTo(2);
    assertThat(r.issues().get(0).value()).isEqualTo(Long.toString(Long.MAX_VALUE / 10));
  }

  @Test
  void aTextFileNamedParquetIsAnInvalidFile() throws IOException {
    Path f = dir.resolve("x.parquet");
    Files.writeString(f, "store,date\n");
    assertThatThrownBy(() -> Tables.read(TableSource.of(f), List.of(STORE)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("not a Parquet file");
  }

  @Test
  void anUnreadableColumnFailsByNameOnlyWhenAskedFor() throws IOException {
    TableSource nested = TableSource.of(ParquetFixturesTest.fixture("pyarrow_nested.parquet"));
    Field id = Field.required("idColumn", "id", "id", FieldKind.ID);
    Field after = Field.required("afterColumn", "after", "after", FieldKind.TEXT);
    Table t = Tables.read(nested, List.of(id, after));
    assertThat(t.rows()).as("nested columns not asked for are not read").isEqualTo(10);
    assertThat(t.texts(after).values()[9]).isEqualTo("a9");
    assertThat(Tables.columns(nested)).containsExactly("id", "after");
    Field point = Field.optional("pointColumn", "point", "point", FieldKind.DOUBLE);
    assertThatThrownBy(() -> Tables.read(nested, List.of(id, point)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("cannot read column 'point'")
        .hasMessageContaining("nested group");
  }

  @Test
  void doublesFromFloatBooleanAndTextColumnsReadAsTheirCsvTextWould() throws IOException {
    Path f = dir.resolve("n.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            List.of(
                new ColumnSpec("f", ColumnType.FLOAT, false),
                new ColumnSpec("b", ColumnType.BOOLEAN, true),
                new ColumnSpec("s", ColumnType.STRING, true)),
            Codec.UNCOMPRESSED,
            ParquetWriter.Options.defaults())) {
      w.writeRowGroup(
          FloatColumn.of(0.1f, 3f, -2.5f),
          new BooleanColumn(new boolean[] {true, false, false}, 3, bits(2)),
          StringColumn.of("2.5", "NaN", ""));
    }
    Field fl = Field.required("fColumn", "f", "f", FieldKind.DOUBLE);
    Field b = Field.optional("bColumn", "b", "b", FieldKind.DOUBLE);
    Field s = Field.optional("sColumn", "s", "s", FieldKind.DOUBLE);
    Table t = Tables.read(TableSource.of(f), List.of(fl, b, s));
    assertThat(t.doubles(fl).values()).containsExactly(0.1, 3, -2.5);
    assertThat(t.doubles(b).values()).containsExactly(1, 0, Double.NaN);
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "");
    assertThat(r.rejectedByReason())
        .as("NaN text is bad, as in CSV")
        .containsOnlyKeys("non-numeric s");
    assertThat(r.issues().get(0).value()).isEqualTo("NaN");
  }

  private static BitSet bits(int... set) {
    BitSet b = new BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }
}
