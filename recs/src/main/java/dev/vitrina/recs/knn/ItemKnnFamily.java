package dev.vitrina.recs.knn;

import dev.vitrina.recs.model.SimpleFamily;

/**
 * The {@code itemknn} family, registered as a {@link dev.vitrina.recs.model.ModelFamily} service.
 */
public final class ItemKnnFamily extends SimpleFamily {

  /** The family (for {@link java.util.ServiceLoader}). */
  public ItemKnnFamily() {
    super(
        "itemknn",
        ItemKnnModel.FORMAT,
        20,
        p -> new ItemKnnTrainer(ItemKnnConfig.fromParams(p)),
        ItemKnnModel::load);
  }
}
