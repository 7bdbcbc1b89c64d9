package dev.vitrina.recs.request.trigger;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.model.ItemSimilarity;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.RequestState;

/** The trigger's similarity to every item, from the request's model or a companion model. */
final class Similarities {

  private Similarities() {}

  /**
   * The similarity of every item to the request's trigger, by {@code companion} (null: the
   * request's own model); NaN where the model has none.
   *
   * @throws ParameterException naming {@code trigger} when the model cannot compare items
   * @throws IllegalStateException when the companion was trained on another item catalogue
   */
  static float[] row(RequestState state, Recommender companion) {
    Recommender m = companion == null ? state.model() : companion;
    if (companion != null
        && (m.items().size() != state.numItems()
            || !m.items().id(state.trigger()).equals(state.itemId(state.trigger())))) {
      throw new IllegalStateException(
          "the similarity model '"
              + m.name()
              + "' has "
              + m.items().size()
              + " items indexed differently from the request's model '"
              + state.model().name()
              + "' ("
              + state.numItems()
              + " items); train both on the same interactions");
    }
    ItemSimilarity sim =
        m.capability(ItemSimilarity.class)
            .orElseThrow(
                () ->
                    new ParameterException(
                        "trigger",
                        "feeds need a model that compares items, and '"
                            + m.name()
                            + "' does not; serve the request with an item-kNN, iALS or EASE"
                            + " model, or give the trigger stages one"));
    float[] out = new float[state.numItems()];
    sim.similarities(state.trigger(), out);
    for (int i = 0; i < out.length; i++) {
      if (!Float.isFinite(out[i])) {
        out[i] = Float.NaN;
      }
    }
    return out;
  }
}
