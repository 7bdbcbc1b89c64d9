package dev.vitrina.recs.request.trigger;

import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.CandidateSource;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The items most like the request's trigger, by a model's item-to-item similarity (the request's
 * own model unless another is given), best first, each with the reason {@code because} naming the
 * trigger. Applies only to requests with a trigger. Items without a similarity to the trigger (NaN,
 * e.g. outside an item-kNN model's neighbour lists) are not proposed; blocked items never are.
 * Immutable and thread-safe.
 */
public final class TriggerSource implements CandidateSource {

  private final Recommender companion;

  private TriggerSource(Recommender companion) {
    this.companion = companion;
  }

  /** Similar items by the request's own model. */
  public static TriggerSource fromModel() {
    return new TriggerSource(null);
  }

  /**
   * Similar items by {@code similarityModel}, which must have been trained on the same items as the
   * request's model (e.g. an item-kNN model next to an iALS profile model).
   */
  public static TriggerSource using(Recommender similarityModel) {
    return new TriggerSource(Objects.requireNonNull(similarityModel, "similarityModel"));
  }

  @Override
  public String name() {
    return "trigger";
  }

  @Override
  public boolean applies(RequestState state) {
    return state.hasTrigger();
  }

  @Override
  public List<Candidate> candidates(RequestState state, int n) {
    if (!state.hasTrigger()) {
      return List.of();
    }
    float[] sim = Similarities.row(state, companion);
    TopK top = new TopK(Math.max(1, Math.min(n, sim.length)));
    for (int i = 0; i < sim.length; i++) {
      if (!Float.isNaN(sim[i]) && state.allowed(i) && sim[i] >= top.threshold()) {
        top.offer(i, sim[i]);
      }
    }
    int[] items = new int[top.size()];
    float[] scores = new float[top.size()];
    top.drainTo(items, scores, 0);
    String id = state.itemId(state.trigger());
    Reason why = Reason.because(id, state.title(state.trigger()).orElse(null));
    List<Candidate> out = new ArrayList<>(items.length);
    for (int j = 0; j < items.length; j++) {
      out.add(Candidate.of(items[j], scores[j], why));
    }
    return out;
  }
}
