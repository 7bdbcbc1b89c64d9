package dev.vitrina.bench.features;

import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesReader;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.parquet.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Parquet writer throughput on the feature benchmark's output: the panel and the 12 feature columns
 * of a preset written by {@link FeatureEngine#write} (keys, date, qty and features, 1 M rows per
 * row group), per codec, repeated in one process (the first run includes JIT warm-up). Reports wall
 * and process CPU seconds per write and MB/s of output file. Run: {@code java -cp ... WriterBench
 * DATA_DIR WORK_DIR [RUNS] [CODECS]}.
 */
public final class WriterBench {

  private WriterBench() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String[] codecs = (args.length > 3 ? args[3] : "UNCOMPRESSED,SNAPPY,ZSTD").split(",");
    Files.createDirectories(work);
    SalesTable sales =
        SalesReader.read(
            data.resolve("sales.parquet"), SalesReadOptions.DEFAULT, Dimensions.none());
    Panel panel =
        PanelBuilder.build(sales, Dimensions.none(), PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    FeatureEngine engine =
        FeatureEngine.seriesOnly(panel, FeatureSpec.lagsAndMeans(FeatureBench.LAGS));
    for (int i = 0; i < runs; i++) {
      for (String c : codecs) {
        Codec codec = Codec.valueOf(c);
        Path out = work.resolve("writer-" + c.toLowerCase(Locale.ROOT) + ".parquet");
        long cpu0 = ProcessStats.cpuNanos();
        long t0 = System.nanoTime();
        engine.write(out, codec, 1 << 20, Progress.silent());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (ProcessStats.cpuNanos() - cpu0) / 1e9;
        double mb = Files.size(out) / 1048576.0;
        System.out.printf(
            Locale.ROOT,
            "run %d %-12s rows %d file %.1f MB wall %.2f s cpu %.2f s -> %.0f MB/s wall, %.0f MB/s"
                + " per CPU s, load %s%n",
            i + 1,
            c,
            panel.rows(),
            mb,
            wall,
            cpu,
            mb / wall,
            mb / cpu,
            FeatureBench.loadAverage());
      }
    }
  }
}
