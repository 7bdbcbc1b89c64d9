package dev.vitrina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.features.FeaturePipeline;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.parquet.Codec;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkFeatureJobTest {
  @TempDir static Path dir;
  static Path sales;

  @BeforeAll
  static void generate() throws Exception {
    Path data = dir.resolve("data");
    new MarketplaceGenerator(Preset.TINY, 42).generate(data, Progress.silent());
    sales = data.resolve("sales.parquet");
  }

  @ParameterizedTest
  @CsvSource({"store_item, day", "item, week"})
  void sparkOutputEqualsLocalEngineValueForValue(String level, String freq) throws Exception {
    SparkSession spark = LocalSpark.session();
    String tag = level + "-" + freq;
    Path local = dir.resolve("local-" + tag + ".parquet");
    Path viaSpark = dir.resolve("spark-" + tag + ".parquet");
    Level lv = Level.parse(level.replace("store_item", "store,item"));
    FeatureSpec spec =
        new FeatureSpec(
            FeatureSpec.DEFAULT_LAGS, true, FeatureSpec.DEFAULT_WINDOWS, false, false, 1);
    FeaturePipeline.run(
        new FeaturePipeline.Request(
            null,
            sales,
            SalesReadOptions.DEFAULT,
            new PanelOptions(lv, Freq.parse(freq), null, null, 0),
            spec,
            local,
            Codec.SNAPPY,
            100_000),
        n -> Progress.silent());

    long written =
        SparkFeatureJob.run(
            spark,
            SparkFeatureJob.parse(
                new String[] {
                  "--sales",
                  sales.toString(),
                  "--out",
                  viaSpark.toString(),
                  "--level",
                  level,
                  "--freq",
                  freq
                }));

    List<String> cols = SparkFeatureJob.columns(lv, spec);
    List<List<Object>> expected = rows(spark, local, cols);
    List<List<Object>> actual = rows(spark, viaSpark, cols);
    assertThat(written).isEqualTo(expected.size()).isPositive();
    assertThat(spark.read().parquet(viaSpark.toString()).columns()).containsExactlyElementsOf(cols);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row %d of %s", i, cols).isEqualTo(expected.get(i));
    }
  }

  @Test
  void rejectsAnUnknownArgumentNamingIt() {
    assertThatThrownBy(() -> SparkFeatureJob.parse(new String[] {"--sales", "a", "--bogus"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'--bogus'")
        .hasMessageContaining("--out PATH");
  }

  @Test
  void rejectsAttributeLevelsPointingToTheLocalEngine() {
    assertThatThrownBy(
            () ->
                SparkFeatureJob.parse(
                    new String[] {"--sales", "a", "--out", "b", "--level", "item,city"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'city'")
        .hasMessageContaining("./vitrina features");
  }

  @Test
  void rejectsNegativeQuantitiesNamingTheRule() {
    SparkSession spark = LocalSpark.session();
    var bad =
        spark.sql(
            "SELECT 's1' AS store_id, 'i1' AS item_id, DATE'2020-01-01' AS date, -1.0 AS qty");
    assertThatThrownBy(
            () ->
                SparkFeatureJob.features(
                    bad,
                    "bad.parquet",
                    Level.STORE_ITEM,
                    Freq.DAY,
                    FeatureSpec.lagsAndMeans(new int[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.parquet: 1 rows")
        .hasMessageContaining("qty finite and >= 0");
  }

  /** The rows sorted by their text form; floats compared by value (boxed, NaN-free: null). */
  private static List<List<Object>> rows(SparkSession spark, Path file, List<String> cols) {
    List<Row> rs =
        spark
            .read()
            .parquet(file.toString())
            .selectExpr(cols.stream().map(c -> "`" + c + "`").toArray(String[]::new))
            .collectAsList();
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rs) {
      List<Object> v = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object x = r.get(i);
        v.add(x == null ? null : x.toString());
      }
      out.add(v);
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }
}
