package dev.vitrina.recs.request.interest;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.Reranker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Shares the k slots of a list among the user's interests in proportion to their weights, with at
 * least one slot for each interest (up to k), and interleaves them so that the first screen shows
 * several interests.
 *
 * <p>The buckets are the user's interests and, when the interests' weights sum to less than 1 (for
 * category interests, history in categories too light to be an interest), a <em>free</em> bucket of
 * the remaining weight, filled with the best remaining candidates whatever their interest. The k
 * slots are apportioned by {@link #slots}. Within a bucket candidates keep their input order (best
 * first). Positions are filled in the {@link Interleave} order; a bucket that runs out of
 * candidates gives its slots to the best remaining candidates. After the k slots come the other
 * candidates in input order. Scores are left as they came (the order is the allocation's).
 *
 * <p>A candidate placed for an interest gets {@link Reason#interest}(label, weight) as its first
 * reason (one such reason, replacing any other interest reason); one placed in the free bucket gets
 * it too when its item belongs to one of the interests. Applies to users with history; immutable
 * and thread-safe.
 *
 * <p>{@link #withTradeoff} replaces the fixed slots by a relevance-aware greedy (xQuAD-style): an
 * interest gets a place when its best item scores close enough to the item it would displace.
 */
public final class InterestAllocator implements Reranker {

  /** The order in which the allotted slots are filled. */
  public enum Interleave {
    /**
     * First one item of every bucket, heaviest interest first (the free bucket last), then {@link
     * #PROPORTIONAL}: the first screen shows every interest.
     */
    FIRST_ROUND,
    /**
     * At each position the bucket furthest behind its share so far ({@code slots_b * (p+1) / k -
     * taken_b}, ties to the heavier interest).
     */
    PROPORTIONAL,
    /**
     * At each position the best candidate (in input order) of the buckets with slots left: the same
     * items as the others, in relevance order.
     */
    SCORE
  }

  private final InterestProfiler profiler;
  private final Interleave interleave;
  private final double tradeoff; // NaN: slots by weight; else the greedy trade-off lambda

  private InterestAllocator(InterestProfiler profiler, Interleave interleave, double tradeoff) {
    this.profiler = Objects.requireNonNull(profiler, "profiler");
    this.interleave = Objects.requireNonNull(interleave, "interleave");
    this.tradeoff = tradeoff;
  }

  /** An allocator over the interests {@code profiler} derives, interleaving {@link #DEFAULT}. */
  public static InterestAllocator of(InterestProfiler profiler) {
    return new InterestAllocator(profiler, DEFAULT, Double.NaN);
  }

  /**
   * This allocator as a relevance-aware greedy (xQuAD-style) instead of fixed slots: position by
   * position it takes the candidate with the highest {@code (1 - lambda) x relevance + lambda x
   * w_a}, where relevance is the candidate's score scaled to [0, 1] over the candidates and {@code
   * w_a} the weight share of the candidate's interest {@code a} while no item of {@code a} is in
   * the list yet (0 once one is, or for an item outside every interest). So a minor interest gets a
   * place only when its best item scores close enough to the item it displaces; {@code lambda = 0}
   * is the relevance order, larger values cover more interests. The interleaving does not apply.
   *
   * @param lambda the trade-off, in [0, 1]
   * @throws ParameterException naming {@code lambda} outside [0, 1]
   */
  public InterestAllocator withTradeoff(double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new ParameterException("lambda", "must be in [0, 1], got " + lambda);
    }
    return new InterestAllocator(profiler, interleave, lambda);
  }

  /** The greedy trade-off, or NaN when slots are shared by weight ({@link #withTradeoff}). */
  public double tradeoff() {
    return tradeoff;
  }

  /** The default interleaving. */
  public static final Interleave DEFAULT = Interleave.FIRST_ROUND;

  /** An allocator with the default profiler and interleaving. */
  public static InterestAllocator defaults() {
    return of(InterestProfiler.defaults());
  }

  /** This allocator with another interleaving. */
  public InterestAllocator withInterleave(Interleave v) {
    return new InterestAllocator(profiler, v, tradeoff);
  }

  /** The profiler. */
  public InterestProfiler profiler() {
    return profiler;
  }

  /** The interleaving. */
  public Interleave interleave() {
    return interleave;
  }

  @Override
  public String name() {
    return "interests";
  }

  @Override
  public boolean applies(RequestState state) {
    return state.hasHistory();
  }

  /**
   * Apportions {@code k} slots among buckets of the given weights: largest remainder (Hamilton) on
   * {@code k * w_b / sum(w)}, then every bucket left with 0 takes one slot from the bucket with the
   * most (ties to the later, lighter one). With more buckets than slots, the {@code k} heaviest get
   * one each (ties to the earlier). Example: weights 0.9, 0.05, 0.05 and k = 10 give 8, 1, 1.
   *
   * @throws ParameterException naming {@code k} when {@code k < 0}, or {@code weights} when one is
   *     negative or not finite, or all are 0
   */
  public static int[] slots(double[] weights, int k) {
    if (k < 0) {
      throw new ParameterException("k", "must be >= 0, got " + k);
    }
    int m = weights.length;
    double total = 0;
    for (int b = 0; b < m; b++) {
      if (!(weights[b] >= 0) || Double.isInfinite(weights[b])) {
        throw new ParameterException(
            "weights", "must be finite and >= 0, got " + weights[b] + " at index " + b);
      }
      total += weights[b];
    }
    int[] q = new int[m];
    if (m == 0 || k == 0) {
      return q;
    }
    if (!(total > 0)) {
      throw new ParameterException("weights", "must not all be 0; give each bucket a weight > 0");
    }
    if (m >= k) {
      Integer[] order = new Integer[m];
      for (int b = 0; b < m; b++) {
        order[b] = b;
      }
      java.util.Arrays.sort(order, (x, y) -> Double.compare(weights[y], weights[x]));
      for (int r = 0; r < k; r++) {
        q[order[r]] = 1;
      }
      return q;
    }
    double[] frac = new double[m];
    int given = 0;
    for (int b = 0; b < m; b++) {
      double t = k * weights[b] / total;
      q[b] = (int) Math.floor(t);
      frac[b] = t - q[b];
      given += q[b];
    }
    while (given < k) {
      int best = 0;
      for (int b = 1; b < m; b++) {
        if (frac[b] > frac[best]) {
          best = b;
        }
      }
      q[best]++;
      frac[best] = -1;
      given++;
    }
    for (int b = 0; b < m; b++) {
      if (q[b] == 0) {
        int donor = 0;
        for (int c = 1; c < m; c++) {
          if (q[c] >= q[donor]) {
            donor = c;
          }
        }
        q[donor]--;
        q[b] = 1;
      }
    }
    return q;
  }

  @Override
  public List<Candidate> rerank(RequestState state, List<Candidate> in, int k) {
    List<Interest> interests = profiler.interests(state);
    if (interests.isEmpty() || in.isEmpty()) {
      return in;
    }
    IntUnaryOperator member =
        InterestProfiler.membership(
            interests,
            state.catalog(),
            state.model().capability(ItemEmbeddings.class).orElse(null));
    int m = interests.size();
    double sum = 0;
    for (Interest i : interests) {
      sum += i.weight();
    }
    double free = 1 - sum;
    boolean hasFree = free > 1e-9;
    int buckets = hasFree ? m + 1 : m;
    double[] w = new double[buckets];
    for (int a = 0; a < m; a++) {
      w[a] = interests.get(a).weight();
    }
    if (hasFree) {
      w[m] = free;
    }
    int n = in.size();
    if (!Double.isNaN(tradeoff)) {
      return greedy(in, k, interests, member, sum);
    }
    int[] of = new int[n];
    List<List<Integer>> queue = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      queue.add(new ArrayList<>());
    }
    for (int j = 0; j < n; j++) {
      of[j] = member.applyAsInt(in.get(j).item());
      if (of[j] >= 0) {
        queue.get(of[j]).add(j);
      }
    }
    int len = Math.min(k, n);
    int[] quota = slots(w, len);
    int[] head = new int[buckets];
    int[] taken = new int[buckets];
    boolean[] chosen = new boolean[n];
    int freeHead = 0;
    List<Candidate> out = new ArrayList<>(n);
    for (int p = 0; p < len; p++) {
      int pick = -1;
      int bucket = -1;
      if (interleave == Interleave.FIRST_ROUND && p < buckets) {
        // one of each bucket in order, skipping buckets without slots or candidates
        for (int b = 0; b < buckets && pick < 0; b++) {
          if (taken[b] == 0 && taken[b] < quota[b]) {
            int j = next(b, m, queue, head, chosen, freeHead);
            if (j >= 0) {
              pick = j;
              bucket = b;
            }
          }
        }
      }
      if (pick < 0) {
        double bestKey = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < buckets; b++) {
          if (taken[b] >= quota[b]) {
            continue;
          }
          int j = next(b, m, queue, head, chosen, freeHead);
          if (j < 0) {
            continue;
          }
          double key =
              interleave == Interleave.SCORE
                  ? -j
                  : quota[b] * (p + 1) / (double) len - taken[b] - b * 1e-9;
          if (key > bestKey) {
            bestKey = key;
            pick = j;
            bucket = b;
          }
        }
      }
      if (pick < 0) {
        // the buckets with slots left are empty: the best remaining candidate takes the slot
        while (chosen[freeHead]) {
          freeHead++;
        }
        pick = freeHead;
      } else {
        taken[bucket]++;
      }
      chosen[pick] = true;
      while (freeHead < n && chosen[freeHead]) {
        freeHead++;
      }
      int a = bucket >= 0 && bucket < m ? bucket : of[pick];
      out.add(a >= 0 ? tag(in.get(pick), interests.get(a)) : in.get(pick));
    }
    for (int j = 0; j < n; j++) {
      if (!chosen[j]) {
        out.add(in.get(j));
      }
    }
    return out;
  }

  /** The xQuAD-style greedy of {@link #withTradeoff}. */
  private List<Candidate> greedy(
      List<Candidate> in, int k, List<Interest> interests, IntUnaryOperator member, double sum) {
    int n = in.size();
    int[] of = new int[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      of[j] = member.applyAsInt(in.get(j).item());
      double s = in.get(j).score();
      if (Double.isFinite(s)) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
    }
    double span = hi > lo ? hi - lo : 1;
    double[] gain = new double[n];
    for (int j = 0; j < n; j++) {
      double s = in.get(j).score();
      gain[j] = (1 - tradeoff) * (Double.isFinite(s) ? (s - lo) / span : 0);
    }
    boolean[] covered = new boolean[interests.size()];
    boolean[] chosen = new boolean[n];
    List<Candidate> out = new ArrayList<>(n);
    int len = Math.min(k, n);
    for (int p = 0; p < len; p++) {
      int pick = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (chosen[j]) {
          continue;
        }
        int a = of[j];
        double g =
            gain[j] + (a >= 0 && !covered[a] ? tradeoff * interests.get(a).weight() / sum : 0);
        if (g > best) {
          best = g;
          pick = j;
        }
      }
      chosen[pick] = true;
      int a = of[pick];
      if (a >= 0) {
        covered[a] = true;
        out.add(tag(in.get(pick), interests.get(a)));
      } else {
        out.add(in.get(pick));
      }
    }
    for (int j = 0; j < n; j++) {
      if (!chosen[j]) {
        out.add(in.get(j));
      }
    }
    return out;
  }

  /** The next unchosen candidate of bucket {@code b} (the free bucket: of all), or -1. */
  private static int next(
      int b, int m, List<List<Integer>> queue, int[] head, boolean[] chosen, int freeHead) {
    if (b == m) {
      int j = freeHead;
      while (j < chosen.length && chosen[j]) {
        j++;
      }
      return j < chosen.length ? j : -1;
    }
    List<Integer> q = queue.get(b);
    while (head[b] < q.size() && chosen[q.get(head[b])]) {
      head[b]++;
    }
    return head[b] < q.size() ? q.get(head[b]) : -1;
  }

  private static Candidate tag(Candidate c, Interest interest) {
    List<Reason> rs = new ArrayList<>(c.reasons().size() + 1);
    rs.add(Reason.interest(interest.label(), interest.weight()));
    for (Reason r : c.reasons()) {
      if (!r.kind().equals("interest")) {
        rs.add(r);
      }
    }
    return new Candidate(c.item(), c.score(), rs);
  }
}
