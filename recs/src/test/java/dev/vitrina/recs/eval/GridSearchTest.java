package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.data.Interactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSearchTest {

  private final Interactions data = Fixtures.planted(60, 40, 3);

  @Test
  void everyCombinationIsTriedBestFirst() {
    Map<String, List<String>> grid = new LinkedHashMap<>();
    grid.put("lambda", List.of("1", "50"));
    grid.put("transform", List.of("binary", "raw"));
    List<GridSearch.Trial> trials =
        GridSearch.search(
            data,
            "ease",
            Map.of(),
            grid,
            "random-by-user:0.75",
            7,
            EvalOptions.defaults(),
            Progress.silent());
    assertThat(trials).hasSize(4);
    for (int i = 1; i < trials.size(); i++) {
      assertThat(trials.get(i - 1).ndcg()).isGreaterThanOrEqualTo(trials.get(i).ndcg());
    }
    assertThat(
            trials.stream().map(t -> t.params().get("lambda") + "/" + t.params().get("transform")))
        .containsExactlyInAnyOrder("1/binary", "1/raw", "50/binary", "50/raw");
  }

  @Test
  void kFoldValidationScoresEveryFold() {
    Map<String, List<String>> grid = Map.of("lambda", List.of("10"));
    GridSearch.Trial one =
        GridSearch.search(
                data,
                "ease",
                Map.of(),
                grid,
                "random-by-user:0.75",
                7,
                EvalOptions.defaults(),
                Progress.silent())
            .get(0);
    GridSearch.Trial folds =
        GridSearch.search(
                data,
                "ease",
                Map.of(),
                grid,
                "kfold:3",
                7,
                EvalOptions.defaults(),
                Progress.silent())
            .get(0);
    // per-user values are pooled over the three folds: each user is evaluated once per fold
    assertThat(folds.result().users()).isGreaterThan(2 * one.result().users());
  }

  @Test
  void badGridsNameTheAxis() {
    assertThatThrownBy(() -> GridSearch.parseGrid("lambda=1,2 alpha"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alpha'");
  }
}
