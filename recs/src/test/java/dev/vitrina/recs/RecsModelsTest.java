package dev.vitrina.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.eval.EvalOptions;
import dev.vitrina.recs.eval.Evaluator;
import dev.vitrina.recs.eval.ModelResult;
import dev.vitrina.recs.eval.Splitters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecsModelsTest {

  /** docs/recommendations.md, from the module folder the tests run in. */
  private static final Path DOC = Path.of("..", "docs", "recommendations.md");

  /**
   * The {@code -P model.name=value} parameters of the tuned evaluation command spelled out in the
   * docs (the code block after "with the tuned parameters spelled out"), by model.
   */
  static Map<String, Map<String, String>> documentedTunedParams() throws IOException {
    String doc = Files.readString(DOC);
    int at = doc.indexOf("with the tuned parameters spelled out");
    assertThat(at).as("the tuned command in %s", DOC).isPositive();
    int from = doc.indexOf("```bash", at);
    String block = doc.substring(from, doc.indexOf("```", from + 7));
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    Matcher p = Pattern.compile("-P (\\w+)\\.(\\w+)=(\\S+)").matcher(block);
    while (p.find()) {
      m.computeIfAbsent(p.group(1), k -> new LinkedHashMap<>()).put(p.group(2), p.group(3));
    }
    return m;
  }

  @Test
  void defaultsAreTheTunedParametersTheDocsReport() throws IOException {
    Map<String, Map<String, String>> tuned = documentedTunedParams();
    assertThat(tuned.keySet()).containsExactlyInAnyOrder("itemknn", "ials", "ease");
    assertThat(tuned.get("ials"))
        .containsOnlyKeys("factors", "regularization", "alpha", "iterations");
    for (Map.Entry<String, Map<String, String>> e : tuned.entrySet()) {
      assertThat(RecsModels.trainer(e.getKey(), Map.of()).parameters())
          .as("default %s parameters against %s", e.getKey(), DOC)
          .isEqualTo(RecsModels.trainer(e.getKey(), e.getValue()).parameters());
    }
  }

  @Test
  void theDefaultsScoreTheDocumentedIalsFigureOnMovieLens() throws IOException {
    Interactions data = Fixtures.movieLens100k();
    ModelResult r =
        Evaluator.evaluateModel(
            "ials",
            RecsModels.trainer("ials", Map.of()),
            List.of(Splitters.randomByUser(data, 0.75, 42)),
            EvalOptions.defaults().withBootstrapSamples(0),
            Progress.silent());
    // documented: 0.4721 on this split; the old defaults (regularization 0.01, alpha 1) gave 0.384
    assertThat(r.mean("ndcg")).isGreaterThan(0.46);
    assertThat(r.users()).isEqualTo(943);
  }

  @ParameterizedTest
  @ValueSource(strings = {"popular", "itemknn", "ials", "ease"})
  void noModelFitsOnZeroInteractions(String model) {
    Interactions empty =
        Interactions.builder(Feedback.IMPLICIT).declareUser("u1").declareItem("a").build();
    assertThatThrownBy(() -> RecsModels.trainer(model, Map.of()).fit(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(model + " cannot be fitted on 0 interactions")
        .hasMessageContaining("a filter (Interactions.filterValueAtLeast,")
        .hasMessageNotContaining("--");
  }

  @Test
  void aFolderThatIsNotAModelIsBadInput(@TempDir Path tmp) {
    assertThatThrownBy(() -> RecsModels.load(tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a vitrina artifact")
        .hasMessageContaining("train command");
  }

  @Test
  void theFamiliesRegisterThemselvesAsServices() {
    assertThat(RecsModels.NAMES).containsExactly("popular", "itemknn", "ials", "ease");
    assertThat(RecsModels.families())
        .extracting(dev.vitrina.recs.model.ModelFamily::format)
        .containsExactly(
            "vitrina.recs.popular",
            "vitrina.recs.itemknn",
            "vitrina.recs.ials",
            "vitrina.recs.ease");
    assertThatThrownBy(() -> RecsModels.trainer("bpr", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose one of popular, itemknn, ials, ease");
  }
}
