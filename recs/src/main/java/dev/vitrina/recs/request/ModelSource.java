package dev.vitrina.recs.request;

import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The fitted model's own top items for the request's user (its long-term profile); for a user the
 * model cannot personalise for, the most popular items, said so in the reasons.
 */
public final class ModelSource implements CandidateSource {

  @Override
  public String name() {
    return "model";
  }

  @Override
  public boolean applies(RequestState state) {
    return true;
  }

  @Override
  public List<Candidate> candidates(RequestState state, int n) {
    float[] dense = state.denseScores();
    if (dense != null && n > 0) {
      // the model's top n from the request's shared scores: what recommend() selects, one pass less
      TopK top = new TopK(Math.min(n, Math.max(1, dense.length)));
      for (int i = 0; i < dense.length; i++) {
        float s = dense[i];
        if (s >= top.threshold() && state.allowed(i)) {
          top.offer(i, s);
        }
      }
      int[] items = new int[top.size()];
      float[] scores = new float[items.length];
      top.drainTo(items, scores, 0);
      Reason why = Reason.profile(state.model().name());
      List<Candidate> out = new ArrayList<>(items.length);
      for (int j = 0; j < items.length; j++) {
        out.add(Candidate.of(items[j], scores[j], why));
      }
      return out;
    }
    RecommendOptions o =
        new RecommendOptions(SeenItems.INCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, state::allowed);
    Recommendations r = state.model().recommend(state.context(), n, o);
    Reason why =
        r.source() == Recommendations.Source.MODEL
            ? Reason.profile(state.model().name())
            : Reason.popular(
                state.request().user() == null
                    ? "anonymous user"
                    : state.user() < 0
                        ? "user unknown to the model"
                        : "user without training history");
    List<Candidate> out = new ArrayList<>(r.size());
    for (int j = 0; j < r.size(); j++) {
      out.add(Candidate.of(r.items()[j], r.scores()[j], why));
    }
    return out;
  }
}
