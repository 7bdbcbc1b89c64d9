package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.Trainer;
import dev.vitrina.recs.popular.PopularConfig;
import dev.vitrina.recs.popular.PopularTrainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final EvalOptions OPTIONS = EvalOptions.defaults().withBootstrapSamples(0);

  private static final Map<String, Trainer<? extends Recommender>> POPULAR =
      Map.of("popular", new PopularTrainer(PopularConfig.defaults()));

  /** A split of {@code data}: rows {@code train} on the training side, the others on test. */
  private static Split split(Interactions data, int... train) {
    java.util.Set<Integer> t = new java.util.HashSet<>();
    for (int r : train) {
      t.add(r);
    }
    int[] test =
        java.util.stream.IntStream.range(0, data.size()).filter(r -> !t.contains(r)).toArray();
    return new Split(data.select(train), data.select(test), "hand-made");
  }

  private static EvaluationReport evaluate(Interactions data, Split s) {
    return Evaluator.evaluate(data, List.of(s), POPULAR, OPTIONS, Progress.silent());
  }

  @Test
  void optionErrorsNameTheComponent() {
    assertThatThrownBy(
            () -> new EvalOptions(0, SeenItems.EXCLUDE, OPTIONS.unknownUsers(), 0, 0.95, 1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("k must be >= 1, got 0; e.g. 10");
    assertThatThrownBy(
            () -> new EvalOptions(10, SeenItems.EXCLUDE, OPTIONS.unknownUsers(), -1, 0.95, 1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("bootstrapSamples must be >= 0, got -1");
  }

  @Test
  void usersWhoseTestItemsAreAllSeenLeaveNothingToScore() {
    // u1 interacted with a twice: once on each side; with seen items excluded nothing is relevant
    Interactions d =
        Interactions.builder(Feedback.IMPLICIT).add("u1", "a", 1).add("u1", "a", 1).build();
    Split s = split(d, 0);
    assertThatThrownBy(() -> evaluate(d, s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none of the 1 test users can be evaluated")
        .hasMessageContaining("seen items included (EvalOptions.seen)")
        .hasMessageNotContaining("--");
    // counted as relevant when seen items are included
    Evaluator.Coverage c =
        Evaluator.check(
            s,
            new EvalOptions(
                10, SeenItems.INCLUDE, OPTIONS.unknownUsers(), 0, 0.95, OPTIONS.seed()));
    assertThat(c.evaluatedUsers()).isEqualTo(1);
  }

  @Test
  void allColdTestUsersAreRefused() {
    // u1 trains on a and b; u2's only row is on the test side
    Interactions d =
        Interactions.builder(Feedback.IMPLICIT)
            .add("u1", "a", 1)
            .add("u1", "b", 1)
            .add("u2", "a", 1)
            .build();
    assertThatThrownBy(() -> evaluate(d, split(d, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 1 evaluated users are cold")
        .hasMessageContaining("train 2 rows, test 1 rows");
  }

  @Test
  void testItemsAllUnseenInTrainingAreRefused() {
    // b and c appear only on the test side: every metric of every model would be 0
    Interactions d =
        Interactions.builder(Feedback.IMPLICIT)
            .add("u1", "a", 1)
            .add("u1", "b", 1)
            .add("u2", "a", 1)
            .add("u2", "c", 1)
            .build();
    assertThatThrownBy(() -> evaluate(d, split(d, 0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none of the 2 relevant test items occurs on the training side");
  }

  @Test
  void anEmptyTestSideIsRefused() {
    Interactions d = Interactions.builder(Feedback.IMPLICIT).add("u1", "a", 1).build();
    assertThatThrownBy(() -> evaluate(d, split(d, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no test rows");
  }

  @Test
  void partialProblemsAreCountedInTheNotes() {
    // train: u1 {a, b}, u2 {a}; test: u2 {b} (scorable), u2 {c} (item unseen), u3 {a} (cold)
    Interactions d =
        Interactions.builder(Feedback.IMPLICIT)
            .add("u1", "a", 1)
            .add("u1", "b", 1)
            .add("u2", "a", 1)
            .add("u2", "b", 1)
            .add("u2", "c", 1)
            .add("u3", "a", 1)
            .build();
    EvaluationReport r = evaluate(d, split(d, 0, 1, 2));
    assertThat(r.notes())
        .containsExactly(
            "1 of the 2 evaluated users are cold (no training rows) and get the unknown-user"
                + " policy's list",
            "1 of the 3 relevant test pairs are items without training rows, which no model can"
                + " recommend");
    assertThat(r.toTable())
        .contains("note: 1 of the 2 evaluated users are cold")
        .contains("n/a") // diversity without item categories
        .doesNotContain("NaN");
    // popular: u2 gets [b] (a is seen): hit on b, c missed -> recall 1/2; u3 gets [a, b]: hit
    assertThat(r.models().get(0).users()).isEqualTo(2);
    assertThat(r.models().get(0).mean("recall")).isEqualTo(0.75);
    assertThat(r.models().get(0).mean("ndcg")).isNotNaN();
  }
}
