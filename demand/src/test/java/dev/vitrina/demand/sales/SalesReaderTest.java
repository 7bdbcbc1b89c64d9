package dev.vitrina.demand.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.validate.NoRowsException;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.data.Dimensions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesReaderTest {

  @TempDir Path tmp;

  private static final String CSV =
      String.join(
          "\n",
          "store_id,item_id,date,qty,price,promo",
          "S1,A,2024-01-01,2,1.5,0", // line 2 ok
          "S1,A,2024-01-02,3,1.5,1", // line 3 ok
          "S9,A,2024-01-02,1,1.5,0", // line 4 unknown store
          "S1,A,2024-13-01,1,1.5,0", // line 5 bad date
          "S1,B,2024-01-03,-4,2.0,0", // line 6 negative
          "S1,B,2024-01-03,many,2.0,0", // line 7 non-numeric
          "S1,A,2024-01-02,5,1.5,1", // line 8 duplicate of line 3
          "S2,B,2024-01-04,,2.0,0", // line 9 empty qty
          "S2,B,2024-01-05,1,2.0,0"); // line 10 ok

  private final Dimensions dims =
      new Dimensions(
          IdIndex.of(List.of("S1", "S2")),
          Map.of(),
          IdIndex.of(List.of("A", "B")),
          Map.of(),
          null,
          null,
          Map.of());

  @Test
  void reportsEveryRejectedRowWithLineAndColumn() throws Exception {
    Path f = tmp.resolve("sales.csv");
    Files.writeString(f, CSV);
    SalesTable t = SalesReader.read(f, SalesReadOptions.DEFAULT, dims);
    ValidationReport r = t.report();
    assertThat(r.rowsRead()).isEqualTo(9);
    assertThat(r.rowsRejected()).isEqualTo(5);
    assertThat(r.rowsKept()).isEqualTo(4);
    assertThat(t.rows()).isEqualTo(4);
    assertThat(r.duplicatesMerged()).isEqualTo(1);
    assertThat(r.rejectedByReason())
        .containsEntry("unknown store id", 1L)
        .containsEntry("unparseable date", 1L)
        .containsEntry("negative quantity", 1L)
        .containsEntry("non-numeric quantity", 1L)
        .containsEntry("null quantity", 1L);
    assertThat(r.issues())
        .extracting(ValidationReport.Issue::row, ValidationReport.Issue::column)
        .contains(
            org.assertj.core.groups.Tuple.tuple(4L, "store_id"),
            org.assertj.core.groups.Tuple.tuple(5L, "date"),
            org.assertj.core.groups.Tuple.tuple(6L, "qty"),
            org.assertj.core.groups.Tuple.tuple(7L, "qty"),
            org.assertj.core.groups.Tuple.tuple(9L, "qty"));
    assertThat(r.summary()).contains(f.toString()).contains("row 7, column 'qty'").contains("many");
    assertThat(t.day()[0]).isEqualTo((int) LocalDate.of(2024, 1, 1).toEpochDay());
    assertThat(t.promo()[1]).isEqualTo(1f);
  }

  @Test
  void failModesNameFileRowAndColumn() throws Exception {
    Path f = tmp.resolve("sales.csv");
    Files.writeString(f, CSV);
    SalesReadOptions failInvalid =
        new SalesReadOptions(
            SalesColumns.DEFAULT,
            SalesReadOptions.OnDuplicate.SUM,
            SalesReadOptions.OnInvalid.FAIL,
            ',');
    assertThatThrownBy(() -> SalesReader.read(f, failInvalid, dims))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("5 of 9 rows are invalid")
        .hasMessageContaining("line 4, column 'store_id'")
        .hasMessageContaining("(onInvalid = REJECT)")
        .hasMessageContaining("'store_id'")
        .hasMessageContaining("S9");
    Path clean = tmp.resolve("dups.csv");
    Files.writeString(
        clean,
        "store_id,item_id,date,qty\nS1,A,2024-01-01,1\nS2,A,2024-01-01,1\nS1,A,2024-01-01,4\n");
    SalesReadOptions failDup =
        new SalesReadOptions(
            SalesColumns.DEFAULT,
            SalesReadOptions.OnDuplicate.FAIL,
            SalesReadOptions.OnInvalid.REJECT,
            ',');
    assertThatThrownBy(() -> SalesReader.read(clean, failDup, dims))
        .hasMessageContaining("row 4")
        .hasMessageContaining("duplicate (store, item, date) (S1, A, 2024-01-01)")
        .hasMessageContaining("SalesReadOptions.onDuplicate SUM");
  }

  @Test
  void missingColumnListsTheFilesColumns() throws Exception {
    Path f = tmp.resolve("other.csv");
    Files.writeString(f, "shop,sku,day,units\nS1,A,2024-01-01,1\n");
    assertThatThrownBy(() -> SalesReader.read(f, SalesReadOptions.DEFAULT, Dimensions.none()))
        .hasMessageContaining("store_id");
    SalesTable t =
        SalesReader.read(
            f,
            SalesReadOptions.DEFAULT.withColumns(
                new SalesColumns("shop", "sku", "day", "units", null, null)),
            Dimensions.none());
    assertThat(t.rows()).isEqualTo(1);
    assertThat(t.price()[0]).isNaN();
  }

  @Test
  void rowsWithExtraOrMissingFieldsAreBothRejectedNamingTheLine() throws Exception {
    Path f = tmp.resolve("widths.csv");
    Files.writeString(
        f,
        "store_id,item_id,date,qty\n"
            + "S1,A,2024-01-01,1\n" // line 2 ok
            + "S1,A,2024-01-02,1,9\n" // line 3 extra field (a stray comma)
            + "S1,A,2024-01-03\n" // line 4 short
            + "S1,B,2024-01-03,2\n"); // line 5 ok
    SalesTable t = SalesReader.read(f, SalesReadOptions.DEFAULT, dims);
    ValidationReport r = t.report();
    assertThat(r.rowsKept()).isEqualTo(2);
    assertThat(r.rejectedByReason()).containsEntry("malformed row", 2L);
    assertThat(r.issues())
        .extracting(ValidationReport.Issue::row, ValidationReport.Issue::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "has 5 fields, the header has 4 (too many)"),
            org.assertj.core.groups.Tuple.tuple(4L, "has 3 fields, the header has 4 (too few)"));
  }

  @Test
  void anInputWithoutUsableRowsIsAnErrorNamingTheReasons() throws Exception {
    Path headerOnly = tmp.resolve("header.csv");
    Files.writeString(headerOnly, "store_id,item_id,date,qty\n");
    assertThatThrownBy(() -> SalesReader.read(headerOnly, SalesReadOptions.DEFAULT, dims))
        .isInstanceOf(NoRowsException.class)
        .hasMessageContaining(headerOnly.toString())
        .hasMessageContaining("no data rows")
        .hasMessageContaining("(allowEmpty)");

    Path badDates = tmp.resolve("dates.csv");
    Files.writeString(
        badDates, "store_id,item_id,date,qty\nS1,A,01/02/2024,1\nS1,B,01/03/2024,2\n");
    assertThatThrownBy(() -> SalesReader.read(badDates, SalesReadOptions.DEFAULT, dims))
        .isInstanceOf(NoRowsException.class)
        .hasMessageContaining("all 2 rows read were rejected")
        .hasMessageContaining("2 x unparseable date")
        .hasMessageContaining("row 2, column 'date'");

    SalesTable empty =
        SalesReader.read(badDates, SalesReadOptions.DEFAULT.withAllowEmpty(true), dims);
    assertThat(empty.rows()).isZero();
    assertThat(empty.report().rowsRejected()).isEqualTo(2);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SalesReaderTest.class.getResource("/sales/" + name).toURI());
  }

  private static int day(int y, int m, int d) {
    return (int) LocalDate.of(y, m, d).toEpochDay();
  }

  /** The sales of every fixture (sales/make_fixtures.py), as (store, item, day, qty). */
  private static void assertFixtureSales(SalesTable t) {
    assertThat(t.report().rowsRejected()).isZero();
    assertThat(t.rows()).isEqualTo(3);
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < t.rows(); i++) {
      rows.add(
          t.stores().id(t.store()[i])
              + ","
              + t.items().id(t.item()[i])
              + ","
              + LocalDate.ofEpochDay(t.day()[i])
              + ","
              + t.qty()[i]);
    }
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "S1,A,2024-03-01,2.0", "S1,A,2024-03-02,3.0", "S1,B,2024-03-01,1.0");
  }

  @Test
  void tokyoMidnightsStayOnTheirDay() throws Exception {
    // pandas tz_localize('Asia/Tokyo'): 2024-03-01T00:00+09:00 is stored as 2024-02-29T15:00Z
    assertFixtureSales(
        SalesReader.read(fixture("sales_tokyo.parquet"), SalesReadOptions.DEFAULT, dims));
  }

  @Test
  void sparkInt96DatesRead() throws Exception {
    assertFixtureSales(
        SalesReader.read(fixture("sales_int96.parquet"), SalesReadOptions.DEFAULT, dims));
  }

  @Test
  void anUnreadableDateColumnIsNamedWithItsType() throws Exception {
    Path f = fixture("sales_binary_date.parquet");
    assertThatThrownBy(() -> SalesReader.read(f, SalesReadOptions.DEFAULT, dims))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("column 'date' (FIXED_LEN_BYTE_ARRAY(16))")
        .hasMessageContaining(f.toString())
        .hasMessageNotContaining("has no column");
  }
}
