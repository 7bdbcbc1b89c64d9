package dev.vitrina.sasrec;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains {@link SasRecModel} on each user's items in time order: at every position the next item is
 * the target, with the loss the config names. With {@code patience > 0} each user's last item is
 * held out, nDCG@10 on it (full ranking, the user's other items excluded) is measured after every
 * epoch, training stops after {@code patience} epochs without improvement and the best epoch's
 * weights are kept.
 */
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
    int numItems = data.numItems();
    boolean validate = config.patience() > 0;
    int[][] seqs = new int[users][];
    int[] heldOut = new int[users];
    Arrays.fill(heldOut, -1);
    for (int u = 0; u < users; u++) {
      int[] s = sequence(common, u);
      if (validate && s.length >= 3) {
        heldOut[u] = s[s.length - 1];
        s = Arrays.copyOf(s, s.length - 1);
      }
      seqs[u] = s;
    }
    int[] order = usersWithPairs(seqs);
    int[] validUsers = validate ? validationUsers(heldOut, config) : new int[0];
    if (validate && validUsers.length == 0) {
      throw new IllegalArgumentException(
          "sasrec patience="
              + config.patience()
              + " needs users with 3 or more items to hold out a validation item, and there are"
              + " none; set patience=0");
    }
    Engine.getInstance().setRandomSeed((int) config.seed()); // dropout; loads the engine first
    int threadsBefore = JniUtils.getNumThreads();
    JniUtils.setNumThreads(config.threads());
    SasRecNet net = new SasRecNet(config.net(numItems), config.seed());
    List<EpochLog> log = new ArrayList<>();
    try {
      SasRecNet.Adam adam = net.new Adam(config.lr());
      Random rnd = new Random(config.seed());
      float[][] best = null;
      double bestNdcg = -1;
      int bestEpoch = 0;
      long start = System.nanoTime();
      double lastEpochSeconds = 0;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (config.maxMinutes() > 0 && elapsed + lastEpochSeconds > config.maxMinutes() * 60.0) {
          progress.message(
              String.format(
                  Locale.ROOT,
                  "sasrec: stopping before epoch %d: max_minutes=%s would be exceeded",
                  epoch,
                  config.maxMinutes()));
          break;
        }
        long e0 = System.nanoTime();
        double loss = epoch(net, adam, seqs, order, numItems, rnd);
        Double ndcg = validate ? ndcg10(net, seqs, heldOut, validUsers) : null;
        if (!Double.isFinite(loss)) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "sasrec training diverged in epoch %d (loss %s); lower lr (now %s), e.g. lr=%s",
                  epoch,
                  loss,
                  config.lr(),
                  config.lr() / 2));
        }
        lastEpochSeconds = (System.nanoTime() - e0) / 1e9;
        log.add(new EpochLog(epoch, loss, ndcg, lastEpochSeconds));
        progress.message(
            String.format(
                Locale.ROOT,
                "epoch %d loss %.4f%s %.0fs%s", // short: a progress bar cuts long messages
                epoch,
                loss,
                validate ? String.format(Locale.ROOT, " val nDCG@10 %.4f", ndcg) : "",
                lastEpochSeconds,
                adam.skipped() > 0 ? " (" + adam.skipped() + " non-finite steps skipped)" : ""));
        progress.step(1);
        if (validate) {
          if (ndcg > bestNdcg) {
            bestNdcg = ndcg;
            bestEpoch = epoch;
            best = net.snapshot();
          } else if (epoch - bestEpoch >= config.patience()) {
            progress.message(
                String.format(
                    Locale.ROOT,
                    "sasrec: early stop after epoch %d; keeping epoch %d (validation nDCG@10"
                        + " %.4f)",
                    epoch,
                    bestEpoch,
                    bestNdcg));
            break;
          }
        }
      }
      if (best != null) {
        net.restore(best);
      }
      return new SasRecModel(common, config, net, new TrainingLog(bestEpoch, log));
    } catch (RuntimeException e) {
      net.close();
      throw e;
    } finally {
      JniUtils.setNumThreads(threadsBefore);
    }
  }

  /** One pass over the users in a seeded random order; returns the mean batch loss. */
  private double epoch(
      SasRecNet net, SasRecNet.Adam adam, int[][] seqs, int[] order, int numItems, Random rnd) {
    int n = order.length;
    shuffle(order, rnd);
    int len = config.maxLen();
    SasRecNet.Loss kind = config.lossKind();
    double sum = 0;
    int batches = 0;
    int bad = 0;
    for (int from = 0; from < n; from += config.batch()) {
      int b = Math.min(config.batch(), n - from);
      long[][] seq = new long[b][];
      long[][] tgt = new long[b][];
      long[][] neg = null;
      if (kind == SasRecNet.Loss.BCE) {
        neg = new long[b][len];
      } else if (kind == SasRecNet.Loss.SAMPLED_SOFTMAX) {
        neg = new long[1][config.negatives()];
        for (int k = 0; k < neg[0].length; k++) {
          neg[0][k] = 1 + rnd.nextInt(numItems);
        }
      }
      for (int r = 0; r < b; r++) {
        int[] s = seqs[order[from + r]];
        seq[r] = window(s, s.length - 1, len);
        tgt[r] = window(Arrays.copyOfRange(s, 1, s.length), s.length - 1, len);
        if (kind == SasRecNet.Loss.BCE) {
          negativesFor(s, tgt[r], neg[r], numItems, rnd);
        }
      }
      float loss = adam.step(kind, seq, tgt, neg);
      if (Float.isFinite(loss)) {
        sum += loss;
        batches++;
      } else {
        bad++;
      }
    }
    if (bad * 10 > bad + batches) {
      return Double.NaN; // more than a tenth of the steps: diverged
    }
    return batches == 0 ? Double.NaN : sum / batches;
  }

  /** One uniformly drawn item the user never had, for every position with a target. */
  private static void negativesFor(int[] s, long[] tgt, long[] out, int numItems, Random rnd) {
    BitSet have = new BitSet(numItems + 1);
    for (int item : s) {
      have.set(item + 1);
    }
    boolean all = have.cardinality() >= numItems;
    for (int p = 0; p < tgt.length; p++) {
      if (tgt[p] == 0) {
        continue;
      }
      long id;
      do {
        id = 1 + rnd.nextInt(numItems);
      } while (!all && have.get((int) id));
      out[p] = id;
    }
  }

  /** Mean nDCG@10 of each validation user's held-out item, the user's other items excluded. */
  private double ndcg10(SasRecNet net, int[][] seqs, int[] heldOut, int[] validUsers) {
    double sum = 0;
    int batch = 256;
    int len = config.maxLen();
    for (int from = 0; from < validUsers.length; from += batch) {
      int b = Math.min(batch, validUsers.length - from);
      long[][] seq = new long[b][];
      for (int r = 0; r < b; r++) {
        int[] s = seqs[validUsers[from + r]];
        seq[r] = window(s, s.length, len);
      }
      float[] scores = net.nextScores(seq);
      int width = net.config().numItems() + 1;
      for (int r = 0; r < b; r++) {
        int u = validUsers[from + r];
        int base = r * width;
        int target = heldOut[u] + 1;
        float ts = scores[base + target];
        if (Float.isNaN(ts)) {
          continue; // a NaN score ranks last
        }
        BitSet seen = new BitSet(width);
        for (int item : seqs[u]) {
          seen.set(item + 1);
        }
        int rank = 0;
        for (int i = 1; i < width && rank < 10; i++) {
          if (i != target && !seen.get(i) && scores[base + i] > ts) {
            rank++;
          }
        }
        if (rank < 10) {
          sum += 1.0 / (Math.log(rank + 2) / Math.log(2));
        }
      }
    }
    return sum / validUsers.length;
  }

  /** Fisher-Yates, in place. */
  private static void shuffle(int[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static int[] usersWithPairs(int[][] seqs) {
    int[] order = new int[seqs.length];
    int n = 0;
    for (int u = 0; u < seqs.length; u++) {
      if (seqs[u].length >= 2) {
        order[n++] = u;
      }
    }
    return Arrays.copyOf(order, n);
  }

  /** The users with a held-out item, or a seeded sample of {@code valid_users} of them. */
  private static int[] validationUsers(int[] heldOut, SasRecConfig config) {
    int[] all = new int[heldOut.length];
    int n = 0;
    for (int u = 0; u < heldOut.length; u++) {
      if (heldOut[u] >= 0) {
        all[n++] = u;
      }
    }
    all = Arrays.copyOf(all, n);
    if (config.validUsers() == 0 || config.validUsers() >= n) {
      return all;
    }
    shuffle(all, new Random(config.seed() ^ 0x5DEECE66DL));
    int[] pick = Arrays.copyOf(all, config.validUsers());
    Arrays.sort(pick);
    return pick;
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

  /** One epoch's figures: mean training loss, validation nDCG@10 (null without validation). */
  public record EpochLog(int epoch, double loss, Double validationNdcg10, double seconds) {}

  /**
   * What training did.
   *
   * @param bestEpoch the epoch whose weights were kept (0 without validation: the last)
   * @param epochs every epoch run
   */
  public record TrainingLog(int bestEpoch, List<EpochLog> epochs) {}
}
