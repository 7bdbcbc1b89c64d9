package dev.vitrina.experiments.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTest {

  private static AssignmentConfig config() {
    Experiment a = new Experiment("ranker", "ranker/1", Experiment.parseVariants("50/50"), 1);
    Experiment b = new Experiment("banner", "banner/1", Experiment.parseVariants("70/30"), 1);
    Experiment c = new Experiment("search", "search/1", Experiment.parseVariants("50/50"), 1);
    Layer home =
        new Layer("home", "home/1", List.of(new Layer.Slot(0, 0.5, a), new Layer.Slot(0.5, 1, b)));
    return new AssignmentConfig(List.of(c), List.of(home));
  }

  @Test
  void experimentsInALayerAreMutuallyExclusive() {
    AssignmentConfig cfg = config();
    int ranker = 0;
    int banner = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      List<Assignment> as = cfg.assign("u" + i);
      assertThat(as).hasSize(3);
      boolean r = as.get(1).assigned();
      boolean b = as.get(2).assigned();
      assertThat(r && b).as("unit in two experiments of one layer").isFalse();
      assertThat(r || b).isTrue();
      assertThat(as.get(0).assigned()).isTrue();
      ranker += r ? 1 : 0;
      banner += b ? 1 : 0;
    }
    assertThat((double) ranker / n).isCloseTo(0.5, offset(0.01));
    assertThat((double) banner / n).isCloseTo(0.5, offset(0.01));
  }

  @Test
  void overlappingSlotsAreRejected() {
    Experiment a = new Experiment("a", "a", Experiment.parseVariants("50/50"), 1);
    Experiment b = new Experiment("b", "b", Experiment.parseVariants("50/50"), 1);
    assertThatThrownBy(
            () ->
                new Layer("l", "l", List.of(new Layer.Slot(0, 0.6, a), new Layer.Slot(0.5, 1, b))))
        .hasMessageContaining("overlap")
        .hasMessageContaining("'a'");
  }

  @Test
  void readsJsonConfig(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("exp.json");
    Files.writeString(
        f,
        """
        {"experiments": [{"name": "ranker", "salt": "ranker/1", "coverage": 1.0,
          "variants": [{"name": "control", "weight": 70}, {"name": "treatment", "weight": 30}]}],
         "layers": [{"name": "home", "salt": "home/1", "slots": [
           {"from": 0.0, "to": 0.5, "experiment": {"name": "banner", "salt": "banner/1",
             "coverage": 1.0, "variants": [{"name": "a", "weight": 1}, {"name": "b", "weight": 1}]}}]}]}
        """);
    AssignmentConfig cfg = AssignmentConfig.read(f);
    assertThat(cfg.byName()).containsOnlyKeys("ranker", "banner");
    assertThat(cfg.assign("u1", "ranker"))
        .isEqualTo(
            new Experiment(
                    "ranker", "ranker/1", Experiment.parseVariants("control:70,treatment:30"), 1)
                .assign("u1"));
    Path single = dir.resolve("single.json");
    Files.writeString(
        single,
        "{\"name\":\"x\",\"salt\":\"x\",\"coverage\":1,\"variants\":[{\"name\":\"a\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":0}]}");
    assertThatThrownBy(() -> AssignmentConfig.read(single))
        .hasMessageContaining(single.toString())
        .hasMessageContaining("weight of variant 'b'");
    assertThatThrownBy(() -> cfg.assign("u", "nope")).hasMessageContaining("no experiment named");
  }
}
