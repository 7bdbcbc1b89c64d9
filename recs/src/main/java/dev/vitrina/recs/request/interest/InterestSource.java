package dev.vitrina.recs.request.interest;

import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.CandidateSource;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

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
    int[] all = new int[items];
    Arrays.setAll(all, i -> i);
    float[] score = new float[items];
    state.model().score(state.context(), all, score);
    IntUnaryOperator member =
        InterestProfiler.membership(
            interests,
            state.catalog(),
            state.model().capability(ItemEmbeddings.class).orElse(null));
    int m = interests.size();
    List<List<Integer>> per = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      per.add(new ArrayList<>());
    }
    for (int i = 0; i < items; i++) {
      if (!state.allowed(i) || Float.isNaN(score[i])) {
        continue;
      }
      int a = member.applyAsInt(i);
      if (a >= 0) {
        per.get(a).add(i);
      }
    }
    double[] w = new double[m];
    for (int a = 0; a < m; a++) {
      w[a] = interests.get(a).weight();
      per.get(a).sort((x, y) -> x.equals(y) ? 0 : compare(score, x, y));
    }
    int[] quota = InterestAllocator.slots(w, n);
    List<Candidate> out = new ArrayList<>(n);
    for (int r = 0; out.size() < n; r++) {
      boolean any = false;
      for (int a = 0; a < m && out.size() < n; a++) {
        if (r < quota[a] && r < per.get(a).size()) {
          int i = per.get(a).get(r);
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

  private static int compare(float[] s, int x, int y) {
    int c = Float.compare(s[y], s[x]);
    return c != 0 ? c : Integer.compare(x, y);
  }
}
