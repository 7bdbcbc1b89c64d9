package dev.vitrina.sasrec;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SasRecNetTest {

  private static final SasRecNet.Config TINY = new SasRecNet.Config(12, 6, 16, 2, 2, 0f);

  @Test
  void attentionRowsSumToOne() {
    try (SasRecNet net = new SasRecNet(TINY, 1);
        NDManager m = NDManager.newBaseManager()) {
      NDArray seq = m.create(new long[][] {{0, 0, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}});
      for (NDArray att : net.forward(seq, false).attention()) {
        float[] sums = att.sum(new int[] {-1}).toFloatArray();
        for (float s : sums) {
          assertThat(s).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void changingAFutureItemNeverChangesAnEarlierPosition() {
    try (SasRecNet net = new SasRecNet(TINY, 2);
        NDManager m = NDManager.newBaseManager()) {
      float[] a =
          net.forward(m.create(new long[][] {{1, 2, 3, 4, 5, 6}}), false).hidden().toFloatArray();
      float[] b =
          net.forward(m.create(new long[][] {{1, 2, 3, 9, 11, 7}}), false).hidden().toFloatArray();
      int d = TINY.dim();
      for (int i = 0; i < 3 * d; i++) {
        assertThat(b[i]).isEqualTo(a[i]);
      }
      boolean changed = false;
      for (int i = 3 * d; i < 4 * d; i++) {
        changed |= a[i] != b[i];
      }
      assertThat(changed).isTrue();
    }
  }

  @Test
  void learnsNextItemIsCurrentPlusOne() {
    SasRecNet.Config cfg = new SasRecNet.Config(20, 5, 16, 1, 1, 0f);
    try (SasRecNet net = new SasRecNet(cfg, 3);
        NDManager m = NDManager.newBaseManager()) {
      SasRecNet.Adam adam = net.new Adam(0.01f);
      Random rnd = new Random(4);
      for (int step = 0; step < 200; step++) {
        long[][] seq = new long[16][5];
        long[][] tgt = new long[16][5];
        for (int r = 0; r < 16; r++) {
          int start = 1 + rnd.nextInt(14);
          for (int t = 0; t < 5; t++) {
            seq[r][t] = start + t;
            tgt[r][t] = start + t + 1;
          }
        }
        adam.step(seq, tgt);
      }
      NDArray scores =
          net.logits(net.forward(m.create(new long[][] {{3, 4, 5, 6, 7}}), false).hidden());
      float[] last = scores.get("0, 4, :").toFloatArray();
      int best = 1;
      for (int i = 1; i < last.length; i++) {
        if (last[i] > last[best]) {
          best = i;
        }
      }
      assertThat(best).isEqualTo(8);
    }
  }
}
