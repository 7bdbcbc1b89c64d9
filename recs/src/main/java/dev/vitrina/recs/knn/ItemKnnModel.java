package dev.vitrina.recs.knn;

import dev.vitrina.recs.internal.ModelFiles;
import dev.vitrina.recs.model.BaseRecommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A fitted item-kNN model: the score of item {@code j} for user {@code u} is {@code sum_i x_ui
 * sim(i, j)} over the user's training items {@code i} that keep {@code j} among their neighbours
 * ({@code O(n_u neighbors)} per user). Similar items are the stored neighbours.
 */
public final class ItemKnnModel extends BaseRecommender {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.recs.itemknn";

  private static final int VERSION = 1;

  private final int[] indptr;
  private final int[] neighbors;
  private final float[] similarities;

  ItemKnnModel(Common common, int[] indptr, int[] neighbors, float[] similarities) {
    super("itemknn", common);
    this.indptr = indptr;
    this.neighbors = neighbors;
    this.similarities = similarities;
  }

  @Override
  protected void scoreHistory(int[] items, float[] values, int from, int to, float[] out) {
    Arrays.fill(out, 0f);
    for (int p = from; p < to; p++) {
      int i = items[p];
      float x = values[p];
      for (int q = indptr[i]; q < indptr[i + 1]; q++) {
        out[neighbors[q]] += x * similarities[q];
      }
    }
  }

  @Override
  protected void scoreSimilar(int item, float[] out) {
    Arrays.fill(out, Float.NaN);
    for (int q = indptr[item]; q < indptr[item + 1]; q++) {
      out[neighbors[q]] = similarities[q];
    }
  }

  /** The number of neighbours stored for {@code item}. */
  public int neighborCount(int item) {
    return indptr[item + 1] - indptr[item];
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
    ModelFiles.writeInts(dir.resolve("neighbors.indptr"), indptr);
    ModelFiles.writeInts(dir.resolve("neighbors.indices"), neighbors);
    ModelFiles.writeFloats(dir.resolve("neighbors.sim"), similarities);
  }

  /** Loads a model saved by {@link #save(Path)}, verifying format, version and checksums. */
  public static ItemKnnModel load(Path path) throws IOException {
    Path dir = dev.vitrina.core.artifact.ArtifactHome.resolve(path);
    Common c = readCommon(dir, FORMAT, VERSION);
    int[] ptr = ModelFiles.readInts(dir.resolve("neighbors.indptr"));
    int[] idx = ModelFiles.readInts(dir.resolve("neighbors.indices"));
    float[] sim = ModelFiles.readFloats(dir.resolve("neighbors.sim"));
    if (ptr.length != c.items().size() + 1
        || idx.length != sim.length
        || ptr[ptr.length - 1] != idx.length) {
      throw new IOException(dir + ": neighbour files are inconsistent; retrain");
    }
    return new ItemKnnModel(c, ptr, idx, sim);
  }
}
