package dev.vitrina.cli;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina generate}: writes a seeded synthetic marketplace. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a seeded synthetic marketplace as Parquet files: stores, items, calendar, prices,",
      "sales (only the non-zero rows), users, user_interests and interactions.",
      "Same seed, same bytes. See docs/synthetic-data.md for the generative process."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--preset",
      defaultValue = "demo",
      description =
          "tiny (tests), demo (default run) or m5 (the shape of M5). Default: ${DEFAULT-VALUE}.")
  String preset;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Preset p = Preset.named(preset);
    MarketplaceGenerator g = new MarketplaceGenerator(p, seed);
    long t0 = System.nanoTime();
    MarketplaceGenerator.Summary s;
    try (Progress progress = json.progress("generate " + p.name(), g.workUnits())) {
      s = g.generate(out, progress);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
    result.put("dir", s.dir().toString());
    result.put("preset", s.preset());
    result.put("seed", s.seed());
    result.put("stores", s.stores());
    result.put("items", s.items());
    result.put("days", s.days());
    result.put("series", s.series());
    result.put("sales_rows", s.salesRows());
    result.put("non_zero_share", s.nonZeroShare());
    result.put("users", s.users());
    result.put("interactions", s.interactions());
    result.put("files", s.files());
    result.put("seconds", secs);
    json.print(
        result,
        String.format(
            "Generated preset %s (seed %d) in %.1f s into %s%n"
                + "  %d stores x %d items = %d series over %d days%n"
                + "  sales.parquet: %,d non-zero rows (%.1f%% of store x item x day cells)%n"
                + "  %,d users with %,d interactions%n  files: %s",
            s.preset(),
            s.seed(),
            secs,
            s.dir(),
            s.stores(),
            s.items(),
            s.series(),
            s.days(),
            s.salesRows(),
            100 * s.nonZeroShare(),
            s.users(),
            s.interactions(),
            String.join(", ", s.files())));
    return 0;
  }
}
