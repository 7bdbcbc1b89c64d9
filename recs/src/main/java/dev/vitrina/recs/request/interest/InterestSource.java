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

  /** Asks for the dot products of every item with the user's cluster centroids, if any. */
  @Override
  public void prepare(RequestState state) {
    float[][] c = centroids(state, profiler.interests(state));
    if (c != null) {
      state.askDots(c);
    }
  }

  private static float[][] centroids(RequestState state, List<Interest> interests) {
    return interests.isEmpty() || interests.get(0).isCategory()
        ? null
        : state.memo(interests, () -> InterestProfiler.centroids(interests));
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
    int m = interests.size();
    double[] w = new double[m];
    for (int a = 0; a < m; a++) {
      w[a] = interests.get(a).weight();
    }
    int[] quota = InterestAllocator.slots(w, n);
    ItemEmbeddings emb = state.model().capability(ItemEmbeddings.class).orElse(null);
    int[][] ranked = fromAllItems(state, interests, emb, score, quota);
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

  /** The best {@code quota[a]} items of each interest over all items (one membership pass). */
  private static int[][] fromAllItems(
      RequestState state,
      List<Interest> interests,
      ItemEmbeddings emb,
      float[] score,
      int[] quota) {
    int items = score.length;
    float[][] c = centroids(state, interests);
    int[] member =
        InterestProfiler.memberships(
            interests, state.catalog(), emb, items, c == null ? null : state.dots(c));
    int m = quota.length;
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
    return ranked;
  }
}
