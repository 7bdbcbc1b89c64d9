package dev.vitrina.recs.popular;

import dev.vitrina.recs.model.SimpleFamily;

/**
 * The {@code popular} family, registered as a {@link dev.vitrina.recs.model.ModelFamily} service.
 */
public final class PopularFamily extends SimpleFamily {

  /** The family (for {@link java.util.ServiceLoader}). */
  public PopularFamily() {
    super(
        "popular",
        PopularModel.FORMAT,
        10,
        p -> new PopularTrainer(PopularConfig.fromParams(p)),
        PopularModel::load);
  }
}
