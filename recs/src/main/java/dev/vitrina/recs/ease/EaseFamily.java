package dev.vitrina.recs.ease;

import dev.vitrina.recs.model.SimpleFamily;

/** The {@code ease} family, registered as a {@link dev.vitrina.recs.model.ModelFamily} service. */
public final class EaseFamily extends SimpleFamily {

  /** The family (for {@link java.util.ServiceLoader}). */
  public EaseFamily() {
    super(
        "ease",
        EaseModel.FORMAT,
        40,
        p -> new EaseTrainer(EaseConfig.fromParams(p)),
        EaseModel::load);
  }
}
