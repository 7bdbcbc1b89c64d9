package dev.vitrina.sasrec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.json.Json;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.RequestContext;
import dev.vitrina.recs.model.SequenceAttention;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained SASRec model. A user's score vector is the network's output at the last position of the
 * user's training items in time order (the last {@code max_len}); a request's own history is read
 * in the order given, oldest first.
 */
public final class SasRecModel extends BaseRecommender implements AutoCloseable, SequenceAttention {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.recs.sasrec";

  private static final int VERSION = 1;
  private static final String PARAMS_FILE = "params.f32";

  private static final String LOG_FILE = "training.json";

  private final SasRecConfig config;
  private final SasRecNet net;
  private final SasRecTrainer.TrainingLog log;

  SasRecModel(Common common, SasRecConfig config, SasRecNet net, SasRecTrainer.TrainingLog log) {
    super("sasrec", common);
    this.config = config;
    this.net = net;
    this.log = log;
  }

  /** What training did: every epoch's loss, validation nDCG@10 and time, and the epoch kept. */
  public SasRecTrainer.TrainingLog trainingLog() {
    return log;
  }

  public SasRecConfig config() {
    return config;
  }

  @Override
  public int maxLength() {
    return config.maxLen();
  }

  /** The user's training items (0-based) in time order. */
  @Override
  public int[] sequence(int user) {
    return SasRecTrainer.sequence(common(), user);
  }

  @Override
  protected void scoreUser(int user, float[] out) {
    scoreSequence(sequence(user), out);
  }

  @Override
  protected void scoreHistory(int[] items, float[] values, int from, int to, float[] out) {
    scoreSequence(Arrays.copyOfRange(items, from, to), out);
  }

  /** One forward pass for the block's users (batched inference for {@code recommendAll}). */
  @Override
  protected synchronized float[][] scoreUserBlock(int from, int to) {
    long[][] seq = new long[to - from][];
    for (int u = from; u < to; u++) {
      int[] s = sequence(u);
      seq[u - from] = SasRecTrainer.window(s, s.length, config.maxLen());
    }
    float[] s = net.nextScores(seq);
    int width = numItems() + 1;
    float[][] out = new float[to - from][];
    for (int r = 0; r < out.length; r++) {
      out[r] = Arrays.copyOfRange(s, r * width + 1, (r + 1) * width);
    }
    return out;
  }

  /**
   * Reads the request's history in the order given (oldest first); an item given twice counts at
   * its last place.
   */
  @Override
  protected void scoreRequestHistory(
      RequestContext ctx, float[] out, float[][] queries, float[][] dots) {
    int[] raw = ctx.historyItems();
    BitSet placed = new BitSet(numItems());
    int[] seq = new int[raw.length];
    int n = raw.length;
    for (int i = raw.length - 1; i >= 0; i--) {
      int item = raw[i];
      if (item < 0 || item >= numItems()) {
        throw new IllegalArgumentException(
            "history item index " + item + " is out of range [0, " + numItems() + ")");
      }
      if (!placed.get(item)) {
        placed.set(item);
        seq[--n] = item;
      }
    }
    scoreSequence(Arrays.copyOfRange(seq, n, seq.length), out);
    dotsOnly(queries, dots);
  }

  /** Writes the score of every item (0-based) after the sequence {@code items} into {@code out}. */
  public synchronized void scoreSequence(int[] items, float[] out) {
    float[] s =
        net.nextScores(new long[][] {SasRecTrainer.window(items, items.length, config.maxLen())});
    System.arraycopy(s, 1, out, 0, out.length);
  }

  /** The last block's attention over the window read for {@code items}, mean over its heads. */
  @Override
  public synchronized float[][] attention(int[] items) {
    int len = Math.min(items.length, config.maxLen());
    try (NDScope scope = new NDScope();
        NDManager m = net.manager().newSubManager()) {
      NDArray seq =
          m.create(new long[][] {SasRecTrainer.window(items, items.length, config.maxLen())});
      List<NDArray> att = net.forward(seq, false).attention();
      NDArray last = att.get(att.size() - 1).mean(new int[] {1}).get(0); // [maxLen, maxLen]
      float[] flat = last.toFloatArray();
      int n = config.maxLen();
      float[][] out = new float[len][len];
      for (int i = 0; i < len; i++) {
        for (int j = 0; j < len; j++) {
          out[i][j] = flat[(n - len + i) * n + (n - len + j)];
        }
      }
      return out;
    }
  }

  @Override
  protected void scoreSimilar(int item, float[] out) {
    scoreSequence(new int[] {item}, out);
  }

  @Override
  protected String format() {
    return FORMAT;
  }

  @Override
  protected int formatVersion() {
    return VERSION;
  }

  @Override
  protected void writeModel(Path dir) throws IOException {
    List<float[]> parts = new ArrayList<>();
    int total = 0;
    for (NDArray p : net.parameters()) {
      float[] a = p.toFloatArray();
      parts.add(a);
      total += a.length;
    }
    float[] all = new float[total];
    int at = 0;
    for (float[] a : parts) {
      System.arraycopy(a, 0, all, at, a.length);
      at += a.length;
    }
    writeFloats(dir.resolve(PARAMS_FILE), all);
    Files.writeString(dir.resolve(LOG_FILE), Json.write(log) + "\n");
  }

  /** Loads a saved model after verifying its manifest and checksums. */
  public static SasRecModel load(Path path) throws IOException {
    Path dir = ArtifactHome.resolve(path);
    Common c = readCommon(dir, FORMAT, VERSION);
    Map<String, String> p = new TreeMap<>();
    c.parameters().forEach((k, v) -> p.put(k, String.valueOf(v)));
    SasRecConfig config = SasRecConfig.fromParams(p);
    float[] all = readFloats(dir.resolve(PARAMS_FILE));
    SasRecNet net = new SasRecNet(config.net(c.items().size()), config.seed());
    long expected = 0;
    for (NDArray a : net.parameters()) {
      expected += a.size();
    }
    if (expected != all.length) {
      net.close();
      throw new IllegalArgumentException(
          "sasrec model "
              + dir
              + " holds "
              + all.length
              + " parameters in "
              + PARAMS_FILE
              + " but its manifest's shape needs "
              + expected
              + "; the artifact is damaged: retrain it");
    }
    int at = 0;
    for (NDArray a : net.parameters()) {
      int n = (int) a.size();
      a.set(FloatBuffer.wrap(all, at, n));
      at += n;
    }
    SasRecTrainer.TrainingLog log =
        Json.mapper().readValue(dir.resolve(LOG_FILE).toFile(), SasRecTrainer.TrainingLog.class);
    return new SasRecModel(c, config, net, log);
  }

  @Override
  public void close() {
    net.close();
  }

  private static final int PARAMS_MAGIC = 0x53415346; // "SASF"

  /** Writes {@code a} as a magic number, a length and the floats, little-endian. */
  private static void writeFloats(Path file, float[] a) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8 + 4 * a.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(PARAMS_MAGIC).putInt(a.length);
    buf.asFloatBuffer().put(a);
    Files.write(file, buf.array());
  }

  /** Reads a file written by {@link #writeFloats}; a file of another shape is refused. */
  private static float[] readFloats(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.remaining() < 8 || buf.getInt() != PARAMS_MAGIC) {
      throw new IOException(file + " is not a SASRec parameter file; re-save the model");
    }
    int n = buf.getInt();
    if (n < 0 || buf.remaining() != 4L * n) {
      throw new IOException(
          file + " is truncated: it declares " + n + " floats; re-save the model");
    }
    float[] a = new float[n];
    buf.asFloatBuffer().get(a);
    return a;
  }
}
