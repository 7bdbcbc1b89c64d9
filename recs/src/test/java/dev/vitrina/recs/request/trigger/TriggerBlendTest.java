package dev.vitrina.recs.request.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture (StubModel): u1 has seen a and b and clicks e. The model proposes f (profile 6), d
 * (3), c (1); the trigger source c (similarity .9) and d (.5); f has no similarity to e. Rank
 * normalisation over [f, d, c]: similarity 0, 0, 1 -> f 0, d 0, c 1; profile f 1, d .5, c 0.
 */
class TriggerBlendTest {

  private static final int A = 0;
  private static final int C = 2;
  private static final int D = 3;
  private static final int F = 5;

  private final StubModel model = new StubModel(true);

  private RequestPipeline pipeline(TriggerBlend blend) {
    return RequestPipeline.builder(model).source(TriggerSource.fromModel()).reranker(blend).build();
  }

  private List<Candidate> rerank(TriggerBlend blend, RecRequest request) {
    RequestPipeline p = pipeline(blend);
    RequestState s = p.resolve(request);
    List<Candidate> in =
        List.of(
            Candidate.of(F, 6, Reason.profile("stub")),
            Candidate.of(D, 3, Reason.profile("stub")),
            Candidate.of(C, 1, Reason.profile("stub")));
    return blend.rerank(s, in, 3);
  }

  private static final RecRequest U1_E = RecRequest.forUser("u1", 3).withTrigger("e");

  @Test
  void blendsRankNormalisedScoresWithTheMappedWeight() {
    // w .2: f .8*1 = .8, d .8*.5 = .4, c .2*1 = .2
    TriggerBlend b = TriggerBlend.defaults().withMapping(IntentMapping.fixed(0.2));
    List<Candidate> out = rerank(b.withPinBestMatch(false), U1_E);
    assertThat(out).extracting(Candidate::item).containsExactly(F, D, C);
    assertThat(out).extracting(Candidate::score).containsExactly(0.8f, 0.4f, 0.2f);
  }

  @Test
  void theTriggersBestMatchIsPinnedFirstWithTheBestScore() {
    TriggerBlend b = TriggerBlend.defaults().withMapping(IntentMapping.fixed(0.2));
    List<Candidate> out = rerank(b, U1_E);
    assertThat(out).extracting(Candidate::item).containsExactly(C, F, D);
    assertThat(out).extracting(Candidate::score).containsExactly(0.8f, 0.8f, 0.4f);
  }

  @Test
  void theWeightFollowsTheIntentThroughTheMapping() {
    // u1's history a, b has similarities .1 and 0 to e: intent (max) .9, (mean) .95
    IntentMapping m = new IntentMapping(List.of(0.92), List.of(0.2, 0.6));
    TriggerBlend max =
        TriggerBlend.defaults()
            .withMapping(m)
            .withIntent(new IntentScore(20, IntentScore.Aggregate.MAX));
    TriggerBlend mean = max.withIntent(new IntentScore(20, IntentScore.Aggregate.MEAN));
    RequestState s = pipeline(max).resolve(U1_E);
    assertThat(max.intentOf(s)).isCloseTo(0.9, within(1e-6));
    assertThat(max.weightOf(s)).isEqualTo(0.2);
    assertThat(mean.intentOf(s)).isCloseTo(0.95, within(1e-6));
    assertThat(mean.weightOf(s)).isEqualTo(0.6);
    // w .6: f .4, d .2, c .6
    List<Candidate> out = rerank(mean.withPinBestMatch(false), U1_E);
    assertThat(out).extracting(Candidate::item).containsExactly(C, F, D);
  }

  @Test
  void everyCandidateCarriesTheTriggerReasonFirstWhereTheTriggerCarriedIt() {
    TriggerBlend b =
        TriggerBlend.defaults()
            .withMapping(IntentMapping.fixed(0.2))
            .withIntent(new IntentScore(20, IntentScore.Aggregate.MAX));
    List<Candidate> out = rerank(b, U1_E);
    Reason why = Reason.trigger("e", 0.9, 0.2);
    assertThat(out.get(0).reasons()).containsExactly(why, Reason.profile("stub"));
    assertThat(out.get(1).reasons()).containsExactly(Reason.profile("stub"), why);
    assertThat(out.get(2).reasons()).containsExactly(Reason.profile("stub"), why);
  }

  @Test
  void zscoreNormalisationKeepsHowFarScoresStandOut() {
    // similarity (NaN, .5, .9) -> (-1, -1, 1); profile (6, 3, 1) -> (1.298, -0.162, -1.136)
    // w .5: f .149, c -.068, d -.581
    TriggerBlend b =
        TriggerBlend.defaults()
            .withMapping(IntentMapping.fixed(0.5))
            .withNormalisation(Normalisation.ZSCORE)
            .withPinBestMatch(false);
    List<Candidate> out = rerank(b, U1_E);
    assertThat(out).extracting(Candidate::item).containsExactly(F, C, D);
    assertThat(out.get(0).score()).isCloseTo(0.1489f, within(1e-3f));
  }

  @Test
  void endToEndTheFeedFollowsTheBlendAndCanShowTheTriggerFirst() {
    RequestPipeline p =
        RequestPipeline.builder(model)
            .source(TriggerSource.fromModel())
            .reranker(TriggerBlend.defaults().withMapping(IntentMapping.fixed(0.2)))
            .showTrigger(true)
            .build();
    RecResponse r = p.recommend(RecRequest.forUser("u1", 3).withTrigger("e"));
    assertThat(r.itemIds()).containsExactly("e", "c", "f");
    assertThat(r.stages()).containsExactly("model", "trigger");
    assertThat(r.items().get(1).title()).isEqualTo("Title C");
    assertThat(r.items().get(1).reasons().get(0).kind()).isEqualTo("trigger");

    RecResponse hidden =
        pipeline(TriggerBlend.defaults().withMapping(IntentMapping.fixed(0.2)))
            .recommend(RecRequest.forUser("u1", 3).withTrigger("e"));
    assertThat(hidden.itemIds()).containsExactly("c", "f", "d");
  }

  @Test
  void anAnonymousUserWithATriggerGetsTheTriggerFeed() {
    // no history: intent 1, weight 1 whatever the mapping; popular f, d, c, b, a are candidates
    // too, but the order is by similarity to e: c .9, d .5, a .1
    TriggerBlend b = TriggerBlend.defaults().withMapping(IntentMapping.fixed(0));
    RecResponse r =
        pipeline(b).recommend(new RecRequest(null, 3, null, null, null, "e", null, true));
    assertThat(r.itemIds()).containsExactly("c", "d", "a");
    assertThat(r.items().get(0).reasons()).contains(Reason.trigger("e", 1, 1));
    RequestState s =
        pipeline(b).resolve(new RecRequest(null, 3, null, null, null, "e", null, false));
    assertThat(b.intentOf(s)).isEqualTo(1.0);
    assertThat(b.weightOf(s)).isEqualTo(1.0);
  }

  @Test
  void aUserWithoutHistoryIsTreatedLikeAnAnonymousOne() {
    RecResponse r =
        pipeline(TriggerBlend.defaults().withMapping(IntentMapping.fixed(0)))
            .recommend(RecRequest.forUser("u2", 3).withTrigger("e"));
    assertThat(r.itemIds()).containsExactly("c", "d", "a");
  }

  @Test
  void anUnknownTriggerIsAnErrorNamingTheTrigger() {
    assertThatThrownBy(
            () ->
                pipeline(TriggerBlend.defaults())
                    .recommend(RecRequest.forUser("u1", 3).withTrigger("zzz")))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("trigger"))
        .hasMessageContaining("item 'zzz' is not in the model's catalogue (6 items)");
  }

  @Test
  void withoutATriggerTheStageDoesNotApply() {
    TriggerBlend b = TriggerBlend.defaults();
    RequestPipeline p = pipeline(b);
    RequestState s = p.resolve(RecRequest.forUser("u1", 3));
    assertThat(b.applies(s)).isFalse();
    assertThat(p.recommend(RecRequest.forUser("u1", 3)).itemIds()).containsExactly("f", "d", "e");
    assertThatThrownBy(() -> b.intentOf(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the request has no trigger item");
  }

  @Test
  void anEmptyListStaysEmpty() {
    TriggerBlend b = TriggerBlend.defaults();
    assertThat(b.rerank(pipeline(b).resolve(U1_E), List.of(), 3)).isEmpty();
  }
}
