package dev.vitrina.recs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopKTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void matchesAFullSortWithTieBreaks(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(300);
    int k = 1 + rnd.nextInt(40);
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      // few distinct values so ties are common; some NaN
      scores[i] = rnd.nextInt(20) == 0 ? Float.NaN : rnd.nextInt(15);
    }
    TopK top = new TopK(k);
    for (int i = 0; i < n; i++) {
      top.offer(i, scores[i]);
    }
    int[] items = new int[top.size()];
    float[] drained = new float[top.size()];
    assertThat(top.drainTo(items, drained, 0)).isEqualTo(items.length);
    int[] expected =
        IntStream.range(0, n)
            .filter(i -> !Float.isNaN(scores[i]))
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
            .limit(k)
            .mapToInt(Integer::intValue)
            .toArray();
    assertThat(items).as("seed %d", seed).containsExactly(expected);
    assertThat(top.size()).isZero();
    float[] sorted = drained.clone();
    Arrays.sort(sorted);
    assertThat(drained[0]).isEqualTo(sorted.length == 0 ? drained[0] : sorted[sorted.length - 1]);
  }
}
