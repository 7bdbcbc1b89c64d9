package dev.vitrina.recs.ease;

import dev.vitrina.recs.model.ModelFamily;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code ease} family, registered as a {@link ModelFamily} service. */
public final class EaseFamily implements ModelFamily {

  @Override
  public String name() {
    return "ease";
  }

  @Override
  public String format() {
    return EaseModel.FORMAT;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public Trainer<? extends Recommender> trainer(Map<String, String> params) {
    return new EaseTrainer(EaseConfig.fromParams(params));
  }

  @Override
  public Recommender load(Path dir) throws IOException {
    return EaseModel.load(dir);
  }
}
