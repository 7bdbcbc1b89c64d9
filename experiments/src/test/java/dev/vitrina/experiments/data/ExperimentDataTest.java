package dev.vitrina.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.table.BadRowsException;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentDataTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static final String EVENTS =
      """
      experiment,unit,variant,event,value,day
      e1,u1,control,exposure,,0
      e1,u1,control,impression,,0
      e1,u1,control,impression,,1
      e1,u1,control,click,,1
      e1,u1,control,purchase,10.5,2
      e1,u1,control,purchase,4,-3
      e1,u2,treatment,exposure,,1
      e1,u2,treatment,impression,,1
      e1,u2,treatment,purchase,"7.25",1
      e2,u9,control,exposure,,0
      e1,u3,treatment,purchase,3,-1
      """;

  @Test
  void aggregatesEventsPerUnitAndPeriod() throws IOException {
    Path f = file("ev.csv", EVENTS);
    ExperimentData d =
        ExperimentData.read(f, ExperimentData.ReadOptions.defaults().withExperiment("e1"));
    assertThat(d.format()).isEqualTo(ExperimentData.Format.EVENTS);
    assertThat(d.rowsRead()).isEqualTo(11);
    assertThat(d.rowsUsed()).isEqualTo(10);
    assertThat(d.hasDays()).isTrue();
    assertThat(d.lastDay()).isEqualTo(2);
    Set<String> cols =
        new LinkedHashSet<>(
            List.of("count(impression)", "count(click)", "sum(purchase)", "pre_sum(purchase)"));
    UnitTable t = d.units(cols);
    // u3 has only pre-period events: not exposed, not analyzed
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.variants()).containsExactly("control", "treatment");
    assertThat(t.column("count(impression)")).containsExactly(2, 1);
    assertThat(t.column("count(click)")).containsExactly(1, 0);
    assertThat(t.column("sum(purchase)")).containsExactly(10.5, 7.25);
    assertThat(t.column("pre_sum(purchase)")).containsExactly(4, 0);
    assertThat(d.notes()).anyMatch(n -> n.startsWith("1 units have only pre-period events"));
    // as of day 0 only u1 is exposed, with one impression
    UnitTable day0 = d.units(cols, 0);
    assertThat(day0.size()).isEqualTo(1);
    assertThat(day0.column("count(impression)")).containsExactly(1);
    assertThat(day0.column("sum(purchase)")).containsExactly(0);
  }

  @Test
  void errorsNameFileLineColumnAndValue() throws IOException {
    Path bad = file("bad.csv", "unit,variant,event,value\nu1,a,click,1\nu2,b,purchase,abc\n");
    assertThatThrownBy(() -> ExperimentData.read(bad, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 'value'")
        .hasMessageContaining("'abc'");
    Path noUnit = file("nounit.csv", "user,variant,event\nu1,a,click\n");
    assertThatThrownBy(() -> ExperimentData.read(noUnit, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("unitColumn names column 'unit' for the unit id")
        .hasMessageContaining("its columns are [user, variant, event]")
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("unitColumn"));
    Path fields = file("fields.csv", "unit,variant,event\nu1,a\n");
    assertThatThrownBy(() -> ExperimentData.read(fields, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("line 2")
        .hasMessageContaining("has 2 fields, the header has 3 (too few)");
    Path two = file("two.csv", "experiment,unit,variant,event\nx,u1,a,e\ny,u2,b,e\n");
    assertThatThrownBy(() -> ExperimentData.read(two, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("several experiments")
        .hasMessageContaining("--experiment");
    assertThatThrownBy(
            () ->
                ExperimentData.read(
                    two, ExperimentData.ReadOptions.defaults().withExperiment("zzz")))
        .hasMessageContaining("no row has experiment 'zzz'")
        .hasMessageContaining("[x, y]");
    Path day = file("day.csv", "unit,variant,event,day\nu1,a,e,2026-01-01\n");
    assertThatThrownBy(() -> ExperimentData.read(day, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("line 2, column 'day': day is not an integer (value: '2026-01-01')")
        .hasMessageContaining("day an integer day since the experiment start");
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> ExperimentData.read(missing, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void unknownEventTypeListsTheKnownOnes() throws IOException {
    Path f = file("ev.csv", EVENTS);
    ExperimentData d =
        ExperimentData.read(f, ExperimentData.ReadOptions.defaults().withExperiment("e1"));
    assertThatThrownBy(() -> d.units(Set.of("count(clik)")))
        .hasMessageContaining("event type 'clik'")
        .hasMessageContaining("click");
    assertThatThrownBy(() -> d.units(Set.of("revenue"))).hasMessageContaining("count(EVENT)");
  }

  @Test
  void mixedUnitsAreAnErrorOrExcluded() throws IOException {
    Path f = file("mixed.csv", "unit,variant,event\nu1,a,x\nu2,b,x\nu1,b,x\nu3,a,x\n");
    assertThatThrownBy(() -> ExperimentData.read(f, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("1 units appear in more than one variant")
        .hasMessageContaining("unit 'u1' is in 'a' at line 2 and in 'b' at line 4")
        .hasMessageContaining("--mixed-units exclude");
    ExperimentData d =
        ExperimentData.read(
            f,
            ExperimentData.ReadOptions.defaults()
                .withMixedUnits(ExperimentData.MixedUnits.EXCLUDE));
    assertThat(d.units(Set.of("count(x)")).size()).isEqualTo(2);
    assertThat(d.notes()).anyMatch(n -> n.contains("excluded"));
  }

  @Test
  void readsPerUnitTablesWithCustomColumns() throws IOException {
    Path f =
        file(
            "units.csv",
            "user_id,arm,clicks,impressions,revenue,note\n"
                + "a,control,1,10,0,x\n"
                + "b,treatment,2,5,9.5,\"y, z\"\n");
    ExperimentData.ReadOptions o =
        ExperimentData.ReadOptions.defaults()
            .withColumns(Columns.DEFAULT.withUnit("user_id").withVariant("arm"));
    ExperimentData d = ExperimentData.read(f, o);
    assertThat(d.format()).isEqualTo(ExperimentData.Format.UNITS);
    UnitTable t = d.units(Set.of("clicks", "revenue"));
    assertThat(t.column("clicks")).containsExactly(1, 2);
    assertThat(t.column("revenue")).containsExactly(0, 9.5);
    assertThatThrownBy(() -> d.units(Set.of("note")))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("2 of 2 rows are invalid")
        .hasMessageContaining("line 2, column 'note': note is not a number (value: 'x')")
        .hasMessageContaining("metric columns of a per-unit table must hold finite numbers");
    assertThatThrownBy(() -> d.units(Set.of("user_id")))
        .hasMessageContaining("column 'user_id' is not in " + f)
        .hasMessageContaining("available: [clicks, impressions, note, revenue]");
    Path dup = file("dup.csv", "unit,variant,x\na,c,1\na,c,2\nb,c,3\na,t,4\n");
    assertThatThrownBy(() -> ExperimentData.read(dup, ExperimentData.ReadOptions.defaults()))
        .as("every duplicate is listed after the whole scan")
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("2 of 4 rows are invalid")
        .hasMessageContaining("2 x duplicate unit")
        .hasMessageContaining("line 3, column 'unit': unit 'a' appears at line 2 and at line 3")
        .hasMessageContaining("unit 'a' appears at line 2 and at line 5");
  }

  @Test
  void readsCsvThroughTheCoreReader() throws IOException {
    // BOM, CRLF line ends, a blank line, a quoted field with a comma and a line break
    Path f =
        file(
            "crlf.csv",
            "\uFEFFunit,variant,revenue,note\r\n"
                + "a,control,1.5,x\r\n"
                + "\r\n"
                + "b,treatment,2,\"two\r\nlines, one comma\"\r\n"
                + "c,treatment,3,z");
    ExperimentData d = ExperimentData.read(f, ExperimentData.ReadOptions.defaults());
    UnitTable t = d.units(Set.of("revenue"));
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.column("revenue")).containsExactly(1.5, 2, 3);
    // positions are physical lines: the record after a two-line field starts on line 4
    Path dupAfterBreak = file("dup2.csv", "unit,variant,x,note\na,c,1,\"p\nq\"\na,c,2,r\n");
    assertThatThrownBy(
            () -> ExperimentData.read(dupAfterBreak, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("unit 'a' appears at line 2 and at line 4");
    Path unterminated = file("quote.csv", "unit,variant,event\nu1,a,\"click\n");
    assertThatThrownBy(
            () -> ExperimentData.read(unterminated, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining(unterminated.toString())
        .hasMessageContaining("line 2")
        .hasMessageContaining("unterminated quoted field");
    Path tooMany = file("many.csv", "unit,variant,event\nu1,a,click,extra\n");
    assertThatThrownBy(() -> ExperimentData.read(tooMany, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining(tooMany.toString())
        .hasMessageContaining("1 x malformed row")
        .hasMessageContaining("line 2, column '(row)'")
        .hasMessageContaining("has 4 fields, the header has 3 (too many)");
    Path empty = file("empty.csv", "");
    assertThatThrownBy(() -> ExperimentData.read(empty, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("is empty");
    Path nan = file("nan.csv", "unit,variant,revenue\na,c,1\nb,t,NaN\n");
    ExperimentData withNan = ExperimentData.read(nan, ExperimentData.ReadOptions.defaults());
    assertThatThrownBy(() -> withNan.units(Set.of("revenue")))
        .hasMessageContaining("line 3, column 'revenue': revenue is not a number (value: 'NaN')");
    Path inf = file("inf.csv", "unit,variant,revenue,event_value\na,c,Infinity,1\n");
    ExperimentData withInf = ExperimentData.read(inf, ExperimentData.ReadOptions.defaults());
    assertThatThrownBy(() -> withInf.units(Set.of("revenue")))
        .hasMessageContaining("line 2, column 'revenue': revenue is not a finite number");
    Path infEvent = file("infev.csv", "unit,variant,event,value\na,c,buy,-Infinity\n");
    assertThatThrownBy(() -> ExperimentData.read(infEvent, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("line 2, column 'value': value is not a finite number")
        .hasMessageContaining("(value: '-Infinity')");
  }

  @Test
  void readsParquetLikeCsv() throws IOException {
    Path pq = dir.resolve("ev.parquet");
    List<ColumnSpec> schema =
        List.of(
            ColumnSpec.required("unit", ColumnType.STRING),
            ColumnSpec.required("variant", ColumnType.STRING),
            ColumnSpec.required("event", ColumnType.STRING),
            ColumnSpec.optional("value", ColumnType.DOUBLE),
            ColumnSpec.required("day", ColumnType.INT32));
    try (ParquetWriter w = ParquetWriter.open(pq, schema, Codec.ZSTD)) {
      w.writeRowGroup(
          StringColumn.of("u1", "u1", "u2", "u2", "u2"),
          StringColumn.of("c", "c", "t", "t", "t"),
          StringColumn.of("click", "purchase", "click", "purchase", "purchase"),
          DoubleColumn.of(Double.NaN, 12.5, Double.NaN, 3, 4),
          IntColumn.of(0, -1, 1, 2, 2));
    }
    ExperimentData d = ExperimentData.read(pq, ExperimentData.ReadOptions.defaults());
    assertThat(d.format()).isEqualTo(ExperimentData.Format.EVENTS);
    assertThat(d.lastDay()).isEqualTo(2);
    UnitTable t = d.units(Set.of("count(click)", "sum(purchase)", "pre_sum(purchase)"));
    assertThat(t.variants()).containsExactly("c", "t");
    assertThat(t.column("count(click)")).containsExactly(1, 1);
    assertThat(t.column("sum(purchase)")).containsExactly(0, 7);
    assertThat(t.column("pre_sum(purchase)")).containsExactly(12.5, 0);
    // errors name the row of a Parquet file
    Path bad = dir.resolve("bad.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            bad,
            List.of(
                ColumnSpec.required("unit", ColumnType.STRING),
                ColumnSpec.required("variant", ColumnType.STRING),
                ColumnSpec.required("event", ColumnType.STRING)),
            Codec.UNCOMPRESSED)) {
      w.writeRowGroup(
          StringColumn.of("u1", "u1"), StringColumn.of("a", "b"), StringColumn.of("x", "x"));
    }
    assertThatThrownBy(() -> ExperimentData.read(bad, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("at row 1 and in 'b' at row 2");
    Path notParquet = file("x.parquet", "not parquet at all");
    assertThatThrownBy(() -> ExperimentData.read(notParquet, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("x.parquet");
  }

  @Test
  void theExperimentComesFromItsColumn() throws IOException {
    Path one =
        file("logs.csv", "experiment,unit,variant,event\nranker,u1,a,click\nranker,u2,b,click\n");
    assertThat(ExperimentData.read(one, ExperimentData.ReadOptions.defaults()).experiment())
        .isEqualTo("ranker");
    Path two = file("two.csv", "experiment,unit,variant,event\nx,u1,a,click\ny,u2,b,click\n");
    assertThat(
            ExperimentData.read(two, ExperimentData.ReadOptions.defaults().withExperiment("y"))
                .experiment())
        .isEqualTo("y");
    assertThatThrownBy(() -> ExperimentData.read(two, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds several experiments ('x' at line 2, 'y' at line 3)")
        .hasMessageContaining("--experiment NAME");
    Path none = file("none.csv", "unit,variant,event\nu1,a,click\n");
    assertThat(ExperimentData.read(none, ExperimentData.ReadOptions.defaults()).experiment())
        .isNull();
  }

  @Test
  void badDataIsBadInputLikeABadOption() throws IOException {
    Path v = file("v.csv", "unit,variant,event,value\nu1,control,purchase,x1\n");
    assertThatThrownBy(() -> ExperimentData.read(v, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadRowsException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2, column 'value': value is not a number (value: 'x1')")
        .hasMessageContaining("value is a finite number such as 12.5 (empty means 0)");
    Path notParquet = file("events.parquet", "unit,variant,event\nu1,a,click\n");
    assertThatThrownBy(() -> ExperimentData.read(notParquet, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("not a Parquet file")
        .hasMessageContaining(notParquet.toString())
        .hasMessageContaining("or as CSV");
  }

  @Test
  void rowsOfOtherExperimentsAreSkippedUncheckedButEveryBadRowOfTheAnalyzedOneIsListed()
      throws IOException {
    Path f =
        file(
            "shared.csv",
            "experiment,unit,variant,event,value,day\n"
                + "a,u1,control,buy,1,0\n"
                + "b,,control,buy,oops,x\n" // another experiment's broken logging
                + "a,u2,treatment,buy,2,1\n");
    ExperimentData d =
        ExperimentData.read(f, ExperimentData.ReadOptions.defaults().withExperiment("a"));
    assertThat(d.rowsRead()).isEqualTo(3);
    assertThat(d.rowsUsed()).isEqualTo(2);
    assertThat(d.units(Set.of("sum(buy)")).column("sum(buy)")).containsExactly(1, 2);
    Path bad =
        file(
            "bad2.csv",
            "experiment,unit,variant,event,value,day\n"
                + "a,u1,control,buy,1,\n"
                + "a,u2,,buy,2,1\n"
                + "a,u3,control,buy,1,0\n"
                + "a,u4,control,buy,1,0,9\n"
                + "b,u5,control,buy,1,0,9\n");
    assertThatThrownBy(
            () ->
                ExperimentData.read(bad, ExperimentData.ReadOptions.defaults().withExperiment("a")))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("4 of 5 rows are invalid")
        .hasMessageContaining("line 2, column 'day': day is empty")
        .hasMessageContaining("line 3, column 'variant': variant is empty")
        .as("a malformed row is rejected whatever its experiment")
        .hasMessageContaining("2 x malformed row");
  }

  @Test
  void parquetColumnsNotAskedForAreNotReadAndAnUnreadableOneAskedForIsNamed()
      throws IOException, java.net.URISyntaxException {
    // pyarrow_nested.parquet (made by parquet/src/test/resources/parquet/make_fixtures.py): id
    // INT64 0..9, a struct column 'point', a list column 'tags', after STRING a0..a9
    Path f =
        Path.of(ExperimentDataTest.class.getResource("/parquet/pyarrow_nested.parquet").toURI());
    ExperimentData d =
        ExperimentData.read(
            f,
            ExperimentData.ReadOptions.defaults()
                .withColumns(Columns.DEFAULT.withUnit("id").withVariant("after")));
    assertThat(d.format()).isEqualTo(ExperimentData.Format.UNITS);
    assertThat(d.units(Set.of()).size()).isEqualTo(10);
    assertThatThrownBy(() -> d.units(Set.of("point")))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("cannot read column 'point'")
        .hasMessageContaining("nested group");
    assertThatThrownBy(() -> d.units(Set.of("revenue")))
        .hasMessageContaining("column 'revenue' is not in " + f)
        .hasMessageContaining("available: []");
  }

  @Test
  void aParquetColumnOfATypeItsFieldCannotReadIsNamed() throws IOException {
    Path pq = dir.resolve("dbl.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            pq,
            List.of(
                ColumnSpec.required("unit", ColumnType.DOUBLE),
                ColumnSpec.required("variant", ColumnType.STRING)),
            Codec.UNCOMPRESSED)) {
      w.writeRowGroup(DoubleColumn.of(1, 2), StringColumn.of("a", "b"));
    }
    assertThatThrownBy(() -> ExperimentData.read(pq, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("column 'unit' (unit id) is DOUBLE, which cannot be read as id")
        .hasMessageContaining("unitColumn");
  }
}
