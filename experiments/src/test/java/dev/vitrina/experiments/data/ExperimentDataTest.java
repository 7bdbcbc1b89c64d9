package dev.vitrina.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        .hasMessageContaining("no unit column 'unit'")
        .hasMessageContaining("--unit-column");
    Path fields = file("fields.csv", "unit,variant,event\nu1,a\n");
    assertThatThrownBy(() -> ExperimentData.read(fields, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 3 fields");
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
        .hasMessageContaining("column 'day'")
        .hasMessageContaining("not an integer day");
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
        .hasMessageContaining("line 2")
        .hasMessageContaining("column 'note'")
        .hasMessageContaining("not a finite number");
    Path dup = file("dup.csv", "unit,variant,x\na,c,1\na,c,2\n");
    assertThatThrownBy(() -> ExperimentData.read(dup, ExperimentData.ReadOptions.defaults()))
        .hasMessageContaining("unit 'a' appears at line 2 and at line 3");
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
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 3 fields")
        .hasMessageContaining("got 4")
        .hasMessageContaining("'u1,a,click,extra'");
    Path empty = file("empty.csv", "");
    assertThatThrownBy(() -> ExperimentData.read(empty, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("is empty");
    Path nan = file("nan.csv", "unit,variant,revenue\na,c,1\nb,t,NaN\n");
    ExperimentData withNan = ExperimentData.read(nan, ExperimentData.ReadOptions.defaults());
    assertThatThrownBy(() -> withNan.units(Set.of("revenue")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 'revenue'")
        .hasMessageContaining("'NaN' is not a finite number");
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
        .isInstanceOf(BadDataException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2, column 'value': 'x1'");
    Path notParquet = file("events.parquet", "unit,variant,event\nu1,a,click\n");
    assertThatThrownBy(() -> ExperimentData.read(notParquet, ExperimentData.ReadOptions.defaults()))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("not a Parquet file")
        .hasMessageContaining(notParquet.toString())
        .hasMessageContaining("or as CSV");
  }
}
