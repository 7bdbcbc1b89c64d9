package dev.vitrina.recs.als;

import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.internal.ModelFiles;
import dev.vitrina.recs.internal.Parallel;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.internal.linalg.Kernels;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.BatchRecommendations;
import dev.vitrina.recs.model.FoldIn;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.model.ItemFilter;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.RequestContext;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fitted implicit-ALS model: the score of item {@code i} for user {@code u} is the dot product of
 * their factor vectors; similar items are ranked by the cosine of item factors.
 *
 * <p>Scoring uses the item factors packed in panels of {@link Kernels#panelWidth()} items, so one
 * user costs {@code O(items f)} and {@link #recommendAll} is a cache-blocked matrix product (blocks
 * of 64 users x 256 items) fused with top-k selection: no users x items score matrix is ever held.
 * Single and batch recommendations use the same kernel and so agree exactly.
 */
public final class IalsModel extends BaseRecommender implements FoldIn, ItemEmbeddings {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.recs.ials";

  private static final int VERSION = 1;
  private static final int USER_BLOCK = 64;
  private static final int TILE_PANELS = 16;
  private static final float[][] NO_QUERIES = new float[0][];

  private final IalsConfig config;
  private final int f;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float[] itemNorms;
  private final float[] panels;
  private final int width;
  private final Kernels kernels = Kernels.get();

  /** {@code Y'Y + lambda I} for fold-in; computed on first use (a benign race: same value). */
  private volatile float[] gram;

  IalsModel(Common common, int factors, float[] userFactors, float[] itemFactors) {
    super("ials", common);
    Map<String, String> p = new java.util.TreeMap<>();
    common.parameters().forEach((k, v) -> p.put(k, String.valueOf(v)));
    this.config = IalsConfig.fromParams(p);
    this.f = factors;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    int items = numItems();
    this.itemNorms = new float[items];
    for (int i = 0; i < items; i++) {
      itemNorms[i] = (float) Math.sqrt(kernels.dot(itemFactors, i * f, itemFactors, i * f, f));
    }
    this.width = kernels.panelWidth();
    int numPanels = (items + width - 1) / width;
    this.panels = new float[numPanels * f * width];
    for (int i = 0; i < items; i++) {
      int panel = i / width;
      int j = i % width;
      for (int d = 0; d < f; d++) {
        panels[panel * f * width + d * width + j] = itemFactors[i * f + d];
      }
    }
  }

  /** The number of latent factors. */
  public int factors() {
    return f;
  }

  /** A copy of user {@code u}'s factor vector. */
  public float[] userFactors(int u) {
    return java.util.Arrays.copyOfRange(userFactors, u * f, (u + 1) * f);
  }

  /** A copy of item {@code i}'s factor vector. */
  public float[] itemFactors(int i) {
    return java.util.Arrays.copyOfRange(itemFactors, i * f, (i + 1) * f);
  }

  @Override
  protected void scoreUser(int user, float[] out) {
    fused(userFactors, user * f, out, NO_QUERIES, NO_QUERIES);
  }

  @Override
  public void dotAll(float[][] queries, float[][] out) {
    fused(null, 0, null, queries, out);
  }

  @Override
  protected void scoreUser(int user, float[] out, float[][] queries, float[][] dots) {
    fused(userFactors, user * f, out, queries, dots);
  }

  @Override
  protected void scoreHistory(
      int[] items,
      float[] values,
      int from,
      int to,
      float[] out,
      float[][] queries,
      float[][] dots) {
    fused(solve(items, values, from, to), 0, out, queries, dots);
  }

  /**
   * One pass over the packed item vectors per four rows: {@code out} gets {@code x[xo..+f)} (when
   * {@code x} is not null) and {@code dots[q]} gets query {@code q}, the first group holding the
   * user's row and three queries, so the user's scores and up to three queries cost one pass.
   */
  private void fused(float[] x, int xo, float[] out, float[][] queries, float[][] dots) {
    int items = numItems();
    int rows = (x == null ? 0 : 1) + queries.length;
    float[] packed = new float[4 * f];
    float[] tile = new float[4 * width];
    int[] off = new int[4];
    for (int r0 = 0; r0 < rows; r0 += 4) {
      int n = Math.min(4, rows - r0);
      for (int r = 0; r < n; r++) {
        int row = r0 + r;
        if (x != null && row == 0) {
          System.arraycopy(x, xo, packed, 0, f);
        } else {
          System.arraycopy(queries[row - (x == null ? 0 : 1)], 0, packed, r * f, f);
        }
      }
      for (int r = 0; r < 4; r++) {
        off[r] = Math.min(r, n - 1) * f;
      }
      for (int panel = 0, start = 0; start < items; panel++, start += width) {
        kernels.scorePanel4(
            packed, off[0], off[1], off[2], off[3], panels, panel * f * width, f, tile);
        int len = Math.min(width, items - start);
        for (int r = 0; r < n; r++) {
          int row = r0 + r;
          float[] dst = x != null && row == 0 ? out : dots[row - (x == null ? 0 : 1)];
          System.arraycopy(tile, r * width, dst, start, len);
        }
      }
    }
  }

  @Override
  protected void scoreHistory(int[] items, float[] values, int from, int to, float[] out) {
    fused(solve(items, values, from, to), 0, out, NO_QUERIES, NO_QUERIES);
  }

  @Override
  public float[] foldIn(int[] items, float[] values) {
    if (items.length == 0) {
      return new float[f];
    }
    UserItemMatrix row = historyRow(RequestContext.ofHistory().withHistory(items, values));
    return solve(row.indices(), row.data(), 0, row.indices().length);
  }

  /**
   * The exact least-squares factors of a user with matrix values {@code values[from..to)} on items
   * {@code items[from..to)}, against the fixed item factors: the same normal equations as a
   * training sweep ({@code (Y'Y + lambda I + sum c y y') x = sum (1 + c) y}, {@code c = alpha r}),
   * solved in double precision. {@code O(n f^2 + f^3)} for {@code n} items.
   */
  private float[] solve(int[] items, float[] values, int from, int to) {
    float[] g = gram();
    int n = to - from;
    int[] idx = java.util.Arrays.copyOfRange(items, from, to);
    float[] c = new float[n];
    for (int p = 0; p < n; p++) {
      c[p] = (float) (config.alpha() * values[from + p]);
    }
    float extra =
        config.regExponent() == 0
            ? 0f
            : (float) (config.regularization() * (Math.pow(n, config.regExponent()) - 1));
    float[] x = new float[f];
    new CholeskySolver(f).solve(x, 0, itemFactors, g, new int[] {0, n}, idx, c, extra);
    return x;
  }

  /** {@code Y'Y + lambda I}, computed once on first use. */
  private float[] gram() {
    float[] g = gram;
    if (g == null) {
      g = IalsTrainer.gram(itemFactors, numItems(), f, config.regularization(), 1);
      gram = g;
    }
    return g;
  }

  @Override
  public int dimension() {
    return f;
  }

  @Override
  public void itemVector(int item, float[] out) {
    System.arraycopy(itemFactors, item * f, out, 0, f);
  }

  @Override
  protected void scoreSimilar(int item, float[] out) {
    float n = itemNorms[item];
    for (int j = 0; j < out.length; j++) {
      float d = n * itemNorms[j];
      out[j] =
          d == 0f
              ? Float.NEGATIVE_INFINITY
              : kernels.dot(itemFactors, item * f, itemFactors, j * f, f) / d;
    }
  }

  @Override
  public BatchRecommendations recommendAll(int k, RecommendOptions options) {
    checkK(k);
    int users = numUsers();
    int items = numItems();
    if (options.unknownUsers() == UnknownUserPolicy.RAISE) {
      // the base class raises with the count of cold users
      for (int u = 0; u < users; u++) {
        if (isCold(u)) {
          return super.recommendAll(k, options);
        }
      }
    }
    int[] counts = new int[users];
    int[] outItems = new int[users * k];
    float[] outScores = new float[users * k];
    Recommendations.Source[] sources = new Recommendations.Source[users];
    boolean exclude = options.seen() == SeenItems.EXCLUDE;
    ItemFilter filter = options.filter();
    UserItemMatrix seen = trainingMatrix();
    int[] indptr = seen.indptr();
    int[] seenIdx = seen.indices();
    boolean[] known = new boolean[items];
    for (int i = 0; i < items; i++) {
      known[i] = isKnownItem(i);
    }
    int numPanels = (items + width - 1) / width;
    Parallel.forRange(
        users,
        USER_BLOCK,
        Parallel.defaultThreads(),
        (w, from, to) -> {
          TopK[] heaps = new TopK[USER_BLOCK];
          int[] warm = new int[USER_BLOCK];
          int[] ptr = new int[USER_BLOCK];
          float[] tile = new float[4 * width];
          int nw = 0;
          for (int u = from; u < to; u++) {
            if (isCold(u)) {
              Recommendations r =
                  cold("user '" + users().id(u) + "' has no training interactions", k, options);
              counts[u] = r.size();
              sources[u] = r.source();
              System.arraycopy(r.items(), 0, outItems, u * k, r.size());
              System.arraycopy(r.scores(), 0, outScores, u * k, r.size());
            } else {
              heaps[nw] = new TopK(k);
              ptr[nw] = indptr[u];
              warm[nw++] = u;
            }
          }
          for (int p0 = 0; p0 < numPanels; p0 += TILE_PANELS) {
            int p1 = Math.min(numPanels, p0 + TILE_PANELS);
            for (int q = 0; q < nw; q += 4) {
              int n4 = Math.min(4, nw - q);
              int x0 = warm[q] * f;
              int x1 = warm[q + Math.min(1, n4 - 1)] * f;
              int x2 = warm[q + Math.min(2, n4 - 1)] * f;
              int x3 = warm[q + Math.min(3, n4 - 1)] * f;
              for (int panel = p0; panel < p1; panel++) {
                kernels.scorePanel4(
                    userFactors, x0, x1, x2, x3, panels, panel * f * width, f, tile);
                int start = panel * width;
                int len = Math.min(width, items - start);
                for (int r = 0; r < n4; r++) {
                  int slot = q + r;
                  TopK heap = heaps[slot];
                  float thr = heap.threshold();
                  if (!kernels.anyAtLeast(tile, r * width, len, thr)) {
                    continue; // nothing in this panel can enter the user's top k
                  }
                  int u = warm[slot];
                  int end = indptr[u + 1];
                  for (int j = 0; j < len; j++) {
                    float s = tile[r * width + j];
                    if (s >= thr) {
                      int item = start + j;
                      if (!known[item]) {
                        continue;
                      }
                      if (exclude) {
                        int pp = ptr[slot];
                        while (pp < end && seenIdx[pp] < item) {
                          pp++;
                        }
                        ptr[slot] = pp;
                        if (pp < end && seenIdx[pp] == item) {
                          continue;
                        }
                      }
                      if (filter.allows(item) && heap.offer(item, s)) {
                        thr = heap.threshold();
                      }
                    }
                  }
                }
              }
            }
          }
          for (int slot = 0; slot < nw; slot++) {
            int u = warm[slot];
            counts[u] = heaps[slot].drainTo(outItems, outScores, u * k);
            sources[u] = Recommendations.Source.MODEL;
          }
        });
    return new BatchRecommendations(k, counts, outItems, outScores, sources);
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
    ModelFiles.writeFloats(dir.resolve("user_factors.f32"), userFactors);
    ModelFiles.writeFloats(dir.resolve("item_factors.f32"), itemFactors);
  }

  /** Loads a model saved by {@link #save(Path)}, verifying format, version and checksums. */
  public static IalsModel load(Path path) throws IOException {
    Path dir = dev.vitrina.core.artifact.ArtifactHome.resolve(path);
    Common c = readCommon(dir, FORMAT, VERSION);
    Object fv = c.parameters().get("factors");
    if (!(fv instanceof Number n)) {
      throw new IOException(dir + ": manifest has no integer 'factors' parameter; retrain");
    }
    int f = n.intValue();
    float[] x = ModelFiles.readFloats(dir.resolve("user_factors.f32"));
    float[] y = ModelFiles.readFloats(dir.resolve("item_factors.f32"));
    if (x.length != (long) c.users().size() * f || y.length != (long) c.items().size() * f) {
      throw new IOException(dir + ": factor files do not match " + f + " factors; retrain");
    }
    return new IalsModel(c, f, x, y);
  }
}
