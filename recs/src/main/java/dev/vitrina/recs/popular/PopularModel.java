package dev.vitrina.recs.popular;

import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.internal.ModelFiles;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Recommendations;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted popularity model. Scores are the (decayed) interaction counts; in the per-category
 * variant they are multiplied by the user's smoothed share of each category. Similar items are the
 * most popular items of the same category (then the rest), or simply the most popular items when
 * there are no categories.
 */
public final class PopularModel extends BaseRecommender {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.recs.popular";

  private static final int VERSION = 1;

  private final PopularConfig config;
  private final float[] popularity;
  private final int[] categories;
  private final int numCategories;
  private final float maxPopularity;

  PopularModel(
      Common common,
      PopularConfig config,
      float[] popularity,
      int[] categories,
      int numCategories) {
    super("popular", common);
    this.config = config;
    this.popularity = popularity;
    this.categories = categories;
    this.numCategories = numCategories;
    float max = 0;
    for (float p : popularity) {
      max = Math.max(max, p);
    }
    this.maxPopularity = max == 0 ? 1 : max;
  }

  /** The (decayed) popularity of {@code item}. */
  public float popularity(int item) {
    return popularity[item];
  }

  @Override
  protected void scoreHistory(int[] items, float[] values, int from, int to, float[] out) {
    if (!config.perCategory()) {
      System.arraycopy(popularity, 0, out, 0, popularity.length);
      return;
    }
    float[] share = new float[numCategories];
    int total = 0;
    for (int p = from; p < to; p++) {
      int c = categories[items[p]];
      if (c != ItemAttributes.NO_CATEGORY) {
        share[c]++;
        total++;
      }
    }
    float prior = (float) config.categoryPrior();
    for (int i = 0; i < out.length; i++) {
      int c = categories[i];
      float s = c == ItemAttributes.NO_CATEGORY || total == 0 ? 0f : share[c] / total;
      out[i] = popularity[i] / maxPopularity * (prior + s);
    }
  }

  @Override
  protected void scoreSimilar(int item, float[] out) {
    int c = categories.length == 0 ? ItemAttributes.NO_CATEGORY : categories[item];
    for (int i = 0; i < out.length; i++) {
      boolean same = c != ItemAttributes.NO_CATEGORY && categories[i] == c;
      out[i] = popularity[i] / maxPopularity + (same ? 1f : 0f);
    }
  }

  /**
   * The {@code k} most popular items of category {@code categoryCode} (for category carousels).
   *
   * @throws IllegalArgumentException when the model was trained without categories
   */
  public Recommendations topInCategory(int categoryCode, int k) {
    checkK(k);
    if (categories.length == 0) {
      throw new IllegalArgumentException(
          "this popular model was trained without categories; train with per_category=true");
    }
    TopK top = new TopK(k);
    for (int i = 0; i < popularity.length; i++) {
      if (categories[i] == categoryCode && isKnownItem(i)) {
        top.offer(i, popularity[i]);
      }
    }
    int[] items = new int[top.size()];
    float[] scores = new float[top.size()];
    top.drainTo(items, scores, 0);
    return new Recommendations(items, scores, Recommendations.Source.MODEL);
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
    ModelFiles.writeFloats(dir.resolve("popularity.f32"), popularity);
    ModelFiles.writeInts(dir.resolve("categories.i32"), categories);
    ModelFiles.writeInts(dir.resolve("num_categories.i32"), new int[] {numCategories});
  }

  /** Loads a model saved by {@link #save(Path)}, verifying format, version and checksums. */
  public static PopularModel load(Path path) throws IOException {
    Path dir = dev.vitrina.core.artifact.ArtifactHome.resolve(path);
    Common c = readCommon(dir, FORMAT, VERSION);
    java.util.Map<String, String> p = new java.util.TreeMap<>();
    c.parameters().forEach((k, v) -> p.put(k, String.valueOf(v)));
    PopularConfig config = PopularConfig.fromParams(p);
    float[] pop = ModelFiles.readFloats(dir.resolve("popularity.f32"));
    int[] cats = ModelFiles.readInts(dir.resolve("categories.i32"));
    int nc = ModelFiles.readInts(dir.resolve("num_categories.i32"))[0];
    if (pop.length != c.items().size()) {
      throw new IOException(dir + ": popularity.f32 does not match the item count; retrain");
    }
    return new PopularModel(c, config, pop, cats, nc);
  }
}
