package dev.vitrina.demand.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the engine with a naive, obviously-correct reference on random sparse sales: a map from
 * (store, item) to date -> quantity, with every feature computed by looking dates up.
 */
class FeatureEngineReferenceTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void matchesNaiveReferenceOnRandomSparseSales(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int stores = 1 + r.nextInt(4);
    int items = 1 + r.nextInt(6);
    int days = 40 + r.nextInt(60);
    int base = 16_000 + r.nextInt(100);
    List<int[]> rows = new ArrayList<>();
    List<Float> qtys = new ArrayList<>();
    for (int s = 0; s < stores; s++) {
      for (int i = 0; i < items; i++) {
        double density = r.nextDouble() * 0.5;
        int startAt = r.nextInt(days / 2);
        for (int d = startAt; d < days; d++) {
          if (r.nextDouble() < density) {
            rows.add(new int[] {s, i, base + d});
            qtys.add((float) (1 + r.nextInt(9)));
            if (r.nextDouble() < 0.05) { // duplicate rows are summed
              rows.add(new int[] {s, i, base + d});
              qtys.add(1f);
            }
          }
        }
      }
    }
    // Shuffle rows: the engine must not depend on input order.
    for (int k = rows.size() - 1; k > 0; k--) {
      int j = r.nextInt(k + 1);
      int[] t = rows.get(k);
      rows.set(k, rows.get(j));
      rows.set(j, t);
      Float q = qtys.get(k);
      qtys.set(k, qtys.get(j));
      qtys.set(j, q);
    }
    int n = rows.size();
    int[] st = new int[n];
    int[] it = new int[n];
    int[] dy = new int[n];
    float[] q = new float[n];
    for (int k = 0; k < n; k++) {
      st[k] = rows.get(k)[0];
      it[k] = rows.get(k)[1];
      dy[k] = rows.get(k)[2];
      q[k] = qtys.get(k);
    }
    IdIndex storeIds = ids("S", stores);
    IdIndex itemIds = ids("I", items);
    SalesTable sales = SalesTable.of(st, it, dy, q, storeIds, itemIds);
    Panel panel =
        PanelBuilder.build(sales, Dimensions.none(), PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    FeatureSpec spec =
        new FeatureSpec(FeatureSpec.DEFAULT_LAGS, true, new int[] {7, 14}, false, false, 1);
    FeatureMatrix m = FeatureEngine.seriesOnly(panel, spec).build(Progress.silent());

    // Reference.
    Map<Long, TreeMap<Integer, Float>> ref = new TreeMap<>();
    int maxDay = Integer.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      ref.computeIfAbsent((long) st[k] * items + it[k], x -> new TreeMap<>())
          .merge(dy[k], q[k], Float::sum);
      maxDay = Math.max(maxDay, dy[k]);
    }
    assertThat(panel.seriesCount()).as("seed %d", seed).isEqualTo(ref.size());
    int row = 0;
    int s = 0;
    for (Map.Entry<Long, TreeMap<Integer, Float>> e : ref.entrySet()) {
      TreeMap<Integer, Float> series = e.getValue();
      int first = series.firstKey();
      assertThat(panel.key(s, "store")).isEqualTo(storeIds.id((int) (e.getKey() / items)));
      assertThat(panel.key(s, "item")).isEqualTo(itemIds.id((int) (e.getKey() % items)));
      for (int d = first; d <= maxDay; d++, row++) {
        assertThat(m.target()[row]).as("seed %d qty row %d", seed, row).isEqualTo(v(series, d));
        for (int lag : FeatureSpec.DEFAULT_LAGS) {
          Float expected = d - lag >= first ? v(series, d - lag) : null;
          assertEq(m.column("lag_" + lag)[row], expected, seed, "lag_" + lag, row);
        }
        assertEq(
            m.column("mean_7")[row],
            mean(series, first, d, 1, 2, 3, 4, 5, 6, 7),
            seed,
            "mean_7",
            row);
        assertEq(
            m.column("mean_4w")[row], mean(series, first, d, 7, 14, 21, 28), seed, "mean_4w", row);
        for (int w : new int[] {7, 14}) {
          List<Float> win = new ArrayList<>();
          for (int k = 1; k <= w; k++) {
            if (d - k >= first) {
              win.add(v(series, d - k));
            }
          }
          Float mean =
              win.isEmpty()
                  ? null
                  : (float) win.stream().mapToDouble(x -> x).average().orElseThrow();
          Float max =
              win.isEmpty() ? null : (float) win.stream().mapToDouble(x -> x).max().orElseThrow();
          Float std = null;
          if (win.size() >= 2) {
            double mu = win.stream().mapToDouble(x -> x).average().orElseThrow();
            double ss = win.stream().mapToDouble(x -> (x - mu) * (x - mu)).sum();
            std = (float) Math.sqrt(ss / (win.size() - 1));
          }
          assertEq(m.column("roll_mean_" + w)[row], mean, seed, "roll_mean_" + w, row);
          assertEq(m.column("roll_std_" + w)[row], std, seed, "roll_std_" + w, row);
          assertEq(m.column("roll_max_" + w)[row], max, seed, "roll_max_" + w, row);
        }
      }
      s++;
    }
    assertThat(row).isEqualTo(m.rows());
  }

  private static float v(TreeMap<Integer, Float> series, int d) {
    return series.getOrDefault(d, 0f);
  }

  private static Float mean(TreeMap<Integer, Float> series, int first, int d, int... lags) {
    double sum = 0;
    int n = 0;
    for (int k : lags) {
      if (d - k >= first) {
        sum += v(series, d - k);
        n++;
      }
    }
    return n == 0 ? null : (float) (sum / n);
  }

  private static void assertEq(float actual, Float expected, long seed, String col, int row) {
    if (expected == null) {
      assertThat(actual).as("seed %d %s row %d", seed, col, row).isNaN();
    } else {
      assertThat((double) actual)
          .as("seed %d %s row %d", seed, col, row)
          .isCloseTo(
              expected, org.assertj.core.api.Assertions.within(1e-4 + 1e-5 * Math.abs(expected)));
    }
  }

  static IdIndex ids(String prefix, int n) {
    IdIndex.Builder b = new IdIndex.Builder();
    for (int i = 0; i < n; i++) {
      b.add(prefix + i);
    }
    return b.build();
  }
}
