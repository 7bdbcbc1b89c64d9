package dev.vitrina.sasrec;

import dev.vitrina.recs.model.SimpleFamily;

/** The {@code sasrec} model family (registered for {@link java.util.ServiceLoader}). */
public final class SasRecFamily extends SimpleFamily {

  public SasRecFamily() {
    super(
        "sasrec",
        SasRecModel.FORMAT,
        60,
        p -> new SasRecTrainer(SasRecConfig.fromParams(p)),
        SasRecModel::load);
  }
}
