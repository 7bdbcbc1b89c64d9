package dev.vitrina.bench.features;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureMatrix;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesTable;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the in-memory kernel: sparse sales rows to the calendar-completed matrix with
 * lags 1..7,14,21,28, mean_7 and mean_4w, on random sparse data (20% of cells non-zero). The setup
 * checks the output against a direct lookup before measuring.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp bench/target/classes:$(cat
 * bench/target/classpath.txt) org.openjdk.jmh.Main CalendarKernel}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
public class CalendarKernelBenchmark {

  @Param({"2000"})
  int series;

  @Param({"730"})
  int days;

  SalesTable sales;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    int cap = (int) (series * (long) days / 4);
    int[] store = new int[cap];
    int[] item = new int[cap];
    int[] day = new int[cap];
    float[] qty = new float[cap];
    int n = 0;
    for (int s = 0; s < series && n < cap; s++) {
      for (int d = 0; d < days && n < cap; d++) {
        if (r.nextDouble() < 0.2) {
          store[n] = s % 10;
          item[n] = s / 10;
          day[n] = 16_000 + d;
          qty[n] = 1 + r.nextInt(5);
          n++;
        }
      }
    }
    IdIndex.Builder stores = new IdIndex.Builder();
    for (int i = 0; i < 10; i++) {
      stores.add("S" + i);
    }
    IdIndex.Builder items = new IdIndex.Builder();
    for (int i = 0; i < (series + 9) / 10; i++) {
      items.add("I" + i);
    }
    sales =
        SalesTable.of(
            java.util.Arrays.copyOf(store, n),
            java.util.Arrays.copyOf(item, n),
            java.util.Arrays.copyOf(day, n),
            java.util.Arrays.copyOf(qty, n),
            stores.build(),
            items.build());
    FeatureMatrix m = kernel();
    // Check: lag_7 of every row equals the panel value 7 rows earlier within the series.
    Panel p = m.panel();
    float[] lag7 = m.column("lag_7");
    for (int s = 0; s < p.seriesCount(); s++) {
      for (int row = p.offsets()[s]; row < p.offsets()[s + 1]; row++) {
        float expected = row - 7 >= p.offsets()[s] ? p.values()[row - 7] : Float.NaN;
        if (Float.compare(expected, lag7[row]) != 0) {
          throw new IllegalStateException("lag_7 wrong at row " + row);
        }
      }
    }
  }

  @Benchmark
  public FeatureMatrix kernel() {
    Panel panel =
        PanelBuilder.build(sales, Dimensions.none(), PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    return FeatureEngine.seriesOnly(panel, FeatureSpec.lagsAndMeans(FeatureSpec.DEFAULT_LAGS))
        .build(Progress.silent());
  }
}
