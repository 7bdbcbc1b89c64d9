package dev.vitrina.recs.ease;

import dev.vitrina.recs.internal.ModelFiles;
import dev.vitrina.recs.internal.linalg.Kernels;
import dev.vitrina.recs.model.BaseRecommender;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted EASE model: the score of item {@code j} for user {@code u} is {@code sum_i x_ui B_ij}
 * over the user's training items ({@code O(n_u items)}); the items most similar to {@code i} are
 * the largest weights in row {@code i} of {@code B}.
 */
public final class EaseModel extends BaseRecommender {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.recs.ease";

  private static final int VERSION = 1;
  private static final Kernels K = Kernels.get();

  private final float[] b;

  EaseModel(Common common, float[] weights) {
    super("ease", common);
    this.b = weights;
  }

  @Override
  protected void scoreHistory(int[] items, float[] values, int from, int to, float[] out) {
    int n = numItems();
    java.util.Arrays.fill(out, 0f);
    for (int p = from; p < to; p++) {
      K.axpy(values[p], b, items[p] * n, out, 0, n);
    }
  }

  @Override
  protected void scoreSimilar(int item, float[] out) {
    int n = numItems();
    System.arraycopy(b, item * n, out, 0, n);
  }

  /** The weight {@code B_ij}. */
  public float weight(int i, int j) {
    return b[i * numItems() + j];
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
    ModelFiles.writeFloats(dir.resolve("weights.f32"), b);
  }

  /** Loads a model saved by {@link #save(Path)}, verifying format, version and checksums. */
  public static EaseModel load(Path path) throws IOException {
    Path dir = dev.vitrina.core.artifact.ArtifactHome.resolve(path);
    Common c = readCommon(dir, FORMAT, VERSION);
    float[] b = ModelFiles.readFloats(dir.resolve("weights.f32"));
    long n = c.items().size();
    if (b.length != n * n) {
      throw new IOException(
          dir + ": weights.f32 does not hold " + n + "x" + n + " weights; retrain");
    }
    return new EaseModel(c, b);
  }
}
