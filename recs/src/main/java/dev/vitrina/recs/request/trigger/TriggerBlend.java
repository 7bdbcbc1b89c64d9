package dev.vitrina.recs.request.trigger;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.Reranker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The trigger re-ranker: blends each candidate's similarity to the trigger with the model's
 * long-term profile score for the user, {@code w * norm(similarity) + (1 - w) * norm(profile)},
 * where both scores are normalised over the request's candidates ({@link Normalisation}) and the
 * trigger weight {@code w} comes from the request's intent score ({@link IntentScore}) through an
 * {@link IntentMapping}. A request without a user history (anonymous, unknown or cold user) has
 * intent 1 and weight 1: the feed follows the trigger alone. Applies only to requests with a
 * trigger.
 *
 * <p>When {@link #pinBestMatch} is on (the default), the candidate most similar to the trigger is
 * first whatever the blend says, and takes the best blended score. Every candidate gets the reason
 * {@link Reason#trigger} (trigger id, intent, weight): as its first reason where the trigger's part
 * of the blend is at least the profile's part, else after its other reasons. Candidates are
 * rescored with the blended value; ties keep the incoming order. Immutable and thread-safe.
 *
 * @param similarityModel the model whose item similarity ranks candidates by the trigger and
 *     measures the intent, or null for the request's own model
 * @param intent how the intent score is computed
 * @param mapping intent score to trigger weight
 * @param normalisation how the two scores are put on one scale
 * @param pinBestMatch whether the trigger's best match goes first
 */
public record TriggerBlend(
    Recommender similarityModel,
    IntentScore intent,
    IntentMapping mapping,
    Normalisation normalisation,
    boolean pinBestMatch)
    implements Reranker {

  public TriggerBlend {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(normalisation, "normalisation");
  }

  /**
   * The defaults: the request's model for similarity, {@link IntentScore#defaults()}, {@link
   * IntentMapping#defaults()}, rank normalisation (better than z-scores on the MovieLens 1M
   * validation split), best match pinned first. The default mapping was fitted with item-kNN
   * similarity: give such a model with {@link #using} or refit the mapping for another.
   */
  public static TriggerBlend defaults() {
    return new TriggerBlend(
        null, IntentScore.defaults(), IntentMapping.defaults(), Normalisation.RANK, true);
  }

  /** This blend with item similarity from {@code model} (trained on the same items). */
  public TriggerBlend using(Recommender model) {
    return new TriggerBlend(model, intent, mapping, normalisation, pinBestMatch);
  }

  /** This blend with another intent score. */
  public TriggerBlend withIntent(IntentScore i) {
    return new TriggerBlend(similarityModel, i, mapping, normalisation, pinBestMatch);
  }

  /** This blend with another intent-to-weight mapping. */
  public TriggerBlend withMapping(IntentMapping m) {
    return new TriggerBlend(similarityModel, intent, m, normalisation, pinBestMatch);
  }

  /** This blend with another normalisation. */
  public TriggerBlend withNormalisation(Normalisation n) {
    return new TriggerBlend(similarityModel, intent, mapping, n, pinBestMatch);
  }

  /** This blend with or without the best match pinned first. */
  public TriggerBlend withPinBestMatch(boolean pin) {
    return new TriggerBlend(similarityModel, intent, mapping, normalisation, pin);
  }

  @Override
  public String name() {
    return "trigger";
  }

  @Override
  public boolean applies(RequestState state) {
    return state.hasTrigger();
  }

  /**
   * The intent score of a request with a trigger (1 for a request without user history).
   *
   * @throws IllegalArgumentException when the request has no trigger
   */
  public double intentOf(RequestState state) {
    requireTrigger(state);
    return intentOf(state, Similarities.row(state, similarityModel));
  }

  /**
   * The trigger weight of a request with a trigger.
   *
   * @throws IllegalArgumentException when the request has no trigger
   */
  public double weightOf(RequestState state) {
    requireTrigger(state);
    return state.hasHistory() ? mapping.weight(intentOf(state)) : 1;
  }

  @Override
  public List<Candidate> rerank(RequestState state, List<Candidate> in, int k) {
    if (!state.hasTrigger() || in.isEmpty()) {
      return in;
    }
    float[] row = Similarities.row(state, similarityModel);
    double intentScore = intentOf(state, row);
    double w = state.hasHistory() ? mapping.weight(intentScore) : 1;
    int n = in.size();
    int[] items = new int[n];
    float[] sim = new float[n];
    for (int j = 0; j < n; j++) {
      items[j] = in.get(j).item();
      sim[j] = row[items[j]];
    }
    float[] profile = new float[n];
    state.model().score(state.context(), items, profile);
    float[] a = normalisation.apply(sim);
    float[] b = normalisation.apply(profile);
    float[] blended = new float[n];
    int best = -1;
    for (int j = 0; j < n; j++) {
      blended[j] = (float) (w * a[j] + (1 - w) * b[j]);
      if (!Float.isNaN(sim[j]) && (best < 0 || sim[j] > sim[best])) {
        best = j;
      }
    }
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (x, y) -> Float.compare(blended[y], blended[x]));
    List<Integer> ranked = new ArrayList<>(Arrays.asList(order));
    if (pinBestMatch && best >= 0) {
      float top = blended[ranked.get(0)];
      ranked.remove(Integer.valueOf(best));
      ranked.add(0, best);
      blended[best] = Math.max(blended[best], top);
    }
    Reason why = Reason.trigger(state.itemId(state.trigger()), intentScore, w);
    List<Candidate> out = new ArrayList<>(n);
    for (int j : ranked) {
      Candidate c = in.get(j).withScore(blended[j]);
      boolean led = (pinBestMatch && j == best) || w * a[j] >= (1 - w) * b[j];
      out.add(led ? c.withLeadingReason(why) : c.withReason(why));
    }
    return out;
  }

  private double intentOf(RequestState state, float[] row) {
    return state.hasHistory() ? intent.of(row, state.history(), state.trigger()) : 1;
  }

  private static void requireTrigger(RequestState state) {
    if (!state.hasTrigger()) {
      throw new IllegalArgumentException(
          "the request has no trigger item; the intent is defined only for trigger requests");
    }
  }
}
