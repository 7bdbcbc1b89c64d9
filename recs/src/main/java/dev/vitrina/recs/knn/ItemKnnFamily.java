package dev.vitrina.recs.knn;

import dev.vitrina.recs.model.ModelFamily;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code itemknn} family, registered as a {@link ModelFamily} service. */
public final class ItemKnnFamily implements ModelFamily {

  @Override
  public String name() {
    return "itemknn";
  }

  @Override
  public String format() {
    return ItemKnnModel.FORMAT;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Trainer<? extends Recommender> trainer(Map<String, String> params) {
    return new ItemKnnTrainer(ItemKnnConfig.fromParams(params));
  }

  @Override
  public Recommender load(Path dir) throws IOException {
    return ItemKnnModel.load(dir);
  }
}
