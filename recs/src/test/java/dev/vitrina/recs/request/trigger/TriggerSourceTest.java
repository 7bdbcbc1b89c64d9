package dev.vitrina.recs.request.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerSourceTest {

  private final StubModel model = new StubModel(true);
  private final RequestPipeline pipeline = RequestPipeline.builder(model).build();

  private RequestState state(String user, String trigger) {
    RecRequest r = new RecRequest(user, 10, null, null, null, null, null, false);
    return pipeline.resolve(trigger == null ? r : r.withTrigger(trigger));
  }

  @Test
  void proposesUnblockedItemsWithASimilarityBestFirstBecauseOfTheTrigger() {
    // u1 has seen a and b; the trigger e is blocked; f has no similarity to e
    List<Candidate> c = TriggerSource.fromModel().candidates(state("u1", "e"), 10);
    assertThat(c).extracting(Candidate::item).containsExactly(2, 3);
    assertThat(c).extracting(Candidate::score).containsExactly(0.9f, 0.5f);
    assertThat(c.get(0).reasons()).containsExactly(Reason.because("e", "Title E"));
  }

  @Test
  void returnsAtMostN() {
    // anonymous: nothing seen, so a and b compete too: c .9, d .5, a .1, b 0
    assertThat(TriggerSource.fromModel().candidates(state(null, "e"), 3))
        .extracting(Candidate::item)
        .containsExactly(2, 3, 0);
  }

  @Test
  void appliesOnlyWithATrigger() {
    TriggerSource s = TriggerSource.fromModel();
    assertThat(s.applies(state("u1", null))).isFalse();
    assertThat(s.candidates(state("u1", null), 5)).isEmpty();
    assertThat(s.applies(state("u1", "e"))).isTrue();
    assertThat(s.name()).isEqualTo("trigger");
  }

  @Test
  void aCompanionModelGivesTheSimilarities() {
    StubModel noSimilarity = new StubModel(false);
    RequestState s =
        RequestPipeline.builder(noSimilarity)
            .build()
            .resolve(RecRequest.forUser("u1", 5).withTrigger("e"));
    assertThat(TriggerSource.using(model).candidates(s, 5))
        .extracting(Candidate::item)
        .containsExactly(2, 3);
  }

  @Test
  void aModelWithoutItemSimilarityIsAnErrorNamingTheTrigger() {
    RequestState s =
        RequestPipeline.builder(new StubModel(false))
            .build()
            .resolve(RecRequest.forUser("u1", 5).withTrigger("e"));
    assertThatThrownBy(() -> TriggerSource.fromModel().candidates(s, 5))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(
            "trigger feeds need a model that compares items, and 'stub' does not");
  }

  @Test
  void aCompanionOnOtherItemsIsRefused() {
    StubModel other = new StubModel(true, List.of("a", "b", "c", "d", "x", "f"));
    assertThatThrownBy(() -> TriggerSource.using(other).candidates(state("u1", "e"), 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("indexed differently")
        .hasMessageContaining("train both on the same interactions");
  }
}
