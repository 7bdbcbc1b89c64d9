package dev.vitrina.sasrec;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** Trains {@link SasRecModel} with full-softmax cross-entropy over next items. */
public final class SasRecTrainer implements Trainer<SasRecModel> {

  private final SasRecConfig config;

  public SasRecTrainer(SasRecConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "sasrec";
  }

  @Override
  public Map<String, Object> parameters() {
    return config.toParams();
  }

  @Override
  public SasRecModel fit(Interactions data, Progress progress) {
    Trainer.requireRows(data, name());
    UserItemMatrix m = data.toMatrix(ValueTransform.BINARY);
    BaseRecommender.Common common = BaseRecommender.Common.of(data, m, config.toParams());
    int users = data.numUsers();
    int[][] seqs = new int[users][];
    for (int u = 0; u < users; u++) {
      seqs[u] = sequence(common, u);
    }
    SasRecNet net = new SasRecNet(config.net(data.numItems()), config.seed());
    SasRecNet.Adam adam = net.new Adam(config.lr());
    Random rnd = new Random(config.seed());
    int[] order = new int[users];
    int n = 0;
    for (int u = 0; u < users; u++) {
      if (seqs[u].length >= 2) {
        order[n++] = u;
      }
    }
    order = Arrays.copyOf(order, n);
    int len = config.maxLen();
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int from = 0; from < n; from += config.batch()) {
        int b = Math.min(config.batch(), n - from);
        long[][] seq = new long[b][];
        long[][] tgt = new long[b][];
        for (int r = 0; r < b; r++) {
          int[] s = seqs[order[from + r]];
          seq[r] = window(s, s.length - 1, len);
          tgt[r] = window(Arrays.copyOfRange(s, 1, s.length), s.length - 1, len);
        }
        adam.step(seq, tgt);
      }
      progress.step(1);
    }
    return new SasRecModel(common, config, net);
  }

  /** The user's training items (0-based) ordered by the time of their last interaction. */
  static int[] sequence(BaseRecommender.Common common, int user) {
    UserItemMatrix m = common.seen();
    int from = m.indptr()[user];
    int to = m.indptr()[user + 1];
    int[] order = common.order();
    long[] keys = new long[to - from];
    for (int k = from; k < to; k++) {
      long rank = order == null ? k : order[k];
      keys[k - from] = (rank << 32) | m.indices()[k];
    }
    Arrays.sort(keys);
    int[] out = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      out[k] = (int) keys[k];
    }
    return out;
  }

  /**
   * The last {@code min(count, len)} of {@code items[0..count)} as 1-based ids, left-padded with 0.
   */
  static long[] window(int[] items, int count, int len) {
    long[] w = new long[len];
    int take = Math.min(count, len);
    for (int k = 0; k < take; k++) {
      w[len - take + k] = items[count - take + k] + 1L;
    }
    return w;
  }
}
