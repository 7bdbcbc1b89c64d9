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
   * Creates a network with weights drawn from the engine's random generator, seeded by {@code
   * seed}.
   */
  public SasRecNet(Config config, long seed) {
    this.config = config;
    Engine.getInstance().setRandomSeed((int) seed);
    this.manager = NDManager.newBaseManager();
    int d = config.dim();
    float std = (float) (1.0 / Math.sqrt(d));
    itemEmb =
        param(
            "item_emb",
            manager.randomNormal(0, std, new Shape(config.numItems() + 1, d), DataType.FLOAT32));
    posEmb =
        param(
            "pos_emb",
            manager.randomNormal(0, std, new Shape(config.maxLen(), d), DataType.FLOAT32));
    for (int b = 0; b < config.blocks(); b++) {
      String p = "block" + b + ".";
      blockParams.add(
          new NDArray[] {
            param(p + "ln1_g", manager.ones(new Shape(d))),
            param(p + "ln1_b", manager.zeros(new Shape(d))),
            param(p + "wq", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "wk", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "wv", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "wo", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "ln2_g", manager.ones(new Shape(d))),
            param(p + "ln2_b", manager.zeros(new Shape(d))),
            param(p + "w1", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "b1", manager.zeros(new Shape(d))),
            param(p + "w2", manager.randomNormal(0, std, new Shape(d, d), DataType.FLOAT32)),
            param(p + "b2", manager.zeros(new Shape(d)))
          });
    }
    finalGamma = param("final_g", manager.ones(new Shape(d)));
    finalBeta = param("final_b", manager.zeros(new Shape(d)));
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

  private static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
    NDArray mean = x.mean(new int[] {-1}, true);
    NDArray centered = x.sub(mean);
    NDArray var = centered.square().mean(new int[] {-1}, true);
    return centered.div(var.add(1e-8f).sqrt()).mul(gamma).add(beta);
  }

  private NDArray dropout(NDArray x, boolean training) {
    if (!training || config.dropout() == 0f) {
      return x;
    }
    return x.getNDArrayInternal().dropout(x, config.dropout(), true).singletonOrThrow();
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
   * Full-softmax cross-entropy of predicting {@code targets} ({@code [B, L]}, 0 = no target) from
   * {@code seq}; the mean over positions with a target.
   */
  public NDArray fullCrossEntropy(NDArray seq, NDArray targets, boolean training) {
    NDArray logits = logits(forward(seq, training).hidden());
    long n = logits.getShape().get(0) * logits.getShape().get(1);
    NDArray flat = logits.reshape(n, config.numItems() + 1).logSoftmax(1);
    NDArray t = targets.reshape(n, 1);
    NDArray picked = flat.gather(t, 1).reshape(n);
    NDArray mask = t.reshape(n).gt(0).toType(DataType.FLOAT32, false);
    return picked.mul(mask).sum().neg().div(mask.sum().maximum(1f));
  }

  /** One Adam optimiser over this network's parameters. */
  public final class Adam {
    private final float lr;
    private final List<NDArray> m1 = new ArrayList<>();
    private final List<NDArray> m2 = new ArrayList<>();
    private int step;

    public Adam(float lr) {
      this.lr = lr;
      for (NDArray p : params) {
        p.setRequiresGradient(true);
        m1.add(manager.zeros(p.getShape()));
        m2.add(manager.zeros(p.getShape()));
      }
    }

    /** One step on a batch; returns the loss. */
    public float step(long[][] seq, long[][] targets) {
      try (NDScope scope = new NDScope();
          NDManager sub = manager.newSubManager()) {
        NDArray s = sub.create(seq);
        NDArray t = sub.create(targets);
        float loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray l = fullCrossEntropy(s, t, true);
          gc.backward(l);
          loss = l.getFloat();
        }
        step++;
        float b1 = 0.9f;
        float b2 = 0.98f;
        float c1 = (float) (1 - Math.pow(b1, step));
        float c2 = (float) (1 - Math.pow(b2, step));
        for (int i = 0; i < params.size(); i++) {
          NDArray p = params.get(i);
          NDArray g = p.getGradient();
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

  @Override
  public void close() {
    manager.close();
  }
}
