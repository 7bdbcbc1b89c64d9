package dev.vitrina.recs.request.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.popular.PopularConfig;
import dev.vitrina.recs.popular.PopularModel;
import dev.vitrina.recs.popular.PopularTrainer;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.interest.InterestAllocator.Interleave;
import dev.vitrina.recs.request.interest.InterestConfig.Basis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-interest stages on a hand-made catalogue: categories A (a1..a7), B (b1..b4), C
 * (c1..c3). User u's history, oldest first, is c1, a1, a2, a3, b1; the other items' popularity
 * (training users) is a4 10, a5 9, a6 8, a7 7, b2 6, b3 5, b4 4, c2 3, c3 2, so the popularity
 * model's list for u is a4 a5 a6 a7 b2 b3 b4 c2 c3.
 */
class InterestStagesTest {

  static final Map<String, Integer> POPULARITY =
      Map.of("a4", 10, "a5", 9, "a6", 8, "a7", 7, "b2", 6, "b3", 5, "b4", 4, "c2", 3, "c3", 2);

  static Recommender model() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (String i : new String[] {"a1", "a2", "a3", "a4", "a5", "a6", "a7"}) {
      b.itemCategory(i, "A");
    }
    for (String i : new String[] {"b1", "b2", "b3", "b4"}) {
      b.itemCategory(i, "B");
    }
    for (String i : new String[] {"c1", "c2", "c3"}) {
      b.itemCategory(i, "C");
    }
    String[] history = {"c1", "a1", "a2", "a3", "b1"};
    for (int t = 0; t < history.length; t++) {
      b.add("u", history[t], 1f, 1000L * (t + 1));
    }
    POPULARITY.forEach(
        (item, n) -> {
          for (int j = 0; j < n; j++) {
            b.add("f" + j, item, 1f, 1L);
          }
        });
    PopularModel m = new PopularTrainer(PopularConfig.defaults()).fit(b.build());
    return m;
  }

  static final Recommender MODEL = model();

  static InterestConfig flat() {
    return InterestConfig.defaults().withHalfLife(Double.POSITIVE_INFINITY);
  }

  static RequestPipeline pipeline(InterestConfig c, Interleave o) {
    InterestProfiler p = new InterestProfiler(c);
    return RequestPipeline.builder(MODEL)
        .source(InterestSource.of(p))
        .reranker(InterestAllocator.of(p).withInterleave(o))
        .build();
  }

  static RequestState state(String user) {
    return RequestPipeline.builder(MODEL).build().resolve(RecRequest.forUser(user, 5));
  }

  @Test
  void categoryInterestsAreRecencyWeightedSharesOfTheHistory() {
    List<Interest> flat = new InterestProfiler(flat()).interests(state("u"));
    assertThat(flat).extracting(Interest::label).containsExactly("A", "B", "C");
    assertThat(flat).extracting(Interest::weight).containsExactly(0.6, 0.2, 0.2);
    assertThat(flat.get(0).items()).hasSize(3);
    // half-life 1: weights c1 1/16, a1 1/8, a2 1/4, a3 1/2, b1 1 (sum 31/16);
    // B = 16/31, A = 14/31, C = 1/31 < minShare 0.1 -> dropped
    List<Interest> recent =
        new InterestProfiler(InterestConfig.defaults().withHalfLife(1)).interests(state("u"));
    assertThat(recent).extracting(Interest::label).containsExactly("B", "A");
    assertThat(recent.get(0).weight()).isCloseTo(16 / 31.0, within(1e-12));
    assertThat(recent.get(1).weight()).isCloseTo(14 / 31.0, within(1e-12));
  }

  @Test
  void aNarrowSettingGivesOneInterestAndTheHeaviestIsAlwaysKept() {
    assertThat(new InterestProfiler(flat().withMaxInterests(1)).interests(state("u")))
        .extracting(Interest::label)
        .containsExactly("A");
    assertThat(new InterestProfiler(flat().withMinShare(0.9)).interests(state("u")))
        .extracting(Interest::label)
        .containsExactly("A");
    assertThat(new InterestProfiler(flat()).interests(state("nobody"))).isEmpty();
  }

  @Test
  void slotsAreProportionalWithAFloorOfOne() {
    assertThat(InterestAllocator.slots(new double[] {0.6, 0.3, 0.1}, 10)).containsExactly(6, 3, 1);
    assertThat(InterestAllocator.slots(new double[] {0.9, 0.05, 0.05}, 10))
        .containsExactly(8, 1, 1);
    assertThat(InterestAllocator.slots(new double[] {0.6, 0.2, 0.2}, 5)).containsExactly(3, 1, 1);
    // more interests than slots: the heaviest get one each
    assertThat(InterestAllocator.slots(new double[] {0.1, 0.5, 0.4}, 2)).containsExactly(0, 1, 1);
    assertThat(InterestAllocator.slots(new double[] {1}, 0)).containsExactly(0);
  }

  @Test
  void slotsRefuseBadWeightsNamingTheParameter() {
    assertThatThrownBy(() -> InterestAllocator.slots(new double[] {0.5, -1}, 3))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("weights")
        .hasMessageContaining("-1.0 at index 1");
    assertThatThrownBy(() -> InterestAllocator.slots(new double[] {0, 0}, 3))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("weights must not all be 0");
    assertThatThrownBy(() -> InterestAllocator.slots(new double[] {1}, -1))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("k must be >= 0, got -1");
  }

  @Test
  void firstRoundShowsEveryInterestFirstThenFollowsTheShares() {
    // slots A 3, B 1, C 1; first round a4 b2 c2, then A: a5 a6
    RecResponse r = pipeline(flat(), Interleave.FIRST_ROUND).recommend(RecRequest.forUser("u", 5));
    assertThat(r.itemIds()).containsExactly("a4", "b2", "c2", "a5", "a6");
    assertThat(r.stages()).containsExactly("model", "interests");
    assertThat(r.items().get(0).reasons()).containsExactly(Reason.interest("A", 0.6));
    assertThat(r.items().get(1).reasons()).containsExactly(Reason.interest("B", 0.2));
    assertThat(r.items().get(2).reasons()).containsExactly(Reason.interest("C", 0.2));
  }

  @Test
  void proportionalAndScoreOrdersFillTheSameSlots() {
    RecResponse p = pipeline(flat(), Interleave.PROPORTIONAL).recommend(RecRequest.forUser("u", 5));
    // deficits: p0 A; p1 B (tie with C, B heavier by order); p2 A; p3 C; p4 A
    assertThat(p.itemIds()).containsExactly("a4", "b2", "a5", "c2", "a6");
    RecResponse s = pipeline(flat(), Interleave.SCORE).recommend(RecRequest.forUser("u", 5));
    assertThat(s.itemIds()).containsExactly("a4", "a5", "a6", "b2", "c2");
    // without the stages: the popularity order
    assertThat(
            RequestPipeline.builder(MODEL).build().recommend(RecRequest.forUser("u", 5)).itemIds())
        .containsExactly("a4", "a5", "a6", "a7", "b2");
  }

  static RequestPipeline greedy(double lambda) {
    InterestProfiler p = new InterestProfiler(flat());
    return RequestPipeline.builder(MODEL)
        .source(InterestSource.of(p))
        .reranker(InterestAllocator.of(p).withTradeoff(lambda))
        .build();
  }

  @Test
  void theGreedyTradesRelevanceForInterestsNotYetShown() {
    // relevance = popularity scaled over the candidates: a4 1, a5 .875, a6 .75, a7 .625, b2 .5,
    // b3 .375, b4 .25, c2 .125, c3 0; the bonus of an interest not yet shown is its weight share
    // (A .6, B .2, C .2)
    assertThat(greedy(0).recommend(RecRequest.forUser("u", 5)).itemIds())
        .containsExactly("a4", "a5", "a6", "a7", "b2");
    // lambda .5: b2 (.25 + .1) overtakes a7 (.3125) once A is shown; c2 (.0625 + .1) never does
    assertThat(greedy(0.5).recommend(RecRequest.forUser("u", 5)).itemIds())
        .containsExactly("a4", "a5", "a6", "b2", "a7");
    // lambda .8: every interest shown first, then relevance
    RecResponse r = greedy(0.8).recommend(RecRequest.forUser("u", 5));
    assertThat(r.itemIds()).containsExactly("a4", "b2", "c2", "a5", "a6");
    assertThat(r.items().get(2).reasons().get(0)).isEqualTo(Reason.interest("C", 0.2));
    assertThatThrownBy(() -> InterestAllocator.defaults().withTradeoff(1.5))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> InterestAllocator.defaults().withTradeoff(Double.NaN))
        .isInstanceOf(ParameterException.class);
  }

  @Test
  void historyOutsideTheInterestsBecomesAFreeBucketOfTheBestRemaining() {
    // minShare 0.25 keeps only A (0.6); the free bucket has 0.4: slots A 3, free 2.
    // first round: a4 (A), then the free bucket's best remaining a5; then A a6, free a7, A...
    RecResponse r =
        pipeline(flat().withMinShare(0.25), Interleave.FIRST_ROUND)
            .recommend(RecRequest.forUser("u", 5).explained(true));
    assertThat(r.itemIds()).containsExactly("a4", "a5", "a6", "a7", "b2");
    // every A item serves A; b2 came through the free bucket and serves no interest
    assertThat(r.items().get(4).reasons().get(0).kind()).isEqualTo("profile");
    assertThat(r.items().get(1).reasons().get(0)).isEqualTo(Reason.interest("A", 0.6));
  }

  @Test
  void anInterestThatRunsOutGivesItsSlotsToTheBestRemaining() {
    // exclude c2 and c3: C has no candidate left, its slot goes to the best remaining (a6)
    RecResponse r =
        pipeline(flat(), Interleave.FIRST_ROUND)
            .recommend(RecRequest.forUser("u", 5).excluding(java.util.Set.of("c2", "c3")));
    assertThat(r.itemIds()).containsExactly("a4", "b2", "a5", "a6", "a7");
    assertThat(r.itemIds()).doesNotContain("c2", "c3", "a1", "b1", "c1");
  }

  @Test
  void theSourceRetrievesPerInterestWithReasons() {
    InterestSource src = InterestSource.of(new InterestProfiler(flat()));
    RequestState st = state("u");
    assertThat(src.applies(st)).isTrue();
    // 5 candidates: slots A 3, B 1, C 1, interleaved one per interest in turn
    List<Candidate> c = src.candidates(st, 5);
    assertThat(c)
        .extracting(x -> MODEL.items().id(x.item()))
        .containsExactly("a4", "b2", "c2", "a5", "a6");
    assertThat(c.get(2).reasons()).containsExactly(Reason.interest("C", 0.2));
    assertThat(c.get(0).score()).isEqualTo(10f);
    assertThat(src.applies(state("nobody"))).isFalse();
  }

  @Test
  void anonymousUsersGetThePlainListWithoutError() {
    RecResponse r =
        pipeline(flat(), Interleave.FIRST_ROUND)
            .recommend(new RecRequest(null, 3, null, null, null, null, null, false));
    assertThat(r.itemIds()).hasSize(3);
    assertThat(r.stages()).containsExactly("model");
    assertThat(r.source()).isEqualTo("popular_fallback");
  }

  @Test
  void badConfigurationNamesTheParameter() {
    assertThatThrownBy(() -> InterestConfig.defaults().withHalfLife(0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("halfLife must be > 0");
    assertThatThrownBy(() -> InterestConfig.defaults().withMinShare(1))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("minShare must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> InterestConfig.defaults().withMaxInterests(0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("maxInterests must be >= 1, got 0");
    assertThatThrownBy(() -> InterestConfig.defaults().withNarrowResultant(0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("narrowResultant");
  }

  @Test
  void aBasisTheModelCannotServeIsRefusedNamingIt() {
    // the popularity model has no item embeddings
    RequestPipeline p = pipeline(flat().withBasis(Basis.EMBEDDINGS), Interleave.FIRST_ROUND);
    assertThatThrownBy(() -> p.recommend(RecRequest.forUser("u", 5)))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("basis EMBEDDINGS needs a model with item embeddings");
  }

  @Test
  void aWeakInterestGetsItsSlotsThoughAllItsItemsRankBelowTheOthers() {
    // 1,500 items of A each bought by 2 users rank above every item of B (1 user each): B's
    // slots still go to B's best items
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int i = 0; i < 1500; i++) {
      b.itemCategory("a" + i, "A");
      b.add("x" + i, "a" + i, 1f, 1L);
      b.add("y" + i, "a" + i, 1f, 1L);
    }
    for (int i = 0; i < 6; i++) {
      b.itemCategory("b" + i, "B");
      b.add("z" + i, "b" + i, 1f, 1L);
    }
    String[] history = {"a0", "a1", "a2", "b0", "b1"};
    for (int t = 0; t < history.length; t++) {
      b.add("u", history[t], 1f, 1000L * (t + 1));
    }
    Recommender m = new PopularTrainer(PopularConfig.defaults()).fit(b.build());
    InterestProfiler p = new InterestProfiler(flat());
    RequestState st = RequestPipeline.builder(m).build().resolve(RecRequest.forUser("u", 5));
    List<Candidate> c = InterestSource.of(p).candidates(st, 5);
    // weights A 0.6, B 0.4 -> 3 and 2 slots, interleaved heaviest first; ties by index
    assertThat(c)
        .extracting(x -> st.itemId(x.item()))
        .containsExactly("a3", "b2", "a4", "b3", "a5");
  }
}
