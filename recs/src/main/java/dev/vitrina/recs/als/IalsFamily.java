package dev.vitrina.recs.als;

import dev.vitrina.recs.model.SimpleFamily;

/** The {@code ials} family, registered as a {@link dev.vitrina.recs.model.ModelFamily} service. */
public final class IalsFamily extends SimpleFamily {

  /** The family (for {@link java.util.ServiceLoader}). */
  public IalsFamily() {
    super(
        "ials",
        IalsModel.FORMAT,
        30,
        p -> new IalsTrainer(IalsConfig.fromParams(p)),
        IalsModel::load);
  }
}
