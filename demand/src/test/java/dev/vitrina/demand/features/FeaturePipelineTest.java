package dev.vitrina.demand.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturePipelineTest {

  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void generate() throws Exception {
    data = tmp.resolve("data");
    new MarketplaceGenerator(Preset.TINY, 42).generate(data, Progress.silent());
  }

  @Test
  void fileMatchesTheInMemoryMatrixRowForRow() throws Exception {
    Path out = tmp.resolve("features.parquet");
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            data,
            null,
            SalesReadOptions.DEFAULT,
            PanelOptions.of(Level.parse("item,state"), Freq.DAY),
            FeatureSpec.defaults(),
            out,
            Codec.ZSTD,
            1000);
    FeaturePipeline.Result r = FeaturePipeline.run(req, n -> Progress.silent());
    assertThat(r.report().rowsRejected()).isZero();
    assertThat(r.growthFactor()).isGreaterThan(1.5);
    assertThat(r.written().rowGroups()).isGreaterThan(1);
    assertThat(r.features())
        .contains("lag_28", "mean_4w", "roll_std_56", "dow", "event_national", "price_rel");
    assertThat(r.notes()).anyMatch(n -> n.contains("prices.parquet"));

    Marketplace m = Marketplace.load(data);
    SalesTable sales = m.readSales(SalesReadOptions.DEFAULT);
    Panel panel =
        PanelBuilder.build(
            sales, m.dimensions(), PanelOptions.of(Level.parse("item,state"), Freq.DAY));
    FeatureMatrix x =
        FeatureEngine.of(panel, m.dimensions(), sales, m.pricesFile(), FeatureSpec.defaults())
            .build(Progress.silent());
    try (ParquetReader pr = ParquetReader.open(out)) {
      assertThat(pr.numRows()).isEqualTo(x.rows());
      assertThat(pr.schema().stream().map(ColumnSpec::name).limit(4))
          .containsExactly("item_id", "state", "date", "qty");
      StringColumn state = (StringColumn) pr.readColumn("state");
      for (int row = 0; row < x.rows(); row += 97) {
        int s = panel.seriesOfRow(row);
        assertThat(state.get(row)).isEqualTo(panel.key(s, "state"));
      }
      for (String name : x.names()) {
        float[] file = ((FloatColumn) pr.readColumn(name)).values();
        float[] mem = x.column(name);
        for (int row = 0; row < x.rows(); row++) {
          if (Float.isNaN(mem[row])) {
            assertThat(file[row]).as("%s row %d", name, row).isNaN();
          } else {
            assertThat(file[row]).as("%s row %d", name, row).isEqualTo(mem[row]);
          }
        }
      }
    }
    assertThat(Files.list(tmp).filter(p -> p.getFileName().toString().contains(".tmp-"))).isEmpty();
  }

  @Test
  void generatorPricesAreKnownInAdvanceSoPriceFeaturesNeverLeakTheTarget() throws Exception {
    Marketplace m = Marketplace.load(data);
    SalesTable sales = m.readSales(SalesReadOptions.DEFAULT);
    Panel panel =
        PanelBuilder.build(sales, m.dimensions(), PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    FeatureMatrix withFile =
        FeatureEngine.of(panel, m.dimensions(), sales, m.pricesFile(), FeatureSpec.defaults())
            .build(Progress.silent());
    float[] rel = withFile.column("price_rel");
    int zeroDaysWithPrice = 0;
    for (int row = 0; row < rel.length; row++) {
      if (withFile.target()[row] == 0 && !Float.isNaN(rel[row])) {
        zeroDaysWithPrice++;
      }
    }
    assertThat(zeroDaysWithPrice).isGreaterThan(rel.length / 2);
    // Without the price file, the price of a day is the last one seen before it.
    FeatureMatrix lagged =
        FeatureEngine.of(panel, m.dimensions(), sales, null, FeatureSpec.defaults())
            .build(Progress.silent());
    int[] firstDay = new int[sales.items().size()];
    java.util.Arrays.fill(firstDay, Integer.MAX_VALUE);
    for (int i = 0; i < sales.rows(); i++) {
      firstDay[sales.item()[i]] = Math.min(firstDay[sales.item()[i]], sales.day()[i]);
    }
    int checked = 0;
    for (int s = 0; s < panel.seriesCount(); s++) {
      int item = panel.seriesItem()[s];
      if (panel.periodStartDay(panel.firstPeriod(s)) == firstDay[item]) {
        assertThat(lagged.column("price_rel")[panel.offsets()[s]]).isNaN();
        assertThat(lagged.column("price_rel")[panel.offsets()[s] + 1]).isNotNaN();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void requestErrorsNameTheRequestComponents() throws Exception {
    PanelOptions panel = PanelOptions.of(Level.STORE_ITEM, Freq.DAY);
    assertThatThrownBy(
            () ->
                new FeaturePipeline.Request(
                    null,
                    null,
                    SalesReadOptions.DEFAULT,
                    panel,
                    FeatureSpec.defaults(),
                    tmp.resolve("x.parquet"),
                    Codec.ZSTD,
                    1000))
        .hasMessage("give a data directory (Request.dataDir) or a sales file (Request.salesFile)");
    Path empty = Files.createDirectories(tmp.resolve("no-sales"));
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            empty,
            null,
            SalesReadOptions.DEFAULT,
            panel,
            FeatureSpec.defaults(),
            tmp.resolve("x.parquet"),
            Codec.ZSTD,
            1000);
    assertThatThrownBy(() -> FeaturePipeline.run(req, n -> Progress.silent()))
        .hasMessageContaining(empty + " has no sales.parquet")
        .hasMessageContaining("(Request.salesFile)")
        .hasMessageNotContaining("--");
  }

  @Test
  void aWindowAfterTheDataIsAnErrorUnlessEmptyIsAllowed() throws Exception {
    Path out = tmp.resolve("late.parquet");
    java.time.LocalDate late = java.time.LocalDate.of(2100, 1, 1);
    PanelOptions panel = new PanelOptions(Level.parse("store,item"), Freq.DAY, late, null, 0);
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            data,
            null,
            SalesReadOptions.DEFAULT,
            panel,
            FeatureSpec.defaults(),
            out,
            Codec.ZSTD,
            1000);
    assertThatThrownBy(() -> FeaturePipeline.run(req, n -> Progress.silent()))
        .isInstanceOf(dev.vitrina.core.validate.NoRowsException.class)
        .hasMessageContaining("no rows left between the start (2100-01-01)")
        .hasMessageContaining("the sales span")
        .hasMessageContaining("(PanelOptions.start, PanelOptions.end)")
        .hasMessageContaining("(SalesReadOptions.allowEmpty)")
        .hasMessageNotContaining("--");
    assertThat(out).doesNotExist();

    FeaturePipeline.Request allowed =
        new FeaturePipeline.Request(
            data,
            null,
            SalesReadOptions.DEFAULT.withAllowEmpty(true),
            panel,
            FeatureSpec.defaults(),
            out,
            Codec.ZSTD,
            1000);
    FeaturePipeline.Result r = FeaturePipeline.run(allowed, n -> Progress.silent());
    assertThat(r.written().rows()).isZero();
    assertThat(out).exists();
  }
}
