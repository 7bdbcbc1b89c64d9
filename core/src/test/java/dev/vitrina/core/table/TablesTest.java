package dev.vitrina.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

  @TempDir Path dir;

  static final Field STORE = Field.required("storeColumn", "store id", "store", FieldKind.ID);
  static final Field DAY = Field.required("dateColumn", "date", "date", FieldKind.DAY);
  static final Field QTY = Field.required("qtyColumn", "quantity", "qty", FieldKind.FLOAT);
  static final Field PROMO = Field.optional("promoColumn", "promo", "promo", FieldKind.FLAG);

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsTypedColumnsWithLineNumbersAndTrimmedIds() throws IOException {
    Path f =
        write(
            "s.csv",
            "store,date,qty,promo\n s1 ,2024-01-02,3.5,yes\ns2,2024-01-03,0,\ns1,2024-01-02,1,0\n");
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY, PROMO));
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.rowNumber(0)).isEqualTo(2);
    assertThat(t.ids(STORE).dictionary()).containsExactly("s1", "s2");
    assertThat(t.ids(STORE).codes()).startsWith(0, 1, 0);
    assertThat(t.days(DAY).days()).startsWith(19724, 19725, 19724);
    assertThat(t.floats(QTY).values()).startsWith(3.5f, 0f, 1f);
    assertThat(t.floats(PROMO).values()).startsWith(1f, Float.NaN, 0f);
    assertThat(t.hasColumn(PROMO)).isTrue();
    ValidationReport r = t.finish(BadRowPolicy.FAIL, "badRows", "SKIP");
    assertThat(r.rowsKept()).isEqualTo(3);
  }

  @Test
  void rejectsMalformedMissingAndUnparseableRowsWithOneReasonEach() throws IOException {
    Path f =
        write(
            "s.csv",
            "store,date,qty\n"
                + "s1,2024-01-02,1\n" // ok, line 2
                + "s1,2024-01-02\n" // too few, line 3
                + "s1,2024-01-02,1,9\n" // too many, line 4
                + ",2024-01-02,1\n" // null store, line 5
                + "s1,02/01/2024,abc\n" // bad date (first rule wins), line 6
                + "s1,2024-01-02,abc\n"); // bad quantity, line 7
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY));
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.rowsKept()).isEqualTo(1);
    assertThat(r.rejectedByReason())
        .containsEntry("malformed row", 2L)
        .containsEntry("null store id", 1L)
        .containsEntry("unparseable date", 1L)
        .containsEntry("non-numeric quantity", 1L);
    assertThat(r.issues())
        .extracting(ValidationReport.Issue::row)
        .containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(r.issues().get(1).value()).isEqualTo("has 4 fields, the header has 3 (too many)");
    assertThat(r.issues().get(3).value()).isEqualTo("02/01/2024");
    assertThat(t.isRejected(0)).isFalse();
    assertThat(t.isRejected(5)).isTrue();
  }

  @Test
  void aBadOptionalValueIsRejectedNotReadAsMissing() throws IOException {
    Path f = write("s.csv", "store,date,qty,promo\ns1,2024-01-02,1,maybe\ns1,2024-01-03,1,\n");
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY, PROMO));
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rejectedByReason()).containsExactly(java.util.Map.entry("unparseable promo", 1L));
    assertThat(r.rowsKept()).isEqualTo(1);
  }

  @Test
  void failPolicyListsCountsAndFirstRowsAfterTheWholeScan() throws IOException {
    Path f = write("s.csv", "store,date,qty\ns1,2024-01-02,x\ns1,2024-01-03,y\ns1,2024-01-04,2\n");
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY));
    assertThatThrownBy(() -> t.finish(BadRowPolicy.FAIL, "badRows", "SKIP_AND_REPORT"))
        .isInstanceOf(BadRowsException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.csv: 2 of 3 rows are invalid")
        .hasMessageContaining("2 x non-numeric quantity")
        .hasMessageContaining("line 2, column 'qty': quantity is not a number (value: 'x')")
        .hasMessageContaining("line 3, column 'qty'")
        .hasMessageEndingWith("Fix these rows, or skip and count them (badRows = SKIP_AND_REPORT).")
        .satisfies(e -> assertThat(((BadRowsException) e).parameter()).isEqualTo("badRows"));
  }

  @Test
  void readersAddTheirOwnRulesToTheSameReport() throws IOException {
    Path f = write("s.csv", "store,date,qty\ns1,2024-01-02,-1\ns1,2024-01-02,1\n");
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY));
    t.reject(0, "negative quantity", "qty", "-1.0", "quantity is negative");
    t.reject(0, "second reason", "qty", "-1.0", "ignored: a row keeps its first reason");
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rejectedByReason()).containsOnlyKeys("negative quantity");
    assertThat(r.issues().get(0).row()).isEqualTo(2);
  }

  @Test
  void aMissingRequiredColumnNamesTheParameterTheFileAndItsColumns() throws IOException {
    Path f = write("s.csv", "shop,date,qty\ns1,2024-01-02,1\n");
    assertThatThrownBy(() -> Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("storeColumn names column 'store' for the store id")
        .hasMessageContaining("s.csv has no such column; its columns are [shop, date, qty]")
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("storeColumn"));
    Path headerOnly = write("h.csv", "shop,date,qty\n");
    assertThatThrownBy(() -> Tables.read(TableSource.of(headerOnly), List.of(STORE)))
        .as("checked even without data rows")
        .isInstanceOf(ParameterException.class);
  }

  @Test
  void anAbsentOptionalColumnIsAllMissing() throws IOException {
    Path f = write("s.csv", "store,date,qty\ns1,2024-01-02,1\n");
    Table t = Tables.read(TableSource.of(f), List.of(STORE, DAY, QTY, PROMO));
    assertThat(t.hasColumn(PROMO)).isFalse();
    assertThat(t.floats(PROMO).values()).containsExactly(Float.NaN);
    assertThat(t.finish(BadRowPolicy.FAIL, "badRows", "SKIP").rowsKept()).isEqualTo(1);
  }

  @Test
  void headerlessMultiCharacterDelimitedTextByPosition() throws IOException {
    Path f = write("ratings.dat", "1::10::5::978300760\n\n2::\"2::0\"::3::978300761\n3::9\n");
    Field user = Field.required("userColumn", "user", "1", FieldKind.ID);
    Field item = Field.required("itemColumn", "item", "2", FieldKind.ID);
    Field value = Field.required("valueColumn", "value", "3", FieldKind.DOUBLE);
    Field time =
        Field.required("timestampColumn", "timestamp", "4", FieldKind.TIMESTAMP)
            .withUnit(TimestampUnit.SECONDS);
    Table t =
        Tables.read(
            TableSource.of(f).withDelimiter("::").withHeader(false),
            List.of(user, item, value, time));
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.rowNumber(1)).as("blank line 2 skipped, numbering kept").isEqualTo(3);
    assertThat(t.id(item, 1)).isEqualTo("2::0");
    assertThat(t.timestamps(time).millis()).startsWith(978300760000L, 978300761000L);
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rejectedByReason()).containsOnlyKeys("malformed row");
    assertThat(r.issues().get(0).value()).isEqualTo("has 2 fields, the first row has 4 (too few)");
  }

  @Test
  void integersTimestampsAndTextKinds() throws IOException {
    Path f =
        write(
            "e.tsv",
            "unit\tday\tevent\tat\nu1\t-3\tbuy\t2024-03-01T10:15:30Z\nu2\t1.5\tview\tyesterday\n");
    Field day = Field.required("dayColumn", "day", "day", FieldKind.INT);
    Field event = Field.required("eventColumn", "event", "event", FieldKind.TEXT);
    Field at = Field.optional("atColumn", "timestamp", "at", FieldKind.TIMESTAMP);
    Table t = Tables.read(TableSource.of(f), List.of(day, event, at));
    assertThat(t.ints(day).values()).startsWith(-3);
    assertThat(t.texts(event).values()).startsWith("buy", "view");
    assertThat(t.timestamps(at).millis()[0]).isEqualTo(1709288130000L);
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "badRows", "SKIP");
    assertThat(r.rejectedByReason()).containsOnlyKeys("non-integer day");
  }

  @Test
  void anUnknownFormatIsAParameterError() {
    assertThatThrownBy(
            () -> Tables.read(TableSource.of(dir.resolve("x.csv")).withFormat("xlsx"), List.of()))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("format 'xlsx' is not a table format here; known: [csv");
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThatThrownBy(() -> Tables.read(TableSource.of(dir.resolve("nope.csv")), List.of(STORE)))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void aScopeLeavesRowsOutsideItUncheckedButMalformedRowsAreStillRejected() throws IOException {
    Path f =
        write(
            "e.csv",
            "store,date,qty\n"
                + "s1,2024-01-02,1\n" // in scope, ok
                + "s2,2024-01-02,x\n" // out of scope: not checked
                + "s1,2024-01-02,y\n" // in scope, bad
                + "s2,2024-01-02\n"); // malformed: rejected whatever the scope
    Table t =
        Tables.read(
            TableSource.of(f), List.of(STORE, DAY, QTY), (tb, i) -> "s1".equals(tb.id(STORE, i)));
    assertThat(t.inScope(0)).isTrue();
    assertThat(t.inScope(1)).isFalse();
    assertThat(t.isUsable(1)).isFalse();
    assertThat(t.isUsable(2)).isFalse();
    ValidationReport r = t.finish(BadRowPolicy.SKIP_AND_REPORT, "");
    assertThat(r.rowsRead()).isEqualTo(4);
    assertThat(r.rejectedByReason())
        .containsOnly(
            java.util.Map.entry("non-numeric quantity", 1L),
            java.util.Map.entry("malformed row", 1L));
    assertThat(r.issues())
        .extracting(ValidationReport.Issue::row)
        .as("by row")
        .containsExactly(4L, 5L);
  }

  @Test
  void columnsComeFromTheHeaderWithoutReadingRows() throws IOException {
    Path f = write("c.csv", " unit ,variant,\"x,y\"\nu1,a\n");
    assertThat(Tables.columns(TableSource.of(f))).containsExactly("unit", "variant", "x,y");
    Path dat = write("c.dat", "u::a::1\n");
    assertThat(Tables.columns(TableSource.of(dat).withDelimiter("::").withHeader(false)))
        .containsExactly("1", "2", "3");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> Tables.columns(TableSource.of(empty)))
        .isInstanceOf(dev.vitrina.core.validate.InvalidFileException.class)
        .hasMessageContaining("is empty");
  }
}
