package dev.vitrina.recs.als;

import dev.vitrina.recs.model.ModelFamily;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code ials} family, registered as a {@link ModelFamily} service. */
public final class IalsFamily implements ModelFamily {

  @Override
  public String name() {
    return "ials";
  }

  @Override
  public String format() {
    return IalsModel.FORMAT;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Trainer<? extends Recommender> trainer(Map<String, String> params) {
    return new IalsTrainer(IalsConfig.fromParams(params));
  }

  @Override
  public Recommender load(Path dir) throws IOException {
    return IalsModel.load(dir);
  }
}
