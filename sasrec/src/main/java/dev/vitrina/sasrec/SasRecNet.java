package dev.vitrina.sasrec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The SASRec network: item embeddings (row 0 is padding) plus learned positional embeddings, {@code
 * blocks} pre-norm blocks of causal multi-head self-attention and a point-wise feed-forward layer,
 * each with a residual connection and dropout, a final layer norm, and scores tied to the item
 * embeddings. Sequences are left-padded with 0 to length {@code maxLen}; position {@code t}'s
 * output only depends on positions {@code 0..t}.
 */
public final class SasRecNet implements AutoCloseable {

  /** Hyper-parameters. {@code numItems} counts real items; ids run 1..numItems. */
  public record Config(int numItems, int maxLen, int dim, int heads, int blocks, float dropout) {
    public Config {
      if (numItems < 1 || maxLen < 1 || dim < 1 || heads < 1 || blocks < 1) {
        throw new IllegalArgumentException(
            "SASRec sizes must all be >= 1 (numItems="
                + numItems
                + ", maxLen="
                + maxLen
                + ", dim="
                + dim
                + ", heads="
                + heads
                + ", blocks="
                + blocks
                + "); fix the parameter that is below 1");
      }
      if (dim % heads != 0) {
        throw new IllegalArgumentException(
            "SASRec dim must be divisible by heads, got dim="
                + dim
                + " heads="
                + heads
                + "; pick e.g. heads=1 or dim="
                + (dim / heads + 1) * heads);
      }
      if (dropout < 0 || dropout >= 1) {
        throw new IllegalArgumentException(
            "SASRec dropout must be in [0, 1), got " + dropout + "; use e.g. 0.2");
      }
    }
  }

  /** The output of one forward pass: hidden states and each block's attention weights. */
  public record Forward(NDArray hidden, List<NDArray> attention) {}

  private final Config config;
  private final NDManager manager;
  private final List<NDArray> params = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final NDArray itemEmb;
  private final NDArray posEmb;
  private final NDArray finalGamma;
  private final NDArray finalBeta;
  private final List<NDArray[]> blockParams = new ArrayList<>();

  static {
    // Same seed, same model: with several intra-op threads the native BLAS may split sums by the
    // threads it gets under load, and training amplifies the last-bit differences. One thread
    // each, unless the user sets these properties before the engine starts.
    for (String p :
        new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
      if (System.getProperty(p) == null
          && System.getenv(p.toUpperCase(java.util.Locale.ROOT).replace('.', '_')) == null) {
        System.setProperty(p, "1");
      }
    }
  }

  /**
   * Creates a network whose weights are drawn from {@code java.util.Random(seed)} on the Java side,
   * so that the same seed gives the same weights whatever state the native engine is in.
   */
  public SasRecNet(Config config, long seed) {
    this.config = config;
    this.manager = NDManager.newBaseManager();
    Random rnd = new Random(seed);
    int d = config.dim();
    float std = (float) (1.0 / Math.sqrt(d));
    itemEmb = param("item_emb", normal(rnd, std, config.numItems() + 1, d));
    posEmb = param("pos_emb", normal(rnd, std, config.maxLen(), d));
    for (int b = 0; b < config.blocks(); b++) {
      String p = "block" + b + ".";
      blockParams.add(
          new NDArray[] {
            param(p + "ln1_g", manager.ones(new Shape(d))),
            param(p + "ln1_b", manager.zeros(new Shape(d))),
            param(p + "wq", normal(rnd, std, d, d)),
            param(p + "wk", normal(rnd, std, d, d)),
            param(p + "wv", normal(rnd, std, d, d)),
            param(p + "wo", normal(rnd, std, d, d)),
            param(p + "ln2_g", manager.ones(new Shape(d))),
            param(p + "ln2_b", manager.zeros(new Shape(d))),
            param(p + "w1", normal(rnd, std, d, d)),
            param(p + "b1", manager.zeros(new Shape(d))),
            param(p + "w2", normal(rnd, std, d, d)),
            param(p + "b2", manager.zeros(new Shape(d)))
          });
    }
    finalGamma = param("final_g", manager.ones(new Shape(d)));
    finalBeta = param("final_b", manager.zeros(new Shape(d)));
  }

  private NDArray normal(Random rnd, float std, long rows, long cols) {
    float[] v = new float[Math.toIntExact(rows * cols)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextGaussian() * std);
    }
    return manager.create(v, new Shape(rows, cols));
  }

  private NDArray param(String name, NDArray value) {
    names.add(name);
    params.add(value);
    return value;
  }

  public Config config() {
    return config;
  }

  public NDManager manager() {
    return manager;
  }

  /** The trainable parameters, in a fixed order matching {@link #parameterNames()}. */
  public List<NDArray> parameters() {
    return params;
  }

  public List<String> parameterNames() {
    return names;
  }

  /**
   * Layer-norm epsilon. Padded positions are all-zero rows: with a tiny epsilon their variance
   * gradient overflows to infinity, and infinity times the padding mask's 0 is NaN.
   */
  private static final float LAYER_NORM_EPS = 1e-5f;

  private static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
    NDArray mean = x.mean(new int[] {-1}, true);
    NDArray centered = x.sub(mean);
    NDArray var = centered.square().mean(new int[] {-1}, true);
    return centered.div(var.add(LAYER_NORM_EPS).sqrt()).mul(gamma).add(beta);
  }

  private NDArray dropout(NDArray x, boolean training) {
    if (!training || config.dropout() == 0f) {
      return x;
    }
    float keep = 1f - config.dropout();
    NDArray mask =
        x.getManager()
            .randomUniform(0f, 1f, x.getShape(), DataType.FLOAT32)
            .lt(keep)
            .toType(DataType.FLOAT32, false)
            .div(keep);
    return x.mul(mask);
  }

  /**
   * Runs the network on left-padded item ids {@code seq} of shape {@code [B, maxLen]} (INT64, 0 =
   * padding) created on {@code m}.
   */
  public Forward forward(NDArray seq, boolean training) {
    int d = config.dim();
    int h = config.heads();
    int hd = d / h;
    long batch = seq.getShape().get(0);
    int len = (int) seq.getShape().get(1);
    NDManager m = seq.getManager();
    NDArray x =
        seq.getNDArrayInternal()
            .embedding(seq, itemEmb, SparseFormat.DENSE)
            .singletonOrThrow()
            .mul((float) Math.sqrt(d));
    x =
        x.add(
            posEmb.get(new NDIndex(len == config.maxLen() ? ":" : (config.maxLen() - len) + ":")));
    NDArray keep = seq.gt(0).toType(DataType.FLOAT32, false).expandDims(2); // [B, L, 1]
    x = dropout(x, training).mul(keep);
    // causal mask [L, L]: 0 where key <= query, -1e9 above the diagonal
    float[] maskValues = new float[len * len];
    for (int i = 0; i < len; i++) {
      for (int j = i + 1; j < len; j++) {
        maskValues[i * len + j] = -1e9f;
      }
    }
    NDArray future = m.create(maskValues, new Shape(len, len));
    List<NDArray> attentions = new ArrayList<>();
    for (NDArray[] p : blockParams) {
      NDArray q = layerNorm(x, p[0], p[1]);
      NDArray qh = q.matMul(p[2]).reshape(batch, len, h, hd).transpose(0, 2, 1, 3);
      NDArray kh = x.matMul(p[3]).reshape(batch, len, h, hd).transpose(0, 2, 1, 3);
      NDArray vh = x.matMul(p[4]).reshape(batch, len, h, hd).transpose(0, 2, 1, 3);
      NDArray scores = qh.matMul(kh.transpose(0, 1, 3, 2)).div((float) Math.sqrt(hd)).add(future);
      NDArray att = scores.softmax(-1);
      attentions.add(att);
      NDArray ctx = dropout(att, training).matMul(vh).transpose(0, 2, 1, 3).reshape(batch, len, d);
      x = q.add(dropout(ctx.matMul(p[5]), training));
      NDArray y = layerNorm(x, p[6], p[7]);
      NDArray ff = Activation.relu(y.matMul(p[8]).add(p[9]));
      ff = dropout(ff.matMul(p[10]).add(p[11]), training);
      x = y.add(ff).mul(keep);
    }
    return new Forward(layerNorm(x, finalGamma, finalBeta), attentions);
  }

  /** Scores {@code [B, L, numItems + 1]} of every item (column 0 = padding) at every position. */
  public NDArray logits(NDArray hidden) {
    return hidden.matMul(itemEmb.transpose());
  }

  /**
   * Inference: the score of every item after each left-padded window of item ids ({@code [B][L]},
   * see {@code SasRecTrainer.window}), row-major {@code [B][numItems + 1]} (column 0 = padding).
   */
  public float[] nextScores(long[][] windows) {
    try (NDScope scope = new NDScope();
        NDManager m = manager.newSubManager()) {
      NDArray h = forward(m.create(windows), false).hidden().get(":, -1, :");
      return logits(h).toFloatArray();
    }
  }

  /**
   * The training loss of predicting {@code targets} ({@code [B][L]}, 0 = no target) from {@code
   * seq}: the mean over positions with a target.
   *
   * <ul>
   *   <li>{@link Loss#FULL_SOFTMAX}: cross-entropy over all items ({@code negatives} unused);
   *   <li>{@link Loss#SAMPLED_SOFTMAX}: cross-entropy over the target and the {@code [1][K]} item
   *       ids in {@code negatives}, shared by the batch (a negative equal to the target is masked);
   *   <li>{@link Loss#BCE}: binary cross-entropy of the target against one negative per position,
   *       {@code negatives} of shape {@code [B][L]}.
   * </ul>
   */
  public NDArray loss(
      Loss loss, NDArray seq, long[][] targets, long[][] negatives, boolean training) {
    NDManager m = seq.getManager();
    NDArray hidden = forward(seq, training).hidden();
    int len = targets[0].length;
    int rows = 0;
    for (long[] r : targets) {
      for (long t : r) {
        rows += t > 0 ? 1 : 0;
      }
    }
    long[] at = new long[rows];
    long[] tgt = new long[rows];
    long[] negAt = loss == Loss.BCE ? new long[rows] : null;
    int k = 0;
    for (int b = 0; b < targets.length; b++) {
      for (int p = 0; p < len; p++) {
        if (targets[b][p] > 0) {
          at[k] = (long) b * len + p;
          tgt[k] = targets[b][p];
          if (negAt != null) {
            negAt[k] = negatives[b][p];
          }
          k++;
        }
      }
    }
    if (rows == 0) {
      return hidden.sum().mul(0f);
    }
    NDArray flat = hidden.reshape((long) targets.length * len, config.dim());
    NDArray h = rowsOf(flat, m.create(at)); // [M, d]
    NDArray tm = m.create(tgt);
    switch (loss) {
      case FULL_SOFTMAX -> {
        // In row chunks whose score blocks stay under the C allocator's mmap threshold (32 MB):
        // their memory is then reused from step to step instead of being mapped and faulted in
        // again, which otherwise costs as much as the arithmetic.
        int chunk = Math.max(1, CHUNK_FLOATS / (config.numItems() + 1));
        NDArray total = null;
        for (int from = 0; from < rows; from += chunk) {
          int to = Math.min(rows, from + chunk);
          NDArray hc = rows <= chunk ? h : h.get(from + ":" + to);
          NDArray tc = rows <= chunk ? tm : tm.get(from + ":" + to);
          NDArray logp = hc.matMul(itemEmb.transpose()).logSoftmax(1);
          NDArray picked = logp.gather(tc.reshape(to - from, 1), 1).sum();
          total = total == null ? picked : total.add(picked);
        }
        return total.div((float) rows).neg();
      }
      case SAMPLED_SOFTMAX -> {
        NDArray negIds = m.create(negatives[0]);
        NDArray pos = h.mul(rowsOf(itemEmb, tm)).sum(new int[] {1}, true); // [M, 1]
        NDArray neg = h.matMul(rowsOf(itemEmb, negIds).transpose()); // [M, K]
        NDArray same = tm.reshape(rows, 1).eq(negIds.reshape(1, -1));
        neg = neg.sub(same.toType(DataType.FLOAT32, false).mul(1e9f));
        NDArray logp = pos.concat(neg, 1).logSoftmax(1);
        return logp.get(":, 0").mean().neg();
      }
      case BCE -> {
        NDArray pos = h.mul(rowsOf(itemEmb, tm)).sum(new int[] {1});
        NDArray neg = h.mul(rowsOf(itemEmb, m.create(negAt))).sum(new int[] {1});
        return softplus(pos.neg()).add(softplus(neg)).mean();
      }
      default -> throw new IllegalStateException("unknown loss " + loss);
    }
  }

  /** Score-block size of the full-softmax loss, in floats (24 MB). */
  private static final int CHUNK_FLOATS = 6 << 20;

  /** Rows {@code ids} of the matrix {@code table} (gradients flow back into {@code table}). */
  private static NDArray rowsOf(NDArray table, NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /** {@code log(1 + exp(x))} without overflow. */
  private static NDArray softplus(NDArray x) {
    return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
  }

  /** The training objectives. */
  public enum Loss {
    FULL_SOFTMAX,
    SAMPLED_SOFTMAX,
    BCE
  }

  /** Gradients are scaled down to this global L2 norm when larger (a bad batch cannot blow up). */
  private static final double MAX_GRAD_NORM = 5.0;

  /**
   * One Adam optimiser over this network's parameters, with global gradient-norm clipping; a step
   * whose loss or gradient is not finite is skipped and counted.
   */
  public final class Adam {
    private final float lr;
    private final List<NDArray> m1 = new ArrayList<>();
    private final List<NDArray> m2 = new ArrayList<>();
    private int step;
    private int skipped;

    /** Steps skipped because their loss or gradient was not finite. */
    public int skipped() {
      return skipped;
    }

    public Adam(float lr) {
      this.lr = lr;
      for (NDArray p : params) {
        p.setRequiresGradient(true);
        m1.add(manager.zeros(p.getShape()));
        m2.add(manager.zeros(p.getShape()));
      }
    }

    /** One full-softmax step on a batch; returns the loss. */
    public float step(long[][] seq, long[][] targets) {
      return step(Loss.FULL_SOFTMAX, seq, targets, null);
    }

    /**
     * One step on a batch; returns the loss, or NaN when the step was skipped. {@code negatives}:
     * {@code [1][K]} shared ids for the sampled softmax, {@code [B][L]} for BCE, null for the full
     * softmax.
     */
    public float step(Loss kind, long[][] seq, long[][] targets, long[][] negatives) {
      try (NDScope scope = new NDScope();
          NDManager sub = manager.newSubManager()) {
        NDArray s = sub.create(seq);
        float loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray l = loss(kind, s, targets, negatives, true);
          gc.backward(l);
          loss = l.getFloat();
        }
        double sq = 0;
        for (NDArray p : params) {
          sq += p.getGradient().square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (!Float.isFinite(loss) || !Double.isFinite(norm)) {
          for (NDArray p : params) {
            p.getGradient().set(new NDIndex("..."), 0f); // NaN * 0 would stay NaN
          }
          skipped++;
          return Float.NaN;
        }
        float clip = norm > MAX_GRAD_NORM ? (float) (MAX_GRAD_NORM / norm) : 1f;
        step++;
        float b1 = 0.9f;
        float b2 = 0.98f;
        float c1 = (float) (1 - Math.pow(b1, step));
        float c2 = (float) (1 - Math.pow(b2, step));
        for (int i = 0; i < params.size(); i++) {
          NDArray p = params.get(i);
          NDArray g = p.getGradient();
          if (clip < 1f) {
            g.muli(clip);
          }
          m1.get(i).muli(b1).addi(g.mul(1 - b1));
          m2.get(i).muli(b2).addi(g.square().mul(1 - b2));
          NDArray upd = m1.get(i).div(c1).div(m2.get(i).div(c2).sqrt().add(1e-8f)).mul(lr);
          p.subi(upd);
          g.muli(0f);
        }
        return loss;
      }
    }
  }

  /** A copy of every parameter's values, in {@link #parameters()} order. */
  public float[][] snapshot() {
    float[][] out = new float[params.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = params.get(i).toFloatArray();
    }
    return out;
  }

  /** Sets every parameter from a {@link #snapshot()}. */
  public void restore(float[][] values) {
    for (int i = 0; i < values.length; i++) {
      params.get(i).set(java.nio.FloatBuffer.wrap(values[i]));
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
