package dev.vitrina.recs.request.interest;

import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.CandidateSource;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Candidates per interest: the model's scores for the user (one {@code score} call over the
 * catalogue), restricted to the items of each interest (its category, or for an embedding cluster
 * the items whose vector is nearest to its centroid among the user's interests). The {@code n}
 * candidates are shared among the interests by {@link InterestAllocator#slots} (in proportion to
 * weight, at least one each), best first within an interest, and returned interleaved (one of each
 * interest in turn, heaviest first). Every candidate carries {@link Reason#interest}. Applies to
 * users with history; immutable and thread-safe.
 */
public final class InterestSource implements CandidateSource {

  private final InterestProfiler profiler;

  private InterestSource(InterestProfiler profiler) {
    this.profiler = Objects.requireNonNull(profiler, "profiler");
  }

  /** A source over the interests {@code profiler} derives. */
  public static InterestSource of(InterestProfiler profiler) {
    return new InterestSource(profiler);
  }

  /** A source with the default profiler. */
  public static InterestSource defaults() {
    return of(InterestProfiler.defaults());
  }

  @Override
  public String name() {
    return "interests";
  }

  @Override
  public boolean applies(RequestState state) {
    return state.hasHistory();
  }

  @Override
  public List<Candidate> candidates(RequestState state, int n) {
    List<Interest> interests = profiler.interests(state);
    if (interests.isEmpty()) {
      return List.of();
    }
    int items = state.numItems();
    float[] score = state.denseScores();
    if (score == null) {
      int[] all = new int[items];
      Arrays.setAll(all, i -> i);
      score = new float[items];
      state.model().score(state.context(), all, score);
    }
    int[] member =
        InterestProfiler.memberships(
            interests,
            state.catalog(),
            state.model().capability(ItemEmbeddings.class).orElse(null),
            items);
    int m = interests.size();
    double[] w = new double[m];
    for (int a = 0; a < m; a++) {
      w[a] = interests.get(a).weight();
    }
    int[] quota = InterestAllocator.slots(w, n);
    // the best quota[a] items of each interest, by score then index, without sorting them all
    TopK[] best = new TopK[m];
    for (int a = 0; a < m; a++) {
      best[a] = quota[a] > 0 ? new TopK(quota[a]) : null;
    }
    for (int i = 0; i < items; i++) {
      int a = member[i];
      if (a >= 0 && best[a] != null && score[i] >= best[a].threshold() && state.allowed(i)) {
        best[a].offer(i, score[i]);
      }
    }
    int[][] ranked = new int[m][];
    for (int a = 0; a < m; a++) {
      ranked[a] = new int[best[a] == null ? 0 : best[a].size()];
      if (best[a] != null) {
        best[a].drainTo(ranked[a], new float[ranked[a].length], 0);
      }
    }
    List<Candidate> out = new ArrayList<>(n);
    for (int r = 0; out.size() < n; r++) {
      boolean any = false;
      for (int a = 0; a < m && out.size() < n; a++) {
        if (r < ranked[a].length) {
          int i = ranked[a][r];
          Interest in = interests.get(a);
          out.add(Candidate.of(i, score[i], Reason.interest(in.label(), in.weight())));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }
}
