package dev.vitrina.cli;

import dev.vitrina.core.io.parquet.Codec;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.features.FeaturePipeline;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina demo}: the main job on bundled synthetic data, no setup. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run vitrina end to end on a synthetic marketplace: generate the demo preset, complete the",
      "calendar at store x item x day, build the demand features, and print a summary."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      defaultValue = "out/demo",
      description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--preset",
      defaultValue = "demo",
      description = "tiny, demo or m5. Default: ${DEFAULT-VALUE}.")
  String preset;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    Path dataDir = out.resolve("data");
    Preset p = Preset.named(preset);
    MarketplaceGenerator g = new MarketplaceGenerator(p, seed);
    long t0 = System.nanoTime();
    MarketplaceGenerator.Summary gen;
    try (Progress progress = json.progress("1/2 generate " + p.name(), g.workUnits())) {
      gen = g.generate(dataDir, progress);
    }
    double genSecs = (System.nanoTime() - t0) / 1e9;
    result.put(
        "generate",
        Map.of(
            "dir", dataDir.toString(),
            "series", gen.series(),
            "days", gen.days(),
            "sales_rows", gen.salesRows(),
            "non_zero_share", gen.nonZeroShare(),
            "interactions", gen.interactions(),
            "seconds", genSecs));
    text.append(
        String.format(
            "1. Generated the '%s' marketplace (seed %d) in %.1f s: %d stores x %d items over %d"
                + " days;%n   sales.parquet holds %,d non-zero rows (%.1f%% of cells), as"
                + " point-of-sale exports do.%n",
            p.name(),
            seed,
            genSecs,
            gen.stores(),
            gen.items(),
            gen.days(),
            gen.salesRows(),
            100 * gen.nonZeroShare()));

    Path featuresFile = out.resolve("features.parquet");
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            dataDir,
            null,
            SalesReadOptions.DEFAULT,
            PanelOptions.of(Level.STORE_ITEM, Freq.DAY),
            FeatureSpec.defaults(),
            featuresFile,
            Codec.SNAPPY,
            1 << 20);
    FeaturePipeline.Result fr = FeaturePipeline.run(req, n -> json.progress("2/2 features", n));
    result.put("features", FeaturesCommand.summary(fr));
    text.append(
        String.format(
            "2. Completed the calendar at store x item x day: %,d sales rows -> %,d panel rows"
                + " (growth factor %.2fx),%n   computed %d features (lags 1..7,14,21,28 on the"
                + " calendar, mean_7, mean_4w, rolling, calendar, price)%n   in %.2f s and wrote"
                + " %s%n",
            fr.report().rowsKept(),
            fr.panelRows(),
            fr.growthFactor(),
            fr.features().size(),
            fr.seconds(),
            featuresFile));
    text.append(
        String.format(
            "   read %,d rows, rejected %d, duplicates summed %d%n",
            fr.report().rowsRead(), fr.report().rowsRejected(), fr.report().duplicatesMerged()));
    text.append("\nOutput: ").append(out.toAbsolutePath().normalize());
    json.print(result, text.toString());
    return 0;
  }
}
