package dev.vitrina.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of {@link SparkFeatureJob} with the local engine on the {@code demo} preset (5,000 store x
 * item series, 730 days; seed 42 as in {@code vitrina demo}). Too slow for the default test run, so
 * it runs only with {@code -Dvitrina.spark.demoParity=true}. Rows are compared as multisets of
 * exact values: every column of every row must be equal, so the largest absolute difference is 0.
 */
@EnabledIfSystemProperty(named = "vitrina.spark.demoParity", matches = "true")
class SparkFeatureJobDemoParityTest {
  @TempDir Path dir;

  @Test
  void demoPresetMatchesValueForValue() throws Exception {
    Path data = dir.resolve("data");
    new MarketplaceGenerator(Preset.DEMO, 42).generate(data, Progress.silent());
    Path sales = data.resolve("sales.parquet");
    Path local = dir.resolve("local.parquet");
    Path viaSpark = dir.resolve("spark.parquet");
    Level lv = Level.parse("store,item");
    FeatureSpec spec =
        new FeatureSpec(
            FeatureSpec.DEFAULT_LAGS, true, FeatureSpec.DEFAULT_WINDOWS, false, false, 1);
    FeaturePipeline.run(
        new FeaturePipeline.Request(
            null,
            sales,
            SalesReadOptions.DEFAULT,
            new PanelOptions(lv, Freq.parse("day"), null, null, 0),
            spec,
            local,
            Codec.SNAPPY,
            100_000),
        n -> Progress.silent());
    SparkSession spark = LocalSpark.session();
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
                  "store_item",
                  "--freq",
                  "day"
                }));

    List<String> cols = SparkFeatureJob.columns(lv, spec);
    String[] sel = cols.stream().map(c -> "`" + c + "`").toArray(String[]::new);
    Dataset<Row> expected = spark.read().parquet(local.toString()).selectExpr(sel);
    Dataset<Row> actual = spark.read().parquet(viaSpark.toString()).selectExpr(sel);
    long n = expected.count();
    System.out.printf("demo parity: %d rows, %d columns%n", n, cols.size());
    assertThat(written).isEqualTo(n).isPositive();
    assertThat(actual.count()).isEqualTo(n);
    assertThat(expected.exceptAll(actual).count()).as("local rows missing from Spark").isZero();
    assertThat(actual.exceptAll(expected).count()).as("Spark rows missing from local").isZero();
  }
}
