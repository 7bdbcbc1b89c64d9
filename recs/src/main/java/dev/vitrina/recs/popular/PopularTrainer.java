package dev.vitrina.recs.popular;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.Map;

/**
 * Fits {@link PopularModel}s: one pass over the rows, {@code O(rows + items)}. Every row counts
 * (repeat interactions count again), weighted by the time decay when configured.
 */
public final class PopularTrainer implements Trainer<PopularModel> {

  private final PopularConfig config;

  /** A trainer with the given parameters. */
  public PopularTrainer(PopularConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "popular";
  }

  @Override
  public Map<String, Object> parameters() {
    return config.toParams();
  }

  @Override
  public PopularModel fit(Interactions data, Progress progress) {
    Trainer.requireRows(data, name());
    if (config.halfLifeDays() > 0 && !data.hasTimestamps()) {
      throw new IllegalArgumentException(
          "popular half_life_days="
              + config.halfLifeDays()
              + " needs timestamps, and this data has none; read it with a timestamp column or set"
              + " half_life_days=0");
    }
    ItemAttributes attrs = data.itemAttributes();
    if (config.perCategory() && !attrs.hasCategories()) {
      throw new IllegalArgumentException(
          "popular per_category=true needs item categories, and this data has none; read an item"
              + " file with categories (e.g. MovieLens u.item) or set per_category=false");
    }
    float[] score = new float[data.numItems()];
    long latest = Long.MIN_VALUE;
    if (config.halfLifeDays() > 0) {
      for (int r = 0; r < data.size(); r++) {
        latest = Math.max(latest, data.timestamp(r));
      }
    }
    double halfLifeMs = config.halfLifeDays() * 86_400_000.0;
    double[] acc = new double[data.numItems()];
    for (int r = 0; r < data.size(); r++) {
      double w = 1.0;
      if (halfLifeMs > 0) {
        w = Math.pow(2.0, -(latest - data.timestamp(r)) / halfLifeMs);
      }
      acc[data.itemIndex(r)] += w;
    }
    for (int i = 0; i < score.length; i++) {
      score[i] = (float) acc[i];
    }
    UserItemMatrix m = data.toMatrix(ValueTransform.BINARY);
    int[] categories = config.perCategory() ? attrs.categoryCodes() : new int[0];
    int numCategories = config.perCategory() ? attrs.numCategories() : 0;
    progress.step(1);
    BaseRecommender.Common common = BaseRecommender.Common.of(data, m, config.toParams());
    return new PopularModel(common, config, score, categories, numCategories);
  }
}
