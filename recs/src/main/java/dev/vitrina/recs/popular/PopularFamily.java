package dev.vitrina.recs.popular;

import dev.vitrina.recs.model.ModelFamily;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code popular} family, registered as a {@link ModelFamily} service. */
public final class PopularFamily implements ModelFamily {

  @Override
  public String name() {
    return "popular";
  }

  @Override
  public String format() {
    return PopularModel.FORMAT;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Trainer<? extends Recommender> trainer(Map<String, String> params) {
    return new PopularTrainer(PopularConfig.fromParams(params));
  }

  @Override
  public Recommender load(Path dir) throws IOException {
    return PopularModel.load(dir);
  }
}
